"""The text each glyph of a font stands for, read from the font itself (cmap, then GSUB).

A glyph reached from the cmap stands for its character (the lowest code point when several share it:
space rather than no-break space). A glyph reached only through GSUB stands for what it replaces:
a single or alternate substitution (``uni0E48.small``, ``yoYingthai.less``) for its source glyph's
text, a ligature (``uni0E240E45`` ฤๅ, ``uni0E4D0E49`` ํ้) for its components' texts joined.
A glyph reached from two different texts (Sarabun ligates both ํ+้ and ้+ํ into ``uni0E4D0E49``)
keeps the first as a best guess but is not *exact*; a glyph not reached at all has no entry. Text
drawn with a glyph that is not exact must be carried another way (ActualText, see textlayer.py).

Reading Sarabun's GSUB with fontTools takes ~0.3 s, so maps are cached per font file (by digest)
for the life of the process.
"""

import hashlib
import io
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class GlyphTexts:
    text: dict[int, str]  # glyph id → text (best guess for the ambiguous ones)
    exact: frozenset[int]  # glyph ids whose text is certain


_cache: dict[bytes, GlyphTexts] = {}
_lock = threading.Lock()


def glyph_texts(file_content: bytes, index: int = 0) -> GlyphTexts:
    """What each glyph of the font in ``file_content`` (collection member ``index``) stands for."""
    key = hashlib.blake2b(file_content, digest_size=16, person=index.to_bytes(4, "big")).digest()
    found = _cache.get(key)
    if found is None:
        with _lock:
            found = _cache.get(key)
            if found is None:
                found = _cache[key] = _read(file_content, index)
    return found


def _read(file_content: bytes, index: int) -> GlyphTexts:
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(file_content), fontNumber=index, lazy=True)
    by_name: dict[str, str] = {}
    for codepoint, glyph in sorted(font.getBestCmap().items(), reverse=True):
        by_name[glyph] = chr(codepoint)  # lowest code point wins
    ambiguous = _follow_substitutions(font["GSUB"].table, by_name) if "GSUB" in font else set()
    glyph_ids = font.getReverseGlyphMap()
    return GlyphTexts(
        text={glyph_ids[name]: text for name, text in by_name.items()},
        exact=frozenset(glyph_ids[name] for name in by_name if name not in ambiguous),
    )


def _follow_substitutions(gsub, by_name: dict[str, str]) -> set[str]:
    """Give GSUB outputs the text of their inputs, until nothing new is learnt; → ambiguous ones."""
    subtables = []
    for lookup in gsub.LookupList.Lookup if gsub.LookupList else []:
        for subtable in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 7:  # extension: the real subtable is inside
                kind, subtable = subtable.ExtSubTable.LookupType, subtable.ExtSubTable
            if kind in (1, 3, 4):
                subtables.append((kind, subtable))
    from_cmap = set(by_name)
    learnt: dict[str, str] = {}
    ambiguous: set[str] = set()

    def learn(glyph: str, text: str | None) -> bool:
        if glyph in from_cmap or text is None:
            return False
        if glyph not in learnt:
            learnt[glyph] = text
            return True
        if learnt[glyph] != text and glyph not in ambiguous:
            ambiguous.add(glyph)  # two meanings
            return True
        return False

    def text_of(glyph: str) -> str | None:
        return by_name[glyph] if glyph in from_cmap else learnt.get(glyph)

    changed = True
    while changed:
        changed = False
        for kind, subtable in subtables:
            if kind == 1:
                for source, target in subtable.mapping.items():
                    changed |= learn(target, text_of(source))
            elif kind == 3:
                for source, targets in subtable.alternates.items():
                    for target in targets:
                        changed |= learn(target, text_of(source))
            else:
                for first, ligatures in subtable.ligatures.items():
                    for ligature in ligatures:
                        parts = [text_of(glyph) for glyph in (first, *ligature.Component)]
                        if None not in parts:
                            changed |= learn(ligature.LigGlyph, "".join(parts))
    by_name.update(learnt)
    return ambiguous
