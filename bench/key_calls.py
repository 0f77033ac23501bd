"""Work per key on the field screen, counted: Python calls, messages, refreshes, frames.

    .venv/bin/python bench/key_calls.py [--keys 6] [--sizes 34,1000,10000]

Runs the app in-process (``run_test``, 100×30) and counts, while each key is handled and
its frame painted: the Python function calls on the main thread (``sys.setprofile``), the
messages the app's widgets handle (``run_test(message_hook=…)``), the widgets' refresh
calls, and the frames handed to the terminal. Phases:

- ``rating``: 1 or 2 on an unrated criterion (the cursor moves on), with its frame;
- ``save``: the autosave that follows a rating (its write, the "✓ gespeichert" frame);
- ``cursor``: k (the cursor moves back);
- ``unbound``: a key bound to nothing — Textual's own floor for a key press (and the
  test pilot's overhead, which every phase shares); the ratios are to it.

Timings drift with the machine's load; counts do not, so they show whether a change made a
key cheaper. (``tui_latency.py`` measures the real thing in tmux.)
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections import Counter
from pathlib import Path

import gen

ROOT = Path(__file__).resolve().parent.parent
PHASES = ("rating", "save", "cursor", "unbound")
KINDS = ("calls", "messages", "refreshes", "frames")


class Calls:
    """Counts Python calls between ``start`` and ``stop`` (main thread only)."""

    def __init__(self) -> None:
        self.n = 0

    def _profile(self, frame: object, event: str, arg: object) -> None:
        if event == "call":
            self.n += 1

    def start(self) -> None:
        self.n = 0
        sys.setprofile(self._profile)

    def stop(self) -> int:
        sys.setprofile(None)
        return self.n


def count_refreshes_and_frames(app: object, counts: Counter) -> None:
    """Count every widget's ``refresh`` and each frame the app writes (bench-only hooks)."""
    from textual.widget import Widget

    refresh = Widget.refresh

    def counted_refresh(self: Widget, *args: object, **kwargs: object) -> object:
        counts["refreshes"] += 1
        return refresh(self, *args, **kwargs)

    Widget.refresh = counted_refresh
    display = app._display  # the one hand-over of a frame

    def counted_display(screen: object, renderable: object) -> object:
        if renderable is not None:
            counts["frames"] += 1
        return display(screen, renderable)

    app._display = counted_display


async def measure(size: int, keys: int, work: Path) -> dict[str, Counter]:
    from wk_tui.files import new_session, save_session
    from wk_tui.screens.app import create_app

    if size == 34:
        path = work / "fresh.toml"
        save_session(new_session("weltoffene-kommune", "de", "Musterstadt"), path)
        app = create_app(path, config={}, field="hf1")
    else:
        q = gen.generate_questionnaire(work, size // 20, 20)
        path = gen.make_session(work, f"big-{size}.toml", f"bench-{size}")
        app = create_app(path, questionnaire=q, config={}, field="hf1")
    live: Counter = Counter()
    totals: dict[str, Counter] = {kind: Counter() for kind in KINDS}
    calls = Calls()

    def message(_message: object) -> None:
        live["messages"] += 1

    count_refreshes_and_frames(app, live)
    async with app.run_test(size=(100, 30), message_hook=message) as pilot:
        await pilot.pause(0.5)
        for i in range(keys):
            for phase, key, wait in (
                ("rating", "1" if i % 2 else "2", 0.05),
                ("save", None, 0.8),
                ("cursor", "k", 0.05),
                ("unbound", "x", 0.05),
            ):
                await pilot.pause(0.02)
                live.clear()
                calls.start()
                if key:
                    await pilot.press(key)
                await pilot.pause(wait)
                live["calls"] = calls.stop()
                for kind in KINDS:
                    totals[kind][phase] += live[kind]
            await pilot.press("j")  # on to the next unrated criterion
    return {kind: Counter({p: v / keys for p, v in c.items()}) for kind, c in totals.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keys", type=int, default=6)
    ap.add_argument("--sizes", default="34,1000,10000")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = {}
    with tempfile.TemporaryDirectory(prefix="wk-calls-") as tmp:
        for size in sizes:
            rows[size] = asyncio.run(measure(size, args.keys, Path(tmp)))
    print(f"Work per key (in-process, 100×30, mean of {args.keys} keys).")
    print("Python calls, with the ratio to an unbound key (Textual's floor):")
    print(f"{'criteria':>9}" + "".join(f"{p:>16}" for p in PHASES))
    for size, kinds in rows.items():
        c = kinds["calls"]
        floor = c["unbound"] or 1
        print(f"{size:>9}" + "".join(f"{c[p]:>9.0f} {c[p] / floor:4.1f}×" for p in PHASES))
    notes = {
        "messages": "messages (the test pilot's own included, as in every phase)",
        "refreshes": "widget refresh calls",
        "frames": "frames written",
    }
    for kind in KINDS[1:]:
        print(f"{notes[kind]}:")
        print(f"{'criteria':>9}" + "".join(f"{p:>10}" for p in PHASES))
        for size, kinds in rows.items():
            print(f"{size:>9}" + "".join(f"{kinds[kind][p]:>10.1f}" for p in PHASES))
    if 34 in rows:
        small = rows[34]["calls"]
        for size in sizes[1:]:
            ratio = rows[size]["calls"]["rating"] / max(1, small["rating"])
            print(f"calls per rating at {size} / at 34: {ratio:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
