"""The export plan: target, refusals by file identity, exclusive creation, permissions."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time

import pytest
from cli_helpers import run_argv, run_cli
from conftest import EXAMPLE, ROOT

from wk_tui.errors import WkError
from wk_tui.export.plan import ExportPlan, UsageError, plan_export, write_export
from wk_tui.files import load_session

DAY = dt.date(2026, 5, 4)


@pytest.fixture
def session(example_copy):
    return load_session(example_copy)[0]


def test_plan_picks_target_and_format(tmp_path, example_copy, session):
    assert plan_export(example_copy, session, None) == ExportPlan("md", None)
    assert plan_export(example_copy, session, "-", "csv") == ExportPlan("csv", None)
    plan = plan_export(example_copy, session, tmp_path, "json", today=DAY)
    assert plan == ExportPlan("json", tmp_path / "dessau-rosslau-selbstcheck-2026-05-04.json")
    assert plan_export(example_copy, session, tmp_path / "r.HTM").fmt == "html"
    assert plan_export(example_copy, session, tmp_path, today=DAY).fmt == "md"
    with pytest.raises(UsageError):
        plan_export(example_copy, session, tmp_path / "r.txt")
    (tmp_path / "r.md").write_text("x")
    assert plan_export(example_copy, session, tmp_path / "r.md").exists
    with pytest.raises(WkError, match="directory not found"):
        plan_export(example_copy, session, tmp_path / "no" / "r.md")


def test_refuses_the_session_however_it_is_spelled(tmp_path, example_copy, session, monkeypatch):
    (tmp_path / "sub").mkdir()
    os.link(example_copy, tmp_path / "hardlink.md")
    os.symlink(example_copy, tmp_path / "symlink.md")
    os.symlink(tmp_path / "dessau.toml.bak", tmp_path / "dangling.md")
    monkeypatch.chdir(tmp_path)
    for target in (
        example_copy,
        "dessau.toml",
        f"{tmp_path}/sub/../dessau.toml",
        tmp_path / "hardlink.md",
        tmp_path / "symlink.md",
        tmp_path / "dessau.toml.bak",  # not there yet: the name is enough
        tmp_path / "dessau.toml.lock",
        tmp_path / "dangling.md",  # points at the .bak-to-be
    ):
        with pytest.raises(WkError, match="session file itself"):
            plan_export(example_copy, session, target, "md")
    assert not plan_export(example_copy, session, tmp_path / "other.md").exists


def test_write_refuses_an_existing_file_without_overwrite(tmp_path, example_copy, session):
    target = tmp_path / "r.md"
    first = plan_export(example_copy, session, target)
    second = plan_export(example_copy, session, target)
    assert not first.exists and not second.exists
    write_export(first, b"one", example_copy)
    # The second plan was made before the file existed: it still must not replace it.
    with pytest.raises(WkError, match="file exists"):
        write_export(second, b"two", example_copy)
    assert target.read_bytes() == b"one"
    write_export(second, b"two", example_copy, overwrite=True)
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dessau.toml", "r.md"]


def test_write_checks_the_session_again(tmp_path, example_copy, session):
    target = tmp_path / "r.md"
    plan = plan_export(example_copy, session, target)
    os.replace(example_copy, target)  # the session moved to the planned name
    with pytest.raises(WkError, match="session file itself"):
        write_export(plan, b"report", target, overwrite=True)
    assert target.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize(
    ("umask", "private", "mode"),
    [(0o022, False, 0o644), (0o077, False, 0o600), (0o002, False, 0o664), (0o022, True, 0o600)],
)
def test_permissions_follow_the_umask_unless_private(
    tmp_path, example_copy, session, umask, private, mode
):
    old = os.umask(umask)
    try:
        plan = plan_export(example_copy, session, tmp_path / "r.md")
        write_export(plan, b"x", example_copy, private=private)
    finally:
        os.umask(old)
    assert (tmp_path / "r.md").stat().st_mode & 0o777 == mode


def test_replacing_never_widens_permissions(tmp_path, example_copy, session):
    target = tmp_path / "r.md"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_export(plan_export(example_copy, session, target), b"new", example_copy, overwrite=True)
    assert target.stat().st_mode & 0o777 == 0o600 and target.read_bytes() == b"new"


def test_cli_private_and_umask(tmp_path):
    for name, extra, mode in (("a.md", [], 0o644), ("b.md", ["--private"], 0o600)):
        shell = 'umask 022 && exec "$0" -m wk_tui "$@"'
        target = str(tmp_path / name)
        out = run_argv(
            ["sh", "-c", shell, sys.executable, "export", str(EXAMPLE), "-o", target, *extra]
        )
        assert out.returncode == 0, out.stderr
        assert (tmp_path / name).stat().st_mode & 0o777 == mode


def test_sessions_stay_private_whatever_the_umask(tmp_path):
    from wk_tui.session_store import SessionStore

    old = os.umask(0o022)
    try:
        store = SessionStore.create_new(tmp_path / "s.toml", "Musterstadt")
        store.rate("hf1.steuerung", "ja")
        store.close()
    finally:
        os.umask(old)
    assert (tmp_path / "s.toml").stat().st_mode & 0o777 == 0o600


RACER = """
import os, sys, time
from wk_tui.cli import main
ready, go = sys.argv[1], sys.argv[2]
open(ready, "w").close()
while not os.path.exists(go):
    time.sleep(0.001)
sys.exit(main(sys.argv[3:]))
"""


def test_concurrent_exports_to_the_same_name_exactly_one_wins(tmp_path):
    """20 pairs of ``export -o SAME`` started together: one writes, the other says exists."""
    pairs, batch = 20, 5
    results = []
    for start in range(0, pairs, batch):
        go = tmp_path / f"go{start}"
        procs = []
        for i in range(start, start + batch):
            target = tmp_path / f"r{i}.md"
            for side in (0, 1):
                procs.append(
                    (
                        i,
                        tmp_path / f"ready{i}-{side}",
                        subprocess.Popen(
                            [
                                sys.executable,
                                "-c",
                                RACER,
                                str(tmp_path / f"ready{i}-{side}"),
                                str(go),
                                "export",
                                str(EXAMPLE),
                                "-o",
                                str(target),
                            ],
                            cwd=ROOT,
                            stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE,
                            text=True,
                        ),
                    )
                )
        deadline = time.monotonic() + 60
        while not all(ready.exists() for _, ready, _ in procs):
            assert time.monotonic() < deadline
            time.sleep(0.01)
        go.touch()
        for i, _, proc in procs:
            out, err = proc.communicate(timeout=60)
            results.append((i, proc.returncode, out, err))
    golden = (ROOT / "tests" / "golden" / "dessau-rosslau-2020.de.md").read_bytes()
    for i in range(pairs):
        codes = sorted(rc for j, rc, _, _ in results if j == i)
        errors = [err for j, rc, _, err in results if j == i and rc]
        assert codes == [0, 3], (i, results)
        assert len(errors) == 1 and "existiert bereits" in errors[0] and "--force" in errors[0]
        assert (tmp_path / f"r{i}.md").read_bytes() == golden
    leftovers = [p.name for p in tmp_path.iterdir() if "tmp" in p.name]
    assert leftovers == []


def test_cli_export_with_force_replaces(tmp_path):
    target = tmp_path / "r.csv"
    target.write_text("old")
    out = run_cli("export", str(EXAMPLE), "-o", str(target), "--force")
    assert out.returncode == 0, out.stderr
    assert target.read_bytes().startswith(b"\xef\xbb\xbffield_id,")
