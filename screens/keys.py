"""Every key binding of the app, in one table.

Screens get their ``BINDINGS`` from here through :func:`localized`, so the key bar, the help
screen, the rating chips and the command palette all read the same source, in the UI language.
"""

from __future__ import annotations

from functools import cache
from typing import TypeVar, cast

from textual.binding import Binding
from textual.screen import Screen

from .strings import UI

# (keys, action, description key, shown in footer, key display)
KEYS: dict[str, list[tuple[str, str, str, bool, str | None]]] = {
    "nav": [
        ("pagedown,right_square_bracket", "next_field", "k_next_field", True, "]"),
        ("pageup,left_square_bracket", "prev_field", "k_prev_field", True, "["),
        ("o", "overview", "k_overview", True, None),
        ("r", "results", "k_results", True, None),
        ("e", "export", "k_export", False, None),
        ("d", "disagreements", "k_disagreements", False, None),
        ("p", "present", "k_present", False, None),
        ("ctrl+z", "undo", "k_undo", False, None),
        ("question_mark,f1", "help", "k_help", True, "?"),
        ("q", "quit", "k_quit", True, None),
        ("m", "profile", "k_profile", False, None),
        ("t", "timeline", "k_timeline", False, None),
        ("w", "workshop", "k_workshop", False, None),
    ],
    # lists of items: workshop lists, timeline, key figures
    "items": [
        ("a", "add", "k_add", True, None),
        ("e", "edit", "k_edit", True, "e/⏎"),
        ("delete", "delete", "k_delete", True, "Del"),
        ("alt+up", "move(-1)", "k_move_up", False, "alt+↑"),
        ("alt+down", "move(1)", "k_move_down", False, "alt+↓"),
    ],
    "workshop": [
        ("tab", "next_list", "k_next_list", False, "Tab"),
        ("shift+tab", "prev_list", "k_prev_list", False, "⇧Tab"),
        ("d", "details", "k_details", True, None),
        ("l", "plan", "k_plan", True, None),
        ("f", "choose", "k_choose", False, None),
        ("i", "info", "k_info", False, None),
        ("escape", "close_input", "k_close_input", False, "Esc"),
    ],
    "chooser": [
        ("space", "toggle_field", "k_toggle", True, "Space"),
        ("enter", "confirm", "k_confirm", True, "⏎"),
        ("escape", "dismiss_modal", "k_cancel", True, "Esc"),
    ],
    "plan": [
        ("s", "sort", "k_sort", True, None),
        ("enter", "goto_action", "k_goto_action", True, "⏎"),
        ("escape,l", "dismiss_modal", "k_close", True, "Esc"),
    ],
    # the profile: a text field has the focus on arrival; Esc leaves it for the screen keys
    "profile": [
        ("escape", "leave_input", "k_leave_input", True, "Esc"),
    ],
    "form": [
        ("escape,ctrl+s", "keep", "k_keep", True, "Esc"),
    ],
    "rate": [
        ("up,k", "cursor(-1)", "k_up", False, "↑"),
        ("down,j", "cursor(1)", "k_down", False, "↓"),
        ("home", "cursor_to(0)", "k_first", False, None),
        ("end", "cursor_to(-1)", "k_last", False, None),
        ("1", "rate('ja')", "k_ja", False, None),
        ("2", "rate('eher_ja')", "k_eher_ja", False, None),
        ("3", "rate('eher_nein')", "k_eher_nein", False, None),
        ("4", "rate('nein')", "k_nein", False, None),
        ("0,minus", "rate('keine_einschaetzung')", "k_keine", False, "0"),
        ("backspace,delete", "clear", "k_clear", False, "⌫"),
        ("left", "step(-1)", "k_prev_value", False, "←"),
        ("right", "step(1)", "k_next_value", False, "→"),
        ("n", "note", "k_note", True, None),
        ("shift+down", "details(3)", "k_details_down", False, "⇧↓"),
        ("shift+up", "details(-3)", "k_details_up", False, "⇧↑"),
    ],
    # the results report: PageUp/PageDown scroll it ([ and ] still change screens)
    "report": [
        ("pagedown", "page(1)", "k_page_down", False, "PgDn"),
        ("pageup", "page(-1)", "k_page_up", False, "PgUp"),
    ],
    "start": [
        ("ctrl+q", "quit", "k_quit", True, "^q"),
    ],
    "present": [
        ("right,pagedown,space", "next_page", "k_next_page", False, "→"),
        ("left,pageup,shift+space,backspace", "prev_page", "k_prev_page", False, "←"),
        ("home", "first_page", "k_first_page", False, None),
        ("end", "last_page", "k_last_page", False, None),
        ("up", "scroll_page(-1)", "k_scroll_page_up", False, "↑"),
        ("down", "scroll_page(1)", "k_scroll_page_down", False, "↓"),
        ("escape,q", "leave", "k_leave_present", False, "Esc"),
    ],
    "modal": [
        ("escape", "dismiss_modal", "k_close", True, "Esc"),
    ],
    "help": [
        ("escape,question_mark,f1,q", "dismiss_modal", "k_close", True, "Esc"),
    ],
    "respondent": [
        ("ctrl+s", "keep", "k_save_note", True, None),
        ("escape", "cancel", "k_cancel", True, "Esc"),
    ],
    "room": [
        ("left,pageup,k", "step(-1)", "k_room_prev", True, "←"),
        ("right,pagedown,space,j", "step(1)", "k_room_next", True, "→"),
        ("v", "reveal", "k_room_reveal", True, None),
        ("V", "reveal_all", "k_room_reveal_all", True, None),
        ("d", "sort", "k_room_sort", True, None),
        ("m", "merge", "k_room_merge", True, None),
        ("q,escape", "quit", "k_quit", True, "q"),
    ],
    "compare": [
        ("q,escape", "quit", "k_quit", True, "q"),
    ],
    "note": [
        ("escape,ctrl+s", "keep", "k_save_note", True, "Esc"),
        ("ctrl+r", "discard", "k_discard_note", True, None),
    ],
}


#: Keys Textual's App binds with priority (ctrl+q quits): ours are priority bindings too,
#: or the app's untranslated one would hide them from the key bar.
PRIORITY = {"ctrl+q"}


def bindings(areas: tuple[str, ...], lang: str, first: bool = False) -> list[Binding]:
    """The bindings of ``areas``; a key taken by an earlier area is left out of later ones
    (e.g. ``e`` edits an item on the workshop screen instead of opening the export).

    ``first``: all of them are priority bindings, taken by the app as the key arrives —
    for a screen none of whose widgets takes keys itself (no text input), this saves the
    key's trip down to the focused widget and back up through its containers.
    """
    table = UI.get(lang, UI["de"])
    taken: set[str] = set()
    result = []
    for area in areas:
        for keys, action, desc, show, display in KEYS[area]:
            free = [k for k in keys.split(",") if k not in taken]
            if free:
                result.append(
                    Binding(
                        ",".join(free),
                        action,
                        table[desc],
                        show=show,
                        key_display=table.get(f"key_{display}", display) if display else None,
                        priority=first or bool(PRIORITY & set(free)),
                    )
                )
        taken.update(k for keys, *_ in KEYS[area] for k in keys.split(","))
    return result


def _entry(action: str, areas: tuple[str, ...]) -> tuple:
    for area in areas:
        for entry in KEYS[area]:
            if entry[1] == action:
                return entry
    raise KeyError(action)


def key_for(action: str, areas: tuple[str, ...] = ("nav", "rate")) -> str:
    """The display key of ``action`` (e.g. ``"]"`` for next_field)."""
    keys, _, _, _, display = _entry(action, areas)
    return display or keys.split(",")[0]


def description_key(action: str, areas: tuple[str, ...] = ("nav", "rate")) -> str:
    """The UI string key describing ``action`` (e.g. ``"k_ja"`` for rate('ja'))."""
    return _entry(action, areas)[2]


S = TypeVar("S", bound=Screen)


def key_areas(cls: type) -> tuple[str, ...]:
    """The areas of the table ``cls`` takes its keys from (its ``KEY_AREAS``)."""
    areas = getattr(cls, "KEY_AREAS", None)
    if not isinstance(areas, tuple) or not all(isinstance(a, str) for a in areas):
        raise TypeError(f"{cls.__name__}.KEY_AREAS must be a tuple of binding table areas")
    return areas


@cache
def localized(cls: type[S], lang: str) -> type[S]:
    """``cls`` with ``BINDINGS`` from its ``KEY_AREAS`` in ``lang`` (cached per class)."""
    first = getattr(cls, "KEYS_FIRST", False) is True
    sub = type(
        cls.__name__,
        (cls,),
        {"BINDINGS": bindings(key_areas(cls), lang, first), "__module__": cls.__module__},
    )
    return cast("type[S]", sub)  # type() made a subclass of cls; mypy sees only a type
