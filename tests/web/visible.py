"""What a user reads on a page, and the English words in it.

Visible text is the text between tags outside <script>, <style> and <template>, plus the attributes a user
reads or hears (title, placeholder, aria-label, alt, and the value of a button-like <input>). An English
word is a run of Latin letters; the short allow-list below holds the names and codes the office writes in
Latin letters too, each with its reason.
"""

import re
from html import unescape
from html.parser import HTMLParser

# The names and codes Thai offices write in Latin letters, and why each one stays.
ALLOWED = {
    "LINE",  # the messaging app's name (ไลน์ is informal); channel names say "LINE"
    "PDF", "DOCX", "XLSX", "CSV", "ICS", "SVG", "PNG",  # file formats, the names on the download buttons and in file names
    "Word", "Excel",  # the programs offices open those files with, named on the download buttons
    "UTF",  # "CSV UTF-8", the file type's name in Excel's save dialog, which the import page quotes
    "API",  # the programming interface's name, shown to the admin with API tokens
    "Traffy", "Fondue",  # the complaint platform's own name (its Thai spelling ทราฟฟี่ฟองดูว์ is informal)
    # Two-factor set-up: the authenticator apps to search for in the app store by their own names, the
    # account name and key type the app itself shows when the key is typed in by hand.
    "Google", "Microsoft", "Authenticator", "FreeOTP", "Prasan", "TOTP",
}
# Addresses, links and file names are data, not words to translate. Each starts only where a word starts,
# so a 100,000-letter field is scanned once, not once per letter.
_SKIP = [
    re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+"),  # e-mail addresses
    re.compile(r"https?://\S+"),  # links
    re.compile(r"\b[UCR][0-9a-f]{32}\b"),  # LINE user, group and room ids
    re.compile(r"\b(?:[A-Z2-7]{4} ){3,}[A-Z2-7]{1,4}\b"),  # a two-factor key to type into the app (base32)
    re.compile(r"\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{16,}\b"),  # hash digests (the audit chain)
    re.compile(r"(?<![\w/])/[\w\-./?=&%]+"),  # paths shown to copy (e.g. a calendar feed's)
    # A complainant's data as people without the permission see it: s***@e***, 08x-xxx-5678, x-xxxx-xxxxx-xx-x.
    re.compile(r"(?<![\w.+-])\w\*\*\*@\w\*\*\*|\b\d\dx-xxx-\d{4}\b|\bxxx-\d{4}\b|\bx-xxxx-xxxxx-xx-x\b"),
    re.compile(r"(?<![\w\-])[\w\-]+\.(pdf|docx|xlsx|csv|ics|txt|png|jpe?g|tiff?)\b", re.I),  # file names
]
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SHOWN_ATTRS = {"title", "placeholder", "aria-label", "alt"}
_BUTTON_INPUTS = {"submit", "button", "reset"}
_HIDDEN = {"script", "style", "template"}


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
            return
        attrs = dict(attrs)
        self.parts.extend(v for k, v in attrs.items() if k in _SHOWN_ATTRS and v)
        if tag == "input" and attrs.get("type") in _BUTTON_INPUTS and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in _HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return unescape(" ".join(p.strip() for p in parser.parts if p.strip()))


def english_words(text: str, allowed: set[str] = frozenset()) -> list[str]:
    """The Latin-letter words in `text` that are not an address, link, file name or allowed name."""
    for pattern in _SKIP:
        text = pattern.sub(" ", text)
    return [w for w in _WORD.findall(text) if w not in ALLOWED and w not in allowed]


def context_of(text: str, word: str, width: int = 50) -> str:
    at = text.find(word)
    return text[max(0, at - width):at + len(word) + width].replace("\n", " ")
