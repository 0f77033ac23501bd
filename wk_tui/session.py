"""The session: municipality profile, ratings, timeline and workshop.

Sessions are TOML documents people may edit by hand. Parsing is strict about the keys it
knows (types, rating values) and keeps every key it does not know in ``extra`` so that a
round trip never drops data.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from .errors import Term
from .i18n import LANGUAGES
from .questionnaire import SCALE_VALUES, Questionnaire, is_slug
from .record import Factory, Record
from .teamdata import parse_team, team_to_dict
from .tomlpos import Problems

if TYPE_CHECKING:
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


# --------------------------------------------------------------------------- parsing


class _Reader:
    """Typed access to one table, recording problems and collecting unknown keys."""

    def __init__(self, p: Problems, table: object, where: tuple, known: tuple[str, ...]):
        self.p, self.where = p, where
        if not isinstance(table, dict):
            if table is not None:
                p.add(
                    where, "expected {what}, got {got}", what=Term("a table"), got=_typename(table)
                )
            table = {}
        self.t = table
        self.extra = {k: v for k, v in table.items() if k not in known}

    def _get(self, key: str, types: tuple, label: str, default: object) -> object:
        v = self.t.get(key)
        if v is None:
            return default
        if isinstance(v, bool) and bool not in types or not isinstance(v, types):
            self.p.add(
                self.where + (key,),
                "expected {what}, got {got}",
                what=Term(label),
                got=_typename(v),
            )
            return default
        return v

    def text(self, key: str, default: str = "") -> str:
        return self._get(key, (str,), "text", default)

    def required_text(self, key: str) -> str:
        if key not in self.t:
            self.p.add(self.where + (key,), "missing (expected text)")
        return self.text(key)

    def int(self, key: str) -> int | None:
        return self._get(key, (int,), "a whole number", None)

    def number(self, key: str) -> float | None:
        v = self._get(key, (int, float), "a number", None)
        if isinstance(v, float) and not math.isfinite(v):
            self.p.add(self.where + (key,), f"expected a finite number, got {v}")
            return None
        return v

    def date(self, key: str, required: bool = False) -> dt.date | None:
        v = self._get(key, (dt.date,), "a date like 2020-02-17", None)
        if isinstance(v, dt.datetime):
            v = v.date()
        if v is None and required and key not in self.t:
            self.p.add(self.where + (key,), "missing (expected a date like 2020-02-17)")
        return v

    def flag(self, key: str) -> bool:
        return self._get(key, (bool,), "true or false", False)

    def datetime(self, key: str) -> dt.datetime | None:
        v = self._get(key, (dt.date,), "a date-time like 2020-02-17T10:00:00+01:00", None)
        if v is not None and not isinstance(v, dt.datetime):
            self.p.add(
                self.where + (key,),
                f"expected a date-time like {v.isoformat()}T10:00:00+01:00, got the date {v}",
            )
            return None
        return v

    def texts(self, key: str) -> list[str]:
        v = self._get(key, (list,), "a list of texts", [])
        if not all(isinstance(x, str) for x in v):
            self.p.add(self.where + (key,), "expected a list of texts")
            return []
        return list(v)

    def tables(self, key: str) -> list[tuple[tuple, object]]:
        v = self._get(key, (list,), "a list of tables", [])
        return [(self.where + (key, i), x) for i, x in enumerate(v)]


def _typename(v: object) -> str:
    return Term(
        {
            str: "text",
            int: "a whole number",
            float: "a number",
            bool: "true/false",
            list: "a list",
            dict: "a table",
        }.get(type(v), type(v).__name__)
    )


def parse_session(doc: dict, p: Problems) -> Session:
    """Build a Session from a parsed document; problems are added to ``p``."""
    top = _Reader(
        p,
        doc,
        (),
        (
            "schema",
            "questionnaire",
            "language",
            "created",
            "updated",
            "municipality",
            "respondent",
            "ratings",
            "timeline",
            "workshop",
            "team",
        ),
    )
    s = Session(
        top.required_text("questionnaire"),
        top.text("language", "de"),
        top.datetime("created"),
        top.datetime("updated"),
        extra=top.extra,
    )
    if s.questionnaire and not is_slug(s.questionnaire):
        p.add(
            ("questionnaire",),
            f"questionnaire id {s.questionnaire!r} is not an id (lowercase letters, digits "
            "and '-'); a questionnaire file outside the bundled ones comes from --questionnaire",
        )
        s.questionnaire = ""
    if s.language not in LANGUAGES:
        p.add(("language",), "unknown language {lang} (expected de or en)", lang=repr(s.language))

    m = _Reader(
        p,
        doc.get("municipality"),
        ("municipality",),
        (
            "name",
            "population",
            "population_source",
            "foreign_share",
            "foreign_share_source",
            "head_of_administration",
            "project_leads",
            "challenges",
            "context",
            "key_figures",
        ),
    )
    s.municipality = Municipality(
        m.text("name"),
        m.int("population"),
        m.text("population_source"),
        m.number("foreign_share"),
        m.text("foreign_share_source"),
        m.text("head_of_administration"),
        m.texts("project_leads"),
        m.texts("challenges"),
        m.text("context"),
        extra=m.extra,
    )
    for where, item in m.tables("key_figures"):
        k = _Reader(p, item, where, ("label", "value", "source"))
        s.municipality.key_figures.append(
            KeyFigure(k.required_text("label"), k.text("value"), k.text("source"), k.extra)
        )

    r = _Reader(p, doc.get("respondent"), ("respondent",), ("name", "role", "department"))
    s.respondent = Respondent(r.text("name"), r.text("role"), r.text("department"), r.extra)

    if "team" in doc:
        s.team = parse_team(_Reader, doc["team"], p)

    ratings = doc.get("ratings", {})
    if not isinstance(ratings, dict):
        p.add(("ratings",), 'expected a table of [ratings."<criterion-id>"]')
        ratings = {}
    for cid, item in ratings.items():
        r = _Reader(p, item, ("ratings", cid), ("value", "note", "updated"))
        value = r.text("value")
        if value and value not in SCALE_VALUES:
            p.add(
                ("ratings", cid, "value"),
                "unknown rating value {value} (expected one of {values})",
                value=repr(value),
                values=", ".join(SCALE_VALUES),
            )
            value = ""
        s.ratings[cid] = Rating(value, r.text("note"), r.datetime("updated"), r.extra)

    for where, item in top.tables("timeline"):
        e = _Reader(p, item, where, ("date", "end", "title", "participants", "text"))
        s.timeline.append(
            Event(
                e.date("date", required=True) or dt.date(1970, 1, 1),
                e.required_text("title"),
                e.date("end"),
                e.text("participants"),
                e.text("text"),
                e.extra,
            )
        )

    w = _Reader(
        p,
        doc.get("workshop"),
        ("workshop",),
        ("date", "facilitator", "participants", "fields", "results", "outlook"),
    )
    s.workshop = Workshop(
        w.date("date"),
        w.text("facilitator"),
        w.text("participants"),
        w.texts("fields"),
        {},
        w.text("outlook"),
        w.extra,
    )
    results = w.t.get("results", {})
    if not isinstance(results, dict):
        p.add(("workshop", "results"), "expected a table of [workshop.results.<field-id>]")
        results = {}
    for fid, item in results.items():
        fr = _Reader(p, item, ("workshop", "results", fid), ("works", "not_yet", "actions"))
        work = FieldWork(fr.texts("works"), fr.texts("not_yet"), [], fr.extra)
        for where, a in fr.tables("actions"):
            ar = _Reader(p, a, where, ("text", "owner", "due", "priority", "outlook"))
            priority = ar.text("priority")
            if priority and priority not in PRIORITIES:
                p.add(
                    where + ("priority",),
                    f"unknown priority {priority!r} (expected one of {', '.join(PRIORITIES)})",
                )
                priority = ""
            work.actions.append(
                Action(
                    ar.required_text("text"),
                    ar.text("owner"),
                    ar.date("due"),
                    priority,
                    ar.flag("outlook"),
                    ar.extra,
                )
            )
        s.workshop.results[fid] = work
    return s


def check_against(s: Session, q: Questionnaire, p: Problems | None) -> list[str]:
    """Criterion/field ids the questionnaire does not know, as messages (also added to ``p``).

    They are kept in the session either way; ``s.unknown_ids`` gets the ids themselves.
    """
    messages = []
    unknown: list[str] = []
    for cid in s.ratings:
        if not q.has_criterion(cid):
            unknown.append(cid)
            messages.append(
                (
                    ("ratings", cid),
                    "unknown criterion id {cid} (not in questionnaire {qid})",
                    {"cid": repr(cid), "qid": repr(q.id)},
                )
            )
    field_ids = {f.id for f in q.fields}
    for i, fid in enumerate(s.workshop.fields):
        if fid not in field_ids:
            unknown.append(fid)
            messages.append(
                (("workshop", "fields", i), "unknown field id {fid}", {"fid": repr(fid)})
            )
    for fid in s.workshop.results:
        if fid not in field_ids:
            unknown.append(fid)
            messages.append(
                (("workshop", "results", fid), "unknown field id {fid}", {"fid": repr(fid)})
            )
    if s.questionnaire and s.questionnaire != q.id:
        messages.append(
            (
                ("questionnaire",),
                "session is for questionnaire {have}, not {want}",
                {"have": repr(s.questionnaire), "want": repr(q.id)},
            )
        )
    s.unknown_ids = list(dict.fromkeys(unknown))
    if p is not None:
        for where, msg, params in messages:
            p.add(where, msg, **params)
    return [msg.format(**params) for _, msg, params in messages]


# --------------------------------------------------------------------------- writing


def _prune(d: dict) -> dict:
    """Drop empty optional values so hand-written files stay as small as they were."""
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def session_to_dict(s: Session) -> dict:
    m = s.municipality
    muni = _prune(
        {
            "name": m.name,
            "population": m.population,
            "population_source": m.population_source,
            "foreign_share": m.foreign_share,
            "foreign_share_source": m.foreign_share_source,
            "head_of_administration": m.head_of_administration,
            "project_leads": m.project_leads,
            "challenges": m.challenges,
            "context": m.context,
        }
    )
    if m.key_figures:
        muni["key_figures"] = [
            {**_prune({"label": k.label, "value": k.value, "source": k.source}), **k.extra}
            for k in m.key_figures
        ]
    muni.update(m.extra)
    ratings = {
        cid: {**_prune({"value": r.value, "note": r.note, "updated": r.updated}), **r.extra}
        for cid, r in s.ratings.items()
    }
    doc = {
        "schema": SCHEMA,
        "questionnaire": s.questionnaire,
        "language": s.language,
        **_prune({"created": s.created, "updated": s.updated}),
    }
    doc.update(s.extra)
    if muni:
        doc["municipality"] = muni
    who = s.respondent
    if not who.is_empty():
        doc["respondent"] = {
            **_prune({"name": who.name, "role": who.role, "department": who.department}),
            **who.extra,
        }
    if ratings:
        doc["ratings"] = ratings
    if s.timeline:
        doc["timeline"] = [
            {
                **_prune(
                    {
                        "date": e.date,
                        "end": e.end,
                        "title": e.title,
                        "participants": e.participants,
                        "text": e.text,
                    }
                ),
                **e.extra,
            }
            for e in s.timeline
        ]
    w = s.workshop
    if not w.is_empty():
        wd = _prune(
            {
                "date": w.date,
                "facilitator": w.facilitator,
                "participants": w.participants,
                "fields": w.fields,
                "outlook": w.outlook,
            }
        )
        if w.results:
            wd["results"] = {
                fid: {
                    **_prune(
                        {
                            "works": fw.works,
                            "not_yet": fw.not_yet,
                            "actions": [
                                {
                                    **_prune(
                                        {
                                            "text": a.text,
                                            "owner": a.owner,
                                            "due": a.due,
                                            "priority": a.priority,
                                            "outlook": a.outlook or None,
                                        }
                                    ),
                                    **a.extra,
                                }
                                for a in fw.actions
                            ],
                        }
                    ),
                    **fw.extra,
                }
                for fid, fw in w.results.items()
            }
        wd.update(w.extra)
        doc["workshop"] = wd
    if s.team is not None:
        doc["team"] = team_to_dict(s.team)
    return doc
