"""Choose the action fields for the workshop: weakest first, each with its score."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wk_tui import workshop as ws

from .base import Translated
from .widgets.keybar import KeyBar
from .widgets.scrolling import FieldList
from .widgets.sidebar import bar, pct


class ChooserScreen(Translated, ModalScreen[list[str] | None]):
    """Dismisses with the chosen field ids (questionnaire order), or None when cancelled."""

    CSS_PATH = "chooser.tcss"
    KEY_AREAS = ("chooser",)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ws.Choice] = []
        self.picked: set[str] = set()

    def compose(self) -> ComposeResult:
        with Vertical(id="chooser-box"):
            yield Static(Text(self.t("chooser_title"), "bold"), id="chooser-title")
            yield Static(Text(self.t("chooser_hint"), "dim"), id="chooser-hint")
            yield FieldList(id="chooser-list")
        yield KeyBar()

    def on_mount(self) -> None:
        app = self.app
        self.rows = ws.chooser(app.q, app.session_store.session, app.result)
        self.picked = {r.field.id for r in self.rows if r.chosen}
        lst = self.query_one(FieldList)
        lst.add_options([Option(self._prompt(r), id=r.field.id) for r in self.rows])
        lst.highlighted = 0
        lst.focus()

    def _prompt(self, row: ws.Choice) -> Text:
        mark = "[x]" if row.field.id in self.picked else "[ ]"
        text = Text(f"{mark} ", "bold")
        text.append(f"{row.field.number:>2} {row.field.title}", "bold" if row.chosen else "")
        text.append("\n      ")
        text.append_text(bar(row.score, 12))
        score = pct(row.score, self.app.language) if row.score is not None else None
        text.append(f" {score or self.t('no_score_short')}")
        if row.spread is not None:  # a merged session: how far apart the respondents are
            text.append("   ")
            key = "chooser_spread_flagged" if row.flagged else "chooser_spread"
            text.append(
                self.t(key, spread=row.spread, flagged=row.flagged),
                "bold yellow" if row.flagged else "dim",
            )
        text.append("\n")  # blank line between rows
        return text

    def action_toggle_field(self) -> None:
        lst = self.query_one(FieldList)
        if lst.highlighted is None:
            return
        row = self.rows[lst.highlighted]
        self.picked ^= {row.field.id}
        lst.replace_option_prompt_at_index(lst.highlighted, self._prompt(row))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_confirm()

    def action_confirm(self) -> None:
        if not self.picked:
            self.app.say(self.t("chooser_none"), severity="warning", timeout=3)
            return
        self.dismiss([f.id for f in self.app.q.fields if f.id in self.picked])

    def action_dismiss_modal(self) -> None:
        self.dismiss(None)
