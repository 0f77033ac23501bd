"""The app's command palette: Textual's commands in the UI language, then ours."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from textual.app import SystemCommand
from textual.screen import Screen

from wk_tui.i18n import LANGUAGES

from .base import tr
from .themes import THEMES

if TYPE_CHECKING:
    from textual.app import App

    from .app import WkApp

    _AppBase = App
else:
    _AppBase = object


class PaletteMixin(_AppBase):
    """Mixed into WkApp only: ``self`` is the WkApp whose actions the commands run."""

    def action_command_palette(self) -> None:
        from .localize import open_palette

        open_palette(cast("WkApp", self))

    def action_help_quit(self) -> None:
        from .localize import help_quit

        help_quit(cast("WkApp", self))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .localize import translate_commands

        app = cast("WkApp", self)
        yield from translate_commands(app, super().get_system_commands(screen))
        if app.store is None:
            return
        t = lambda key, **kw: tr(app.language, key, **kw)  # noqa: E731
        for f in app.q.fields:
            yield SystemCommand(
                t("cmd_goto", n=f.number, title=f.title),
                t("cmd_goto_help"),
                lambda fid=f.id: app.goto_field(fid),
            )
        yield SystemCommand(t("cmd_first_open"), t("cmd_first_open_help"), app.goto_first_open)
        yield SystemCommand(t("cmd_overview"), t("cmd_overview_help"), app.show_overview)
        yield SystemCommand(t("cmd_results"), t("cmd_results_help"), app.show_results)
        yield SystemCommand(t("cmd_export"), t("cmd_export_help"), app.show_export)
        yield SystemCommand(t("cmd_dis"), t("cmd_dis_help"), app.show_disagreements)
        yield SystemCommand(t("cmd_resp"), t("cmd_resp_help"), app.edit_respondent)
        yield from app.section_commands()
        yield from app.protected_commands()
        yield SystemCommand(t("cmd_present"), t("cmd_present_help"), app.show_presentation)
        for theme in THEMES:
            yield SystemCommand(
                t("cmd_theme", name=theme.name),
                t("cmd_theme_help"),
                lambda name=theme.name: setattr(app, "theme", name),
            )
        other = LANGUAGES[(LANGUAGES.index(app.language) + 1) % len(LANGUAGES)]
        yield SystemCommand(t("cmd_lang"), t("cmd_lang_help"), lambda: app.set_language(other))
