"""The plan as a timeline: one bar per step, placed at its earliest start, by project."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..effort import WEEKS, Range, format_time, months
from ..schedule import Schedule


@dataclass(frozen=True)
class Bar:
    """One step's bar: where it starts and how long it is, as shares of the timeline."""

    id: str
    title: str
    href: str
    start: Range
    finish: Range
    critical: bool
    style: str
    when: str


@dataclass(frozen=True)
class Lane:
    guide: str
    title: str
    colour: int
    bars: list[Bar]


def timeline(
    schedule: Schedule,
    lanes: list[tuple[str, str, int, list[str]]],
    times: Mapping[str, Range | None],
    titles: Mapping[str, str],
    href: Callable[[str], str],
) -> tuple[list[Lane], list[tuple[str, str]], float]:
    """Bars by project (`lanes`: guide, title, colour, its steps in order), the month ticks as
    (label, style), and the timeline's length in weeks (the high-end total)."""
    length = max(schedule.total.hi, 1.0)
    out = []
    for guide, title, colour, steps in lanes:
        bars = []
        for step in steps:
            start, finish = schedule.start[step], schedule.finish[step]
            time = times.get(step) or Range.zero()
            style = (
                f"--gp-start:{_share(start.lo, length)};--gp-len:{_share(time.lo, length)};"
                f"--gp-more:{_share(time.hi - time.lo, length)}"
            )
            first = months(start.lo) + 1
            when = f"from month {first}" + (f", {format_time(time)}" if time.hi else "")
            bars.append(
                Bar(
                    step,
                    titles[step],
                    href(step),
                    start,
                    finish,
                    step in schedule.critical,
                    style,
                    when,
                )
            )
        out.append(Lane(guide, title, colour, bars))
    return out, _ticks(length), length


def _share(weeks: float, length: float) -> str:
    """A share of the timeline as a CSS percentage, written as the sanitiser writes it."""
    return f"{round(100 * weeks / length, 2):g}%"


def _ticks(length: float) -> list[tuple[str, str]]:
    """Labels along the top, few enough to fit a phone: up to six months or eight years."""
    month = WEEKS["month"]
    total = length / month
    fits = (e for e in (1, 2, 3, 6, 12, 24, 36, 60) if total / e <= (6 if e < 12 else 8))
    every = next(fits, 120)
    ticks = []
    for m in range(0, int(total) + 1, every):
        if m * month / length < 0.9:  # a label at the far end would not fit
            label = f"Month {m + 1}" if every < 12 else f"Year {m // 12 + 1}"
            ticks.append((label, f"--gp-start:{_share(m * month, length)}"))
    return ticks
