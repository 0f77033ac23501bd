"""A per-user cache of parsed questionnaires, keyed by the file's content.

Parsing TOML is most of the cost of opening a big questionnaire (a 10,000-criterion file
of 4.7 MB takes ~1 s in ``tomllib``, while hashing it takes a few ms). The cache holds the
parsed and validated :class:`Questionnaire` as a pickle, named by a BLAKE2 hash of the
file's bytes, the path and the wk-tui version, so an edited file — whatever its mtime —
is never served stale, and a file that fails validation is never cached.

Only files of at least ``MIN_BYTES`` are cached (the bundled ones parse in ~10 ms). The
cache lives in the user's cache directory (``WK_TUI_CACHE_DIR`` overrides it), created
0700; an entry is read only when it is a regular file owned by the user and writable by
nobody else, since unpickling runs code. Any problem with the cache means a normal parse.
"""

from __future__ import annotations

import os
import pickle
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from . import __version__

MIN_BYTES = 256 * 1024
MAX_ENTRIES = 16
T = TypeVar("T")


def cache_dir() -> Path:
    override = os.environ.get("WK_TUI_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir  # only when a big file is loaded

    return Path(user_cache_dir("wk-tui"))


def _key(path: Path, data: bytes) -> str:
    import hashlib  # only for big files: the first paint of a small one needs none

    h = hashlib.blake2b(data, digest_size=20)
    h.update(b"\0" + str(path.resolve()).encode("utf-8", "surrogateescape"))
    h.update(b"\0" + __version__.encode())
    return h.hexdigest()


def _trusted(entry: Path) -> bool:
    try:
        st = entry.lstat()
    except OSError:
        return False
    return (
        stat.S_ISREG(st.st_mode)
        and st.st_uid == os.getuid()
        and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def cached(path: Path, data: bytes, parse: Callable[[], T], kind: type[T]) -> T:
    """``parse()`` through the cache; ``data`` is the file's bytes (already read)."""
    if len(data) < MIN_BYTES:
        return parse()
    folder = cache_dir()
    entry = folder / f"{_key(path, data)}.pickle"
    if _trusted(entry):
        try:
            value = pickle.loads(entry.read_bytes())
        except (
            OSError,
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ImportError,
            TypeError,
            ValueError,
        ):
            value = None
        if isinstance(value, kind):
            return value
    value = parse()
    _store(folder, entry, value)
    return value


def _store(folder: Path, entry: Path, value: object) -> None:
    """Write ``entry`` atomically (a cache: no fsync); failures are ignored on purpose."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".q.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        old = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-MAX_ENTRIES]:
            stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        return  # the cache is an optimisation: a read-only or full disk just parses again
