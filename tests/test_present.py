"""The presentation: pages and keys, privacy, following the file live, broken files."""

from __future__ import annotations

import subprocess
import sys
import time

from present_helpers import present_app, private_session
from tui_helpers import app_for, example_session, screen_text

from wk_tui.files import dumps, load_session, save_session
from wk_tui.presentation import slides
from wk_tui.screens.present import PresentationScreen

PAGES = 11  # verdict, results, 7 action fields, 2 workshop fields (example)


def indicator(app) -> str:
    return screen_text(app).splitlines()[-1].strip()


async def test_pages_move_with_every_key(tmp_path):
    app = present_app(example_session(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Dessau-Roßlau" in text and "Gesamtergebnis" in text
        assert "Die Kommune ist auf dem Weg zur Weltoffenheit fortgeschritten." in text
        assert indicator(app).endswith(f"1 / {PAGES}")
        for key, page in [
            ("right", 2),
            ("space", 3),
            ("pagedown", 4),
            ("left", 3),
            ("backspace", 2),
            ("pageup", 1),
            ("left", 1),  # stays on the first page
            ("end", PAGES),
            ("right", PAGES),  # stays on the last page
            ("shift+space", PAGES - 1),
            ("home", 1),
        ]:
            await pilot.press(key)
            assert indicator(app).endswith(f"{page} / {PAGES}"), key
        await pilot.press("right")
        assert "Ergebnisse nach Handlungsfeld" in screen_text(app)
        assert "Engagement und Beteiligung" in screen_text(app)
        await pilot.press("right", "right")
        text = screen_text(app)
        assert "Handlungsfeld 2" in text and "Fairer Zugang und Teilhabechancen" in text
        assert "keine Einschätzung" in text and "Transport und Mobilität" in text
        await pilot.press("end")
        text = screen_text(app)
        assert "Workshop · Handlungsfeld 5" in text
        assert "Was läuft schon gut?" in text and "Handlungsbedarfe" in text
        assert "Das ehrenamtliche Engagement" in text
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_pages_in_english_and_scrolling(tmp_path):
    app = present_app(example_session(tmp_path), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Overall result" in screen_text(app)
        await pilot.press("end")
        text = screen_text(app)
        assert "What already" in text and "Needs for" in text
        assert "Civic engagement and participation" in text
        await pilot.press("down")
        await pilot.pause()
        assert screen_text(app) != text  # the lists scrolled
        await pilot.press("up")
        await pilot.pause()
        assert screen_text(app) == text
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0


async def test_p_opens_the_live_presentation_in_the_app_and_esc_leaves_it(tmp_path):
    app = app_for(example_session(tmp_path), field="hf1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        theme = app.theme
        await pilot.press("p")
        assert isinstance(app.screen, PresentationScreen)
        assert app.theme == "wk-present"
        await pilot.press("right")
        assert "58,3 %" in screen_text(app)  # field 1 on the results page
        # A rating made while presenting (here: through the app) shows at once.
        app.rate("hf1.steuerung", "nein")
        await pilot.pause()
        assert "41,7 %" in screen_text(app)
        assert indicator(app).endswith(f"2 / {PAGES}")
        await pilot.press("escape")
        assert app.screen.name == "field:hf1"
        assert app.theme == theme
    assert "wk-present" not in str(app.config.get("theme"))


async def test_palette_has_the_presentation(tmp_path):
    app = app_for(example_session(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Präsentation starten" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Präsentation starten")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PresentationScreen)


def test_slides_hold_no_private_field(tmp_path):
    path, markers = private_session(tmp_path)
    session, q = load_session(path)
    shown = repr(slides(session, q))
    assert [m for m in markers if m in shown] == []
    assert "Dessau-Roßlau" in shown  # the municipality's name is public


async def test_no_page_shows_a_private_field(tmp_path):
    path, markers = private_session(tmp_path)
    # Tall and wide: every page fits, nothing is hidden below a scroll.
    standalone = present_app(path)
    async with standalone.run_test(size=(200, 120)) as pilot:
        await pilot.pause()
        for _ in range(PAGES):
            text = screen_text(standalone)
            assert [m for m in markers if m in text] == []
            await pilot.press("right")
    app = app_for(path)
    async with app.run_test(size=(200, 120)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        for _ in range(PAGES):
            text = screen_text(app)
            assert [m for m in markers if m in text] == []
            await pilot.press("right")


REWRITE = """
import sys
from wk_tui.files import load_session, save_session
session, q = load_session(sys.argv[1])
for c in q.fields[0].criteria:
    session.set_rating(c.id, "nein")
session.workshop.results["hf4"].works.append("Neu: Sprachcafé im Rathaus")
save_session(session, sys.argv[1])  # atomic: temp file, fsync, rename
"""


def count_polls(app) -> list:
    """Record every poll of the app's file follower (in a list the test can clear)."""
    polls: list = []
    poll = app.follower.poll

    def counted() -> bool:
        polls.append(None)
        return poll()

    app.follower.poll = counted
    return polls


async def wait_for(pilot, app, text: str, seconds: float = 5.0) -> float:
    start = time.monotonic()
    while text not in screen_text(app):
        assert time.monotonic() - start < seconds, f"{text!r} not shown after {seconds} s"
        await pilot.pause(0.05)
    return time.monotonic() - start


async def test_follows_a_file_another_process_rewrites(tmp_path):
    path = example_session(tmp_path)
    app = present_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("right")
        assert "58,3 %" in screen_text(app)
        polls = count_polls(app)
        subprocess.run([sys.executable, "-c", REWRITE, str(path)], check=True, timeout=60)
        polls.clear()
        await wait_for(pilot, app, " 0,0 %")
        # Within a second of polling (4 polls of 0.25 s): counted in polls, not wall time,
        # so a loaded machine that delays the timers does not fail it.
        assert len(polls) <= 4
        assert indicator(app) == f"2 / {PAGES}"  # still on the same page
        # A workshop list grows live on its page.
        await pilot.press("end", "left")
        assert "Workshop · Handlungsfeld 4" in screen_text(app)
        session, _ = load_session(path)
        session.workshop.results["hf4"].works.append("Patenschaften")
        save_session(session, path)
        await wait_for(pilot, app, "Patenschaften")
        assert indicator(app) == f"{PAGES - 1} / {PAGES}"
        assert "⚠" not in screen_text(app)


async def test_survives_a_truncated_and_a_missing_file(tmp_path):
    path = example_session(tmp_path)
    session, _ = load_session(path)
    session.set_rating("hf1.steuerung", "nein")
    new = dumps(session).encode("utf-8")
    # Cut inside a quoted string: what a writer that is not atomic leaves mid-way.
    cut = new[: new.index(b' = "', len(new) // 2) + len(b' = "Die')]
    app = present_app(path, poll=0.1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("right")
        path.write_bytes(cut)  # truncates in place, then half the content
        await wait_for(pilot, app, "Datei gerade unlesbar")
        text = screen_text(app)
        assert "58,3 %" in text and indicator(app).endswith(f"2 / {PAGES}")
        path.write_bytes(new)
        await wait_for(pilot, app, "41,7 %")
        assert "⚠" not in screen_text(app)
        path.unlink()
        await wait_for(pilot, app, "Datei nicht gefunden")
        assert "41,7 %" in screen_text(app)
        path.write_bytes(b"\x00\xff not toml")
        await wait_for(pilot, app, "Datei gerade unlesbar")
        assert "41,7 %" in screen_text(app)


async def test_a_new_session_has_no_score_yet_and_no_workshop_pages(tmp_path):
    from tui_helpers import empty_session

    app = present_app(empty_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Musterstadt" in text and "noch kein Wert" in text
        assert indicator(app) == "1 / 9"  # verdict, results, 7 action fields
        await pilot.press("end")
        text = screen_text(app)
        assert "○" in text and "offen" in text and "–  noch kein Wert" in text
