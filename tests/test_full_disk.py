"""A full disk: the save fails visibly, the file on disk stays whole, the change stays
pending and is written once there is space again (a real ENOSPC on a small tmpfs)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import EXAMPLE

from wk_tui.files import load_session
from wk_tui.session_store import SessionStore


@pytest.fixture
def small_disk(tmp_path):
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a full-disk test needs root to mount a small tmpfs")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_full_disk_keeps_the_old_file_and_the_pending_change(small_disk):
    path = small_disk / "s.toml"
    shutil.copyfile(EXAMPLE, path)
    before = path.read_bytes()
    store = SessionStore.open(path)
    filler = small_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass  # the disk is full now
    finally:
        os.close(fd)
    cid = store.questionnaire.criteria[-1].id
    store.set_note(cid, "x" * 20_000)
    assert store.flush() is False
    assert store.dirty and "No space left" in (store.last_error or "")
    assert path.read_bytes() == before  # the old version, whole
    assert not [p for p in small_disk.iterdir() if p.name.endswith(".tmp")]
    filler.unlink()
    assert store.flush() is True and not store.dirty
    store.close()
    assert load_session(path)[0].note(cid) == "x" * 20_000
