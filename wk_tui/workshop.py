"""Reading the workshop part of a session: chosen fields, their lists, the chooser, the plan.

These accessors are shared by the workshop screen, the presentation and the export, so they
all show the same items in the same order. Changes go through :mod:`wk_tui.editing` and the
session store.
"""

from __future__ import annotations

import datetime as dt

from .questionnaire import Field, Questionnaire
from .record import Record
from .scoring import Result, score
from .session import PRIORITIES, Action, FieldWork, Session

#: The three lists of a workshop field, in screen and report order.
LISTS = ("works", "not_yet", "actions")
#: Ways to sort the action plan.
PLAN_SORTS = ("due", "owner")


def chosen_fields(s: Session, q: Questionnaire) -> list[Field]:
    """The chosen fields the questionnaire knows, in the chosen order."""
    known = {f.id: f for f in q.fields}
    return [known[fid] for fid in s.workshop.fields if fid in known]


def field_work(s: Session, fid: str) -> FieldWork:
    """The results of field ``fid`` (an empty FieldWork, not stored, if there are none)."""
    return s.workshop.results.get(fid) or FieldWork()


def items(s: Session, fid: str, kind: str) -> list[str]:
    """The texts of list ``kind`` (one of LISTS) of field ``fid``, in order."""
    fw = field_work(s, fid)
    if kind == "actions":
        return [a.text for a in fw.actions]
    return list(getattr(fw, kind))


def actions(s: Session, fid: str) -> list[Action]:
    return field_work(s, fid).actions


class Choice(Record):
    """One row of the field chooser."""

    field: Field
    score: float | None
    chosen: bool
    #: merged sessions: the largest spread among the field's criteria (None: no team data
    #: or nothing counted) and how many of them are flagged (spread ≥ 2), see wk_tui.team
    spread: int | None = None
    flagged: int = 0


def chooser(q: Questionnaire, s: Session, result: Result | None = None) -> list[Choice]:
    """All fields, weakest first (lowest score; fields without a score last), each with its
    disagreement when the session is merged (``spread``, ``flagged``).

    Ties keep the questionnaire order. ``result`` saves scoring again when the caller has it.
    """
    result = result or score(q, s.values(q))
    chosen = set(s.workshop.fields)
    spreads: dict[str, tuple[int | None, int]] = {}
    if s.team is not None:
        from .team import field_disagreement

        spreads = field_disagreement(s, q)
    rows = [
        Choice(fr.field, fr.score, fr.field.id in chosen, *spreads.get(fr.field.id, (None, 0)))
        for fr in result.fields
    ]
    order = {f.id: i for i, f in enumerate(q.fields)}
    return sorted(
        rows,
        key=lambda c: (c.score is None, c.score or 0.0, order[c.field.id]),
    )


class PlanRow(Record):
    """One action of the plan: where it is (field, index) and the action itself."""

    fid: str
    field: Field | None
    index: int
    action: Action


def action_plan(s: Session, q: Questionnaire, sort: str = "due") -> list[PlanRow]:
    """Every action of the chosen fields (then of other fields with results).

    ``sort="due"``: by due date (undated last), then owner; ``sort="owner"``: by owner
    (case-insensitive, no owner last), then due date. Ties keep the screen order.
    """
    known = {f.id: f for f in q.fields}
    rows = [
        PlanRow(fid, known.get(fid), i, a)
        for fid in dict.fromkeys([*s.workshop.fields, *s.workshop.results])
        for i, a in enumerate(actions(s, fid))
    ]
    far = dt.date.max

    def by_due(r: PlanRow) -> tuple:
        return (r.action.due is None, r.action.due or far)

    def by_owner(r: PlanRow) -> tuple:
        owner = r.action.owner.strip().casefold()
        return (not owner, owner)

    first, then = (by_due, by_owner) if sort == "due" else (by_owner, by_due)
    return sorted(rows, key=lambda r: (first(r), then(r)))


def priority_rank(priority: str) -> int:
    """0 for high … 2 for low, 3 for none (for sorting and display)."""
    return PRIORITIES.index(priority) if priority in PRIORITIES else len(PRIORITIES)


def outlook_actions(s: Session) -> list[PlanRow]:
    """The actions marked for the outlook, in screen order (field, then list order)."""
    return [
        PlanRow(fid, None, i, a)
        for fid in dict.fromkeys([*s.workshop.fields, *s.workshop.results])
        for i, a in enumerate(actions(s, fid))
        if a.outlook
    ]
