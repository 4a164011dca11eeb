"""HTML → PDF through WeasyPrint, with the shipped Sarabun font and nothing fetched from outside.

The PDF's text layer is made exact for Thai (ToUnicode read from the font; ActualText on syllables
whose glyphs cannot tell their text or whose marks extractors re-sort): see textlayer.py.
"""

import contextlib
import functools
from pathlib import Path

from . import thaiwrap
from .textlayer import exact_text

FONT_DIR = Path(__file__).resolve().parents[2] / "static" / "fonts"


def font_css() -> str:
    faces = [("Regular", 400, "normal"), ("Bold", 700, "normal"), ("Italic", 400, "italic"),
             ("BoldItalic", 700, "italic")]
    return "\n".join(
        f'@font-face {{ font-family: "Sarabun"; src: url("{(FONT_DIR / f"Sarabun-{name}.ttf").as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for name, weight, style in faces
    )


@functools.cache
def _fetcher_class():
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        """WeasyPrint may load only our own files; anything else is refused (no network at render
        time)."""

        def fetch(self, url, headers=None):
            if not url.startswith(("file:", "data:")):
                raise ValueError(f"refused to fetch {url}")
            return super().fetch(url, headers)

    return LocalOnlyFetcher


def local_fetcher():
    """A URL fetcher for one render that reads file: and data: URLs only."""
    return _fetcher_class()(allowed_protocols=("file", "data"), allow_redirects=False)


#: Archival PDF (ISO 19005-3, level B: fonts embedded, sRGB output intent, XMP metadata from the
#: page's <title>, <meta name="author">, dcterms.created/modified and lang), tagged (WeasyPrint's
#: structure tree: headings, paragraphs, tables) so that readers and screen readers follow it.
PDF_OPTIONS = {"pdf_variant": "pdf/a-3b", "pdf_tags": True}


def html_to_pdf(html: str, *, exact: bool = True) -> bytes:
    """Render ``html`` to PDF/A-3b bytes, tagged. ``exact=False`` gives WeasyPrint's own text
    layer (bench only)."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    thaiwrap.install()  # Thai lines break between words only, and justify over them
    fonts = FontConfiguration()
    fetcher = local_fetcher()
    document = HTML(string=html, base_url=str(FONT_DIR), url_fetcher=fetcher)
    stylesheet = CSS(string=font_css(), font_config=fonts, url_fetcher=fetcher)
    with exact_text() if exact else contextlib.nullcontext():
        return document.write_pdf(stylesheets=[stylesheet], font_config=fonts, **PDF_OPTIONS)
