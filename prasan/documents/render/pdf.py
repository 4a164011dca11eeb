"""HTML → PDF through WeasyPrint, with the shipped Sarabun font and nothing fetched from outside."""

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parents[2] / "static" / "fonts"


def font_css() -> str:
    faces = [("Regular", 400, "normal"), ("Bold", 700, "normal"), ("Italic", 400, "italic"),
             ("BoldItalic", 700, "italic")]
    return "\n".join(
        f'@font-face {{ font-family: "Sarabun"; src: url("{(FONT_DIR / f"Sarabun-{name}.ttf").as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for name, weight, style in faces
    )


def _local_only(url: str, timeout: int = 10, ssl_context=None):
    """WeasyPrint may load only our own files; anything else is refused (no network at render time)."""
    from weasyprint import default_url_fetcher

    if not url.startswith("file://") and not url.startswith("data:"):
        raise ValueError(f"refused to fetch {url}")
    return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    document = HTML(string=html, base_url=str(FONT_DIR), url_fetcher=_local_only)
    return document.write_pdf(stylesheets=[CSS(string=font_css(), font_config=fonts)], font_config=fonts)
