"""First paint (metrics 1, 3 and 4 of ``tui_speed.py``): a fresh interpreter per run,
headless, timed from spawn until the frames show the target screen's content."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from tui_speed_common import ROOT, med

# --------------------------------------------------------------------------- the child
# Run as ``python -c CHILD kind result.json [session] [questionnaire]``. Only what the
# measured program needs is imported before the app runs.
CHILD = r"""
import time
T0 = time.time()
import json, re, sys
kind, out = sys.argv[1], sys.argv[2]
rec = {"t_child_start": T0}
if kind == "bare":
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        def compose(self):
            yield Static("Hello from the bench baseline")

    rec["t_imported"] = time.time()
    app = Bare()
    target = None
    markers = lambda: ["Hello from the bench baseline"]
else:
    from pathlib import Path
    from wk_tui.screens.app import create_app
    rec["t_imported"] = time.time()
    if kind == "demo":
        from wk_tui.paths import demo_copy
        app = create_app(demo_copy(), config={})
    else:
        app = create_app(Path(sys.argv[3]), questionnaire=Path(sys.argv[4]) if len(sys.argv) > 4
                         else None, config={})
    target = "field:hf1"

    def markers():
        from wk_tui.screens.base import tr
        f = app.q.fields[0]
        return [f"{tr(app.language, 'field_n', n=f.number)} – {f.title}"[:40],
                f.criteria[0].title[:14], tr(app.language, "overall")]
rec["t_app_built"] = time.time()

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")
seen = []
frames = 0
original = app._display

def probe(screen, renderable):
    global frames
    original(screen, renderable)
    if "t_paint" in rec or renderable is None or app._batch_count:
        return
    if target is not None and screen.name != target:
        rec.setdefault("t_first_other_frame", time.time())
        return
    text = renderable.render_segments(app.console)  # what a terminal would be sent
    now = time.time()
    frames += 1
    rec.setdefault("t_first_target_frame", now)
    seen.append(ANSI.sub("", text))
    plain = "".join(seen)
    missing = [m for m in markers() if m not in plain]
    if not missing:
        rec["t_paint"] = now
        rec["frames_to_paint"] = frames
        app.call_later(app.exit)
    else:
        rec["missing"] = missing

app._display = probe
app.run(headless=True, size=(120, 40))
rec["t_run_returned"] = time.time()
store = getattr(app, "store", None)
if store is not None:
    store.close()
for line in open("/proc/self/status"):
    if line.startswith(("VmHWM:", "VmRSS:")):
        key, value = line.split(":")
        rec[key] = int(value.split()[0])  # kB
with open(out, "w") as fh:
    json.dump(rec, fh)
"""


def paint_run(kind: str, argv: list[str], env: dict, work: Path, i: int) -> dict:
    out = work / f"paint-{kind}-{i}.json"
    cmd = [
        sys.executable,
        "-c",
        CHILD,
        "bare" if kind == "bare" else "demo" if kind == "demo" else "session",
        str(out),
        *argv,
    ]
    t_spawn = time.time()
    p0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        _, err = proc.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise RuntimeError(f"first-paint child {kind} timed out") from None
    wall = time.perf_counter() - p0
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(
            f"first-paint child {kind} failed ({proc.returncode}):\n"
            f"{err.decode(errors='replace')[-3000:]}"
        )
    rec = json.loads(out.read_text())
    out.unlink()
    if "t_paint" not in rec:
        raise RuntimeError(f"child {kind} exited without painting the target: {rec}")
    return {
        "paint": rec["t_paint"] - t_spawn,
        "wall": wall,
        "startup": rec["t_child_start"] - t_spawn,  # exec + interpreter + site
        "imports": rec["t_imported"] - rec["t_child_start"],
        "build": rec["t_app_built"] - rec["t_imported"],  # demo_copy + open + app init
        "run": rec["t_paint"] - rec["t_app_built"],  # run() until painted
        "first_frame": rec["t_first_target_frame"] - t_spawn,  # maybe partial
        "first_frame_complete": rec["t_first_target_frame"] == rec["t_paint"],
        "frames": rec.get("frames_to_paint", 0),
        "hwm_kb": rec["VmHWM"],
    }


def first_paint(
    kinds: dict[str, list[str]], env: dict, work: Path, runs: int, warmup: int
) -> dict[str, list[dict]]:
    names = list(kinds)
    for w in range(warmup):
        for kind in names:
            paint_run(kind, kinds[kind], env, work, -1 - w)
    results: dict[str, list[dict]] = {k: [] for k in names}
    for i in range(runs):
        order = names[i % len(names) :] + names[: i % len(names)]  # rotate: no fixed slot
        for kind in order:
            results[kind].append(paint_run(kind, kinds[kind], env, work, i))
        print(
            f"  round {i + 1}/{runs}: "
            + "  ".join(f"{k} {results[k][-1]['paint'] * 1000:.0f}" for k in names)
            + " ms",
            flush=True,
        )
    return results


def paint_median(paint: dict[str, list[dict]], kind: str, key: str) -> float:
    return med([r[key] for r in paint[kind]])


def print_paint(paint: dict[str, list[dict]]) -> None:
    """The per-kind table of medians (ms) and the legend."""

    def pm(kind: str, key: str) -> float:
        return paint_median(paint, kind, key)

    print()
    print(
        f"{'kind':<9} {'paint':>8} {'min':>8} {'1st frm':>8} {'wall':>8} | {'startup':>8} "
        f"{'imports':>8} {'build':>8} {'run→paint':>9} | {'VmHWM':>8}  frames to paint, "
        "1st frame complete"
    )
    for kind, rs in paint.items():
        print(
            f"{kind:<9} {pm(kind, 'paint') * 1000:7.1f}  "
            f"{min(r['paint'] for r in rs) * 1000:7.1f}  {pm(kind, 'first_frame') * 1000:7.1f}  "
            f"{pm(kind, 'wall') * 1000:7.1f} | "
            f"{pm(kind, 'startup') * 1000:7.1f}  {pm(kind, 'imports') * 1000:7.1f}  "
            f"{pm(kind, 'build') * 1000:7.1f}  {pm(kind, 'run') * 1000:8.1f} | "
            f"{pm(kind, 'hwm_kb') / 1024:6.1f} MB  "
            f"{max(r['frames'] for r in rs)}, "
            f"{sum(r['first_frame_complete'] for r in rs)}/{len(rs)}"
        )
    print(
        "(ms, medians. paint = spawn → frames painted so far show the screen's content; "
        "1st frm = spawn → first\n frame of the target screen, possibly partial; startup = "
        "spawn → child's first line;\n build = demo_copy/open + app init; run→paint = "
        "app.run() until painted)"
    )
