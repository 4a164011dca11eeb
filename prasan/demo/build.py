"""`prasan demo`: load the demo office once; running it again changes nothing."""

from django.conf import settings
from django.db import transaction

from prasan.accounts.models import User
from prasan.directory.models import Agency, Contact, Office, Unit
from prasan.documents import certificates

from . import data
from .agenda import build as build_agenda
from .briefing import build as build_briefing
from .cabinet import build as build_cabinet
from .complaints import build as build_complaints
from .documents import build as build_documents
from .matters import build as build_matters
from .parliament import build as build_parliament
from .policy import build as build_policy
from .publishing import build as build_publishing


def load(matter_count: int = 200, progress=None) -> dict:
    with transaction.atomic():
        office = _office()
        units = _units(office)
        users = _users(units)
        agencies = _agencies()
    created = 0
    if not settings.SIGNING_P12:
        # The demo office signs for real: its own certificate, made here once (the letter it signs below).
        certificates.ensure_demo(office.name)
    if not office.matter_set.exists():
        created = build_matters(office, units, users, agencies, count=matter_count, progress=progress)
        build_documents(users)
    build_parliament(office, units, users, agencies)
    build_cabinet(office, users)
    build_agenda(office, users, agencies)
    build_briefing(users)
    build_complaints(office, units, users, agencies)
    build_publishing(users)
    build_policy(office, users)
    return {"office": office, "users": users, "matters_created": created}


def _office() -> Office:
    office = Office.objects.filter(abbreviation=data.OFFICE["abbreviation"]).first()
    if office is None:
        office = Office.objects.create(**data.OFFICE)
    if office.two_factor_required:
        # The demo keeps signing in to one step (README and `prasan demo` say so); a real office
        # keeps the default, which asks the head, executives, admin and ลับที่สุด for an app's code.
        office.two_factor_required = False
        office.save(update_fields=["two_factor_required"])
    return office


def _units(office) -> list[Unit]:
    units = []
    for i, (name, abbreviation, prefix) in enumerate(data.UNITS):
        unit, _ = Unit.objects.get_or_create(office=office, name=name, defaults={
            "abbreviation": abbreviation, "letter_prefix": prefix, "phone": f"0 2628 56{10 + i}",
            "email": f"unit{i + 1}.minister@moe.example",
        })
        units.append(unit)
    return units


def _users(units) -> list[User]:
    users = []
    for username, first, last, role, unit_index, clearance, position in data.USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=first, last_name=last, role=role,
                        unit=units[unit_index] if unit_index is not None else None, clearance=clearance,
                        position=position, email=f"{username}@moe.example",
                        is_staff=role == "admin", is_superuser=role == "admin")
            user.set_password(data.DEMO_PASSWORD)
            user.save()
        users.append(user)
    return users


def _agencies() -> list[Agency]:
    by_abbreviation = {}
    for i, (name, abbreviation, parent, phone, fax, domain) in enumerate(data.AGENCIES):
        agency, created = Agency.objects.get_or_create(name=name, defaults={
            "abbreviation": abbreviation, "phone": phone, "fax": fax,
            "email": f"saraban@{domain}.example", "parent": by_abbreviation.get(parent),
        })
        by_abbreviation[abbreviation] = agency
        if created:
            first = data.FIRST_NAMES[i % len(data.FIRST_NAMES)]
            last = data.LAST_NAMES[(i * 5) % len(data.LAST_NAMES)]
            Contact.objects.create(agency=agency, name=f"{first} {last}", position=data.POSITIONS[i % 4],
                                   phone=phone, email=f"liaison@{domain}.example", is_liaison=True)
            Contact.objects.create(agency=agency, name=f"{data.FIRST_NAMES[(i + 7) % 16]} {data.LAST_NAMES[(i + 3) % 12]}",
                                   position="เจ้าหน้าที่ธุรการ", phone=phone, email=f"office@{domain}.example")
    return list(by_abbreviation.values())
