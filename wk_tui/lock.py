"""One writer per session file, whatever name the file is reached by.

A :class:`SessionLock` holds two ``flock`` locks, both dropped by the kernel when the
process dies (so a lock file left behind by a killed run is harmless and taken over):

- on the session file itself (its device and inode): a symlink or a hard link to the same
  file meets the same lock, and deleting ``<name>.lock`` does not free it. Each save
  replaces the file by a new inode; :func:`wk_tui.atomic.atomic_write` hands the new
  inode to :meth:`SessionLock.hold_new` before the rename, so it is never unlocked;
- on ``<real name>.lock`` (symlinks resolved), which also guards a file that does not
  exist yet and holds ``pid``/``host``/``since`` for the "who has it open" message.

A lock file written on *another host* (a shared or synced folder) cannot be checked by
pid: it is a real lock for a day after its ``since``, and taken over as stale after that.
A session this process may not write (a read-only folder or file) raises
:class:`~wk_tui.errors.ReadOnlyError` before anything is created beside it.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import json
import os
import socket
from pathlib import Path

from .atomic import real_path
from .errors import LockedError, Notice, ReadOnlyError, WkError

#: a lock file from another host is stale (taken over) once it is older than this
STALE_AFTER = dt.timedelta(days=1)
_DENIED = (errno.EACCES, errno.EPERM, errno.EROFS)


def _now_iso() -> str:

    return dt.datetime.now(dt.UTC).astimezone().replace(microsecond=0).isoformat()


def unwritable(path: Path) -> ReadOnlyError | None:
    """Why this process may not write the session file ``path`` (None: it may).

    Asked before a lock, temporary or backup file is made beside it: a folder the user
    cannot write (or a read-only mount), or a file without write permission.
    """
    real = real_path(Path(path))
    folder = real.parent
    if not folder.is_dir():
        return None  # opening the lock file says "folder does not exist"
    if not os.access(folder, os.W_OK | os.X_OK):
        return ReadOnlyError(
            "cannot write here: the folder {folder} is read-only for you",
            path,
            "folder",
            folder=str(folder),
        )
    if os.path.lexists(real) and not os.access(real, os.W_OK):
        return ReadOnlyError("cannot write here: the file is read-only for you", path, "file")
    return None


def stale(info: dict, now: dt.datetime | None = None) -> bool:
    """A lock file of another host older than :data:`STALE_AFTER` (or without a readable
    time): its holder cannot be asked whether it still runs, so age decides."""
    try:
        since = dt.datetime.fromisoformat(str(info.get("since")))
    except ValueError:
        return True
    if since.tzinfo is None:
        since = since.astimezone()
    return (now or dt.datetime.now(dt.UTC)) - since > STALE_AFTER


def _try_flock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _same_inode(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except FileNotFoundError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


class SessionLock:
    """Advisory, exclusive write lock for one session file (by identity, not by name)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.real = real_path(self.path)
        self.lock_path = self.real.with_name(self.real.name + ".lock")
        self.fd: int | None = None  # the .lock file
        self.file_fd: int | None = None  # the session file's current inode
        self._next_fd: int | None = None
        #: set when a lock file of a dead process was found and taken over
        self.took_over: dict | None = None

    def holder(self) -> dict:
        try:
            info = json.loads(self.lock_path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return info if isinstance(info, dict) else {}

    def _refuse(self, info: dict) -> LockedError:
        who = (
            f"pid {info.get('pid', '?')} on {info.get('host', '?')} since {info.get('since', '?')}"
            if info
            else "another program (under another name: a link, or its lock file was deleted)"
        )
        return LockedError(
            "session is open for writing by {who}; open it read-only or close the other program",
            self.path,
            info,
            who=who,
        )

    def _lock_path_file(self) -> int:
        while True:
            try:
                fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
            except OSError as exc:
                if exc.errno in _DENIED:
                    raise ReadOnlyError(
                        "cannot write here: {error}", self.path, "denied", error=exc.strerror
                    ) from None
                if isinstance(exc, FileNotFoundError):
                    raise WkError(
                        "cannot open the session for writing: folder does not exist", self.path
                    ) from None
                raise WkError(
                    "cannot open the session for writing: {error}",
                    self.path,
                    error=exc.strerror or str(exc),
                ) from None
            if not _try_flock(fd):
                os.close(fd)
                raise self._refuse(self.holder())
            # The previous holder may have unlinked the file between our open and flock:
            # only a lock on the inode that is still at the path counts.
            if _same_inode(fd, self.lock_path):
                return fd
            os.close(fd)

    def _lock_session_file(self) -> int | None:
        while True:
            try:
                fd = os.open(self.real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            except FileNotFoundError:
                return None  # a file being created: the .lock file guards it
            except OSError:
                return None  # not openable (e.g. permissions): the loader reports it
            if not _try_flock(fd):
                os.close(fd)
                return -1
            if _same_inode(fd, self.real):
                return fd
            os.close(fd)  # replaced by a save meanwhile: lock the new inode

    def acquire(self) -> SessionLock:
        denied = unwritable(self.path)
        if denied is not None:
            raise denied
        fd = self._lock_path_file()
        previous = self.holder()
        host = socket.gethostname()
        other_host = previous.get("host") not in (None, host)
        if other_host and not stale(previous):
            # Nobody here holds it, but a process on that host may: a real lock for a day.
            os.close(fd)
            raise self._refuse(previous)
        file_fd = self._lock_session_file()
        if file_fd == -1:
            # Another writer holds the file under another name (link), or its lock file
            # was deleted: refuse, and leave no lock file of ours behind.
            info = previous if previous.get("pid") != os.getpid() else {}
            if not previous:
                self.lock_path.unlink(missing_ok=True)
            os.close(fd)
            raise self._refuse(info)
        if other_host:
            self.took_over = {**previous, "stale": True}  # older than a day
        elif previous.get("pid") not in (None, os.getpid()):
            self.took_over = previous  # the kernel dropped its lock: its process is gone
        info = {"pid": os.getpid(), "host": host, "since": _now_iso()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        self.fd, self.file_fd = fd, file_fd
        return self

    # -- called by atomic_write around the rename of a new version -------------------
    def hold_new(self, fd: int) -> None:
        """Lock the new file's inode before it is renamed over the session file."""
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a fresh inode: never contended
        self._next_fd = fd

    def switched(self) -> None:
        """The new inode is in place: let the old one go."""
        old, self.file_fd, self._next_fd = self.file_fd, self._next_fd, None
        if old is not None:
            os.close(old)

    def abandoned(self) -> None:
        if self._next_fd is not None:
            os.close(self._next_fd)
            self._next_fd = None

    def release(self) -> None:
        if self.fd is None:
            return
        if _same_inode(self.fd, self.lock_path):
            self.lock_path.unlink(missing_ok=True)
        os.close(self.fd)
        self.fd = None
        if self.file_fd is not None:
            os.close(self.file_fd)
            self.file_fd = None

    def __enter__(self) -> SessionLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def takeover_notice(path: Path, holder: dict) -> Notice:
    """The notice for a lock file taken over: its process is gone, or (another host) stale."""
    params = {"pid": holder.get("pid", "?"), "host": holder.get("host", "?")}
    if holder.get("stale"):
        return Notice(
            "took over the lock of pid {pid} on {host} from {since} (older than a day: stale)",
            path,
            since=holder.get("since", "?"),
            **params,
        )
    return Notice("took over the lock of pid {pid} on {host} (no longer running)", path, **params)
