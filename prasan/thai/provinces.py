"""Thailand's 77 provinces by their Thai names (from PyThaiNLP's corpus), for reading them out of text."""

from functools import cache

_BANGKOK = "กรุงเทพมหานคร"
_ALIASES = {"กทม.": _BANGKOK, "กทม": _BANGKOK, "กรุงเทพฯ": _BANGKOK, "กรุงเทพ": _BANGKOK}


@cache
def names() -> tuple[str, ...]:
    """Longest first, so a name is never cut short by another that begins it."""
    from pythainlp.corpus import provinces

    return tuple(sorted(provinces(), key=len, reverse=True))


def province_at(text: str) -> str | None:
    """The province whose name `text` starts with (Thai text runs words together: จังหวัดน่านได้…)."""
    text = text.lstrip()
    for name in names():
        if text.startswith(name):
            return name
    for alias, name in _ALIASES.items():
        if text.startswith(alias):
            return name
    return None
