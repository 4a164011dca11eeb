"""The allow-list a post's body passes through before it is stored: headings, paragraphs, lists, links, quotes and
the post's own photos; everything else (scripts, event handlers, styles, javascript: links, frames) is removed.

Photos are kept as `<img data-image="ID" alt="…">` without a src: the page showing the post fills the src in
(`public.public_body_html`), so a stored body never points at an internal address or at another site.
"""

import re

import nh3

TAGS = {"h2", "h3", "h4", "p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "blockquote",
        "figure", "figcaption", "img"}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"alt", "data-image"}}
URL_SCHEMES = {"http", "https", "mailto"}
_IMAGE_ID = re.compile(r"^\d{1,12}$")


def _attribute(element: str, attribute: str, value: str):
    if element == "img" and attribute == "data-image" and not _IMAGE_ID.match(value):
        return None
    return value


def clean(html: str) -> str:
    """The body as it may be stored and shown: only the allowed elements, links opened safely."""
    return nh3.clean(html or "", tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     attribute_filter=_attribute, link_rel="noopener noreferrer nofollow",
                     strip_comments=True).strip()


def text_of(html: str) -> str:
    """The body as plain text (for summaries, LINE and search)."""
    text = nh3.clean(re.sub(r"</(p|h[2-4]|li|blockquote|figcaption)>|<br\s*/?>", "\n", html or ""), tags=set())
    import html as html_module

    return "\n".join(line.strip() for line in html_module.unescape(text).splitlines() if line.strip())
