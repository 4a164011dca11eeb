"""The complainant's personal data as a viewer may see it: masked (ส*** ท***, 08x-xxx-1234) unless the viewer holds
the per-person permission "เห็นข้อมูลผู้ร้อง"; and Thai ID-card numbers typed into free text, masked in every view.

`may_see_complainant` is the one statement of who may see the complainant unmasked: every page, export, search
result, notification, e-mail and API answer asks it (role plays no part: the permission is granted per person).
"""

import re

from prasan.accounts import personal_permission
from prasan.thai.digits import to_arabic

PERMISSION = "complaints.view_complainant"
ANONYMOUS_LABEL = "ผู้ร้องไม่ประสงค์ออกนาม"
HIDDEN = "(ปกปิด)"

# 13 digits, Arabic or Thai, optionally grouped 1-2345-67890-12-3 (spaces or dashes), not part of a longer number.
_ID_RE = re.compile(r"(?<![0-9๐-๙])[0-9๐-๙](?:[ -]?[0-9๐-๙]){12}(?![0-9๐-๙])")
_DIGITS = re.compile(r"[0-9๐-๙]")
ID_MASK = "x-xxxx-xxxxx-xx-x"


def may_see_complainant(user) -> bool:
    """Whether `user` may see complainants' names and contact unmasked (every view of them is then audited).

    Granted to the person, never implied: not by a role, and not by being a superuser (Django's has_perm would
    say yes to every superuser), so an administrator sees complainants only when someone granted it."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return False
    cached = getattr(user, "_sees_complainants", None)
    if cached is None:
        app_label, codename = PERMISSION.split(".")
        cached = user.user_permissions.filter(codename=codename, content_type__app_label=app_label).exists()
        user._sees_complainants = cached
    return cached


def grant(user, *, by, granted: bool) -> bool:
    """Give or take away "เห็นข้อมูลผู้ร้อง" (the admin's user page); audited. True if anything changed."""
    return personal_permission.grant(user, PERMISSION, by=by, granted=granted, cache="_sees_complainants",
                                     actions=("complainant.grant_access", "complainant.revoke_access"))


def withholds_files(user, matter) -> bool:
    """Whether the complainant's own files on `matter` (what came with the complaint: a letter, an ID card's copy)
    are withheld from `user`: they may name and show the complainant, so they go with the permission."""
    return matter.duty_type == "complaint" and not may_see_complainant(user)


COMPLAINANT_FILE_KIND = "source"


def is_thai_id(digits: str) -> bool:
    """A 13-digit Thai citizen ID whose last digit is its checksum: (11 − Σ dᵢ·(13−i) mod 11) mod 10."""
    digits = to_arabic(re.sub(r"[ -]", "", digits))
    if len(digits) != 13 or not digits.isdigit():
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def mask_text(text: str) -> str:
    """`text` with every valid Thai ID number replaced by x-xxxx-xxxxx-xx-x (other long numbers are left)."""
    if not text:
        return text or ""
    return _ID_RE.sub(lambda m: ID_MASK if is_thai_id(m.group()) else m.group(), text)


def _mask_word(word: str) -> str:
    return word[0] + "***" if word else ""


# Titles written before a name are kept (they say nothing of who it is) so "นาย ส*** ท***" still reads as a name.
_TITLES = ("นาย", "นางสาว", "นาง", "น.ส.", "ด.ช.", "ด.ญ.", "เด็กชาย", "เด็กหญิง", "ดร.")


def mask_name(name: str) -> str:
    """"สมชาย ทองดี" → "ส*** ท***"; a title in front is kept ("นางสาวสมหญิง ใจดี" → "นางสาว ส*** ใ***")."""
    name = (name or "").strip()
    if not name:
        return ""
    title = ""
    for candidate in sorted(_TITLES, key=len, reverse=True):
        if name.startswith(candidate) and len(name) > len(candidate):
            title, name = candidate, name[len(candidate):].strip()
            break
    masked = " ".join(_mask_word(word) for word in name.split())
    return f"{title} {masked}".strip()


def mask_phone(phone: str) -> str:
    """"0812345678" → "08x-xxx-5678"; a short or odd number keeps only its last 4 digits."""
    digits = "".join(_DIGITS.findall(to_arabic(phone or "")))
    if not digits:
        return ""
    if len(digits) <= 4:
        return "x" * len(digits)
    return f"{digits[:2]}x-xxx-{digits[-4:]}" if len(digits) >= 9 else f"xxx-{digits[-4:]}"


def mask_email(email: str) -> str:
    """"somchai@example.com" → "s***@e***"."""
    email = (email or "").strip()
    if "@" not in email:
        return _mask_word(email)
    local, _, domain = email.partition("@")
    return f"{_mask_word(local)}@{_mask_word(domain)}"


def mask_free(text: str) -> str:
    """An address or LINE ID: nothing of it but that it was given."""
    return HIDDEN if (text or "").strip() else ""


def scrub(text: str, complaint) -> str:
    """`text` (the details, a reply) as it may be read without the permission or sent to an agency: ID numbers
    masked, and the complainant's own name (whole and word by word), phone and e-mail masked wherever written."""
    text = mask_text(text or "")
    for value, masked in ((complaint.complainant_name, mask_name(complaint.complainant_name)),
                          (complaint.complainant_email, mask_email(complaint.complainant_email)),
                          (complaint.complainant_phone, mask_phone(complaint.complainant_phone)),
                          (complaint.complainant_line_id, mask_free(complaint.complainant_line_id))):
        if value and len(value) >= 3:
            text = text.replace(value, masked)
    name = complaint.complainant_name or ""
    for title in sorted(_TITLES, key=len, reverse=True):
        if name.startswith(title):
            name = name[len(title):]
            break
    for word in name.split():
        # Three letters at least: a shorter word would be found inside ordinary Thai words (no spaces between).
        if len(word) >= 3:
            text = text.replace(word, _mask_word(word))
    # A phone number written another way than the complainant typed it (spaces, dashes).
    digits = "".join(_DIGITS.findall(to_arabic(complaint.complainant_phone or "")))
    if len(digits) >= 9:
        pattern = r"[ -]?".join(re.escape(d) for d in digits)
        text = re.sub(pattern, mask_phone(digits), text)
    return text


def details(complaint, *, unmasked: bool) -> str:
    """The details as a viewer reads them: ID numbers always masked; the complainant's identity unless unmasked."""
    return mask_text(complaint.details) if unmasked else scrub(complaint.details, complaint)


def complainant(complaint, *, unmasked: bool) -> dict:
    """The complainant as a viewer sees them: name, phone, email, address, line_id, anonymous, disclose_to_agency."""
    if complaint.anonymous and not complaint.complainant_name:
        name = ANONYMOUS_LABEL
    elif unmasked:
        name = complaint.complainant_name
    else:
        name = mask_name(complaint.complainant_name) or ANONYMOUS_LABEL
    if unmasked:
        return {"name": name, "phone": complaint.complainant_phone, "email": complaint.complainant_email,
                "address": complaint.complainant_address, "line_id": complaint.complainant_line_id,
                "anonymous": complaint.anonymous, "disclose_to_agency": complaint.disclose_to_agency, "masked": False}
    return {"name": name, "phone": mask_phone(complaint.complainant_phone),
            "email": mask_email(complaint.complainant_email), "address": mask_free(complaint.complainant_address),
            "line_id": mask_free(complaint.complainant_line_id), "anonymous": complaint.anonymous,
            "disclose_to_agency": complaint.disclose_to_agency, "masked": True}


def for_agency(complaint) -> str:
    """Who complained, as an agency is told: the name only if the complainant agreed to it, never the contact."""
    if complaint.disclose_to_agency and not complaint.anonymous and complaint.complainant_name:
        return complaint.complainant_name
    return "ผู้ร้อง (ปกปิดชื่อตามความประสงค์ของผู้ร้องและเพื่อคุ้มครองข้อมูลส่วนบุคคล)"
