"""The plan stage: what this build shows (a pack's picks, a preview, pulled-in steps).

`Site` is made once by `plan_site` and never changed; what renderers ask of it again and
again (step times, each guide's schedule) is computed on first use and kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import networkx as nx

from . import graph as g
from . import urls
from .effort import Range, parse_time
from .problems import Problem, did_you_mean
from .records import Pack, Package
from .schedule import Schedule, schedule
from .settings import Settings
from .variables import substitute


@dataclass(frozen=True)
class Site:
    """Everything a build needs: settings, records, the graph, and what this site shows.

    `picked` are the chosen guides (all of them without a pack; the essentials and the
    pack's guides with one); `built` are the ids of the steps built: every step of the picked guides
    and every step they need; `pulled_in[s]`, for a step of a guide that was not picked,
    names the steps that need it. `preview` is the one guide a preview build shows.
    """

    settings: Settings
    package: Package
    graph: nx.DiGraph
    pack: Pack | None = None
    picked: tuple[str, ...] = ()
    built: frozenset[str] = frozenset()
    pulled_in: Mapping[str, list[str]] = field(default_factory=dict)
    preview: str | None = None
    acyclic: bool = True

    @property
    def root(self) -> Path:
        return self.settings.root

    @property
    def essentials(self) -> list[str]:
        return [s for s, guide in self.package.guides.items() if guide.meta.essential]

    @cached_property
    def guides(self) -> list[str]:
        """Guides with at least one step in this site, in package order."""
        shown = {self.graph.nodes[s]["guide"] for s in self.built}
        return [s for s in self.package.guides if s in shown or s in self.picked]

    @cached_property
    def doc_uris(self) -> frozenset[str]:
        """The pages of `docs/`, which the engine reads where they are written."""
        return frozenset(doc.uri for doc in self.package.docs)

    @property
    def sources(self) -> list[str]:
        """The file of every guide and step (for their "last updated" dates)."""
        paths = []
        for guide in self.package.guides.values():
            paths += [guide.source.rel, *(step.source.rel for step in guide.steps)]
        return paths

    def text(self, text: str) -> str:
        """Content text with pack variables filled in (or neutral defaults)."""
        return substitute(text, self.pack.meta.variables if self.pack else None)

    @cached_property
    def times(self) -> dict[str, Range | None]:
        """Each step's typical time in weeks (None when it has no estimate)."""
        return {
            s.id: parse_time(s.meta.effort.time) if s.meta.effort else None
            for s in self.package.steps.values()
        }

    def guide_schedule(self, slug: str) -> Schedule:
        """A guide's steps with every step they need, scheduled: its duration and
        critical path, from the first step it needs to its own last step."""
        cache = self.__dict__.setdefault("_guide_schedules", {})
        if slug not in cache:
            own = [s.id for s in self.package.guides[slug].steps]
            cache[slug] = schedule(self.graph, g.ancestors_of(self.graph, own), self.times, own)
        return cache[slug]

    def plan_schedule(self, guides: tuple[str, ...]) -> tuple[g.Plan, Schedule]:
        """The combined plan of some guides (with what they pull in), scheduled."""
        cache = self.__dict__.setdefault("_plan_schedules", {})
        if guides not in cache:
            plan = g.plan(self.graph, guides)
            cache[guides] = (plan, schedule(self.graph, plan.steps, self.times))
        return cache[guides]

    def published_pages(self) -> list[str]:
        """The Markdown pages this build publishes (docs tree paths)."""
        pages = [urls.HOME, urls.GUIDES_INDEX, urls.PACKAGE, urls.SEARCH, urls.DOWNLOADS]
        pages += [doc.uri for doc in self.package.docs]
        for slug in self.guides:
            pages.append(urls.guide_uri(slug))
            pages += [
                urls.step_uri(s.id) for s in self.package.guides[slug].steps if s.id in self.built
            ]
        pages += [p.uri for p in [*self.package.pages, *self.package.interviews]]
        if self.pack is not None:
            pages += [p.uri for p in self.pack.pages]
        return list(dict.fromkeys(pages))

    def published_files(self) -> list[str]:
        """The other files this build publishes: decks, data, hand-outs, `docs/` assets."""
        files = [urls.PACKAGE_JSON, urls.deck_uri(None), *self.package.assets]
        files += [urls.deck_uri(slug) for slug in self.picked]
        files += [urls.download_uri(name) for name in self.downloads()]
        return files

    def downloads(self) -> list[str]:
        """File names under `downloads/`: PDF hand-outs and editable decks (none in a preview
        that leaves them out)."""
        if not self.settings.downloads:
            return []
        names = ["package-plan.pdf", "package-pitch.pptx"]
        for slug in self.picked:
            names += [f"{slug}.pdf", f"{slug}-pitch.pptx"]
        return names

    @property
    def edition(self) -> str:
        """The name of this edition: the town pack's folder, or `package`."""
        return self.pack.slug if self.pack is not None else "package"

    @property
    def projects(self) -> tuple[str, ...]:
        """The package's projects: essentials first, then the picked guides in order."""
        return tuple(dict.fromkeys([*self.essentials, *self.picked]))


def plan_site(
    settings: Settings, package: Package, pack: Pack | None
) -> tuple[Site, list[Problem]]:
    """Decide what the site shows: the picked guides and every step they need."""
    G = g.build_graph(package)
    acyclic = nx.is_directed_acyclic_graph(G)
    essentials = [s for s, guide in package.guides.items() if guide.meta.essential]
    if pack is not None:
        chosen = [s for s in pack.meta.guides if s in package.guides]
        picked = list(dict.fromkeys([*essentials, *chosen]))
    else:
        picked = list(package.guides)
    steps: set[str] = set(G.nodes)
    pulled_in: dict[str, list[str]] = {}
    if len(picked) != len(package.guides):
        steps = g.ancestors_of(G, (s.id for slug in picked for s in package.guides[slug].steps))
        chosen_set = set(picked)
        pulled_in = {
            s: g.ordered(G, (t for t in G.successors(s) if t in steps))
            for s in steps
            if G.nodes[s]["guide"] not in chosen_set
        }
    site = Site(
        settings, package, G, pack, tuple(picked), frozenset(steps), pulled_in, None, acyclic
    )
    if not settings.guide:
        return site, []
    return _focus(site, settings.guide)


def _focus(site: Site, guide: str) -> tuple[Site, list[Problem]]:
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
        return site, [Problem("guides", 0, f"no guide `{guide}` to preview", hint)]
    picked = [s for s in site.picked if package.guides[s].meta.essential]
    picked = list(dict.fromkeys([*picked, guide]))
    own = {s.id for s in package.guides[guide].steps}
    before = {p for s in own for p in G.predecessors(s)} - own
    after = {t for s in own for t in G.successors(s)} - own
    pulled_in = {
        s: g.ordered(G, own.intersection(G.successors(s)))
        for s in before
        if G.nodes[s]["guide"] not in picked
    }
    steps = frozenset(own | before | (after & site.built))
    return (
        Site(
            site.settings,
            package,
            G,
            site.pack,
            tuple(picked),
            steps,
            pulled_in,
            guide,
            site.acyclic,
        ),
        [],
    )
