"""What every pitch deck shares: the slide record and the words and figures on slides.

The slides are data (`Slide`); `deck.html` draws them as a web page and `deck.pptx` as an
editable PowerPoint file, so both show the same slides and figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ... import urls
from ...effort import format_cost, parse_cost, sum_costs
from ...plan import Site
from ...schedule import Schedule
from ..package import duration_text

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9£\"'(])")
TIME_NOTE = (
    "Typical time is the critical path: the longest chain of steps that must wait for each "
    "other, from the first step the project needs; steps in the same phase run side by side."
)


@dataclass
class Slide:
    """One slide: the kind of slide (how it is drawn), its heading, and what it shows."""

    kind: str
    title: str
    data: dict[str, Any] = field(default_factory=dict)


def split_lead(text: str) -> tuple[str, str]:
    """The first sentence of a text (its headline) and the rest."""
    parts = _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def town_of(site: Site) -> str:
    """The town's name when the site is built for a town pack, else an empty string."""
    return site.pack.name if site.pack is not None else ""


def pitch_text(site: Site, text: str) -> str:
    """Pitch text with pack variables filled in."""
    return site.text(text)


def effort_text(site: Site, steps: list[str], schedule: Schedule) -> dict[str, str]:
    """Readable typical time (the schedule's critical path) and summed cost of some steps."""
    efforts = [site.package.steps[s].meta.effort for s in steps]
    cost = sum_costs(parse_cost(e.cost) for e in efforts if e is not None)
    missing = sum(e is None for e in efforts)
    return {
        "time": duration_text(schedule.total).removeprefix("about "),
        "cost": format_cost(cost) if cost else "not estimated",
        "missing": f"{missing} of {len(steps)} steps have no estimate yet." if missing else "",
    }


def step_titles(site: Site, steps: list[str], limit: int = 3) -> str:
    """Step titles joined with dots, with `+N more` past the limit."""
    names = [site.package.steps[s].title for s in steps]
    if len(names) > limit:
        names = [*names[: limit - 1], f"+{len(names) - limit + 1} more"]
    return " · ".join(names)


def joined(titles: list[str]) -> str:
    """Titles joined for a sentence: `a, b and c`."""
    if not titles:
        return ""
    return ", ".join(titles[:-1]) + (" and " if len(titles) > 1 else "") + titles[-1]


def capitalised(items: list[str]) -> list[str]:
    """List items starting with a capital letter, as on a slide."""
    return [item[:1].upper() + item[1:] for item in items]


def count_steps(n: int) -> str:
    return f"{n} step" if n == 1 else f"{n} steps"


def prose_slide(kind: str, title: str, text: str, **extra: Any) -> Slide:
    lead, rest = split_lead(text)
    return Slide(kind, title, {"lead": lead, "rest": rest, **extra})


def town_contacts(site: Site) -> list[tuple[str, str, str]]:
    """A town pack's contacts for the last slide: name, role, and a web or email address."""
    if site.pack is None:
        return []
    return [
        (c.name, c.role, c.url or (f"mailto:{c.email}" if c.email else ""))
        for c in site.pack.meta.contacts
    ]


def deck_href(site: Site, from_uri: str, to_uri: str) -> str:
    return urls.href(from_uri, to_uri)
