"""Sessions survive save/load byte-exactly, whatever text users type."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from conftest import EXAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st

from wk_tui.files import dumps, load_session, save_session
from wk_tui.session import PRIORITIES, Action, Event, FieldWork, KeyFigure, Rating, Session

CIDS = [
    "hf1.steuerung",
    "hf1.monitoring",
    "hf2.sprache",
    "hf4.denken-verwaltung",
    "hf5.globale-verantwortung",
    "hf7.konflikte",
]
VALUES = ["ja", "eher_ja", "eher_nein", "nein", "keine_einschaetzung"]
NASTY = [
    "[bold]x[/bold]",
    '"""',
    "'''",
    "\\",
    "line1\nline2\r\n",
    "|a|b|",
    "`code`",
    "<script>alert(1)</script>",
    "😀👩‍👩‍👧",
    "Ä Ö Ü ß",
    "\t tab",
    "# hash",
    "\x00\x1f\x7f",
]

text = st.one_of(st.text(), st.sampled_from(NASTY), st.lists(st.sampled_from(NASTY)).map("".join))
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31))
stamps = st.datetimes(
    min_value=dt.datetime(1970, 1, 2),
    max_value=dt.datetime(2999, 1, 1),
    timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=2))]),
).map(lambda d: d.replace(microsecond=0))


@st.composite
def sessions(draw) -> Session:
    s = Session(
        "weltoffene-kommune", draw(st.sampled_from(["de", "en"])), draw(stamps), draw(stamps)
    )
    s.municipality.name = draw(text)
    s.municipality.population = draw(st.none() | st.integers(0, 10**9))
    s.municipality.foreign_share = draw(st.none() | st.floats(0, 100, allow_nan=False))
    s.municipality.challenges = draw(st.lists(text, max_size=3))
    s.municipality.context = draw(text)
    s.municipality.key_figures = [
        KeyFigure(draw(text) or "x", draw(text)) for _ in range(draw(st.integers(0, 2)))
    ]
    for cid in draw(st.lists(st.sampled_from(CIDS), unique=True)):
        s.ratings[cid] = Rating(draw(st.sampled_from(VALUES)), draw(text), draw(st.none() | stamps))
    s.timeline = [
        Event(draw(dates), draw(text) or "t", participants=draw(text), text=draw(text))
        for _ in range(draw(st.integers(0, 2)))
    ]
    if draw(st.booleans()):
        s.workshop.fields = ["hf4"]
        s.workshop.results["hf4"] = FieldWork(
            draw(st.lists(text, max_size=2)),
            draw(st.lists(text, max_size=2)),
            [
                Action(
                    draw(text) or "a",
                    draw(text),
                    draw(st.none() | dates),
                    draw(st.sampled_from(("", *PRIORITIES))),
                    draw(st.booleans()),
                )
            ],
        )
        s.workshop.outlook = draw(text)
    return s


@settings(max_examples=150, deadline=None)
@given(sessions())
def test_save_load_save_is_byte_exact(session):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.toml"
        save_session(session, path)
        first = path.read_bytes()
        loaded, _ = load_session(path)
        assert loaded.ratings == session.ratings
        assert loaded.municipality == session.municipality
        assert loaded.timeline == session.timeline
        assert loaded.workshop == session.workshop
        save_session(loaded, path)
        assert path.read_bytes() == first


def test_unknown_keys_survive_a_round_trip(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(
        EXAMPLE.read_text("utf-8").replace(
            "[municipality]", 'custom_top = "kept"\n\n[municipality]\nmayor_party = "X"', 1
        )
        + '\n[ratings."hf1.monitoring".evidence]\nurl = "https://example.org"\n'
        + "\n[plugin]\nanswer = 42\n",
        "utf-8",
    )
    session, _ = load_session(path)
    session.set_rating("hf1.monitoring", "ja")
    save_session(session, path)
    again, _ = load_session(path)
    assert again.extra["custom_top"] == "kept"
    assert again.extra["plugin"] == {"answer": 42}
    assert again.municipality.extra == {"mayor_party": "X"}
    assert again.ratings["hf1.monitoring"].extra == {"evidence": {"url": "https://example.org"}}
    assert again.ratings["hf1.monitoring"].value == "ja"


def test_example_round_trips_without_loss():
    session, _ = load_session(EXAMPLE)
    once = dumps(session)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.toml"
        path.write_text(once, "utf-8")
        again, _ = load_session(path)
    assert dumps(again) == once
    assert again == session
