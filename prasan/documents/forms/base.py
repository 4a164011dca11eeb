"""Forms as data: each official form declares its fields, and cleaning turns JSON into typed values
or one FormError naming, in Thai, every part that is missing or malformed.

A form module declares ``SPEC = register(FormSpec(...))`` with its fields, a ``context`` function
(typed values → the exact strings that get printed, shared by the HTML and the DOCX renderer, so
both formats print the same words) and a ``docx`` layout function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from prasan.matters.choices import SECRECY_MARKS
from prasan.thai.date_input import check_christian_era
from prasan.thai.dates import MONTHS, MONTHS_ABBR, be_year
from prasan.thai.digits import to_arabic, to_thai
from prasan.thai.linebreak import breakable

# ชั้นความเร็ว (ระเบียบงานสารบรรณ) and ชั้นความลับ (ระเบียบว่าด้วยการรักษาความลับของทางราชการ
# พ.ศ. ๒๕๔๔), highest first.
URGENCY = ("ด่วนที่สุด", "ด่วนมาก", "ด่วน")
SECRECY = SECRECY_MARKS
DIGITS = ("thai", "arabic")


class FormError(ValueError):
    """The data cannot make this form; ``errors`` maps each field to a Thai message naming the part."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


def _missing(label: str) -> str:
    return f"ต้องระบุ “{label}”"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value in ([], {})


@dataclass(frozen=True)
class Field:
    """One part of a form. ``label`` is the part's name as printed on the form (used in errors)."""

    name: str
    label: str
    required: bool = True
    default: Any = None

    def clean(self, value: Any) -> Any:
        if _blank(value):
            if self.required and self.default is None:
                raise ValueError(_missing(self.label))
            return self.default
        return self.convert(value)

    def convert(self, value: Any) -> Any:
        raise TypeError(f"{type(self).__name__} is a field base: each kind of field defines convert()")


@dataclass(frozen=True)
class Text(Field):
    """Free text; inner line breaks are kept (an address is several lines)."""

    def convert(self, value: Any) -> str:
        if not isinstance(value, str | int):
            raise ValueError(f"“{self.label}” ต้องเป็นข้อความ")
        return "\n".join(line.strip() for line in str(value).strip().splitlines())


@dataclass(frozen=True)
class Choice(Text):
    choices: tuple[str, ...] = ()

    def convert(self, value: Any) -> str:
        text = super().convert(value)
        if text not in self.choices:
            raise ValueError(f"“{self.label}” ต้องเป็น {' / '.join(self.choices)}")
        return text


@dataclass(frozen=True)
class Date(Field):
    """An ISO date in the data (`2026-11-25`, Christian era, as the API documents it); printed in the
    Buddhist era. A year of 2400 or more is a BE year typed by mistake and refused (the pages turn
    what people type into ISO through prasan.thai.date_input first)."""

    def convert(self, value: Any) -> dt.date:
        if isinstance(value, dt.date):
            day = value
        else:
            try:
                day = dt.date.fromisoformat(str(value).strip())
            except ValueError:
                raise ValueError(
                    f"“{self.label}” ต้องเป็นวันที่แบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2026-11-25") from None
        try:
            return check_christian_era(day)
        except ValueError as exc:
            raise ValueError(f"“{self.label}”: {exc}") from None


@dataclass(frozen=True)
class TextList(Field):
    """Numbered points or paragraphs: a list of texts (a single text is a list of one)."""

    def convert(self, value: Any) -> list[str]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ValueError(f"“{self.label}” ต้องเป็นรายการข้อความ")
        items = [i.strip() for i in items if i.strip()]
        if not items and self.required:
            raise ValueError(_missing(self.label))
        return items


@dataclass(frozen=True)
class Person(Field):
    """``{"name": …, "position": …}``; a position of several lines is a list or has line breaks."""

    with_date: bool = False

    def convert(self, value: Any) -> dict:
        if not isinstance(value, Mapping):
            raise ValueError(f"“{self.label}” ต้องระบุเป็นชื่อ (name) และตำแหน่ง (position)")
        return self.person(value, f"ต้องระบุชื่อและตำแหน่งของ “{self.label}”")

    def person(self, value: Mapping, message: str) -> dict:
        name = str(value.get("name") or "").strip()
        position = value.get("position") or ""
        lines = position if isinstance(position, list) else str(position).splitlines()
        lines = [str(line).strip() for line in lines if str(line).strip()]
        if not name or not lines:
            raise ValueError(message)
        person = {"name": name, "position": lines}
        if self.with_date:
            raw = value.get("date")
            person["date"] = None if _blank(raw) else Date("date", self.label).convert(raw)
        return person


@dataclass(frozen=True)
class People(Person):
    """A list of persons in order, e.g. the ตรวจเสนอ column (each with an optional date)."""

    def convert(self, value: Any) -> list[dict]:
        if not isinstance(value, list):
            raise ValueError(f"“{self.label}” ต้องเป็นรายการชื่อและตำแหน่ง")
        people = [
            self.person(item if isinstance(item, Mapping) else {},
                        f"“{self.label}” ลำดับที่ {n}: ต้องระบุชื่อและตำแหน่ง")
            for n, item in enumerate(value, start=1)
        ]
        if not people and self.required:
            raise ValueError(_missing(self.label))
        return people


def keep_tail(*parts: list[dict]) -> None:
    """Mark the last body paragraph before the signature ``keep``: no page break before it nor
    after it, so the signature page carries at least two lines of the body (with widows and
    orphans of two), or the one-line closing with the paragraph before it (งานสารบรรณ practice)."""
    blocks = [block for part in parts for block in part]
    if blocks:
        blocks[-1]["keep"] = True


def urgency_field() -> Choice:
    return Choice("urgency", "ชั้นความเร็ว", required=False, choices=URGENCY)


def secrecy_field() -> Choice:
    return Choice("secrecy", "ชั้นความลับ", required=False, choices=SECRECY)


class Printer:
    """Turns typed values into printed strings: Thai digits by default (or Arabic), BE dates."""

    def __init__(self, digits: str = "thai"):
        if digits not in DIGITS:
            raise ValueError(f"digits must be one of {DIGITS}")
        self.thai = digits == "thai"
        self.keep: tuple[str, ...] = ()  # names and positions of this document: never split

    def flow(self, value: str | int | None) -> str:
        """Running text: printed, with the places a line may break marked (prasan.thai.linebreak)."""
        return breakable(self.text(value), self.keep)

    def text(self, value: str | int | None) -> str:
        if value is None:
            return ""
        return to_thai(str(value)) if self.thai else to_arabic(str(value))

    def lines(self, value: str | list[str] | None) -> list[str]:
        if not value:
            return []
        items = value if isinstance(value, list) else value.splitlines()
        return [self.text(line) for line in items]

    def date(self, value: dt.date | None, *, abbr: bool = False, era: bool = False) -> str:
        """`๒๕ พฤศจิกายน ๒๕๖๙`; ``abbr`` → `๒๕ พ.ย. ๒๕๖๙`; ``era`` → `๒๕ พฤศจิกายน พ.ศ. ๒๕๖๙`
        (คำสั่ง and ประกาศ print "พ.ศ." before the year)."""
        if value is None:
            return ""
        month = (MONTHS_ABBR if abbr else MONTHS)[value.month - 1]
        year = f"พ.ศ. {be_year(value)}" if era else str(be_year(value))
        return self.text(f"{value.day} {month} {year}")

    def flow_lines(self, value: str | list[str] | None) -> list[str]:
        return [breakable(line, self.keep) for line in self.lines(value)]

    def numbered(self, items: list[str], prefix: str = "") -> list[tuple[str, str]]:
        """[("๒.๑", text), ("๒.๒", text)] for prefix "2."; [("๑.", text), …] without a prefix."""
        out = []
        for n, item in enumerate(items, start=1):
            label = f"{prefix}{n}" if prefix else f"{n}."
            out.append((self.text(label), self.flow(item)))
        return out

    def blocks(self, text: str, *, label: str = "", level: int = 1,
               spaced: bool = False) -> list[dict]:
        """Body paragraphs for ``text`` (each line break starts a new, indented paragraph); the
        first carries ``label`` (`๒.๑`)."""
        return [
            {"label": self.text(label) if n == 0 else "", "text": self.flow(line), "level": level,
             "spaced": spaced and n == 0}
            for n, line in enumerate(text.split("\n"))
        ]

    def section(self, number: int, items: list[str], intro: str = "", *,
                join_single: bool = False) -> list[dict]:
        """A numbered point of a memo: `๒. intro` then `๒.๑ …`, `๒.๒ …`; a single item takes no
        sub-number (the seed's form: "หากมีข้อเดียวไม่ต้องมีข้อย่อย") and drops the intro, or, with
        ``join_single``, follows it (`๔. เห็นควร` + `อนุมัติ…`)."""
        if len(items) == 1:
            item = items[0]
            if join_single and intro and not item.startswith(intro):
                item = intro + item  # Thai runs the words of a phrase together
            return self.blocks(item, label=f"{number}.", spaced=True)
        out = self.blocks(intro, label=f"{number}.", spaced=True)
        for n, item in enumerate(items, start=1):
            out += self.blocks(item, label=f"{number}.{n}", level=2)
        return out

    def person(self, person: dict | None) -> dict:
        if not person:
            return {}
        # The forms print "(name)": brackets typed round the name are not printed twice.
        name = person["name"].strip()
        if name.startswith("(") and name.endswith(")"):
            name = name[1:-1].strip()
        printed = {"name": self.text(name), "position": self.lines(person["position"])}
        if "date" in person:
            printed["date"] = self.date(person["date"], abbr=True)
        return printed

    def contact(self, phone: str | None, fax: str | None, email: str | None) -> list[str]:
        """The owning unit's contact lines at the foot of a letter (e-mail keeps its own digits)."""
        lines = []
        if phone:
            lines.append(f"โทร. {self.text(phone)}")
        if fax:
            lines.append(f"โทรสาร {self.text(fax)}")
        if email:
            lines.append(f"ไปรษณีย์อิเล็กทรอนิกส์ {email}")
        return lines


@dataclass(frozen=True)
class FormSpec:
    """An official form: its fields, the printed strings it derives and its DOCX layout.

    ``kind`` is "memo" (กระดาษบันทึกข้อความ, emblem 1.5 cm) or "letter" (กระดาษตราครุฑ, emblem 3 cm).
    ``check`` adds rules across fields, returning {field: Thai message}.
    At signing, the register's number goes into ``number_field`` and its date into ``date_field``
    (the office's own parts: a summary note's เอกสารเลขที่ and ลงวันที่ are the source letter's and
    stay as typed), and the signer's name and position into ``signer_field``.
    """

    code: str
    title: str
    kind: str
    fields: tuple[Field, ...]
    context: Callable[[dict, Printer], dict]
    docx: Callable[[Any, dict], None]
    check: Callable[[dict], dict[str, str]] | None = None
    number_field: str | None = "doc_number"
    date_field: str | None = "date"
    signer_field: str | None = "signer"

    def field(self, name: str | None) -> Field | None:
        return next((f for f in self.fields if f.name == name), None) if name else None

    @property
    def template(self) -> str:
        return f"documents/{self.code}.html"

    @property
    def emblem_height_cm(self) -> float:
        # ระเบียบงานสารบรรณ ข้อ ๗๑, ๗๕, ๗๖: ครุฑสูง ๓ ซม. centred on กระดาษตราครุฑ, ๑.๕ ซม. top left
        # on กระดาษบันทึกข้อความ.
        return 1.5 if self.kind == "memo" else 3.0

    def clean(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """Typed values for every field, or FormError listing every problem at once."""
        if not isinstance(data, Mapping):
            raise FormError({"__all__": "ข้อมูลของแบบฟอร์มต้องเป็นออบเจกต์ JSON (ชื่อช่อง: ค่า)"})
        errors: dict[str, str] = {}
        known = {f.name for f in self.fields}
        for key in data:
            if key not in known:
                errors[key] = f"แบบ “{self.title}” ไม่มีช่อง “{key}”"
        values: dict[str, Any] = {}
        for f in self.fields:
            try:
                values[f.name] = f.clean(data.get(f.name))
            except ValueError as exc:
                errors[f.name] = str(exc)
        if not errors and self.check:
            errors.update(self.check(values))
        if errors:
            raise FormError(errors)
        return values

    def printed(self, values: dict[str, Any], printer: Printer) -> dict[str, Any]:
        """The strings both renderers print, plus the marks every form shares."""
        printer.keep = self.keep_phrases(values, printer)
        ctx = self.context(values, printer)
        ctx.setdefault("urgency", values.get("urgency") or "")
        ctx.setdefault("secrecy", values.get("secrecy") or "")
        return ctx


    def keep_phrases(self, values: dict[str, Any], printer: Printer) -> tuple[str, ...]:
        """The people's names and positions this document carries: a line never breaks inside them."""
        phrases = []
        for f in self.fields:
            people = values.get(f.name) if isinstance(f, Person) else None
            for person in people if isinstance(people, list) else [people] if people else []:
                phrases += [person["name"], *person["position"]]
        return tuple(printer.text(p) for p in phrases)


FORMS: dict[str, FormSpec] = {}


def register(spec: FormSpec) -> FormSpec:
    FORMS[spec.code] = spec
    return spec


def get_form(code: str) -> FormSpec:
    from prasan.documents import forms  # noqa: F401  (importing the package registers every form)

    try:
        return FORMS[code]
    except KeyError:
        raise FormError({"form": f"ไม่มีแบบ “{code}” (มี: {', '.join(sorted(FORMS))})"}) from None
