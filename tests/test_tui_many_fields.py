"""The sidebar with more than nine fields: two-digit numbers never make a line wrap."""

from __future__ import annotations

import re
import tomllib

import pytest
import tomli_w
from conftest import ROOT
from tui_helpers import screen_text

from wk_tui.files import new_session, save_session
from wk_tui.screens.app import create_app


def many_fields_app(tmp_path, fields: int = 12):
    src = tomllib.loads(
        (ROOT / "data" / "questionnaires" / "weltoffene-kommune.de.toml").read_text("utf-8")
    )
    src["id"] = "many-fields"
    template = src["fields"][0]
    src["fields"] = [
        {
            **template,
            "id": f"f{n}",
            "title": f"Feld Nummer {n} mit einem längeren Namen",
            "criteria": [
                {**template["criteria"][0], "id": f"f{n}.a"},
                {**template["criteria"][1], "id": f"f{n}.b"},
            ],
        }
        for n in range(1, fields + 1)
    ]
    q = tmp_path / "many-fields.de.toml"
    q.write_text(tomli_w.dumps(src), "utf-8")
    path = tmp_path / "session.toml"
    save_session(new_session("many-fields", "de", "Musterstadt"), path)
    return create_app(path, questionnaire=q, config={}, field="f1")


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_two_digit_field_numbers_keep_each_field_on_its_lines(tmp_path, size):
    app = many_fields_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        # Every open count (2 criteria open per field) sits on a line with a score or
        # its bar; none is pushed onto a line of its own.
        counts = [line for line in lines if "2○" in line]
        assert counts, lines
        for line in counts:
            assert re.search(r"[░·█]+\s+(–|[\d,]+ %)\s+2○", line), line
        shown = [n for n in range(1, 13) if re.search(rf"[ ›]{n:>2} Feld", "\n".join(lines))]
        assert 10 in shown or 12 in shown, lines  # two-digit numbers are in view
