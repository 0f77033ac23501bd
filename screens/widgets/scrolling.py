"""Textual's list and scroll widgets without PageUp/PageDown, which the screens use to move
between action fields (a focused widget's keys would otherwise win)."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import OptionList

PAGE_KEYS = {"pageup", "pagedown"}


def _without_page_keys(bindings: list) -> list:
    return [
        b
        for b in bindings
        if not (isinstance(b, tuple) and b[0] in PAGE_KEYS)
        and not (hasattr(b, "key") and set(b.key.split(",")) & PAGE_KEYS)
    ]


class FieldList(OptionList, inherit_bindings=False):
    BINDINGS = _without_page_keys(OptionList.BINDINGS)


class ReportScroll(VerticalScroll, can_focus=True, inherit_bindings=False):
    BINDINGS = _without_page_keys(VerticalScroll.BINDINGS)
