"""The instrumented pass of ``tui_speed.py``: time and count the per-key code paths.

Nothing here names a widget of wk-tui: every widget class's ``render``, ``render_line``
and ``render_lines`` are timed and counted under the class's name, whatever the screens
are made of (a widget per row, or one list that draws its own lines).
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable
from typing import Any

#: What Textual calls to draw a widget: ``render_lines`` (the compositor, per dirty
#: region), which calls ``render_line`` per line (the Line API), which calls ``render``
#: (for widgets that hand Textual a renderable) when the content is out of date.
RENDER_METHODS = ("render", "render_line", "render_lines")

Stats = dict[str, list[Any]]  # name: [seconds, calls or items]


def timed(stats: Stats, name: str, fn: Callable) -> Callable:
    def wrapper(*a, **kw):
        t = time.perf_counter()
        try:
            return fn(*a, **kw)
        finally:
            s = stats.setdefault(name, [0.0, 0])
            s[0] += time.perf_counter() - t
            s[1] += 1

    return wrapper


def _widget_classes() -> list[type]:
    """Every widget class loaded now (Textual's and the app's), base classes first."""
    from textual.widget import Widget

    seen: dict[type, None] = {}
    todo = [Widget]
    while todo:
        cls = todo.pop(0)
        if cls not in seen:
            seen[cls] = None
            todo.extend(cls.__subclasses__())
    return list(seen)


def _render_hook(stats: Stats, active: set, method: str, fn: Callable) -> Callable:
    """``fn`` (a class's own ``method``) timed and counted as "<class>.<method>", where
    <class> is the widget's own class. A call from inside the same method of the same
    widget (``super().render_lines``) is part of the outer one and not booked again;
    ``active`` holds the (widget, method) calls under way."""

    def hooked(self, *a, **kw):
        key = (id(self), method)
        if key in active:
            return fn(self, *a, **kw)
        active.add(key)
        t = time.perf_counter()
        try:
            result = fn(self, *a, **kw)
        finally:
            active.discard(key)
            s = stats.setdefault(f"{type(self).__name__}.{method}", [0.0, 0])
            s[0] += time.perf_counter() - t
            s[1] += 1
        if method == "render_lines":
            stats.setdefault("#lines rendered by the compositor", [0.0, 0])[1] += len(result)
        return result

    return hooked


def instrument(app, stats: Stats) -> Callable[[], None]:
    """Wrap the per-key code paths to time and count them; returns an undo function."""
    from textual.screen import Screen
    from textual.widget import Widget

    app.compute_result = timed(stats, "compute_result (score)", app.compute_result)
    screens = {id(s): s for s in [app.screen, *app._installed_screens.values()]}
    for screen in screens.values():
        if isinstance(screen, Screen) and hasattr(screen, "action_rate"):
            name = "action_rate (sync, incl. reactive cascade)"
            screen.action_rate = timed(stats, name, screen.action_rate)

    # Class level (undone afterwards): each class that defines a render method of its
    # own gets it wrapped, so every widget on every screen is counted by its class.
    undo_list: list[tuple[type, str, Any]] = []
    active: set[tuple[int, str]] = set()
    for cls in _widget_classes():
        for method in RENDER_METHODS:
            fn = cls.__dict__.get(method)
            if inspect.isfunction(fn):
                undo_list.append((cls, method, fn))
                setattr(cls, method, _render_hook(stats, active, method, fn))

    content_height, refresh = Widget.get_content_height, Widget.refresh

    def counting_content_height(self, *a, **kw):
        stats.setdefault("#content heights measured (layout)", [0.0, 0])[1] += 1
        return content_height(self, *a, **kw)

    def counting_refresh(self, *a, **kw):
        stats.setdefault("#Widget.refresh() calls", [0.0, 0])[1] += 1
        return refresh(self, *a, **kw)

    Widget.get_content_height = counting_content_height
    Widget.refresh = counting_refresh

    def undo() -> None:
        Widget.get_content_height, Widget.refresh = content_height, refresh
        for cls, method, fn in undo_list:
            setattr(cls, method, fn)

    return undo
