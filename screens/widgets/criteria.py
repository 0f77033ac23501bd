"""The criteria of one action field: one line-based list (the details panel for the
current criterion is in ``details.py``).

The list is a single widget that draws its own lines (Textual's Line API through
``ScrollView``), not a widget per criterion: the compositor asks every widget in a dirty
area for its lines on every frame, so a widget per row made each key cost grow with the
number of rows in view. A row's height never depends on the cursor, so a rating repaints
the lines of two rows — no re-layout unless a note marker comes or goes. The list
announces intent (``Clicked``); the field screen acts on it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

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


class CriterionRow:
    """One criterion as the list shows it: rating symbol and word, title, note marker.

    Plain data, not a widget: the list draws the rows (see :class:`CriterionList`).
    """

    def __init__(
        self, criterion: Criterion, index: int, q: Questionnaire, session: Session, lang: str
    ) -> None:
        self.criterion, self.index, self.q, self.session, self.lang = (
            criterion,
            index,
            q,
            session,
            lang,
        )
        self.shown: tuple[str | None, str] | None = None  # (value, note) last drawn
        self.strips = StripCache(4)  # with and without the cursor, two ratings
        self._titles: LRU[list[Text]] = LRU(4)  # the wrapped title, by what it shows

    def state(self) -> tuple[str | None, str]:
        return self.session.value(self.criterion.id), self.session.note(self.criterion.id)

    def height(self, width: int, console: Console) -> int:
        """Lines at ``width`` (the cursor never changes it: bold is as wide)."""
        return len(self._title_lines(width, False, console))

    def _title_lines(self, width: int, current: bool, console: Console) -> list[Text]:
        """The title (and note marker) wrapped into the cells right of the rating."""
        has_note = bool(self.state()[1])
        return self._titles.get(
            (has_note, current, width), lambda: self._wrap(width, current, console)
        )

    def _wrap(self, width: int, current: bool, console: Console) -> list[Text]:
        body = Text(self.criterion.title, "bold" if current else "", end="")
        if self.state()[1]:
            body.append(f"  ✎ {tr(self.lang, 'has_note')}", "italic cyan")
        return list(body.wrap(console, max(8, width - LEFT - 3)))

    def draw(self, width: int, current: bool, base: Style, console: Console) -> list[Strip]:
        """This row's lines as strips ``width`` cells wide (kept for the last few looks)."""
        self.shown = state = self.state()
        key = (state, current, width, base)
        return self.strips.get(
            key,
            width,
            base,
            lambda: [
                text_strip(line, width, base, console)
                for line in self.text_lines(width, current, console)
            ],
        )

    def text_lines(self, width: int, current: bool, console: Console) -> list[Text]:
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
        first.append("▌ " if current else "  ", "bold")
        first.append_text(left)
        out = [first]
        for i, line in enumerate(self._title_lines(width, current, console)):
            if i:
                out.append(Text(" " * (LEFT + 3), end=""))
            else:
                first.append(" ")
            out[-1].append_text(line)
        return out


class CriterionList(ScrollView, can_focus=True, inherit_bindings=False):
    """The rows of one field with a current index (keys come from the screen)."""

    DEFAULT_CSS = """
    CriterionList {
        height: auto; scrollbar-size-vertical: 1; overflow-x: hidden; overflow-y: auto;
    }
    CriterionList:focus { border: none; }
    CriterionList > .criterion-list--current { background: $boost; }
    """
    #: The cursor row's background, drawn into its strips: no class change, no restyle.
    COMPONENT_CLASSES = {"criterion-list--current"}

    index = reactive(0, repaint=False)  # the list repaints the rows that change

    @dataclass
    class Clicked(Message):
        """A row was clicked (to make it current)."""

        index: int

    def __init__(self, rows: list[CriterionRow], index: int = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rows = rows
        self.set_reactive(CriterionList.index, max(0, min(index, len(rows) - 1)))
        #: The first line of each row (and the total at the end) at ``_layout_width``.
        self.tops: list[int] = [0]
        self._layout_width = -1
        self._notes: list[bool] = []  # whether each row had a note marker when laid out
        self._fitted_to = Size(-1, -1)  # the content size ``_fit`` last saw
        self._cursor_style = ComponentStyles(self, "criterion-list--current")

    # ------------------------------------------------------------------ layout
    def _notes_now(self) -> list[bool]:
        return [bool(row.state()[1]) for row in self.rows]

    def _lay_out(self, width: int, notes: list[bool]) -> bool:
        """Row positions at ``width`` (``notes``: which rows have a note marker); True
        when they changed."""
        console = self.app.console
        if width == self._layout_width and notes == self._notes:
            return False
        tops = [0]
        for row in self.rows:
            tops.append(tops[-1] + row.height(width, console))
        changed = tops != self.tops
        self.tops, self._layout_width, self._notes = tops, width, notes
        return changed

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The rows' lines at ``width`` (asked by the layout; the rows' positions are
        ``_fit``'s, which knows about the scrollbar)."""
        console = self.app.console
        return sum(row.height(width, console) for row in self.rows)

    def on_resize(self) -> None:
        self._update_virtual_size()
        # Also the first layout: a start below the top comes into view. After a resize the
        # rows wrap differently: the cursor's row stays in view.
        if self.rows:
            self.call_after_refresh(self._scroll_into_view, self.index)

    def _fit(self, notes: list[bool] | None = None) -> bool:
        """Lay the rows out at the width they get; True when their positions changed.

        That is the content width, less the scrollbar's when the rows are taller than
        the list (so the scroll range always matches what is drawn).
        """
        notes = self._notes_now() if notes is None else notes
        region = self.content_region
        self._fitted_to = region.size
        changed = self._lay_out(region.width, notes)
        if self.tops[-1] > region.height:
            narrower = region.width - self.styles.scrollbar_size_vertical
            changed = self._lay_out(narrower, notes) or changed
        return changed

    def _update_virtual_size(self) -> None:
        self._fit()
        self._take_layout()

    def _take_layout(self) -> None:
        """Tell the scrolling what the rows' layout is."""
        self.virtual_size = Size(self._layout_width, self.tops[-1])

    def _row_at(self, line: int) -> int | None:
        """The row at ``line`` of the whole (scrolled) content, if any."""
        index = bisect_right(self.tops, line) - 1
        return index if 0 <= index < len(self.rows) else None

    def row_region(self, index: int) -> Region:
        """Where row ``index`` is in the list's whole (scrolled) content."""
        top = self.tops[index] if index < len(self.tops) - 1 else self.tops[-1]
        bottom = self.tops[index + 1] if index + 1 < len(self.tops) else top
        return Region(0, top, self._layout_width, bottom - top)

    # ------------------------------------------------------------------ drawing
    def render_line(self, y: int) -> Strip:
        if self.content_region.size != self._fitted_to:
            self._fit()
        width = self._layout_width
        line = y + self.scroll_offset.y
        index = self._row_at(line)
        if index is None:
            return Strip.blank(width, self.visual_style.rich_style)
        current = index == self.index
        base = self._cursor_style.get()[0] if current else self.visual_style.rich_style
        strips = self.rows[index].draw(width, current, base, self.app.console)
        offset = line - self.tops[index]
        return strips[offset] if offset < len(strips) else Strip.blank(width, base)

    def repaint_rows(self, *indexes: int) -> None:
        """Mark the lines of these rows dirty (where they are in view)."""
        scroll_y = self.scroll_offset.y
        regions = [
            region
            for i in indexes
            if 0 <= i < len(self.rows)
            and (
                region := self.row_region(i)
                .translate((0, -scroll_y))
                .intersection(self.size.region)
            )
        ]
        if regions:
            self.refresh(*regions)

    # ------------------------------------------------------------------ cursor
    def watch_index(self, old: int, new: int) -> None:
        if not self.rows:
            return
        self.repaint_rows(old, new)
        self._scroll_into_view(new)

    def _scroll_into_view(self, index: int) -> None:
        """Scroll only when the row is not fully in view (a scroll repaints the list)."""
        region, height = self.row_region(index), self.scrollable_content_region.height
        top = self.scroll_offset.y
        if region.y < top:
            self.scroll_to(y=region.y, animate=False, immediate=True)
        elif region.bottom > top + height:
            self.scroll_to(y=min(region.y, region.bottom - height), animate=False, immediate=True)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self._row_at(offset.y + self.scroll_offset.y)
        if index is not None:
            self.post_message(self.Clicked(index))

    def move(self, delta: int) -> None:
        self.index = max(0, min(self.index + delta, len(self.rows) - 1))

    def move_to(self, index: int) -> None:
        self.index = index % len(self.rows)

    @property
    def criterion(self) -> Criterion:
        return self.rows[self.index].criterion

    def refresh_rows(self) -> None:
        """Re-draw the rows whose rating or note changed (not all of them).

        Only rows drawn before can be out of date on screen; the others are drawn as
        they are when they come into view.
        """
        states = [row.state() for row in self.rows]
        notes = [bool(note) for _value, note in states]
        changed = [
            row.index
            for row, state in zip(self.rows, states, strict=True)
            if row.shown is not None and state != row.shown
        ]
        # A note marker that comes or goes may wrap the title: only then can a height, and
        # so the list's layout, change.
        if notes != self._notes and self._fit(notes):
            self._take_layout()
            self.refresh(layout=True)
        else:
            self.repaint_rows(*changed)
