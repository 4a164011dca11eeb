"""A permission given to a person by name, not by role (เห็นข้อมูลผู้ร้อง, ตรวจและอนุมัติข่าว): given or taken away on
the admin's user page, and audited each time."""


def grant(user, permission: str, *, by, granted: bool, cache: str, actions: tuple[str, str]) -> bool:
    """Give (`granted`) or take away `permission` ("app_label.codename"); True if anything changed.

    `cache`: the attribute on `user` its holder check keeps the answer in, set to the new answer here;
    `actions`: the audit codes (given, taken away)."""
    from django.contrib.auth.models import Permission

    from prasan.audit.models import record

    app_label, codename = permission.split(".")
    found = Permission.objects.get(codename=codename, content_type__app_label=app_label)
    held = user.user_permissions.filter(pk=found.pk).exists()
    if held == granted:
        return False
    if granted:
        user.user_permissions.add(found)
    else:
        user.user_permissions.remove(found)
    setattr(user, cache, granted)
    record(by, actions[0] if granted else actions[1], user, username=user.get_username())
    return True
