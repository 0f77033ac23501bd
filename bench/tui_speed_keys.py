"""Per-key cost (metrics 2 and 3 of ``tui_speed.py``): in-process ``run_test``, the main
thread's CPU from a key until the app is quiet again, against an unbound key."""

from __future__ import annotations

import asyncio
import time

from tui_speed_common import SIZE, med
from tui_speed_hooks import instrument


class KeyProbe:
    """Frame hook and key sender for one running app."""

    def __init__(self, app) -> None:
        self.app = app
        self.frame = asyncio.Event()
        self.frame_at = 0.0
        self.frame_cost = 0.0
        self.frames = 0
        original = app._display

        def display(screen, renderable) -> None:
            original(screen, renderable)
            if renderable is None or app._batch_count or screen is not app.screen:
                return
            t = time.perf_counter()
            renderable.render_segments(app.console)  # encode as for a real terminal
            self.frame_at = time.perf_counter()
            self.frame_cost += self.frame_at - t
            self.frames += 1
            self.frame.set()

        app._display = display

    def send(self, key: str, char: str | None) -> None:
        from textual import events

        event = events.Key(key, char)
        event.set_sender(self.app)
        self.app._driver.send_message(event)

    async def window(
        self, key: str, char: str | None, expect_frame: bool, length: float
    ) -> tuple[float, float | None]:
        """Main-thread CPU seconds from sending ``key`` until the app is quiet again.

        The window lasts at least ``length`` (a few frames at 60 fps), waits for the
        frame a rating key must paint, then goes on in 10 ms slices until one of them
        costs (almost) no CPU, so work left over from a slow key is not booked on the next.
        """
        self.frame.clear()
        c0 = time.thread_time()
        w0 = time.perf_counter()
        self.send(key, char)
        latency = None
        if expect_frame:
            try:
                await asyncio.wait_for(self.frame.wait(), 5.0)
                latency = self.frame_at - w0
            except TimeoutError:
                pass
        rest = w0 + length - time.perf_counter()
        if rest > 0:
            await asyncio.sleep(rest)
        deadline = time.perf_counter() + 5.0
        while time.perf_counter() < deadline:
            c = time.thread_time()
            await asyncio.sleep(0.01)
            if time.thread_time() - c < 0.0005:
                break
        return time.thread_time() - c0, latency


async def settle(pilot) -> None:
    """Let the current screen process its messages (no CPU-idle polling: under load
    ``pilot.pause()`` can wait a second each time)."""
    await pilot._wait_for_screen()
    await asyncio.sleep(0.02)


async def _rate_keys(
    app, probe: KeyProbe, n: int, window: float, out: dict, stats: dict | None = None
) -> None:
    """``n`` rating keys on the current field screen, each followed by an unbound key."""
    from wk_tui.scoring import score

    screen = app.screen
    for _ in range(n):
        lst = screen.criteria
        if lst.index >= len(lst.rows) - 1:  # the last row notifies; measure moving on
            await probe.window("home", None, False, window)
        cid = lst.criterion.id
        current = app.store.session.value(cid)
        while True:
            key = "1234"[out["cycle"] % 4]
            out["cycle"] += 1
            value = ("ja", "eher_ja", "eher_nein", "nein")[int(key) - 1]
            if value != current:
                break
        before = probe.frame_cost, probe.frames
        cpu, lat = await probe.window(key, key, True, window)
        # (never read app.result here: reading a computed reactive re-scores and re-runs
        # its watchers)
        shown = screen.query_one("VerdictSidebar").result
        if (
            app.store.session.value(cid) != value
            or shown is None
            or shown.counts != score(app.q, app.store.session.values(app.q)).counts
        ):
            out["failures"] += 1
        if stats is None:
            out["rated"].append(cpu)
            if lat is not None:
                out["latency"].append(lat)
        else:
            s = stats.setdefault("frame encode (render_segments)", [0.0, 0])
            s[0] += probe.frame_cost - before[0]
            s[1] += probe.frames - before[1]
            stats.setdefault("#frames painted", [0.0, 0])[1] += probe.frames - before[1]
        frames = probe.frames
        cpu, _ = await probe.window("x", "x", False, window)
        if stats is None:
            out["unbound"].append(cpu)
            if probe.frames == frames:  # no autosave repaint etc. landed in this window
                out["unbound_quiet"].append(cpu)


async def per_key(
    make_app, keys: int, window: float, visit_all: bool, instrument_keys: int = 0
) -> dict:
    """Clean per-key measurement, then optionally an instrumented pass in the same app."""
    app = make_app()
    out = {
        "rated": [],
        "unbound": [],
        "unbound_quiet": [],
        "latency": [],
        "failures": 0,
        "cycle": 0,
        "stats": {},
        "inst_keys": instrument_keys,
    }
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.screen.name == "field:hf1", app.screen.name
        if visit_all:  # every screen installed, as after walking through them all once
            for show in [lambda fid=f.id: app.goto_field(fid) for f in app.q.fields[1:]] + [
                app.show_overview,
                app.show_results,
                lambda: app.goto_field("hf1"),
            ]:
                show()
                await settle(pilot)
            assert app.screen.name == "field:hf1", app.screen.name
        probe = KeyProbe(app)
        await asyncio.sleep(window)
        await _rate_keys(app, probe, keys, window, out)
        if instrument_keys:
            undo = instrument(app, out["stats"])
            try:
                await _rate_keys(app, probe, instrument_keys, window, out, out["stats"])
            finally:
                undo()
        out["screens"] = len(app._installed_screens)
        await pilot.press("q")
    return out


async def floor_keys(keys: int, window: float) -> dict:
    """Calibration: what one repaint costs in Textual here — a bare App whose keys 1–4
    update a Static (with a Footer), measured exactly like the rating keys."""
    from textual.app import App
    from textual.widgets import Footer, Static

    class Floor(App):
        BINDINGS = [(k, "bump", "Bump") for k in "1234"]
        count = 0

        def compose(self):
            yield Static("0", id="count")
            yield Footer()

        def action_bump(self) -> None:
            self.count += 1
            self.query_one("#count", Static).update(f"count {self.count}")

    app = Floor()
    rated: list[float] = []
    unbound: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        probe = KeyProbe(app)
        await asyncio.sleep(window)
        for i in range(keys):
            key = "1234"[i % 4]
            rated.append((await probe.window(key, key, True, window))[0])
            unbound.append((await probe.window("x", "x", False, window))[0])
    return {"net": med(rated) - med(unbound), "rated": med(rated), "unbound": med(unbound)}


def micro_score(q, reps: int = 200) -> float:
    from wk_tui.scoring import score

    values = {c.id: "ja" for c in q.criteria[: len(q.criteria) // 2]}
    best = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(reps):
            score(q, values)
        best.append((time.perf_counter() - t) / reps)
    return min(best)
