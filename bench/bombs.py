"""The probe's hostile uploads (issue 14), read as before this change and as now, with time and peak memory.

    .venv/bin/python -m bench.bombs [--before-limit-mb 4096] [--before-wall 120]

"Before" runs the old reading (python-docx on the whole archive; pdfium rendering at 300 dpi without looking at
the page box) in a sandboxed child capped at the given memory and wall time, so a bomb is measured without
taking the machine down: a capped figure reads "≥". "Now" is the worker's reading (prasan.sandbox with the
default limits): the file refused from its header, archive directory or page box.
"""

import argparse
import io
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prasan.settings")


def old_docx(path: str, progress=None) -> int:
    """Before: python-docx over every paragraph, as extract.docx_text did with no limit."""
    import docx

    document = docx.Document(io.BytesIO(Path(path).read_bytes()))
    return sum(len(p.text) for p in document.paragraphs)


def old_pdf_render(path: str, progress=None) -> list[int]:
    """Before: the page rendered at 300 dpi, its size checked only after (ocr.pdf_page_image)."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(Path(path).read_bytes())[0]
    image = page.render(scale=300 / 72, grayscale=True).to_pil()
    return list(image.size)


def main() -> None:
    from prasan import sandbox
    from tests.intake import bombs

    parser = argparse.ArgumentParser()
    parser.add_argument("--before-limit-mb", type=int, default=4096)
    parser.add_argument("--before-wall", type=int, default=120)
    parser.add_argument("--skip-before", action="store_true")
    args = parser.parse_args()
    cases = [
        ("one-page PDF, a 14,400 × 14,400 pt page", bombs.pdf_page(14_400, 14_400), "huge.pdf", "old_pdf_render"),
        ("1 MB DOCX zip bomb", bombs.zip_bomb(), "bomb.docx", "old_docx"),
        ("113 KB DOCX, 8.7 M empty paragraphs", bombs.paragraph_bomb(), "paragraphs.docx", "old_docx"),
        ("DOCX of 5,000 parts", bombs.many_parts(), "parts.docx", "old_docx"),
        ("PNG claiming 10 giga-pixels", bombs.pixel_bomb_png(), "pixels.png", None),
    ]
    before_limits = sandbox.Limits(memory_mb=args.before_limit_mb, cpu_seconds=args.before_wall,
                                   wall_seconds=args.before_wall)
    now_limits = sandbox.Limits()
    for label, data, name, old in cases:
        with tempfile.TemporaryDirectory() as work:
            path = Path(work) / name
            path.write_bytes(data)
            (Path(work) / "previews").mkdir()
            before = "—"
            if old and not args.skip_before:
                before = _measure(sandbox, f"bench.bombs.{old}", (str(path),), before_limits)
            now = _measure(sandbox, "prasan.correspondence.intake.pipeline.run_file",
                           (str(path), name, str(Path(work) / "previews")), now_limits)
        print(f"{label} ({len(data):,} bytes)\n  before: {before}\n  now:    {now}", flush=True)


def _measure(sandbox, function: str, args: tuple, limits) -> str:
    started = time.monotonic()
    try:
        outcome = sandbox.call(function, *args, limits=limits)
    except sandbox.SandboxError as exc:
        capped = "≥ " if exc.code in ("time", "memory") else ""
        return (f"{capped}{exc.seconds:.1f} s, peak {capped}{exc.peak_kb / 1024:,.0f} MB — stopped: {exc.code}: "
                f"{exc.message[:90]}")
    return f"{time.monotonic() - started:.1f} s, peak {outcome.peak_kb / 1024:,.0f} MB — read (no refusal)"


if __name__ == "__main__":
    main()
