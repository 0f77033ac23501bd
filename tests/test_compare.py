"""``wk-tui compare``: deltas on the example with a few changed ratings and a done action."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run_cli
from conftest import EXAMPLE

from wk_tui.compare import compare, load_pair

ACTION = "Verpflichtende Diversitätstrainings für alle Dezernent:innen durchführen."


@pytest.fixture
def pair(tmp_path):
    old = tmp_path / "2020.toml"
    old.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    text = EXAMPLE.read_text("utf-8")
    # hf1.monitoring nein → eher_ja (up), hf1.stellenwert ja → eher_nein (down),
    # hf2.mobilitaet keine_einschaetzung → ja (changed: – carries no points).
    for cid, before, after in (
        ("hf1.monitoring", "nein", "eher_ja"),
        ("hf1.stellenwert", "ja", "eher_nein"),
        ("hf2.mobilitaet", "keine_einschaetzung", "ja"),
    ):
        head = f'[ratings."{cid}"]\nvalue = "{before}"'
        assert head in text
        text = text.replace(head, f'[ratings."{cid}"]\nvalue = "{after}"')
    text = text.replace(f'text = "{ACTION}"', f'text = "{ACTION}"\ndone = 2021-05-01')
    new = tmp_path / "2022.toml"
    new.write_text(text, "utf-8")
    return old, new


def test_compare_deltas(pair):
    doc = compare(*load_pair(*pair))
    hf1 = doc["fields"][0]
    # hf1 before: eher_ja ja eher_ja nein = 7/12; after: eher_ja eher_nein eher_ja eher_ja = 7/12.
    assert (hf1["old"], hf1["new"], hf1["change"]) == (58.33, 58.33, 0.0)
    assert (hf1["up"], hf1["down"]) == (1, 1)
    # hf2: 21 of 27 points before; the – becomes ✓: 24 of 30.
    hf2 = doc["fields"][1]
    assert (hf2["old"], hf2["new"], hf2["change"]) == (77.78, 80.0, 2.22)
    # Overall: mean of the seven field scores, 4.75/7 → 4.7722/7 (the change is unrounded).
    o = doc["overall"]
    assert (o["old"], o["new"], o["change"]) == (67.86, 68.17, 0.32)
    assert doc["overall"]["band_change"] == "same"
    changed = {c["id"]: c["direction"] for c in doc["criteria"]}
    assert changed == {
        "hf1.stellenwert": "down",
        "hf1.monitoring": "up",
        "hf2.mobilitaet": "changed",
    }
    by_text = {a["text"]: a for a in doc["actions"]}
    assert by_text[ACTION]["status"] == "done" and by_text[ACTION]["done"] == "2021-05-01"
    others = [a for a in doc["actions"] if a["text"] != ACTION]
    assert others and all(a["status"] == "open" for a in others)
    assert by_text[ACTION]["field"] == "hf4" and by_text[ACTION]["field_change"] == 0.0


def test_done_true_and_missing_actions(pair, tmp_path):
    old, new = pair
    text = new.read_text("utf-8").replace("done = 2021-05-01", "done = true")
    text = text.replace(
        'text = "Ehrenamtliche Aufgaben stärker an den Kompetenzen der Engagierten ausrichten."\n',
        "",
    )
    # The removed text leaves an action table without text: drop that table entirely.
    text = text.replace("[[workshop.results.hf5.actions]]\n\n[[", "[[")
    new.write_text(text, "utf-8")
    doc = compare(*load_pair(old, new))
    statuses = {a["text"][:20]: a["status"] for a in doc["actions"]}
    assert statuses[ACTION[:20]] == "done"
    assert statuses["Ehrenamtliche Aufgab"] == "missing"


def test_compare_cli_md_and_json(pair):
    old, new = pair
    md = run_cli("compare", str(old), str(new))  # piped: Markdown
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("# Vergleich: 2020.toml → 2022.toml")
    assert "| hf1.monitoring Monitoring | ✘ | (✓) | besser |" in md.stdout
    assert (
        "| hf1.stellenwert Stellenwert von Weltoffenheit in Politik und Verwaltung | ✓ | (✘) | schlechter |"
        in md.stdout
    )
    assert "erledigt (2021-05-01)" in md.stdout
    js = run_cli("compare", str(old), str(new), "--format", "json")
    doc = json.loads(js.stdout)
    assert doc["schema"] == "wk-tui-compare/1" and len(doc["criteria"]) == 3


def test_compare_refuses_other_questionnaire(pair, tmp_path):
    old, new = pair
    text = new.read_text("utf-8").replace('"weltoffene-kommune"', '"anders"', 1)
    new.write_text(text, "utf-8")
    out = run_cli("compare", str(old), str(new))
    assert out.returncode == 3 and str(new) in out.stderr and "Traceback" not in out.stderr
