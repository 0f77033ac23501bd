"""Rows of Rich ``Text`` drawn straight to strips (Textual's Line API), built once per change.

A widget whose ``render()`` returns a ``Text`` pays on every repaint for Textual to turn it
into ``Content``, wrap it again and cut it into strips — about half of a key's CPU on the
field screen. The widgets here wrap their own text, so they hand over finished lines:
:class:`StripCache` keeps the last few by what they show (the key).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

T = TypeVar("T")


def text_strip(line: Text, width: int, base: Style, console: Console) -> Strip:
    """One line of text as a strip exactly ``width`` cells wide, over the widget's style."""
    strip = Strip(list(line.render(console, end="")), line.cell_len)
    return strip.apply_style(base).crop_extend(0, width, base)


class LRU(Generic[T]):
    """The ``size`` values used last, by key."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.values: OrderedDict[Hashable, T] = OrderedDict()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value for ``key``, built when it is not kept."""
        try:
            self.values.move_to_end(key)
            return self.values[key]
        except KeyError:
            value = self.values[key] = build()
            while len(self.values) > self.size:
                self.values.popitem(last=False)
            return value


class StripCache:
    """Strips by key, the ``size`` used last kept: a row drawn with and without the
    cursor, or a criterion's details visited again, are not built again (and a strip
    drawn before has its line filters' results cached by Textual, too)."""

    def __init__(self, size: int = 2) -> None:
        self.cache: LRU[tuple[list[Strip], Strip]] = LRU(size)
        self.strips: list[Strip] = []
        self.blank = Strip.blank(0)

    def get(
        self, key: Hashable, width: int, base: Style, build: Callable[[], Iterable[Strip]]
    ) -> list[Strip]:
        """The strips for ``key`` (``width`` cells over ``base``), built when not kept."""
        self.strips, self.blank = self.cache.get(
            key, lambda: (list(build()), Strip.blank(width, base))
        )
        return self.strips

    def line(self, y: int) -> Strip:
        """Line ``y`` of the strips of the last ``get``, blank below them."""
        return self.strips[y] if y < len(self.strips) else self.blank


class ComponentStyles:
    """A widget's component styles, read again only when its styles changed.

    Textual drops its own cache of them on every ``refresh()``, and reading one walks the
    widget's ancestors; the widget's ``visual_style`` object is replaced when a style
    (or the theme) changes, so it serves as the key.
    """

    def __init__(self, widget: Widget, *names: str) -> None:
        self.widget, self.names = widget, names
        self.key: object = None
        self.styles: tuple[Style, ...] = ()

    def get(self) -> tuple[Style, ...]:
        visual = self.widget.visual_style
        if visual is not self.key:
            self.key = visual
            self.styles = tuple(self.widget.get_component_rich_style(n) for n in self.names)
        return self.styles


def visual_strip(widget: Widget, text: Text, width: int) -> Strip:
    """The first line of ``text`` drawn exactly as Textual draws a one-line widget whose
    ``render()`` returns it (same alignment and styles); for caching by the caller."""
    visual = visualize(widget, text, markup=False)
    style = widget.visual_style
    strips = Visual.to_strips(widget, visual, width, 1, style)
    return strips[0] if strips else Strip.blank(width, style.rich_style)
