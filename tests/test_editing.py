"""Core editing of profile, timeline and workshop: validation, undo, autosave, accessors."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXAMPLE
from hypothesis import given
from hypothesis import strategies as st

from wk_tui import editing as ed
from wk_tui import workshop as ws
from wk_tui.files import load_session
from wk_tui.session_store import SessionStore
from wk_tui.validate import (
    InvalidInput,
    format_date,
    format_number,
    parse_date,
    parse_population,
    parse_share,
)


@pytest.fixture
def store(example_copy):
    s = SessionStore.open(example_copy)
    yield s
    s.close()


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "text, value",
    [("80674", 80674), ("80.674", 80674), ("80,674", 80674), (" 80 674 ", 80674), ("0", 0)],
)
def test_population_accepts_whole_numbers(text, value):
    assert parse_population(text, "de") == value


@pytest.mark.parametrize("text", ["-5", "80674.5", "1,5", "viele", "8.06.74", "1e5"])
def test_population_rejects_with_message_in_both_languages(text):
    with pytest.raises(InvalidInput) as de:
        parse_population(text, "de")
    with pytest.raises(InvalidInput) as en:
        parse_population(text, "en")
    assert de.value.message.startswith("Einwohnerzahl:")
    assert "ganze Zahl ab 0" in de.value.message and text.strip() in de.value.message
    assert en.value.message.startswith("Population:")
    assert "whole number of 0 or more" in en.value.message


@pytest.mark.parametrize(
    "text, value", [("5,8", 5.8), ("5.8", 5.8), ("5,8 %", 5.8), ("100", 100), ("0", 0)]
)
def test_share_accepts_0_to_100(text, value):
    assert parse_share(text, "de") == value


@pytest.mark.parametrize("text", ["100,1", "-1", "101", "fünf", "5,8,1"])
def test_share_rejects_with_message_in_both_languages(text):
    with pytest.raises(InvalidInput) as de:
        parse_share(text, "de")
    with pytest.raises(InvalidInput) as en:
        parse_share(text, "en")
    assert "Zahl von 0 bis 100" in de.value.message
    assert "number from 0 to 100" in en.value.message


@pytest.mark.parametrize(
    "text",
    ["2020-07-01", "1.7.2020", "01.07.2020", " 2020-7-1 "],
)
def test_dates_in_iso_or_german_form(text):
    assert parse_date(text, "de") == dt.date(2020, 7, 1)


@pytest.mark.parametrize("text", ["31.02.2020", "2020-13-01", "gestern", "1.7.20"])
def test_bad_dates_say_so_in_both_languages(text):
    with pytest.raises(InvalidInput) as de:
        parse_date(text, "de")
    with pytest.raises(InvalidInput) as en:
        parse_date(text, "en", "due_label")
    assert de.value.message.startswith("Datum:") and "kein gültiges Datum" in de.value.message
    assert en.value.message.startswith("Due:") and "not a valid date" in en.value.message


@given(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)), st.sampled_from(["de", "en"]))
def test_shown_dates_parse_back(d, lang):
    assert parse_date(format_date(d, lang), lang) == d


@given(st.floats(0, 100, allow_nan=False) | st.integers(0, 100), st.sampled_from(["de", "en"]))
def test_shown_shares_parse_back(x, lang):
    assert parse_share(format_number(x, lang), lang) == pytest.approx(x, abs=1e-6)


# --------------------------------------------------------------------------- store edits


def test_profile_edit_is_saved_and_undone(store):
    store.edit(ed.set_profile, "population", "81.000", "de")
    store.edit(ed.set_profile, "challenges", "Erste\n\n  Zweite  \n", "de")
    store.flush()
    saved, _ = load_session(store.path)
    assert saved.municipality.population == 81000
    assert saved.municipality.challenges == ["Erste", "Zweite"]
    assert store.undo() == "municipality"
    assert store.undo() == "municipality"
    assert store.session.municipality.population == 80674
    assert len(store.session.municipality.challenges) == 11


def test_invalid_input_changes_nothing(store):
    before = store.revision, len(store.undo_stack)
    with pytest.raises(InvalidInput):
        store.edit(ed.set_profile, "foreign_share", "120", "en")
    assert (store.revision, len(store.undo_stack)) == before
    assert store.session.municipality.foreign_share == 5.8


def test_unchanged_value_records_no_undo(store):
    store.edit(ed.set_profile, "name", " Dessau-Roßlau ", "de")
    assert store.undo_stack == [] and not store.dirty


def test_unknown_keys_survive_edits(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(
        EXAMPLE.read_text("utf-8").replace(
            "[workshop.results.hf4]\n", '[workshop.results.hf4]\nmood = "gut"\n'
        )
        + '\n[[workshop.results.hf4.actions]]\ntext = "x"\nbudget = 5\n',
        "utf-8",
    )
    store = SessionStore.open(path)
    try:
        last = len(ws.actions(store.session, "hf4")) - 1
        store.edit(ed.set_action, "hf4", last, "de", "Amt", "2021-01-31", "high", True)
        store.edit(ed.add_item, "hf4", "works", "Neu", "de")
        store.flush()
    finally:
        store.close()
    text = path.read_text("utf-8")
    assert 'mood = "gut"' in text and "budget = 5" in text
    assert 'priority = "high"' in text and "outlook = true" in text


def test_timeline_add_in_date_order_edit_move_delete(store):
    n = len(store.session.timeline)
    at = store.edit(ed.put_event, None, "de", "1.6.2020", "", "Zwischenstand", "", "")
    assert [e.date for e in store.session.timeline] == sorted(
        e.date for e in store.session.timeline
    )
    assert store.session.timeline[at].title == "Zwischenstand"
    with pytest.raises(InvalidInput, match="liegt vor dem Beginn"):
        store.edit(ed.put_event, at, "de", "1.6.2020", "1.5.2020", "Zwischenstand")
    with pytest.raises(InvalidInput, match="Title: please fill"):
        store.edit(ed.put_event, at, "en", "2020-06-01", "", "  ")
    assert store.edit(ed.move_event, at, -1) == at - 1
    store.edit(ed.delete_event, at - 1)
    assert len(store.session.timeline) == n
    assert store.undo() == store.undo() == "timeline"
    assert store.session.timeline[at].title == "Zwischenstand"
    store.undo()
    assert len(store.session.timeline) == n


def test_workshop_lists_add_edit_delete_move_and_undo(store):
    s = store.session
    works = ws.items(s, "hf4", "works")
    store.edit(ed.add_item, "hf4", "works", "A", "de")
    store.edit(ed.add_item, "hf4", "works", "B", "de")
    assert ws.items(s, "hf4", "works") == [*works, "A", "B"]
    store.edit(ed.edit_item, "hf4", "works", len(works), "A2", "de")
    assert store.edit(ed.move_item, "hf4", "works", len(works) + 1, -1) == len(works)
    assert ws.items(s, "hf4", "works")[-2:] == ["B", "A2"]
    store.edit(ed.delete_item, "hf4", "works", len(works))
    assert ws.items(s, "hf4", "works")[-1] == "A2"
    store.undo()
    assert ws.items(store.session, "hf4", "works")[-2:] == ["B", "A2"]


def test_empty_field_results_are_dropped(store):
    store.edit(ed.add_item, "hf1", "not_yet", "X", "de")
    assert "hf1" in store.session.workshop.results
    store.edit(ed.delete_item, "hf1", "not_yet", 0)
    assert "hf1" not in store.session.workshop.results


def test_action_details(store):
    store.edit(ed.set_action, "hf5", 0, "en", " Mayor ", "2021-03-01", "medium", True)
    a = ws.actions(store.session, "hf5")[0]
    assert (a.owner, a.due, a.priority, a.outlook) == ("Mayor", dt.date(2021, 3, 1), "medium", True)
    with pytest.raises(InvalidInput, match="Fällig"):
        store.edit(ed.set_action, "hf5", 0, "de", "x", "morgen")
    assert store.edit(ed.toggle_outlook, "hf5", 0) is False


def test_workshop_info_and_outlook(store):
    store.edit(ed.set_workshop_info, "de", "2.7.2020", " Kerstin ", "20")
    store.edit(ed.set_outlook, "Weiter so.\n")
    w = store.session.workshop
    assert (w.date, w.facilitator, w.participants, w.outlook) == (
        dt.date(2020, 7, 2),
        "Kerstin",
        "20",
        "Weiter so.",
    )


# --------------------------------------------------------------------------- accessors


def test_chooser_orders_weakest_first(store):
    rows = ws.chooser(store.questionnaire, store.session)
    scores = [r.score for r in rows if r.score is not None]
    assert scores == sorted(scores)
    assert {r.field.id for r in rows if r.chosen} == {"hf4", "hf5"}
    store.rate("hf7.gremien", None)
    for c in store.questionnaire.field("hf7").criteria:
        store.rate(c.id, None)
    assert ws.chooser(store.questionnaire, store.session)[-1].field.id == "hf7"


def test_action_plan_sorted_by_due_or_owner(store):
    q = store.questionnaire
    by_due = ws.action_plan(store.session, q, "due")
    dues = [r.action.due for r in by_due if r.action.due]
    assert dues == sorted(dues) and by_due[len(dues)].action.due is None
    by_owner = ws.action_plan(store.session, q, "owner")
    owners = [r.action.owner.casefold() for r in by_owner if r.action.owner]
    assert owners == sorted(owners) and by_owner[-1].action.owner == ""
    assert (
        len(by_due)
        == len(by_owner)
        == sum(len(ws.actions(store.session, f)) for f in ("hf4", "hf5"))
    )


def test_typing_into_one_field_is_one_undo_step(store):
    for text in ("D", "De", "Des"):
        store.edit(ed.set_profile, "name", text, "de", merge=("name", 1))
    store.edit(ed.set_profile, "head_of_administration", "X", "de", merge=("head", 1))
    assert len(store.undo_stack) == 2
    store.undo()
    assert store.session.municipality.name == "Des"
    store.undo()
    assert store.session.municipality.name == "Dessau-Roßlau"
