"""The headless CLI as a subprocess: --version, validate, summary; core never imports Textual."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest
from cli_helpers import run_cli
from conftest import EXAMPLE, QUESTIONNAIRES, ROOT

import wk_tui


def test_core_never_imports_textual_or_rich_markdown():
    modules = [
        m.name
        for m in pkgutil.walk_packages(wk_tui.__path__, "wk_tui.")
        if not m.name.endswith("__main__") and not m.name.startswith("wk_tui.screens")
    ]
    assert "wk_tui.files" in modules and "wk_tui.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')"
        " or m == 'rich.markdown')\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == ""


def test_version():
    out = run_cli("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"wk-tui {wk_tui.__version__}"


def test_summary_json_has_the_acceptance_figures():
    out = run_cli("summary", str(EXAMPLE), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["overall"]["score"] == 67.86
    assert data["overall"]["label"] == (
        "Die Kommune ist auf dem Weg zur Weltoffenheit fortgeschritten."
    )
    assert data["overall"]["provisional"] is False
    assert [(f["id"], f["score"]) for f in data["fields"]] == [
        ("hf1", 58.33),
        ("hf2", 77.78),
        ("hf3", 91.67),
        ("hf4", 66.67),
        ("hf5", 44.44),
        ("hf6", 77.78),
        ("hf7", 58.33),
    ]


def test_summary_plain_in_a_pipe_has_no_ansi():
    out = run_cli("summary", str(EXAMPLE))
    assert out.returncode == 0
    assert "\x1b[" not in out.stdout
    assert "Dessau-Roßlau" in out.stdout
    assert "67,9 %" in out.stdout
    assert "Die Kommune ist auf dem Weg zur Weltoffenheit fortgeschritten." in out.stdout
    assert "Monitoring" not in out.stdout  # fields only


def test_validate_session_and_questionnaires():
    out = run_cli("validate", str(EXAMPLE))
    assert out.returncode == 0 and "34/34" in out.stdout
    for lang in ("de", "en"):
        out = run_cli("validate", str(QUESTIONNAIRES / f"weltoffene-kommune.{lang}.toml"))
        assert out.returncode == 0, out.stderr


@pytest.mark.parametrize(
    "content,needle",
    [
        (
            'schema = "wk-tui-session/1"\nquestionnaire = "weltoffene-kommune"\n'
            '[ratings."hf1.monitoring"]\nvalue = 3\n',
            ":4:",
        ),
        ("this is = = not toml", "ungültiges TOML"),
    ],
)
def test_validate_invalid_exits_3_with_one_line(tmp_path, content, needle):
    bad = tmp_path / "bad.toml"
    bad.write_text(content)
    out = run_cli("validate", str(bad))
    assert out.returncode == 3
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and needle in lines[0]
    assert "Traceback" not in out.stderr


def test_usage_errors_exit_2():
    assert run_cli("validate").returncode == 2
    assert run_cli("summary", "x.toml", "--bogus").returncode == 2


def test_missing_file_exits_3(tmp_path):
    out = run_cli("summary", str(tmp_path / "nope.toml"))
    assert out.returncode == 3 and "Datei nicht gefunden" in out.stderr


def test_bare_path_means_open_and_needs_a_terminal(tmp_path):
    out = run_cli(str(EXAMPLE))
    assert out.returncode == 3
    assert "braucht ein Terminal" in out.stderr and "Traceback" not in out.stderr


def test_new_in_a_missing_folder_is_one_line_not_a_traceback(tmp_path):
    # ``new`` checks for a terminal first; the store is what fails here, so call it directly.
    from wk_tui.cli import main
    from wk_tui.errors import WkError
    from wk_tui.files import new_session
    from wk_tui.session_store import SessionStore

    with pytest.raises(WkError, match="folder does not exist"):
        SessionStore.create(
            tmp_path / "no" / "s.toml", new_session("weltoffene-kommune", "de"), None
        )
    assert main(["summary", str(tmp_path / "no" / "s.toml")]) == 3
