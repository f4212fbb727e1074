"""The package's graph seen from one guide: what it builds on, what builds on it, and the
earlier steps it shares with other guides."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from ... import graph as g
from ...plan import Site


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


def steps_before(G: nx.DiGraph, steps: set[str]) -> set[str]:
    """Every step outside `steps` that some of them (transitively) require."""
    return g.ancestors_of(G, steps) - steps  # one walk for all of them


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
    for before in g.ordered(G, steps_before(G, own)):  # in order: each list comes out sorted
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
