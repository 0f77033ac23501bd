"""``wk-tui fill``: the plain line-by-line mode, in-process and as a subprocess on pipes."""

from __future__ import annotations

import io
import tomllib

import pytest
from cli_helpers import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tui_helpers import empty_session, example_session

from wk_tui.files import load_session, new_session, save_session
from wk_tui.plain import wants_plain
from wk_tui.plain.fill import fill
from wk_tui.plain.io import Prompter, plain
from wk_tui.session_store import SessionStore

ASK_DE = "Ihre Einschätzung? 1 bis 4 oder 0, Enter behält, Fragezeichen für Befehle:"


def ratings(path) -> dict:
    """criterion id → value, as saved (criteria with only a note left out)."""
    return {
        cid: r["value"]
        for cid, r in tomllib.loads(path.read_text("utf-8")).get("ratings", {}).items()
        if r.get("value")
    }


def fill_in_process(path, text: str, lang: str = "de") -> str:
    out = io.StringIO()
    store = SessionStore.open(path)
    try:
        fill(store, lang, Prompter(io.StringIO(text), out))
    finally:
        store.close()
    return out.getvalue()


def test_pipe_fills_a_session_in_order_and_exits_0_with_a_summary(tmp_path):
    path = empty_session(tmp_path)
    out = run_cli("fill", str(path), input="1\n2\n3\n4\n0\n")
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert ratings(path) == {
        "hf1.steuerung": "ja",
        "hf1.stellenwert": "eher_ja",
        "hf1.fuehrung": "eher_nein",
        "hf1.monitoring": "nein",
        "hf2.bildung": "keine_einschaetzung",
    }
    lines = out.stdout.splitlines()
    assert lines[-1] == (
        f"Gespeichert in {path}: 5 von 34 Kriterien eingeschätzt, 29 offen. "
        "Gesamtwert: 50,0 Prozent, vorläufig."
    )
    # What a reader hears for the first criterion, line by line.
    first = lines[lines.index("Handlungsfeld 1 von 7, Kriterium 1 von 4.") :]
    assert first[1:4] == [
        "Handlungsfeld: Management und Steuerung",
        "Kriterium: Strukturen und Prozesse zur Steuerung",
        "Leitfragen:",
    ]
    assert "Noch keine Einschätzung." in first
    assert "Antworten: 1 ja, 2 eher ja, 3 eher nein, 4 nein, 0 keine Einschätzung möglich." in first
    assert ASK_DE in first
    assert "Handlungsfeld 2 von 7, Kriterium 1 von 10." in lines
    assert "Ende von Handlungsfeld 1, Punktwert: 50,0 Prozent." in lines
    assert "\x1b" not in out.stdout + out.stderr


def test_bad_input_gets_one_line_and_the_same_question_again(tmp_path):
    path = empty_session(tmp_path)
    before = path.read_bytes()
    out = run_cli("fill", str(path), input="7\nja bitte\ng 99\ng\n")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and out.stderr == ""
    assert path.read_bytes() == before  # nothing was rated, nothing written
    lines = out.stdout.splitlines()
    start = lines.index(ASK_DE)
    assert lines[start:] == [
        ASK_DE,
        "„7“ verstehe ich nicht. Bitte 1, 2, 3, 4 oder 0 eingeben, Enter, einen Befehl oder ? für die Befehle.",
        ASK_DE,
        "„ja bitte“ verstehe ich nicht. Bitte 1, 2, 3, 4 oder 0 eingeben, Enter, einen Befehl oder ? für die Befehle.",
        ASK_DE,
        "Es gibt kein Handlungsfeld „99“. Bitte eine Zahl von 1 bis 7 angeben, zum Beispiel g 4.",
        ASK_DE,
        "Es gibt kein Handlungsfeld „“. Bitte eine Zahl von 1 bis 7 angeben, zum Beispiel g 4.",
        ASK_DE,
        f"Gespeichert in {path}: 0 von 34 Kriterien eingeschätzt, 34 offen. Gesamtwert: kein Wert.",
    ]


def test_early_eof_saves_what_was_answered_and_exits_0(tmp_path):
    path = empty_session(tmp_path)
    out = run_cli("fill", str(path), input="2\nn\nerste Zeile\nzweite Zeile")  # no "." at the end
    assert out.returncode == 0, out.stderr
    assert ratings(path) == {"hf1.steuerung": "eher_ja"}
    session, _ = load_session(path)
    assert session.note("hf1.stellenwert") == "erste Zeile\nzweite Zeile"
    assert out.stdout.splitlines()[-1].startswith(f"Gespeichert in {path}: 1 von 34")
    assert not (tmp_path / "session.toml.lock").exists()


def test_closed_stdin_is_the_end_of_input(tmp_path):
    path = empty_session(tmp_path)
    out = run_cli("fill", str(path))  # stdin is /dev/null
    assert out.returncode == 0 and "0 von 34" in out.stdout.splitlines()[-1]


def test_resume_starts_at_the_first_unrated_criterion(tmp_path):
    path = empty_session(tmp_path)
    fill_in_process(path, "1\n1\n1\n1\n1\ns\n1\n")  # skips hf2.arbeitsmarkt
    assert len(ratings(path)) == 6
    text = fill_in_process(path, "")
    assert text.count("Handlungsfeld 2 von 7, Kriterium 2 von 10.") == 1
    assert "Kriterium 1 von 4." not in text


def test_all_rated_starts_at_the_first_and_enter_keeps(tmp_path):
    path = example_session(tmp_path)
    before = ratings(path)
    text = fill_in_process(path, "\n\nb\n")
    assert "Alle Kriterien sind eingeschätzt." in text
    assert "Aktuelle Einschätzung: eher ja ((✓))." in text
    assert "Unverändert: eher ja." in text
    assert ratings(path) == before


def test_commands_back_skip_go_verdict_help_quit(tmp_path):
    path = empty_session(tmp_path)
    text = fill_in_process(path, "1\nb\n3\ns\ng 4\n1\nr\n?\nq\n1\n")
    assert ratings(path) == {"hf1.steuerung": "eher_nein", "hf4.denken-verwaltung": "ja"}
    assert "Handlungsfeld 4 von 7, Kriterium 1 von 6." in text
    assert "Zwischenstand: 2 von 34 Kriterien eingeschätzt, 32 offen." in text
    assert (
        "Gesamtwert 66,7 Prozent, vorläufig: "
        "Die Kommune ist auf dem Weg zur Weltoffenheit fortgeschritten."
    ) in text
    assert "Handlungsfeld 1, Management und Steuerung: 33,3 Prozent, 3 offen." in text
    assert "Handlungsfeld 2, Fairer Zugang und Teilhabechancen: kein Wert, 10 offen." in text
    assert "Befehle: 1 ja, 2 eher ja" in text and "q speichert und beendet." in text
    # q stops at once: the 1 after it was never read.
    assert text.rstrip().splitlines()[-1].startswith("Gespeichert in")
    assert text.count("Gespeichert: ") == 3


def test_one_line_and_multi_line_notes_are_appended(tmp_path):
    path = empty_session(tmp_path)
    fill_in_process(path, "n =SUMME(A1)\nn\nZeile eins\n\nZeile drei\n.\nn\n.\n")
    session, _ = load_session(path)
    assert session.note("hf1.steuerung") == "=SUMME(A1)\nZeile eins\n\nZeile drei"
    assert session.value("hf1.steuerung") is None


def test_english_ui(tmp_path):
    path = tmp_path / "en.toml"
    save_session(new_session("weltoffene-kommune", "en", "Sampletown"), path)
    out = run_cli("fill", str(path), input="1\nx\n")
    assert out.returncode == 0, out.stderr
    assert "Action field 1 of 7, criterion 1 of 4." in out.stdout
    assert (
        "Answers: 1 yes, 2 rather yes, 3 rather no, 4 no, 0 no assessment possible." in out.stdout
    )
    assert "Saved: yes." in out.stdout
    assert "I do not understand “x”." in out.stdout
    assert out.stdout.splitlines()[-1].startswith(f"Saved to {path}: 1 of 34 criteria rated")
    # --lang switches the prompts of a German session.
    out = run_cli("fill", str(empty_session(tmp_path)), "--lang", "en", input="")
    assert "Your rating? 1 to 4 or 0" in out.stdout


def test_user_text_never_puts_a_control_character_on_the_terminal(tmp_path):
    path = empty_session(tmp_path, name="Evil\x1b[2J\x1b]0;pwn\x07town\u202e")
    store = SessionStore.open(path)
    store.set_note("hf1.steuerung", "a\x1b[31mred\x1b[0m\r\nnext\x9b1m")
    store.close()
    out = run_cli("fill", str(path), input="r\n")
    assert out.returncode == 0
    assert "Evil[2J]0;pwntown" in out.stdout
    assert "Notiz: a[31mred[0m next1m" in out.stdout
    for ch in "\x1b\x07\x9b\u202e\r":
        assert ch not in out.stdout


def test_a_locked_session_is_refused_in_one_line(tmp_path):
    path = empty_session(tmp_path)
    store = SessionStore.open(path)
    try:
        out = run_cli("fill", str(path), input="1\n")
    finally:
        store.close()
    assert out.returncode == 3
    assert out.stderr.count("\n") == 1 and "zum Schreiben geöffnet von pid" in out.stderr
    assert ratings(path) == {}


def test_missing_file_is_one_line(tmp_path):
    out = run_cli("fill", str(tmp_path / "nope.toml"), input="")
    assert out.returncode == 3 and "Datei nicht gefunden" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize(
    ("forced", "env", "tty", "expected"),
    [
        (False, {"TERM": "xterm"}, True, False),
        (True, {"TERM": "xterm"}, True, True),
        (False, {"TERM": "xterm", "ACCESSIBLE": "1"}, True, True),
        (False, {"TERM": "xterm", "ACCESSIBLE": ""}, True, False),
        (False, {"TERM": "dumb"}, True, True),
        (False, {"TERM": "xterm"}, False, True),
    ],
)
def test_when_plain_mode_is_chosen(forced, env, tty, expected):
    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    assert wants_plain(forced, env, Stream(), Stream()) is expected
    # One side that is not a terminal is enough.
    if tty and not expected:
        assert wants_plain(forced, env, Stream(), io.StringIO()) is True


def test_plain_drops_every_control_character():
    assert plain("a\tb\nc\x00d\x1b[1m\x7f\x85e\u2066f") == "a b cd[1m ef"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(max_size=12), max_size=25))
def test_any_input_never_crashes_and_never_echoes_control_characters(tmp_path, lines):
    path = tmp_path / "h.toml"
    save_session(new_session("weltoffene-kommune", "de", "H"), path)
    text = fill_in_process(path, "\n".join(line.replace("\n", " ") for line in lines))
    assert "\x1b" not in text
    assert text.rstrip().splitlines()[-1].startswith("Gespeichert in")
    load_session(path)  # still a valid session


def test_language_follows_the_tui_rule_and_shows_the_translated_questionnaire(tmp_path):
    import os

    path = empty_session(tmp_path)  # a German session
    out = run_cli("fill", str(path), "--lang", "en", input="1\n")
    assert "Action field: Management and steering" in out.stdout
    assert "Answers: 1 yes, 2 rather yes" in out.stdout and "Saved: yes." in out.stdout
    assert ratings(path) == {"hf1.steuerung": "ja"}  # saved by id, as the TUI does
    # Without --lang: the language remembered in the user's configuration, like the TUI.
    config = os.environ["WK_TUI_CONFIG_DIR"]
    os.makedirs(config, exist_ok=True)
    with open(os.path.join(config, "config.toml"), "w", encoding="utf-8") as fh:
        fh.write('language = "en"\n')
    out = run_cli("fill", str(path), input="")
    assert "Your rating? 1 to 4 or 0" in out.stdout
    assert (
        "Criterion: Importance of openness to the world in politics and administration"
        in out.stdout
    )
