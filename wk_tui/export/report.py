"""The report under construction: Markdown blocks and the formatting every section shares.

Each section of the report (:mod:`.markdown`, :mod:`.results`, :mod:`.teamtable`) and the
office formats build on :class:`Report`; it imports none of them.
"""

from __future__ import annotations

import datetime as dt

from ..i18n import number, tr
from ..questionnaire import Field, Questionnaire
from ..scoring import Result, score
from ..session import Session
from .mdescape import inline
from .strings import REPORT


class Report:
    """Collects Markdown blocks (separated by one blank line) and formats shared values."""

    def __init__(self, session: Session, q: Questionnaire, notes: bool = True) -> None:
        self.s, self.q, self.notes = session, q, notes
        self.lang = session.language if session.language in REPORT else "de"
        self.values = session.values(q)
        self.result: Result = score(q, self.values)
        self.blocks: list[str] = []
        self.section_no = 0

    # ----------------------------------------------------------------- helpers

    def t(self, key: str, **kw: object) -> str:
        return tr(REPORT, self.lang, key, **kw)

    def add(self, *blocks: str) -> None:
        self.blocks.extend(b for b in blocks if b)

    def section(self, title_key: str) -> None:
        self.section_no += 1
        self.add(f"## {self.section_no}. {self.t(title_key)}")

    def date(self, d: dt.date, year: bool = True) -> str:
        month = self.t("months").split()[d.month - 1]
        return self.t("date" if year else "date_no_year", day=d.day, month=month, year=d.year)

    def date_range(self, start: dt.date, end: dt.date | None) -> str:
        if end is None or end == start:
            return self.date(start)
        return f"{self.date(start, year=start.year != end.year)} – {self.date(end)}"

    def percent(self, value: float | None) -> str:
        if value is None:
            return self.t("no_score")
        return self.t("percent", value=number(value, self.lang))

    def integer(self, n: int) -> str:
        text = f"{n:,}"
        return text.replace(",", ".") if self.lang == "de" else text

    def bound(self, value: float) -> str:
        return number(value, self.lang, 0 if value == int(value) else 1)

    def field_title(self, f: Field) -> str:
        return self.t("field_title", number=f.number, title=inline(f.title))

    def step_label(self, value: str | None) -> str:
        return inline(self.q.step(value).label) if value else self.t("unrated")

    def workshop_fields(self) -> list[str]:
        """Chosen fields in their order, then fields that only have results."""
        w = self.s.workshop
        return list(dict.fromkeys([*w.fields, *w.results]))

    def known_field(self, fid: str) -> Field | None:
        return next((f for f in self.q.fields if f.id == fid), None)

    def item(self, key: str | None, value: str, source: str = "", label: str = "") -> str:
        """A ``- **Label:** value (Quelle: …)`` line; ``value`` is already Markdown."""
        head = self.t(key) if key else inline(label)
        text = f"- **{head}:** {value}".rstrip()
        if source.strip():
            text += f" ({self.t('source', source=inline(source))})"
        return text


def bullets(items: list[str]) -> str:
    """A bullet list of literal texts (empty items are skipped)."""
    return "\n".join(f"- {inline(x)}" for x in items if x.strip())


def table(header: list[str], align: str, rows: list[list[str]]) -> str:
    """A GFM table; cells are Markdown already (escaped with ``cell``)."""
    marks = {"l": "---", "c": ":---:", "r": "---:"}
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks[a] for a in align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
