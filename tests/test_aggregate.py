"""``wk-tui aggregate``: quartiles by hand, broken files skipped and listed, the pool path."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_helpers import run_cli

from wk_tui.aggregate import collect, position, quartiles
from wk_tui.aggregate_report import build
from wk_tui.files import new_session, save_session

CRITERIA_HF1 = ("hf1.steuerung", "hf1.stellenwert", "hf1.fuehrung", "hf1.monitoring")


def test_quartiles_hand_computed():
    # Sorted: 10 20 30 40 50. Position (n-1)·p = 1, 2, 3 → 20, 30, 40.
    assert quartiles([50, 10, 40, 20, 30]) == {
        "n": 5,
        "min": 10,
        "q1": 20.0,
        "median": 30.0,
        "q3": 40.0,
        "max": 50,
    }
    # 10 20 30 40: positions 0.75, 1.5, 2.25 → 17.5, 25, 32.5.
    assert quartiles([40, 10, 30, 20]) == {
        "n": 4,
        "min": 10,
        "q1": 17.5,
        "median": 25.0,
        "q3": 32.5,
        "max": 40,
    }
    assert quartiles([7.0])["median"] == 7.0 and quartiles([7.0])["q1"] == 7.0
    assert quartiles([]) is None


def test_position_rank_and_quarter():
    stats = quartiles([10, 20, 30, 40, 50])
    assert position(50, [10, 20, 30, 40, 50], stats) == {
        "score": 50,
        "rank": 1,
        "of": 5,
        "quarter": 4,
    }
    assert position(25, [10, 20, 30, 40, 50], stats)["quarter"] == 2
    assert position(None, [], stats) is None


def session_with_hf1(folder: Path, name: str, points: int, town: str) -> Path:
    """A session whose hf1 has ``points`` of 12 (and nothing else rated)."""
    session = new_session("weltoffene-kommune", "de", town)
    values = ["ja"] * (points // 3) + [("nein", "eher_nein", "eher_ja")[points % 3]]
    values = (values + ["nein"] * 4)[:4]
    for cid, value in zip(CRITERIA_HF1, values, strict=True):
        session.set_rating(cid, value)
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    save_session(session, path)
    return path


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "sessions"
    # hf1 scores: 3/12 = 25, 6/12 = 50, 9/12 = 75, 12/12 = 100 (one in a subfolder).
    session_with_hf1(root, "a.toml", 3, "Aheim")
    session_with_hf1(root, "b.toml", 6, "Bdorf")
    session_with_hf1(root, "sub/c.toml", 9, "Cstadt")
    session_with_hf1(root, "sub/deeper/d.toml", 12, "Dburg")
    (root / "sub" / "broken.toml").write_text(
        'schema = "wk-tui-session/1"\nquestionnaire = "weltoffene-kommune"\n'
        '[ratings."hf1.steuerung"]\nvalue = "jein"\n',
        "utf-8",
    )
    (root / "notes.txt").write_text("not a session", "utf-8")
    return root


def test_one_broken_file_among_good_ones(folder):
    doc, q, lang = build(folder, jobs=1)
    assert [s["file"] for s in doc["sessions"]] == [
        "a.toml",
        "b.toml",
        "sub/c.toml",
        "sub/deeper/d.toml",
    ]
    assert [s["fields"]["hf1"] for s in doc["sessions"]] == [25.0, 50.0, 75.0, 100.0]
    # 25 50 75 100: positions 0.75, 1.5, 2.25 → 43.75, 62.5, 81.25.
    assert doc["statistics"]["hf1"] == {
        "n": 4,
        "min": 25.0,
        "q1": 43.75,
        "median": 62.5,
        "q3": 81.25,
        "max": 100.0,
    }
    assert doc["statistics"]["overall"]["median"] == 62.5  # only hf1 scores
    assert doc["statistics"]["hf2"] is None
    assert len(doc["skipped"]) == 1
    skipped = doc["skipped"][0]
    assert skipped["file"] == "sub/broken.toml"
    assert skipped["error"].startswith(f"{folder / 'sub' / 'broken.toml'}:4:")
    assert "jein" in skipped["error"]


def test_pool_and_serial_agree(tmp_path):
    root = tmp_path / "many"
    for i in range(80):
        session_with_hf1(root, f"s{i:03}.toml", i % 13, f"Ort {i}")
    (root / "bad.toml").write_text("schema = [", "utf-8")
    serial = collect(root, jobs=1)
    pooled = collect(root, jobs=2)
    assert serial == pooled
    assert len(serial[0]) == 80 and [name for name, _ in serial[1]] == ["bad.toml"]


def test_cli_exit_code_listing_and_formats(folder):
    out = run_cli("aggregate", str(folder))
    assert out.returncode == 4
    broken = folder / "sub" / "broken.toml"
    # In the user's language, as every message (LANG=C here: German).
    assert out.stderr.startswith(f"wk-tui: übersprungen: {broken}:4:1: ratings.")
    assert "unbekannter Bewertungswert 'jein'" in out.stderr
    assert out.stderr.count("\n") == 1  # no progress bar when not a terminal
    english = run_cli("aggregate", str(folder), env={"LANG": "en_GB.UTF-8"})
    assert english.returncode == 4
    assert english.stderr.startswith(f"wk-tui: skipped: {broken}:4:1: ratings.")
    assert "unknown rating value 'jein'" in english.stderr
    assert (
        "| hf1 Management und Steuerung | 4 | 25,00 | 43,75 | 62,50 | 81,25 | 100,00 |"
        in out.stdout
    )
    assert "## Übersprungene Dateien (1)" in out.stdout
    rows = list(
        csv.reader(
            io.StringIO(
                run_cli("aggregate", str(folder), "--format", "csv").stdout.lstrip("\ufeff")
            )
        )
    )
    assert rows[0][:6] == ["file", "municipality", "date", "overall", "verdict", "hf1"]
    assert [r[0] for r in rows[1:]] == ["a.toml", "b.toml", "sub/c.toml", "sub/deeper/d.toml"]
    assert rows[2][5] == "50.00"
    good = folder.parent / "good"
    good.mkdir()
    session_with_hf1(good, "x.toml", 6, "X")
    ok = run_cli("aggregate", str(good), "--format", "json")
    assert ok.returncode == 0 and ok.stderr == ""
    assert json.loads(ok.stdout)["count"] == 1


def test_highlight_inside_and_outside(folder, tmp_path):
    doc, _, _ = build(folder, jobs=1, highlight=folder / "b.toml")
    hl = doc["highlight"]
    assert hl["municipality"] == "Bdorf"
    assert hl["position"]["hf1"] == {"score": 50.0, "rank": 3, "of": 4, "quarter": 2}
    assert [s["highlight"] for s in doc["sessions"]] == [False, True, False, False]
    outside = session_with_hf1(tmp_path / "elsewhere", "me.toml", 12, "Ich")
    out = run_cli("aggregate", str(folder), "--highlight", str(outside))
    assert "## Position: Ich" in out.stdout
    assert "| hf1 Management und Steuerung | 100,0 | 1 von 5 | oberstes Viertel |" in out.stdout
