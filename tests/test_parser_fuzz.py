"""Hypothesis on the loaders: any input gives a session or one clear WkError, never a crash,
and a failed load never changes the file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import EXAMPLE, QUESTIONNAIRES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wk_tui.errors import WkError
from wk_tui.files import load_session
from wk_tui.questionnaire import load_questionnaire

EXAMPLE_LINES = EXAMPLE.read_text("utf-8").splitlines()
Q_LINES = (QUESTIONNAIRES / "weltoffene-kommune.de.toml").read_text("utf-8").splitlines()
JUNK = [
    "",
    "=",
    "[",
    "]]",
    '"',
    '"""',
    "value = 3",
    'value = "vielleicht"',
    "[ratings.x]",
    "schema = 5",
    'schema = "wk-tui-session/99"',
    "population = -1.5",
    "date = 2020-13-40",
    "fields = 1",
    "[[fields]]",
    "min = 30",
    "\x00",
    "ä = 1",
    "[workshop.results]",
]


@st.composite
def mutated(draw, lines: list[str]) -> str:
    out = list(lines)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(out) - 1))
        op = draw(st.sampled_from(["drop", "junk", "dup", "cut"]))
        if op == "drop":
            del out[i]
        elif op == "junk":
            out[i] = draw(st.sampled_from(JUNK) | st.text(max_size=20))
        elif op == "dup":
            out.insert(i, out[i])
        else:
            out[i] = out[i][: draw(st.integers(0, len(out[i])))]
    return "\n".join(out) + "\n"


def _check(loader, text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.toml"
        path.write_text(text, "utf-8", errors="surrogatepass")
        before = path.read_bytes()
        try:
            loader(path)
        except WkError as exc:
            message = str(exc)
            assert message.startswith(str(path)) and "\n" not in message
        assert path.read_bytes() == before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(EXAMPLE_LINES))
def test_mutated_sessions_never_crash_the_loader(text):
    _check(load_session, text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(Q_LINES))
def test_mutated_questionnaires_never_crash_the_loader(text):
    _check(load_questionnaire, text)
