"""The report of ``tui_speed.py``: per-key tables and the verdict table against the targets."""

from __future__ import annotations

from tui_speed_common import med, ms
from tui_speed_paint import paint_median

FIRST_PAINT_TARGET = 1.3  # demo field screen vs bare app
KEY_TARGET_MS = 5.0  # net main-thread CPU per rating key
BIG_PAINT_TARGET = 1.5  # 1,000 criteria vs the 34-criterion demo
BIG_KEY_TARGET = 1.25  # "unchanged": 1,000 vs 34 criteria per-key ratio
RSS_TARGET = 1.5  # demo child vs bare child

#: What the "handler only" rows add up: the action (with the score recomputation and the
#: reactive watchers) and the sidebar building its lines.
HANDLER_STATS = (
    "action_rate (sync, incl. reactive cascade)",
    "VerdictSidebar.render",
    "VerdictSidebar.render_line",
)


def row(
    metric: str, value: str, base: str, ratio: float | None, target: str, ok: bool | None
) -> tuple:
    return (
        metric,
        value,
        base,
        "–" if ratio is None else f"{ratio:.2f}×",
        target,
        "–" if ok is None else "PASS" if ok else "FAIL",
    )


def print_table(rows: list[tuple]) -> None:
    head = ("metric", "value", "baseline", "ratio", "target", "verdict")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(line.format(*head))
    print(line.format(*("-" * w for w in widths)))
    for r in rows:
        print(line.format(*r))


def key_summary(rs: list[dict]) -> dict:
    """Medians (s) over the rounds of one per-key case."""
    rated = [x for r in rs for x in r["rated"]]
    # Baseline: unbound-key windows in which nothing was painted. The autosave (every
    # 0.4 s: serialise, flip the title bar to "saved") sometimes lands in an unbound
    # window; that is work caused by the ratings, not the cost of an ignored key.
    unbound = [x for r in rs for x in r["unbound_quiet"]] or [x for r in rs for x in r["unbound"]]
    lat = [x for r in rs for x in r["latency"]]
    return {
        "rated": med(rated),
        "unbound": med(unbound),
        "net": med(rated) - med(unbound),
        "lat": med(lat),
        "p90": sorted(rated)[int(0.9 * len(rated))] - med(unbound),
        "failures": sum(r["failures"] for r in rs),
        "screens": rs[0]["screens"],
        "n": len(rated),
    }


def print_keys(kk: dict[str, dict], floor: dict) -> None:
    print(
        f"{'case':<17} {'screens':>7} {'keys':>5} {'rating':>8} {'unbound':>8} {'net':>8} "
        f"{'net p90':>8} {'key→frame':>9} {'fails':>5}"
    )
    for name, k in kk.items():
        print(
            f"{name:<17} {k['screens']:>7} {k['n']:>5} {k['rated'] * 1000:7.2f}  "
            f"{k['unbound'] * 1000:7.2f}  {k['net'] * 1000:7.2f}  "
            f"{k['p90'] * 1000:7.2f}  {k['lat'] * 1000:8.1f} "
            f"{k['failures']:>5}"
        )
    print(
        f"{'floor':<17} {'':>7} {40:>5} {floor['rated'] * 1000:7.2f}  "
        f"{floor['unbound'] * 1000:7.2f}  {floor['net'] * 1000:7.2f}"
    )
    print(
        "(ms main-thread CPU per key, medians; key→frame is wall latency incl. frame pacing;"
        "\n floor = bare App whose keys update one Static — one repaint in Textual here)"
    )


def print_instrumented(inst: dict[str, dict], cases: list[str]) -> None:
    print(
        "\nInstrumented pass (30 more keys, 6 when all visited; mean ms per rating key / "
        "calls per key):"
    )
    names = sorted({s for r in inst.values() for s in r["stats"]})
    print(f"{'':<43}" + "".join(f"{c:>18}" for c in cases))
    for s in names:
        cells = []
        for c in cases:
            tot, cnt = inst[c]["stats"].get(s, [0.0, 0])
            n = inst[c]["inst_keys"]
            cells.append(
                f"{cnt / n:8.1f}" if s.startswith("#") else f"{tot / n * 1000:8.3f} /{cnt / n:6.1f}"
            )
        print(f"{s:<43}" + "".join(f"{x:>18}" for x in cells))


def handler(inst: dict[str, dict], name: str) -> float:
    """action_rate (incl. the score recomputation) + sidebar renders, s per key."""
    st, n = inst[name]["stats"], inst[name]["inst_keys"]
    return sum(st.get(k, [0.0, 0])[0] for k in HANDLER_STATS) / n


def verdicts(paint: dict[str, list[dict]], kk: dict[str, dict], inst: dict, floor: dict) -> list:
    """The table's rows: each target with its value, baseline, ratio and verdict."""

    def pm(kind: str, key: str) -> float:
        return paint_median(paint, kind, key)

    bare, demo, big = pm("bare", "paint"), pm("demo", "paint"), pm("big1000", "paint")
    e34 = pm("empty34", "paint")
    hb, hd, hbig = pm("bare", "hwm_kb"), pm("demo", "hwm_kb"), pm("big1000", "hwm_kb")
    k34, k1000 = kk["34"]["net"], kk["1000"]["net"]
    v34, v1000 = kk["34 all visited"]["net"], kk["1000 all visited"]["net"]
    h34, h1000 = handler(inst, "34"), handler(inst, "1000")
    return [
        row(
            "1 first paint: demo field screen vs bare App",
            ms(demo),
            ms(bare),
            demo / bare,
            f"≤ {FIRST_PAINT_TARGET}×",
            demo / bare <= FIRST_PAINT_TARGET,
        ),
        row(
            "2 per key, 34 criteria (net CPU) vs Textual floor",
            f"{k34 * 1000:.2f} ms",
            f"{floor['net'] * 1000:.2f} ms floor",
            k34 / floor["net"],
            f"≤ {KEY_TARGET_MS:g} ms",
            k34 * 1000 <= KEY_TARGET_MS,
        ),
        row(
            "2   (info) handler only: action_rate + sidebar.render",
            f"{h34 * 1000:.2f} ms",
            f"{floor['net'] * 1000:.2f} ms floor",
            h34 / floor["net"],
            "–",
            None,
        ),
        row(
            "3 first paint: 1,000 criteria vs demo (34)",
            ms(big),
            ms(demo),
            big / demo,
            f"≤ {BIG_PAINT_TARGET}×",
            big / demo <= BIG_PAINT_TARGET,
        ),
        row(
            "3   (info) 1,000 vs empty 34-criterion session", ms(big), ms(e34), big / e34, "–", None
        ),
        row("3   (info) 1,000 criteria vs bare App", ms(big), ms(bare), big / bare, "–", None),
        row(
            "3 per key: 1,000 vs 34 criteria (net CPU)",
            f"{k1000 * 1000:.2f} ms",
            f"{k34 * 1000:.2f} ms",
            k1000 / k34,
            f"≤ {BIG_KEY_TARGET}×, ≤ {KEY_TARGET_MS:g} ms",
            k1000 / k34 <= BIG_KEY_TARGET and k1000 * 1000 <= KEY_TARGET_MS,
        ),
        row(
            "3   (info) handler only, 1,000 vs 34",
            f"{h1000 * 1000:.2f} ms",
            f"{h34 * 1000:.2f} ms",
            h1000 / h34,
            "–",
            None,
        ),
        row(
            "3   (extra) per key, all screens visited, 1,000 vs 34",
            f"{v1000 * 1000:.2f} ms",
            f"{v34 * 1000:.2f} ms",
            v1000 / v34,
            f"≤ {BIG_KEY_TARGET}×, ≤ {KEY_TARGET_MS:g} ms",
            v1000 / v34 <= BIG_KEY_TARGET and v1000 * 1000 <= KEY_TARGET_MS,
        ),
        row(
            "4 peak RSS: demo child vs bare child",
            f"{hd / 1024:.1f} MB",
            f"{hb / 1024:.1f} MB",
            hd / hb,
            f"≤ {RSS_TARGET}×",
            hd / hb <= RSS_TARGET,
        ),
        row(
            "4   (info) peak RSS 1,000 criteria vs bare",
            f"{hbig / 1024:.1f} MB",
            f"{hb / 1024:.1f} MB",
            hbig / hb,
            "–",
            None,
        ),
    ]
