"""Several respondents: merging their sessions, the consensus and their disagreements.

Consensus of one criterion (documented in the README):

- the median of the points of the *counted* answers (ja 3, eher ja 2, eher nein 1, nein 0);
- with an even number of counted answers, the lower of the two middle values;
- ``keine_einschaetzung`` when somebody answered but nobody gave a counted answer;
- unrated when nobody answered at all.

The spread of a criterion is max − min points among its counted answers (``None`` with
fewer than one counted answer); a spread of :data:`FLAG_SPREAD` or more is flagged.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import WkError
from .files import SessionLock, atomic_write, dumps, load_session
from .i18n import CLI, tr
from .questionnaire import Questionnaire
from .record import Record
from .session import Rating, Session
from .teamdata import CONSENSUS_RULE, Member, Team

FLAG_SPREAD = 2
UNKNOWN = "keine_einschaetzung"


def consensus(values: Sequence[str | None], q: Questionnaire) -> str | None:
    """The consensus value of one criterion's answers (``None``: nobody answered)."""
    points = sorted(p for v in values if v and (p := q.step(v).points) is not None)
    if not points:
        return UNKNOWN if any(values) else None
    # Odd: the middle one; even: the lower of the two middle ones.
    median = points[(len(points) - 1) // 2]
    return next(s.value for s in q.scale if s.points == median)


def spread(values: Sequence[str | None], q: Questionnaire) -> int | None:
    """max − min points among the counted answers; ``None`` when nothing counts."""
    points = [p for v in values if v and (p := q.step(v).points) is not None]
    return max(points) - min(points) if points else None


def distribution(values: Sequence[str | None], q: Questionnaire) -> dict[str, int]:
    """How many answers per scale value (in scale order) plus ``""`` for unanswered."""
    counts = {s.value: 0 for s in q.scale}
    counts[""] = 0
    for v in values:
        counts[v or ""] += 1
    return counts


# --------------------------------------------------------------------------- merging


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def merge_sessions(inputs: Sequence[tuple[Path, Session]], q: Questionnaire) -> Session:
    """The merged session of ``inputs`` (path, session) in the given order.

    The result depends only on the inputs: created/updated are the earliest/latest of the
    inputs', the profile, timeline and workshop come from the first input that has one.
    """
    first = inputs[0][1]
    members = []
    for path, s in inputs:
        who = s.respondent
        members.append(
            Member(
                who.name or path.name,
                who.role,
                who.department,
                path.name,
                {c.id: v for c in q.criteria if (v := s.value(c.id))},
                {c.id: s.note(c.id) for c in q.criteria if s.note(c.id)},
            )
        )
    merged = Session(first.questionnaire, first.language)
    created = [s.created for _, s in inputs if s.created]
    updated = [s.updated for _, s in inputs if s.updated]
    merged.created = min(created, key=_instant) if created else None
    merged.updated = max(updated, key=_instant) if updated else None
    sessions = [s for _, s in inputs]
    merged.municipality = next(
        (s.municipality for s in sessions if s.municipality.name), first.municipality
    )
    merged.timeline = next((s.timeline for s in sessions if s.timeline), [])
    merged.workshop = next(
        (s.workshop for s in sessions if not s.workshop.is_empty()), first.workshop
    )
    for c in q.criteria:
        value = consensus([m.values.get(c.id) for m in members], q)
        if value is not None:
            merged.ratings[c.id] = Rating(value)
    merged.team = Team(CONSENSUS_RULE, members)
    return merged


def _instant(stamp: object) -> tuple:
    """Sort key for dates and date-times with or without offset."""
    import datetime as dt

    if isinstance(stamp, dt.datetime):
        if stamp.tzinfo is None:
            return (stamp.date(), stamp.time())
        utc = stamp.astimezone(dt.UTC)
        return (utc.date(), utc.time())
    return (stamp, dt.time())


def load_inputs(
    paths: Sequence[Path], questionnaire: Path | None = None
) -> tuple[list[tuple[Path, Session]], Questionnaire]:
    """Load the sessions to merge; all must be for the same questionnaire."""
    loaded: list[tuple[Path, Session]] = []
    q: Questionnaire | None = None
    for path in paths:
        # After the first input, the others are checked against its questionnaire: a
        # different id is reported with the file and line of its ``questionnaire`` key.
        session, sq = load_session(Path(path), q or questionnaire, strict=True)
        q = q or sq
        if session.team is not None:
            raise WkError(
                "is already a merged session; merge the respondents' own files instead", path
            )
        loaded.append((Path(path), session))
    if q is None:
        raise WkError("nothing to merge: name at least one session file")
    return loaded, q


def merge_files(
    paths: Sequence[Path],
    output: Path,
    questionnaire: Path | None = None,
    force: bool = False,
) -> Session:
    """``wk-tui merge``: load, merge and atomically write ``output``."""
    output = Path(output)
    if not paths:
        raise WkError("nothing to merge: name at least one session file")
    for i, path in enumerate(paths):
        if Path(path) == output or _same_file(Path(path), output):
            raise WkError("the output is one of the inputs; choose another file", output)
        if any(Path(path) == Path(p) or _same_file(Path(path), Path(p)) for p in paths[:i]):
            raise WkError("is named more than once; each file counts once", path)
    if output.exists() and not force:
        raise WkError("file exists already; use --force to replace it", output)
    loaded, q = load_inputs(paths, questionnaire)
    merged = merge_sessions(loaded, q)
    data = dumps(merged).encode("utf-8")
    # An open TUI holds the lock: never replace a file somebody is editing.
    with SessionLock(output):
        atomic_write(output, data)
    return merged


# --------------------------------------------------------------------------- disagreements


class Disagreement(Record):
    cid: str
    field_id: str
    spread: int | None
    values: tuple[str | None, ...]  # one per respondent, in team order

    @property
    def flagged(self) -> bool:
        return self.spread is not None and self.spread >= FLAG_SPREAD


def disagreements(session: Session, q: Questionnaire) -> list[Disagreement]:
    """Every criterion with its spread, largest first (questionnaire order within ties)."""
    team = session.team
    if team is None:
        return []
    rows = []
    for c in q.criteria:
        values = tuple(m.values.get(c.id) for m in team.members)
        rows.append(Disagreement(c.id, c.field_id, spread(values, q), values))
    order = {c.id: i for i, c in enumerate(q.criteria)}
    rows.sort(key=lambda d: (-(d.spread if d.spread is not None else -1), order[d.cid]))
    return rows


def field_disagreement(session: Session, q: Questionnaire) -> dict[str, tuple[int | None, int]]:
    """Field id → (largest spread in the field, number of flagged criteria)."""
    out: dict[str, tuple[int | None, int]] = {f.id: (None, 0) for f in q.fields}
    for d in disagreements(session, q):
        top, flagged = out[d.field_id]
        if d.spread is not None and (top is None or d.spread > top):
            top = d.spread
        out[d.field_id] = (top, flagged + d.flagged)
    return out


def run_merge(args: argparse.Namespace) -> int:
    """CLI: merge, then one line on stderr with the respondents and flagged criteria."""
    merged = merge_files(args.inputs, args.output, args.questionnaire, args.force)
    from .files import resolve_questionnaire

    q = resolve_questionnaire(merged, args.questionnaire)
    flagged = sum(d.flagged for d in disagreements(merged, q))
    members = merged.team.members if merged.team else []

    print(
        tr(
            CLI,
            args.ui_lang,
            "merged",
            path=args.output,
            n=len(members),
            flagged=flagged,
            spread=FLAG_SPREAD,
        ),
        file=sys.stderr,
    )
    return 0
