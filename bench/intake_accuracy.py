"""How well letter intake reads the corpus in bench/letters: field accuracy and time.

    .venv/bin/python bench/intake_accuracy.py [--variants txt,docx,pdf,scan] [--json] [--failures]

Each letter's .json holds the fields a person would enter. A field is right when the parsed
value equals it after whitespace is removed and digits are made Arabic (Thai puts no spaces
between words, so a space OCR inserts or drops changes nothing a register needs); list fields
are compared as sets of such strings. Letters in bench/letters/heldout/ were written after the
parser was finished and are reported apart. Scans and DOCX/PDF files come from
bench/letters/make_variants.py (run it first; it writes var/bench-letters/).

`duty_type` and the `parliament` object (issue 15) are also scored key by key (`parliament.kind`, …) over
the letters whose expected object is not null, for each part of the corpus apart: the development letters,
the first held-out part (h*, written for issue 4), the parliament held-out part (q*, written after the
parliament parser was committed) and the complaint held-out part (r*, issue 16, written after the complaint
parser was committed).

Targets (issue 4): ≥ 97 % of fields right with a text layer, ≥ 85 % on 200-dpi scans;
≤ 100 ms per text letter; OCR ≤ 15 s per page on 2 cores.
"""

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prasan.settings")

from prasan.correspondence.intake import ocr, pipeline  # noqa: E402
from prasan.correspondence.intake.fields.cabinet import KEYS as CABINET_KEYS  # noqa: E402
from prasan.correspondence.intake.fields.complaint import KEYS as COMPLAINT_KEYS  # noqa: E402
from prasan.correspondence.intake.fields.parliament import KEYS as PARLIAMENT_KEYS  # noqa: E402
from prasan.correspondence.intake.parse import FIELDS  # noqa: E402
from prasan.thai.digits import to_arabic  # noqa: E402

LETTERS = ROOT / "bench/letters"
VARIANTS = ROOT / "var/bench-letters"
TEXT_VARIANTS = ("txt", "docx", "pdf")
TIMING_REPEATS = 5
OBJECTS = {"parliament": PARLIAMENT_KEYS, "complaint": COMPLAINT_KEYS, "cabinet": CABINET_KEYS}
NEW_FIELDS = ("duty_type", *(f for name, keys in OBJECTS.items() for f in (name, *(f"{name}.{k}" for k in keys))))
GROUPS = ("dev", "heldout", "heldout_parliament", "heldout_complaint")


def group_of(name: str, held_out: bool) -> str:
    if not held_out:
        return "dev"
    return {"q": "heldout_parliament", "r": "heldout_complaint"}.get(name[0], "heldout")


def corpus() -> list[tuple[str, Path, dict, bool]]:
    """(name, source .txt, expected fields, held out?)."""
    out = []
    for folder, held_out in ((LETTERS, False), (LETTERS / "heldout", True)):
        for source in sorted(folder.glob("*.txt")):
            expected = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
            out.append((source.stem, source, expected, held_out))
    return out


def variant_path(name: str, source: Path, variant: str) -> Path | None:
    if variant == "txt":
        return source
    if variant == "scan":
        found = sorted((VARIANTS / "scan").glob(f"{name}.*"))
        return found[0] if found else None
    path = VARIANTS / variant / f"{name}.{variant}"
    return path if path.exists() else None


def _norm_text(value: str) -> str:
    return re.sub(r"\s+", "", to_arabic(value)).replace("\u0e4d\u0e32", "\u0e33")


def same(expected, got) -> bool:
    if isinstance(expected, dict) and isinstance(got, dict):
        return expected.keys() == got.keys() and all(same(expected[k], got[k]) for k in expected)
    if isinstance(expected, list) or isinstance(got, list):
        return sorted(map(_norm_text, expected or [])) == sorted(map(_norm_text, got or []))
    if isinstance(expected, str) and isinstance(got, str):
        return _norm_text(expected) == _norm_text(got)
    return expected == got


def measure(variant: str, letters, options: ocr.OcrOptions, failures: bool) -> dict:
    per_field = {f: [0, 0] for f in FIELDS}
    groups = {"dev": [0, 0], "heldout": [0, 0]}
    by_group = {g: {f: [0, 0] for f in NEW_FIELDS} for g in GROUPS}
    times, page_times, missing, errors = [], [], [], []
    for name, source, expected, held_out in letters:
        path = variant_path(name, source, variant)
        if path is None:
            missing.append(name)
            continue
        data = path.read_bytes()
        repeats = 1 if variant == "scan" else TIMING_REPEATS
        spent = []
        try:
            for _ in range(repeats):
                started = time.perf_counter()
                result = pipeline.run(data, path.name, options=options)
                spent.append(time.perf_counter() - started)
        except Exception as exc:  # a crash is a miss on every field, and is listed
            errors.append(f"{name}: {exc}")
            for f in FIELDS:
                per_field[f][1] += f in expected
            groups["heldout" if held_out else "dev"][1] += sum(f in expected for f in FIELDS)
            score_new_fields(by_group[group_of(name, held_out)], expected,
                             {"parliament": None, "complaint": None, "duty_type": None})
            continue
        times.append(statistics.median(spent))
        if result.ocr_used:
            page_times.append(spent[0] / max(result.pages, 1))
        for f in FIELDS:
            if f not in expected:  # signer_position (issue 19) is labelled on few letters of this corpus
                continue
            right = same(expected[f], result.fields[f])
            per_field[f][0] += right
            per_field[f][1] += 1
            group = groups["heldout" if held_out else "dev"]
            group[0] += right
            group[1] += 1
            if failures and not right:
                print(f"  ✗ {variant} {name} {f}: expected {expected[f]!r} got {result.fields[f]!r}", file=sys.stderr)
        score_new_fields(by_group[group_of(name, held_out)], expected, result.fields)
    right = sum(r for r, _ in per_field.values())
    total = sum(t for _, t in per_field.values())
    return {
        "variant": variant,
        "letters": len(letters) - len(missing),
        "accuracy": right / total if total else None,
        "dev_accuracy": groups["dev"][0] / groups["dev"][1] if groups["dev"][1] else None,
        "heldout_accuracy": groups["heldout"][0] / groups["heldout"][1] if groups["heldout"][1] else None,
        "per_field": {f: (r / t if t else None) for f, (r, t) in per_field.items()},
        "median_seconds_per_letter": statistics.median(times) if times else None,
        "median_ocr_seconds_per_page": statistics.median(page_times) if page_times else None,
        "max_ocr_seconds_per_page": max(page_times) if page_times else None,
        "new_fields": {g: {f: (r / t if t else None, t) for f, (r, t) in fields.items()}
                       for g, fields in by_group.items()},
        "missing": missing,
        "errors": errors,
    }


def score_new_fields(counts: dict, expected: dict, got: dict) -> None:
    """duty_type and each object over every letter; each object's keys over the letters that have it."""
    for f in ("duty_type", *OBJECTS):
        counts[f][0] += same(expected[f], got[f])
        counts[f][1] += 1
    for name, keys in OBJECTS.items():
        if expected[name] is None:
            continue
        found = got[name] or {}
        for key in keys:
            counts[f"{name}.{key}"][0] += same(expected[name][key], found.get(key))
            counts[f"{name}.{key}"][1] += 1


def new_fields_table(results: list[dict]) -> str:
    pct = lambda v: "  – " if v is None else f"{v * 100:.0f}%"  # noqa: E731
    columns = [(r, g) for r in results for g in GROUPS]
    short = {"dev": "dev", "heldout": "held-h", "heldout_parliament": "held-P", "heldout_complaint": "held-C"}
    head = "field".ljust(26) + "".join(f"{r['variant']}/{short[g]}".rjust(12) for r, g in columns)
    rows = [head, "-" * len(head)]
    for f in NEW_FIELDS:
        cells = []
        for r, g in columns:
            value, total = r["new_fields"][g][f]
            cells.append(f"{pct(value)} {total:>2}".rjust(12))
        rows.append(f.ljust(26) + "".join(cells))
    return "\n".join(rows)


def table(results: list[dict]) -> str:
    pct = lambda v: "   –  " if v is None else f"{v * 100:5.1f}%"  # noqa: E731
    head = "field".ljust(18) + "".join(r["variant"].rjust(9) for r in results)
    rows = [head, "-" * len(head)]
    for f in FIELDS:
        rows.append(f.ljust(18) + "".join(pct(r["per_field"][f]).rjust(9) for r in results))
    rows.append("-" * len(head))
    for key, label in (("accuracy", "all letters"), ("dev_accuracy", "development"), ("heldout_accuracy", "held out")):
        rows.append(label.ljust(18) + "".join(pct(r[key]).rjust(9) for r in results))
    rows.append("letters".ljust(18) + "".join(str(r["letters"]).rjust(9) for r in results))
    ms = lambda v: "–" if v is None else f"{v * 1000:.0f} ms"  # noqa: E731
    rows.append("median / letter".ljust(18) + "".join(ms(r["median_seconds_per_letter"]).rjust(9) for r in results))
    sec = lambda v: "–" if v is None else f"{v:.1f} s"  # noqa: E731
    rows.append("OCR / page (med)".ljust(18) + "".join(sec(r["median_ocr_seconds_per_page"]).rjust(9) for r in results))
    rows.append("OCR / page (max)".ljust(18) + "".join(sec(r["max_ocr_seconds_per_page"]).rjust(9) for r in results))
    for r in results:
        if r["missing"]:
            rows.append(f"{r['variant']}: missing {len(r['missing'])} (run bench/letters/make_variants.py)")
        for error in r["errors"]:
            rows.append(f"{r['variant']}: error {error}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="txt,docx,pdf,scan")
    parser.add_argument("--only", nargs="*", help="letter names (stems)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--failures", action="store_true", help="list every wrong field on stderr")
    parser.add_argument("--psm", type=int, default=ocr.PAGE_SEGMENTATION)
    parser.add_argument("--whole-page", action="store_true",
                        help="let Tesseract lay out the page (use with --psm 4 or 6) instead of reading by line")
    parser.add_argument("--languages", default=ocr.LANGUAGES)
    parser.add_argument("--no-digit-reread", action="store_true")
    args = parser.parse_args(argv)
    letters = [entry for entry in corpus() if not args.only or entry[0] in args.only]
    options = ocr.OcrOptions(languages=args.languages, psm=args.psm, digits=not args.no_digit_reread,
                             by_line=not args.whole_page)
    results = [measure(v, letters, options, args.failures) for v in args.variants.split(",")]
    if args.json:
        print(json.dumps({"ocr": vars(options), "results": results}, ensure_ascii=False, indent=2))
    else:
        print(table(results))
        print()
        print("duty_type, parliament and complaint, by part of the corpus (accuracy, letters counted):")
        print(new_fields_table(results))


if __name__ == "__main__":
    main()
