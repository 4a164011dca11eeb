"""HTML → PDF through WeasyPrint, with the shipped Sarabun font and nothing fetched from outside.

The PDF's text layer is made exact for Thai (ToUnicode read from the font; ActualText on syllables
whose glyphs cannot tell their text or whose marks extractors re-sort): see textlayer.py.
"""

import atexit
import contextlib
import functools
import threading
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


_render_lock = threading.Lock()
PRINT_CSS = Path(__file__).resolve().parents[2] / "templates" / "documents" / "print.css"


@functools.cache
def _shared():
    """The font configuration with Sarabun's four faces and the documents' print stylesheet, made
    once per process: loading the fonts and parsing the stylesheets took about a fifth of a render."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    # Dropped before the interpreter tears its modules down (its __del__ needs them).
    atexit.register(_shared.cache_clear)
    fetcher = local_fetcher()
    faces = CSS(string=font_css(), font_config=fonts, url_fetcher=fetcher)
    page = CSS(string=PRINT_CSS.read_text(encoding="utf-8"), font_config=fonts, url_fetcher=fetcher)
    return fonts, faces, page


def html_to_pdf(html: str, *, exact: bool = True, print_css: bool = False) -> bytes:
    """Render ``html`` to PDF/A-3b bytes, tagged. ``print_css``: apply the documents' print
    stylesheet (parsed once) to a page that does not carry it inline. ``exact=False`` gives
    WeasyPrint's own text layer (bench only). Renders take turns: the fonts are shared."""
    from weasyprint import HTML

    thaiwrap.install()  # Thai lines break between words only, and justify over them
    with _render_lock:
        fonts, faces, page = _shared()
        document = HTML(string=html, base_url=str(FONT_DIR), url_fetcher=local_fetcher())
        with exact_text() if exact else contextlib.nullcontext():
            return document.write_pdf(stylesheets=[faces, page] if print_css else [faces], font_config=fonts,
                                      **PDF_OPTIONS)
