"""The sidebar with more than nine fields: two-digit numbers never make a line wrap."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tui_helpers import app_with_questionnaire, bundled_questionnaire, screen_text

from wk_tui.screens.app import WkApp


def many_fields_app(tmp_path: Path, fields: int = 12) -> WkApp:
    doc = bundled_questionnaire()
    doc["id"] = "many-fields"
    template = doc["fields"][0]
    doc["fields"] = [
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
    return app_with_questionnaire(tmp_path, doc, "f1")


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
