"""The key bar at the bottom: the screen's shown bindings, rendered by one widget.

It reads the same ``BINDINGS`` as Textual's Footer (and the help screen and the palette),
but renders itself in one ``render()`` instead of composing a widget per key — Textual's
Footer cost ~80 ms of the first paint here. Keys are clickable like the Footer's.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

from ..base import Translated


class KeyBar(Translated, Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom; height: 1; background: $footer-background;
        color: $footer-description-foreground;
    }
    KeyBar > .keybar--key { color: $footer-key-foreground; text-style: bold; }
    """
    COMPONENT_CLASSES = {"keybar--key"}

    shown: tuple = ()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_updated)

    def _shown_bindings(self) -> tuple[Binding, ...]:
        seen: set[str] = set()
        shown = []
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            shown.append(binding)
        return tuple(shown)

    def _bindings_updated(self, _screen: object) -> None:
        # Textual announces a bindings update after every key; repaint only on a change.
        if self._shown_bindings() != self.shown:
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key")
        self.shown = self._shown_bindings()
        items = []
        for binding in self.shown:
            click = Style.from_meta({"@click": f"screen.{binding.action}"})
            items.append(
                Text.assemble(
                    (f" {self.app.get_key_display(binding)} ", key_style + click),
                    (f"{binding.description} ", click),
                )
            )
        palette = Binding("ctrl+p", "command_palette")
        tail = Text.assemble(
            (f" {self.app.get_key_display(palette)} ", key_style),
            f"{self.t('k_palette')} ",
        )
        tail.stylize(Style.from_meta({"@click": "app.command_palette"}))
        width = self.size.width
        # The palette entry is pinned right and always shown: it is the door to everything.
        # Too many keys for the rest: keep help and quit (the help screen lists every key)
        # and mark the gap with "…" rather than cutting the bar off at the edge.
        room = width - tail.cell_len
        keep = {i for i, b in enumerate(self.shown) if b.action in ("help", "quit")}
        dropped = False
        while items and sum(t.cell_len for t in items) + (2 if dropped else 0) > room:
            victims = [i for i in range(len(items)) if i not in keep]
            if not victims:
                break
            del items[victims[-1]]
            keep = {k - 1 if k > victims[-1] else k for k in keep}
            dropped = True
        text = Text(no_wrap=True, overflow="ellipsis")
        for i, item in enumerate(items):
            if dropped and i == len(items) - len(keep):
                text.append(" …")
            text.append_text(item)
        text.append(" " * max(0, room - text.cell_len))
        text.append_text(tail)
        return text
