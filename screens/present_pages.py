"""Rich renderables for the presentation's slides, in the presentation's colours.

Every colour comes from :func:`screens.themes.palette` (no ANSI names, no ``dim``), so the
contrast test over the palette covers every pair a slide can show. User text is appended
as plain text, never parsed as markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from wk_tui.i18n import number
from wk_tui.presentation import FieldSlide, ResultsSlide, WorkshopSlide


class Painter:
    """Styles from a palette, and the UI strings in one language."""

    def __init__(self, colours: dict[str, str], t: Callable[..., str], lang: str) -> None:
        self.c, self.t, self.lang = colours, t, lang

    def style(self, key: str, bold: bool = False, italic: bool = False) -> Style:
        return Style(color=self.c[key], bold=bold, italic=italic)

    def pct(self, score: float | None) -> str:
        return "–" if score is None else number(score, self.lang) + " %"

    def date(self, day: dt.date) -> str:
        return day.strftime("%d.%m.%Y") if self.lang == "de" else day.isoformat()

    def bar(self, score: float | None, width: int) -> Text:
        if score is None:
            return Text("·" * width, self.style("muted"))
        filled = round(score / 100 * width)
        return Text.assemble(
            ("█" * filled, self.style("primary")), ("░" * (width - filled), self.style("muted"))
        )

    # ------------------------------------------------------------------ slides
    def heading(self, over: str, title: str) -> Text:
        text = Text(over + "\n", self.style("muted", bold=True))
        text.append(title, self.style("primary", bold=True))
        return text

    def results(self, slide: ResultsSlide, width: int, height: int) -> RenderableType:
        bar_w = 20 if width >= 100 else 12
        # Blank lines between the rows when the screen has room for them.
        roomy = height >= 3 + 3 * len(slide.rows)
        table = Table(
            expand=True, show_edge=False, box=None, pad_edge=False, padding=(0, 1, int(roomy), 0)
        )
        table.add_column("", width=3, justify="right", style=self.style("fg", bold=True))
        table.add_column(self.t("field_n", n="").strip(), ratio=1, header_style=self.style("muted"))
        table.add_column("", width=bar_w)
        table.add_column(
            self.t("p_score"), width=8, justify="right", header_style=self.style("muted")
        )
        for row in slide.rows:
            cell = Text(row.title, self.style("fg", bold=True))
            if row.verdict:
                cell.append("\n" + row.verdict, self.style("muted"))
            if row.open:
                cell.append("\n" + self.t("open_n", n=row.open), self.style("eher_nein"))
            table.add_row(
                str(row.number),
                cell,
                self.bar(row.score, bar_w),
                Text(self.pct(row.score), self.style("fg", bold=True)),
            )
        return Group(self.heading(self.t("p_overall"), self.t("p_results")), Text(), table)

    def field(self, slide: FieldSlide, height: int) -> RenderableType:
        head = self.heading(self.t("field_n", n=slide.number), slide.title)
        score = Text("\n" + self.pct(slide.score), self.style("fg", bold=True))
        if slide.verdict or slide.score is None:
            score.append("  " + (slide.verdict or self.t("p_no_score")), self.style("muted"))
        roomy = height >= 6 + 2 * len(slide.criteria)
        table = Table(
            expand=True,
            show_header=False,
            show_edge=False,
            box=None,
            pad_edge=False,
            padding=(0, 1, int(roomy), 0),
        )
        table.add_column(width=4, justify="right")
        table.add_column(width=20)
        table.add_column(ratio=1)
        for row in slide.criteria:
            if row.value:
                mark = self.style(row.value, bold=row.value in ("ja", "nein"))
                table.add_row(Text(row.symbol, mark), Text(row.label, mark), Text(row.title))
            else:
                open_ = self.style("muted", italic=True)
                table.add_row(Text("○", open_), Text(self.t("p_unrated"), open_), Text(row.title))
        return Group(head, score, Text(), table)

    def workshop_head(self, slide: WorkshopSlide) -> Text:
        over = f"{self.t('p_workshop')} · {self.t('field_n', n=slide.number)}"
        return self.heading(over, slide.title)

    def workshop_list(self, slide: WorkshopSlide, name: str) -> RenderableType:
        """One list as bullets with a hanging indent, a blank line between items."""
        if name == "actions":
            items = [(a.text, a.due) for a in slide.actions]
        else:
            items = [(item, None) for item in getattr(slide, name)]
        if not items:
            return Text("–", self.style("muted"))
        table = Table.grid(expand=True)
        table.add_column(width=2)
        table.add_column(ratio=1, overflow="fold")
        for i, (item, due) in enumerate(items):
            text = Text(item, self.style("fg"))
            if due:
                text.append(f" ({self.t('p_due', date=self.date(due))})", self.style("muted"))
            if i:
                table.add_row("", "")
            table.add_row(Text("•", self.style("primary", bold=True)), text)
        return table
