"""Line-by-line input and output for screen readers, braille displays and pipes.

Output is plain lines of text: no cursor addressing, colour, box drawing or spinner, and
every text goes through :func:`plain` first, so no control character (above all no ESC)
from a session or questionnaire file can reach the terminal. Input is read one line at a
time from standard input; the end of input is reported as ``None``.
"""

from __future__ import annotations

import sys
import unicodedata
from typing import TextIO

from ..questionnaire import Questionnaire, translated

#: Characters dropped from output besides the C0/C1 controls: bidi overrides and isolates
#: (they can reorder what a reader hears) and the line/paragraph separators.
_INVISIBLE = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def plain(text: object) -> str:
    """One line of text without any control character: whitespace runs become one space."""
    out = []
    for ch in str(text):
        if ch in _INVISIBLE:
            continue
        if ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def shown_questionnaire(base: Questionnaire, lang: str) -> Questionnaire:
    """``base`` in the UI language when a translation is bundled (as the TUI shows it);
    ratings are keyed by id, so saving is the same either way."""
    return translated(base, lang)


class Prompter:
    """Writes lines and asks questions on a pair of text streams."""

    def __init__(self, inp: TextIO | None = None, out: TextIO | None = None) -> None:
        self.inp = inp if inp is not None else sys.stdin
        self.out = out if out is not None else sys.stdout
        for stream in (self.inp, self.out):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="replace")  # never fail on a character the locale lacks
        # Typed input is echoed by the terminal; without one, end the prompt's line so the
        # transcript of a scripted run reads one line per prompt.
        self.echoed = _isatty(self.inp)

    def say(self, *lines: object) -> None:
        for line in lines:
            self.out.write(plain(line) + "\n")
        self.out.flush()

    def ask(self, question: str) -> str | None:
        """Write ``question`` and read one line; ``None`` at the end of input."""
        self.out.write(plain(question) + (" " if self.echoed else "\n"))
        self.out.flush()
        if self.inp is None or self.inp.closed:
            return None
        line = self.inp.readline()
        if not line:
            if self.echoed:
                self.out.write("\n")  # Ctrl-D leaves the cursor after the prompt
            return None
        return line.rstrip("\r\n")


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except ValueError:
        return False
