"""Speed and memory of the TUI, as ratios against baselines measured in the same run.

    .venv/bin/python bench/tui_speed.py [--runs 8] [--keys 100] [--visited-keys 12] [--cold]

1. First paint: wall time from spawning a fresh interpreter to the first frame of the
   target screen being painted, for a bare ``textual.app.App`` with one Static (baseline)
   and for ``wk-tui demo``'s first field screen (``create_app(demo_copy(), config={})``).
   Children run headless at 120×40. Headless Textual skips turning a frame into terminal
   bytes, so the child hooks ``App._display`` and encodes every frame with
   ``render_segments()`` as a real terminal would; "painted" means the frames encoded so
   far show the expected text (field heading, first criterion, sidebar heading) — for
   the bare app, the Static's text. The child reports ``time.time()`` at that moment, the
   parent subtracts the ``time.time()`` it took just before ``Popen``. Runs of all
   kinds are interleaved (order rotated per round) after warm-up runs; medians.
2. Per-keystroke cost, in-process with ``run_test(size=(120, 40))`` on a fresh empty
   session: a rating key is sent through the driver (the same path as a real key) and
   the main thread's CPU time (``time.thread_time``) is taken over a window that
   contains the key's dispatch, the action, the score recomputation, the refresh of the
   rows and the sidebar, and the painted (encoded) frame. Idle time (Textual's 60 fps
   frame pacing) costs no CPU and so is not counted; a window ends once 10 ms pass with
   (almost) no CPU. The same window around an unbound key ("x"), interleaved key by key,
   is the baseline (windows in which the autosave repainted are left out of it); net =
   rating − unbound. An instrumented pass in the same app then splits the cost (action,
   compute_result, renders, frame encoding) and counts refresh() calls, content-height
   measurements, frames and rendered lines per key (these counts do not depend on load),
   and times ``render``/``render_line``/``render_lines`` of every widget class by name.
   "floor": a bare App whose keys update one Static, measured the same way — what a
   single repaint costs in Textual on this machine. Extra cases: every screen visited
   first (all field screens, overview, results installed), as after a full walk-through.
3. The same with a generated questionnaire of 1,000 criteria in 50 fields (20 each).
4. Peak RSS (VmHWM of the child, read from /proc/self/status at exit) of the demo
   field-screen child vs the bare-app child.

Bytecode: with ``PYTHONDONTWRITEBYTECODE`` set (as in some sandboxes) every child would
compile wk_tui and screens from source, which an installed program never does. By default
the children get a private ``PYTHONPYCACHEPREFIX`` (a temp dir; the checkout stays clean)
and the warm-up runs fill it; ``--cold`` keeps the environment as it is.

The output is a report: the exit code is 0 whatever the verdicts, unless a measurement
itself fails. The parts: ``tui_speed_paint.py`` (1, 3, 4: the child and its runs),
``tui_speed_keys.py`` (2, 3: keys in-process), ``tui_speed_hooks.py`` (the instrumented
pass), ``tui_speed_report.py`` (tables and targets); this file runs them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

import gen
from tui_speed_common import ROOT, SIZE
from tui_speed_keys import floor_keys, micro_score, per_key
from tui_speed_paint import first_paint, print_paint
from tui_speed_report import key_summary, print_instrumented, print_keys, print_table, verdicts

N_FIELDS, PER_FIELD = 50, 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=8, help="first-paint runs per kind (>= 7)")
    parser.add_argument("--warmup", type=int, default=1, help="warm-up runs per kind")
    parser.add_argument("--keys", type=int, default=100, help="rating keys per per-key case")
    parser.add_argument(
        "--visited-keys",
        type=int,
        default=12,
        help="rating keys with every screen installed (slow per key)",
    )
    parser.add_argument(
        "--window", type=float, default=0.05, help="seconds of CPU accounting per key (>= 3 frames)"
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE (children compile from source)",
    )
    args = parser.parse_args()

    started = time.perf_counter()
    tmp = tempfile.TemporaryDirectory(prefix="wk-tui-bench-")
    work = Path(tmp.name)
    for sub in ("config", "data", "tmp", "pyc", "files"):
        (work / sub).mkdir()
    # The parent (in-process part) and the children use private user dirs.
    os.environ["WK_TUI_CONFIG_DIR"] = str(work / "config")
    os.environ["WK_TUI_DATA_DIR"] = str(work / "data")
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    env = {**os.environ, "TMPDIR": str(work / "tmp")}  # demo_copy() lands in the temp dir
    for var in ("FORCE_COLOR", "NO_COLOR", "TEXTUAL", "TEXTUAL_DEVTOOLS_PORT"):
        env.pop(var, None)
    if not args.cold and env.get("PYTHONDONTWRITEBYTECODE"):
        env.pop("PYTHONDONTWRITEBYTECODE")
        env["PYTHONPYCACHEPREFIX"] = str(work / "pyc")
        args.warmup = max(args.warmup, 1)  # the first run of each kind fills the cache
    sys.path.insert(0, str(ROOT))

    files = work / "files"
    big_q = gen.generate_questionnaire(files, N_FIELDS, PER_FIELD)
    from wk_tui.questionnaire import bundled, load_questionnaire

    q34, q1000 = bundled("weltoffene-kommune", "de"), load_questionnaire(big_q)
    assert len(q34.criteria) == 34 and len(q1000.criteria) == N_FIELDS * PER_FIELD
    big_session = gen.make_session(files, "big-paint.toml", q1000.id)
    empty_session = gen.make_session(files, "empty34-paint.toml", q34.id)

    # ---------------------------------------------------------------- 1, 3, 4
    kinds = {
        "bare": [],
        "demo": [],
        "empty34": [str(empty_session)],
        "big1000": [str(big_session), str(big_q)],
    }
    mode = "cold (no bytecode cache)" if args.cold else "bytecode cached"
    print(
        f"First paint: {args.runs} interleaved runs per kind after {args.warmup} warm-up "
        f"each, headless {SIZE[0]}×{SIZE[1]}, {mode}, {os.cpu_count()} CPUs",
        flush=True,
    )
    paint = first_paint(kinds, env, work, args.runs, args.warmup)
    print_paint(paint)

    # ---------------------------------------------------------------- 2, 3
    from wk_tui.screens.app import create_app

    def factory(q_path: Path | None, qid: str, label: str):
        def make():
            folder = Path(tempfile.mkdtemp(prefix=f"keys-{label}-", dir=files))
            path = gen.make_session(folder, "session.toml", qid)
            return create_app(path, questionnaire=q_path, config={})

        return make

    cases = {  # name: (factory, visit all screens first, keys per round, rounds)
        "34": (factory(None, q34.id, "34"), False, max(1, args.keys // 2), 2),
        "1000": (factory(big_q, q1000.id, "1000"), False, max(1, args.keys // 2), 2),
        "34 all visited": (factory(None, q34.id, "34v"), True, args.visited_keys, 1),
        "1000 all visited": (factory(big_q, q1000.id, "1000v"), True, args.visited_keys, 1),
    }
    print(
        f"\nPer key: rating keys interleaved with as many unbound keys, fresh empty "
        f"sessions, {args.window * 1000:.0f} ms CPU window per key",
        flush=True,
    )
    keyres: dict[str, list[dict]] = {c: [] for c in cases}
    inst: dict[str, dict] = {}
    for rnd in range(2):
        for name, (make, visit, n, rounds) in (
            cases.items() if rnd == 0 else reversed(list(cases.items()))
        ):
            if rnd < rounds:
                last = rnd == rounds - 1
                r = asyncio.run(
                    per_key(make, n, args.window, visit, (6 if visit else 30) if last else 0)
                )
                keyres[name].append(r)
                if last:
                    inst[name] = r

    floor = asyncio.run(floor_keys(40, args.window))

    kk = {name: key_summary(keyres[name]) for name in cases}
    print_keys(kk, floor)
    print_instrumented(inst, list(cases))
    s34, s1000 = micro_score(q34), micro_score(q1000)
    print(f"score() alone: 34 criteria {s34 * 1e6:.0f} µs, 1,000 criteria {s1000 * 1e6:.0f} µs")

    print()
    print_table(verdicts(paint, kk, inst, floor))
    fails = sum(k["failures"] for k in kk.values())
    if fails:
        print(f"WARNING: {fails} rating keys did not take effect / update the sidebar")
    print(f"\n(total bench time {time.perf_counter() - started:.0f} s)")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
