"""Judging a file with many problems costs time proportional to its size.

For files with N and 4N bad rating values, measures ``load_session`` (parse, validate,
locate every problem) against the baseline of ``tomllib.loads`` of the same text, in the
same run, interleaved, medians of 5. Linear work keeps judge/parse constant as N grows;
the old per-problem scan of the whole file made it grow with N (17 s for 1,000 problems,
215 s for 4,000 on a loaded 2-core machine, where the index takes 0.15 s and 0.31 s).

    .venv/bin/python bench/judge_scaling.py [N]     # default N = 5000
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wk_tui.errors import ValidationError  # noqa: E402
from wk_tui.files import load_session  # noqa: E402


def measure(n: int, folder: Path) -> tuple[float, float, int]:
    doc = tomllib.loads((ROOT / "data" / "examples" / "dessau-rosslau-2020.toml").read_text())
    doc["ratings"] = {f"hf1.x{i}": {"value": "super"} for i in range(n)}
    path = folder / f"bad-{n}.toml"
    text = tomli_w.dumps(doc)
    path.write_text(text, "utf-8")
    parse, judge, problems = [], [], 0
    for _ in range(5):
        t = time.perf_counter()
        tomllib.loads(text)
        parse.append(time.perf_counter() - t)
        t = time.perf_counter()
        try:
            load_session(path)
        except ValidationError as exc:
            problems = len(exc.problems)
        judge.append(time.perf_counter() - t)
    return statistics.median(parse), statistics.median(judge), problems


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory() as tmp:
        rows = [(size, *measure(size, Path(tmp))) for size in (n, 4 * n)]
    print(f"{'problems':>9} {'parse s':>9} {'judge s':>9} {'judge/parse':>12}")
    for _size, parse, judge, problems in rows:
        print(f"{problems:>9} {parse:>9.3f} {judge:>9.3f} {judge / parse:>12.2f}")
    growth = (rows[1][2] / rows[1][1]) / (rows[0][2] / rows[0][1])
    print(f"judge/parse at 4N over N: {growth:.2f} (1.0 = linear; 4.0 = quadratic)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
