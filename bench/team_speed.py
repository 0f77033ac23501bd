"""Speed of ``wk-tui merge`` and ``wk-tui aggregate``, as ratios measured in the same run.

1. merge: 20 respondents' sessions merged (load, consensus, dump, atomic write) vs loading
   the same 20 files through the core. Goal: < 2×.
2. aggregate: ``wk-tui aggregate DIR --format json`` (a subprocess, interpreter start
   included) over 1,000 / 5,000 / 11,000 generated sessions vs a plain serial
   ``tomllib`` parse of the same files in this process. Goal: ≤ 0.65×, growing linearly.
   Peak memory (max RSS) of the command's main process and of its largest worker.

Sessions are generated into a temporary folder from the bundled example (random ratings,
one municipality name per file); the three sets share files through hard links. Runs are
interleaved and the report uses medians. ``--quick`` uses 200 / 1,000 / 2,000 sessions.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXAMPLE = ROOT / "data" / "examples" / "dessau-rosslau-2020.toml"
VALUES = ("ja", "eher_ja", "eher_nein", "nein", "keine_einschaetzung")
_VALUE = re.compile(r'^value = "(ja|eher_ja|eher_nein|nein|keine_einschaetzung)"$', re.M)


def variant(text: str, i: int, rng: random.Random, respondent: str = "") -> str:
    """The example with random ratings, its own municipality name and update date."""
    text = _VALUE.sub(lambda _m: f'value = "{rng.choice(VALUES)}"', text)
    text = text.replace('name = "Dessau-Roßlau"', f'name = "Gemeinde {i:05}"', 1)
    text = text.replace(
        "updated = 2020-12-15T12:00:00+01:00",
        f"updated = 2020-{1 + i % 12:02}-{1 + i % 28:02}T12:00:00+01:00",
        1,
    )
    if respondent:
        text += f'\n[respondent]\nname = "{respondent}"\nrole = "Fachbereich {i}"\n'
    return text


def generate(folder: Path, n: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    base = EXAMPLE.read_text("utf-8")
    paths = []
    for i in range(n):
        sub = folder / f"land{i % 16:02}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"kommune-{i:05}.toml"
        path.write_text(variant(base, i, rng), "utf-8")
        paths.append(path)
    return paths


def linked_set(folder: Path, paths: list[Path]) -> Path:
    folder.mkdir()
    for p in paths:
        target = folder / p.parent.name / p.name
        target.parent.mkdir(exist_ok=True)
        os.link(p, target)
    return folder


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# --------------------------------------------------------------------------- merge


def bench_merge(tmp: Path, runs: int) -> list[tuple]:
    from wk_tui.files import load_session
    from wk_tui.team import merge_files

    rng = random.Random(7)
    base = EXAMPLE.read_text("utf-8")
    folder = tmp / "team"
    folder.mkdir()
    paths = []
    for i in range(20):
        path = folder / f"person-{i:02}.toml"
        path.write_text(variant(base, i, rng, respondent=f"Person {i}"), "utf-8")
        paths.append(path)
    out = tmp / "team.toml"

    def load_all() -> None:
        for p in paths:
            load_session(p)

    def merge() -> None:
        merge_files(paths, out, force=True)

    load_all(), merge()  # warm: questionnaire cache, imports
    base_t, merge_t = [], []
    for _ in range(runs):  # interleaved
        base_t.append(median_time(load_all, 1))
        merge_t.append(median_time(merge, 1))
    b, m = statistics.median(base_t), statistics.median(merge_t)
    size = out.stat().st_size
    return [
        ("load 20 sessions (baseline)", f"{b * 1000:.1f} ms", "", ""),
        (f"merge 20 → {size / 1024:.0f} KiB", f"{m * 1000:.1f} ms", f"{m / b:.2f}×", "< 2×"),
    ]


# --------------------------------------------------------------------------- aggregate


def plain_parse(paths: list[Path]) -> None:
    for p in paths:
        with open(p, "rb") as fh:
            tomllib.load(fh)


WRAPPER = """
import os, resource, sys
from wk_tui.cli import main
code = main(sys.argv[1:])
self, children = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
cpu = self.ru_utime + self.ru_stime + children.ru_utime + children.ru_stime
os.write(2, f"rss {self.ru_maxrss} {children.ru_maxrss} {cpu} {code}\\n".encode())
"""


def run_aggregate(folder: Path) -> tuple[float, int, int, float]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", WRAPPER, "aggregate", str(folder), "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        check=False,
    )
    elapsed = time.perf_counter() - start
    line = [ln for ln in proc.stderr.splitlines() if ln.startswith("rss ")]
    if not line or not line[-1].endswith(" 0"):
        raise SystemExit(f"aggregate failed: {proc.stderr[-2000:]}")
    _, me, kids, cpu, _ = line[-1].split()
    return elapsed, int(me), int(kids), float(cpu)


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def parallel_probe() -> float:
    """How much faster two processes finish two CPU-bound units than one process does.

    About 2 on an idle 2-core machine; about 1 when other sessions keep the cores busy
    (the kernel's autogroup scheduling gives each session its share, however many
    processes it runs), and then no process pool can help the wall time.
    """
    import multiprocessing

    n = 3_000_000
    start = time.perf_counter()
    _burn(n), _burn(n)
    serial = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [n, n])
        parallel = time.perf_counter() - start
    return serial / parallel


def bench_aggregate(tmp: Path, sizes: list[int], runs: int) -> list[tuple]:
    t0 = time.perf_counter()
    all_paths = generate(tmp / "all", max(sizes))
    print(f"(generated {max(sizes):,} sessions in {time.perf_counter() - t0:.1f} s)", flush=True)
    rows = []
    per_file = []
    for n in sizes:
        paths = all_paths[:n]
        folder = linked_set(tmp / f"set{n}", paths)
        set_paths = sorted(folder.rglob("*.toml"))
        plain_parse(set_paths)  # warm the page cache
        base_t, agg_t, rss, base_cpu, agg_cpu = [], [], [], [], []
        for _ in range(runs):
            cpu0 = time.process_time()
            base_t.append(median_time(lambda p=set_paths: plain_parse(p), 1))
            base_cpu.append(time.process_time() - cpu0)
            elapsed, me, kids, cpu = run_aggregate(folder)
            agg_t.append(elapsed)
            agg_cpu.append(cpu)
            rss.append((me, kids))
        b, a = statistics.median(base_t), statistics.median(agg_t)
        bc, ac = statistics.median(base_cpu), statistics.median(agg_cpu)
        me, kids = max(rss)
        per_file.append(a / n)
        rows.append(
            (
                f"{n:>6,} sessions: tomllib serial / aggregate",
                f"{b:.2f} s / {a:.2f} s",
                f"{a / b:.2f}×",
                "≤ 0.65×",
            )
        )
        rows.append(
            (
                f"{n:>6,} sessions: CPU time, all processes",
                f"{bc:.2f} s / {ac:.2f} s",
                f"{ac / bc:.2f}×",
                "info",
            )
        )
        rows.append(
            (
                f"{n:>6,} sessions: peak RSS main / worker",
                f"{me / 1024:.0f} / {kids / 1024:.0f} MiB",
                f"{a / n * 1e6:.0f} µs/file",
                "flat",
            )
        )
    growth = per_file[-1] / per_file[0]
    rows.append(
        (
            f"time per file, {sizes[-1]:,} vs {sizes[0]:,}",
            "",
            f"{growth:.2f}×",
            "≈ 1 (linear)",
        )
    )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="200 / 1,000 / 2,000 sessions")
    args = parser.parse_args()
    sizes = [200, 1000, 2000] if args.quick else [1000, 5000, 11000]
    print(
        f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}, "
        f"parallel speedup available now: {parallel_probe():.2f}× (2 = both cores free)"
    )
    with tempfile.TemporaryDirectory(prefix="wk-bench-team-") as tmp:
        rows = bench_merge(Path(tmp), max(args.runs, 5))
        rows += bench_aggregate(Path(tmp), sizes, args.runs)
    width = max(len(r[0]) for r in rows)
    print(f"{'metric':<{width}}  {'time':>22}  {'ratio':>12}  target")
    for name, value, ratio, target in rows:
        print(f"{name:<{width}}  {value:>22}  {ratio:>12}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
