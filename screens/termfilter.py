"""The TUI's last line of defence: no control character from data reaches the terminal.

Every line Textual draws passes the app's line filters. :class:`ControlPictures` replaces
control characters in segment text (and in link targets) with their visible forms from
:func:`wk_tui.termsafe.safe`, so a note holding ``ESC ] 52 ; …`` shows ``␛]52;…`` instead
of setting the clipboard. Textual's own escape sequences are not segment text and pass.
The line keeps its width: a control character measures zero cells, its picture one, so
the line is trimmed back to the width it was laid out for.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter

from wk_tui.termsafe import CONTROLS, safe


class ControlPictures(LineFilter):
    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        # Almost every line is clean: one search over the line's text and links decides.
        texts = [
            text if style is None else text + (style.link or "") for text, style, _ in segments
        ]
        if CONTROLS.search("".join(texts)) is None:
            return segments
        changed = False
        out = []
        for segment in segments:
            text, style, control = segment
            if control is None:
                link = style.link if style is not None else None
                if CONTROLS.search(text) is not None:
                    text, changed = safe(text, allow_newlines=False), True
                if style is not None and link and CONTROLS.search(link) is not None:
                    style, changed = style + Style(link=safe(link, allow_newlines=False)), True
                segment = Segment(text, style)
            out.append(segment)
        if not changed:
            return segments
        width = Segment.get_line_length(segments)
        return Segment.adjust_line_length(out, width)
