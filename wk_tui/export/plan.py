"""Plan and write an export: the one path for every report file (CLI and TUI).

:func:`plan_export` picks the target (stdout, a file, or the default name inside a
directory), the format (``--format``, else the extension, else Markdown), refuses the
session file itself and its companions (``.bak``, ``.lock``) by file identity, not by
spelling, and says whether the target exists. :func:`write_export` writes the bytes:

- a new target is created exclusively: the data goes to a temp file that is then
  hard-linked to the target, so of two exports racing for the same name exactly one wins
  and the other gets "file exists" (a file system without hard links falls back to
  ``O_EXCL``);
- an existing target is only replaced with ``overwrite`` and then atomically (rename);
- permissions: what the user's umask gives new files, or 0600 with ``private``; replacing
  a file never widens its permissions.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

from ..errors import WkError
from ..record import Record
from ..session import Session
from . import ALL_FORMATS, EXTENSIONS, default_filename

#: Files that belong to a session and must never be an export target.
COMPANIONS = ("", ".bak", ".lock")


class UsageError(WkError):
    """A bad combination of arguments (exit code 2, like argparse)."""

    exit_code = 2


class ExportPlan(Record):
    fmt: str
    target: Path | None  # None: standard output
    exists: bool = False


def output_format(fmt: str | None, output: Path | None) -> str:
    """``fmt`` if given, else from the output file's extension, else Markdown."""
    if fmt:
        if fmt not in ALL_FORMATS:
            raise UsageError(
                "unknown format {fmt}; use one of {formats}",
                fmt=repr(fmt),
                formats=", ".join(ALL_FORMATS),
            )
        return fmt
    if output is None or str(output) == "-" or output.is_dir():
        return "md"
    ext = output.suffix.lower().lstrip(".")
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    raise UsageError(
        "cannot tell the format from the file name {name}; use --format {formats} or an "
        "extension {extensions}",
        name=repr(str(output)),
        formats="|".join(ALL_FORMATS),
        extensions=" ".join("." + f for f in ALL_FORMATS),
    )


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _is_companion(target: Path, session_path: Path) -> bool:
    """Is ``target`` the session file, its ``.bak`` or its ``.lock`` (however spelled)?"""
    session_path = Path(session_path)
    real = Path(os.path.realpath(target))  # follows symlinks, also dangling ones
    folder = _identity(session_path.parent if str(session_path.parent) else Path("."))
    for suffix in COMPANIONS:
        companion = session_path.with_name(session_path.name + suffix)
        ident = _identity(companion)
        if ident is not None and ident == _identity(target):
            return True  # the same file: another name, a hard link or a symlink
        if real.name == companion.name and folder is not None:
            if _identity(real.parent) == folder:
                return True  # not there yet (no .bak so far), but that very name
    return False


def plan_export(
    session_path: Path,
    session: Session,
    output: Path | str | None,
    fmt: str | None = None,
    today: dt.date | None = None,
) -> ExportPlan:
    """Where and how to export ``session`` (stored at ``session_path``).

    ``output`` is None or "-" for stdout, an existing directory for the default file
    name, or a file. Raises WkError for a target that must never be written.
    """
    out = None if output is None or str(output) in ("", "-") else Path(output).expanduser()
    fmt = output_format(fmt, out)
    if out is None:
        return ExportPlan(fmt, None)
    target = out / default_filename(session, fmt, today) if out.is_dir() else out
    if target.is_dir():
        raise WkError("is a directory; give a file name or an existing directory", target)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise WkError("directory not found", target.parent)
    if _is_companion(target, session_path):
        raise WkError(
            "is the session file itself (or its .bak/.lock); choose another output file", target
        )
    return ExportPlan(fmt, target, os.path.lexists(target))


def write_export(
    plan: ExportPlan,
    data: bytes,
    session_path: Path,
    overwrite: bool = False,
    private: bool = False,
) -> Path:
    """Write ``data`` to ``plan.target``; see the module docstring for the rules."""
    target = plan.target
    if target is None:
        raise ValueError("write_export needs a file target; stdout is written by the caller")
    # The file system may have changed since the plan was made: check again.
    if _is_companion(target, session_path):
        raise WkError(
            "is the session file itself (or its .bak/.lock); choose another output file", target
        )
    if os.path.lexists(target) and not overwrite:
        raise WkError("file exists; use --force to overwrite it", target)
    mode = 0o600 if private else 0o666  # the umask applies to the new file
    tmp = _temp_file(target, data, mode)
    try:
        if overwrite:
            _narrow_to(tmp, target)
            os.replace(tmp, target)
        else:
            _link_new(tmp, target, data, mode)
    except OSError as exc:
        raise WkError("cannot write file: {error}", target, error=exc.strerror or exc) from None
    finally:
        tmp.unlink(missing_ok=True)
    _sync_dir(target.parent)
    return target


def _temp_file(target: Path, data: bytes, mode: int) -> Path:
    """A fsynced temp file next to ``target`` holding ``data``."""
    parent = target.parent if str(target.parent) else Path(".")
    for n in range(100):
        tmp = parent / f".{target.name}.{os.getpid()}.{n}.export-tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
        except OSError as exc:
            raise WkError("cannot write file: {error}", target, error=exc.strerror or exc) from None
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise WkError("cannot write file: {error}", target, error=exc.strerror or exc) from None
        return tmp
    raise WkError("cannot write file: {error}", target, error="too many temporary files")


def _narrow_to(tmp: Path, target: Path) -> None:
    """Replacing a file never widens its permissions."""
    try:
        old = os.stat(target).st_mode & 0o777
    except OSError:
        return
    new = os.stat(tmp).st_mode & 0o777
    if new & ~old:
        os.chmod(tmp, new & old)


def _link_new(tmp: Path, target: Path, data: bytes, mode: int) -> None:
    """Make ``target`` exist with ``data``, failing if anything is already there."""
    try:
        os.link(tmp, target)
        return
    except FileExistsError:
        raise WkError("file exists; use --force to overwrite it", target) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK):
            raise
    # No hard links here: create exclusively and write in place.
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        raise WkError("file exists; use --force to overwrite it", target) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _sync_dir(directory: Path) -> None:
    try:
        dfd = os.open(directory if str(directory) else ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        return  # some file systems cannot sync a directory; the data itself is synced
    finally:
        os.close(dfd)
