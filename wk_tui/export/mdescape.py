"""Escape user text for CommonMark (+ GFM tables) so it is only ever literal text.

Everything that did not come from the report code itself goes through one of these:
municipality data, notes, workshop items and also questionnaire texts (a questionnaire
can be a user file). The rules:

- Control characters are dropped (no ANSI escapes reach a terminal); newlines, tabs and
  other whitespace runs become one space, so text cannot start a new block. Only
  :func:`lines` keeps line breaks, as hard breaks inside the block it is placed in.
- ``\\ ` * [ ] # ~`` are backslash-escaped everywhere; ``_`` unless it sits between two
  letters or digits (where CommonMark never reads it as emphasis).
- In table cells ``|`` becomes ``\\|`` as well (GFM splits cells before anything else).
- ``& < >`` become the entities ``&amp; &lt; &gt;``: no raw HTML, no autolinks.
- A leading block marker (``-``, ``+``, ``=``, ``1.``, ``1)``) is escaped, so the text
  cannot turn into a list, heading underline or quote wherever it is placed.
"""

from __future__ import annotations

import re

#: Replacements in this order (the backslash and the ampersand first).
_ESCAPES = (
    ("\\", "\\\\"),
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    *((ch, "\\" + ch) for ch in "`*[]#~"),
)
#: ``_`` unless between two letters/digits (``[^\\W_]`` is "alphanumeric").
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_PARAGRAPHS = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def clean(text: str) -> str:
    """Collapse whitespace to one space and drop other non-printable characters."""
    text = " ".join(text.split())
    if not text.isprintable():
        text = " ".join("".join(ch for ch in text if ch.isprintable()).split())
    return text


def inline(text: object) -> str:
    """One line of literal text, safe anywhere inline (list item, heading, paragraph)."""
    result = clean(str(text))
    for old, new in _ESCAPES:
        if old in result:
            result = result.replace(old, new)
    if "_" in result:
        # Escaping never changes whether a neighbour is alphanumeric, so this is exact.
        result = _UNDERSCORE.sub(r"\\_", result)
    if result[:1] in ("-", "+", "="):
        return "\\" + result
    m = _ORDERED.match(result)
    if m:
        return f"{m.group(1)}\\{result[m.end(1) :]}"
    return result


def cell(text: object) -> str:
    """Literal text for a GFM table cell: :func:`inline` plus ``|`` → ``\\|``."""
    return inline(text).replace("|", "\\|")


def block(text: object) -> str:
    """Literal multi-paragraph text: blank lines separate paragraphs, the rest is inline."""
    paragraphs = (inline(p) for p in _PARAGRAPHS.split(str(text).strip()))
    return "\n\n".join(p for p in paragraphs if p)


def lines(text: object, indent: str = "  ") -> str:
    """Literal text whose line breaks stay line breaks (CommonMark hard breaks).

    Each line is :func:`inline` (so it cannot start a block of its own); lines are joined
    with a backslash hard break and ``indent``, which keeps them inside a list item. Runs
    of blank lines become one empty line.
    """
    parts: list[str] = []
    for raw in str(text).strip().splitlines():
        line = inline(raw)
        if line or (parts and parts[-1]):
            parts.append(line)
    return ("\\\n" + indent).join(parts)
