"""Crash-safe storage: atomic saves, backups, permissions, locks and load errors."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import EXAMPLE, ROOT

from wk_tui.errors import LockedError, SchemaTooNewError, ValidationError, WkError
from wk_tui.files import SessionLock, load_session, new_session, save_session


def test_new_file_is_private_and_save_keeps_backup(tmp_path):
    path = tmp_path / "s.toml"
    session = new_session("weltoffene-kommune", "de", "Musterstadt")
    save_session(session, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = path.read_bytes()
    session.set_rating("hf1.monitoring", "nein")
    save_session(session, path)
    assert (tmp_path / "s.toml.bak").read_bytes() == first
    assert b'value = "nein"' in path.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml", "s.toml.bak"]


def test_kill_during_saves_leaves_old_or_new_file(tmp_path):
    """SIGKILL a process that saves two versions in a loop; the file is always whole."""
    path = tmp_path / "s.toml"
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from wk_tui.files import load_session, save_session
        s, _ = load_session({str(EXAMPLE)!r})
        s.municipality.context = "x" * 200_000
        a = s
        b, _ = load_session({str(EXAMPLE)!r})
        b.municipality.context = "y" * 300_000
        save_session(a, {str(path)!r})
        print("ready", flush=True)
        while True:
            save_session(b, {str(path)!r})
            save_session(a, {str(path)!r})
    """)
    for delay in (0.05, 0.11, 0.17, 0.23, 0.31):
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        session, _ = load_session(path)
        assert session.municipality.context in ("x" * 200_000, "y" * 300_000)
        for leftover in tmp_path.glob(".*.tmp"):
            leftover.unlink()  # a killed writer may leave its temp file, never the target


def test_lock_names_the_holder_and_is_released(tmp_path):
    path = tmp_path / "s.toml"
    save_session(new_session("weltoffene-kommune", "de"), path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            sys.path.insert(0, {str(ROOT)!r})
            from wk_tui.files import SessionLock
            lock = SessionLock({str(path)!r}).acquire()
            print("locked", flush=True)
            time.sleep(30)
        """),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline().strip() == b"locked"
        with pytest.raises(LockedError) as info:
            SessionLock(path).acquire()
        assert info.value.holder["pid"] == holder.pid
        message = str(info.value)
        assert f"pid {holder.pid}" in message and "since" in message and "read-only" in message
    finally:
        holder.kill()
        holder.wait()
    # The kernel dropped the dead holder's lock: we get it now.
    with SessionLock(path) as lock:
        assert lock.holder()["pid"] == os.getpid()
    assert not (tmp_path / "s.toml.lock").exists()


MALFORMED = [
    ("bad toml", 'schema = "wk-tui-session/1"\nquestionnaire = \n', "invalid TOML", 2),
    (
        "wrong type",
        'schema = "wk-tui-session/1"\nquestionnaire = "weltoffene-kommune"\n'
        '[municipality]\npopulation = "many"\n',
        "municipality.population: expected a whole number",
        4,
    ),
    (
        "unknown value",
        'schema = "wk-tui-session/1"\nquestionnaire = "weltoffene-kommune"\n'
        '\n[ratings."hf1.monitoring"]\nvalue = "super"\n',
        "unknown rating value 'super'",
        5,
    ),
    (
        "unknown criterion",
        'schema = "wk-tui-session/1"\nquestionnaire = "weltoffene-kommune"\n'
        '\n[ratings."hf9.nothing"]\nvalue = "ja"\n',
        "unknown criterion id 'hf9.nothing'",
        4,
    ),
    (
        "newer schema",
        'schema = "wk-tui-session/7"\nquestionnaire = "weltoffene-kommune"\n',
        "newer than this program understands",
        1,
    ),
    ("no schema", 'questionnaire = "weltoffene-kommune"\n', "schema", None),
]


@pytest.mark.parametrize(
    ("name", "content", "message", "line"), MALFORMED, ids=[m[0] for m in MALFORMED]
)
def test_malformed_session_gives_one_clear_line(tmp_path, name, content, message, line):
    path = tmp_path / "bad.toml"
    path.write_text(content, "utf-8")
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    with pytest.raises(WkError) as info:
        load_session(path)
    text = str(info.value)
    assert message in text
    assert "\n" not in text
    assert text.startswith(str(path))
    if line is not None:
        assert info.value.line == line
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml"]


def test_newer_schema_is_a_distinct_error(tmp_path):
    path = tmp_path / "new.toml"
    path.write_text('schema = "wk-tui-session/2"\nquestionnaire = "weltoffene-kommune"\n')
    with pytest.raises(SchemaTooNewError):
        load_session(path)


def test_unknown_criterion_is_a_warning_when_not_strict(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(
        EXAMPLE.read_text("utf-8") + '\n[ratings."hf1.removed"]\nvalue = "ja"\nnote = "keep me"\n',
        "utf-8",
    )
    with pytest.raises(ValidationError):
        load_session(path)
    session, q = load_session(path, strict=False)
    assert any("hf1.removed" in w for w in session.warnings)
    assert "hf1.removed" not in session.values(q)
    save_session(session, path)
    assert 'note = "keep me"' in path.read_text("utf-8")


def test_lock_in_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(WkError, match="folder does not exist"):
        SessionLock(tmp_path / "nope" / "s.toml").acquire()
