"""The command line in the user's language: --lang > remembered > LANG > German."""

from __future__ import annotations

import argparse
import json
import os
import re
import tomllib

import pytest
from cli_helpers import on_terminal, run_cli, user_dirs
from conftest import EXAMPLE

from wk_tui.cli import build_parser
from wk_tui.cli_i18n import HELP_DE, flag_language, resolve_language
from wk_tui.errors import WkError
from wk_tui.errtext import ERRORS_DE
from wk_tui.files import load_session


def cli(*args: str, config_lang: str | None = None, tmp=None, **env: str):
    """``wk-tui args`` with no locale but ``LANG=C.UTF-8`` and ``env``, maybe a remembered
    language."""
    locale = [k for k in os.environ if k.startswith(("LC_", "LANG"))]
    env = {"LANG": "C.UTF-8", **env}
    if config_lang:
        folder = tmp / "config"
        folder.mkdir(exist_ok=True)
        (folder / "config.toml").write_text(f'language = "{config_lang}"\n', "utf-8")
        env["WK_TUI_CONFIG_DIR"] = str(folder)
    return run_cli(*args, env=env, drop=locale)


def test_precedence(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert resolve_language(None, {}) == "de"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert resolve_language(None, {}) == "en"
    monkeypatch.setenv("LC_MESSAGES", "de_DE.UTF-8")  # more specific than LANG
    assert resolve_language(None, {}) == "de"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # wins over both
    assert resolve_language(None, {}) == "en"
    assert resolve_language(None, {"language": "de"}) == "de"  # remembered beats the locale
    assert resolve_language("en", {"language": "de"}) == "en"  # the flag beats everything
    assert flag_language(["export", "x.toml", "--lang", "en"]) == "en"
    assert flag_language(["summary", "--lang=de", "x"]) == "de"
    assert flag_language(["summary", "--", "--lang", "en"]) is None


def test_help_follows_the_language(tmp_path):
    german = cli("--help")
    assert german.returncode == 0
    assert german.stdout.startswith("Aufruf: wk-tui")
    assert "Optionen:" in german.stdout and "Sitzung anlegen und öffnen" in german.stdout
    assert "show this help" not in german.stdout
    english = cli("--help", LANG="en_US.UTF-8")
    assert english.stdout.startswith("usage: wk-tui") and "create a session" in english.stdout
    remembered = cli("export", "--help", config_lang="en", tmp=tmp_path)
    assert "leave out the notes appendix" in remembered.stdout
    flag = cli("export", "--help", "--lang", "de", config_lang="en", tmp=tmp_path)
    assert "den Anhang mit den Notizen weglassen" in flag.stdout
    assert "Standard: nach der Endung der Zieldatei" in flag.stdout
    usage = cli("export")
    assert (
        usage.returncode == 2
        and "wk-tui export: Fehler: diese Argumente fehlen: path" in usage.stderr
    )


def test_core_errors_follow_the_language(tmp_path):
    missing = str(tmp_path / "nope.toml")
    de = cli("summary", missing)
    assert de.returncode == 3
    assert de.stderr == f"wk-tui: Fehler: {missing}: Datei nicht gefunden\n"
    en = cli("summary", missing, LANG="en_US.UTF-8")
    assert en.stderr == f"wk-tui: error: {missing}: file not found\n"
    assert cli("export", missing, "--lang", "en").stderr.endswith("file not found\n")
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'schema = "wk-tui-session/1"\nquestionnaire = "weltoffene-kommune"\n'
        '[ratings."hf1.monitoring"]\nvalue = 3\n',
        "utf-8",
    )
    out = cli("validate", str(bad), LANG="en_US.UTF-8")
    assert (
        out.stderr
        == f'{bad}:4:1: ratings."hf1.monitoring".value: expected text, got a whole number\n'
    )
    out = cli("validate", str(bad))
    assert out.stderr == (
        f'{bad}:4:1: ratings."hf1.monitoring".value: erwartet wird Text, gefunden: eine ganze Zahl\n'
    )


def test_summary_and_export_with_lang(tmp_path):
    out = cli("summary", str(EXAMPLE), "--lang", "en")
    assert out.returncode == 0, out.stderr
    assert "Overall: 67.9 %" in out.stdout
    assert "The municipality has advanced on the path to openness to the world." in out.stdout
    assert "Management and steering" in out.stdout and "Gesamt" not in out.stdout
    out = cli("export", str(EXAMPLE), "--lang", "en")
    assert out.stdout.startswith("# Final report Dessau-Roßlau")
    assert "## 3. Results of the self-check questionnaire" in out.stdout
    assert "Abschlussbericht" not in out.stdout.replace("(Abschlussbericht)", "")
    data = json.loads(cli("export", str(EXAMPLE), "--lang", "en", "--format", "json").stdout)
    assert data["session"]["language"] == "de"  # the session as stored
    assert data["summary"]["fields"][0]["title"] == "Management and steering"
    # Without --lang the report is in the session's language, whatever the locale.
    out = cli("export", str(EXAMPLE), LANG="en_US.UTF-8")
    assert out.stdout.startswith("# Abschlussbericht Dessau-Roßlau")


def test_warnings_follow_the_language(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(EXAMPLE.read_text("utf-8") + '\n[ratings."hf9.x"]\nvalue = "ja"\n', "utf-8")
    out = cli("validate", str(path), LANG="en_US.UTF-8")
    assert out.returncode == 0
    assert re.search(
        r":\d+:\d+: warning: ratings\.\"hf9\.x\": unknown criterion id 'hf9\.x'", out.stderr
    )
    assert "valid session" in out.stdout
    out = cli("validate", str(path))
    assert "Warnung: ratings.\"hf9.x\": unbekannte Kriteriums-ID 'hf9.x'" in out.stderr
    assert "gültige Sitzung" in out.stdout


def test_remembered_language_applies_to_new(tmp_path):
    config = tmp_path / "c"
    config.mkdir()
    (config / "config.toml").write_text('language = "en"\n', "utf-8")
    target = tmp_path / "neu.toml"
    env = {**user_dirs(tmp_path, data=None, state="s"), "LANG": "C.UTF-8"}
    with on_terminal("new", str(target), "--municipality", "Neustadt", env=env) as (proc, term):
        assert b"1/7" in term.wait_for(b"1/7"), "the app did not start"
        term.write(b"q")
        proc.wait(timeout=20)
    assert tomllib.loads(target.read_text("utf-8"))["language"] == "en"


def test_every_german_error_has_the_same_placeholders():
    for english, german in ERRORS_DE.items():
        assert set(re.findall(r"{(\w+)}", english)) == set(re.findall(r"{(\w+)}", german)), english
    for english, german in HELP_DE.items():
        assert german.strip() and ("%" in english) == ("%" in german), english


@pytest.mark.parametrize("lang", ["de", "en"])
def test_validation_error_text_keeps_location_and_counts(tmp_path, lang):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'schema = "wk-tui-session/1"\nquestionnaire = "weltoffene-kommune"\n'
        'language = "fr"\n[ratings."hf1.monitoring"]\nvalue = 3\n',
        "utf-8",
    )
    with pytest.raises(WkError) as info:
        load_session(bad)
    text = info.value.text(lang)
    assert text.startswith(f"{bad}:3:1: language: ")
    assert text.endswith(" (und 1 weitere)" if lang == "de" else " (and 1 more)")
    assert str(info.value) == info.value.text("en")


def _help_texts(parser: argparse.ArgumentParser):
    """Every help text of ``parser`` and its subcommands (commands, options, arguments)."""
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            yield parser.prog, action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield parser.prog, choice.help
            for sub in action.choices.values():
                yield from _help_texts(sub)


def test_every_help_text_has_a_german_translation():
    """`wk-tui --help` and every `wk-tui CMD --help` are German through and through."""
    english = {text for _, text in _help_texts(build_parser("en"))}
    german = {(prog, text) for prog, text in _help_texts(build_parser("de"))}
    untranslated = sorted(f"{prog}: {text}" for prog, text in german if text in english)
    assert not untranslated, untranslated


@pytest.mark.parametrize(
    ("args", "german"),
    [
        (["export", "x.toml", "--format", "pdf"], "ungültige Auswahl: 'pdf' (möglich: 'md',"),
        (["summary", "x.toml", "--lang"], "Argument --lang: erwartet ein Argument"),
        (["aggregate", "x", "--jobs", "zwei"], "Argument --jobs: keine ganze Zahl: 'zwei'"),
    ],
)
def test_usage_errors_are_german_through_and_through(args, german):
    out = cli(*args)
    assert out.returncode == 2
    last = out.stderr.strip().splitlines()[-1]
    assert german in last, last
    assert "invalid" not in last and "choose from" not in last and "expected" not in last
