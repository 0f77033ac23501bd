""" "Saved" means durable: fault injection with kill -9 at random points.

A zygote process imports wk_tui once and forks one writer per round (so a round costs a
fork, not an interpreter start). The writer opens the session through the store, rates
and annotates in a loop, autosaves, and prints every revision the store acknowledges as
saved (``dirty`` false) — each line written before the next change. The test kills the
writer with SIGKILL at a random moment and then demands that the file on disk is valid
and holds at least the last acknowledged revision. The next round opens the same file,
so stale lock files and orphan temp files of killed writers are met and cleaned up.
"""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import subprocess
import sys
import textwrap
import time

from conftest import EXAMPLE, ROOT

from wk_tui.atomic import remove_orphans
from wk_tui.files import load_session
from wk_tui.session_store import SessionStore

ROUNDS = 200

ZYGOTE = textwrap.dedent(
    """
    import os, sys, time
    sys.path.insert(0, sys.argv[1])
    from wk_tui.session_store import SessionStore
    from wk_tui.questionnaire import bundled

    CID = bundled().criteria[0].id
    VALUES = ("ja", "eher_ja", "eher_nein", "nein")

    def writer(path, round_no):
        store = SessionStore.open(path)
        os.write(1, f"{os.getpid()} open\\n".encode())
        acked, i = 0, 0
        while True:
            i += 1
            store.rate(CID, VALUES[i % 4])
            store.set_note(CID, f"{round_no}:{store.revision + 1}")
            store.autosave()
            if store.saved_revision != acked:
                acked = store.saved_revision  # durable: say so
                os.write(1, f"{os.getpid()} ack {acked}\\n".encode())
            time.sleep(0.0005)

    for line in sys.stdin:
        path, round_no = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                writer(path, round_no)
            finally:
                os._exit(1)
        os.write(1, f"{pid} forked\\n".encode())
        os.waitpid(pid, 0)
        os.write(1, f"{pid} dead\\n".encode())
    """
)


class Lines:
    """Line reader over a pipe with a timeout."""

    def __init__(self, fd: int) -> None:
        self.fd, self.buf = fd, b""

    def next(self, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buf:
            left = deadline - time.monotonic()
            assert left > 0, "zygote stopped answering"
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                chunk = os.read(self.fd, 65536)
                assert chunk, "zygote died"
                self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode()


def test_acknowledged_revision_survives_kill_9(tmp_path):
    path = tmp_path / "s.toml"
    shutil.copyfile(EXAMPLE, path)
    path.chmod(0o600)
    zygote = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, str(ROOT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=False,
    )
    rng = random.Random(1234)
    out = Lines(zygote.stdout.fileno())
    kills = acked_rounds = 0
    try:
        for round_no in range(1, ROUNDS + 1):
            zygote.stdin.write(f"{path} {round_no}\n".encode())
            zygote.stdin.flush()
            first = out.next()  # "forked" (zygote) or "open" (child): both name the child
            pid = int(first.split()[0])
            state = {"open": first.endswith(" open"), "ack": 0, "dead": False}

            def until(key: str, pid: int = pid, state: dict = state) -> None:
                while not state[key]:
                    who, what, *rest = out.next().split()
                    assert int(who) == pid
                    if what == "ack":
                        state["ack"] = int(rest[0])
                    elif what in ("open", "dead"):
                        state[what] = True

            mode = rng.random()
            if mode < 0.2:  # while opening: lock, load, orphan clean-up
                time.sleep(rng.uniform(0, 0.01))
            else:  # while rating and writing: anywhere in write, fsync, rename
                until("open")
                if mode >= 0.5:  # after a first acknowledgement
                    until("ack")
                time.sleep(rng.uniform(0, 0.03))
            os.kill(pid, signal.SIGKILL)
            kills += 1
            until("dead")  # every line the child wrote comes before this
            acked = state["ack"]
            session, q = load_session(path, strict=False)  # never corrupt
            if acked:
                acked_rounds += 1
                cid = q.criteria[0].id
                on_disk_round, on_disk_rev = map(int, session.note(cid).split(":"))
                assert on_disk_round == round_no, f"round {round_no}: acked {acked} lost"
                assert on_disk_rev >= acked, f"round {round_no}: acked {acked}, disk {on_disk_rev}"
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=10)
    assert kills == ROUNDS
    assert acked_rounds >= ROUNDS * 2 // 5  # the kills really landed after acknowledgements
    # The next open cleans up every orphan temp file of the killed writers.
    store = SessionStore.open(path)
    store.close()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_dirty_until_the_writer_has_renamed(tmp_path, monkeypatch):
    """The old bug: autosave marked the revision saved when it queued it."""
    import threading

    import wk_tui.session_store as store_module

    path = tmp_path / "s.toml"
    shutil.copyfile(EXAMPLE, path)
    gate = threading.Event()
    real_write = store_module.atomic_write

    def slow_write(*args, **kwargs):
        gate.wait(5)
        real_write(*args, **kwargs)

    monkeypatch.setattr(store_module, "atomic_write", slow_write)
    store = SessionStore.open(path)
    cid = store.questionnaire.criteria[-1].id
    store.rate(cid, "nein")
    store.autosave()
    assert store.dirty  # handed over, not yet on disk
    gate.set()
    deadline = time.monotonic() + 5
    while store.dirty and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not store.dirty
    assert load_session(path)[0].value(cid) == "nein"
    store.close()


def test_failed_write_stays_dirty_and_is_retried(tmp_path, monkeypatch):
    import wk_tui.session_store as store_module

    path = tmp_path / "s.toml"
    shutil.copyfile(EXAMPLE, path)
    real_write = store_module.atomic_write
    fail = [True]

    def flaky(*args, **kwargs):
        if fail[0]:
            raise OSError(28, "No space left on device")
        real_write(*args, **kwargs)

    monkeypatch.setattr(store_module, "atomic_write", flaky)
    store = SessionStore.open(path)
    cid = store.questionnaire.criteria[-1].id
    store.rate(cid, "nein")
    assert store.flush() is False
    assert store.dirty and "No space left" in store.last_error
    fail[0] = False
    assert store.flush() is True
    assert not store.dirty and store.last_error is None
    store.close()
    assert load_session(path)[0].value(cid) == "nein"


def test_orphans_of_dead_writers_only(tmp_path):
    path = tmp_path / "s.toml"
    shutil.copyfile(EXAMPLE, path)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    orphan = tmp_path / f".s.toml.{dead.pid}.abc123.tmp"
    live = tmp_path / f".s.toml.{os.getppid()}.def456.tmp"
    other = tmp_path / f".other.toml.{dead.pid}.abc123.tmp"
    foreign = tmp_path / f".s.toml.{dead.pid}.tmp.keep"
    for p in (orphan, live, other, foreign):
        p.write_text("x")
    removed = remove_orphans(path)
    assert removed == [orphan]
    assert not orphan.exists() and live.exists() and other.exists() and foreign.exists()
