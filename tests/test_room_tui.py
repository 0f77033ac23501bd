"""The live room in the terminal: the projector view follows participants' files written
by other processes, reveals on demand, never shows who answered; joining asks for the code."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from cli_helpers import run_cli, wk_tui_argv
from conftest import EXAMPLE, ROOT
from tui_helpers import screen_text

from wk_tui.files import load_session, save_session
from wk_tui.room import create_room, join, load_room
from wk_tui.screens.app import WkApp
from wk_tui.screens.base import make
from wk_tui.screens.room_join import JoinScreen
from wk_tui.screens.room_view import RoomApp

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from wk_tui.files import load_session, save_session
    from wk_tui.room import join
    path = join(Path(sys.argv[1]), "Other Process")
    session, q = load_session(path)
    session.set_rating(sys.argv[2], "nein")
    save_session(session, path)
    """
)


@pytest.fixture
def room(tmp_path: Path):
    admin = tmp_path / "admin.toml"
    admin.write_bytes(EXAMPLE.read_bytes())
    return create_room(tmp_path / "room", admin, ["hf4"])


def rate(folder: Path, cid: str, value: str, name: str = "", note: str = "") -> Path:
    path = join(folder, name)
    session, _q = load_session(path)
    session.set_rating(cid, value)
    if note:
        session.set_note(cid, note)
    save_session(session, path)
    return path


def first_criterion(room) -> str:
    _s, q = load_session(room.admin)
    return q.field("hf4").criteria[0].id


async def test_distribution_is_hidden_until_revealed_and_names_never_show(room):
    cid = first_criterion(room)
    rate(room.folder, cid, "ja", name="Zoe Geheimname", note="streng vertraulich")
    rate(room.folder, cid, "eher_ja")
    app = RoomApp(room.folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "2 Teilnehmende" in text and f"Raum-Code {room.code}" in text
        assert "Verteilung verborgen" in text and "Konsens" not in text
        await pilot.press("v")
        text = screen_text(app)
        assert "Konsens: (✓) eher ja" in text and "Spanne 1" in text
        assert "Geheimname" not in text and "vertraulich" not in text
        await pilot.press("v")
        assert "Verteilung verborgen" in screen_text(app)
        await pilot.press("V", "right")  # all revealed: the next criterion shows too
        assert "Kriterium 2 von 6" in screen_text(app)
        assert "Verteilung verborgen" not in screen_text(app)


async def test_follows_a_file_written_by_another_process(room):
    cid = first_criterion(room)
    app = RoomApp(room.folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "0 Teilnehmende" in screen_text(app)
        subprocess.run([sys.executable, "-c", WRITER, str(room.folder), cid], check=True, cwd=ROOT)
        for _ in range(40):  # the poll runs every 0.5 s
            await pilot.pause(0.1)
            if "1 Teilnehmende" in screen_text(app):
                break
        await pilot.press("v")
        text = screen_text(app)
        assert "1 Teilnehmende" in text and "1 von 1 haben eingeschätzt" in text
        assert "Other Process" not in text
        # A half-written or broken file never crashes the view: it is counted discreetly.
        (room.folder / "broken.toml").write_text("schema = [", "utf-8")
        await pilot.pause(1.2)
        assert "1 Datei(en) nicht lesbar" in screen_text(app)


async def test_sort_by_disagreement_and_merge_write_the_result(room):
    admin, q = load_session(room.admin)
    crits = [c.id for c in q.field("hf4").criteria]
    far = next(c for c in crits if admin.value(c) == "ja" and c != crits[0])
    rate(room.folder, far, "nein")
    rate(room.folder, crits[0], "ja")
    app = RoomApp(room.folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        assert app.order[0] == far and q.criterion(far).title in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
    result = room.folder / "room-result.toml"
    session, _q = load_session(result)
    assert session.value(crits[0]) == admin.value(crits[0])  # the administration's ratings
    assert len(session.team.members) == 2
    assert all(m.name.startswith("p-") and not m.notes for m in session.team.members)
    report = run_cli("export", str(result)).stdout
    assert "Einschätzung im Workshop" in report and "2 Teilnehmende" in report


async def test_join_asks_for_the_code_and_a_wrong_code_creates_nothing(room):
    app = WkApp(None, "de", config={}, first=lambda: make(JoinScreen, "de", room.folder, ""))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        wrong = "111111" if room.code.replace(" ", "") != "111111" else "222222"
        await pilot.press(*wrong, "enter")
        await pilot.pause()
        assert "Dieser Code passt nicht" in screen_text(app)
        assert app.store is None and not list(room.folder.glob("p-*.toml"))
        app.screen.query_one("#code").value = room.code
        await pilot.press("enter")
        await pilot.pause()
        assert app.store is not None and [f.id for f in app.q.fields] == ["hf4"]
        await pilot.press("2")
        app.store.flush()
    (path,) = room.folder.glob("p-*.toml")
    session, q = load_session(path)
    assert session.value(q.field("hf4").criteria[0].id) == "eher_ja"


def test_room_json_and_join_from_a_pipe(room):
    cid = first_criterion(room)
    out = run_cli("join", str(room.folder), "--name", "Pipe", input="1\n2\nq\n")
    assert out.returncode == 0, out.stderr
    assert "\x1b" not in out.stdout
    out = run_cli("room", str(room.folder), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["room"]["participants"] == 1
    first = data["criteria"][0]
    assert first["id"] == cid and first["distribution"]["ja"] == 1 and first["rated"] == 1
    assert "Pipe" not in out.stdout


def test_room_cli_refuses_a_folder_that_is_no_room(tmp_path):
    out = run_cli("room", str(tmp_path / "nothing"), "--json")
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "--session" in out.stderr


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
def test_projector_snapshot(snap_compare, tmp_path, size):
    admin = tmp_path / "admin.toml"
    admin.write_bytes(EXAMPLE.read_bytes())
    room = create_room(tmp_path / "room", admin, ["hf4"])
    room = room.replace(code="482 913")
    from wk_tui.room import _write_room

    _write_room(room)
    cid = first_criterion(room)
    for value in ("ja", "ja", "eher_ja", "nein", "keine_einschaetzung"):
        rate(room.folder, cid, value)
    assert load_room(room.folder).code == "482 913"
    assert snap_compare(RoomApp(room.folder), press=["v"], terminal_size=size)


def test_serve_offers_the_join_page_on_localhost_and_joins_ask_for_the_code(tmp_path, room):
    from test_present_serve import WEB_DRIVER, free_port, get, process

    from wk_tui.screens.room_launch import join_command, start_server, stop_server

    assert join_command(room.folder).endswith("--ask-code")
    port = free_port()
    server = start_server(room.folder, "127.0.0.1", port)
    try:
        status, body = get(f"http://127.0.0.1:{port}/")
    finally:
        stop_server(server)
    assert status == 200 and "textual.js" in body
    # What each browser runs: the join app under Textual's web driver, no file before the code.
    args = wk_tui_argv("join", str(room.folder), "--ask-code")
    with process(args, tmp_path, {"TEXTUAL_DRIVER": WEB_DRIVER}) as proc:
        out = tmp_path / "out.log"
        for _ in range(300):
            if out.stat().st_size >= 100:
                break
            assert proc.poll() is None, (tmp_path / "err.log").read_text()
            time.sleep(0.1)
        assert out.stat().st_size >= 100
    assert "needs a terminal" not in (tmp_path / "err.log").read_text()
    assert not list(room.folder.glob("p-*.toml"))
