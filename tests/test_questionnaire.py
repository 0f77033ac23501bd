"""The questionnaire files and the loader's validation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import QUESTIONNAIRES, seed_rows

from wk_tui.errors import SchemaTooNewError, ValidationError
from wk_tui.questionnaire import load_questionnaire

DE = QUESTIONNAIRES / "weltoffene-kommune.de.toml"
EN = QUESTIONNAIRES / "weltoffene-kommune.en.toml"


def test_german_titles_and_order_equal_the_seed():
    q = load_questionnaire(DE)
    rows = seed_rows()
    assert [(c.field_id, c.title) for c in q.criteria] == [
        (f"hf{n}", title) for n, _, title, _ in rows
    ]
    titles = {f"hf{n}": ft for n, ft, _, _ in rows}
    assert {f.id: f.title for f in q.fields} == titles
    assert [s.symbol for s in q.scale] == ["✓", "(✓)", "(✘)", "✘", "–"]
    assert [s.points for s in q.scale] == [3, 2, 1, 0, None]


def test_english_has_the_same_ids_and_shape():
    de, en = load_questionnaire(DE), load_questionnaire(EN)
    assert [c.id for c in en.criteria] == [c.id for c in de.criteria]
    assert [b.id for b in en.bands] == [b.id for b in de.bands]
    assert en.language == "en" and de.language == "de"
    assert [s.symbol for s in en.scale] == [s.symbol for s in de.scale]


@pytest.mark.parametrize("path", [DE, EN], ids=["de", "en"])
def test_every_criterion_has_guidance(path):
    q = load_questionnaire(path)
    assert len(q.fields) == 7 and len(q.criteria) == 34
    ids = [c.id for c in q.criteria]
    assert len(set(ids)) == 34
    for f in q.fields:
        assert f.description.strip()
    for c in q.criteria:
        assert re.fullmatch(r"hf[1-7]\.[a-z0-9-]+", c.id)
        assert 2 <= len(c.questions) <= 4, c.id
        assert all(qu.strip().endswith("?") for qu in c.questions), c.id
        assert c.suggestion.strip(), c.id


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = DE.read_text("utf-8")
    assert old in text
    path = tmp_path / "q.toml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("max = 25", "max = 20", "gap between 20 and 25"),
        ("min = 50", "min = 45", "overlap"),
        ('id = "hf1.monitoring"', 'id = "hf1.steuerung"', "duplicate id 'hf1.steuerung'"),
        ('id = "hf2.bildung"', 'id = "hf3.bildung"', "must start with its field id"),
        ('value = "eher_nein"', 'value = "vielleicht"', "unknown rating value 'vielleicht'"),
        ("points = 3", "points = 5", "ja must have points = 3"),
        ('format = "wk-tui-questionnaire/1"', 'format = "something-else"', "format"),
    ],
)
def test_invalid_questionnaire_names_file_line_and_key(tmp_path, old, new, message):
    path = _broken(tmp_path, old, new)
    before = path.read_bytes()
    with pytest.raises(ValidationError) as info:
        load_questionnaire(path)
    text = str(info.value)
    assert message in text
    assert text.startswith(f"{path}:")
    assert "\n" not in text
    line = info.value.line
    assert line is not None and line >= 1
    assert path.read_bytes() == before


def test_error_line_points_at_the_bad_key(tmp_path):
    path = _broken(tmp_path, 'value = "eher_nein"', 'value = "vielleicht"')
    with pytest.raises(ValidationError) as info:
        load_questionnaire(path)
    bad_line = path.read_text("utf-8").splitlines()[info.value.line - 1]
    assert "vielleicht" in bad_line


def test_newer_questionnaire_format_is_refused(tmp_path):
    path = _broken(
        tmp_path, 'format = "wk-tui-questionnaire/1"', 'format = "wk-tui-questionnaire/9"'
    )
    with pytest.raises(SchemaTooNewError, match="newer"):
        load_questionnaire(path)
