"""The live room's core: room file, joining, safe reading of the folder, the counts."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from conftest import EXAMPLE

from wk_tui.errors import WkError
from wk_tui.files import load_session, new_session, save_session
from wk_tui.room import (
    MAX_PARTICIPANT_BYTES,
    Answers,
    Scanner,
    create_room,
    join,
    load_room,
)
from wk_tui.room_count import by_disagreement, room_json, tally


@pytest.fixture
def admin(tmp_path: Path) -> Path:
    path = tmp_path / "admin.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def participant(folder: Path, values: dict[str, str], name: str = "") -> Path:
    path = join(folder, name)
    session, _q = load_session(path)
    for cid, v in values.items():
        session.set_rating(cid, v)
    save_session(session, path)
    return path


def test_create_writes_a_private_room_with_a_code(tmp_path, admin):
    room = create_room(tmp_path / "room", admin, ["hf5", "hf4"])
    assert room.fields == ("hf4", "hf5")  # questionnaire order
    assert len(room.code.replace(" ", "")) == 6 and room.code.replace(" ", "").isdigit()
    assert stat.S_IMODE((tmp_path / "room").stat().st_mode) == 0o700
    again = load_room(tmp_path / "room")
    assert again == room
    # Reopening keeps the code.
    assert create_room(tmp_path / "room", admin, ["hf4"]).code == room.code


def test_shared_room_is_a_drop_box(tmp_path, admin):
    room = create_room(tmp_path / "box", admin, ["hf4"], shared=True)
    assert stat.S_IMODE(room.folder.stat().st_mode) == 0o1733
    assert stat.S_IMODE((room.folder / "room.toml").stat().st_mode) == 0o644
    path = join(room.folder, "Anna")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_unknown_or_missing_fields_are_refused(tmp_path, admin):
    with pytest.raises(WkError, match="unknown field hf9"):
        create_room(tmp_path / "r", admin, ["hf9"])
    blank = tmp_path / "blank.toml"
    save_session(new_session("weltoffene-kommune", "de"), blank)  # no workshop fields chosen
    with pytest.raises(WkError, match="no fields chosen"):
        create_room(tmp_path / "r2", blank)
    # Without --fields the session's chosen workshop fields are the room's.
    session, _q = load_session(admin)
    assert create_room(tmp_path / "r3", admin).fields == tuple(session.workshop.fields)


def test_join_checks_the_code_and_writes_a_valid_session(tmp_path, admin):
    room = create_room(tmp_path / "room", admin, ["hf4"])
    with pytest.raises(WkError, match="wrong room code"):
        join(room.folder, code="000 000" if room.code != "000 000" else "111 111")
    path = join(room.folder, "Bea", code=room.code.replace(" ", ""))
    session, q = load_session(path)
    assert session.respondent.name == "Bea" and q.id == room.questionnaire
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_hand_computed_distribution_of_five_participants(tmp_path, admin):
    room = create_room(tmp_path / "room", admin, ["hf4"])
    admin_session, q = load_session(admin)
    c1, c2, c3 = [c.id for c in q.field("hf4").criteria[:3]]
    participant(room.folder, {c1: "ja", c2: "keine_einschaetzung"})
    participant(room.folder, {c1: "eher_ja", c2: "nein"})
    participant(room.folder, {c1: "eher_nein"})
    participant(room.folder, {c1: "nein", c2: "keine_einschaetzung"})
    participant(room.folder, {c1: "keine_einschaetzung"})
    state = Scanner(room, q).scan()
    assert len(state.participants) == 5 and not state.ignored
    rows = {r.id: r for r in tally(room, q, admin_session, state.participants)}
    one = rows[c1]
    assert one.counts == {
        "ja": 1,
        "eher_ja": 1,
        "eher_nein": 1,
        "nein": 1,
        "keine_einschaetzung": 1,
        "": 0,
    }
    assert one.rated == 5 and one.spread == 3
    assert one.consensus == "eher_nein"  # points 3,2,1,0: lower of the middle two = 1
    assert rows[c2].consensus == "nein" and rows[c2].rated == 3 and rows[c2].spread == 0
    assert rows[c3].rated == 0 and rows[c3].consensus is None and rows[c3].counts[""] == 5
    assert one.admin == admin_session.value(c1)
    data = room_json(room, list(rows.values()), state)
    assert data["room"]["participants"] == 5
    assert data["criteria"][0]["distribution"]["unrated"] == 0


def test_gap_orders_by_disagreement_with_the_administration(tmp_path, admin):
    room = create_room(tmp_path / "room", admin, ["hf4"])
    admin_session, q = load_session(admin)
    crits = [c.id for c in q.field("hf4").criteria]
    own = {c: admin_session.value(c) for c in crits}
    far = next(c for c in crits if own[c] == "ja")
    participant(room.folder, {far: "nein"})
    rows = by_disagreement(tally(room, q, admin_session, Scanner(room, q).scan().participants))
    assert rows[0].id == far and rows[0].gap == 3


def test_hostile_folder_entries_are_ignored_discreetly(tmp_path, admin):
    room = create_room(tmp_path / "room", admin, ["hf4"])
    _s, q = load_session(admin)
    good = participant(room.folder, {q.field("hf4").criteria[0].id: "ja"})
    outside = tmp_path / "outside.toml"
    outside.write_bytes(good.read_bytes())
    (room.folder / "link.toml").symlink_to(outside)
    (room.folder / "big.toml").write_bytes(b"# " + b"x" * MAX_PARTICIPANT_BYTES)
    (room.folder / "broken.toml").write_text("schema = [", "utf-8")
    (room.folder / "half.toml").write_bytes(good.read_bytes()[:40])
    os.mkfifo(room.folder / "fifo.toml")
    state = Scanner(room, q).scan()  # never blocks on the FIFO, never follows the link
    assert [p.file for p in state.participants] == [good.name]
    reasons = {i.file: i.reason for i in state.ignored}
    assert reasons == {
        "big.toml": "too big",
        "broken.toml": "unreadable",
        "fifo.toml": "not a regular file",
        "half.toml": "unreadable",
        "link.toml": "symlink",
    }
    assert state.unreadable == 2


def test_other_questionnaires_do_not_count_and_unchanged_files_are_not_reparsed(
    tmp_path, admin, monkeypatch
):
    room = create_room(tmp_path / "room", admin, ["hf4"])
    _s, q = load_session(admin)
    participant(room.folder, {})
    other = room.folder / "other.toml"
    other.write_text(
        EXAMPLE.read_text("utf-8").replace(
            'questionnaire = "weltoffene-kommune"', 'questionnaire = "other-check"'
        ),
        "utf-8",
    )
    scanner = Scanner(room, q)
    first = scanner.scan()
    assert len(first.participants) == 1 and first.ignored[0].file == "other.toml"
    from wk_tui import room as room_module

    calls = []
    real = room_module.load_session
    monkeypatch.setattr(
        room_module, "load_session", lambda *a, **k: calls.append(a) or real(*a, **k)
    )
    assert scanner.scan() == first
    assert calls == []  # nothing changed: nothing parsed


def test_participants_answers_hold_no_names_or_notes(tmp_path, admin):
    room = create_room(tmp_path / "room", admin, ["hf4"])
    _s, q = load_session(admin)
    path = participant(room.folder, {q.field("hf4").criteria[0].id: "ja"}, name="Secret Name")
    session, _ = load_session(path)
    session.set_note(q.field("hf4").criteria[0].id, "secret note")
    save_session(session, path)
    (answers,) = Scanner(room, q).scan().participants
    assert isinstance(answers, Answers)
    assert "Secret" not in repr(answers) and "secret note" not in repr(answers)


KILLED_WRITER = """
import random, sys
from pathlib import Path
from wk_tui.files import load_session, save_session
from wk_tui.room import join
path = join(Path(sys.argv[1]))
session, q = load_session(path)
crits = [c.id for c in q.field("hf4").criteria]
print("ready", flush=True)
while True:
    session.set_rating(random.choice(crits), random.choice(["ja", "nein", "eher_ja"]))
    session.set_note(crits[0], "x" * random.randint(0, 20000))  # long writes: kills land inside
    save_session(session, path)
"""


def test_participants_killed_mid_write_never_leave_a_file_the_room_counts_broken(tmp_path, admin):
    import random
    import signal
    import subprocess
    import sys
    import time

    from conftest import ROOT

    room = create_room(tmp_path / "room", admin, ["hf4"])
    _s, q = load_session(admin)
    rng = random.Random(7)
    for _ in range(20):
        child = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(room.folder)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
    state = Scanner(room, q).scan()
    assert len(state.participants) == 20
    assert state.ignored == []  # temp files are hidden, and no p-*.toml is half-written
