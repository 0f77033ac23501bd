"""What a presentation may show: the public slides of a session.

The slides are built from an allow-list: the municipality's name, the questionnaire's own
text, the ratings' values and scores, and the workshop's chosen fields with the texts of
their lists (and an action's due date). Notes, names of people (project leads, head of
administration, owners, participants, facilitator, respondents), the profile, the
timeline, the outlook and every key the program does not know never reach a slide, so no
screen can show them.
"""

from __future__ import annotations

import datetime as dt

from .questionnaire import Questionnaire
from .record import Factory, Record
from .scoring import score
from .session import Session
from .workshop import chosen_fields, field_work


class VerdictSlide(Record):
    key: str
    municipality: str
    title: str
    score: float | None
    verdict: str
    provisional: bool
    open: int


class FieldRow(Record):
    number: int
    title: str
    score: float | None
    verdict: str
    open: int


class ResultsSlide(Record):
    key: str
    rows: list[FieldRow] = Factory(factory=list)


class CriterionRow(Record):
    title: str
    value: str | None  # a scale value, None while unrated
    symbol: str
    label: str


class FieldSlide(Record):
    key: str
    number: int
    title: str
    score: float | None
    verdict: str
    criteria: list[CriterionRow] = Factory(factory=list)


class ActionItem(Record):
    text: str
    due: dt.date | None = None


class WorkshopSlide(Record):
    key: str
    number: int
    title: str
    works: list[str] = Factory(factory=list)
    not_yet: list[str] = Factory(factory=list)
    actions: list[ActionItem] = Factory(factory=list)


Slide = VerdictSlide | ResultsSlide | FieldSlide | WorkshopSlide


def slides(session: Session, q: Questionnaire) -> list[Slide]:
    """Verdict, results, one slide per action field, one per chosen workshop field."""
    result = score(q, session.values(q))
    label = lambda band: band.label if band else ""  # noqa: E731
    out: list[Slide] = [
        VerdictSlide(
            "verdict",
            session.municipality.name,
            q.title,
            result.score,
            label(result.band),
            result.provisional,
            result.counts.open,
        ),
        ResultsSlide(
            "results",
            [
                FieldRow(fr.field.number, fr.field.title, fr.score, label(fr.band), fr.counts.open)
                for fr in result.fields
            ],
        ),
    ]
    for fr in result.fields:
        f = fr.field
        rows = []
        for c in f.criteria:
            value = session.value(c.id)
            step = q.step(value) if value else None
            rows.append(
                CriterionRow(
                    c.title, value, step.symbol if step else "", step.label if step else ""
                )
            )
        out.append(FieldSlide(f"field:{f.id}", f.number, f.title, fr.score, label(fr.band), rows))
    seen = set()
    for f in chosen_fields(session, q):  # the workshop screen's and the export's order
        if f.id in seen:
            continue
        seen.add(f.id)
        work = field_work(session, f.id)
        out.append(
            WorkshopSlide(
                f"workshop:{f.id}",
                f.number,
                f.title,
                list(work.works),
                list(work.not_yet),
                [ActionItem(a.text, a.due) for a in work.actions],
            )
        )
    return out


def keep_place(old: list[Slide], new: list[Slide], index: int) -> int:
    """The index in ``new`` of the slide shown at ``index`` in ``old`` (or the nearest)."""
    if not new:
        return 0
    if 0 <= index < len(old):
        key = old[index].key
        for i, s in enumerate(new):
            if s.key == key:
                return i
    return max(0, min(index, len(new) - 1))
