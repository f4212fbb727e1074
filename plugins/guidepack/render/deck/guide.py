"""The slides of a guide's pitch deck, in presenting order."""

from __future__ import annotations

from urllib.parse import urlsplit

from ... import graph as g
from ... import urls
from ...plan import Site
from .common import (
    TIME_NOTE,
    Slide,
    capitalised,
    count_steps,
    deck_href,
    effort_text,
    joined,
    pitch_text,
    prose_slide,
    step_titles,
    town_contacts,
)  # fmt: skip
from .connections import Connection, connections, overlaps


def guide_slides(site: Site, slug: str) -> list[Slide]:
    """The slides of a guide's deck, in presenting order."""
    guide = site.package.guides[slug]
    pitch = guide.meta.pitch
    own = [s.id for s in guide.steps]
    phases = g.phases(site.graph, own)
    effort = effort_text(site, own, site.guide_schedule(slug))
    links = connections(site, slug)
    return [
        Slide(
            "title",
            guide.title,
            {
                "kicker": "Pitch deck",
                "lead": guide.meta.summary,
                "essential": guide.meta.essential,
                "facts": f"{len(own)} steps in {len(phases)} phases · typically {effort['time']}",
            },
        ),
        prose_slide("statement", "The problem", pitch_text(site, pitch.problem)),
        prose_slide("statement", "What we offer", pitch_text(site, pitch.offer)),
        Slide(
            "list", "Who benefits", {"items": capitalised(pitch.who_benefits), "numbered": False}
        ),
        Slide(
            "how",
            "How it works",
            {
                "stats": [
                    (str(len(own)), "steps"),
                    (str(len(phases)), "phases"),
                    (effort["time"], "typical time"),
                ],
                "phases": [[site.package.steps[s].title for s in p] for p in phases],
                "note": TIME_NOTE,
            },
        ),
        prose_slide(
            "costs",
            "What it costs",
            pitch_text(site, pitch.costs),
            stats=[(effort["cost"], "summed from the typical cost of each step")],
            note=effort["missing"],
        ),
        _connects_slide(site, pitch.connects_to, links),
        _overlap_slide(site, slug, links),
        Slide("list", "First steps", {"items": capitalised(pitch.first_steps), "numbered": True}),
        prose_slide("ask", "The ask", pitch_text(site, pitch.ask)),
        Slide(
            "involved",
            "Get involved",
            {
                "links": [
                    (
                        "Read the step-by-step guide",
                        deck_href(site, urls.deck_uri(slug), urls.guide_uri(slug)),
                    ),
                    (
                        "See the whole package and pick projects",
                        deck_href(site, urls.deck_uri(slug), urls.PACKAGE),
                    ),
                    (
                        "The package's pitch deck",
                        deck_href(site, urls.deck_uri(slug), urls.deck_uri(None)),
                    ),
                ],
                "examples": [(e.title, e.url, urlsplit(e.url).hostname) for e in pitch.examples],
                "note": f"Guide maintained by {joined(guide.meta.maintainers)}."
                if guide.meta.maintainers
                else "",
                "contacts": town_contacts(site),
            },
        ),
    ]


def _connects_slide(site: Site, text: str, links: list[Connection]) -> Slide:
    """Which projects this one builds on, and which build on it, with the steps."""
    return Slide(
        "connects",
        "What it connects to",
        {
            "lead": pitch_text(site, text.strip()),
            "needs": _rows(site, [(c.title, c.we_need) for c in links if c.we_need]),
            "needed_by": _rows(site, [(c.title, c.needs_us) for c in links if c.needs_us]),
        },
    )


def _rows(site: Site, groups: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    """Guide titles with their steps; with more than three guides, the titles alone."""
    return [
        (title, step_titles(site, steps) if len(groups) <= 3 else "") for title, steps in groups
    ]


def _overlap_slide(site: Site, slug: str, links: list[Connection]) -> Slide:
    """Earlier steps this project shares with others, and what is its own."""
    own = site.package.guides[slug].steps
    rows = [
        (
            o.title,
            f"{count_steps(len(o.steps))}: {step_titles(site, o.steps, 2)} — also needed by "
            f"{joined(o.sharers)}",
        )
        for o in overlaps(site, links)
    ]
    users = [c.title for c in links if c.needs_us]
    crossing = sum(
        1 for s in own if any(not p.startswith(slug + "/") for p in site.graph.predecessors(s.id))
    )
    differ = f"{count_steps(len(own))} are this project's own work"
    if crossing:
        differ += f"; {crossing} of them start from another project's step"
    return Slide(
        "overlap",
        "Where projects overlap and differ",
        {
            "heading": "Earlier steps it shares with other projects",
            "rows": rows,
            "empty": f"It shares no earlier steps: {joined(users)} build on its steps instead."
            if users
            else "It shares no earlier steps with other projects.",
            "differ": differ + ". Shared steps are done once, for every project that needs them.",
        },
    )
