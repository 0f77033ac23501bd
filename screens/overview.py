"""All action fields with their progress; Enter opens one."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from .base import OVERVIEW, WkScreen
from .widgets.keybar import KeyBar
from .widgets.scrolling import FieldList
from .widgets.sidebar import VerdictSidebar, bar, pct
from .widgets.titlebar import TitleBar


class OverviewScreen(WkScreen):
    CSS_PATH = "overview.tcss"

    def __init__(self) -> None:
        super().__init__(OVERVIEW)

    def compose(self) -> ComposeResult:
        yield TitleBar(self.t("overview_title"))
        with Horizontal(id="body"):
            with Vertical(id="main"):
                yield Static(Text(self.app.q.title, "bold"), id="q-title")
                yield Static(Text(self.t("overview_hint"), "dim"))
                yield FieldList(*self._options(), id="fields")
            yield VerdictSidebar(self.app.result)
        yield KeyBar()

    def _options(self) -> list[Option]:
        result = self.app.live_result
        options = []
        for fr in result.fields:
            c = fr.counts
            text = Text(f"{fr.field.number:>2}  ", "bold")
            text.append(fr.field.title, "bold")
            text.append("\n    ")
            text.append_text(bar(fr.score, 12))
            text.append(f" {pct(fr.score, self.lang):>7}   ")
            text.append(
                self.t("criteria_n", rated=c.rated, total=c.total), "yellow" if c.open else "green"
            )
            options.append(Option(text, id=fr.field.id))
        return options

    def on_mount(self) -> None:
        self.follow_revisions()
        self.query_one(OptionList).focus()

    def show_revision(self) -> None:
        self.query_one(VerdictSidebar).result = self.app.result
        fields = self.query_one(OptionList)
        highlighted = fields.highlighted
        fields.clear_options()
        fields.add_options(self._options())
        fields.highlighted = highlighted

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:  # every option is a field, by its id
            self.app.goto_field(event.option.id)
