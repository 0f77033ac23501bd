"""Crash-safe file replacement and the clean-up of what a killed writer leaves behind.

``atomic_write`` writes a temporary file created by ``mkstemp`` (``O_EXCL``, random name,
mode 0600) in the target's own folder, fsyncs it, renames it over the target and fsyncs
the folder: after it returns, the new content is durable; if the process dies at any point
before, the target holds the old content. A symlinked target is written through: the link
stays, its target is replaced (with the target's ``.bak``).

Temporary names are ``.<name>.<pid>.<random>.tmp`` so that :func:`remove_orphans` can
recognise the files of a writer that was killed (its pid is dead) and only those.
"""

from __future__ import annotations

import fcntl
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lock import SessionLock


def real_path(path: Path) -> Path:
    """``path`` with symlinks resolved (the file a write must reach); works for new files."""
    return Path(os.path.realpath(path))


def _prefix(name: str) -> str:
    return f".{name}.{os.getpid()}."


def _fsync_dir(directory: Path) -> None:
    dfd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write(
    path: Path,
    data: bytes,
    keep_backup: bool = True,
    lock: SessionLock | None = None,
) -> None:
    """Replace ``path`` with ``data`` durably: either the old or the new file survives a crash.

    With ``lock`` (the session's write lock) the new inode is locked before it is renamed
    into place, so the file is never unlocked. Raises OSError if anything fails; the
    target is unchanged then.
    """
    path = real_path(path)
    directory = path.parent
    try:
        mode = path.stat().st_mode & 0o777
        exists = True
    except FileNotFoundError:
        mode, exists = 0o600, False
    fd, tmp_name = tempfile.mkstemp(prefix=_prefix(path.name), suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    owned = False
    try:
        _write_all(fd, data)
        os.fsync(fd)
        os.fchmod(fd, mode)
        if exists and keep_backup:
            _backup(path)
        if lock is not None:
            lock.hold_new(fd)
            owned = True
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        if lock is not None:
            lock.abandoned()
        raise
    finally:
        if not owned:
            os.close(fd)
    if lock is not None:
        lock.switched()
    _fsync_dir(directory)


def _backup(path: Path) -> None:
    """Hard-link the current file as ``<name>.bak`` (atomically; best effort)."""
    bak = path.with_name(path.name + ".bak")
    for _ in range(8):
        link = path.with_name(f"{_prefix(path.name)}{os.urandom(6).hex()}.tmp")
        try:
            os.link(path, link)
        except FileExistsError:
            continue
        except OSError:
            return  # file systems without hard links: a backup is nice to have
        try:
            os.replace(link, bak)
        except OSError:
            link.unlink(missing_ok=True)
        return


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return True  # not ours to judge
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def remove_orphans(path: Path) -> list[Path]:
    """Delete temp files of ``path`` left by writers that are dead; return what was removed.

    Only names of our own pattern (``.<name>.<pid>.<random>.tmp``) are touched, only when
    that pid no longer exists, and only regular files (never what a symlink points to).
    A file that a live writer is still using is also protected by its ``flock``.
    """
    path = real_path(path)
    pattern = re.compile(r"\." + re.escape(path.name) + r"\.(\d+)\.[A-Za-z0-9_]+\.tmp")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        m = pattern.fullmatch(entry.name)
        if not m or int(m.group(1)) == os.getpid() or _pid_alive(int(m.group(1))):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            fd = os.open(entry.path, os.O_RDONLY | os.O_NOFOLLOW)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a live holder keeps it
                os.unlink(entry.path)
            finally:
                os.close(fd)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
