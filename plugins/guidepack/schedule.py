"""The plan in time: when each step can start and finish, the critical path, the total.

Every step takes its `effort.time`, a range in weeks (0 when it has none). Steps start as
soon as all their prerequisites are finished, and steps that do not depend on each other
run side by side, so the total is the longest chain, never the sum of all step times.

Ranges combine end by end: the low end of a step's start is the latest low-end finish of
its prerequisites, and the high end the latest high-end finish; finish = start + time. So
the low end is the plan if every step goes as fast as its low estimate, the high end if
every step takes its high estimate. The critical path is the chain of steps that decides
the high-end finish (the conservative plan), found with networkx's longest path.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from .effort import Range

_START, _END = "\x00start", "\x00end"


@dataclass(frozen=True)
class Schedule:
    """Earliest start and finish of each step (weeks from the first step), and the totals."""

    start: Mapping[str, Range]
    finish: Mapping[str, Range]
    total: Range
    """From the first step's start to the last target's finish."""
    critical: tuple[str, ...]
    """The chain that decides the high-end finish, first step first."""

    def on_critical_path(self, step: str) -> bool:
        return step in self.critical


def schedule(
    G: nx.DiGraph,
    steps: Iterable[str],
    times: Mapping[str, Range | None],
    targets: Collection[str] | None = None,
) -> Schedule:
    """Schedule `steps` (with all their prerequisites among them) as early as possible.

    `targets` are the steps whose finish counts for the total and the critical path
    (default: all of them), e.g. a guide's own steps among the steps they need. Only edges
    between the given steps count. Assumes no cycle.
    """
    sub = _subgraph(G, steps)
    zero = Range.zero()
    start: dict[str, Range] = {}
    finish: dict[str, Range] = {}
    for step in nx.topological_sort(sub):
        before = [finish[p] for p in sub.predecessors(step)]
        begin = Range(
            max((r.lo for r in before), default=0.0), max((r.hi for r in before), default=0.0)
        )
        start[step] = begin
        finish[step] = begin + (times.get(step) or zero)
    ends = [s for s in (targets if targets is not None else finish) if s in finish]
    if not ends:
        return Schedule(start, finish, zero, ())
    total = Range(max(finish[s].lo for s in ends), max(finish[s].hi for s in ends))
    return Schedule(start, finish, total, _critical_path(sub, times, ends))


def _subgraph(G: nx.DiGraph, steps: Iterable[str]) -> nx.DiGraph:
    """The steps and the edges between them, in G's order (a subgraph view of a set would
    follow the set's order, which changes from run to run, and so would ties)."""
    wanted = set(steps)
    nodes = [n for n in G if n in wanted]
    sub = nx.DiGraph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from((u, v) for u in nodes for v in G.successors(u) if v in wanted)
    return sub


def _critical_path(
    sub: nx.DiGraph, times: Mapping[str, Range | None], ends: list[str]
) -> tuple[str, ...]:
    """The longest chain by high-end time that ends at one of `ends` (only steps that lead
    to an end take part, so the path cannot end elsewhere)."""
    keep, stack = set(ends), list(ends)
    while stack:
        for p in sub.predecessors(stack.pop()):
            if p not in keep:
                keep.add(p)
                stack.append(p)
    weight = {s: (times.get(s) or Range.zero()).hi for s in keep}
    H = nx.DiGraph()
    H.add_edges_from((u, v, {"w": weight[v]}) for u, v in sub.edges if u in keep and v in keep)
    H.add_edges_from((_START, s, {"w": weight[s]}) for s in sub if s in keep)
    H.add_edges_from((s, _END, {"w": 0.0}) for s in ends)
    path = nx.dag_longest_path(H, weight="w", default_weight=0.0)
    return tuple(s for s in path if s not in (_START, _END))
