"""What the parts of ``tui_speed.py`` share: the checkout, the terminal size, medians."""

from __future__ import annotations

import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 40)


def med(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def ms(x: float) -> str:
    return f"{x * 1000:.1f} ms"
