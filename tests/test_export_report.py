"""The Markdown report: golden file of the Dessau-Roßlau example, seed table, sections."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from conftest import EXAMPLE, ROOT, seed_rows
from export_helpers import headings, parse, tables, walk

from wk_tui.export import FORMATS, default_filename, render, slug
from wk_tui.files import load_session, new_session
from wk_tui.questionnaire import bundled

GOLDEN = ROOT / "tests" / "golden" / "dessau-rosslau-2020.de.md"


@pytest.fixture(scope="module")
def example():
    return load_session(EXAMPLE, None, strict=False)


@pytest.fixture(scope="module")
def report(example) -> str:
    return render(*example, "md")


def test_golden_file(report):
    if os.environ.get("WK_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(report.encode("utf-8"))
    assert report.encode("utf-8") == GOLDEN.read_bytes(), (
        "report differs from tests/golden; rerun with WK_UPDATE_GOLDEN=1 and review the diff"
    )


def test_results_tables_equal_the_seed_table(report):
    field_tables = [
        (h, body)
        for h, head, body in tables(parse(report))
        if head == [["Kriterium", "Einschätzung"]]
    ]
    assert len(field_tables) == 7
    got = [
        (
            int(re.match(r"Handlungsfeld (\d+) – (.+)", h)[1]),
            re.match(r"Handlungsfeld (\d+) – (.+)", h)[2],
            title,
            symbol,
        )
        for h, body in field_tables
        for title, symbol in body
    ]
    assert got == seed_rows()


def test_overall_verdict_scale_and_field_scores(report):
    assert "> **„Die Kommune ist auf dem Weg zur Weltoffenheit fortgeschritten.“**" in report
    assert "**Gesamtwert:** 67,9 %" in report
    scale = next(
        body
        for _, head, body in tables(parse(report))
        if head == [["Punktwert", "Einschätzung", "Ergebnis"]]
    )
    assert [row[2] for row in scale] == ["", "", "◀ 67,9 %", ""]
    assert [row[0] for row in scale] == [
        "0 bis unter 25 %",
        "25 bis unter 50 %",
        "50 bis unter 75 %",
        "75 bis 100 %",
    ]
    scores = re.findall(r"\*\*Punktwert:\*\* (\S+) %", report)
    assert scores == ["58,3", "77,8", "91,7", "66,7", "44,4", "77,8", "58,3"]


def test_legend_exactly_as_in_the_seed(report):
    legend = report.split("**Legende – Wurde das Kriterium erfüllt?**\n\n", 1)[1]
    assert legend.split("\n\n", 1)[0].splitlines() == [
        "- – = keine Einschätzung möglich",
        "- ✘ = nein",
        "- (✘) = eher nein",
        "- (✓) = eher ja",
        "- ✓ = ja",
    ]


def test_weak_criteria_carry_their_suggestion(example, report):
    session, q = example
    weak = [c for c in q.criteria if session.value(c.id) in ("eher_nein", "nein")]
    assert [c.title for c in weak] == [
        "Monitoring",
        "Interkulturelles Denken und Handeln in Politik und Verwaltung",
        "Menschen mit Einwanderungsgeschichte in Politik und Verwaltung",
        "Globale Verantwortung",
        "Medialer Diskurs",
    ]
    part = report.split("### Anregungen zur Weiterarbeit", 1)[1].split("\n## ", 1)[0]
    for c in weak:
        assert f"- **{c.title}** (" in part and c.suggestion in part


def test_sections_in_order_and_actions_table(report):
    tokens = parse(report)
    assert headings(tokens, 1) == ["Abschlussbericht Dessau-Roßlau"]
    assert headings(tokens, 2) == [
        "1. Ausgangslage",
        "2. Umsetzung",
        "3. Ergebnisse Selbstcheck-Fragebogen",
        "4. Ergebnisse Selbstcheck-Workshop",
        "5. Ausblick und Perspektiven zur strategischen Weiterarbeit",
        "Anhang: Notizen zu den Kriterien",
    ]
    actions = next(
        body
        for _, head, body in tables(tokens)
        if head == [["Handlungsfeld", "Handlungsbedarf", "Verantwortlich", "Bis"]]
    )
    assert len(actions) == 5 + 12
    assert actions[3][0] == "4" and actions[3][2:] == ["Integrationsbüro", "31. Dezember 2021"]
    assert actions[1][2:] == ["", ""]
    assert "vorläufig" not in report.lower()


def test_no_notes_leaves_out_the_appendix(example):
    text = render(*example, "md", notes=False)
    assert "Anhang" not in text and "Multikulturelles Zentrum" not in text
    assert text.startswith("# Abschlussbericht Dessau-Roßlau\n")


def test_provisional_report_lists_open_criteria(example):
    session, q = load_session(EXAMPLE, None, strict=False)
    removed = ["hf1.monitoring", "hf2.sport", "hf7.medien"]
    for cid in removed:
        session.set_rating(cid, None)
    text = render(session, q, "md")
    assert "> **Vorläufiger Bericht:** 3 von 34 Kriterien sind noch nicht eingeschätzt" in text
    assert "**Gesamtwert:** " in text and "% (vorläufig)" in text
    open_part = text.split("### Noch nicht eingeschätzte Kriterien\n\n", 1)[1]
    assert open_part.split("\n\n", 1)[0].splitlines() == [
        "- Monitoring (Handlungsfeld 1)",
        "- Sport (Handlungsfeld 2)",
        "- Medialer Diskurs (Handlungsfeld 7)",
    ]
    rows = {title: symbol for _, _, body in tables(parse(text)) for title, symbol, *_ in body}
    assert rows["Sport"] == "offen" and rows["Monitoring"] == "offen"
    assert "(vorläufig, 1 offen)" in text
    # The note of an unrated criterion stays in the appendix, marked open.
    assert "- **Monitoring** (offen): Bisher kein regelmäßiges" in text


def test_nothing_rated_leaves_out_results_and_numbers_consecutively():
    q = bundled("weltoffene-kommune", "de")
    session = new_session("weltoffene-kommune", "de", "Musterstadt")
    session.workshop.outlook = "Wir machen weiter."
    text = render(session, q, "md")
    tokens = parse(text)
    assert headings(tokens, 2) == ["1. Ausblick und Perspektiven zur strategischen Weiterarbeit"]
    assert "(0 von 34 Kriterien eingeschätzt)" in text
    assert not [t for t in walk(tokens) if t.type == "table_open"]


def test_only_ratings_gives_one_numbered_section():
    q = bundled("weltoffene-kommune", "de")
    session = new_session("weltoffene-kommune", "de", "")
    for c in q.criteria:
        session.set_rating(c.id, "ja")
    text = render(session, q, "md")
    assert headings(parse(text), 2) == ["1. Ergebnisse Selbstcheck-Fragebogen"]
    assert text.startswith("# Abschlussbericht\n")
    assert "Die Kommune ist weltoffen aufgestellt." in text and "Anregungen" not in text


def test_english_report(tmp_path):
    path = tmp_path / "en.toml"
    path.write_text(
        EXAMPLE.read_text("utf-8").replace('language = "de"', 'language = "en"'), "utf-8"
    )
    session, q = load_session(path, None, strict=False)
    assert q.language == "en"
    text = render(session, q, "md")
    tokens = parse(text)
    assert headings(tokens, 1) == ["Final report Dessau-Roßlau"]
    assert headings(tokens, 2)[:3] == [
        "1. Starting point",
        "2. Implementation",
        "3. Results of the self-check questionnaire",
    ]
    assert "**Overall score:** 67.9%" in text
    assert "The municipality has advanced on the path to openness to the world." in text
    assert "Action field 1 – Management and steering" in headings(tokens, 4)
    assert "- – = no assessment possible" in text and "**Population:** 80,674" in text
    assert "17 February 2020" in text and "1 March – 30 April 2020" in text
    for german in ("Gesamtwert", "Punktwert", "Legende", "Einwohnerzahl", "Quelle:", "Stand:"):
        assert german not in text


def test_render_every_format_and_reject_unknown(example):
    for fmt in FORMATS:
        assert "Interkulturelle Öffnung und Antirassismus" in render(*example, fmt)
    with pytest.raises(ValueError):
        render(*example, "pdf")


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Dessau-Roßlau", "dessau-rosslau"),
        ("Groß-Ümstädter Ländchen", "gross-uemstaedter-laendchen"),
        ("  Saint-Étienne / Köln (Nord)  ", "saint-etienne-koeln-nord"),
        ("ÄÖÜ äöü ß", "aeoeue-aeoeue-ss"),
        ("???", ""),
    ],
)
def test_slug(name, expected):
    assert slug(name) == expected


def test_default_filename(example):
    session, _ = example
    assert default_filename(session, "html", dt.date(2021, 3, 4)) == (
        "dessau-rosslau-selbstcheck-2021-03-04.html"
    )
    anon = new_session("weltoffene-kommune", "de")
    assert default_filename(anon, "md", dt.date(2021, 3, 4)) == (
        "kommune-selbstcheck-2021-03-04.md"
    )
    today = dt.date.today().isoformat()
    assert default_filename(session, "csv").endswith(f"-{today}.csv")


def test_report_strings_have_the_same_keys_and_placeholders_in_both_languages():
    import string

    from wk_tui.export.strings import REPORT

    assert REPORT["de"].keys() == REPORT["en"].keys()
    fields = lambda s: sorted(f for _, f, _, _ in string.Formatter().parse(s) if f)  # noqa: E731
    for key, de in REPORT["de"].items():
        assert fields(de) == fields(REPORT["en"][key]), key
    assert len(REPORT["de"]["months"].split()) == len(REPORT["en"]["months"].split()) == 12
