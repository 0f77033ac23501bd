"""The final report as a Word document (python-docx, imported only for this format).

The document is built from the Markdown report itself (parsed with markdown-it, raw HTML
off), so it says exactly what the Markdown says: the same sections, tables and symbols
✓ (✓) (✘) ✘ –, the legend, the same escaping. Markdown headings become Word headings
(navigation pane, table of contents), tables get a header row repeated on every page, the
page header names the municipality and the date, the footer counts pages.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from ..i18n import tr
from ..questionnaire import Questionnaire
from ..session import Session
from .markdown import MarkdownReport
from .office_strings import OFFICE

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph
    from markdown_it.token import Token

#: Characters XML 1.0 cannot hold (python-docx would refuse them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LANG_TAGS = {"de": "de-DE", "en": "en-GB"}


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def render_docx(session: Session, q: Questionnaire, notes: bool = True) -> bytes:
    import docx  # python-docx: only the Word export needs it
    from markdown_it import MarkdownIt

    report = MarkdownReport(session, q, notes)
    markdown = report.render()
    tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(markdown)
    doc = docx.Document()
    _setup(doc, report)
    Builder(doc).build(tokens)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _setup(doc: Document, report: MarkdownReport) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    lang = _LANG_TAGS.get(report.lang, "de-DE")
    name = report.s.municipality.name.strip()
    title = report.t("title", name=name) if name else report.t("title_anon")
    props = doc.core_properties
    props.title, props.subject = xml_text(title), xml_text(report.q.title)
    props.author = props.last_modified_by = "wk-tui"
    props.language, props.keywords, props.comments = lang, "", ""
    # The language of the text (hyphenation, spelling, and what a screen reader speaks).
    normal = doc.styles["Normal"]
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    lang_el = OxmlElement("w:lang")
    lang_el.set(qn("w:val"), lang)
    rpr.append(lang_el)

    section = doc.sections[0]
    when = report.s.updated.date() if report.s.updated else None
    parts = [xml_text(name) if name else "", report.date(when) if when else ""]
    header = section.header.paragraphs[0]
    header.text = " · ".join(p for p in parts if p) or xml_text(report.q.title)
    header.style = doc.styles["Header"]
    footer = section.footer.paragraphs[0]
    footer.alignment = 1  # centred
    text = tr(OFFICE, report.lang, "page", page="\0", pages="\1")
    for piece in re.split("([\0\1])", text):
        if piece == "\0":
            _field(footer, "PAGE")
        elif piece == "\1":
            _field(footer, "NUMPAGES")
        elif piece:
            footer.add_run(piece)


def _field(paragraph: Paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) with a placeholder result until Word updates it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(el: Any) -> None:  # an lxml element (lxml ships no types)
        paragraph.add_run()._r.append(el)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    paragraph.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


class Builder:
    """Walks the markdown-it block tokens of the report and adds Word blocks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.quote = 0
        self.list_depth = 0
        self.style_ids: dict[str, str] = {}

    def paragraph(self, style: str | None) -> Paragraph:
        """A new paragraph in ``style``, set by id (python-docx's lookup by name scans
        every style of the template for each paragraph)."""
        para = self.doc.add_paragraph()
        if style is not None:
            if style not in self.style_ids:
                self.style_ids[style] = self.doc.styles[style].style_id
            para._p.style = self.style_ids[style]
        return para

    def build(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            kind = tok.type
            if kind == "heading_open":
                level = int(tok.tag[1])
                self.inline(self.paragraph(f"Heading {level}"), tokens[i + 1])
                i += 3
                continue
            if kind == "table_open":
                end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
                self.table(tokens[i : end + 1])
                i = end + 1
                continue
            if kind == "blockquote_open":
                self.quote += 1
            elif kind == "blockquote_close":
                self.quote -= 1
            elif kind == "bullet_list_open":
                self.list_depth += 1
            elif kind == "bullet_list_close":
                self.list_depth -= 1
            elif kind == "inline":
                if self.list_depth:
                    style = "List Bullet" if self.list_depth == 1 else "List Bullet 2"
                elif self.quote:
                    style = "Quote"
                else:
                    style = None
                self.inline(self.paragraph(style), tok)
            i += 1

    def inline(self, paragraph: Paragraph, tok: Token) -> None:
        bold = italic = False
        for child in tok.children or ():
            kind = child.type
            if kind == "strong_open":
                bold = True
            elif kind == "strong_close":
                bold = False
            elif kind == "em_open":
                italic = True
            elif kind == "em_close":
                italic = False
            elif kind in ("softbreak", "hardbreak"):
                paragraph.add_run(" " if kind == "softbreak" else "\n")
            elif child.content:
                run = paragraph.add_run(xml_text(child.content))
                run.bold, run.italic = bold or None, italic or None

    def table(self, tokens: list[Token]) -> None:
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        rows: list[list[Token]] = []
        aligns: list[str] = []
        for tok in tokens:
            if tok.type == "tr_open":
                rows.append([])
            elif tok.type in ("th_open", "td_open"):
                if len(rows) == 1:
                    style = str(tok.attrs.get("style", ""))
                    aligns.append(style.rpartition(":")[2])
            elif tok.type == "inline":
                rows[-1].append(tok)
        table = self.doc.add_table(rows=len(rows), cols=len(aligns))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        where = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
        for r, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
            tr_pr = row._tr.get_or_add_trPr()
            no_split = OxmlElement("w:cantSplit")
            tr_pr.append(no_split)
            if r == 0:
                header = OxmlElement("w:tblHeader")  # repeated at the top of every page
                header.set(qn("w:val"), "true")
                tr_pr.append(header)
            for c, (cell, tok) in enumerate(zip(row.cells, cells, strict=True)):
                para = cell.paragraphs[0]
                self.inline(para, tok)
                if c < len(aligns) and aligns[c] in where:
                    para.alignment = where[aligns[c]]
                if r == 0:
                    for run in para.runs:
                        run.bold = True
        self.doc.add_paragraph()
