"""``wk-tui new`` without a terminal: a script creates a session, then fills it."""

from __future__ import annotations

from cli_helpers import run_cli

from wk_tui.files import load_session as load_with_questionnaire


def load_session(path):
    return load_with_questionnaire(path)[0]


def test_new_headless_creates_the_session_from_its_options(tmp_path):
    path = tmp_path / "x.toml"
    out = run_cli(
        "new", str(path), "--municipality", "Neustadt", "--lang", "en", "--respondent", "Ana"
    )
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip() == (
        f"wk-tui: session created: {path} (rate it with 'wk-tui fill {path}')"
    )
    session = load_session(path)
    assert session.municipality.name == "Neustadt"
    assert session.language == "en"
    assert session.respondent.name == "Ana"
    assert not path.with_name("x.toml.lock").exists()  # the lock is released
    # ... and the script goes on: plain mode rates the new session.
    filled = run_cli("fill", str(path), input="1\n")
    assert filled.returncode == 0, filled.stderr
    rated = load_session(path)
    assert [rated.value(cid) for cid in rated.ratings] == ["ja"]


def test_new_headless_in_a_pipe_follows_the_locale(tmp_path):
    path = tmp_path / "y.toml"
    proc = run_cli("new", str(path), "--municipality", "Altdorf", input="")  # stdin a pipe
    assert proc.returncode == 0, proc.stderr
    assert "Sitzung angelegt" in proc.stderr  # LANG=C.UTF-8: German
    assert load_session(path).language == "de"


def test_new_headless_without_municipality_is_one_line_and_creates_nothing(tmp_path):
    path = tmp_path / "z.toml"
    out = run_cli("new", str(path))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert out.stderr == (
        f"wk-tui: Fehler: {path}: ohne Terminal kann nicht nach der Kommune gefragt werden; "
        "bitte --municipality NAME angeben\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_new_headless_refuses_an_existing_file(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text("keep me", "utf-8")
    out = run_cli("new", str(path), "--municipality", "Neustadt", env={"LANG": "en_US.UTF-8"})
    assert out.returncode == 3
    assert out.stderr.startswith(f"wk-tui: error: {path}: file exists already")
    assert path.read_text("utf-8") == "keep me"
