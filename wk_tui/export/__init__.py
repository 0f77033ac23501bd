"""Export of a session: the final report as Markdown, HTML or Word, the data as JSON, CSV
or an Excel workbook.

This package is imported by the headless ``export`` command and by the TUI's export
action; it never imports Textual, and the format modules are imported only when used
(Markdown output needs neither ``rich`` nor ``markdown_it``; only Word output imports
python-docx and only Excel output XlsxWriter).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..questionnaire import Questionnaire
from ..session import Session

#: Text formats (:func:`render`).
FORMATS = ("md", "html", "json", "csv")
#: Binary office formats (:func:`render_bytes` only).
OFFICE_FORMATS = ("docx", "xlsx")
ALL_FORMATS = FORMATS + OFFICE_FORMATS

#: File name extensions (lower case, without dot) that name a format.
EXTENSIONS = {
    "md": "md",
    "markdown": "md",
    "html": "html",
    "htm": "html",
    "json": "json",
    "csv": "csv",
    "docx": "docx",
    "xlsx": "xlsx",
}

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def render(
    session: Session,
    questionnaire: Questionnaire,
    fmt: str,
    notes: bool = True,
    csv_excel: bool = False,
) -> str:
    """The export of ``session`` in ``fmt`` (one of :data:`FORMATS`) as text.

    CSV text has CRLF line ends but no byte order mark; :func:`encode` adds it.
    ``csv_excel``: semicolons and formula-safe cells for spreadsheet programs.
    """
    # Each format's renderer (and the libraries it needs) is imported only when asked for.
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(session, questionnaire, notes)
    if fmt == "html":
        from .html import render_html
        from .markdown import render_markdown

        return render_html(render_markdown(session, questionnaire, notes), session, questionnaire)
    if fmt == "json":
        from .tabular import render_json

        return render_json(session, questionnaire)
    if fmt == "csv":
        from .tabular import render_csv

        return render_csv(session, questionnaire, excel=csv_excel)
    raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")


def render_bytes(
    session: Session,
    questionnaire: Questionnaire,
    fmt: str,
    notes: bool = True,
    csv_excel: bool = False,
) -> bytes:
    """The export of ``session`` in any of :data:`ALL_FORMATS` as the bytes of the file."""
    if fmt == "docx":
        from .docx import render_docx

        return render_docx(session, questionnaire, notes)
    if fmt == "xlsx":
        from .xlsx import render_xlsx

        return render_xlsx(session, questionnaire)
    return encode(render(session, questionnaire, fmt, notes, csv_excel), fmt)


def encode(text: str, fmt: str) -> bytes:
    """The bytes to write: UTF-8, and for CSV with a byte order mark (for Excel)."""
    return text.encode("utf-8-sig" if fmt == "csv" else "utf-8")


def slug(name: str) -> str:
    """Lowercase ASCII for file names: ä→ae ö→oe ü→ue ß→ss, other runs become "-"."""

    text = unicodedata.normalize("NFKD", name.lower().translate(_TRANSLIT))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))  # é → e
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def default_filename(session: Session, fmt: str, today: dt.date | None = None) -> str:
    """``<municipality-slug>-selbstcheck-<date>.<ext>`` (date: today, ISO)."""
    today = today or dt.date.today()
    name = slug(session.municipality.name) or "kommune"
    return f"{name}-selbstcheck-{today.isoformat()}.{fmt}"
