"""Reading a session document: typed, located problems; unknown keys kept in ``extra``.

:func:`parse_session` builds a :class:`~wk_tui.session.Session` from a parsed TOML
document and records every problem (``file:line:col: key: message``) instead of stopping
at the first; :func:`check_against` reports ids the questionnaire does not know.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from .errors import Term
from .i18n import LANGUAGES
from .questionnaire import SCALE_VALUES, Questionnaire, is_slug
from .session import (
    PRIORITIES,
    Action,
    Event,
    FieldWork,
    KeyFigure,
    Municipality,
    Rating,
    Respondent,
    Session,
    Workshop,
)
from .teamdata import parse_team
from .tomlpos import Problems


class TableReader:
    """Typed access to one table, recording problems and collecting unknown keys."""

    def __init__(self, p: Problems, table: object, where: tuple, known: tuple[str, ...]):
        self.p, self.where = p, where
        if not isinstance(table, dict):
            if table is not None:
                p.add(
                    where, "expected {what}, got {got}", what=Term("a table"), got=_typename(table)
                )
            table = {}
        self.t: dict[str, Any] = table
        self.extra = {k: v for k, v in table.items() if k not in known}

    def _get(self, key: str, types: tuple, label: str, default: Any) -> Any:
        """The value of ``key`` if it has one of ``types`` (a TOML value), else ``default``."""
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
            self.p.add(self.where + (key,), "expected a finite number, got {value}", value=v)
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
                "expected a date-time like {example}, got the date {date}",
                example=f"{v.isoformat()}T10:00:00+01:00",
                date=v,
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
    top = TableReader(
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
            "questionnaire id {qid} is not an id (lowercase letters, digits and '-'); a "
            "questionnaire file outside the bundled ones comes from --questionnaire",
            qid=repr(s.questionnaire),
        )
        s.questionnaire = ""
    if s.language not in LANGUAGES:
        p.add(("language",), "unknown language {lang} (expected de or en)", lang=repr(s.language))

    m = TableReader(
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
        k = TableReader(p, item, where, ("label", "value", "source"))
        s.municipality.key_figures.append(
            KeyFigure(k.required_text("label"), k.text("value"), k.text("source"), k.extra)
        )

    r = TableReader(p, doc.get("respondent"), ("respondent",), ("name", "role", "department"))
    s.respondent = Respondent(r.text("name"), r.text("role"), r.text("department"), r.extra)

    if "team" in doc:
        s.team = parse_team(TableReader, doc["team"], p)

    ratings = doc.get("ratings", {})
    if not isinstance(ratings, dict):
        p.add(("ratings",), 'expected a table of [ratings."<criterion-id>"]')
        ratings = {}
    for cid, item in ratings.items():
        r = TableReader(p, item, ("ratings", cid), ("value", "note", "updated"))
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
        e = TableReader(p, item, where, ("date", "end", "title", "participants", "text"))
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

    w = TableReader(
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
        fr = TableReader(p, item, ("workshop", "results", fid), ("works", "not_yet", "actions"))
        work = FieldWork(fr.texts("works"), fr.texts("not_yet"), [], fr.extra)
        for where, a in fr.tables("actions"):
            ar = TableReader(p, a, where, ("text", "owner", "due", "priority", "outlook"))
            priority = ar.text("priority")
            if priority and priority not in PRIORITIES:
                p.add(
                    where + ("priority",),
                    "unknown priority {priority} (expected one of {values})",
                    priority=repr(priority),
                    values=", ".join(PRIORITIES),
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
    messages: list[tuple[tuple, str, dict[str, str]]] = []
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
