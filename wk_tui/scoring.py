"""Scoring and verdicts: pure functions of a questionnaire and a ratings mapping.

- Field score = points / (3 × counted criteria) × 100, where *counted* criteria are those
  rated with a scale value other than ``keine_einschaetzung``. Nothing counted: no score.
- Overall score = weighted mean of the field scores that exist (field weight, default 1).
- Verdict = the band that holds the score; the same bands give each field a verdict.
- The result is *provisional* while any criterion is unrated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from .questionnaire import MAX_POINTS, Band, Criterion, Field, Questionnaire
from .record import Record


class Ratings(Protocol):
    """What scoring reads of the ratings: criterion id → scale value, None when unrated.

    A ``Mapping[str, str]`` is one; so is an open session's live view (see ``tally``).
    """

    def get(self, cid: str, /) -> str | None: ...


class Counts(Record):
    rated: int = 0  # has any scale value (keine_einschaetzung included)
    counted: int = 0  # has a value that carries points
    unknown: int = 0  # rated keine_einschaetzung ("–")
    open: int = 0  # not rated at all
    points: int = 0

    @property
    def total(self) -> int:
        return self.rated + self.open


class FieldResult(Record):
    field: Field
    counts: Counts
    score: float | None
    band: Band | None

    @property
    def provisional(self) -> bool:
        return self.counts.open > 0


class Result(Record):
    fields: tuple[FieldResult, ...]
    counts: Counts
    score: float | None
    band: Band | None

    @property
    def provisional(self) -> bool:
        return self.counts.open > 0

    @property
    def early(self) -> bool:
        """Fewer than half of the criteria rated: the verdict says little yet, and is to be
        shown as provisional with how much is rated (``counts.rated`` of ``counts.total``)."""
        return 2 * self.counts.rated < self.counts.total

    def field(self, fid: str) -> FieldResult:
        return next(fr for fr in self.fields if fr.field.id == fid)


#: Ratings that mark a criterion as needing work (with its suggestion in reports).
WEAK_VALUES = ("eher_nein", "nein")


def weak_criteria(q: Questionnaire, values: Mapping[str, str]) -> list[tuple[Criterion, str]]:
    """The criteria rated eher nein or nein, in questionnaire order, with their value."""
    return [(c, values[c.id]) for c in q.criteria if values.get(c.id) in WEAK_VALUES]


def open_criteria(q: Questionnaire, values: Mapping[str, str]) -> list[Criterion]:
    """The criteria not rated yet, in questionnaire order."""
    return [c for c in q.criteria if c.id not in values]


def field_result(q: Questionnaire, f: Field, values: Ratings) -> FieldResult:
    rated = counted = unknown = open_ = points = 0
    for c in f.criteria:
        value = values.get(c.id)
        if value is None:
            open_ += 1
            continue
        rated += 1
        pts = q.step(value).points
        if pts is None:
            unknown += 1
        else:
            counted += 1
            points += pts
    score = _exact(points / (MAX_POINTS * counted) * 100) if counted else None
    return FieldResult(f, Counts(rated, counted, unknown, open_, points), score, q.band_for(score))


def _exact(x: float) -> float:
    """``x`` without floating-point noise: (33.3… + 66.6…) / 2 is 50, not 49.999…

    Scores are fractions with small denominators, so a real score is never within 1e-9 of
    a band boundary unless it is on it; rounding there puts it in the band its shown
    value ("50,0 %") says.
    """
    return round(x, 9)


def score(q: Questionnaire, values: Mapping[str, str]) -> Result:
    """Score ``values`` (criterion id → scale value) against questionnaire ``q``."""
    return combine(q, tuple(field_result(q, f, values) for f in q.fields))


def combine(q: Questionnaire, results: tuple[FieldResult, ...]) -> Result:
    """The overall result from the field results (in questionnaire order)."""
    weighted = [(fr.score, fr.field.weight) for fr in results if fr.score is not None]
    total_weight = sum(w for _, w in weighted)
    overall = _exact(sum(s * w for s, w in weighted) / total_weight) if total_weight else None
    counts = Counts(
        *(
            sum(getattr(fr.counts, k) for fr in results)
            for k in ("rated", "counted", "unknown", "open", "points")
        )
    )
    return Result(results, counts, overall, q.band_for(overall))


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def result_json(result: Result) -> dict:
    """The documented JSON shape of ``wk-tui summary --json``."""

    def block(
        counts: Counts, value: float | None, band: Band | None
    ) -> tuple[dict[str, object], dict[str, int]]:
        return {
            "score": _round(value),
            "band": band.id if band else None,
            "label": band.label if band else None,
        }, {
            "rated": counts.rated,
            "counted": counts.counted,
            "unknown": counts.unknown,
            "open": counts.open,
        }

    head, tail = block(result.counts, result.score, result.band)
    overall = {**head, "provisional": result.provisional, **tail}
    fields = []
    for fr in result.fields:
        head, tail = block(fr.counts, fr.score, fr.band)
        fields.append({"id": fr.field.id, "title": fr.field.title, **head, **tail})
    return {"overall": overall, "fields": fields}
