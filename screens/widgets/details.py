"""The details panel of the field screen: the current criterion's rating chips (always in
view) above its suggestion, note and guiding questions, which scroll when they do not fit.

The panel takes the space the criteria list leaves free. It is one widget of a fixed size
that draws its own visible window of the wrapped text and its own scrollbar, so neither a
cursor move nor a rating ever re-lays out the screen: one key, one frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from ..base import tr
from ..keys import key_for
from .criteria import RATE_KEYS, RATE_LABEL_KEYS, WEAK, CriterionRow
from .lines import LRU, ComponentStyles, text_strip


@dataclass
class Picked(Message):
    """A rating chip was clicked (``value`` "" for the clear chip)."""

    index: int
    value: str


class CriterionDetails(Widget):
    """Clickable rating chips, then suggestion (weak ratings), the whole note and the
    guiding questions, scrolled by the mouse wheel or the screen's details keys."""

    DEFAULT_CSS = """
    CriterionDetails {
        height: 1fr; min-height: 5; padding: 0 0 0 1; border-top: hkey $primary;
    }
    CriterionDetails > .details--track { background: $scrollbar-background; }
    CriterionDetails > .details--thumb { background: $scrollbar; }
    """
    COMPONENT_CLASSES = {"details--track", "details--thumb"}

    row: reactive[CriterionRow | None] = reactive(None, always_update=True, repaint=False)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.top = 0  # first body line shown
        self.lines = 0  # body lines at the last render
        self._shown_row: CriterionRow | None = None
        #: Wrapped bodies and finished windows of the criteria seen last (the cursor
        #: often goes back and forth).
        self._body: LRU[list[Text]] = LRU(16)
        self._window: LRU[list[Strip]] = LRU(16)
        self._chips: LRU[Strip] = LRU(8)
        self._shown: list[Strip] = []  # the lines on screen, one per line of the height
        self._shown_for: tuple[object, ...] | None = None  # see _drawn_for
        self._scroll_styles = ComponentStyles(self, "details--track", "details--thumb")

    def watch_row(self, row: CriterionRow | None) -> None:
        if row is not self._shown_row:
            self._shown_row, self.top = row, 0  # another criterion: from the top
        self.repaint()

    def show(self) -> None:
        """Bring the panel up to date with the current row's rating and note."""
        self.repaint()

    # ------------------------------------------------------------------ scrolling
    @property
    def window(self) -> int:
        """Body lines in view (below the chips)."""
        return max(0, self.content_size.height - 1)

    @property
    def max_offset(self) -> int:
        return max(0, self.lines - self.window)

    def scroll_by_lines(self, lines: int) -> None:
        offset = max(0, min(self.top + lines, self.max_offset))
        if offset != self.top:
            self.top = offset
            self.repaint()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.scroll_by_lines(2)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.scroll_by_lines(-2)

    # ------------------------------------------------------------------ rendering
    def chips(self, row: CriterionRow, width: int) -> Text:
        q, lang = row.q, row.lang
        value, _note = row.state()
        # Short labels where they fit on one line, else key and symbol only; the same
        # whatever is chosen, so the chips never move under the mouse.
        labels = {s.value: tr(lang, RATE_LABEL_KEYS[s.value]) for s in q.scale}
        need = sum(len(labels[s.value]) + len(s.symbol) + 5 for s in q.scale)
        full = width >= need
        out = Text(no_wrap=True, overflow="crop", end="")
        for step in q.scale:
            chosen = step.value == value
            style = Style.parse("reverse bold" if chosen else "underline") + Style.from_meta(
                {"@click": f"pick({step.value!r})"}
            )
            label = f" {labels[step.value]}" if full else ""
            out.append(f"{RATE_KEYS[step.value]}:{step.symbol}{label}", style)
            out.append("  ")
        clear = f"{key_for('clear')} {tr(lang, 'k_clear')}"
        if not full or need + len(clear) > width:
            clear = key_for("clear")
        out.append(clear, Style.parse("dim underline") + Style.from_meta({"@click": "pick('')"}))
        return out

    def body(self, row: CriterionRow) -> Text:
        c, lang = row.criterion, row.lang
        value, note = row.state()
        parts: list[Text] = []
        if value in WEAK and c.suggestion:
            part = Text(f"{tr(lang, 'suggestion')}: ", "bold yellow", end="")
            part.append(c.suggestion, "not bold")
            parts.append(part)
        if note.strip():
            parts.append(Text(f"✎ {note.strip()}", "italic cyan", end=""))
        if c.questions:
            part = Text(f"{tr(lang, 'questions')}:", "bold", end="")
            for question in c.questions:
                part.append(f"\n• {question}", "not bold")
            parts.append(part)
        return Text("\n", end="").join(parts)

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._shown_for != self._drawn_for():
            self._lines_now()  # e.g. a new size or theme: everything is drawn anyway
        return super().render_lines(crop)

    def _drawn_for(self) -> tuple[object, ...]:
        """What the lines on screen depend on (besides the questionnaire's text)."""
        row = self.row
        state = row.state() if row else None
        return (self.content_size, self.visual_style, row, state, self.top)

    def _lines_now(self) -> list[Strip]:
        """The panel's lines now, one per line of its height (blank below the text).

        The chips depend on the rating only, the body on whether it is weak and on the
        note: a new rating changes one line unless the suggestion comes or goes.
        """
        row, size, style = self.row, self.content_size, self.visual_style
        base = style.rich_style
        blank = Strip.blank(size.width, base)
        if row is None or size.width < 4:
            self._shown = [blank] * size.height
            self._shown_for = self._drawn_for()
            return self._shown
        value, note = row.state()
        content = (row, value in WEAK, note)
        body = self._body.get((content, size.width), lambda: self.wrapped(size.width))
        self.lines = len(body)
        self.top = min(self.top, self.max_offset)
        console = self.app.console
        chips = self._chips.get(
            (value, size.width, base),
            lambda: text_strip(self.chips(row, size.width), size.width, base, console),
        )
        key = (content, size, self.top, base, self._scroll_styles.get())
        window = self._window.get(
            key,
            lambda: [text_strip(t, size.width, base, console) for t in self.window_lines(body)],
        )
        lines = [chips, *window][: size.height]
        self._shown = lines + [blank] * (size.height - len(lines))
        self._shown_for = self._drawn_for()  # after the clamp of ``top``
        return self._shown

    def repaint(self) -> None:
        """Mark only the lines that change dirty: Textual re-renders (and re-filters)
        every dirty line of a widget, and a rating changes only the chips."""
        size = self.content_size
        if not self.is_mounted or not size:
            self.refresh()
            return
        old, old_for = self._shown, self._shown_for
        new = self._lines_now()
        new_for = self._shown_for
        if old_for is None or new_for is None or old_for[:2] != new_for[:2] or len(old) != len(new):
            self.refresh()
            return
        regions = [
            Region(0, y, size.width, 1)
            for y, (was, now) in enumerate(zip(old, new, strict=True))
            if was is not now and was != now
        ]
        if regions:
            self.refresh(*regions)

    def render_line(self, y: int) -> Strip:
        return self._shown[y] if y < len(self._shown) else Strip.blank(self.content_size.width)

    def wrapped(self, width: int) -> list[Text]:
        """The body wrapped one cell short of the right edge (that column is the scrollbar)."""
        if self.row is None or width < 4:
            return []
        return list(self.body(self.row).wrap(self.app.console, width - 2))

    def window_lines(self, body: list[Text]) -> list[Text]:
        """The body lines in view with the scrollbar cell, each a ``Text`` of the width."""
        width = self.content_size.width
        window = self.window
        bar = self.scrollbar(window)
        shown = body[self.top : self.top + window]
        out = []
        for i, wrapped in enumerate(shown):
            line = wrapped.copy()  # the wrapped body is cached: never change it
            line.pad_right(width - 1 - line.cell_len)
            if bar:
                line.append_text(bar[i])
            out.append(line)
        for i in range(len(shown), window if bar else 0):
            out.append(Text(" " * (width - 1), end="") + bar[i])
        return out

    def scrollbar(self, window: int) -> list[Text]:
        """One cell per line in view: the thumb where the view is, else the track."""
        if self.lines <= window or window < 1:
            return []
        size = max(1, round(window * window / self.lines))
        start = round(self.top * (window - size) / max(1, self.max_offset))
        track, thumb = self._scroll_styles.get()
        return [Text(" ", thumb if start <= i < start + size else track) for i in range(window)]

    def action_pick(self, value: str) -> None:
        if self.row is not None:
            self.post_message(Picked(self.row.index, value))
