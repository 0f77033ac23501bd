"""Project hygiene: the README's quick start is what CI runs; translations are complete."""

from __future__ import annotations

import re

from conftest import ROOT

from wk_tui.i18n import CLI
from wk_tui.screens.strings import UI


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_quick_start_is_two_commands_and_ci_runs_the_test_one():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert "wk-tui demo" in commands[0]
    assert "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text("utf-8")


def test_every_translation_table_is_complete():
    from wk_tui.export.strings import REPORT

    for table in (UI, CLI, REPORT):
        assert set(table["de"]) == set(table["en"])
        assert all(v.strip() for lang in table.values() for v in lang.values())
