"""The seed's results table: every field and criterion with its symbol, and the verdict."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from wk_tui.scoring import open_criteria, weak_criteria

from .base import RESULTS, WkScreen
from .widgets.criteria import SYMBOL_STYLE
from .widgets.keybar import KeyBar
from .widgets.scrolling import ReportScroll
from .widgets.sidebar import pct
from .widgets.titlebar import TitleBar


class ResultsScreen(WkScreen):
    CSS_PATH = "results.tcss"
    KEY_AREAS = ("report", "nav")

    def __init__(self) -> None:
        super().__init__(RESULTS)

    def compose(self) -> ComposeResult:
        yield TitleBar(self.t("results_title"))
        with ReportScroll(id="results-scroll"):
            yield Static(id="results")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_revision()
        self.follow_revisions()
        self.query_one("#results-scroll").focus()

    def action_page(self, direction: int) -> None:
        scroll = self.query_one(ReportScroll)
        if direction > 0:
            scroll.scroll_page_down(animate=False)
        else:
            scroll.scroll_page_up(animate=False)

    def show_revision(self) -> None:
        self.query_one("#results", Static).update(self.build())

    def build(self) -> Group:
        q, r, lang = self.app.q, self.app.live_result, self.lang
        session = self.app.session_store.session
        head = Text()
        label = (r.band.label if r.band else "–") + "\n"
        if r.early:  # too little rated to read as a verdict: say so, dim the rest
            counts = r.counts
            head.append(
                self.t("early", rated=counts.rated, total=counts.total) + "\n", "bold yellow"
            )
            head.append(label, "dim italic")
            head.append(f"{self.t('overall')}: {pct(r.score, lang)}", "dim")
        else:
            head.append(label, "bold")
            head.append(f"{self.t('overall')}: {pct(r.score, lang)}")
        if r.provisional and not r.early:
            head.append(
                f"  ({self.t('provisional')}: {self.t('open_n', n=r.counts.open)})", "italic yellow"
            )
        table = Table(expand=True, show_edge=False, pad_edge=False)
        table.add_column(self.t("criterion"), ratio=1)
        table.add_column(self.t("rating"), justify="center", width=9)
        for fr in r.fields:
            f = fr.field
            label = f" – {fr.band.label}" if fr.band else ""
            table.add_row(
                Text(f"{self.t('field_n', n=f.number)} – {f.title}", "bold"),
                Text(pct(fr.score, lang), "bold"),
                end_section=False,
            )
            table.add_row(Text(label.strip(" –"), "italic dim"), "")
            for c in f.criteria:
                value = session.value(c.id)
                symbol = Text(q.step(value).symbol, SYMBOL_STYLE[value]) if value else Text("")
                table.add_row(Text("  " + c.title), symbol)
            table.add_section()
        legend = Text(self.t("legend") + "\n", "bold")
        for step in reversed(q.scale):
            legend.append(f"{step.symbol:>4}  = {step.label}\n")
        weak = Text(self.t("weak") + "\n", "bold")
        values = session.values(q)
        for c, value in weak_criteria(q, values):  # the core decides what is weak
            weak.append(f"{q.step(value).symbol} {c.title}\n", SYMBOL_STYLE[value])
            weak.append(f"   {self.t('suggestion')}: {c.suggestion}\n")
        if not weak_criteria(q, values):
            weak.append(self.t("no_weak") + "\n", "italic")
        parts: list[RenderableType] = [head, Text(), table, Text()]
        still_open = open_criteria(q, values)  # the core decides what is open
        if still_open:
            rest = Text(self.t("open_heading") + "\n", "bold")
            for c in still_open:
                rest.append(f"  · {c.title}\n", "dim")
            parts.append(rest)
        return Group(*parts, legend, weak)
