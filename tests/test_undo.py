"""The store's undo stack: ratings and notes, in order, back to the exact starting state."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from conftest import EXAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st

from wk_tui.files import dumps
from wk_tui.session_store import SessionStore

CIDS = ["hf1.steuerung", "hf1.monitoring", "hf2.bildung", "hf9.unknown"]
VALUES = [None, "ja", "eher_ja", "eher_nein", "nein", "keine_einschaetzung"]
NOTES = ["", "kurz", "zwei\\nZeilen", "[bold]x[/]"]

edit = st.one_of(
    st.tuples(st.just("rate"), st.sampled_from(CIDS), st.sampled_from(VALUES)),
    st.tuples(st.just("note"), st.sampled_from(CIDS), st.sampled_from(NOTES)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(edit, max_size=12))
def test_undoing_every_change_restores_the_ratings(edits):
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / "s.toml"
        shutil.copyfile(EXAMPLE, path)
        store = SessionStore.open(path)
        start = dumps(store.session)
        ratings = {k: (r.value, r.note, r.updated) for k, r in store.session.ratings.items()}
        changed = 0
        for kind, cid, arg in edits:
            if kind == "rate":
                changed += store.rate(cid, arg)
            else:
                changed += store.set_note(cid, arg)
        assert len(store.undo_stack) == changed
        kinds = [c.kind for c in reversed(store.undo_stack)]
        for kind in kinds:  # most recent first, of either kind
            assert store.next_undo.kind == kind
            store.undo()
        assert store.undo() is None
        after = {k: (r.value, r.note, r.updated) for k, r in store.session.ratings.items()}
        assert after == ratings
        if changed == 0:
            assert dumps(store.session) == start
        store.close()
    finally:
        shutil.rmtree(folder)
