"""Machine-readable exports: JSON (session + computed scores) and CSV (one row per criterion).

Both formats are documented in docs/formats.md ("Export formats").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence

from ..questionnaire import Questionnaire
from ..scoring import result_json, score
from ..session import Session
from ..session_write import session_to_dict

JSON_SCHEMA = "wk-tui-export/1"
CSV_COLUMNS = (
    "field_id",
    "field_title",
    "criterion_id",
    "criterion_title",
    "value",
    "symbol",
    "points",
    "note",
)


def _plain(value: object) -> object:
    """TOML values as JSON values: dates and times become ISO 8601 strings."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def export_dict(session: Session, q: Questionnaire) -> dict:
    return {
        "schema": JSON_SCHEMA,
        "session": _plain(session_to_dict(session)),
        "summary": result_json(score(q, session.values(q))),
    }


def render_json(session: Session, q: Questionnaire) -> str:

    return json.dumps(export_dict(session, q), ensure_ascii=False, indent=2) + "\n"


#: Cell starts a spreadsheet reads as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading ``'``."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def render_csv(session: Session, q: Questionnaire, excel: bool = False) -> str:
    """RFC 4180 text (CRLF line ends, header row); unrated criteria have empty values.

    ``excel``: for spreadsheet programs set to German: ``;`` as separator, and cells that
    start with ``= + - @``, tab or CR are neutralised (OWASP). Otherwise the cells are the
    data as they are, separated by commas.
    """

    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")

    def writerow(row: Sequence[object]) -> None:
        writer.writerow([neutralise(cell) for cell in row] if excel else row)

    writerow(CSV_COLUMNS)
    values = session.values(q)
    for f in q.fields:
        for c in f.criteria:
            value = values.get(c.id, "")
            step = q.step(value) if value else None
            points = "" if step is None or step.points is None else step.points
            writerow(
                [
                    f.id,
                    f.title,
                    c.id,
                    c.title,
                    value,
                    step.symbol if step else "",
                    points,
                    session.note(c.id),
                ]
            )
    return out.getvalue()
