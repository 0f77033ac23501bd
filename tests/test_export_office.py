"""``export --format docx|xlsx``: open the files with their libraries and check what is in them."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import docx
import openpyxl
import pytest
from cli_helpers import on_terminal, run_cli
from conftest import EXAMPLE
from export_helpers import headings, parse, tables
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wk_tui.export import render, render_bytes
from wk_tui.export.xlsx import is_control, sheet_name
from wk_tui.files import load_session
from wk_tui.scoring import result_json, score

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def example():
    return load_session(EXAMPLE)


@pytest.fixture(scope="module")
def word(example):
    return docx.Document(io.BytesIO(render_bytes(*example, "docx")))


def test_docx_headings_are_word_headings_with_the_markdown_text(example, word):
    md = parse(render(*example, "md"))
    got = [
        (int(p.style.name.removeprefix("Heading ")), p.text)
        for p in word.paragraphs
        if p.style.name.startswith("Heading ")
    ]
    want = [(level, text) for level in (1, 2, 3, 4) for text in headings(md, level)]
    assert sorted(got) == sorted(want)
    assert got[0] == (1, "Abschlussbericht Dessau-Roßlau")
    assert (2, "3. Ergebnisse Selbstcheck-Fragebogen") in got
    assert (4, "Handlungsfeld 4 – Interkulturelle Öffnung und Antirassismus") in got
    # Headings carry an outline level through their style: the navigation pane sees them.
    for level in (1, 2, 3, 4):
        outline = word.styles[f"Heading {level}"].element.find(f".//{W}outlineLvl")
        assert outline.get(f"{W}val") == str(level - 1)


def test_docx_tables_repeat_their_header_row_and_hold_the_symbols(example, word):
    md_tables = tables(parse(render(*example, "md")))
    assert len(word.tables) == len(md_tables) == 9  # scale, 7 fields, actions
    for table, (_, head, body) in zip(word.tables, md_tables, strict=True):
        rows = [[c.text for c in row.cells] for row in table.rows]
        assert rows == head + body
        first = table.rows[0]._tr
        assert first.find(f"{W}trPr/{W}tblHeader") is not None
        assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
        assert all(row._tr.find(f"{W}trPr/{W}tblHeader") is None for row in table.rows[1:])
    symbols = {c.text for t in word.tables for row in t.rows for c in row.cells}
    assert {"✓", "(✓)", "(✘)", "✘", "–"} <= symbols
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Legende – Wurde das Kriterium erfüllt?" in text
    assert "(✘) = eher nein" in text and "– = keine Einschätzung möglich" in text


def test_docx_header_footer_and_properties(word):
    section = word.sections[0]
    assert section.header.paragraphs[0].text == "Dessau-Roßlau · 15. Dezember 2020"
    footer = section.footer.paragraphs[0]
    codes = [el.text.strip() for el in footer._p.iter(f"{W}instrText")]
    assert codes == ["PAGE", "NUMPAGES"]
    assert footer.text == "Seite 1 von 1"  # placeholders until Word updates the fields
    props = word.core_properties
    assert props.title == "Abschlussbericht Dessau-Roßlau" and props.language == "de-DE"
    lang = word.styles["Normal"].element.find(f"{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "de-DE"


def test_docx_user_text_stays_literal(tmp_path, example):
    session, q = load_session(EXAMPLE)
    session.municipality.name = "A&B <b>x</b>\x1b[31m"
    session.ratings["hf1.steuerung"].note = "**fett** [link](http://x) =1+1\n| zelle |"
    document = docx.Document(io.BytesIO(render_bytes(session, q, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Abschlussbericht A&B <b>x</b>[31m" in text
    assert "**fett** [link](http://x) =1+1\n| zelle |" in text  # the note's line break kept
    assert document.sections[0].header.paragraphs[0].text.startswith("A&B <b>x</b>[31m")


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_the_same_results_tables_as_the_markdown(tmp_path, example):
    target = tmp_path / "bericht.docx"
    target.write_bytes(render_bytes(*example, "docx"))
    out = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "gfm", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    from_word = parse(out.stdout)
    from_md = parse(render(*example, "md"))
    assert headings(from_word) == headings(from_md)
    word_tables = tables(from_word)
    md_tables = tables(from_md)
    assert len(word_tables) == len(md_tables)
    results = [t for t in md_tables if t[0].startswith("Handlungsfeld ")]
    assert len(results) == 7
    for got, want in zip(word_tables, md_tables, strict=True):
        assert got == want


def test_xlsx_sheets_cells_and_types(example):
    book = openpyxl.load_workbook(io.BytesIO(render_bytes(*example, "xlsx")))
    assert book.sheetnames == ["Ergebnis", "Kriterien", "Workshop HF 4", "Workshop HF 5"]
    summary = result_json(score(example[1], example[0].values(example[1])))

    res = book["Ergebnis"]
    assert res.freeze_panes == "A2" and res.auto_filter.ref == "A1:H9"
    rows = list(res.iter_rows(values_only=True))
    assert rows[0] == (
        "Nr.",
        "Handlungsfeld",
        "Punktwert (%)",
        "Einschätzung",
        "eingeschätzt",
        "gezählt",
        "keine Einschätzung",
        "offen",
    )
    overall = summary["overall"]
    assert rows[1] == (None, "Gesamt", overall["score"], overall["label"], 34, 33, 1, 0)
    for row, field in zip(rows[2:], summary["fields"], strict=True):
        assert row[1:4] == (field["title"], field["score"], field["label"])
        assert isinstance(row[0], int) and isinstance(row[2], float)
    assert res["C2"].number_format == "0.0"
    assert res.column_dimensions["B"].width > 20

    crit = book["Kriterien"]
    assert crit.freeze_panes == "A2" and crit.auto_filter.ref == "A1:H35"
    rows = list(crit.iter_rows(values_only=True))
    assert rows[0] == (
        "Nr.",
        "Handlungsfeld",
        "Kriterium",
        "Symbol",
        "Einschätzung",
        "Wert",
        "Punkte",
        "Notiz",
    )
    assert len(rows) == 35
    first = rows[1]
    assert first[:7] == (
        1,
        "Management und Steuerung",
        "Strukturen und Prozesse zur Steuerung",
        "(✓)",
        "eher ja",
        "eher_ja",
        2,
    )
    assert first[7] == example[0].note("hf1.steuerung")
    unknown = next(r for r in rows[1:] if r[5] == "keine_einschaetzung")
    assert unknown[3] == "–" and unknown[6] is None  # not counted: no points, not 0

    ws = book["Workshop HF 4"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Liste", "Eintrag", "Verantwortlich", "Bis", "Priorität", "Ausblick")
    hf4 = example[0].workshop.results["hf4"]
    assert len(rows) == 1 + len(hf4.works) + len(hf4.not_yet) + len(hf4.actions)
    assert [r[1] for r in rows[1:]] == [*hf4.works, *hf4.not_yet, *(a.text for a in hf4.actions)]
    assert ws.freeze_panes == "A2"


def test_xlsx_formula_like_notes_stay_whole_string_cells(tmp_path):
    session, q = load_session(EXAMPLE)
    notes = {
        "hf1.steuerung": '=HYPERLINK("http://evil.example","klick")',
        "hf1.stellenwert": "+1+2\nzweite Zeile\r\ndritte",
        "hf1.fuehrung": "-3",
        "hf1.monitoring": "@SUM(A1)",
        "hf2.bildung": "42",
    }
    for cid, note in notes.items():
        session.ratings[cid].note = note
    session.workshop.results["hf4"].works[0] = "=1+1"
    session.workshop.results["hf4"].actions[0].due = dt.date(2021, 6, 30)
    target = tmp_path / "x.xlsx"
    target.write_bytes(render_bytes(session, q, "xlsx"))
    book = openpyxl.load_workbook(target)
    crit = book["Kriterien"]
    by_id = {c.id: i + 2 for i, c in enumerate(q.criteria)}
    for cid, note in notes.items():
        cell = crit.cell(by_id[cid], 8)
        assert cell.data_type == "s" and cell.value == note.replace("\r\n", "\n")
        assert "\n" not in note or "\n" in cell.value
        assert cell.alignment.wrap_text
        assert cell.quotePrefix == (note[0] in "=+-@")
    ws = book["Workshop HF 4"]
    assert ws["B2"].value == "=1+1" and ws["B2"].data_type == "s" and ws["B2"].quotePrefix
    due = next(r for r in ws.iter_rows(min_row=2) if r[3].value is not None)[3]
    assert due.value == dt.datetime(2021, 6, 30) and due.is_date
    # No formula anywhere in the workbook.
    for sheet in book:
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_xlsx_any_note_comes_back_as_the_same_string(note):
    session, q = load_session(EXAMPLE)
    session.ratings["hf1.steuerung"].note = note
    book = openpyxl.load_workbook(io.BytesIO(render_bytes(session, q, "xlsx")))
    cell = book["Kriterien"]["H2"]
    # Line breaks and tabs stay; other control characters are dropped (no cell holds them).
    expected = "".join(
        ch for ch in note.replace("\r\n", "\n") if ch in "\n\t" or not is_control(ch)
    )
    assert (cell.value or "") == expected
    assert cell.value is None or cell.data_type == "s"


def test_xlsx_in_english_and_unique_sheet_names(tmp_path):
    session, q = load_session(EXAMPLE)
    session.language = "en"
    from wk_tui.questionnaire import bundled

    q = bundled(q.id, "en")
    book = openpyxl.load_workbook(io.BytesIO(render_bytes(session, q, "xlsx")))
    assert book.sheetnames == ["Results", "Criteria", "Workshop AF 4", "Workshop AF 5"]
    assert book["Results"]["B2"].value == "Overall"
    taken: set[str] = set()
    assert sheet_name("a/b:c*d?[e]", taken) == "a b c d e"
    assert sheet_name("A/B:C*D?[E]", taken) == "A B C D E (2)"
    assert len(sheet_name("x" * 40, taken)) == 31


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_cli_writes_office_files_by_extension_and_format(tmp_path, fmt):
    target = tmp_path / f"bericht.{fmt}"
    out = run_cli("export", str(EXAMPLE), "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(target)
    assert target.read_bytes()[:2] == b"PK"
    # Into a directory: the default name with the format's extension.
    out = run_cli("export", str(EXAMPLE), "--format", fmt, "-o", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith(f".{fmt}")
    # To a pipe: the bytes.
    piped = run_cli("export", str(EXAMPLE), "--format", fmt, text=False)
    assert piped.returncode == 0 and piped.stdout[:2] == b"PK"


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_binary_formats_are_refused_on_a_terminal(tmp_path, fmt):
    with on_terminal("export", str(EXAMPLE), "--format", fmt, env={}) as (proc, term):
        proc.wait(timeout=30)
        output = term.wait_for(b"-o DATEI", timeout=5)
    assert proc.returncode == 2
    # German: the environment's LANG (C.UTF-8) does not ask for English.
    assert "ist ein Binärformat und wird nicht in ein Terminal geschrieben".encode() in output
    assert b"PK\x03\x04" not in output


def test_md_export_imports_no_office_library():
    out = run_cli("export", str(EXAMPLE), py_flags=["-X", "importtime"])
    assert out.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip() for line in out.stderr.splitlines() if "|" in line}
    assert "wk_tui.export.markdown" in imported  # the check sees what was imported
    office = {m for m in imported if m.split(".")[0] in ("docx", "xlsxwriter", "lxml", "openpyxl")}
    assert office == set()
