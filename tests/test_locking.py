"""One writer per file identity; temp files that cannot be planted; saves through links."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import EXAMPLE, ROOT

from wk_tui.atomic import atomic_write
from wk_tui.errors import LockedError
from wk_tui.files import load_session
from wk_tui.lock import SessionLock
from wk_tui.session_store import SessionStore


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "s.toml"
    shutil.copyfile(EXAMPLE, path)
    path.chmod(0o600)
    return path


def test_symlink_meets_the_same_lock(session, tmp_path):
    link = tmp_path / "link.toml"
    link.symlink_to(session)
    store = SessionStore.open(session)
    with pytest.raises(LockedError, match=f"pid {os.getpid()}"):
        SessionStore.open(link)
    store.close()
    SessionStore.open(link).close()


def test_hard_link_meets_the_same_lock(session, tmp_path):
    other = tmp_path / "other-name.toml"
    os.link(session, other)
    store = SessionStore.open(session)
    with pytest.raises(LockedError, match="another name"):
        SessionStore.open(other)
    assert not (tmp_path / "other-name.toml.lock").exists()
    store.close()


def test_deleted_lock_file_does_not_free_the_session(session, tmp_path):
    store = SessionStore.open(session)
    (tmp_path / "s.toml.lock").unlink()
    with pytest.raises(LockedError):
        SessionStore.open(session)
    store.close()


def test_lock_follows_the_new_inode_after_each_save(session):
    store = SessionStore.open(session)
    before = os.stat(session).st_ino
    store.rate(store.questionnaire.criteria[0].id, "nein")
    assert store.flush()
    assert os.stat(session).st_ino != before  # replaced by rename
    os.unlink(str(session) + ".lock")  # only the inode lock is left
    with pytest.raises(LockedError):
        SessionStore.open(session)
    store.close()


def test_lock_of_another_process_via_a_symlink(session, tmp_path):
    link = tmp_path / "via-link.toml"
    link.symlink_to(session)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            sys.path.insert(0, {str(ROOT)!r})
            from wk_tui.session_store import SessionStore
            SessionStore.open({str(link)!r})
            print("locked", flush=True)
            time.sleep(30)
            """),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline().strip() == b"locked"
        with pytest.raises(LockedError, match=f"pid {holder.pid}"):
            SessionLock(session).acquire()
    finally:
        holder.kill()
        holder.wait()
    # The dead holder's lock file is left behind: taken over with a notice.
    store = SessionStore.open(session)
    assert any(str(holder.pid) in str(n) and "no longer running" in str(n) for n in store.notices)
    store.close()


def test_saving_through_a_symlink_writes_the_target(session, tmp_path):
    link = tmp_path / "link.toml"
    link.symlink_to(session)
    store = SessionStore.open(link)
    cid = store.questionnaire.criteria[0].id
    store.rate(cid, "nein")
    assert store.flush()
    store.close()
    assert link.is_symlink() and os.readlink(link) == str(session)
    assert load_session(session)[0].value(cid) == "nein"
    assert (tmp_path / "s.toml.bak").exists() and not (tmp_path / "link.toml.bak").exists()


def test_planted_temp_symlink_is_not_followed(tmp_path):
    target = tmp_path / "s.toml"
    target.write_text("old")
    victim = tmp_path / "victim"
    victim.write_text("precious")
    # Every name the old scheme could use, for this pid: all planted.
    for name in (f".s.toml.{os.getpid()}.tmp", f".s.toml.bak.{os.getpid()}.tmp"):
        (tmp_path / name).symlink_to(victim)
    atomic_write(target, b"new")
    assert victim.read_text() == "precious"
    assert target.read_text() == "new" and not target.is_symlink()
    tmp_files = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp") and not p.is_symlink()]
    assert tmp_files == []


def test_new_files_are_private(tmp_path):
    old = os.umask(0)
    try:
        atomic_write(tmp_path / "new.toml", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "new.toml").stat().st_mode & 0o777 == 0o600
