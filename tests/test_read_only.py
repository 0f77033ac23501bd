"""A session the user may not write is offered read-only: nothing is written beside it,
changes are refused (never kept only in memory), headless commands read it as usual.

The folder is made read-only for real: ``chmod`` for a normal user, a read-only tmpfs
for root (root ignores permissions, not a read-only mount). Where neither is possible
the kernel's answer is simulated (``os.access`` says no), so the code path still runs.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from cli_helpers import cli_env, wk_tui_argv
from conftest import EXAMPLE, ROOT
from textual.widgets import Input, Static
from tui_helpers import app_for, record_toasts, screen_text

from wk_tui.errors import ReadOnlyError, WkError
from wk_tui.files import load_session
from wk_tui.lock import SessionLock
from wk_tui.session_store import SessionStore

ROOT_USER = os.geteuid() == 0


@contextlib.contextmanager
def _read_only_mount(folder: Path):
    """A small tmpfs at ``folder`` holding the example, remounted read-only (root only)."""
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(folder)],
        capture_output=True,
    )
    if made.returncode != 0:
        yield False
        return
    try:
        shutil.copyfile(EXAMPLE, folder / "s.toml")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield True
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def read_only_folder(tmp_path, monkeypatch):
    """``(folder, session)``: a folder this process cannot write, holding a session."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if not ROOT_USER:
        shutil.copyfile(EXAMPLE, folder / "s.toml")
        folder.chmod(0o555)
        yield folder, folder / "s.toml"
        folder.chmod(0o755)
        return
    with _read_only_mount(folder) as mounted:
        if not mounted:  # no mount here: the kernel's "no" is simulated
            shutil.copyfile(EXAMPLE, folder / "s.toml")
            real_access = os.access

            def access(path, mode, **kw):
                inside = Path(path).resolve().is_relative_to(folder.resolve())
                return False if inside and mode & os.W_OK else real_access(path, mode, **kw)

            monkeypatch.setattr(os, "access", access)
        yield folder, folder / "s.toml"


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_read_only_folder_opens_read_only_and_writes_nothing(read_only_folder):
    folder, path = read_only_folder
    before = _listing(folder)
    with pytest.raises(ReadOnlyError) as refused:
        SessionStore.open(path)  # a plain writer (plain mode, scripts) is told why
    assert refused.value.reason == "folder" and "read-only" in str(refused.value)
    store = SessionStore.open(path, or_read_only=True)
    assert store.read_only and store.protected.reason == "folder"
    cid = store.questionnaire.criteria[0].id
    value = store.session.value(cid)
    with pytest.raises(ReadOnlyError, match="read-only"):
        store.rate(cid, "nein" if value != "nein" else "ja")  # not kept only in memory
    assert store.session.value(cid) == value
    assert store.flush() and not store.dirty
    store.close()
    assert _listing(folder) == before  # no lock, temp or backup file


def test_read_only_file_in_a_writable_folder(tmp_path, monkeypatch):
    path = tmp_path / "s.toml"
    shutil.copyfile(EXAMPLE, path)
    path.chmod(0o444)
    if ROOT_USER:  # root may write a 0444 file: simulate the user's view of it
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda p, m, **kw: False if Path(p) == path else real_access(p, m, **kw)
        )
    store = SessionStore.open(path, or_read_only=True)
    assert store.read_only and store.protected.reason == "file"
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]


def test_lock_refused_by_the_kernel_is_read_only_too(tmp_path, monkeypatch):
    """``os.access`` may say yes where the kernel says no (ACLs, SELinux, NFS)."""
    path = tmp_path / "s.toml"
    shutil.copyfile(EXAMPLE, path)
    real_open = os.open

    def deny_lock(p, flags, *args, **kw):
        if str(p).endswith(".lock"):
            raise PermissionError(errno.EACCES, "Permission denied", str(p))
        return real_open(p, flags, *args, **kw)

    monkeypatch.setattr(os, "open", deny_lock)
    with pytest.raises(ReadOnlyError, match="Permission denied") as refused:
        SessionLock(path).acquire()
    assert refused.value.reason == "denied"
    store = SessionStore.open(path, or_read_only=True)
    assert store.read_only and store.protected.reason == "denied"


def test_save_as_carries_the_session_to_a_new_file(read_only_folder, tmp_path):
    folder, path = read_only_folder
    store = SessionStore.open(path, or_read_only=True)
    (tmp_path / "taken.toml").write_text("x")
    with pytest.raises(WkError, match="exists"):
        store.save_as(tmp_path / "taken.toml")
    with pytest.raises(ReadOnlyError):
        store.save_as(folder / "copy.toml")
    assert store.read_only and not store.dirty  # refused: still the open session
    copy = store.save_as(tmp_path / "copy.toml")
    assert copy.session is store.session and not copy.read_only and not copy.dirty
    cid = store.questionnaire.criteria[0].id
    copy.rate(cid, "nein")
    assert copy.flush()
    copy.close()
    assert load_session(tmp_path / "copy.toml")[0].value(cid) == "nein"
    assert sorted(p.name for p in folder.iterdir()) == ["s.toml"]


def _unprivileged(cmd: list[str]) -> list[str]:
    """Run ``cmd`` as a user the permissions apply to (nobody, when the tests run as root)."""
    if not ROOT_USER:
        return cmd
    if shutil.which("setpriv") is None:
        pytest.skip("running a command as another user needs setpriv")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]


@pytest.fixture
def shared_read_only():
    """A 0555 folder with a 0444 session that any user can reach (tmp_path is 0700)."""
    base = Path(tempfile.mkdtemp(prefix="wk-ro-"))
    base.chmod(0o755)
    folder = base / "ro"
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / "s.toml")
    (folder / "s.toml").chmod(0o444)
    folder.chmod(0o555)
    try:
        yield folder, folder / "s.toml"
    finally:
        folder.chmod(0o755)
        shutil.rmtree(base)


@pytest.mark.parametrize(
    "args",
    [["summary"], ["summary", "--json"], ["validate"], ["export", "--format", "md"]],
    ids=["summary", "summary-json", "validate", "export-stdout"],
)
def test_headless_commands_read_a_read_only_session(shared_read_only, args):
    folder, path = shared_read_only
    before = _listing(folder)
    cmd = wk_tui_argv(args[0], str(path), *args[1:])
    done = subprocess.run(
        _unprivileged(cmd),
        capture_output=True,
        text=True,
        env=cli_env({"HOME": str(folder)}),
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    if args[0] != "validate":
        assert "fortgeschritten" in done.stdout  # the verdict, read from the file
    assert _listing(folder) == before


def test_open_as_a_real_user_falls_back_to_read_only(shared_read_only):
    """The real kernel's refusal (not a simulation), seen by the core."""
    folder, path = shared_read_only
    code = (
        "from wk_tui.session_store import SessionStore\n"
        f"s = SessionStore.open({str(path)!r}, or_read_only=True)\n"
        "print(s.read_only, s.protected.reason)\n"
        "s.close()\n"
    )
    done = subprocess.run(
        _unprivileged([sys.executable, "-c", code]),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "folder"]
    assert sorted(p.name for p in folder.iterdir()) == ["s.toml"]


async def test_tui_offers_read_only_and_refuses_ratings(read_only_folder):
    folder, path = read_only_folder
    before = _listing(folder)
    app = app_for(path)
    said = record_toasts(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "⚠ schreibgeschützt" in screen_text(app).splitlines()[0]
        assert any("schreibgeschützt" in m and "nicht gespeichert" in m for m in said), said
        cid = app.screen.criteria.criterion.id
        value = app.store.session.value(cid)
        await pilot.press("4")  # rate "nein": refused, politely
        await pilot.pause()
        assert app.store.session.value(cid) == value
        assert said[-1].startswith("Schreibgeschützt: Änderungen sind hier nicht möglich.")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0  # not "exit 3"
    assert _listing(folder) == before


async def test_tui_read_only_notice_in_english(read_only_folder):
    folder, path = read_only_folder
    app = app_for(path, language="en")
    said = record_toasts(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "⚠ write-protected" in screen_text(app).splitlines()[0]
        assert any(f"The folder {folder}" in m and "not saved" in m for m in said), said
        assert not any("schreibgeschützt" in m for m in said)


async def test_tui_saves_an_editable_copy_and_edits_it(read_only_folder, tmp_path):
    folder, path = read_only_folder
    before = _listing(folder)
    target = tmp_path / "kopie.toml"
    app = app_for(path)
    said = record_toasts(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        cid = app.screen.criteria.criterion.id
        await pilot.press("4")
        assert "Strg+P → „Bearbeitbare Kopie speichern“" in said[-1]  # how to edit
        await pilot.press("ctrl+p", *"Bearbeitbare Kopie", "enter")
        await pilot.pause()
        field = app.screen.query_one("#f-target", Input)
        assert field.value == str(Path.home() / "s-kopie.toml")  # a folder the user owns
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.path == target and not app.store.read_only
        assert f"Kopie gespeichert: {target} – Sie bearbeiten jetzt die Kopie." in said
        assert "schreibgeschützt" not in screen_text(app).splitlines()[0]
        await pilot.press("4")  # now a rating is made, in the copy, and shown
        await pilot.pause()
        row = next(ln for ln in screen_text(app).splitlines() if "Strukturen und Proz" in ln)
        assert "✘ nein" in row
        await pilot.press("q")
        await pilot.pause()
    app.store.close()
    assert load_session(target)[0].value(cid) == "nein"
    assert _listing(folder) == before  # the original is untouched


async def test_tui_copy_refused_where_it_cannot_be_written(read_only_folder, tmp_path):
    folder, path = read_only_folder
    (tmp_path / "taken.toml").write_text("x")
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.save_copy()
        await pilot.pause()
        field = app.screen.query_one("#f-target", Input)
        error = app.screen.query_one("#form-error", Static)
        for target, says in [
            (folder / "kopie.toml", "schreibgeschützt"),
            (tmp_path / "taken.toml", "existiert bereits"),
            ("  ", "Bitte eine Zieldatei angeben"),
        ]:
            field.value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            assert says in str(error.render())  # the form stays open and says why
            assert app.store.path == path and app.store.read_only
    assert sorted(p.name for p in folder.iterdir()) == ["s.toml"]
    assert (tmp_path / "taken.toml").read_text() == "x"


async def test_copy_command_only_for_a_write_protected_session(tmp_path):
    path = tmp_path / "s.toml"
    shutil.copyfile(EXAMPLE, path)
    for read_only, said in [
        (False, None),
        (True, "Nur-Lesen-Modus: Änderungen sind nicht möglich"),
    ]:
        app = app_for(path, read_only=read_only)
        toasts = record_toasts(app)
        async with app.run_test(size=(100, 30)) as pilot:
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert "Bearbeitbare Kopie speichern" not in titles  # asked for, or writable
            await pilot.press("4")
            await pilot.pause()
            assert (toasts[-1] if toasts else None) == said
        app.store.close()
