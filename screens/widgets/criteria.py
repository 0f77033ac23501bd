"""The criteria of one action field: lean rows that render themselves (the details panel
for the current criterion is in ``details.py``).

A row is one widget with one ``render()`` whose height never depends on the cursor, so a
rating keystroke repaints two rows, the details and the sidebar — no re-layout. Widgets
announce intent (``Picked``, ``Clicked``); the field screen acts on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.containers import VerticalScroll
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from wk_tui.questionnaire import Criterion, Questionnaire
from wk_tui.session import Session

from ..base import tr
from ..keys import description_key, key_for
from .lines import LRU, ComponentStyles, StripCache, text_strip

WEAK = ("eher_nein", "nein")
LEFT = 14  # cells for the rating symbol and word
SCALE = ("ja", "eher_ja", "eher_nein", "nein", "keine_einschaetzung")
#: The key and the short label of each rating, read from the binding table.
RATE_KEYS = {v: key_for(f"rate({v!r})") for v in SCALE}
RATE_LABEL_KEYS = {v: description_key(f"rate({v!r})") for v in SCALE}
SYMBOL_STYLE = {
    "ja": "bold green",
    "eher_ja": "green",
    "eher_nein": "yellow",
    "nein": "bold red",
    "keine_einschaetzung": "italic",
}


class CriterionRow(Widget):
    """One criterion: rating symbol and word, title, note marker."""

    DEFAULT_CSS = """
    CriterionRow { height: auto; }
    CriterionRow > .criterion-row--current { background: $boost; }
    """
    #: The cursor row's background, drawn into its strips: no class change, no restyle.
    COMPONENT_CLASSES = {"criterion-row--current"}

    current = reactive(False)

    @dataclass
    class Clicked(Message):
        """The row was clicked (to make it current)."""

        index: int

    def __init__(
        self, criterion: Criterion, index: int, q: Questionnaire, session: Session, lang: str
    ) -> None:
        super().__init__()
        self.criterion, self.index, self.q, self.session, self.lang = (
            criterion,
            index,
            q,
            session,
            lang,
        )
        self.shown: tuple[str | None, str] | None = None  # (value, note) last rendered
        self._strips = StripCache(4)  # with and without the cursor, two ratings
        self._titles: LRU[list[Text]] = LRU(4)  # the wrapped title, by the same
        #: Whether the note marker was there when the height was measured (it may wrap).
        self.measured_note: bool | None = None
        self._cursor_style = ComponentStyles(self, "criterion-row--current")

    def state(self) -> tuple[str | None, str]:
        return self.session.value(self.criterion.id), self.session.note(self.criterion.id)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self.measured_note = bool(self.state()[1])
        return len(self._title_lines(width))

    def _title_lines(self, width: int) -> list[Text]:
        """The title (and note marker) wrapped into the cells right of the rating."""
        has_note = bool(self.state()[1])
        return self._titles.get((has_note, self.current, width), lambda: self._wrap(width))

    def _wrap(self, width: int) -> list[Text]:
        body = Text(self.criterion.title, "bold" if self.current else "", end="")
        if self.state()[1]:
            body.append(f"  ✎ {tr(self.lang, 'has_note')}", "italic cyan")
        return list(body.wrap(self.app.console, max(8, width - LEFT - 3)))

    def render_lines(self, crop: Region) -> list[Strip]:
        """Build this paint's lines once (``render_line`` is asked for them one by one)."""
        self.shown = self.state()
        width = self.content_size.width
        if self.current:
            (base,) = self._cursor_style.get()
        else:
            base = self.visual_style.rich_style
        key = (self.shown, self.current, width, base)
        self._strips.get(key, width, base, lambda: self._build(width, base))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        return self._strips.line(y)

    def _build(self, width: int, base: Style) -> list[Strip]:
        return [text_strip(line, width, base, self.app.console) for line in self.text_lines()]

    def text_lines(self) -> list[Text]:
        """Marker, rating (``LEFT`` cells) and the wrapped title, one ``Text`` per line.

        Plain lines drawn straight to strips: a ``Table.grid`` per row cost ~14 ms per key
        in measuring and rendering its columns.
        """
        value, _note = self.state()
        left = Text(no_wrap=True, overflow="ellipsis", end="")
        if value:
            step = self.q.step(value)
            left.append(f"{step.symbol:>3} ", SYMBOL_STYLE[value])
            left.append(step.label, SYMBOL_STYLE[value])
        else:
            left.append("  · ", "dim")
            left.append(tr(self.lang, "not_rated"), "dim italic")
        left.truncate(LEFT, overflow="ellipsis", pad=True)
        # The cursor is drawn, not styled with a border: the geometry never changes.
        first = Text(no_wrap=True, overflow="crop", end="")
        first.append("▌ " if self.current else "  ", "bold")
        first.append_text(left)
        out = [first]
        for i, line in enumerate(self._title_lines(self.size.width)):
            if i:
                out.append(Text(" " * (LEFT + 3), end=""))
            else:
                first.append(" ")
            out[-1].append_text(line)
        return out

    def on_click(self) -> None:
        self.post_message(self.Clicked(self.index))


class CriterionList(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Scrollable list of rows with a current index (keys come from the screen)."""

    DEFAULT_CSS = """
    CriterionList { height: 1fr; scrollbar-size-vertical: 1; }
    CriterionList:focus { border: none; }
    """

    index = reactive(0, repaint=False)  # the rows repaint themselves, not the list

    @dataclass
    class Moved(Message):
        """The current row changed."""

        row: CriterionRow

    def __init__(self, rows: list[CriterionRow], index: int = 0, **kwargs: object) -> None:
        super().__init__(*rows, **kwargs)
        self.rows = rows
        self._scroll_pending = False
        self.set_reactive(CriterionList.index, max(0, min(index, len(rows) - 1)))

    def on_mount(self) -> None:
        if self.rows:
            self.rows[self.index].current = True
            self.post_message(self.Moved(self.rows[self.index]))
            if self.index:  # a start below the top: visible once laid out
                self.call_after_refresh(self.scroll_to_widget, self.rows[self.index], animate=False)

    def watch_index(self, old: int, new: int) -> None:
        if not self.rows:
            return
        self.rows[old].current = False
        self.rows[new].current = True
        self._scroll_into_view(self.rows[new])
        self.post_message(self.Moved(self.rows[new]))

    def _scroll_into_view(self, row: CriterionRow) -> None:
        """Scroll only when the row is not fully in view (``scroll_to_widget`` walks every
        ancestor: ~3 ms per cursor key). Textual defers the scroll until after the next
        refresh, so while one is pending the offset is stale and the check is skipped."""
        window = Region(*self.scroll_offset, *self.scrollable_content_region.size)
        if not self._scroll_pending and window.contains_region(row.virtual_region_with_margin):
            return
        self._scroll_pending = True
        self.scroll_to_widget(row, animate=False)
        self.call_after_refresh(self._scrolled)

    def _scrolled(self) -> None:
        self._scroll_pending = False

    def move(self, delta: int) -> None:
        self.index = max(0, min(self.index + delta, len(self.rows) - 1))

    def move_to(self, index: int) -> None:
        self.index = index % len(self.rows)

    @property
    def criterion(self) -> Criterion:
        return self.rows[self.index].criterion

    def refresh_rows(self) -> None:
        """Re-render the rows whose rating or note changed (not all of them)."""
        for row in self.rows:
            state = row.state()
            if state != row.shown:
                # A note marker that comes or goes may wrap the title: only then can the
                # height change (rows never drawn yet need no layout for a new rating).
                row.refresh(layout=bool(state[1]) != row.measured_note)
