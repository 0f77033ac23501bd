"""Wall time of ``wk-tui export <example>`` (Markdown to a pipe) vs ``python -c "import tomllib"``.

Both commands run as subprocesses with stdout to a pipe and stdin from /dev/null,
interleaved (A, B, A, B, …) after a few warm-up runs; the medians and their ratio are
printed. Target: the export takes at most 2.5× the bare interpreter + tomllib.

Bytecode: if ``PYTHONDONTWRITEBYTECODE`` is set (as in some sandboxes), every run would
recompile wk_tui from source, which an installed program never does. By default the
children therefore get a private ``PYTHONPYCACHEPREFIX`` (a temp dir, so the checkout
stays clean) and may write bytecode; ``--cold`` keeps the environment as it is.

``--format docx|xlsx`` (or any export format) measures that format instead of Markdown;
the target applies to Markdown only (the office formats load their libraries).

    .venv/bin/python bench/export_speed.py [--runs 20] [--cold] [--check] [--format md]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "examples" / "dessau-rosslau-2020.toml"
TARGET = 2.5


def export_command(fmt: str) -> list[str]:
    script = Path(sys.executable).with_name("wk-tui")
    args = ["export", str(EXAMPLE), "--format", fmt]
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-m", "wk_tui", *args]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, stdin=subprocess.DEVNULL, capture_output=True, env=env, cwd=ROOT, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--cold", action="store_true", help="keep PYTHONDONTWRITEBYTECODE (measure compiling, too)"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if over target")
    parser.add_argument("--format", default="md", help="export format (default md)")
    args = parser.parse_args()

    env = {**os.environ}
    env.pop("FORCE_COLOR", None)
    tmp = None
    if not args.cold and env.get("PYTHONDONTWRITEBYTECODE"):
        tmp = tempfile.TemporaryDirectory(prefix="wk-bench-pyc-")
        env.pop("PYTHONDONTWRITEBYTECODE")
        env["PYTHONPYCACHEPREFIX"] = tmp.name

    export = export_command(args.format)
    base = [sys.executable, "-c", "import tomllib"]
    for _ in range(args.warmup):
        timed(export, env)
        timed(base, env)
    a: list[float] = []
    b: list[float] = []
    for _ in range(args.runs):
        a.append(timed(export, env))
        b.append(timed(base, env))
    if tmp is not None:
        tmp.cleanup()

    ma, mb = statistics.median(a), statistics.median(b)
    ratio = ma / mb
    mode = "cold (no bytecode cache)" if args.cold else "bytecode cached"
    print(f"runs: {args.runs} each, interleaved, {mode}")
    label = f"wk-tui export ({args.format}, pipe)"
    print(f"{label:<26} median {ma * 1000:7.1f} ms   min {min(a) * 1000:7.1f} ms")
    print(f'python -c "import tomllib" median {mb * 1000:7.1f} ms   min {min(b) * 1000:7.1f} ms')
    if args.format != "md":
        print(f"ratio {ratio:.2f}x (no target for {args.format})")
        return 0
    verdict = "ok" if ratio <= TARGET else "OVER TARGET"
    print(f"ratio {ratio:.2f}x (target <= {TARGET}x): {verdict}")
    return 1 if args.check and ratio > TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
