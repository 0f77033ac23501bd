"""``wk-tui export`` as a subprocess: formats, pipes, exit codes, files, imports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys

import pytest
from cli_helpers import run_argv, run_cli
from conftest import EXAMPLE, ROOT

GOLDEN = ROOT / "tests" / "golden" / "dessau-rosslau-2020.de.md"
BOM = b"\xef\xbb\xbf"


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
@pytest.mark.parametrize("no_color", [False, True])
def test_every_format_in_a_pipe(fmt, no_color):
    out = run_cli(
        "export",
        str(EXAMPLE),
        "--format",
        fmt,
        env={"NO_COLOR": "1"} if no_color else {"TERM": "xterm-256color"},
    )
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert "\x1b[" not in out.stdout
    assert "Interkulturelle Öffnung und Antirassismus" in out.stdout


def test_markdown_on_stdout_is_the_golden_file():
    out = run_cli("export", str(EXAMPLE), text=False)
    assert out.returncode == 0 and out.stdout == GOLDEN.read_bytes()


def test_show_in_a_pipe_prints_rendered_text_without_ansi():
    for env in ({}, {"NO_COLOR": "1"}, {"TERM": "xterm-256color", "COLUMNS": "100"}):
        out = run_cli("export", str(EXAMPLE), "--show", env=env)
        assert out.returncode == 0, out.stderr
        assert "\x1b[" not in out.stdout
        assert "Abschlussbericht Dessau-Roßlau" in out.stdout
        assert "| --- |" not in out.stdout and "**Gesamtwert:**" not in out.stdout
        assert "Gesamtwert: 67,9 %" in out.stdout and "(✘)" in out.stdout


def test_export_md_imports_no_textual_rich_markdown_or_markdown_it():
    code = (
        "import sys\nfrom wk_tui.cli import main\n"
        f"rc = main(['export', {str(EXAMPLE)!r}, '--format', 'md'])\n"
        "sys.stdout.flush()\n"
        "print('\\n@@MODULES@@', rc, ' '.join(sorted(sys.modules)))\n"
    )
    out = run_argv([sys.executable, "-c", code])
    assert out.returncode == 0, out.stderr
    report, _, tail = out.stdout.partition("\n@@MODULES@@ ")
    rc, modules = tail.split(" ", 1)
    modules = modules.split()
    assert rc == "0" and report.startswith("# Abschlussbericht Dessau-Roßlau")
    assert "wk_tui.export.markdown" in modules  # the check sees what was imported
    bad = [
        m
        for m in modules
        if m.split(".")[0] in ("textual", "markdown_it")
        or m == "rich.markdown"
        or m.startswith("rich.markdown.")
    ]
    assert bad == []


def test_html_file_from_extension(tmp_path):
    target = tmp_path / "bericht.html"
    out = run_cli("export", str(EXAMPLE), "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(target)
    page = target.read_text("utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">')
    assert "<title>Abschlussbericht Dessau-Roßlau – Selbstcheck Weltoffene Kommune</title>" in page
    assert "@page { size: A4; margin: 18mm; }" in page
    assert page.count("<table>") == 9 and '<td style="text-align:center">(✘)</td>' in page


def test_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "report.md"
    target.write_bytes(b"keep me")
    out = run_cli("export", str(EXAMPLE), "-o", str(target))
    assert out.returncode == 3
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and str(target) in lines[0] and "--force" in lines[0]
    assert target.read_bytes() == b"keep me" and out.stdout == ""
    out = run_cli("export", str(EXAMPLE), "-o", str(target), "--force")
    assert out.returncode == 0, out.stderr
    assert target.read_bytes() == GOLDEN.read_bytes()
    assert not list(tmp_path.glob("*.bak")) and not list(tmp_path.glob(".*tmp"))


def test_never_overwrites_the_session_itself(example_copy):
    before = example_copy.read_bytes()
    out = run_cli("export", str(example_copy), "-o", str(example_copy), "--force", "--format", "md")
    assert out.returncode == 3 and "Sitzungsdatei selbst" in out.stderr
    assert example_copy.read_bytes() == before


def test_output_directory_gets_the_default_name(tmp_path):
    before = dt.date.today().isoformat()
    out = run_cli("export", str(EXAMPLE), "-o", str(tmp_path), "--format", "csv")
    after = dt.date.today().isoformat()
    assert out.returncode == 0, out.stderr
    names = [p.name for p in tmp_path.iterdir()]
    assert names in (
        [f"dessau-rosslau-selbstcheck-{before}.csv"],
        [f"dessau-rosslau-selbstcheck-{after}.csv"],
    )
    assert out.stdout.strip() == str(tmp_path / names[0])
    if dt.date.today().isoformat() == after:
        again = run_cli("export", str(EXAMPLE), "-o", str(tmp_path), "--format", "csv")
        assert again.returncode == 3 and "--force" in again.stderr


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("export").returncode == 2
    assert run_cli("export", str(EXAMPLE), "--format", "pdf").returncode == 2
    out = run_cli("export", str(EXAMPLE), "-o", str(tmp_path / "report.txt"))
    assert out.returncode == 2 and "--format" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and not (tmp_path / "report.txt").exists()


@pytest.mark.parametrize(
    "args,needle",
    [
        (["{tmp}/missing.toml"], "Datei nicht gefunden"),
        (["{example}", "-o", "{tmp}/no/such/dir/r.md"], "Ordner nicht gefunden"),
    ],
)
def test_invalid_input_exits_3_with_one_line(tmp_path, args, needle):
    args = [a.format(tmp=tmp_path, example=EXAMPLE) for a in args]
    out = run_cli("export", *args)
    assert out.returncode == 3
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wk-tui: Fehler: ") and needle in lines[0]
    assert "Traceback" not in out.stderr


def test_unknown_criteria_are_warnings_on_stderr(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(EXAMPLE.read_text("utf-8") + '\n[ratings."hf9.x"]\nvalue = "ja"\n', "utf-8")
    out = run_cli("export", str(path))
    assert out.returncode == 0
    assert out.stderr.count("\n") == 1 and "hf9.x" in out.stderr and "Warnung" in out.stderr
    assert out.stdout.startswith("# Abschlussbericht Dessau-Roßlau")


def test_csv_has_bom_crlf_header_and_34_rows(tmp_path):
    target = tmp_path / "ratings.csv"
    assert run_cli("export", str(EXAMPLE), "-o", str(target)).returncode == 0
    raw = target.read_bytes()
    assert raw.startswith(BOM)
    assert raw.count(b"\r\n") == raw.count(b"\n") == 35
    rows = list(csv.reader(io.StringIO(raw[len(BOM) :].decode("utf-8"), newline="")))
    assert rows[0] == [
        "field_id",
        "field_title",
        "criterion_id",
        "criterion_title",
        "value",
        "symbol",
        "points",
        "note",
    ]
    assert len(rows) == 35
    by_id = {r[2]: r for r in rows[1:]}
    assert by_id["hf1.fuehrung"][:7] == [
        "hf1",
        "Management und Steuerung",
        "hf1.fuehrung",
        "Weltoffenheit als Führungsaufgabe",
        "eher_ja",
        "(✓)",
        "2",
    ]
    assert by_id["hf2.mobilitaet"][4:7] == ["keine_einschaetzung", "–", ""]
    assert by_id["hf1.monitoring"][7].startswith("Bisher kein regelmäßiges")
    # stdout carries the same bytes
    out = run_cli("export", str(EXAMPLE), "--format", "csv", text=False)
    assert out.stdout == raw


def test_csv_unrated_criteria_are_empty(example_copy):
    text = example_copy.read_text("utf-8").replace('[ratings."hf2.sport"]\nvalue = "eher_ja"\n', "")
    example_copy.write_text(text, "utf-8")
    out = run_cli("export", str(example_copy), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out.stdout.lstrip("\ufeff"), newline="")))
    sport = next(r for r in rows if r[2] == "hf2.sport")
    assert sport[4:] == ["", "", "", ""]


def test_json_summary_equals_summary_json():
    out = run_cli("export", str(EXAMPLE), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    summary = json.loads(run_cli("summary", str(EXAMPLE), "--json").stdout)
    assert data["schema"] == "wk-tui-export/1"
    assert data["summary"] == summary
    s = data["session"]
    assert s["schema"] == "wk-tui-session/1" and s["municipality"]["name"] == "Dessau-Roßlau"
    assert s["created"] == "2020-03-02T09:00:00+01:00"
    assert s["ratings"]["hf1.monitoring"]["updated"] == "2020-04-20T10:00:00+02:00"
    assert s["timeline"][1]["end"] == "2020-04-30"
    assert s["workshop"]["results"]["hf4"]["actions"][3]["due"] == "2021-12-31"
    assert len(s["ratings"]) == 34


@pytest.mark.parametrize("extra", [[], ["--show"]])
def test_works_with_stdin_closed(extra):
    shell = 'exec "$0" -m wk_tui export "$@" <&-'
    out = run_argv(["sh", "-c", shell, sys.executable, str(EXAMPLE), *extra], text=False)
    assert out.returncode == 0, out.stderr
    assert out.stderr == b"" and "Dessau-Roßlau".encode() in out.stdout
    assert b"\x1b[" not in out.stdout
