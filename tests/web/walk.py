"""Every page of the site with real ids from the walk's scene, and the POST forms found on them.

`PAGES` names each URL pattern's addresses; a new pattern without an entry fails the walk, so a new page
cannot be left out. `post_forms` reads the forms a page offers, so the walk posts bad input to each of them.
"""

from html.parser import HTMLParser

from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Patterns the walk does not GET as a page, each with its reason.
NOT_PAGES = {
    "healthz": "a probe for the load balancer, answers 'ok' to machines",
    "logout": "POST only; the walk leaves the session alone",
    # POST only: the walk posts to them from the forms it finds on the publishing pages and the matter page.
    "post-from-matter": "POST only (เขียนข่าว on a closed matter)", "post-from-agenda": "POST only (เขียนข่าว)",
    "post-from-document": "POST only (เผยแพร่ประกาศนี้บนเว็บไซต์)",
    "post-action": "POST only (a step of the post)", "post-line": "POST only (send LINE again)",
    "post-image-add": "POST only (a photo upload)", "post-image-change": "POST only (cover, remove)",
    "briefing-part-add": "POST only (a part of a pack)", "briefing-part-order": "POST only (the parts' order)",
    "briefing-part-move": "POST only (one part up or down)", "briefing-part-remove": "POST only (a part out)",
    "briefing-build": "POST only (starts the build)",
    "briefing-download": "the built PDF: built and read back in tests/briefing",
    # The public site's machine-readable answers and files, each checked in tests/public_site.
    "feed": "Atom XML", "section-feed": "Atom XML", "sitemap": "sitemap XML", "robots": "robots.txt",
    "image": "a photo's bytes", "announcement-pdf": "a signed announcement's PDF",
}


def url_names() -> set[str]:
    """Every named pattern outside the API (its refusals are tested in tests/api) and the admin (walked
    from its own registry below)."""
    names = set()

    def walk(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace in ("admin",) or str(p.pattern).startswith("api/"):
                    continue
                walk(p.url_patterns, namespace)
            elif isinstance(p, URLPattern) and p.name:
                names.add(p.name)

    walk(get_resolver().url_patterns)
    return names


def pages(s) -> dict[str, list[str]]:
    """URL name → the addresses the walk opens (GET)."""
    m, d = s["matter"], s["decided"]
    return {
        "home": [reverse("home")],
        "login": [reverse("login")],
        "my-work": [reverse("my-work")],
        "signed-in": [reverse("signed-in")],
        "account": [reverse("account")],
        "password-change": [reverse("password-change")],
        "two-factor-verify": [reverse("two-factor-verify")],
        "two-factor-enrol": [reverse("two-factor-enrol")],
        "recovery-codes": [reverse("recovery-codes")],
        "recovery-codes-renew": [reverse("recovery-codes-renew")],
        "two-factor-remove": [reverse("two-factor-remove")],
        "session-status": [reverse("session-status")],
        "inbox-badge": [reverse("inbox-badge")],
        "inbox-kind": [reverse("inbox-kind", args=[kind]) for kind in ("accept", "review", "decision")],
        "matter-list": [reverse("matter-list"), reverse("matter-list") + "?state=coordinating&q=ครู"],
        "matter-export": [reverse("matter-export", args=["csv"]), reverse("matter-export", args=["xlsx"])],
        "quick-command": [reverse("quick-command")],
        "matter-new": [reverse("matter-new")],
        "matter-detail": [reverse("matter-detail", args=[pk]) for pk in (m, d, s["secret"])],
        "matter-edit": [reverse("matter-edit", args=[m])],
        "matter-share": [reverse("matter-share", args=[s["secret"]])],
        "matter-unshare": [reverse("matter-unshare", args=[s["secret"], s["share"]])],
        "matter-event": [reverse("matter-event", args=[m])],
        "matter-plan": [reverse("matter-plan", args=[m])],
        "matter-milestone-add": [reverse("matter-milestone-add", args=[m])],
        "matter-milestone-toggle": [reverse("matter-milestone-toggle", args=[m, s["milestone"]])],
        "matter-file-upload": [reverse("matter-file-upload", args=[m])],
        "matter-file": [reverse("matter-file", args=[m, s["file"]])],
        "activity-new": [reverse("activity-new", args=[m])],
        "requests-new": [reverse("requests-new", args=[m])],
        "request-reissue": [reverse("request-reissue", args=[m, s["request"]])],
        "request-cancel": [reverse("request-cancel", args=[m, s["request"]])],
        "request-answer-seen": [reverse("request-answer-seen", args=[m, s["answered"]])],
        "agency-reply": [reverse("agency-reply", args=[s["reply_token"]]), reverse("agency-reply", args=["x"]),
                         reverse("agency-reply", args=[s["policy_reply_token"]])],
        "document-new": [reverse("document-new", args=[d]) + f"?form={f}" for f in ("summary_note", "office_memo")]
        + [reverse("document-new", args=[d])],
        "document-detail": [reverse("document-detail", args=[pk]) for pk in (s["memo"], s["note"])],
        "document-preview": [reverse("document-preview", args=[s["note"]])],
        "document-file": [reverse("document-file", args=[s["memo"], "pdf"])],
        "document-compare": [reverse("document-compare", args=[s["note"]])
                             + f"?a={s['note_from']}&b={s['note_to']}",
                             reverse("document-compare", args=[s["memo"]])],
        "document-submit": [reverse("document-submit", args=[s["note"]])],
        "document-decide": [reverse("document-decide", args=[s["memo"]])],
        "document-sign": [reverse("document-sign", args=[s["memo"]])],
        "document-dispatch": [reverse("document-dispatch", args=[s["memo"]])],
        "agency-list": [reverse("agency-list"), reverse("agency-list") + "?q=สพฐ"],
        "agency-new": [reverse("agency-new")],
        "agency-import": [reverse("agency-import")],
        "agency-import-template": [reverse("agency-import-template")],
        "agency-detail": [reverse("agency-detail", args=[s["agency"]])],
        "agency-edit": [reverse("agency-edit", args=[s["agency"]])],
        "contact-new": [reverse("contact-new", args=[s["agency"]])],
        "contact-edit": [reverse("contact-edit", args=[s["agency"], s["contact"]])],
        "intake-home": [reverse("intake-home")],
        "intake-detail": [reverse("intake-detail", args=[s["intake"]])],
        "intake-progress": [reverse("intake-progress", args=[s["intake"]])],
        "intake-file": [reverse("intake-file", args=[s["intake"]])],
        "intake-page": [reverse("intake-page", args=[s["intake"], 1])],
        "intake-retry": [reverse("intake-retry", args=[s["intake"]])],
        "intake-discard": [reverse("intake-discard", args=[s["intake"]])],
        "register-index": [reverse("register-index")],
        "register-list": [reverse("register-list", args=[r]) for r in ("incoming", "outgoing", "secret")]
        + [reverse("register-list", args=["outgoing"]) + "?status=cancelled&year=2500"],
        "register-new": [reverse("register-new", args=[r]) for r in ("incoming", "outgoing")],
        "register-export": [reverse("register-export", args=["incoming", f]) for f in ("csv", "xlsx", "pdf")],
        "register-entry": [reverse("register-entry", args=["incoming", s["incoming"]]),
                           reverse("register-entry", args=["outgoing", s["outgoing"]])],
        "register-cancel": [reverse("register-cancel", args=["incoming", s["incoming"]])],
        "dashboard": [reverse("dashboard")],
        "dashboard-office": [reverse("dashboard-office")],
        "dashboard-unit": [reverse("dashboard-unit", args=[s["unit"]])],
        "dashboard-decisions": [reverse("dashboard-decisions")],
        "reports": [reverse("reports"), reverse("reports") + "?group=unit"],
        "reports-export": [reverse("reports-export", args=[f]) for f in ("csv", "xlsx", "pdf")],
        "notifications": [reverse("notifications")],
        "notification-open": [],  # opening one marks it read and redirects: reached from the list's links
        "notifications-read-all": [reverse("notifications-read-all")],
        "notification-preferences": [reverse("notification-preferences")],
        "holidays": [reverse("holidays")],
        "holidays-add": [reverse("holidays-add")],
        "holidays-import": [reverse("holidays-import")],
        "holidays-delete": [reverse("holidays-delete", args=[s["holiday"]])],
        "calendar-page": [reverse("calendar-page")],
        "calendar-feed": [reverse("calendar-feed", args=[s["calendar_token"]])],
        "records": [reverse("records")],
        "records-draft": [reverse("records-draft")],
        "records-list": [reverse("records-list", args=[s["records_list"]])],
        "records-approve": [reverse("records-approve", args=[s["records_list"]])],
        "records-carry-out": [reverse("records-carry-out", args=[s["records_list"]])],
        "records-matter-retention": [reverse("records-matter-retention", args=[s["matter"]])],
        "records-secret": [reverse("records-secret")],
        "records-secret-propose": [reverse("records-secret-propose")],
        "records-secret-detail": [reverse("records-secret-detail", args=[s["secret_destruction"]])],
        "records-secret-approve": [reverse("records-secret-approve", args=[s["secret_destruction"]])],
        "records-secret-carry-out": [reverse("records-secret-carry-out", args=[s["secret_destruction"]])],
        "records-secret-certificate": [reverse("records-secret-certificate", args=[s["secret_destruction"]])],
        "search": [reverse("search") + "?q=ครูผู้ช่วย", reverse("search") + "?q=ศธ 04006"],
        "parliament-list": [reverse("parliament-list"), reverse("parliament-list") + "?kind=written_question&status=open"],
        "parliament-week": [reverse("parliament-week")],
        "parliament-new": [reverse("parliament-new")] + [reverse("parliament-new") + f"?kind={k}"
                                                         for k in ("written_question", "committee_summons", "bill")],
        "parliament-item": [reverse("parliament-item", args=[s["question"]]), reverse("parliament-item", args=[s["summons"]])],
        "parliament-edit": [reverse("parliament-edit", args=[s["question"]]), reverse("parliament-edit", args=[s["summons"]])],
        "parliament-status": [reverse("parliament-status", args=[s["question"]])],
        "parliament-delegation": [reverse("parliament-delegation", args=[s["question"]])],
        "parliament-attendee": [reverse("parliament-attendee", args=[s["summons"]])],
        "parliament-delegation-edit": [reverse("parliament-delegation-edit", args=[s["question"], s["delegation"]])],
        "parliament-delegation-remove": [reverse("parliament-delegation-remove",
                                                 args=[s["question"], s["delegation"]])],
        "parliament-attendee-remove": [reverse("parliament-attendee-remove", args=[s["summons"], s["attendee"]])],
        "parliament-report": [reverse("parliament-report"), reverse("parliament-report") + f"?session={s['session']}"],
        "parliament-report-export": [reverse("parliament-report-export", args=[f]) for f in ("csv", "xlsx", "pdf")],
        "parliament-sittings": [reverse("parliament-sittings")],
        "parliament-sittings-template": [reverse("parliament-sittings-template")],
        "cabinet-list": [reverse("cabinet-list"), reverse("cabinet-list") + "?status=held"],
        "cabinet-new": [reverse("cabinet-new")],
        "cabinet-meeting": [reverse("cabinet-meeting", args=[s["cabinet_meeting"]])],
        "cabinet-edit": [reverse("cabinet-edit", args=[s["cabinet_meeting"]])],
        "cabinet-agenda-new": [reverse("cabinet-agenda-new", args=[s["cabinet_meeting"]])],
        "cabinet-agenda": [reverse("cabinet-agenda", args=[pk]) for pk in (s["cabinet_item"], s["cabinet_resolved"])],
        "cabinet-agenda-edit": [reverse("cabinet-agenda-edit", args=[s["cabinet_item"]])],
        "cabinet-resolution": [reverse("cabinet-resolution", args=[s["cabinet_item"]])],
        "cabinet-followup": [reverse("cabinet-followup", args=[s["cabinet_resolved"]])],
        **_agenda_pages(s),
        "complaint-import": [reverse("complaint-import")],
        "complaint-import-sample": [reverse("complaint-import-sample", args=["1111-export.csv"])],
        "complaint-import-run": [reverse("complaint-import-run", args=[s[k]]) for k in ("import_done", "import_waiting")],
        "complaint-import-progress": [reverse("complaint-import-progress", args=[s["import_waiting"]])],
        **_complaint_pages(s),
        **_publishing_pages(s),
        **_policy_pages(s),
        **_briefing_pages(s),
        **_public_site_pages(s),
    }


def _briefing_pages(s) -> dict[str, list[str]]:
    pack = s["briefing_pack"]
    return {
        "briefing-list": [reverse("briefing-list")],
        "briefing-new": [reverse("briefing-new") + f"?matter={s['matter']}"],
        "briefing-pack": [reverse("briefing-pack", args=[pack])],
        "briefing-progress": [reverse("briefing-progress", args=[pack])],
    }


def _public_site_pages(s) -> dict[str, list[str]]:
    """The public site as anyone sees it (every role's walk opens it too: it must not change with who asks)."""
    from prasan.publishing.models import Post

    shown = Post.objects.get(pk=s["post_published"])
    day = shown.published_at
    return {
        "contact": [reverse("public:contact")],
        "post": [reverse("public:post", args=[shown.pk])],
        "section": [reverse("public:section", args=[slug]) for slug in s["public_sections"]],
        "tag": [reverse("public:tag", args=[s["public_tag"]])],
        "month": [reverse("public:month", args=[day.year, f"{day.month:02d}"])],
    }


def _publishing_pages(s) -> dict[str, list[str]]:
    post, shown = s["post"], s["post_published"]
    return {
        "post-list": [reverse("post-list"), reverse("post-list") + "?status=published&kind=news"],
        "post-new": [reverse("post-new")],
        "post-detail": [reverse("post-detail", args=[pk]) for pk in (post, shown)],
        "post-edit": [reverse("post-edit", args=[pk]) for pk in (post, shown)],
        "post-version": [reverse("post-version", args=[post, 1])],
        "post-image": [reverse("post-image", args=[post, s["post_image"]])],
    }


def _agenda_pages(s) -> dict[str, list[str]]:
    item, day = s["agenda_item"], s["agenda_day"]
    return {
        "agenda-week": [reverse("agenda-week"), reverse("agenda-week") + f"?week={day}"],
        "agenda-day": [reverse("agenda-day", args=[day]), reverse("agenda-day", args=["today"])],
        "agenda-day-sheet": [reverse("agenda-day-sheet", args=[day])],
        "agenda-new": [reverse("agenda-new"), reverse("agenda-new") + f"?day={day}"],
        "agenda-overlaps": [reverse("agenda-overlaps") + "?day=9/12/2569&start=09.00&end=12.00"],
        "agenda-item": [reverse("agenda-item", args=[item])],
        "agenda-edit": [reverse("agenda-edit", args=[item])],
        "agenda-status": [reverse("agenda-item", args=[item])],  # POST only: its form is on the item's page
        "agenda-calendar": [reverse("agenda-calendar")],
        "agenda-feed": [reverse("agenda-feed", args=[s["agenda_token"]])],
    }


def _policy_pages(s) -> dict[str, list[str]]:
    p = s["policy"]
    return {
        "policy-list": [reverse("policy-list"), reverse("policy-list") + "?q=ครู"],
        "policy-new": [reverse("policy-new"), reverse("policy-new") + f"?matter={s['matter']}",
                       reverse("policy-new") + f"?cabinet_item={s['cabinet_resolved']}"],
        "policy-detail": [reverse("policy-detail", args=[p])],
        "policy-due": [reverse("policy-due", args=[p, s["policy_due"]])],
        "policy-xlsx": [reverse("policy-xlsx", args=[p])],
        "policy-edit": [reverse("policy-edit", args=[p])],
        "policy-commitment-new": [reverse("policy-commitment-new", args=[p])],
        "policy-memo": [reverse("policy-memo", args=[p])],
        "policy-commitment-close": [reverse("policy-commitment-close", args=[p, s["policy_commitment"]])],
    }


def _complaint_pages(s) -> dict[str, list[str]]:
    c = s["complaint"]

    def on(name, *args):
        return [reverse(name, args=[c, *args])]

    return {
        "complaint-list": [reverse("complaint-list"), reverse("complaint-list") + "?state=open&q=โรงเรียน"],
        "complaint-export": [reverse("complaint-export", args=[f]) for f in ("csv", "xlsx")],
        "complaint-new": [reverse("complaint-new")],
        "complaint-detail": on("complaint-detail") + [reverse("complaint-detail", args=[c]) + "?show=1"],
        **{name: on(name) for name in ("complaint-pause", "complaint-forward", "complaint-reply",
                                       "complaint-conclude", "complaint-satisfaction", "complaint-link",
                                       "complaint-unmask", "complaint-envelope", "complaint-new-code",
                                       "complaint-correct")},
        # POST only: the walk's GET is refused before the reply is looked up.
        "complaint-name-letter": [reverse("complaint-name-letter", args=[c, 1])],
        "complaint-subject": [reverse("complaint-subject"), reverse("complaint-subject") + "?name=สมหญิง"],
        "complaint-subject-reason": [reverse("complaint-subject-reason")],
        "complaint-notice": [reverse("complaint-notice")],
        "complaint-ropa": [reverse("complaint-ropa", args=[f]) for f in ("csv", "xlsx")],
        "complaint-breaches": [reverse("complaint-breaches")],
        "complaint-breach-reported": [reverse("complaint-breach-reported", args=[s["breach"]])],
        "complaint-report": [reverse("complaint-report"), reverse("complaint-report") + "?start=1/1/2569"],
        "complaint-report-export": [reverse("complaint-report-export", args=[f]) for f in ("csv", "xlsx")],
        "public-complaint": [reverse("public-complaint")],
        "public-complaint-received": [reverse("public-complaint-received")],
        "public-complaint-status": [reverse("public-complaint-status") + "?number=สร 1/2569"],
    }


def admin_pages() -> list[str]:
    """The admin's index, each app's index, and each model's list, add form and first object's change form."""
    urls = [reverse("admin:index")]
    apps = set()
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        apps.add(meta.app_label)
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        if model_admin.has_add_permission is not None:
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk]))
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[first.pk]))
    urls += [reverse("admin:app_list", args=[app]) for app in sorted(apps)]
    return urls


# A formset's counts, which every browser sends back as the page gave them.
_MANAGEMENT = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")


class _Forms(HTMLParser):
    """Each POST form's action and the names of its fields, with what kind each is."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self.current: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self.current = {"action": a.get("action") or "", "fields": {}, "management": {}}
            self.forms.append(self.current)
        elif self.current is not None and a.get("name") and tag in ("input", "select", "textarea", "button"):
            kind = a.get("type", "text") if tag == "input" else tag
            self.current["fields"][a["name"]] = kind
            if a["name"].endswith(_MANAGEMENT):
                self.current["management"][a["name"]] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def post_forms(html: str, page: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    for form in parser.forms:
        form["action"] = form["action"] or page
    return parser.forms


# What a careless or hostile user types: far too long, a NUL, not a number, not a date, not an address.
JUNK = {
    "number": "สิบ", "date": "31/02/2569x", "datetime-local": "พรุ่งนี้", "email": "ไม่ใช่อีเมล",
    "checkbox": "999999", "radio": "999999", "select": "999999", "hidden": "999999",
}
TOO_LONG = "ก" * 100_000 + "\x00"


def empty(form: dict) -> dict:
    """Nothing filled in (what a browser still sends: a formset's counts)."""
    return dict(form["management"])


def junk(form: dict) -> dict:
    """A value for every field that no form should accept (files left out: they are tested apart)."""
    data = {}
    for name, kind in form["fields"].items():
        if name == "csrfmiddlewaretoken" or kind == "file":
            continue
        data[name] = JUNK.get(kind, TOO_LONG)
    return data | form["management"]
