"""Effort arithmetic: parse steps' typical time and cost, sum costs, find the critical path."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from .model import Effort

DAYS = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25}
_TIME = re.compile(r"^(\d+)(?:-(\d+))? (day|week|month|year)s?$")
_COST = re.compile(r"^£(\d{1,3}(?:,\d{3})*)(?:-£?(\d{1,3}(?:,\d{3})*))?$")


@dataclass(frozen=True)
class Range:
    """A low-high range: days for time, pounds for cost."""

    lo: float
    hi: float

    def __add__(self, other: Range) -> Range:
        return Range(self.lo + other.lo, self.hi + other.hi)


def parse_time(text: str) -> Range:
    """Days of a time like `3 days`, `2-4 weeks`, `1-3 years`."""
    match = _TIME.match(text.strip())
    if not match:
        raise ValueError(f"not a time range: {text!r}")
    lo, hi, unit = int(match.group(1)), int(match.group(2) or match.group(1)), match.group(3)
    return Range(lo * DAYS[unit], hi * DAYS[unit])


def parse_cost(text: str) -> Range:
    """Pounds of a cost like `£0`, `£0-200`, `£500-2,000`, `£500-£2,000`."""
    match = _COST.match(text.strip())
    if not match:
        raise ValueError(f"not a cost range: {text!r}")
    lo = int(match.group(1).replace(",", ""))
    hi = int((match.group(2) or match.group(1)).replace(",", ""))
    return Range(lo, hi)


def sum_costs(efforts: Iterable[Effort | None]) -> Range | None:
    """The summed cost range of the steps that have an estimate (None if none has)."""
    costs = [parse_cost(e.cost) for e in efforts if e is not None]
    return sum(costs[1:], costs[0]) if costs else None


def critical_time(G: nx.DiGraph, efforts: Mapping[str, Effort | None]) -> Range | None:
    """Longest chain of typical times through the given steps, by their requirements.

    Steps in the same phase run side by side, so the time is that of the slowest chain,
    computed separately for the low and the high ends. Steps without an estimate count 0.
    """
    times = {s: parse_time(e.time) if e else Range(0, 0) for s, e in efforts.items()}
    if not any(e is not None for e in efforts.values()):
        return None
    sub = G.subgraph(times)
    done: dict[str, Range] = {}
    for step in nx.topological_sort(sub):
        before = [done[p] for p in sub.predecessors(step)]
        start = Range(
            max((r.lo for r in before), default=0), max((r.hi for r in before), default=0)
        )
        done[step] = start + times[step]
    return Range(max(r.lo for r in done.values()), max(r.hi for r in done.values()))


def format_time(days: Range) -> str:
    """A readable time range in one unit: `3-9 months`, `1-3 years`, `2-4 weeks`."""
    limits = (("day", 14.0), ("week", 9 * 7.0), ("month", 24 * DAYS["month"]))
    unit = next((name for name, limit in limits if days.hi < limit), "year")
    lo = max(1, _half_up(days.lo / DAYS[unit])) if days.lo else 0
    hi = max(lo, _half_up(days.hi / DAYS[unit]), 1)
    number = f"{lo}" if lo == hi else f"{lo}-{hi}"
    return f"{number} {unit}{'' if hi == 1 else 's'}"


def _half_up(value: float) -> int:
    return int(math.floor(value + 0.5))


def _round(pounds: float, up: bool) -> int:
    """Round to two significant figures, down for a low end and up for a high end."""
    if pounds < 100:
        return int(math.ceil(pounds) if up else math.floor(pounds))
    step = 10 ** (len(str(int(pounds))) - 2)
    return int((math.ceil if up else math.floor)(pounds / step) * step)


def format_cost(pounds: Range) -> str:
    """A readable cost range, rounded as estimates should be: `£1,200-46,000`."""
    lo, hi = _round(pounds.lo, up=False), _round(pounds.hi, up=True)
    return f"£{lo:,}" if lo == hi else f"£{lo:,}-{hi:,}"
