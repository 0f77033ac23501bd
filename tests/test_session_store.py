"""The store is the one path for a change: it owns the revision and tells its subscribers."""

from __future__ import annotations

from tui_helpers import example_session

from wk_tui.session_store import SessionStore


def test_every_change_bumps_the_revision_once_and_tells_subscribers(tmp_path):
    store = SessionStore.open(example_session(tmp_path))
    seen: list[int] = []
    store.subscribe(lambda: seen.append(store.revision))
    try:
        cid = next(iter(store.session.ratings))
        old, old_note = store.session.value(cid), store.session.note(cid)
        assert store.rate(cid, old) is False  # no change, no revision
        assert seen == [] and not store.dirty
        assert store.rate(cid, "nein" if old != "nein" else "ja") is True
        store.set_note(cid, "Neue Notiz")
        store.set_note(cid, "Neue Notiz")  # unchanged: nothing happens
        change = store.next_undo  # the most recent change: the note
        assert (change.cid, change.kind) == (cid, "note")
        assert store.undo() == cid
        assert seen == [1, 2, 3] and store.revision == 3 and store.dirty
        assert store.session.value(cid) != old and store.session.note(cid) == old_note
        assert store.next_undo.kind == "rating" and store.undo() == cid
        assert store.session.value(cid) == old and seen == [1, 2, 3, 4]
        store.set_note(cid, "Neue Notiz")
        store.flush()
        assert not store.dirty
        assert 'note = "Neue Notiz"' in store.path.read_text("utf-8")
    finally:
        store.close()


def test_text_that_cannot_be_stored_is_refused_when_entered(tmp_path):
    """Lone surrogates (a broken terminal or paste) never reach a save."""
    import pytest

    from wk_tui.files import new_session
    from wk_tui.questionnaire import bundled
    from wk_tui.session_store import SessionStore
    from wk_tui.validate import UnstorableText

    q = bundled("weltoffene-kommune", "de")
    store = SessionStore(tmp_path / "s.toml", new_session(q.id, "de"), q)
    cid = q.criteria[0].id
    with pytest.raises(UnstorableText):
        store.set_note(cid, "kaputt \udcfc")
    assert store.session.note(cid) == "" and store.revision == 0
    assert store.set_note(cid, "heile ü")
