"""``wk-tui fill --workshop``: the workshop lists line by line, on a pipe."""

from __future__ import annotations

import datetime as dt
import io

from cli_helpers import run_cli
from tui_helpers import empty_session, example_session

from wk_tui.files import load_session
from wk_tui.plain.io import Prompter
from wk_tui.plain.workshop import fill_workshop
from wk_tui.session_store import SessionStore


def test_undo_in_the_store_takes_back_a_plain_entry(tmp_path):
    path = empty_session(tmp_path)
    store = SessionStore.open(path)
    try:
        fill_workshop(store, "de", Prompter(io.StringIO("3\nEins\nZwei\n"), io.StringIO()))
        assert store.session.workshop.results["hf3"].works == ["Eins", "Zwei"]
        assert store.undo() == "workshop"
        assert store.session.workshop.results["hf3"].works == ["Eins"]
    finally:
        store.close()


def test_pipe_fills_chosen_fields_lists_and_actions(tmp_path):
    path = empty_session(tmp_path)
    script = "\n".join(
        [
            "4, 5",  # the fields
            "Interkulturelle Schulungen",  # hf4 works
            "",
            '=HYPERLINK("x")',  # hf4 not_yet: a formula-like entry stays text
            "",
            "Leitbild beschließen",  # hf4 action with owner and German date
            "Integrationsbüro",
            "30.06.2021",
            "Zweite Aktion",
            "",
            "31.02.2021",  # not a date: asked again
            "2021-12-31",
            "d 1",
            "",
            "s",  # skip hf5
        ]
    )
    out = run_cli("fill", str(path), "--workshop", input=script + "\n")
    assert out.returncode == 0, out.stderr
    assert "\x1b" not in out.stdout
    lines = out.stdout.splitlines()
    assert "Gespeichert: Handlungsfelder 4, 5." in lines
    assert (
        "Handlungsfeld 4: Interkulturelle Öffnung und Antirassismus. Feld 1 von 2 im Workshop."
        in lines
    )
    assert "Liste: Was läuft schon gut?" in lines
    assert (
        "„31.02.2021“ ist kein Datum. Bitte ein Datum wie 2021-06-30 oder 30.06.2021 angeben, oder Enter."
        in lines
    )
    assert "Eintrag 1 gelöscht: Leitbild beschließen" in lines
    assert "Handlungsfeld übersprungen." in lines
    assert (
        lines[-1]
        == f"Gespeichert in {path}: Workshop-Listen für 2 Handlungsfelder mit 3 Einträgen."
    )
    session, _ = load_session(path)
    w = session.workshop
    assert w.fields == ["hf4", "hf5"]
    assert w.results["hf4"].works == ["Interkulturelle Schulungen"]
    assert w.results["hf4"].not_yet == ['=HYPERLINK("x")']
    [action] = w.results["hf4"].actions
    assert (action.text, action.owner, action.due) == ("Zweite Aktion", "", dt.date(2021, 12, 31))
    assert "hf5" not in w.results


def test_existing_lists_are_read_out_and_kept(tmp_path):
    path = example_session(tmp_path)
    before, _ = load_session(path)
    out = run_cli("fill", str(path), "--workshop", "--lang", "en", input="\nNeu\n")
    assert out.returncode == 0, out.stderr
    assert "Action fields worked on in the workshop: 4, 5." in out.stdout
    first = before.workshop.results["hf4"].works[0]
    assert f"1. {first}" in out.stdout
    after, _ = load_session(path)
    assert after.workshop.results["hf4"].works == [*before.workshop.results["hf4"].works, "Neu"]
    assert after.ratings == before.ratings


def test_early_eof_while_asking_for_the_owner_keeps_the_action(tmp_path):
    path = empty_session(tmp_path)
    out = run_cli("fill", str(path), "--workshop", input="2\n\n\nEine Aktion\n")
    assert out.returncode == 0, out.stderr
    session, _ = load_session(path)
    assert [a.text for a in session.workshop.results["hf2"].actions] == ["Eine Aktion"]


def test_bad_field_list_is_asked_again(tmp_path):
    path = empty_session(tmp_path)
    out = run_cli("fill", str(path), "--workshop", input="4 x\n8\n\n")
    assert out.returncode == 0
    assert out.stdout.count("ist keine Liste von Handlungsfeldern") == 2
    assert "Keine Handlungsfelder gewählt" in out.stdout
    assert load_session(path)[0].workshop.fields == []
