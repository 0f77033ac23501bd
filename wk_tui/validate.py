"""Parse what people type into the profile, timeline and workshop forms.

Each parser takes the text of an input field and returns the value to store (``None`` for
an empty field) or raises :class:`InvalidInput` with a message in the UI language that says
what is wrong and what would be right. The UI shows the message; nothing is changed.
"""

from __future__ import annotations

import datetime as dt
import re

from .errors import WkError
from .i18n import Table, tr


class InvalidInput(ValueError):
    """Text that is not a valid value; ``message`` is translated and names the field."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnstorableText(WkError, InvalidInput):
    """Text that cannot be written as UTF-8 (lone surrogates from a broken terminal or
    paste). Refused when it is entered, so a save never fails on it later."""


def check_storable(value: object) -> None:
    """Raise :class:`UnstorableText` if any text in ``value`` cannot be stored."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise UnstorableText(
                "text contains a character that cannot be stored "
                "({char} at position {pos}; lone surrogate)",
                char=ascii(value[exc.start]),
                pos=exc.start + 1,
            ) from None
    elif isinstance(value, dict):
        for item in value.values():
            check_storable(item)
    elif isinstance(value, list | tuple | set):
        for item in value:
            check_storable(item)


MESSAGES: Table = {
    "de": {
        "population": "Einwohnerzahl: „{text}“ ist keine ganze Zahl ab 0 – bitte z. B. 80674 oder 80.674 eingeben.",
        "share": "Ausländeranteil: „{text}“ ist keine Zahl von 0 bis 100 – bitte z. B. 5,8 eingeben.",
        "date": "{label}: „{text}“ ist kein gültiges Datum – bitte TT.MM.JJJJ oder JJJJ-MM-TT eingeben, z. B. 01.07.2020.",
        "end_before": "Ende: Das Enddatum ({end}) liegt vor dem Beginn ({start}).",
        "required": "{label}: Bitte ausfüllen.",
        "date_label": "Datum",
        "end_label": "Ende",
        "due_label": "Fällig",
        "title_label": "Titel",
        "label_label": "Bezeichnung",
        "text_label": "Text",
    },
    "en": {
        "population": "Population: “{text}” is not a whole number of 0 or more – enter e.g. 80674 or 80,674.",
        "share": "Share of foreign nationals: “{text}” is not a number from 0 to 100 – enter e.g. 5.8.",
        "date": "{label}: “{text}” is not a valid date – enter YYYY-MM-DD or DD.MM.YYYY, e.g. 2020-07-01.",
        "end_before": "End: the end date ({end}) is before the start ({start}).",
        "required": "{label}: please fill this in.",
        "date_label": "Date",
        "end_label": "End",
        "due_label": "Due",
        "title_label": "Title",
        "label_label": "Label",
        "text_label": "Text",
    },
}

_GROUPED = re.compile(r"\d{1,3}(?:[.,'\u00a0\u202f ]\d{3})+")
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_GERMAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def message(lang: str, key: str, **kw: object) -> str:
    return tr(MESSAGES, lang, key, **kw)


def parse_population(text: str, lang: str) -> int | None:
    """A whole number ≥ 0; thousands separators (80.674, 80,674, 80 674) are allowed."""
    raw = text.strip()
    if not raw:
        return None
    if raw.isdigit() or _GROUPED.fullmatch(raw):
        return int(re.sub(r"\D", "", raw))
    raise InvalidInput(message(lang, "population", text=raw))


def parse_share(text: str, lang: str) -> float | None:
    """A percentage 0–100 with a decimal point or comma; a trailing % is allowed."""
    raw = text.strip()
    if not raw:
        return None
    number = raw.removesuffix("%").strip()
    if _DECIMAL.fullmatch(number):
        value = float(number.replace(",", "."))
        if 0 <= value <= 100:
            return value if ("." in number or "," in number) else int(number)
    raise InvalidInput(message(lang, "share", text=raw))


def parse_date(text: str, lang: str, label_key: str = "date_label") -> dt.date | None:
    """A date as 2020-07-01 or 1.7.2020 (``label_key`` names the field in the message)."""
    raw = text.strip()
    if not raw:
        return None
    m = _ISO.fullmatch(raw)
    parts = (m.group(1), m.group(2), m.group(3)) if m else None
    if parts is None and (m := _GERMAN.fullmatch(raw)):
        parts = (m.group(3), m.group(2), m.group(1))
    if parts is not None:
        try:
            return dt.date(*(int(x) for x in parts))
        except ValueError:
            pass  # 2020-02-31: reported below like any other bad date
    raise InvalidInput(message(lang, "date", label=message(lang, label_key), text=raw))


def required(text: str, lang: str, label_key: str) -> str:
    """Text that must not be empty (e.g. an event's title); returned stripped."""
    value = text.strip()
    if not value:
        raise InvalidInput(message(lang, "required", label=message(lang, label_key)))
    return value


def format_date(d: dt.date | None, lang: str) -> str:
    """How a date is shown in an input field (and parsed back by :func:`parse_date`)."""
    if d is None:
        return ""
    return f"{d.day:02d}.{d.month:02d}.{d.year}" if lang == "de" else d.isoformat()


def format_number(value: float | int | None, lang: str) -> str:
    """A population or share as shown in an input field."""
    if value is None:
        return ""
    if isinstance(value, int) or value == int(value):
        return str(int(value))
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "de" else text
