"""The interface does not mix languages: every screen in English shows none of the German
strings of the app's own tables, and the reverse."""

from __future__ import annotations

import re

import pytest
from tui_helpers import app_for, empty_session, example_session, screen_text

from wk_tui.files import SessionLock
from wk_tui.screens.app import create_app
from wk_tui.screens.strings import UI


def fragments(lang: str) -> set[str]:
    """Distinctive pieces of ``lang``'s strings: not in the other language's table."""
    other = "en" if lang == "de" else "de"
    theirs = " ".join(UI[other].values())
    found = set()
    for key, text in UI[lang].items():
        if text == UI[other].get(key):
            continue
        for piece in re.split(r"\{[^}]*\}|\n|[·:()–…,.!?]", text):
            piece = piece.strip()
            if len(piece) >= 6 and piece not in theirs:
                found.add(piece)
    return found


#: Textual's own English strings the app replaces (palette, ctrl+c notice, key bar).
TEXTUAL_EN = (
    "Search for commands…",
    "Do you want to quit",
    "Change the current theme",
    "Quit the application",
    "Save an SVG",
    " Palette",
)


def foreign(text: str, lang: str) -> list[str]:
    other = "en" if lang == "de" else "de"
    flat = " ".join(text.split())
    found = sorted(p for p in fragments(other) if p in flat)
    if lang == "de":
        found += [p for p in TEXTUAL_EN if p in flat]
    return found


#: The walk through a session: (name, keys pressed, pause), each step read after its keys.
STEPS: tuple[tuple[str, tuple[str, ...], float | None], ...] = (
    ("field", ("1",), None),
    ("overview", ("o",), None),
    ("results", ("r",), None),
    ("results-end", ("end",), None),
    ("help", ("question_mark",), None),
    ("note", ("escape", "left_square_bracket", "n"), None),
    ("export", ("ctrl+r", "e"), 0.3),
    ("ctrl+c", ("escape", "ctrl+c"), None),
    ("palette", ("ctrl+p",), 0.3),
    ("undo", ("escape", "ctrl+z", "ctrl+z"), None),
)


async def walk(tmp_path, lang: str) -> dict[str, str]:
    """The text of every screen, in ``lang``."""
    seen: dict[str, str] = {}
    start = create_app(None, language=lang, config={})
    async with start.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        seen["start"] = screen_text(start)
        await pilot.click("#new")  # empty path: the hint
        await pilot.pause()
        seen["start-hint"] = screen_text(start)
    path = empty_session(tmp_path, lang=lang)
    app = app_for(path, language=lang)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        for name, keys, delay in STEPS:
            await pilot.press(*keys)
            await pilot.pause(delay)
            seen[name] = screen_text(app)
    app.store.close()
    other = example_session(tmp_path)
    with SessionLock(other):
        locked = app_for(other, language=lang)
        async with locked.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            seen["locked"] = screen_text(locked)
    return seen


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_every_screen_speaks_one_language(tmp_path, lang):
    seen = await walk(tmp_path, lang)
    mixed = {name: foreign(text, lang) for name, text in seen.items()}
    assert {name: found for name, found in mixed.items() if found} == {}
    own = {p for p in fragments(lang) if any(p in " ".join(t.split()) for t in seen.values())}
    assert len(own) >= 40, sorted(own)  # the walk saw plenty of the language's own strings
    # The walk reached every screen (in the right language).
    expect = {
        "de": {"locked": "Nur lesen", "palette": "Befehl suchen", "ctrl+c": "Beenden?"},
        "en": {"locked": "Read-only", "palette": "Search for commands", "ctrl+c": "Quit?"},
    }[lang]
    for name, needle in expect.items():
        assert needle in seen[name], name
