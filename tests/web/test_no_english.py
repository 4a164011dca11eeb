"""No English on any page: every page, as every role, and every POST form given bad input, shows only Thai
(plus the allow-listed names in visible.py)."""

import io
from collections import defaultdict

import openpyxl
import pytest
from django.test import Client

from tests.web import walk
from tests.web.visible import context_of, english_words, visible_text
from tests.web.walk_scene import build

pytestmark = pytest.mark.django_db

# Django's own messages, in Thai: the bad input reached the forms' validation and was refused in Thai.
# Django's own messages the walk must meet (its IntegerField message is checked in test_locale: every number
# field of the pages words its own).
DJANGO_MESSAGES = ("ยาวได้ไม่เกิน", "อักขระควบคุมที่มองไม่เห็น", "กรุณากรอกช่องนี้")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROLES = ("coordinator", "grouphead", "head", "minister", "registrar", "auditor", "admin")


@pytest.fixture
def scene(office, unit, users, agencies, make_matter):
    return build(office=office, unit=unit, users=users, agencies=agencies, make_matter=make_matter)


def sheet_text(content: bytes) -> str:
    """Every text cell and sheet name of a workbook (what a person reads in Excel)."""
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    texts = [sheet.title for sheet in book.worksheets]
    for sheet in book.worksheets:
        texts += [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if isinstance(cell, str)]
    return "\n".join(texts)


class Findings:
    """English words found, each with where it was seen first; pages counted; server errors kept."""

    def __init__(self, allowed: frozenset = frozenset()):
        self.allowed = allowed
        self.words: dict[str, list[str]] = defaultdict(list)
        self.pages = 0
        self.errors: list[str] = []
        self.thai_errors: set[str] = set()

    def check(self, who: str, url: str, response) -> str:
        if response.status_code >= 500:
            self.errors.append(f"{who} {url[:120]}: {response.status_code}")
        kind = response.get("Content-Type", "")
        if response.streaming:
            return ""
        if kind.startswith(XLSX):
            body, text = "", sheet_text(response.content)
        elif kind.startswith(("text/html", "text/csv")):
            body = response.content.decode()
            text = visible_text(body) if kind.startswith("text/html") else body
        else:
            return ""
        self.pages += 1
        self.thai_errors.update(m for m in DJANGO_MESSAGES if m in text)
        for word in english_words(text, self.allowed):
            if len(self.words[word]) < 3:
                self.words[word].append(f"{who} {url[:120]}: …{context_of(text, word)}…")
        return body

    def report(self) -> str:
        lines = [f"{len(self.words)} English words on {self.pages} pages:"]
        for word, seen in sorted(self.words.items()):
            lines.append(f"  {word!r}")
            lines.extend(f"      {s}" for s in seen)
        return "\n".join(lines + self.errors)


def client_for(user=None) -> Client:
    # A page that fails is counted as a finding, so the walk goes on and reports them all.
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def walk_as(found: Findings, users, roles, pages_for) -> None:
    """GET every page as each role, then post every form found (empty, then junk in every field) as the
    first role that was offered it."""
    forms: dict[str, tuple[str, dict]] = {}
    for role in roles:
        client = client_for(users[role])
        for url in pages_for(role):
            body = found.check(role, url, client.get(url))
            for form in walk.post_forms(body, url):
                if form["action"] not in forms and "logout" not in form["action"]:
                    forms[form["action"]] = (role, form)
    for action, (role, form) in forms.items():
        client = client_for(users[role])
        for data in (walk.empty(form), walk.junk(form)):
            found.check(f"{role} POST", action, client.post(action, data, follow=True))


def test_every_page_is_listed_in_the_walk(scene):
    listed = set(walk.pages(scene)) | set(walk.NOT_PAGES)
    assert walk.url_names() - listed == set(), "add the new pages to tests/web/walk.py"


def test_no_page_shows_english_to_any_role(scene, users):
    found = Findings()
    pages = walk.pages(scene)
    anonymous = client_for()
    for url in pages["login"] + pages["agency-reply"] + pages["public-complaint"] + pages["public-complaint-status"]:
        found.check("anonymous", url, anonymous.get(url))
    site = [u for name, us in pages.items() if name != "login" for u in us]
    walk_as(found, users, ROLES, lambda role: site)
    print(found.report())
    assert found.pages > 400
    assert found.thai_errors == set(DJANGO_MESSAGES)
    assert not found.words and not found.errors, found.report()



def test_the_admin_shows_no_english(scene, users):
    # The admin lists users by their log-in names, which are typed in Latin letters.
    found = Findings(allowed=frozenset(user.username for user in users.values()))
    walk_as(found, users, ["admin"], lambda role: walk.admin_pages())
    print(found.report())
    assert found.pages > 40
    assert not found.words and not found.errors, found.report()
