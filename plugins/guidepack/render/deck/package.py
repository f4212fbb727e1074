"""The slides of the package's pitch deck (the town's, in a pack build)."""

from __future__ import annotations

from typing import Any

from ... import graph as g
from ... import urls
from ...plan import Site
from .common import (
    TIME_NOTE,
    Slide,
    count_steps,
    deck_href,
    effort_text,
    joined,
    pitch_text,
    split_lead,
    step_titles,
    town_contacts,
    town_of,
)  # fmt: skip


def package_slides(site: Site) -> list[Slide]:
    """The slides of the package deck, in presenting order."""
    projects = list(site.projects)
    guides = site.package.guides
    plan, schedule = site.plan_schedule(site.projects)
    effort = effort_text(site, plan.steps, schedule)
    town = town_of(site)
    shared = [s for s in plan.steps if len(plan.needed_by.get(s, [])) > 1]
    first = plan.phases[0][:6] if plan.phases else []
    return [
        Slide(
            "title",
            f"{town}: our package of community projects"
            if town
            else "A package of community projects",
            {
                "kicker": "Pitch deck",
                "lead": f"{len(projects)} projects a town can start together, with care and "
                "exchange at the heart and their first steps shared.",
                "essential": False,
                "facts": f"{len(plan.steps)} steps in {len(plan.phases)} phases · typically "
                f"{effort['time']}",
            },
        ),
        Slide(
            "overview",
            "What is in the package",
            {
                "projects": [
                    (guides[s].title, guides[s].meta.essential, len(guides[s].steps))
                    for s in projects
                ]
            },
        ),
        *(_project_slide(site, slug, i, len(projects)) for i, slug in enumerate(projects, 1)),
        Slide("glue", "How the projects reinforce each other", _glue(site, projects)),
        Slide(
            "how",
            "How it works",
            {
                "stats": [
                    (str(len(plan.steps)), "steps in all"),
                    (str(len(plan.phases)), "phases"),
                    (effort["time"], "typical time"),
                    (effort["cost"], "typical cost"),
                ],
                "phases": [],
                "note": f"{len(shared)} steps are needed by two or more projects and are done "
                f"once. {TIME_NOTE} The cost is summed from every step's typical cost.",
            },
        ),
        _package_overlap_slide(site, plan, shared),
        Slide(
            "list",
            "First steps",
            {
                "items": [
                    f"{site.package.steps[s].title} ({guides[site.graph.nodes[s]['guide']].title})"
                    for s in first
                ],
                "numbered": True,
            },
        ),
        *_ask_slides(site, projects),
        Slide(
            "involved",
            "Get involved",
            {
                "links": [
                    (
                        "Explore the package and pick projects",
                        deck_href(site, urls.deck_uri(None), urls.PACKAGE),
                    ),
                    ("Read the guides", deck_href(site, urls.deck_uri(None), urls.GUIDES_INDEX)),
                ],
                "decks": [
                    (guides[s].title, deck_href(site, urls.deck_uri(None), urls.deck_uri(s)))
                    for s in projects
                ],
                "examples": [],
                "note": "",
                "contacts": town_contacts(site),
            },
        ),
    ]


def _ask_slides(site: Site, projects: list[str], per_slide: int = 3) -> list[Slide]:
    """Each project's ask, a few to a slide so the type stays large."""
    guides = site.package.guides
    asks = [(guides[s].title, pitch_text(site, guides[s].meta.pitch.ask)) for s in projects]
    count = max(1, -(-len(asks) // per_slide))
    size = -(-len(asks) // count)
    return [
        Slide(
            "asks",
            "The ask" if i == 0 else "The ask, continued",
            {"asks": asks[i * size : (i + 1) * size]},
        )
        for i in range(count)
    ]


def _project_slide(site: Site, slug: str, number: int, total: int) -> Slide:
    """One picked project in brief: problem, offer, size, and where to read more."""
    guide = site.package.guides[slug]
    own = [s.id for s in guide.steps]
    effort = effort_text(site, own, site.guide_schedule(slug))
    return Slide(
        "project",
        guide.title,
        {
            "kicker": f"Project {number} of {total}",
            "essential": guide.meta.essential,
            "problem": split_lead(pitch_text(site, guide.meta.pitch.problem))[0],
            "offer": split_lead(pitch_text(site, guide.meta.pitch.offer))[0],
            "stats": [
                (str(len(own)), "steps"),
                (effort["time"], "typical time"),
                (effort["cost"], "typical cost"),
            ],
            "links": [
                ("Read the guide", deck_href(site, urls.deck_uri(None), urls.guide_uri(slug))),
                ("Its pitch deck", deck_href(site, urls.deck_uri(None), urls.deck_uri(slug))),
            ],
        },
    )


def _glue(site: Site, projects: list[str]) -> dict[str, Any]:
    """Which projects build on which: the essentials, then every project others need."""
    guides, G = site.package.guides, site.graph
    chosen = set(projects)
    needed_by: dict[str, set[str]] = {s: set() for s in projects}
    needs: dict[str, set[str]] = {s: set() for s in projects}
    for a, b in G.edges:
        ga, gb = G.nodes[a]["guide"], G.nodes[b]["guide"]
        if ga != gb and ga in chosen and gb in chosen:
            needed_by[ga].add(gb)
            needs[gb].add(ga)
    rows = []
    for s in projects:
        if not (guides[s].meta.essential or needed_by[s]):
            continue
        parts = []
        if needed_by[s]:
            parts.append(
                "built on by " + joined([guides[o].title for o in projects if o in needed_by[s]])
            )
        if needs[s]:
            parts.append(
                "builds on " + joined([guides[o].title for o in projects if o in needs[s]])
            )
        rows.append((guides[s].title, guides[s].meta.essential, "; ".join(parts)))
    return {
        "lead": "Care and exchange are the glue: they are in every package, and the other "
        "projects build on them.",
        "rows": rows,
    }


def _package_overlap_slide(site: Site, plan: g.Plan, shared: list[str]) -> Slide:
    """Steps that several projects need, grouped by the guide they belong to."""
    guides = site.package.guides
    groups: dict[str, list[str]] = {}
    for step in shared:
        groups.setdefault(site.graph.nodes[step]["guide"], []).append(step)
    rows = []
    for owner in (s for s in guides if s in groups):
        users = {u for s in groups[owner] for u in plan.needed_by[s] if u != owner}
        names = [guides[u].title for u in plan.guides if u in users]
        rows.append(
            (
                guides[owner].title,
                f"{count_steps(len(groups[owner]))}: {step_titles(site, groups[owner], 2)} — "
                f"needed by {joined(names)}",
            )
        )
    return Slide(
        "overlap",
        "Shared steps, done once",
        {
            "heading": "Steps several projects need",
            "rows": rows,
            "empty": "The projects share no steps.",
            "differ": f"{len(plan.steps) - len(shared)} of the {len(plan.steps)} steps belong "
            f"to one project alone; the {len(shared)} shared steps are done once, for every "
            "project that needs them.",
        },
    )
