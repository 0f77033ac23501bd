"""The session: municipality profile, ratings, timeline and workshop.

Sessions are TOML documents people may edit by hand. This module holds the records;
:mod:`wk_tui.session_read` builds them from a parsed document (strict about the keys it
knows, keeping every key it does not know in ``extra``) and :mod:`wk_tui.session_write`
turns them back into one, so that a round trip never drops data.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .record import Factory, Record

if TYPE_CHECKING:
    from .questionnaire import Questionnaire
    from .teamdata import Team

SCHEMA_ID = "wk-tui-session"
SCHEMA_VERSION = 1
SCHEMA = f"{SCHEMA_ID}/{SCHEMA_VERSION}"


def now() -> dt.datetime:
    """The current local time with offset, to the second (as stored in files)."""
    return dt.datetime.now(dt.UTC).astimezone().replace(microsecond=0)


class Rating(Record):
    value: str
    note: str = ""
    updated: dt.datetime | None = None
    extra: dict = Factory(factory=dict)


class KeyFigure(Record):
    label: str
    value: str
    source: str = ""
    extra: dict = Factory(factory=dict)


class Municipality(Record):
    name: str = ""
    population: int | None = None
    population_source: str = ""
    foreign_share: float | None = None
    foreign_share_source: str = ""
    head_of_administration: str = ""
    project_leads: list[str] = Factory(factory=list)
    challenges: list[str] = Factory(factory=list)
    context: str = ""
    key_figures: list[KeyFigure] = Factory(factory=list)
    extra: dict = Factory(factory=dict)


class Respondent(Record):
    """Who filled in this session (optional ``[respondent]`` table)."""

    name: str = ""
    role: str = ""
    department: str = ""
    extra: dict = Factory(factory=dict)

    def is_empty(self) -> bool:
        return not (self.name or self.role or self.department or self.extra)


class Event(Record):
    date: dt.date
    title: str
    end: dt.date | None = None
    participants: str = ""
    text: str = ""
    extra: dict = Factory(factory=dict)


#: Priorities an action can have, highest first ("" = none).
PRIORITIES = ("high", "medium", "low")


class Action(Record):
    text: str
    owner: str = ""
    due: dt.date | None = None
    priority: str = ""  # one of PRIORITIES or ""
    outlook: bool = False  # marked for the report's outlook (Ausblick)
    extra: dict = Factory(factory=dict)


class FieldWork(Record):
    works: list[str] = Factory(factory=list)
    not_yet: list[str] = Factory(factory=list)
    actions: list[Action] = Factory(factory=list)
    extra: dict = Factory(factory=dict)


class Workshop(Record):
    date: dt.date | None = None
    facilitator: str = ""
    participants: str = ""
    fields: list[str] = Factory(factory=list)
    results: dict[str, FieldWork] = Factory(factory=dict)
    outlook: str = ""
    extra: dict = Factory(factory=dict)

    def is_empty(self) -> bool:
        return not (
            self.fields
            or self.results
            or self.outlook
            or self.date
            or self.facilitator
            or self.participants
            or self.extra
        )


class Session(Record):
    questionnaire: str
    language: str = "de"
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    municipality: Municipality = Factory(factory=Municipality)
    respondent: Respondent = Factory(factory=Respondent)
    ratings: dict[str, Rating] = Factory(factory=dict)
    timeline: list[Event] = Factory(factory=list)
    workshop: Workshop = Factory(factory=Workshop)
    #: per-respondent answers of a merged session (``[team]``, see wk_tui.teamdata)
    team: Team | None = None
    extra: dict = Factory(factory=dict)
    #: ratings/workshop fields naming criteria the questionnaire does not know (kept).
    warnings: list[str] = Factory(factory=list)
    #: the unknown criterion and field ids themselves, for a UI to show (data, not text).
    unknown_ids: list[str] = Factory(factory=list)
    #: the same warnings located in the file (``WkError``: ``file:line:col: key: message``).
    warning_items: list = Factory(factory=list)
    _transient = ("warnings", "unknown_ids", "warning_items")

    def values(self, q: Questionnaire | None = None) -> dict[str, str]:
        """criterion id → value, for scoring (restricted to ``q``'s criteria if given)."""
        return {
            cid: r.value
            for cid, r in self.ratings.items()
            if r.value and (q is None or q.has_criterion(cid))
        }

    def set_rating(self, cid: str, value: str | None, when: dt.datetime | None = None) -> None:
        """Set (or with ``None`` clear) the value of ``cid``; a note is kept either way."""
        when = when or now()
        current = self.ratings.get(cid)
        if value is None:
            if current is None:
                return
            if current.note or current.extra:
                # Keep the note: the criterion stays in the file without a value.
                current.value = ""
                current.updated = when
            else:
                del self.ratings[cid]
        elif current is None:
            self.ratings[cid] = Rating(value, updated=when)
        else:
            current.value, current.updated = value, when
        self.updated = when

    def set_note(self, cid: str, note: str, when: dt.datetime | None = None) -> None:
        when = when or now()
        current = self.ratings.get(cid)
        if current is None:
            if not note:
                return
            self.ratings[cid] = current = Rating("")
        current.note, current.updated = note, when
        if not current.value and not current.note and not current.extra:
            del self.ratings[cid]
        self.updated = when

    def value(self, cid: str) -> str | None:
        r = self.ratings.get(cid)
        return r.value if r and r.value else None

    def note(self, cid: str) -> str:
        r = self.ratings.get(cid)
        return r.note if r else ""
