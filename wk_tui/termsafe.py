"""Text from files is data: on a terminal, control characters are shown, never obeyed.

A session file may hold ESC, C1 controls (U+0080–U+009F), BEL, CR, backspace or DEL in any
text (a name, a note, a questionnaire title). Written to a terminal as they are, they can
set the clipboard (OSC 52), the window title, leave the alternate screen or overwrite what
the user reads. :func:`safe` is the one function every terminal surface uses: the TUI (a
line filter over everything it draws), ``summary``, ``export`` to a terminal, error and
warning lines. Files written with ``-o`` keep the data as it is.

C0 controls and DEL become their Unicode control pictures (ESC → ``␛``, BEL → ``␇``,
CR → ``␍``); C1 controls, which have no pictures, become ``\\x9b``-style escapes. Line
breaks and tabs stay where the surface allows them.
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

#: Every character a terminal may interpret: C0 (incl. \t, \n), DEL, C1.
CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_KEEP = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # \t and \n allowed


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟ (␛ for ESC, ␊ for a newline, ␉ for a tab)
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}"


def safe(text: str, allow_newlines: bool = True) -> str:
    """``text`` with every control character made visible (\\n and \\t kept if allowed)."""
    pattern = _KEEP if allow_newlines else CONTROLS
    if pattern.search(text) is None:
        return text
    return pattern.sub(_picture, text)


_JSON_RAW = re.compile(r"[\x7f-\x9f]")  # json.dumps escapes C0 itself, never these


def safe_json(text: str) -> str:
    """JSON text with DEL and C1 as ``\\u00XX`` escapes: still valid JSON, the same data."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def for_terminal(text: str, fmt: str) -> str:
    """An export or summary in ``fmt`` made safe for a terminal (the data stays readable)."""
    if fmt == "json":
        return safe_json(text)
    if fmt == "csv":
        text = text.replace("\r\n", "\n")  # CSV's CRLF line ends, not a CR to show
    return safe(text)


def is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def for_stream(text: str, stream: TextIO | None = None) -> str:
    """``text`` made safe if ``stream`` (default stdout) is a terminal, else unchanged."""
    return safe(text) if is_terminal(sys.stdout if stream is None else stream) else text
