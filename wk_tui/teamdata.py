"""The ``[team]`` table of a merged session: who answered what.

A session written by ``wk-tui merge`` is a normal session whose ``[ratings]`` hold the
consensus; ``[team]`` keeps every respondent's own answers (see docs/formats.md)::

    [team]
    consensus = "median-lower"
    [[team.respondents]]
    name = "Anna Beispiel"
    role = "Integrationsbeauftragte"
    department = "Integrationsbüro"
    file = "anna.toml"
    [team.respondents.values]
    "hf1.steuerung" = "ja"
    [team.respondents.notes]
    "hf1.steuerung" = "Steuerungsgruppe tagt monatlich."
"""

from __future__ import annotations

from typing import Any

from .questionnaire import SCALE_VALUES
from .record import Factory, Record
from .tomlpos import Problems

#: Id of the consensus rule (README: median of the points, lower middle on even counts).
CONSENSUS_RULE = "median-lower"
#: ``consensus`` of a live room's result: the ratings are the administration's own, and the
#: respondents are the room's anonymous participants (see wk_tui.room.write_result).
ROOM_CONSENSUS = "room"


class Member(Record):
    """One respondent of a merged session and their answers (criterion id → value/note)."""

    name: str
    role: str = ""
    department: str = ""
    file: str = ""
    values: dict[str, str] = Factory(factory=dict)
    notes: dict[str, str] = Factory(factory=dict)
    extra: dict = Factory(factory=dict)


class Team(Record):
    consensus: str = CONSENSUS_RULE
    members: list[Member] = Factory(factory=list)
    extra: dict = Factory(factory=dict)


def _text_map(reader: Any, key: str, p: Problems, values: bool) -> dict[str, str]:
    table = reader.t.get(key, {})
    if not isinstance(table, dict):
        p.add(reader.where + (key,), 'expected a table of "<criterion-id>" = "<text>"')
        return {}
    out = {}
    for cid, v in table.items():
        if not isinstance(v, str):
            p.add(reader.where + (key, cid), "expected text")
        elif values and v not in SCALE_VALUES:
            p.add(
                reader.where + (key, cid),
                "unknown rating value {value} (expected one of {values})",
                value=repr(v),
                values=", ".join(SCALE_VALUES),
            )
        else:
            out[cid] = v
    return out


def parse_team(reader_cls: Any, table: object, p: Problems) -> Team:
    """Parse ``[team]`` with the session parser's typed reader (problems go to ``p``)."""
    top = reader_cls(p, table, ("team",), ("consensus", "respondents"))
    team = Team(top.text("consensus", CONSENSUS_RULE), [], top.extra)
    for where, item in top.tables("respondents"):
        r = reader_cls(p, item, where, ("name", "role", "department", "file", "values", "notes"))
        team.members.append(
            Member(
                r.required_text("name"),
                r.text("role"),
                r.text("department"),
                r.text("file"),
                _text_map(r, "values", p, values=True),
                _text_map(r, "notes", p, values=False),
                r.extra,
            )
        )
    return team


def team_to_dict(team: Team) -> dict:
    members = []
    for m in team.members:
        d: dict[str, Any] = {
            k: v
            for k, v in (
                ("name", m.name),
                ("role", m.role),
                ("department", m.department),
                ("file", m.file),
            )
            if v or k == "name"
        }
        d.update(m.extra)
        if m.values:
            d["values"] = dict(m.values)
        if m.notes:
            d["notes"] = dict(m.notes)
        members.append(d)
    return {"consensus": team.consensus, **team.extra, "respondents": members}
