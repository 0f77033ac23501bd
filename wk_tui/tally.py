"""Incremental scoring of an open session: a change re-scores only the fields it touched.

Scoring a whole questionnaire on every key costs O(criteria) (~7 ms at 10,000 criteria).
:class:`Tally` keeps each field's :class:`~wk_tui.scoring.FieldResult` and re-scores a
field only when one of its criteria changed, so a key costs O(criteria of one field) plus
O(fields) to combine — the same :func:`~wk_tui.scoring.combine` that :func:`score` uses,
in the same order, so the figures are identical to a full re-score (no running float sums
that could drift across a band boundary).
"""

from __future__ import annotations

from collections.abc import Iterable

from .questionnaire import Questionnaire
from .scoring import FieldResult, Result, combine, field_result
from .session import Session


class _Values:
    """The session's rating values as the :class:`~wk_tui.scoring.Ratings` scoring reads."""

    __slots__ = ("session",)

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, cid: str, default: str | None = None) -> str | None:
        return self.session.value(cid) or default


class Tally:
    def __init__(self, session: Session) -> None:
        self.values = _Values(session)
        self._q: Questionnaire | None = None
        self._fields: dict[str, FieldResult] = {}
        self._dirty: set[str] | None = None  # None: everything
        self._result: Result | None = None

    def touch(self, cids: Iterable[str] | None = None) -> None:
        """Criteria ``cids`` changed (``None``: anything may have changed)."""
        if cids is None:
            self._dirty = None
        elif self._dirty is not None:
            self._dirty.update(cids)
        if self._dirty is None or self._dirty:
            self._result = None

    def result(self, q: Questionnaire) -> Result:
        """The scores of the session against ``q`` (cached until the next change)."""
        if q is not self._q or self._dirty is None:
            self._q = q
            self._fields = {f.id: field_result(q, f, self.values) for f in q.fields}
            self._result = None
        elif self._dirty:
            for fid in {q.criterion(c).field_id for c in self._dirty if q.has_criterion(c)}:
                self._fields[fid] = field_result(q, q.field(fid), self.values)
        self._dirty = set()
        if self._result is None:
            self._result = combine(q, tuple(self._fields.values()))
        return self._result
