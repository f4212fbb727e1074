"""A step's typical time and cost: parse them into ranges and write ranges back as text.

Time is measured in weeks (a month is 365.25/12 days, a year 365.25 days), cost in pounds. Both are
bounded, so a typo with a hundred digits is an error, not a number too large to print.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

WEEKS = {"day": 1 / 7, "week": 1.0, "month": 365.25 / 12 / 7, "year": 365.25 / 7}
MAX_WEEKS = 10 * 52  # one step longer than ten years is a typo, or several steps
MAX_POUNDS = 100_000_000
TIME = r"^(\d{1,4})(?:-(\d{1,4}))? (day|week|month|year)s?$"
COST = r"^£(\d{1,3}(?:,\d{3})*)(?:-£?(\d{1,3}(?:,\d{3})*))?$"
_TIME = re.compile(TIME)
_COST = re.compile(COST)


@dataclass(frozen=True)
class Range:
    """A low-high range (weeks for time, pounds for cost); `lo <= hi`."""

    lo: float
    hi: float

    def __add__(self, other: Range) -> Range:
        return Range(self.lo + other.lo, self.hi + other.hi)

    @staticmethod
    def zero() -> Range:
        return Range(0.0, 0.0)


def parse_time(text: str) -> Range:
    """Weeks of a time like `3 days`, `2-4 weeks`, `1-3 years`; ValueError says what is wrong."""
    match = _TIME.match(text.strip())
    if not match:
        raise ValueError("write a number or a range and a unit, e.g. `3 days`, `2-6 weeks`")
    lo, hi, unit = int(match.group(1)), int(match.group(2) or match.group(1)), match.group(3)
    if lo > hi:
        raise ValueError(f"the range runs backwards: write `{hi}-{lo} {unit}s`")
    weeks = Range(lo * WEEKS[unit], hi * WEEKS[unit])
    if weeks.hi > MAX_WEEKS:
        raise ValueError("a step longer than ten years: split it, or check the number")
    return weeks


def parse_cost(text: str) -> Range:
    """Pounds of a cost like `£0`, `£0-200`, `£500-2,000`; ValueError says what is wrong."""
    match = _COST.match(text.strip())
    if not match:
        raise ValueError("write pounds with optional thousands commas, e.g. `£0`, `£500-2,000`")
    lo = int(match.group(1).replace(",", ""))
    hi = int((match.group(2) or match.group(1)).replace(",", ""))
    if lo > hi:
        raise ValueError(f"the range runs backwards: write `£{hi:,}-{lo:,}`")
    if hi > MAX_POUNDS:
        raise ValueError(f"more than £{MAX_POUNDS:,} for one step: check the number")
    return Range(lo, hi)


def sum_costs(costs: Iterable[Range]) -> Range | None:
    """The summed range (None when there is none)."""
    total = None
    for cost in costs:
        total = cost if total is None else total + cost
    return total


def format_time(weeks: Range) -> str:
    """A readable range in one unit: `3 days`, `2-4 weeks`, `3-9 months`, `2-3 years`."""
    limits = (("day", 2.0), ("week", 9.0), ("month", 24 * WEEKS["month"]))
    unit = next((name for name, limit in limits if weeks.hi < limit), "year")
    size = WEEKS[unit]
    lo = max(1, _half_up(weeks.lo / size)) if weeks.lo else 0
    hi = max(lo, _half_up(weeks.hi / size), 1)
    number = f"{lo}" if lo == hi else f"{lo}-{hi}"
    return f"{number} {unit}{'' if hi == 1 else 's'}"


def months(weeks: float) -> int:
    """Whole months in a number of weeks, rounded down (month 0 is the first month)."""
    return int(weeks // WEEKS["month"])


def _half_up(value: float) -> int:
    return int(math.floor(value + 0.5 + 1e-9))  # 1.5 years is 1.4999... in weeks


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
