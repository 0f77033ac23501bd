"""Parse TOML with errors that name file, line and column, and locate key paths.

``tomllib`` does not keep source positions, so semantic errors (wrong type, unknown
value) are mapped back to a line by scanning the source for the table header and key.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from .errors import WkError

_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"^\s*\[\[?\s*(.+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')\s*(\.|=)")


def read_toml(path: Path) -> tuple[dict, str]:
    """Read and parse ``path``; raise WkError with file:line:col on any failure."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise WkError("file not found", path) from None
    except IsADirectoryError:
        raise WkError("is a directory, expected a TOML file", path) from None
    except OSError as exc:
        raise WkError("cannot read file: {error}", path, error=exc.strerror) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise WkError("not valid UTF-8 text", path, line) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _POS.search(msg)
        line = col = None
        if m:
            line, col = int(m.group(1)), int(m.group(2))
            msg = msg[: m.start()].strip()
        raise WkError("invalid TOML: {detail}", path, line, col, detail=msg) from None


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


def locate(text: str, keypath: tuple) -> tuple[int | None, int | None]:
    """Best-effort (line, column) of ``keypath`` (str keys, int list indexes) in ``text``."""
    names = [k for k in keypath if isinstance(k, str)]
    if not names:
        return None, None
    lines = text.splitlines()
    best: tuple[int | None, int | None] = (None, None)
    # Find the deepest table header that is a prefix of the path, honouring
    # array-of-tables indexes where given.
    table: list[str] = []
    counts: dict[tuple, int] = {}
    want_idx = {}
    names_so_far: list[str] = []
    for k in keypath:
        if isinstance(k, int):
            want_idx[tuple(names_so_far)] = k
        else:
            names_so_far.append(k)
    in_scope = True
    for no, line in enumerate(lines, 1):
        m = _HEADER.match(line)
        if m:
            table = _split_dotted(m.group(1))
            if line.lstrip().startswith("[["):
                key = tuple(table)
                counts[key] = counts.get(key, -1) + 1
                for sub in [c for c in counts if len(c) > len(key) and c[: len(key)] == key]:
                    del counts[sub]
            prefix_ok = names[: len(table)] == table
            idx_ok = all(
                counts.get(tuple(table[:i]), 0) == want_idx[tuple(table[:i])]
                for i in range(1, len(table) + 1)
                if tuple(table[:i]) in want_idx
            )
            in_scope = prefix_ok and idx_ok
            if in_scope and len(table) == len(names):
                best = (no, line.index("[") + 1)
            continue
        if not in_scope:
            continue
        km = _KEY.match(line)
        if km:
            rest = names[len(table) :]
            key = km.group(1).strip("\"'")
            if rest and key == rest[0]:
                return no, line.index(km.group(1)) + 1
    if best[0] is None:
        # Fall back to the first mention of the last key anywhere.
        for no, line in enumerate(lines, 1):
            col = line.find(names[-1])
            if col >= 0:
                return no, col + 1
    return best


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
        self.path, self.text, self.items = path, text, []

    def add(self, keypath: tuple, message: str, **params: object) -> None:
        """A problem at ``keypath``; ``message`` is an English template for ``params``."""
        line, col = locate(self.text, keypath)
        where = keypath_str(keypath)
        self.items.append(WkError(message, self.path, line, col, where, **params))

    def __bool__(self) -> bool:
        return bool(self.items)
