"""Any text in any user field of a session: the TUI draws it without a control sequence.

Hypothesis puts one string (built from terminal attacks and arbitrary text) into every
user field a session holds; the app is opened with Pilot, every screen showing those
fields is visited, and what it draws (the SVG screenshot of the composed screen, after
the app's line filters, i.e. what the driver would write) holds no ESC, C1, BEL, CR or
backspace character. ``test_hostile_text_is_shown_not_obeyed`` shows the text is drawn.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from pathlib import Path

from conftest import EXAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tui_helpers import app_for, svg_text

from wk_tui.files import load_session, save_session
from wk_tui.session import Action, Event, FieldWork, KeyFigure

ATTACKS = [
    "\x1b]52;c;Zm9v\x07",  # set the clipboard
    "\x1b]0;owned\x07",  # set the window title
    "\x1b[?1049l",  # leave the alternate screen
    "\x1b[2J",
    "\x9b31m",  # CSI as a C1 control
    "\x90C1\x9c",
    "\x07",
    "\r",
    "\x08",
    "\x7f",
    "\x1b",
    "\n",
    "\t",
]
#: what must not be in the drawn screen: C0 controls but LF, DEL and C1
FORBIDDEN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

pieces = st.one_of(
    st.sampled_from(ATTACKS),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=6),
)
hostile = st.lists(pieces, min_size=1, max_size=6).map("".join)


def plant(text: str, path: Path) -> str:
    """Every user field of the example session set to (or holding) ``text``; returns the
    id of a criterion on the first screen (its note is shown there)."""
    session, q = load_session(EXAMPLE)
    must = "K" + text  # a label, title or action must not be empty
    m = session.municipality
    m.name = m.population_source = m.head_of_administration = m.context = text
    m.project_leads, m.challenges = [text, "x" + text], [text]
    m.key_figures = [KeyFigure(label=must, value=text, source=text)]
    r = session.respondent
    r.name = r.role = r.department = text
    for crit in q.criteria:
        session.set_note(crit.id, text)
    day = dt.date(2020, 2, 17)
    session.timeline = [Event(date=day, title=must, participants=text, text=text)]
    w = session.workshop
    w.facilitator = w.participants = w.outlook = text
    for fid in w.fields or [q.fields[0].id]:
        w.results[fid] = FieldWork(
            works=[text],
            not_yet=[text],
            actions=[Action(text=must, owner=text, due=day, priority="high", outlook=True)],
        )
    save_session(session, path)
    return q.criteria[0].id


async def drawn_screens(path: Path, size=(100, 30)) -> list[tuple[str, str]]:
    """(where, SVG) for every screen that shows a user field."""
    app = app_for(path)
    shots: list[tuple[str, str]] = []
    async with app.run_test(size=size) as pilot:

        async def shot(where: str) -> None:
            await pilot.pause()
            shots.append((where, app.export_screenshot()))

        await shot("field")
        for key, where in [
            ("n", "note"),
            ("escape", "field again"),
            ("o", "overview"),
            ("r", "results"),
            ("d", "disagreements"),
            ("m", "profile"),
        ]:
            await pilot.press(key)
            await shot(where)
        # The profile's inputs take letters as text: the next screens are opened directly.
        for show, where in [
            (app.show_timeline, "timeline"),
            (app.show_workshop, "workshop"),
            (app.edit_respondent, "respondent"),
            (app.show_presentation, "presentation"),
        ]:
            show()
            await shot(where)
            if where == "workshop":
                await pilot.press("l")
                await shot("plan")
    app.store.close()  # the next example opens the file again
    return shots


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=hostile)
def test_no_control_character_reaches_the_screen(tmp_path, text):
    path = tmp_path / "hostile.toml"
    plant(text, path)
    for where, svg in asyncio.run(drawn_screens(path)):
        bad = FORBIDDEN.search(svg)
        assert bad is None, f"{where}: {bad.group()!r} drawn for {text!r}"


async def test_hostile_text_is_shown_not_obeyed(tmp_path):
    path = tmp_path / "hostile.toml"
    plant("Ev\x1b]52;c;Zm9v\x07il", path)
    shots = dict(await drawn_screens(path))
    shown = ("field", "note", "profile", "timeline", "workshop", "plan", "respondent")
    for where in shown:
        # ESC is shown as its picture (Rich drops BEL, CR and backspace from text)
        assert "Ev␛]52;c;Zm9v" in svg_text(shots[where]), where
        assert FORBIDDEN.search(shots[where]) is None, where
