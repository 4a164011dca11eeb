"""The authorization sweep, kept in the suite: every page of the site (the no-English walk's list, with the
walk scene's ids) opened by all seven roles after every matter of the office is raised to ลับที่สุด and no
one holds the clearance. No page may answer 5xx, and no page may show any of those matters' titles, their
document titles or their agency requests' text; the pages of one matter, document or request answer 404
exactly like one that does not exist."""

import pytest
from django.test import Client

from prasan.coordination.models import AgencyRequest
from prasan.documents.models import Document
from prasan.matters.choices import Secrecy
from prasan.matters.models import Matter

from . import walk
from .walk_scene import build

pytestmark = pytest.mark.django_db(transaction=True)
ROLES = ("coordinator", "grouphead", "head", "minister", "registrar", "auditor", "admin")
# Object pages: their address names one matter (or what hangs on it) and must be a plain 404.
OBJECT_PAGES = {"matter-detail", "document-detail", "document-file", "document-compare", "matter-plan",
                "matter-edit"}


@pytest.fixture
def scene(office, unit, users, agencies, make_matter):
    return build(office=office, unit=unit, users=users, agencies=agencies, make_matter=make_matter)


def _secret_texts() -> list[str]:
    texts = list(Matter.objects.values_list("title", flat=True))
    texts += list(Document.objects.values_list("title", flat=True))
    texts += [t for t in AgencyRequest.objects.values_list("deliverable", flat=True) if len(t) >= 12]
    return sorted({t for t in texts if t})


def test_no_page_shows_a_top_secret_matter_to_anyone_without_the_clearance(scene, users):
    for matter in Matter.objects.all():
        matter.secrecy = Secrecy.TOP_SECRET
        matter.save()  # through save: the search index and the counts follow
    type(users["head"]).objects.update(clearance=0)
    secrets = _secret_texts()
    assert len(secrets) >= 5
    pages = walk.pages(scene)
    opened = not_found = 0
    leaks, errors = [], []
    for role in ROLES:
        client = Client(raise_request_exception=False)
        client.force_login(type(users[role]).objects.get(pk=users[role].pk))
        for name, urls in pages.items():
            if name in ("login", "agency-reply"):
                continue
            for url in urls:
                response = client.get(url)
                opened += 1
                if response.status_code >= 500:
                    errors.append(f"{role} {url}: {response.status_code}")
                if name in OBJECT_PAGES and response.status_code not in (403, 404):
                    leaks.append(f"{role} {url}: {response.status_code} (ควรเป็น 404)")
                not_found += response.status_code == 404
                if response.streaming or not response.get("Content-Type", "").startswith(("text/", "application/json")):
                    continue
                body = response.content.decode("utf-8", "replace")
                leaks += [f"{role} {url}: “{text[:40]}”" for text in secrets if text in body]
    print(f"{opened} pages opened as {len(ROLES)} roles, {not_found} answered 404")
    assert opened > 400
    assert not errors, errors
    assert not leaks, "\n".join(leaks[:40])
