"""No CSS rule leaks between screens: every rule of a screen's .tcss is scoped to it.

Textual applies every loaded stylesheet to the whole app, so an unscoped ``#body`` in one
screen's file would style another screen's ``#body``. Each screen's rules are nested under
its class name; only ``app.tcss`` holds app-wide rules.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.app import App
from textual.css.model import SelectorType
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

import wk_tui.screens
from wk_tui.screens.app import WkApp
from wk_tui.screens.field import FieldScreen

APP_WIDE = {"Screen", "Toast"}


def screen_classes() -> list[type[Screen]]:
    found = []
    for info in pkgutil.walk_packages(wk_tui.screens.__path__, "wk_tui.screens."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == info.name and cls.CSS_PATH:
                found.append(cls)
    return found


def first_selectors(path: Path) -> list[tuple[str, SelectorType]]:
    sheet = Stylesheet(variables=App().get_css_variables())
    sheet.read(path)
    sheet.parse()
    return [
        (selectors.selectors[0].name, selectors.selectors[0].type)
        for rule in sheet.rules
        for selectors in rule.selector_set
    ]


def css_files(cls: type) -> list[Path]:
    paths = [cls.CSS_PATH] if isinstance(cls.CSS_PATH, str | Path) else cls.CSS_PATH
    return [Path(inspect.getfile(cls)).parent / p for p in paths]


def test_every_screen_rule_is_nested_under_its_screen():
    classes = screen_classes()
    names = {cls.__name__ for cls in classes}
    assert {"FieldScreen", "OverviewScreen", "StartScreen", "ExportScreen"} <= names
    for cls in classes:
        for path in css_files(cls):
            rules = first_selectors(path)
            assert rules, path
            for name, kind in rules:
                assert (name, kind) == (cls.__name__, SelectorType.TYPE), (path.name, name)


def test_the_app_stylesheet_holds_only_app_wide_rules():
    """Besides app.tcss the app reads only the first screen's own (scoped) file."""
    path, *first_screen = css_files(WkApp)
    assert path.name == "app.tcss"
    assert {name for name, _ in first_selectors(path)} <= APP_WIDE
    assert first_screen == css_files(FieldScreen)
