"""Parse TOML with errors that name file, line and column, and locate key paths.

``tomllib`` does not keep source positions, so semantic errors (wrong type, unknown
value) are mapped back to a line through an index of table headers and keys, built in
one linear pass per file (a file with 20,000 problems is judged in linear time).
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path

from .errors import WkError

_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"^\s*\[\[?\s*(.+?)\s*\]\]?\s*(#.*)?$")


#: Files larger than this are refused before parsing (a session is a few kB).
MAX_BYTES = 10 * 1024 * 1024


def read_text(path: Path) -> str:
    """The UTF-8 text of a regular file (BOM dropped); WkError for anything else.

    A FIFO, device or directory is refused from ``stat`` alone, never opened for reading
    (opening a FIFO blocks until a writer appears); a file over :data:`MAX_BYTES` is
    refused before it is read.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise WkError("file not found", path) from None
    except OSError as exc:
        raise WkError("cannot read file: {error}", path, error=exc.strerror) from None
    if stat.S_ISDIR(st.st_mode):
        raise WkError("is a directory, expected a TOML file", path)
    if not stat.S_ISREG(st.st_mode):
        raise WkError("is not a regular file (a pipe or a device?), expected a TOML file", path)
    if st.st_size > MAX_BYTES:
        raise WkError(
            "file is too large ({size} MB; the limit is {limit} MB)",
            path,
            size=f"{st.st_size / 1e6:.1f}",
            limit=MAX_BYTES // (1024 * 1024),
        )
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # never blocks, even if swapped
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise WkError("is not a regular file, expected a TOML file", path)
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise WkError("cannot read file: {error}", path, error=exc.strerror) from None
    if len(raw) > MAX_BYTES:
        raise WkError("file is too large (it grew while being read)", path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise WkError("not valid UTF-8 text", path, line) from None
    return text[1:] if text.startswith("\ufeff") else text  # a BOM from Windows editors


def read_toml(path: Path) -> tuple[dict, str]:
    """Read and parse ``path``; raise WkError with file:line:col on any failure."""
    return parse_toml(read_text(path), path)


def parse_toml(text: str, path: Path) -> tuple[dict, str]:
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _POS.search(msg)
        line = col = None
        if m:
            line, col = int(m.group(1)), int(m.group(2))
            msg = msg[: m.start()].strip()
        elif "(at end of document)" in msg:
            msg = msg.replace("(at end of document)", "").strip() + " at the end of the file"
            line = text.count("\n") + (0 if text.endswith("\n") else 1)
        raise WkError("invalid TOML: {detail}", path, line or 1, col, detail=msg) from None
    except RecursionError:
        raise WkError(
            "invalid TOML: arrays or tables nested too deeply", path, _deep_line(text)
        ) from None


def _deep_line(text: str, limit: int = 100) -> int:
    """The line where bracket nesting first gets deeper than ``limit`` (strings ignored)."""
    depth, line, quote = 0, 1, ""
    for ch in text:
        if ch == "\n":
            line += 1
        elif quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return line
        elif ch in "]}":
            depth -= 1
    return 1


def _split_dotted(text: str) -> list[str]:
    parts, buf, quote = [], "", None
    for ch in text:
        if quote:
            if ch == quote:
                quote = None
            else:
                buf += ch
        elif ch in "\"'":
            quote = ch
        elif ch == ".":
            parts.append(buf.strip())
            buf = ""
        else:
            buf += ch
    parts.append(buf.strip())
    return parts


_KEYPART = r"""(?:[A-Za-z0-9_\-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_KEYLINE = re.compile(rf"^\s*({_KEYPART}(?:\s*\.\s*{_KEYPART})*)\s*=")


def _index(text: str) -> tuple[dict, dict]:
    """One pass over ``text``: key path → (line, col), and last key name → (line, col).

    Paths carry array-of-tables indexes (``("fields", 2, "criteria", 0, "id")``). Lines
    inside multi-line strings are skipped. Linear in the size of the text.
    """
    where: dict[tuple, tuple[int, int]] = {}
    by_name: dict[str, tuple[int, int]] = {}
    table: tuple = ()
    counts: dict[tuple, int] = {}
    in_string = ""
    for no, line in enumerate(text.splitlines(), 1):
        if in_string:
            if line.count(in_string) % 2:
                in_string = ""
            continue
        m = _HEADER.match(line)
        if m:
            names = _split_dotted(m.group(1))
            if line.lstrip().startswith("[["):
                key = tuple(names)
                counts[key] = counts.get(key, -1) + 1
                for sub in [c for c in counts if len(c) > len(key) and c[: len(key)] == key]:
                    del counts[sub]
            path: list = []
            for i, name in enumerate(names):
                path.append(name)
                if tuple(names[: i + 1]) in counts:
                    path.append(counts[tuple(names[: i + 1])])
            table = tuple(path)
            pos = (no, line.index("[") + 1)
            where.setdefault(table, pos)
            if names:
                by_name.setdefault(names[-1], pos)
            continue
        k = _KEYLINE.match(line)
        if k:
            parts = _split_dotted(k.group(1))
            pos = (no, line.index(k.group(1)[0]) + 1)
            where.setdefault(table + (parts[0],), pos)
            where.setdefault(table + tuple(parts), pos)
            by_name.setdefault(parts[-1], pos)
        for quote in ('"""', "'''"):
            if line.count(quote) % 2:
                in_string = quote
                break
    return where, by_name


_LAST: list = [None, None]  # (text, index): problems of one file share one index


def _cached_index(text: str) -> tuple[dict, dict]:
    if _LAST[0] is not text:
        _LAST[:] = [text, _index(text)]
    return _LAST[1]


def locate(text: str, keypath: tuple) -> tuple[int | None, int | None]:
    """(line, column) of ``keypath`` (str keys, int indexes) in ``text``.

    The exact key if it is written; else the nearest written table or key above it
    (e.g. the table a missing key belongs in); else the first mention of its name;
    else line 1 (a missing top-level key). Constant time after one linear pass.
    """
    where, by_name = _cached_index(text)
    path = tuple(keypath)
    if path in where:
        return where[path]
    names = tuple(k for k in path if isinstance(k, str))
    if names in where:  # list indexes of plain arrays are not in the index
        return where[names]
    for n in range(len(path) - 1, 0, -1):
        if path[:n] in where:
            return where[path[:n]]
    if names and names[-1] in by_name:
        return by_name[names[-1]]
    return 1, 1


def keypath_str(keypath: tuple) -> str:
    out = ""
    for k in keypath:
        if isinstance(k, int):
            out += f"[{k}]"
        else:
            piece = k if re.fullmatch(r"[A-Za-z0-9_\-]+", k) else f'"{k}"'
            out += ("." if out else "") + piece
    return out


class Problems:
    """Collects validation problems with positions resolved against the source."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text
        self.items: list[WkError] = []

    def add(self, keypath: tuple, message: str, **params: object) -> None:
        """A problem at ``keypath``; ``message`` is an English template for ``params``."""
        line, col = locate(self.text, keypath)
        where = keypath_str(keypath)
        self.items.append(WkError(message, self.path, line, col, where, **params))

    def __bool__(self) -> bool:
        return bool(self.items)
