"""Who may read and write each register."""

from django.http import Http404

from prasan.accounts.models import Role

from .models import Register

READERS = frozenset({Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD, Role.EXECUTIVE, Role.REGISTRAR, Role.AUDITOR})
WRITERS = {
    Register.INCOMING: frozenset({Role.REGISTRAR, Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD}),
    Register.OUTGOING: frozenset({Role.REGISTRAR, Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD}),
    Register.CIRCULAR: frozenset({Role.REGISTRAR, Role.COORDINATOR, Role.GROUP_HEAD, Role.HEAD}),
    Register.ORDER: frozenset({Role.REGISTRAR, Role.HEAD}),
    Register.ANNOUNCEMENT: frozenset({Role.REGISTRAR, Role.HEAD}),
    Register.SECRET: frozenset({Role.REGISTRAR, Role.GROUP_HEAD, Role.HEAD}),
}


def readable_register(user, register: str) -> str:
    """The register code if this user may open it; otherwise 404, as if it did not exist."""
    if register not in Register.values or user.role not in READERS:
        raise Http404
    if register == Register.SECRET and user.clearance < 1:
        raise Http404
    return register


def may_write(user, register: str) -> bool:
    return user.role in WRITERS.get(register, ()) and (register != Register.SECRET or user.clearance >= 1)


def registers_for(user) -> list[tuple[str, str]]:
    return [(code, label) for code, label in Register.choices
            if user.role in READERS and (code != Register.SECRET or user.clearance >= 1)]
