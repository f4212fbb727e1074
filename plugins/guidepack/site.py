"""Load, validate and plan a whole site in one call: the core's entry point."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from . import graph as g
from .aliases import alias_problems
from .graph import build_graph
from .interviews import interview_problems
from .loader import load_package
from .model import Package
from .packs import Pack, load_pack, substitute, variable_problems
from .problems import Problem, did_you_mean
from .safecheck import site_problems


@dataclass
class Site:
    """Everything a build needs: records, the graph, and what this site shows.

    `picked` are the chosen guides (all of them without a pack; the essentials and the
    pack's guides with one); `steps` are the steps built: every step of the picked guides
    and every step they need; `pulled_in[s]`, for a step of a guide that was not picked,
    names the steps that need it.
    """

    root: Path
    package: Package
    graph: nx.DiGraph
    picked: list[str] = field(default_factory=list)
    steps: set[str] = field(default_factory=set)
    pulled_in: dict[str, list[str]] = field(default_factory=dict)
    pack: Pack | None = None
    problems: list[Problem] = field(default_factory=list)
    forum_url: str | None = None
    """Discussion forum's new-topic URL with `{title}` and `{id}`; set by the adapter."""
    updated: dict[str, str] = field(default_factory=dict)
    """Date (YYYY-MM-DD) each content file last changed in git, by path; set by the adapter."""

    @property
    def essentials(self) -> list[str]:
        return [s for s, guide in self.package.guides.items() if guide.meta.essential]

    @property
    def guides(self) -> list[str]:
        """Guides with at least one step in this site, in package order."""
        shown = {self.graph.nodes[s]["guide"] for s in self.steps}
        return [s for s in self.package.guides if s in shown or s in self.picked]

    @property
    def sources(self) -> list[str]:
        """The file of every guide and step (for their "last updated" dates)."""
        paths = []
        for guide in self.package.guides.values():
            paths += [guide.source.rel, *(step.source.rel for step in guide.steps)]
        return paths

    def text(self, text: str) -> str:
        """Content text with pack variables filled in (or neutral defaults)."""
        return substitute(text, self.pack)


def load_site(root: Path, pack: Path | str | None = None, guide: str | None = None) -> Site:
    """Load the content under `root` (and a town pack) and plan the site; problems are kept.

    With `guide`, the site is a preview of that guide alone (see `focus`).
    """
    # Loading allocates millions of objects and frees few: the cycle collector would walk
    # them again and again as they pile up (a third of `check` at 100,000 steps), so it
    # waits until they are all in place.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_site(root, pack, guide)
    finally:
        if enabled:
            gc.enable()


def _load_site(root: Path, pack: Path | str | None, guide: str | None) -> Site:
    package, problems = load_package(root)
    graph, graph_problems = build_graph(package)
    problems.extend(graph_problems)
    problems.extend(alias_problems(package))
    site = Site(root, package, graph)
    if pack:
        site.pack, pack_problems = load_pack(root, Path(pack), package)
        problems.extend(pack_problems)
    essentials = site.essentials
    if site.pack is not None:
        chosen = [s for s in site.pack.meta.guides if s in package.guides]
        site.picked = list(dict.fromkeys([*essentials, *chosen]))
    else:
        site.picked = list(package.guides)
    if not graph_problems and len(site.picked) == len(package.guides):
        site.steps = set(graph.nodes)  # every guide is picked: nothing is pulled in
    elif not graph_problems:
        plan = g.plan(graph, site.picked)
        site.steps = set(plan.steps)
        site.pulled_in = plan.brought_in
    if guide and not graph_problems:
        problems.extend(focus(site, guide))
    problems.extend(_variable_problems(site))
    problems.extend(site_problems(site))
    problems.extend(interview_problems(site))
    site.problems = sorted(set(problems))
    return site


def focus(site: Site, guide: str) -> list[Problem]:
    """Narrow a planned site to a preview of one guide, so `serve` rebuilds it in seconds.

    The preview builds the guide's steps, their prerequisites and the steps that require
    them (direct ones, as in the "Before this" and "This unlocks" panels, so every link on
    the guide's pages works), and the essential guides' overview pages (always in a
    package). Going further would rebuild most of a large package on every save. In a
    town pack, a dependant the pack leaves out stays out.
    """
    package, G = site.package, site.graph
    if guide not in package.guides:
        hint = did_you_mean(guide, package.guides).strip() or "the guides are: " + ", ".join(
            package.guides
        )
        return [Problem("guides", 0, f"no guide `{guide}` to preview", hint)]
    site.picked = [s for s in site.picked if package.guides[s].meta.essential]
    site.picked = list(dict.fromkeys([*site.picked, guide]))
    own = {s.id for s in package.guides[guide].steps}
    before = {p for s in own for p in G.predecessors(s)} - own
    after = {t for s in own for t in G.successors(s)} - own
    site.steps = own | before | (after & site.steps)
    site.pulled_in = {
        s: g.ordered(G, own.intersection(G.successors(s)))
        for s in before
        if G.nodes[s]["guide"] not in site.picked
    }
    return []


def _variable_problems(site: Site) -> list[Problem]:
    found: list[Problem] = []
    for slug in site.guides:
        guide = site.package.guides[slug]
        found += variable_problems(guide.body, guide.source, guide.source.body_line, site.pack)
        for step in guide.steps:
            if step.id in site.steps:
                found += variable_problems(step.body, step.source, step.source.body_line, site.pack)
    return found
