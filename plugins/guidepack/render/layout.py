"""Where the map puts each step: a vertical metro map that fits a page column.

Each guide is a lane (a narrow column, like a metro line); each step is a row, its stop
in its guide's lane and its full title beside the lanes, wrapped, never cut. Rows go in
phases (a step's phase comes after all its prerequisites'), and inside a phase by lane.
Lanes are ordered so that guides which depend on each other sit side by side: the edges
between lanes are short and cross less (measured by `segment_crossings`). Pure geometry:
no SVG here (see `map`).
"""

from __future__ import annotations

import itertools
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

WIDTH = 680  # px: the page column on a 1280 px laptop, with the sidebars
LEFT = 12
LANE = 18
GAP = 14  # between the last lane and the titles
CHAR = 6.4  # px per character of a title at the map's font size
LINE = 15
ROW_PAD = 9
BAND_GAP = 22  # room for a phase's name above its rows
EXHAUSTIVE = 7  # lanes up to this many: try every order; more: swap pairs


@dataclass(frozen=True)
class Stop:
    """A step's stop on its lane, and its title in lines beside the lanes."""

    x: float
    y: float
    top: float
    height: float
    label_x: float
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Layout:
    stops: dict[str, Stop]
    lanes: dict[str, float]
    """The x of each guide's lane."""
    bands: list[tuple[float, float]]
    """Top and bottom of each phase's rows."""
    width: float
    height: float


def lane_order(G: nx.DiGraph, guides: Sequence[str]) -> list[str]:
    """The guides in an order that keeps the edges between them short: the sum, over edges
    that join two guides, of how many lanes apart they are is as small as found."""
    weight = Counter(
        tuple(sorted((G.nodes[a]["guide"], G.nodes[b]["guide"])))
        for a, b in G.edges
        if G.nodes[a]["guide"] != G.nodes[b]["guide"]
    )

    def cost(order: Sequence[str]) -> int:
        at = {g: i for i, g in enumerate(order)}
        return sum(n * abs(at[a] - at[b]) for (a, b), n in weight.items() if a in at and b in at)

    if len(guides) <= EXHAUSTIVE:
        first = tuple(guides)
        return list(min(itertools.permutations(guides), key=lambda p: (cost(p), p != first)))
    order = list(guides)
    improved = True
    while improved:
        improved = False
        for i, j in itertools.combinations(range(len(order)), 2):
            trial = order.copy()
            trial[i], trial[j] = trial[j], trial[i]
            if cost(trial) < cost(order):
                order, improved = trial, True
    return order


def place(
    G: nx.DiGraph,
    steps: Iterable[str],
    titles: dict[str, str],
    key: Callable[[str], tuple],
    width: float = WIDTH,
) -> Layout:
    """Stops for the given steps: phases top to bottom, one row per step."""
    sub = G.subgraph(steps)
    guides = list(dict.fromkeys(G.nodes[s]["guide"] for s in sorted(sub, key=key)))
    order = lane_order(sub, guides)
    lanes = {slug: LEFT + i * LANE for i, slug in enumerate(order)}
    label_x = LEFT + max(len(order) - 1, 0) * LANE + GAP
    chars = max(20, int((width - label_x - 8) // CHAR))
    rank = {slug: i for i, slug in enumerate(order)}
    stops: dict[str, Stop] = {}
    bands = []
    y = 0.0
    for phase in nx.topological_generations(sub):
        top = y
        y += BAND_GAP
        for step in sorted(phase, key=lambda s: (rank[G.nodes[s]["guide"]], key(s))):
            lines = tuple(wrap(titles[step], chars))
            height = len(lines) * LINE + ROW_PAD
            x = lanes[G.nodes[step]["guide"]]
            stops[step] = Stop(x, y + ROW_PAD / 2 + LINE / 2, y, height, label_x, lines)
            y += height
        bands.append((top, y))
    return Layout(stops, lanes, bands, width, y + 4)


def wrap(title: str, width: int) -> list[str]:
    """A title in lines of at most `width` characters (a longer word gets its own line)."""
    return textwrap.wrap(title, width, break_long_words=False, break_on_hyphens=False) or [""]


def segment_crossings(
    positions: dict[str, tuple[float, float]], edges: Iterable[tuple[str, str]]
) -> int:
    """How many pairs of edges cross, each drawn as a straight line between its two stops
    (edges sharing a stop never count; edges along the same line do not cross)."""
    segments = [
        (a, b, positions[a], positions[b]) for a, b in edges if a in positions and b in positions
    ]
    total = 0
    for i, (a1, b1, p1, q1) in enumerate(segments):
        for a2, b2, p2, q2 in segments[i + 1 :]:
            if {a1, b1} & {a2, b2}:
                continue
            if _intersect(p1, q1, p2, q2):
                total += 1
    return total


def _intersect(p1, q1, p2, q2) -> bool:
    def orient(a, b, c) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = orient(p2, q2, p1), orient(p2, q2, q1)
    d3, d4 = orient(p1, q1, p2), orient(p1, q1, q2)
    return d1 * d2 < 0 and d3 * d4 < 0
