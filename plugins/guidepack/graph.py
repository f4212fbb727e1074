"""The dependency graph of steps: build, validate, order, plan.

Nodes are step ids; an edge runs from a prerequisite to the step that requires it.
Every node carries `guide` and `order` (its number inside the guide).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from .records import Package


def build_graph(package: Package) -> nx.DiGraph:
    """The graph of all steps, with an edge for every `requires` that names another step.

    Requirements that name no step or the step itself are left out (`checks.references`
    reports them), so the graph is always well formed; it may still hold a cycle.
    """
    G = nx.DiGraph()
    rank = {slug: i for i, slug in enumerate(package.guides)}
    steps = package.steps
    for step in steps.values():
        G.add_node(step.id, guide=step.guide, order=step.order, rank=rank[step.guide])
    for step in steps.values():
        for other in step.meta.requires:
            if other != step.id and other in steps:
                G.add_edge(other, step.id)
    G.graph[BY_GUIDE] = {slug: [s.id for s in g.steps] for slug, g in package.guides.items()}
    return G


BY_GUIDE = "by_guide"  # G.graph[BY_GUIDE]: step ids of each guide, set once by build_graph


def _guide_members(G: nx.DiGraph, guide: str) -> list[str]:
    """The steps of one guide in G, from the index build_graph keeps (no scan of G)."""
    index = G.graph.get(BY_GUIDE)
    if index is None:
        return [s for s, d in G.nodes(data=True) if d["guide"] == guide]
    return [s for s in index.get(guide, ()) if s in G]  # `in G` also holds for subgraph views


def ancestors_of(G: nx.DiGraph, steps: Iterable[str]) -> set[str]:
    """The given steps and every step they transitively require: one walk for all of them."""
    seen = set(steps)
    stack = list(seen)
    pred = G.pred
    while stack:
        for p in pred[stack.pop()]:
            if p not in seen:
                seen.add(p)
                stack.append(p)
    return seen


def guides_needing(G: nx.DiGraph) -> dict[str, set[str]]:
    """For every step, the guides that have a step (transitively) requiring it.

    One pass over the graph, kept on it: renderers ask this for many steps (not kept on
    subgraph views, which share the graph's dict).
    """
    cached = G.graph.get("guides_needing")
    if cached is not None:
        return cached
    needing: dict[str, set[str]] = {}
    for step in reversed(list(nx.topological_sort(G))):
        found: set[str] = set()
        for after in G.successors(step):
            found.add(G.nodes[after]["guide"])
            found |= needing[after]
        needing[step] = found
    if not nx.is_frozen(G):
        G.graph["guides_needing"] = needing
    return needing


def sort_key(G: nx.DiGraph, step: str) -> tuple:
    """Stable order: guide rank in the package, then step number, then id."""
    data = G.nodes[step]
    return (data["rank"], data["order"], step)


def ordered(G: nx.DiGraph, steps: Iterable[str]) -> list[str]:
    """The given steps in package order (guide rank, step number)."""
    return sorted(steps, key=lambda s: sort_key(G, s))


def guide_steps(G: nx.DiGraph, guide: str) -> list[str]:
    """The steps of one guide in their numbered order."""
    return ordered(G, _guide_members(G, guide))


def prerequisites(G: nx.DiGraph, step: str, *, transitive: bool = False) -> list[str]:
    """Steps that must be done before `step`: direct ones, or all of them."""
    found = nx.ancestors(G, step) if transitive else G.predecessors(step)
    return ordered(G, found)


def unlocks(G: nx.DiGraph, step: str, *, transitive: bool = False) -> list[str]:
    """Steps that require `step`: direct ones, or every step that depends on it."""
    found = nx.descendants(G, step) if transitive else G.successors(step)
    return ordered(G, found)


def phases(G: nx.DiGraph, steps: Iterable[str]) -> list[list[str]]:
    """Group steps into phases: a step's phase comes after all its prerequisites' phases.

    Only edges between the given steps count. Steps within a phase are in package order.
    """
    sub = G.subgraph(steps)
    return [ordered(G, generation) for generation in nx.topological_generations(sub)]


def depths(G: nx.DiGraph) -> dict[str, int]:
    """Each step's depth: the length of the longest chain of prerequisites before it."""
    depth: dict[str, int] = {}
    for step in nx.topological_sort(G):
        depth[step] = max((depth[p] + 1 for p in G.predecessors(step)), default=0)
    return depth


@dataclass
class Plan:
    """The combined plan for a set of picked guides."""

    guides: list[str]
    phases: list[list[str]]
    needed_by: dict[str, list[str]] = field(default_factory=dict)
    pulled_in: dict[str, list[str]] = field(default_factory=dict)

    @property
    def steps(self) -> list[str]:
        return [s for phase in self.phases for s in phase]


def plan(G: nx.DiGraph, guides: Iterable[str]) -> Plan:
    """Every step of `guides` plus every step they transitively require, in phases.

    `needed_by[s]` names the picked guides that need step s (its own guide included when
    picked); `pulled_in[s]`, for steps from guides that were not picked, names the steps
    in the plan that directly require it. Assumes the graph has no cycle.
    """
    picked = list(dict.fromkeys(guides))
    chosen = set(picked)
    needed_by: dict[str, list[str]] = {}
    for guide in picked:
        for s in ancestors_of(G, _guide_members(G, guide)):
            needed_by.setdefault(s, []).append(guide)
    members = set(needed_by)
    pulled_in = {
        s: ordered(G, (t for t in G.successors(s) if t in members))
        for s in members
        if G.nodes[s]["guide"] not in chosen
    }
    return Plan(picked, phases(G, members), needed_by, pulled_in)
