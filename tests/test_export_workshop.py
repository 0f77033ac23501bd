"""The report's sections 4 and 5 hold captured workshop items in the order shown on screen."""

from __future__ import annotations

import re

from tui_helpers import empty_session

from wk_tui import editing as ed
from wk_tui import workshop as ws
from wk_tui.export.markdown import render_markdown
from wk_tui.files import load_session
from wk_tui.session_store import SessionStore


def section(md: str, title: str) -> str:
    start = re.search(rf"^## \d+\. {re.escape(title)}$", md, re.M)
    assert start, title
    end = re.search(r"^## ", md[start.end() :], re.M)
    return md[start.end() : start.end() + end.start() if end else len(md)]


def captured(tmp_path):
    path = empty_session(tmp_path)
    store = SessionStore.open(path)
    store.edit(ed.choose_fields, ["hf5", "hf2"])
    for kind, texts in (
        ("works", ["W1", "W2", "W3"]),
        ("not_yet", ["N1", "N2"]),
        ("actions", ["A1", "A2", "A3"]),
    ):
        for text in texts:
            store.edit(ed.add_item, "hf5", kind, text, "de")
    store.edit(ed.move_item, "hf5", "works", 2, -2)  # W3 first
    store.edit(ed.move_item, "hf5", "actions", 0, 1)  # A2 A1 A3
    store.edit(ed.add_item, "hf2", "actions", "B1", "de")
    store.edit(ed.set_action, "hf5", 2, "de", "Amt", "31.12.2021")
    store.close()
    return path


def test_sections_4_and_5_follow_screen_order(tmp_path):
    session, q = load_session(captured(tmp_path))
    md = render_markdown(session, q)
    four = section(md, "Ergebnisse Selbstcheck-Workshop")
    bullets = re.findall(r"^- (\w\d)$", four, re.M)
    assert bullets == ["W3", "W1", "W2", "N1", "N2", "A2", "A1", "A3", "B1"]
    assert bullets[:8] == [
        *ws.items(session, "hf5", "works"),
        *ws.items(session, "hf5", "not_yet"),
        *ws.items(session, "hf5", "actions"),
    ]
    # the chosen order: field 5 before field 2
    assert four.index("Handlungsfeld 5") < four.index("Handlungsfeld 2")
    five = section(md, "Ausblick und Perspektiven zur strategischen Weiterarbeit")
    rows = [line.split(" | ")[1] for line in five.splitlines() if line.startswith("| ")][2:]
    assert rows == ["A2", "A1", "A3", "B1"]
    assert "| 5 | A3 | Amt | 31. Dezember 2021 |" in five
    assert "Priorität" not in five


def test_marked_actions_and_priority_in_outlook(tmp_path):
    path = captured(tmp_path)
    store = SessionStore.open(path)
    store.edit(ed.set_action, "hf5", 1, "en", "", "", "high", True)
    store.edit(ed.toggle_outlook, "hf2", 0)
    store.close()
    session, q = load_session(path)
    session.language = "en"
    md = render_markdown(session, q)
    five = section(md, "Outlook and perspectives for further strategic work")
    assert "singled out for the outlook" in five
    rows = [line for line in five.splitlines() if line.startswith("| ")]
    assert rows[0].endswith("| Priority |")
    assert [r.split(" | ")[1] for r in rows[2:]] == ["A1", "B1"]
    assert rows[2].endswith("| high |")
    # section 4 still lists every action
    four = section(md, "Results of the self-check workshop")
    assert re.findall(r"^- (A\d)$", four, re.M) == ["A2", "A1", "A3"]
