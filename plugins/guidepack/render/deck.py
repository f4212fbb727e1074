"""Pitch decks: one self-contained HTML slide show per guide, and one for the package.

A deck is a complete HTML document with inline CSS and JavaScript and no external
resource, so it works offline and on any engine that copies `.html` files as they are.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import jinja2
import networkx as nx
from markupsafe import Markup

from .. import graph as g
from ..effort import critical_time, format_cost, format_time, sum_costs
from ..site import Site

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9£\"'(])")
TIME_NOTE = (
    "Typical time is the longest chain of steps that must follow each other; "
    "steps in the same phase can run side by side."
)


@dataclass
class Slide:
    """One slide: the kind of slide (how it is drawn), its heading, and what it shows."""

    kind: str
    title: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Connection:
    """How one guide relates to another through the step graph."""

    guide: str
    title: str
    we_need: list[str] = field(default_factory=list)
    needs_us: list[str] = field(default_factory=list)
    shared: list[str] = field(default_factory=list)


@dataclass
class Overlap:
    """Steps of one guide that several projects need, and who else needs them."""

    guide: str
    title: str
    steps: list[str] = field(default_factory=list)
    sharers: list[str] = field(default_factory=list)


# --- rendering -----------------------------------------------------------------------


@cache
def _environment() -> jinja2.Environment:
    """A jinja2 environment that escapes HTML everywhere (unlike the Markdown one)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("guidepack", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


@cache
def _inline(name: str) -> Markup:
    """The text of a deck asset (CSS or JS) to inline in the page."""
    return Markup(resources.files("guidepack").joinpath("templates", name).read_text("utf-8"))


def _render(deck: str, title: str, slides: list[Slide]) -> str:
    template = _environment().get_template("deck.html.j2")
    return template.render(
        deck=deck, title=title, slides=slides, css=_inline("deck.css"), js=_inline("deck.js")
    )


def render_guide_deck(site: Site, slug: str) -> str:
    """The complete HTML document of a guide's pitch deck."""
    guide = site.package.guides[slug]
    return _render(slug, f"{guide.title}: pitch deck", guide_slides(site, slug))


def render_package_deck(site: Site) -> str:
    """The complete HTML document of the package's pitch deck (the town's, with a pack)."""
    town = _town(site)
    title = f"{town}: package pitch deck" if town else "Package pitch deck"
    return _render("package", title, package_slides(site))


# --- helpers ---------------------------------------------------------------------------


def split_lead(text: str) -> tuple[str, str]:
    """The first sentence of a text (its headline) and the rest."""
    parts = _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def _town(site: Site) -> str:
    """The town's name when the site is built for a town pack, else an empty string."""
    return site.pack.name if site.pack is not None else ""


def _text(site: Site, text: str) -> str:
    """Pitch text with pack variables filled in."""
    return site.text(text)


def _effort(site: Site, steps: list[str]) -> dict[str, str]:
    """Readable typical time (critical path) and summed cost of some steps."""
    efforts = {s: site.package.steps[s].meta.effort for s in steps}
    time, cost = critical_time(site.graph, efforts), sum_costs(efforts.values())
    missing = sum(e is None for e in efforts.values())
    return {
        "time": format_time(time) if time else "not estimated",
        "cost": format_cost(cost) if cost else "not estimated",
        "missing": f"{missing} of {len(steps)} steps have no estimate yet." if missing else "",
    }


def _titles(site: Site, steps: list[str], limit: int = 3) -> str:
    """Step titles joined with dots, with `+N more` past the limit."""
    names = [site.package.steps[s].title for s in steps]
    if len(names) > limit:
        names = [*names[: limit - 1], f"+{len(names) - limit + 1} more"]
    return " · ".join(names)


def _names(titles: list[str]) -> str:
    """Titles joined for a sentence: `a, b and c`."""
    if not titles:
        return ""
    return ", ".join(titles[:-1]) + (" and " if len(titles) > 1 else "") + titles[-1]


def _capitals(items: list[str]) -> list[str]:
    """List items starting with a capital letter, as on a slide."""
    return [item[:1].upper() + item[1:] for item in items]


def _steps_count(n: int) -> str:
    return f"{n} step" if n == 1 else f"{n} steps"


def _before(G: nx.DiGraph, steps: set[str]) -> set[str]:
    """Every step outside `steps` that some of them (transitively) require."""
    return g.ancestors_of(G, steps) - steps  # one walk for all of them


# --- the graph seen from one guide -------------------------------------------------------


def connections(site: Site, slug: str) -> list[Connection]:
    """The guides a guide connects to: steps it needs, steps that need it, shared steps.

    Shared steps are earlier steps of a third guide that both guides (transitively) need.
    Only the graph around the guide is visited, so a deck costs the same in any package.
    """
    G, guides = site.graph, site.package.guides
    own = {s.id for s in guides[slug].steps}
    node = G.nodes
    found: dict[str, tuple[set[str], set[str], list[str]]] = {}

    def entry(guide: str) -> tuple[set[str], set[str], list[str]]:
        return found.setdefault(guide, (set(), set(), []))

    for step in own:
        for before in G.predecessors(step):
            if (guide := node[before]["guide"]) != slug:
                entry(guide)[0].add(before)
        for after in G.successors(step):
            if (guide := node[after]["guide"]) != slug:
                entry(guide)[1].add(after)
    needing = g.guides_needing(G)  # computed once per build, not per deck
    shared: defaultdict[str, list[str]] = defaultdict(list)
    for before in g.ordered(G, _before(G, own)):  # in order: each list comes out sorted
        for other in needing[before] - {node[before]["guide"], slug}:
            shared[other].append(before)
    for other, steps in shared.items():
        entry(other)[2].extend(steps)
    return [
        Connection(other, guides[other].title, g.ordered(G, f[0]), g.ordered(G, f[1]), f[2])
        for other in guides
        if (f := found.get(other))
    ]


def overlaps(site: Site, links: list[Connection]) -> list[Overlap]:
    """Earlier steps shared with other guides, grouped by the guide they belong to."""
    G, guides = site.graph, site.package.guides
    owners: dict[str, Overlap] = {}
    steps: dict[str, set[str]] = {}  # sets beside the lists: the lists grow with the package
    sharers: dict[str, set[str]] = {}
    owner_of: dict[str, str] = {}
    for link in links:
        for step in link.shared:
            owner = owner_of.get(step)
            if owner is None:
                owner = owner_of[step] = G.nodes[step]["guide"]
                owners.setdefault(owner, Overlap(owner, guides[owner].title))
                steps.setdefault(owner, set())
                sharers.setdefault(owner, set())
            group = owners[owner]
            if step not in steps[owner]:
                steps[owner].add(step)
                group.steps.append(step)
            if link.guide != owner and link.title not in sharers[owner]:
                sharers[owner].add(link.title)
                group.sharers.append(link.title)
    for group in owners.values():
        group.steps = g.ordered(G, group.steps)
    return [owners[s] for s in guides if s in owners]


# --- a guide's deck ------------------------------------------------------------------


def _prose(kind: str, title: str, text: str, **extra: Any) -> Slide:
    lead, rest = split_lead(text)
    return Slide(kind, title, {"lead": lead, "rest": rest, **extra})


def guide_slides(site: Site, slug: str) -> list[Slide]:
    """The slides of a guide's deck, in presenting order."""
    guide = site.package.guides[slug]
    pitch = guide.meta.pitch
    own = [s.id for s in guide.steps]
    phases = g.phases(site.graph, own)
    effort = _effort(site, own)
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
        _prose("statement", "The problem", _text(site, pitch.problem)),
        _prose("statement", "What we offer", _text(site, pitch.offer)),
        Slide("list", "Who benefits", {"items": _capitals(pitch.who_benefits), "numbered": False}),
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
        _prose(
            "costs",
            "What it costs",
            _text(site, pitch.costs),
            stats=[(effort["cost"], "summed from the typical cost of each step")],
            note=effort["missing"],
        ),
        _connects_slide(site, pitch.connects_to, links),
        _overlap_slide(site, slug, links),
        Slide("list", "First steps", {"items": _capitals(pitch.first_steps), "numbered": True}),
        _prose("ask", "The ask", _text(site, pitch.ask)),
        Slide(
            "involved",
            "Get involved",
            {
                "links": [
                    ("Read the step-by-step guide", "../"),
                    ("See the whole package and pick projects", "../../../package/"),
                    ("The package's pitch deck", "../../../package/pitch/"),
                ],
                "examples": [(e.title, e.url, urlsplit(e.url).hostname) for e in pitch.examples],
                "note": f"Guide maintained by {_names(guide.meta.maintainers)}."
                if guide.meta.maintainers
                else "",
            },
        ),
    ]


def _connects_slide(site: Site, text: str, links: list[Connection]) -> Slide:
    """Which projects this one builds on, and which build on it, with the steps."""
    return Slide(
        "connects",
        "What it connects to",
        {
            "lead": _text(site, text.strip()),
            "needs": _rows(site, [(c.title, c.we_need) for c in links if c.we_need]),
            "needed_by": _rows(site, [(c.title, c.needs_us) for c in links if c.needs_us]),
        },
    )


def _rows(site: Site, groups: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    """Guide titles with their steps; with more than three guides, the titles alone."""
    return [(title, _titles(site, steps) if len(groups) <= 3 else "") for title, steps in groups]


def _overlap_slide(site: Site, slug: str, links: list[Connection]) -> Slide:
    """Earlier steps this project shares with others, and what is its own."""
    own = site.package.guides[slug].steps
    rows = [
        (
            o.title,
            f"{_steps_count(len(o.steps))}: {_titles(site, o.steps, 2)} — also needed by "
            f"{_names(o.sharers)}",
        )
        for o in overlaps(site, links)
    ]
    users = [c.title for c in links if c.needs_us]
    crossing = sum(
        1 for s in own if any(not p.startswith(slug + "/") for p in site.graph.predecessors(s.id))
    )
    differ = f"{_steps_count(len(own))} are this project's own work"
    if crossing:
        differ += f"; {crossing} of them start from another project's step"
    return Slide(
        "overlap",
        "Where projects overlap and differ",
        {
            "heading": "Earlier steps it shares with other projects",
            "rows": rows,
            "empty": f"It shares no earlier steps: {_names(users)} build on its steps instead."
            if users
            else "It shares no earlier steps with other projects.",
            "differ": differ + ". Shared steps are done once, for every project that needs them.",
        },
    )


# --- the package's deck ------------------------------------------------------------------


def _projects(site: Site) -> list[str]:
    """The package's projects: essentials first, then the picked guides in order."""
    return list(dict.fromkeys([*site.essentials, *site.picked]))


def package_slides(site: Site) -> list[Slide]:
    """The slides of the package deck, in presenting order."""
    projects = _projects(site)
    guides = site.package.guides
    plan = g.plan(site.graph, projects)
    effort = _effort(site, plan.steps)
    town = _town(site)
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
                    ("Explore the package and pick projects", "../"),
                    ("Read the guides", "../../guides/"),
                ],
                "decks": [(guides[s].title, f"../../guides/{s}/pitch/") for s in projects],
                "examples": [],
                "note": "",
            },
        ),
    ]


def _ask_slides(site: Site, projects: list[str], per_slide: int = 3) -> list[Slide]:
    """Each project's ask, a few to a slide so the type stays large."""
    guides = site.package.guides
    asks = [(guides[s].title, _text(site, guides[s].meta.pitch.ask)) for s in projects]
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
    effort = _effort(site, own)
    return Slide(
        "project",
        guide.title,
        {
            "kicker": f"Project {number} of {total}",
            "essential": guide.meta.essential,
            "problem": split_lead(_text(site, guide.meta.pitch.problem))[0],
            "offer": split_lead(_text(site, guide.meta.pitch.offer))[0],
            "stats": [
                (str(len(own)), "steps"),
                (effort["time"], "typical time"),
                (effort["cost"], "typical cost"),
            ],
            "links": [
                ("Read the guide", f"../../guides/{slug}/"),
                ("Its pitch deck", f"../../guides/{slug}/pitch/"),
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
                "built on by " + _names([guides[o].title for o in projects if o in needed_by[s]])
            )
        if needs[s]:
            parts.append(
                "builds on " + _names([guides[o].title for o in projects if o in needs[s]])
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
                f"{_steps_count(len(groups[owner]))}: {_titles(site, groups[owner], 2)} — "
                f"needed by {_names(names)}",
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
