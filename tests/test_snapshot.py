"""The autosave hands the writer thread a snapshot: later changes never leak into it."""

from __future__ import annotations

from conftest import EXAMPLE

from wk_tui.files import dumps, dumps_document, load_session, snapshot


def test_a_snapshot_serialises_like_the_session_and_owns_its_containers():
    session, _q = load_session(EXAMPLE)
    doc = snapshot(session)
    before = dumps_document(doc)
    assert before == dumps(session)
    # Change the session in place, as the UI thread may while the writer works.
    session.municipality.project_leads.append("Neue Leitung")
    for result in session.workshop.results.values():
        result.works.append("noch etwas")
    session.set_rating(next(iter(session.ratings)), "nein")
    assert dumps_document(doc) == before
    assert dumps(session) != before


async def test_the_autosave_writes_the_revision_it_was_handed(tmp_path):
    from wk_tui.session_store import SessionStore

    path = tmp_path / "s.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    store = SessionStore.open(path)
    try:
        cid = next(iter(store.session.ratings))
        store.rate(cid, "nein")
        store.autosave()
        assert store.flush()
        session, _q = load_session(path)
        assert session.value(cid) == "nein"
        assert not store.dirty
    finally:
        store.close()
