"""Textual's own user-facing strings in the UI language: the command palette (placeholder
and built-in commands), ctrl+c's "Do you want to quit?" notice, and the lock message.

The built-in palette commands are kept (their callbacks are Textual's); only their titles
and help texts are translated. A command Textual adds in a later version keeps its text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette

from wk_tui.errors import LockedError

from .base import tr

if TYPE_CHECKING:
    from .app import WkApp

#: Textual's title (and, for "Keys", help text prefix) → our title and help keys.
BUILTIN = {
    "Theme": ("sys_theme", "sys_theme_help"),
    "Quit": ("sys_quit", "sys_quit_help"),
    "Keys:Show": ("sys_keys", "sys_keys_show"),
    "Keys:Hide": ("sys_keys", "sys_keys_hide"),
    "Maximize": ("sys_maximize", "sys_maximize_help"),
    "Minimize": ("sys_minimize", "sys_minimize_help"),
    "Screenshot": ("sys_screenshot", "sys_screenshot_help"),
}


def translate_commands(app: WkApp, commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    lang = app.language
    for command in commands:
        key = command.title
        if key == "Keys":
            key += ":Hide" if command.help.startswith("Hide") else ":Show"
        if key not in BUILTIN:
            yield command
            continue
        title, help_key = BUILTIN[key]
        callback = command.callback
        if key == "Theme":
            callback = lambda: search_themes(app)  # noqa: E731 - the placeholder too
        yield SystemCommand(tr(lang, title), tr(lang, help_key), callback, command.discover)


def open_palette(app: WkApp) -> None:
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(
            CommandPalette(
                id="--command-palette", placeholder=tr(app.language, "palette_placeholder")
            )
        )


def search_themes(app: WkApp) -> None:
    from textual.theme import ThemeProvider

    app.push_screen(
        CommandPalette(
            providers=[ThemeProvider], placeholder=tr(app.language, "themes_placeholder")
        )
    )


def help_quit(app: WkApp) -> None:
    """ctrl+c: say how to quit, in the UI language (plain text, no markup)."""
    keys = [
        key
        for key, active in app.active_bindings.items()
        if active.binding.action in ("quit", "app.quit", "screen.quit")
    ]
    if keys:
        shown = " / ".join(dict.fromkeys(app.get_key_display(Binding(k, "quit")) for k in keys))
        app.notify(
            tr(app.language, "quit_hint", keys=shown),
            title=tr(app.language, "quit_title"),
            markup=False,
        )


def locked_message(lang: str, exc: LockedError) -> str:
    """The lock holder in the UI language (the core's message is English)."""
    info = exc.holder or {}
    if not info:
        return tr(lang, "locked_unknown", path=exc.path)
    return tr(
        lang,
        "locked_by",
        path=exc.path,
        pid=info.get("pid", "?"),
        host=info.get("host", "?"),
        since=info.get("since", "?"),
    )
