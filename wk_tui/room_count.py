"""Counting a live room: per criterion the administration's rating beside the room's
answers (:func:`tally`, ``--json``), and the room's result file for the report (``m``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .atomic import atomic_write
from .errors import WkError
from .files import dumps, load_session
from .questionnaire import Questionnaire
from .record import Record
from .room import PARTICIPANT_PREFIX, RESULT_FILE, Answers, Room, RoomState, subset
from .session import Rating, Session
from .team import consensus, distribution, merge_sessions, spread
from .teamdata import ROOM_CONSENSUS


class CriterionTally(Record):
    id: str
    field_id: str
    title: str
    admin: str | None
    counts: dict[str, int]  # scale value → answers, "" → not rated
    rated: int
    consensus: str | None
    spread: int | None
    #: mean distance in points between the room's counted answers and the administration
    gap: float | None


# --------------------------------------------------------------------------- counting


def tally(
    room: Room, q: Questionnaire, admin: Session, participants: Sequence[Answers]
) -> list[CriterionTally]:
    """Per chosen criterion: the administration's rating and how the room answered."""
    out = []
    for f in subset(q, room.fields).fields:
        for c in f.criteria:
            values = [p.values.get(c.id) for p in participants]
            counted = [p for v in values if v and (p := q.step(v).points) is not None]
            own = admin.value(c.id)
            own_points = q.step(own).points if own else None
            gap = (
                sum(abs(p - own_points) for p in counted) / len(counted)
                if counted and own_points is not None
                else None
            )
            out.append(
                CriterionTally(
                    c.id,
                    f.id,
                    c.title,
                    own,
                    distribution(values, q),
                    sum(1 for v in values if v),
                    consensus(values, q),
                    spread(values, q),
                    gap,
                )
            )
    return out


def by_disagreement(rows: Sequence[CriterionTally]) -> list[CriterionTally]:
    """Largest gap to the administration first, then largest spread; stable otherwise."""
    return sorted(rows, key=lambda r: (-(r.gap or 0), -(r.spread or 0)))


def room_json(room: Room, rows: Sequence[CriterionTally], state: RoomState) -> dict:
    """The documented JSON of ``wk-tui room DIR --json``."""
    return {
        "room": {
            "questionnaire": room.questionnaire,
            "language": room.language,
            "fields": list(room.fields),
            "participants": len(state.participants),
            "unreadable": state.unreadable,
            "ignored": [{"file": i.file, "reason": i.reason} for i in state.ignored],
        },
        "criteria": [
            {
                "id": r.id,
                "field": r.field_id,
                "title": r.title,
                "administration": r.admin,
                "distribution": {k or "unrated": v for k, v in r.counts.items()},
                "rated": r.rated,
                "consensus": r.consensus,
                "spread": r.spread,
            }
            for r in rows
        ],
    }


# --------------------------------------------------------------------------- the result


def write_result(room: Room, q: Questionnaire, participants: Sequence[Answers]) -> Path:
    """``m`` in the projector view: the administration's session plus the room's answers.

    Written to ``DIR/room-result.toml`` through the merge's core function: the ratings stay
    the administration's (the report's results), ``[team]`` holds the participants'
    answers — anonymous, without notes — with ``consensus = "room"``, and ``[room]`` names
    the fields. Its report gets the section "Einschätzung im Workshop".
    """
    admin, _q = load_session(room.admin, strict=False)
    inputs = []
    for i, answers in enumerate(sorted(participants, key=lambda a: a.file), start=1):
        s = Session(room.questionnaire, room.language)
        for cid, value in answers.values.items():
            s.ratings[cid] = Rating(value)
        inputs.append((Path(f"{PARTICIPANT_PREFIX}{i}"), s))
    if not inputs:
        raise WkError("nobody in the room has answered yet", room.folder)
    team = merge_sessions(inputs, q).team
    assert team is not None  # a merge always records its respondents
    team.consensus = ROOM_CONSENSUS
    admin.team = team
    admin.extra["room"] = {"fields": list(room.fields), "participants": len(inputs)}
    target = room.folder / RESULT_FILE
    atomic_write(target, dumps(admin).encode("utf-8"), keep_backup=False)
    return target
