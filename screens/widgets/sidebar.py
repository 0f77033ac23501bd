"""The live verdict: overall sentence, score bar, counts and one line per field.

It renders a :class:`wk_tui.scoring.Result` — the app's computed ``result`` — and never
computes anything itself.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from wk_tui.i18n import number
from wk_tui.scoring import Result

from ..base import OnWkApp, tr
from .lines import LRU


def bar(score: float | None, width: int) -> Text:
    """A bar of ``width`` cells; █ for the filled part, ░ for the rest."""
    if score is None:
        return Text("·" * width, "dim")
    filled = round(score / 100 * width)
    return Text.assemble(("█" * filled, "bold"), ("░" * (width - filled), "dim"))


def pct(score: float | None, lang: str) -> str:
    return "–" if score is None else number(score, lang) + " %"


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

    def __init__(self, result: Result | None, current: str | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.set_reactive(VerdictSidebar.result, result)
        self.set_reactive(VerdictSidebar.current, current)
        #: The size and strips of the last rating's lines, to find the ones that change.
        self._shown: tuple[Size, object, list[Strip]] | None = None
        self._lines: LRU[Strip] = LRU(128)

    def watch_result(self) -> None:
        self._repaint_changed()

    def watch_current(self) -> None:
        self._repaint_changed()

    def _strips(self, size: Size) -> list[Strip]:
        """The lines as Textual draws them, wrapped to the width; a line drawn before is
        not drawn again (a rating changes about three of them)."""
        style, width, console = self.visual_style, size.width, self.app.console
        lines: list[Text] = []
        for line in self._compose_text().split("\n", allow_blank=True):
            # Only the verdict sentence is usually too long; wrapping costs.
            lines.extend(line.wrap(console, width) if line.cell_len > width else [line])
        strips = []
        for line in lines[: size.height]:
            key = (line.plain, tuple(line.spans), line.style, width, style)
            strips.append(self._lines.get(key, lambda t=line: self._draw(t, width)))
        return strips

    def _draw(self, line: Text, width: int) -> Strip:
        visual = visualize(self, line, markup=False)
        return Visual.to_strips(self, visual, width, 1, self.visual_style)[0]

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
        regions = [Region(0, y, size.width, 1) for y, line in enumerate(new) if line != old[2][y]]
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

    def render(self) -> Text:
        return self._compose_text()

    def _compose_text(self) -> Text:
        r, lang = self.result, self.app.language
        text = Text()
        if r is None:
            return text
        width = max(10, self.size.width - 2)
        text.append(tr(lang, "overall") + "\n", "bold")
        label = (r.band.label if r.band else "–") + "\n"
        c = r.counts
        if r.early:
            # Too little rated to read as a verdict: say so first, the rest dimmed.
            text.append(tr(lang, "early", rated=c.rated, total=c.total) + "\n", "bold yellow")
            text.append(label, "dim italic")
            text.append_text(bar(r.score, width - 8))
            text.append(f" {pct(r.score, lang):>7}\n", "dim")
        else:
            text.append(label)
            text.append_text(bar(r.score, width - 8))
            text.append(f" {pct(r.score, lang):>7}\n", "bold")
            state = tr(lang, "provisional") if r.provisional else tr(lang, "final")
            text.append(state + "\n", "italic yellow" if r.provisional else "italic green")
        text.append(tr(lang, "counts", rated=c.rated, open=c.open, unknown=c.unknown) + "\n", "dim")
        text.append("\n")
        rows = max(1, self.size.height - 7)  # lines left for the fields
        two_lines = rows >= 2 * len(r.fields)
        bar_w = width - 16 if two_lines else (6 if width >= 36 else 4)
        title_w = width - 3 if two_lines else max(4, width - bar_w - 2 - 8 - 4)
        for fr in self._window(r, rows // (2 if two_lines else 1)):
            is_current = fr.field.id == self.current
            title = fr.field.title
            if len(title) > title_w:
                title = title[: title_w - 1] + "…"
            mark = "›" if is_current else " "
            line = Text(
                f"{mark}{fr.field.number} {title:<{title_w}}", "reverse bold" if is_current else ""
            )
            line.append("\n   " if two_lines else " ")
            line.append_text(bar(fr.score, bar_w))
            line.append(f"{pct(fr.score, lang):>8}")
            if fr.counts.open:
                line.append(f" {fr.counts.open:>2}○", "yellow")
            text.append_text(line)
            text.append("\n")
        return text

    def _window(self, r: Result, n: int) -> tuple:
        """The fields that fit, around the current one (long questionnaires)."""
        fields = r.fields
        if len(fields) <= n:
            return fields
        here = next((i for i, fr in enumerate(fields) if fr.field.id == self.current), 0)
        start = max(0, min(here - n // 2, len(fields) - n))
        return fields[start : start + n]
