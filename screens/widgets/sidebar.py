"""The live verdict: overall sentence, score bar, counts and one line per field.

It renders a :class:`wk_tui.scoring.Result` — the app's computed ``result`` — and never
computes anything itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from rich.text import Text
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from wk_tui.i18n import number
from wk_tui.scoring import FieldResult, Result

from ..base import OnWkApp, tr
from .lines import LRU, visual_strip


def bar(score: float | None, width: int) -> Text:
    """A bar of ``width`` cells; █ for the filled part, ░ for the rest."""
    if score is None:
        return Text("·" * width, "dim")
    filled = round(score / 100 * width)
    return Text.assemble(("█" * filled, "bold"), ("░" * (width - filled), "dim"))


def pct(score: float | None, lang: str) -> str:
    return "–" if score is None else number(score, lang) + " %"


def line(text: str, style: str) -> Text:
    """One line of the sidebar in one style (composed only when not shown before)."""
    out = Text()
    out.append(text + "\n", style)
    return out


def score_line(score: float | None, width: int, lang: str, style: str) -> Text:
    """The overall score as a bar and a percentage."""
    out = bar(score, width - 8)
    out.append(f" {pct(score, lang):>7}\n", style)
    return out


@dataclass(frozen=True)
class FieldColumns:
    """The cells of a field line: number, title and bar widths, open count digits."""

    number: int
    title: int
    bar: int
    open: int
    two_lines: bool

    @classmethod
    def fit(cls, r: Result, width: int, two_lines: bool) -> FieldColumns:
        """Columns for ``width`` cells; wider numbers (field 10 on, fields of 100 criteria
        and more) take their cells from the title, so a line never wraps. They depend on
        the questionnaire only (the most criteria a field has bounds its open count), so
        they stay put while ratings change."""
        number = len(str(max((fr.field.number for fr in r.fields), default=1)))
        open_ = max([2, *(len(str(fr.counts.total)) for fr in r.fields)])
        extra = number - 1 + open_ - 2
        if two_lines:
            return cls(number, width - 3 - (number - 1), width - 16 - (open_ - 2), open_, True)
        bar_w = 6 if width >= 36 else 4
        return cls(number, max(4, width - bar_w - 2 - 8 - 4 - extra), bar_w, open_, False)


def field_line(fr: FieldResult, current: bool, lang: str, cols: FieldColumns) -> Text:
    """A field's number, title, bar, score and open count, on one or two lines."""
    title = fr.field.title
    if len(title) > cols.title:
        title = title[: cols.title - 1] + "…"
    mark = "›" if current else " "
    row = Text(
        f"{mark}{fr.field.number:>{cols.number}} {title:<{cols.title}}",
        "reverse bold" if current else "",
    )
    row.append("\n   " if cols.two_lines else " ")
    row.append_text(bar(fr.score, cols.bar))
    row.append(f"{pct(fr.score, lang):>8}")
    if fr.counts.open:
        row.append(f" {fr.counts.open:>{cols.open}}○", "yellow")
    out = Text()
    out.append_text(row)  # the row's style as a span, as in one text of all lines
    out.append("\n")
    return out


class VerdictSidebar(OnWkApp, Widget):
    DEFAULT_CSS = """
    VerdictSidebar {
        width: 34%; min-width: 30; max-width: 46; height: 1fr; padding: 0 1;
        border-left: vkey $primary;
    }
    """

    #: Set by the screen (from the app's computed ``result``); its size never depends on it.
    #: A change repaints only the lines that differ (see :meth:`_repaint_changed`).
    result: reactive[Result | None] = reactive(None, repaint=False)
    current: reactive[str | None] = reactive(None, repaint=False)

    def __init__(self, result: Result | None, current: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.set_reactive(VerdictSidebar.result, result)
        self.set_reactive(VerdictSidebar.current, current)
        #: The size, style and strips shown last, to find the lines that change.
        self._shown: tuple[Size, object, list[Strip]] | None = None
        #: The strips of each line by what it shows, for the width and style in ``_drawn_for``.
        self._lines: LRU[list[Strip]] = LRU(128)
        self._drawn_for: tuple[int, object] | None = None
        self._columns: tuple[tuple[object, ...], FieldColumns] | None = None
        self._here: tuple[tuple[object, ...], int] | None = None

    def watch_result(self) -> None:
        self._repaint_changed()

    def watch_current(self) -> None:
        self._repaint_changed()

    def _strips(self, size: Size) -> list[Strip]:
        """The lines as Textual draws them, wrapped to the width. Each line is looked up
        by what it shows (a few numbers), so a line shown before is neither composed nor
        drawn again: a rating changes about three of them."""
        r = self.result
        if r is None:
            return []
        style, width = self.visual_style, size.width
        if self._drawn_for is None or self._drawn_for[0] != width or self._drawn_for[1] != style:
            self._drawn_for = (width, style)
            self._lines = LRU(128)
        get, draw_composed = self._lines.get, self._draw_composed
        strips: list[Strip] = []
        for key, compose in self._line_plan(r, size):
            strips += get(key, partial(draw_composed, compose, width))
            if len(strips) >= size.height:
                break
        return strips[: size.height]

    def _draw_composed(self, compose: Callable[[], Text], width: int) -> list[Strip]:
        return self._draw(compose(), width)

    def _draw(self, text: Text, width: int) -> list[Strip]:
        """The strips of one composed line (two for a field in two-line mode; a long
        sentence wraps)."""
        console = self.app.console
        lines: list[Text] = []
        for line in text.split("\n", allow_blank=True)[:-1]:  # each ends in a newline
            # Only the verdict sentence is usually too long; wrapping costs.
            lines.extend(line.wrap(console, width) if line.cell_len > width else [line])
        return [visual_strip(self, line, width) for line in lines]

    def _line_plan(self, r: Result, size: Size) -> list[tuple[tuple, Callable[[], Text]]]:
        """The lines top to bottom: what each shows (its cache key) and how to compose it."""
        lang = self.app.language
        width = max(10, size.width - 2)
        c = r.counts
        label = r.band.label if r.band else "–"
        plan: list[tuple[tuple, Callable[[], Text]]] = [
            (("overall", lang), lambda: line(tr(lang, "overall"), "bold"))
        ]
        if r.early:
            # Too little rated to read as a verdict: say so first, the rest dimmed.
            plan += [
                (
                    ("early", lang, c.rated, c.total),
                    lambda: line(tr(lang, "early", rated=c.rated, total=c.total), "bold yellow"),
                ),
                (("label", label, "dim italic"), lambda: line(label, "dim italic")),
                (("bar", r.score, lang, "dim"), lambda: score_line(r.score, width, lang, "dim")),
            ]
        else:
            state = "provisional" if r.provisional else "final"
            plan += [
                (("label", label, ""), lambda: line(label, "")),
                (("bar", r.score, lang, "bold"), lambda: score_line(r.score, width, lang, "bold")),
                (
                    ("state", lang, state),
                    lambda: line(
                        tr(lang, state), "italic yellow" if r.provisional else "italic green"
                    ),
                ),
            ]
        plan += [
            (
                ("counts", lang, c.rated, c.open, c.unknown),
                lambda: line(
                    tr(lang, "counts", rated=c.rated, open=c.open, unknown=c.unknown), "dim"
                ),
            ),
            (("",), lambda: line("", "")),
        ]
        rows = max(1, size.height - 7)  # lines left for the fields
        two_lines = rows >= 2 * len(r.fields)
        # Per questionnaire and size, not per key (it looks at every field).
        shape = (r.fields[0].field if r.fields else None, len(r.fields), width, two_lines)
        if self._columns is None or self._columns[0] != shape:
            self._columns = (shape, FieldColumns.fit(r, width, two_lines))
        cols = self._columns[1]
        for fr in self._window(r, rows // (2 if two_lines else 1)):
            field, current = fr.field, fr.field.id == self.current
            key = (
                "field",
                field.number,
                field.title,
                current,
                fr.score,
                fr.counts.open,
                cols,
                lang,
            )
            plan.append((key, partial(field_line, fr, current, lang, cols)))
        plan.append((("",), lambda: line("", "")))  # a blank line under the fields
        return plan

    def _repaint_changed(self) -> None:
        """Mark only the changed lines dirty: a rating changes about three of them, and a
        small dirty region keeps the compositor's work small (it re-composes the union of
        the dirty regions of the whole screen)."""
        size = self.content_size
        if not self.is_mounted or not size:
            self.refresh()
            return
        new = self._strips(size)
        key = self.visual_style
        old = self._shown
        self._shown = (size, key, new)
        if old is None or old[0] != size or old[1] != key or len(old[2]) != len(new):
            self.refresh()
            return
        # A line shown before is the same strip object (kept by what it shows).
        regions = [
            Region(0, y, size.width, 1)
            for y, (strip, was) in enumerate(zip(new, old[2], strict=True))
            if strip is not was and strip != was
        ]
        if regions:
            self.refresh(*regions)

    def render_line(self, y: int) -> Strip:
        """The lines :meth:`_repaint_changed` made (built here only when they are stale)."""
        size, style = self.content_size, self.visual_style
        shown = self._shown
        if shown is None or shown[0] != size or shown[1] != style:
            shown = self._shown = (size, style, self._strips(size))
        strips = shown[2]
        return strips[y] if y < len(strips) else Strip.blank(size.width, style.rich_style)

    def _current_index(self, fields: tuple[FieldResult, ...]) -> int:
        """Where the current field is (looked up once per field and questionnaire)."""
        key = (self.current, fields[0].field, len(fields))
        if self._here is None or self._here[0] != key:
            here = next((i for i, fr in enumerate(fields) if fr.field.id == self.current), 0)
            self._here = (key, here)
        return self._here[1]

    def _window(self, r: Result, n: int) -> tuple:
        """The fields that fit, around the current one (long questionnaires)."""
        fields = r.fields
        if len(fields) <= n:
            return fields
        here = self._current_index(fields)
        start = max(0, min(here - n // 2, len(fields) - n))
        return fields[start : start + n]
