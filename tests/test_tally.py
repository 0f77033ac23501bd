"""Incremental scoring equals a full re-score after any sequence of changes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from wk_tui.files import new_session
from wk_tui.questionnaire import SCALE_VALUES, bundled
from wk_tui.scoring import score
from wk_tui.session_store import SessionStore

Q = bundled("weltoffene-kommune", "de")
CIDS = [c.id for c in Q.criteria]
ops = st.lists(
    st.one_of(
        st.tuples(st.just("rate"), st.sampled_from(CIDS), st.sampled_from(SCALE_VALUES)),
        st.tuples(st.just("clear"), st.sampled_from(CIDS), st.none()),
        st.tuples(st.just("undo"), st.none(), st.none()),
        st.tuples(st.just("note"), st.sampled_from(CIDS), st.text(max_size=5)),
    ),
    max_size=60,
)


def store() -> SessionStore:
    return SessionStore(Path("/nonexistent/never-written.toml"), new_session(Q.id, "de"), Q)


@settings(max_examples=150, deadline=None)
@given(ops)
def test_tally_matches_full_score(steps):
    s = store()
    for op, cid, arg in steps:
        if op == "rate":
            s.rate(cid, arg)
        elif op == "clear":
            s.rate(cid, None)
        elif op == "undo":
            s.undo()
        else:
            s.set_note(cid, arg)
        assert s.tally.result(Q) == score(Q, s.session.values(Q))


def test_a_key_rescores_only_its_field(monkeypatch):
    from wk_tui import tally

    s = store()
    s.tally.result(Q)
    calls = []
    real = tally.field_result
    monkeypatch.setattr(tally, "field_result", lambda q, f, v: calls.append(f.id) or real(q, f, v))
    s.rate(Q.fields[3].criteria[0].id, "ja")
    s.tally.result(Q)
    assert calls == [Q.fields[3].id]
    s.set_note(Q.fields[0].criteria[0].id, "a note")
    s.tally.result(Q)
    assert calls == [Q.fields[3].id]  # a note changes no score


def test_language_switch_rescores_against_the_other_questionnaire():
    s = store()
    s.rate(CIDS[0], "ja")
    en = bundled("weltoffene-kommune", "en")
    assert s.tally.result(en) == score(en, s.session.values(en))
    assert s.tally.result(Q) == score(Q, s.session.values(Q))
