"""The shipped Sarabun embedded in a DOCX, so that Word and LibreOffice lay it out as the PDF is
laid out on any machine, with or without Sarabun, TH Sarabun New or TH SarabunPSK installed.

Without it a machine lacking Sarabun substitutes another Thai font, lines wrap elsewhere and the
page count changes (a one-page memo became two, its signature alone). Embedding follows ECMA-376
Part 1 §17.8.1 (w:embedRegular/w:embedBold with a w:fontKey, the font part obfuscated by XOR-ing
its first 32 bytes with the key's 16 bytes taken from the GUID's hex digits last-to-first) and
w:embedTrueTypeFonts in the settings; Sarabun's OFL allows embedding (OS/2 fsType 0, installable).
The font table also names TH Sarabun New and TH SarabunPSK as alternative names (w:altName), the
faces government PCs have, for a reader that cannot use embedded fonts, and gives Sarabun's
panose, charset (Thai, DE) and Unicode ranges, which Word uses to pick a substitute.
"""

from __future__ import annotations

import uuid
from functools import lru_cache
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

FONT_DIR = Path(__file__).resolve().parents[2] / "static" / "fonts"
FAMILY = "Sarabun"
ALTERNATIVES = "TH Sarabun New,TH SarabunPSK"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Fixed keys: the same bytes every time (a DOCX rendered twice is the same file).
KEYS = {"Regular": "{6E1B7C5A-3D0F-4C8E-9A21-5B7D3E9F1C40}",
        "Bold": "{2F8A4D61-7C3B-4E19-8D05-9C6E1A2B7F3D}"}


def obfuscate(data: bytes, key: str) -> bytes:
    """ECMA-376 §17.8.1: XOR the first 32 bytes with the GUID's bytes in reverse digit order."""
    digits = uuid.UUID(key).hex
    key_bytes = bytes(int(digits[i:i + 2], 16) for i in range(30, -2, -2))
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


@lru_cache(maxsize=2)
def _font_part_blob(style: str) -> bytes:
    return obfuscate((FONT_DIR / f"{FAMILY}-{style}.ttf").read_bytes(), KEYS[style])


@lru_cache(maxsize=1)
def _signature() -> dict[str, str]:
    from fontTools.ttLib import TTFont

    os2 = TTFont(FONT_DIR / f"{FAMILY}-Regular.ttf", lazy=True)["OS/2"]
    panose = os2.panose
    values = (panose.bFamilyType, panose.bSerifStyle, panose.bWeight, panose.bProportion,
              panose.bContrast, panose.bStrokeVariation, panose.bArmStyle, panose.bLetterForm,
              panose.bMidline, panose.bXHeight)
    return {
        "panose": "".join(f"{v:02X}" for v in values),
        "usb0": f"{os2.ulUnicodeRange1:08X}", "usb1": f"{os2.ulUnicodeRange2:08X}",
        "usb2": f"{os2.ulUnicodeRange3:08X}", "usb3": f"{os2.ulUnicodeRange4:08X}",
        "csb0": f"{os2.ulCodePageRange1:08X}", "csb1": f"{os2.ulCodePageRange2:08X}",
    }


def embed(document) -> None:
    """Embed Sarabun Regular and Bold in ``document`` (python-docx) and describe it in the font
    table; called once on the base package every render copies."""
    package = document.part.package
    font_table = document.part.part_related_by(RT.FONT_TABLE)
    ids = {}
    for n, style in enumerate(("Regular", "Bold"), start=1):
        part = Part(PackURI(f"/word/fonts/font{n}.odttf"), OBFUSCATED, _font_part_blob(style),
                    package)
        ids[style] = font_table.relate_to(part, RT.FONT)
    sig = _signature()
    font_table._blob = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:fonts xmlns:w="{W}" xmlns:r="{R}">'
        f'<w:font w:name="{FAMILY}"><w:altName w:val="{ALTERNATIVES}"/>'
        f'<w:panose1 w:val="{sig["panose"]}"/><w:charset w:val="DE"/><w:family w:val="swiss"/>'
        f'<w:pitch w:val="variable"/>'
        f'<w:sig w:usb0="{sig["usb0"]}" w:usb1="{sig["usb1"]}" w:usb2="{sig["usb2"]}" '
        f'w:usb3="{sig["usb3"]}" w:csb0="{sig["csb0"]}" w:csb1="{sig["csb1"]}"/>'
        f'<w:embedRegular r:id="{ids["Regular"]}" w:fontKey="{KEYS["Regular"]}"/>'
        f'<w:embedBold r:id="{ids["Bold"]}" w:fontKey="{KEYS["Bold"]}"/>'
        f'</w:font></w:fonts>'
    ).encode()
    settings = document.settings.element
    flag = parse_xml(f'<w:embedTrueTypeFonts xmlns:w="{W}"/>')
    zoom = settings.find(f"{{{W}}}zoom")  # schema order: … zoom, …, embedTrueTypeFonts, …
    if zoom is not None:
        zoom.addnext(flag)
    else:
        settings.insert(0, flag)
