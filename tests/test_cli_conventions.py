"""CLI conventions: validate lists every problem, unknown ids warn, notes keep line breaks,
pipes close quietly, Rich decides about colour, demo cleans up, XDG state, LICENSE."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import tomllib

from cli_helpers import on_terminal, run_argv, run_cli, user_dirs
from conftest import EXAMPLE, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from wk_tui.export import render
from wk_tui.export.html import markdown_to_html
from wk_tui.export.mdescape import lines
from wk_tui.files import load_session

BAD = """\
schema = "wk-tui-session/1"
questionnaire = "weltoffene-kommune"
language = "de"

[municipality]
name = 5
population = "many"

[ratings."hf1.steuerung"]
value = "vielleicht"

[ratings."hf9.retired"]
value = "ja"
"""


def test_validate_prints_every_problem_one_per_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD, "utf-8")
    out = run_cli("validate", str(bad))
    assert out.returncode == 3 and out.stdout == ""
    got = out.stderr.strip().splitlines()
    assert got == [
        f"{bad}:6:1: municipality.name: erwartet wird Text, gefunden: eine ganze Zahl",
        f"{bad}:7:1: municipality.population: erwartet wird eine ganze Zahl, gefunden: Text",
        f"{bad}:10:1: ratings.\"hf1.steuerung\".value: unbekannter Bewertungswert 'vielleicht' "
        "(erwartet einer von ja, eher_ja, eher_nein, nein, keine_einschaetzung)",
    ]


def test_validate_questionnaire_prints_every_problem(tmp_path):
    text = (ROOT / "data/questionnaires/weltoffene-kommune.de.toml").read_text("utf-8")
    text = text.replace('id = "hf1.fuehrung"', 'id = "hf2.fuehrung"', 1)
    text = text.replace("max = 25\n", "max = 20\n", 1)
    text = text.replace("weight = 1\n", "weight = -1\n", 1) if "weight = 1\n" in text else text
    bad = tmp_path / "q.toml"
    bad.write_text(text, "utf-8")
    out = run_cli("validate", str(bad))
    assert out.returncode == 3
    got = out.stderr.strip().splitlines()
    assert len(got) >= 2, got
    assert all(re.match(rf"{re.escape(str(bad))}:\d+:\d+: \S", line) for line in got), got
    assert any("muss mit der ID ihres Handlungsfelds beginnen" in line for line in got)
    assert any("Lücke" in line for line in got)


def test_unknown_ids_are_a_kept_warning_in_validate(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(
        EXAMPLE.read_text("utf-8")
        + '\n[ratings."hf9.x"]\nvalue = "ja"\n\n[workshop.results.hf8]\nworks = ["a"]\n',
        "utf-8",
    )
    before = path.read_bytes()
    out = run_cli("validate", str(path))
    assert out.returncode == 0, out.stderr
    assert "34/34" in out.stdout
    warnings = out.stderr.strip().splitlines()
    assert len(warnings) == 2
    assert re.match(rf'{re.escape(str(path))}:\d+:\d+: Warnung: ratings\."hf9\.x": ', warnings[0])
    assert "hf8" in warnings[1]
    assert path.read_bytes() == before
    session, _ = load_session(path, strict=False)
    assert session.unknown_ids == ["hf9.x", "hf8"]  # data for the UI, not text to parse
    assert len(session.warnings) == 2 and session.values()["hf9.x"] == "ja"


def _note_session(tmp_path, note: str):
    path = tmp_path / "s.toml"
    text = EXAMPLE.read_text("utf-8")
    start = text.index('[ratings."hf1.monitoring"]')
    end = text.index("[ratings.", start + 5)
    quoted = note.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    text = (
        text[:start]
        + f'[ratings."hf1.monitoring"]\nvalue = "nein"\nnote = "{quoted}"\n\n'
        + text[end:]
    )
    path.write_text(text, "utf-8")
    return load_session(path)


def test_note_line_breaks_survive_in_markdown_and_html(tmp_path):
    session, q = _note_session(tmp_path, "Erste Zeile\n- kein Listenpunkt <b>\n\nDritte Zeile")
    md = render(session, q, "md")
    assert (
        "- **Monitoring** (nein): Erste Zeile\\\n  \\- kein Listenpunkt &lt;b&gt;\\\n  \\\n"
        "  Dritte Zeile\n"
    ) in md
    page = render(session, q, "html")
    assert (
        "<li><strong>Monitoring</strong> (nein): Erste Zeile<br />\n- kein Listenpunkt "
        "&lt;b&gt;<br />\n<br />\nDritte Zeile</li>"
    ) in page
    assert "<b>" not in page


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_hard_lines_stay_one_literal_list_item(text):
    html = markdown_to_html(f"- **T**: {lines(text)}\n")
    assert html.count("<li>") == 1 and html.count("<ul>") == 1
    tags = set(re.findall(r"<(/?\w+)", html))
    assert tags <= {"ul", "/ul", "li", "/li", "strong", "/strong", "br"}


def _shell(cmd: str, **env: str) -> subprocess.CompletedProcess:
    return run_argv(["bash", "-c", f"set -o pipefail; {cmd}"], env=env)


def test_pipes_that_close_early_are_quiet():
    py, ex = sys.executable, str(EXAMPLE)
    for cmd in (
        f"'{py}' -m wk_tui summary '{ex}' | head -0",
        f"'{py}' -m wk_tui summary '{ex}' --json | head -0",
        f"'{py}' -m wk_tui export '{ex}' --show | true",
        f"'{py}' -m wk_tui export '{ex}' | head -0",
        f"'{py}' -m wk_tui export '{ex}' --show | head -1",
    ):
        out = _shell(cmd, COLUMNS="100")
        assert out.returncode == 0, (cmd, out.stderr)
        assert out.stderr == "", (cmd, out.stderr)
    out = _shell(f"'{py}' -m wk_tui summary '{ex}' --lang en | head -0")
    assert "Exception ignored" not in out.stderr


COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7])[0-9;]*m")


def _coloured(*args: str, **env: str) -> subprocess.CompletedProcess:
    return run_cli(*args, env=env, drop=["NO_COLOR"])


def test_force_color_and_no_color_are_left_to_rich():
    plain = _coloured("summary", str(EXAMPLE))
    assert "\x1b[" not in plain.stdout
    forced = _coloured("summary", str(EXAMPLE), FORCE_COLOR="1")
    assert COLOUR.search(forced.stdout), forced.stdout[:300]
    assert "67,9 %" in forced.stdout
    both = _coloured("summary", str(EXAMPLE), FORCE_COLOR="1", NO_COLOR="1")
    assert "\x1b[" in both.stdout and not COLOUR.search(both.stdout)
    shown = _coloured("export", str(EXAMPLE), "--show", FORCE_COLOR="1")
    assert shown.returncode == 0 and "\x1b[" in shown.stdout


def test_recent_list_lives_in_the_state_dir(tmp_path, monkeypatch):
    from wk_tui import userconf

    monkeypatch.delenv("WK_TUI_STATE_DIR")
    monkeypatch.delenv("WK_TUI_DATA_DIR")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert userconf.state_dir() == tmp_path / "state" / "wk-tui"
    # A list from an older version in the data dir is still read ...
    old = tmp_path / "data" / "wk-tui" / "recent.json"
    old.parent.mkdir(parents=True)
    old.write_text('[{"path": "/x/alt.toml", "name": "Alt", "opened": ""}]', "utf-8")
    assert [i["name"] for i in userconf.recent_sessions()] == ["Alt"]
    # ... and the next write goes to the state dir.
    userconf.remember(EXAMPLE, "Dessau-Roßlau", "2020-12-15T12:00:00+01:00")
    new = tmp_path / "state" / "wk-tui" / "recent.json"
    assert [i["name"] for i in userconf.recent_sessions()] == ["Dessau-Roßlau", "Alt"]
    assert new.exists()
    monkeypatch.setenv("WK_TUI_STATE_DIR", str(tmp_path / "override"))
    assert userconf.state_dir() == tmp_path / "override"


def test_demo_removes_its_temporary_folder(tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**user_dirs(tmp_path, data=None, state="s"), "TMPDIR": str(tmp)}
    with on_terminal("demo", env=env) as (proc, term):
        assert b"1/7" in term.wait_for(b"1/7"), "the app did not start"
        assert len(list(tmp.iterdir())) == 1  # the demo copy while the app runs
        term.write(b"4")
        time.sleep(0.3)
        term.write(b"q")
        proc.wait(timeout=20)
    assert proc.returncode == 0
    assert list(tmp.iterdir()) == []


def test_license_matches_the_metadata():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert meta["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License\n") and "WITHOUT WARRANTY OF ANY KIND" in text


def _csv_rows(raw: bytes, delimiter: str) -> list[list[str]]:
    import csv
    import io

    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=delimiter))


HOSTILE_CELLS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "ok = fine"]


def test_csv_stays_rfc4180_and_csv_excel_is_for_german_spreadsheets(tmp_path):
    path = tmp_path / "s.toml"
    text = EXAMPLE.read_text("utf-8")
    session, q = load_session(EXAMPLE)
    for cid, note in zip(list(session.ratings)[:7], HOSTILE_CELLS, strict=True):
        session.ratings[cid].note = note
    from wk_tui.files import save_session

    save_session(session, path)
    assert text  # the example itself stays as it is
    plain = run_cli("export", str(path), "--format", "csv", text=False)
    rows = _csv_rows(plain.stdout, ",")
    assert rows[0][:3] == ["field_id", "field_title", "criterion_id"] and len(rows) == 35
    assert [r[7] for r in rows[1:8]] == HOSTILE_CELLS  # the data as it is

    target = tmp_path / "excel.csv"
    out = run_cli("export", str(path), "--csv-excel", "-o", str(target))
    assert out.returncode == 0, out.stderr
    raw = target.read_bytes()
    assert (
        raw.splitlines()[0]
        == b"\xef\xbb\xbffield_id;field_title;criterion_id;criterion_title;value;symbol;points;note"
    )
    rows = _csv_rows(raw, ";")
    assert len(rows) == 35 and all(len(r) == 8 for r in rows)
    assert [r[7] for r in rows[1:8]] == ["'" + c for c in HOSTILE_CELLS[:6]] + ["ok = fine"]
    assert rows[1][4:7] == ["eher_ja", "(✓)", "2"]
    # Into a directory: the default name still ends in .csv.
    out = run_cli("export", str(path), "--csv-excel", "-o", str(tmp_path))
    assert out.returncode == 0 and out.stdout.strip().endswith(".csv")
    bad = run_cli("export", str(path), "--csv-excel", "--format", "md")
    assert bad.returncode == 2 and "--csv-excel" in bad.stderr


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_csv_excel_cells_round_trip_or_get_one_quote(note):
    import csv
    import io

    from wk_tui.export.tabular import FORMULA_STARTS, neutralise

    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerow([neutralise(note), "x"])
    [row] = list(csv.reader(io.StringIO(out.getvalue(), newline=""), delimiter=";"))
    assert row == [("'" + note) if note.startswith(FORMULA_STARTS) else note, "x"]


def test_config_and_state_folders_are_private_even_under_umask_000(tmp_path, monkeypatch):
    import os
    import stat

    from wk_tui.userconf import remember, save_config

    monkeypatch.setenv("WK_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("WK_TUI_STATE_DIR", str(tmp_path / "state"))
    old = os.umask(0)
    try:
        save_config(theme="wk-calm")
        remember(tmp_path / "s.toml", "Musterstadt", "2026-01-01")
    finally:
        os.umask(old)
    for folder in ("config", "state"):
        assert stat.S_IMODE((tmp_path / folder).stat().st_mode) == 0o700
