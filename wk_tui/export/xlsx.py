"""The results as an Excel workbook (XlsxWriter, imported only for this format).

Sheets: "Ergebnis" (overall and per-field scores and verdicts), "Kriterien" (one row per
criterion: field, criterion, symbol, value, points, note) and one sheet per workshop field
with its lists and needs for action. Scores come from the same :class:`Report` as the
Markdown. Numbers and dates are stored as numbers and dates; every text is written as a
string cell — never a formula — and a text that a spreadsheet would read as a formula when
the cell is edited (starting with ``= + - @``) is marked quote-prefixed, like an entry
typed with a leading apostrophe. Notes keep their line breaks (wrapped cells).
"""

from __future__ import annotations

import datetime as dt
import io

from ..i18n import tr
from ..questionnaire import Questionnaire
from ..scoring import Counts
from ..session import Session
from .office_strings import OFFICE
from .report import Report
from .tabular import FORMULA_STARTS  # the same cells the CSV for Excel neutralises

#: Excel's limit for the text of one cell.
MAX_CELL = 32767
_BAD_SHEET = str.maketrans({ch: " " for ch in "[]:*?/\\"})


def is_control(ch: str) -> bool:
    """C0/C1 control characters and DEL (line breaks and tabs are kept by :func:`cell_text`)."""
    return ch < " " or "\x7f" <= ch <= "\x9f"


def cell_text(text: str) -> str:
    """The text of a cell: CRLF as LF, no other control characters, at most Excel's limit."""
    text = text.replace("\r\n", "\n")
    if any(is_control(ch) for ch in text):
        text = "".join(ch for ch in text if ch in "\n\t" or not is_control(ch))
    return text[:MAX_CELL]


def formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def sheet_name(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name (at most 31 characters, none of ``[]:*?/\\``)."""
    base = " ".join(text.translate(_BAD_SHEET).split()).strip("'")[:31] or "Sheet"
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.casefold())
    return name


class Sheet:
    """One worksheet with a header row, typed cells and column widths from the content."""

    def __init__(self, book: Writer, name: str, header: list[str], widths: list[int]) -> None:
        self.book = book
        self.ws = book.wb.add_worksheet(sheet_name(name, book.names))
        self.row = 1
        self.max_width = widths
        self.widths = [len(h) + 2 for h in header]
        for col, text in enumerate(header):
            self.ws.write_string(0, col, text, book.fmt["head"])
        self.ncols = len(header)

    def add(self, values: list[object], bold: bool = False) -> None:
        for col, value in enumerate(values):
            self.put(col, value, bold)
        self.row += 1

    def put(self, col: int, value: object, bold: bool) -> None:
        fmt = self.book.fmt
        ws, row = self.ws, self.row
        if value is None or value == "":
            ws.write_blank(row, col, None, fmt["bold" if bold else "text"])
            return
        if isinstance(value, bool):
            value = tr(OFFICE, self.book.lang, "yes") if value else ""
        if isinstance(value, int | float):
            ws.write_number(row, col, value, fmt["bold_number" if bold else "number"])
            text = f"{value:.1f}"
        elif isinstance(value, dt.date):
            ws.write_datetime(
                row, col, dt.datetime(value.year, value.month, value.day), fmt["date"]
            )
            text = "2020-12-31"
        else:
            text = cell_text(str(value))
            key = "quoted" if formula_like(text) else "bold" if bold else "text"
            ws.write_string(row, col, text, fmt[key])
        longest = max((len(line) for line in text.split("\n")), default=0)
        self.widths[col] = max(self.widths[col], min(longest + 2, self.max_width[col]))

    def finish(self) -> None:
        self.ws.freeze_panes(1, 0)
        self.ws.autofilter(0, 0, max(self.row - 1, 1), self.ncols - 1)
        for col, width in enumerate(self.widths):
            self.ws.set_column(col, col, width)
        self.ws.repeat_rows(0)
        self.ws.set_landscape()
        self.ws.fit_to_pages(1, 0)
        left, right = (part.replace("&", "&&") for part in self.book.header)
        self.ws.set_header(f"&L{left}&R{right}")
        self.ws.set_footer("&C&P / &N")


class Writer:
    def __init__(self, report: Report) -> None:
        import xlsxwriter  # type: ignore[import-untyped]  # only the Excel export needs it

        self.r, self.lang = report, report.lang
        self.out = io.BytesIO()
        self.wb = xlsxwriter.Workbook(
            self.out,
            {
                "in_memory": True,
                # Belt and braces: cells are written with typed calls anyway.
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        wb = self.wb
        wrap = {"text_wrap": True, "valign": "top"}
        self.fmt = {
            "head": wb.add_format({"bold": True, "bottom": 1, "valign": "top", "text_wrap": True}),
            "text": wb.add_format(wrap),
            "bold": wb.add_format({**wrap, "bold": True}),
            "quoted": wb.add_format({**wrap, "quote_prefix": True}),
            "number": wb.add_format({"num_format": "0.0", "valign": "top"}),
            "bold_number": wb.add_format({"num_format": "0.0", "valign": "top", "bold": True}),
            "date": wb.add_format(
                {"num_format": "dd.mm.yyyy" if self.lang == "de" else "yyyy-mm-dd", "valign": "top"}
            ),
        }
        self.names: set[str] = set()
        name = report.s.municipality.name.strip()
        when = report.s.updated.date() if report.s.updated else None
        # The printed page header: municipality (or the questionnaire) and the date.
        self.header = (name or report.q.title, report.date(when) if when else "")
        wb.set_properties(
            {
                "title": report.t("title", name=name) if name else report.t("title_anon"),
                "subject": report.q.title,
                "author": "wk-tui",
                "company": name,
            }
        )

    def o(self, key: str, **kw: object) -> str:
        return tr(OFFICE, self.lang, key, **kw)

    def results(self) -> None:
        r, res = self.r, self.r.result
        cols = [
            self.o("col_number"),
            r.t("col_field"),
            self.o("col_score"),
            r.t("col_verdict"),
            self.o("col_rated"),
            self.o("col_counted"),
            self.o("col_unknown"),
            self.o("col_open"),
        ]
        sheet = Sheet(self, self.o("sheet_results"), cols, [6, 50, 14, 70, 14, 10, 20, 8])

        def counts(c: Counts) -> list[int]:
            return [c.rated, c.counted, c.unknown, c.open]

        label = res.band.label if res.band else ""
        score = None if res.score is None else round(res.score, 2)
        sheet.add(["", self.o("overall"), score, label, *counts(res.counts)], bold=True)
        for fr in res.fields:
            fscore = None if fr.score is None else round(fr.score, 2)
            flabel = fr.band.label if fr.band else ""
            sheet.add([fr.field.number, fr.field.title, fscore, flabel, *counts(fr.counts)])
        sheet.finish()

    def criteria(self) -> None:
        r, q = self.r, self.r.q
        cols = [
            self.o("col_number"),
            r.t("col_field"),
            r.t("col_criterion"),
            self.o("col_symbol"),
            r.t("col_rating"),
            self.o("col_value"),
            self.o("col_points"),
            self.o("col_note"),
        ]
        sheet = Sheet(self, self.o("sheet_criteria"), cols, [6, 40, 60, 8, 28, 22, 8, 80])
        for f in q.fields:
            for c in f.criteria:
                value = r.values.get(c.id)
                step = q.step(value) if value else None
                sheet.add(
                    [
                        f.number,
                        f.title,
                        c.title,
                        step.symbol if step else "",
                        step.label if step else "",
                        value or "",
                        step.points if step else None,
                        r.s.note(c.id),
                    ]
                )
        sheet.finish()

    def workshop(self) -> None:
        r = self.r
        cols = [
            self.o("col_list"),
            self.o("col_entry"),
            r.t("col_owner"),
            r.t("col_due"),
            r.t("col_priority"),
            self.o("col_outlook"),
        ]
        for fid in r.workshop_fields():
            fw = r.s.workshop.results.get(fid)
            f = r.known_field(fid)
            if fw is None and f is None:
                continue
            name = self.o("sheet_workshop", number=f.number) if f else f"Workshop {fid}"
            sheet = Sheet(self, name, cols, [30, 80, 30, 12, 12, 10])
            if fw is not None:
                for key in ("works", "not_yet"):
                    for item in getattr(fw, key):
                        sheet.add([r.t(key), item])
                for a in fw.actions:
                    prio = r.t(f"prio_{a.priority}") if a.priority else ""
                    sheet.add([r.t("actions"), a.text, a.owner, a.due, prio, a.outlook])
            sheet.finish()

    def render(self) -> bytes:
        self.results()
        self.criteria()
        self.workshop()
        self.wb.close()
        return self.out.getvalue()


def render_xlsx(session: Session, q: Questionnaire) -> bytes:
    return Writer(Report(session, q)).render()
