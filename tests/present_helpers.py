"""Helpers for the presentation tests: apps, a session full of private markers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tui_helpers import example_session

from wk_tui.files import load_session, save_session
from wk_tui.follow import FileFollower
from wk_tui.screens.present_app import PresentApp
from wk_tui.session import Event, KeyFigure


def present_app(path: Path, lang: str = "de", poll: float = 0.25) -> PresentApp:
    return PresentApp(FileFollower(path).load(), lang, poll=poll)


#: Every private field of a session gets one of these (short, so no line wrap splits one).
MARKERS = [f"ZQX{i:02d}" for i in range(100)]


def private_session(tmp_path: Path) -> tuple[Path, list[str]]:
    """The example with a unique marker in every private field; returns the markers used."""
    path = example_session(tmp_path)
    session, _ = load_session(path)
    marks = iter(MARKERS)
    used: list[str] = []

    def mark() -> str:
        used.append(next(marks))
        return used[-1]

    m = session.municipality
    m.head_of_administration = mark()
    m.project_leads = [mark(), mark()]
    m.population_source = mark()
    m.foreign_share_source = mark()
    m.challenges = [mark()]
    m.context = mark()
    m.key_figures.append(KeyFigure(mark(), mark(), mark()))
    m.extra["respondents"] = [mark()]
    notes = [mark() for _ in range(3)]
    for rating, note in zip(list(session.ratings.values())[:3], notes, strict=True):
        rating.note = note
    session.ratings["hf4.denken-verwaltung"].extra["respondent"] = mark()
    session.timeline.append(
        Event(dt.date(2020, 9, 1), mark(), participants=mark(), text=mark(), extra={"x": mark()})
    )
    w = session.workshop
    w.facilitator = mark()
    w.participants = mark()
    w.outlook = mark()
    w.extra["participant_list"] = [mark(), mark()]
    for work in w.results.values():
        work.extra["respondents"] = [mark()]
        for action in work.actions:
            action.owner = mark()
            action.extra["contact"] = mark()
    session.extra["respondents"] = [mark()]
    session.respondent.name = mark()
    session.respondent.role = mark()
    session.respondent.department = mark()
    session.respondent.extra["phone"] = mark()
    for work in w.results.values():
        for action in work.actions:
            action.priority = "high"
            action.outlook = True
    save_session(session, path)
    text = path.read_text("utf-8")
    assert all(marker in text for marker in used)  # the file does hold them
    return path, used
