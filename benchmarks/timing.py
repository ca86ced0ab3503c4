"""Timing helpers for the benchmarks: paired runs, min/median/max, ratios, peak memory.

Measurements on a shared machine drift; running A and B in turn (A B A B …) and taking the
ratio pair by pair keeps the ratio meaningful while both absolute times move. Medians are
quoted; min and max show how noisy the run was.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def seconds(func: Callable[[], Any]) -> float:
    """How long ``func`` took; a function that times itself (set-up excluded) returns it."""
    start = time.perf_counter()
    result = func()
    return result if isinstance(result, float) else time.perf_counter() - start


def paired(a: Callable[[], Any], b: Callable[[], Any], runs: int) -> tuple[list[float], ...]:
    """Times of ``a`` and of ``b`` run in turn, and the ratio a/b of each pair."""
    times_a, times_b, ratios = [], [], []
    for _ in range(runs):
        ta, tb = seconds(a), seconds(b)
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(ta / tb)
    return times_a, times_b, ratios


def spread(values: list[float], unit: str = "s", digits: int = 3) -> str:
    """``median 0.412 s (min 0.398, max 0.455)``"""
    med = statistics.median(values)
    low, high = min(values), max(values)
    return f"median {med:.{digits}f}{unit} (min {low:.{digits}f}, max {high:.{digits}f})"


def peak_mb() -> float:
    """This process's peak resident memory in MB (Linux reports KB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def children_peak_mb() -> float:
    """The largest peak resident memory among the finished child processes, in MB."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
