"""Help generated from the live bindings of the screen it was opened from."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from .base import Translated
from .keys import KEYS
from .widgets.keybar import KeyBar


class HelpScreen(Translated, ModalScreen[None]):
    CSS_PATH = "help.tcss"
    KEY_AREAS = ("help",)

    def __init__(self, source: Screen) -> None:
        super().__init__()
        self.source = source

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text(self.t("help_title"), "bold"), id="help-title")
            yield Static(self.keys_table(), id="help-keys")
            if self.app.store is not None:
                yield Static(Text(self.t("help_scoring"), "bold"), id="help-scoring-title")
                yield Static(Text(self.app.q.scoring.strip()), id="help-scoring")
        yield KeyBar()

    def keys_table(self) -> Table:
        """One row per action of the source screen's active bindings (all keys listed)."""
        by_action: dict[str, tuple[list[str], str]] = {}
        ours = {
            action: desc
            for area in reversed(getattr(self.source, "KEY_AREAS", ()))
            for _, action, desc, _, _ in KEYS[area]
        }
        # The screen's own bindings first: their (translated) descriptions win over the
        # app-wide defaults that share an action (e.g. ctrl+q "Quit" and q "Beenden"); an
        # app-wide key of one of our actions reads in the UI language even when the screen's
        # own key is taken by a text field (ctrl+q while typing in the profile).
        items = sorted(
            self.source.active_bindings.items(), key=lambda item: item[1].node is self.app
        )
        for key, active in items:
            binding = active.binding
            if not binding.description or binding.system:
                continue
            if binding.action not in ours and not (
                active.node is self.app and binding.action in by_action
            ):
                continue  # Textual's own keys (focus, copy) are not ours to explain
            description = self.t(ours[binding.action]) if binding.action in ours else None
            keys, _ = by_action.setdefault(binding.action, ([], description or binding.description))
            display = self.app.get_key_display(Binding(key, binding.action))
            if display not in keys:
                keys.append(display)
        table = Table(show_header=False, box=None, pad_edge=False, expand=True)
        table.add_column(style="bold reverse", no_wrap=True)
        table.add_column(ratio=1)
        for keys, description in by_action.values():
            table.add_row(" " + " / ".join(keys) + " ", description)
        palette = self.app.get_key_display(Binding("ctrl+p", "command_palette"))
        table.add_row(f" {palette} ", self.t("help_palette"))
        return table

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_dismiss_modal(self) -> None:
        self.dismiss(None)
