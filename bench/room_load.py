"""Live room under load: 50 participants answering at once, the projector view following.

    .venv/bin/python bench/room_load.py [--participants 50] [--seconds 20] [--idle 10]

N writer processes each join the room and then, in a loop, change one rating and save
their file (atomically, as ``wk-tui join`` does), pausing 0.2–1.0 s between answers. Each
writer prints the time and content of every save. The projector view (``RoomApp``, headless
at 100×30, polling every 0.5 s) runs in this process; whenever it takes a new state it
records which participant's answers it now shows. The lag of a save is the time from the
save to the first frame of the projector that shows it (saves overtaken by a newer one of
the same participant before any poll are counted against the one shown).

Then the writers stop and the view idles: its CPU use (all threads of this process) over
``--idle`` seconds is the "at rest" figure. Goals (issue 14): lag < 1 s, CPU at rest < 10 %.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WRITER = textwrap.dedent(
    """
    import json, random, sys, time
    from pathlib import Path
    from wk_tui.files import load_session, save_session
    from wk_tui.room import join
    folder, seconds, seed = Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    path = join(folder)
    session, q = load_session(path)
    crits = [c.id for f in q.fields if f.id in ("hf4", "hf5") for c in f.criteria]
    values = ["ja", "eher_ja", "eher_nein", "nein", "keine_einschaetzung"]
    end = time.time() + seconds
    while time.time() < end:
        session.set_rating(rng.choice(crits), rng.choice(values))
        save_session(session, path)
        answers = {c: session.value(c) for c in crits if session.value(c)}
        print(json.dumps([path.name, time.time(), answers]), flush=True)
        time.sleep(rng.uniform(0.2, 1.0))
    """
)


async def observe(folder: Path, seconds: float, idle: float, procs: list) -> dict:
    from wk_tui.room import RoomState
    from wk_tui.screens.room_view import RoomApp

    seen: list[tuple[float, dict[str, dict]]] = []
    app = RoomApp(folder)
    original = app.show_state

    def show_state(state: RoomState) -> None:
        original(state)
        seen.append((time.time(), {p.file: p.values for p in state.participants}))

    app.show_state = show_state  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        # Keep the app's loop running (never block it) until every writer has finished.
        end = time.time() + seconds + 60
        while any(p.poll() is None for p in procs) and time.time() < end:
            await pilot.pause(0.2)
        await pilot.pause(1.5)  # the last saves land
        cpu0, wall0 = time.process_time(), time.monotonic()
        idle_end = time.monotonic() + idle
        while time.monotonic() < idle_end:
            await pilot.pause(0.5)
        cpu = (time.process_time() - cpu0) / (time.monotonic() - wall0)
    return {"seen": seen, "idle_cpu": cpu, "participants": len(app.state.participants)}


def lags(saves: list[tuple[str, float, dict]], seen: list[tuple[float, dict]]) -> list[float]:
    """For each save, the time until a projector state first shows it (or a later save)."""
    out = []
    by_file: dict[str, list[tuple[float, dict]]] = {}
    for name, t, answers in saves:
        by_file.setdefault(name, []).append((t, answers))
    for name, history in by_file.items():
        for i, (t, _answers) in enumerate(history):
            later = {json.dumps(a, sort_keys=True) for _, a in history[i:]}
            for when, state in seen:
                shown = state.get(name)
                if when >= t and shown is not None and json.dumps(shown, sort_keys=True) in later:
                    out.append(when - t)
                    break
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--participants", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--idle", type=float, default=10)
    args = ap.parse_args()
    from wk_tui.room import create_room

    with tempfile.TemporaryDirectory(prefix="wk-room-") as tmp:
        work = Path(tmp)
        admin = work / "admin.toml"
        shutil.copyfile(ROOT / "data" / "examples" / "dessau-rosslau-2020.toml", admin)
        room = create_room(work / "room", admin, ["hf4", "hf5"])
        env = {**os.environ, "PYTHONPATH": str(ROOT), "WK_TUI_CONFIG_DIR": str(work / "c")}
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", WRITER, str(room.folder), str(args.seconds), str(i)],
                stdout=subprocess.PIPE,
                text=True,
                env=env,
            )
            for i in range(args.participants)
        ]
        print(f"{args.participants} writers for {args.seconds:.0f} s …", flush=True)
        result = asyncio.run(observe(room.folder, args.seconds, args.idle, procs))
        saves = [tuple(json.loads(line)) for p in procs for line in p.stdout]
    lag = sorted(lags(saves, result["seen"]))
    missed = len(saves) - len(lag)
    q = statistics.quantiles(lag, n=100) if len(lag) > 1 else [0.0] * 99
    print(
        f"\nsaves {len(saves)}, shown {len(lag)}, never shown {missed}; "
        f"participants counted {result['participants']}"
    )
    print(
        f"lag save → projector: median {statistics.median(lag):.2f} s, p90 {q[89]:.2f} s, "
        f"p99 {q[98]:.2f} s, max {max(lag):.2f} s   (goal < 1 s)"
    )
    print(f"CPU at rest: {result['idle_cpu'] * 100:.1f} % of one core   (goal < 10 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
