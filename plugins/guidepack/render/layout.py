"""Where the map puts each step: a layered layout that fits a page column.

Steps go in layers from top to bottom (a step's layer comes after all its prerequisites'),
ordered inside each layer to cross fewer edges (barycentre sweeps, as in a Sugiyama
layout), and a layer wider than the column wraps onto more rows. Titles are wrapped,
never cut, and boxes never overlap. Pure geometry: no SVG here (see `map`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import networkx as nx

WIDTH = 680  # px: the page column on a 1280 px laptop, with the sidebars
BOX_WIDTH = 156
BOX_GAP = 16
ROW_GAP = 34
LAYER_GAP = 26
LINE_HEIGHT = 15
PADDING = 8
CHARS_PER_LINE = 21
SWEEPS = 12


@dataclass(frozen=True)
class Box:
    """A step's box: top-left corner, size, and its title in lines."""

    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]

    @property
    def top(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y)

    @property
    def bottom(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height)


@dataclass(frozen=True)
class Layout:
    boxes: dict[str, Box]
    layers: list[list[str]]
    bands: list[tuple[float, float]]
    """Top and bottom of each layer's band."""
    width: float
    height: float


def layers_of(G: nx.DiGraph, steps: Iterable[str], key: Callable[[str], object]) -> list[list[str]]:
    """The steps in layers (topological generations), each in `key` order to start with."""
    sub = G.subgraph(steps)
    return [sorted(layer, key=key) for layer in nx.topological_generations(sub)]


def order_layers(G: nx.DiGraph, layers: list[list[str]], sweeps: int = SWEEPS) -> list[list[str]]:
    """Reorder each layer by the mean relative position of its neighbours above (sweeping
    down) or below (sweeping up), keeping the order with the fewest crossings found.

    Neighbours in any layer count, not only the next one, so long edges pull too.
    """
    best = [list(layer) for layer in layers]
    best_count = count_layer_crossings(G, best)
    current = [list(layer) for layer in layers]
    for sweep in range(sweeps):
        down = sweep % 2 == 0
        indices = range(1, len(current)) if down else range(len(current) - 2, -1, -1)
        neighbours = G.predecessors if down else G.successors
        for i in indices:
            position = {s: (p + 0.5) / len(layer) for layer in current for p, s in enumerate(layer)}
            old = {s: p for p, s in enumerate(current[i])}
            current[i].sort(key=lambda s: (_barycentre(s, neighbours, position), old[s]))
        count = count_layer_crossings(G, current)
        if count < best_count:
            best, best_count = [list(layer) for layer in current], count
    return best


def _barycentre(step: str, neighbours, position: dict[str, float]) -> float:
    """Mean relative position (0-1) of a step's neighbours in their layers; a step with
    none keeps to the end."""
    near = [position[n] for n in neighbours(step) if n in position]
    return sum(near) / len(near) if near else float("inf")


def count_layer_crossings(G: nx.DiGraph, layers: list[list[str]]) -> int:
    """Crossings between edges leaving the same layer for the same layer, by relative
    position (a cheap proxy, used to keep the best ordering of the sweeps)."""
    where = {
        s: (i, (p + 0.5) / len(layer))
        for i, layer in enumerate(layers)
        for p, s in enumerate(layer)
    }
    by_gap: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for a, b in G.edges:
        if a in where and b in where:
            (la, pa), (lb, pb) = where[a], where[b]
            by_gap.setdefault((la, lb), []).append((pa, pb))
    total = 0
    for edges in by_gap.values():
        edges.sort()
        for i, (a1, b1) in enumerate(edges):
            for a2, b2 in edges[i + 1 :]:
                if a2 > a1 and b2 < b1:
                    total += 1
    return total


def place(layers: list[list[str]], titles: dict[str, str], width: float = WIDTH) -> Layout:
    """Boxes for every step: each layer in rows as wide as `width`, centred."""
    per_row = max(1, int((width + BOX_GAP) // (BOX_WIDTH + BOX_GAP)))
    boxes: dict[str, Box] = {}
    bands = []
    y = 0.0
    for layer in layers:
        top = y
        y += LAYER_GAP
        for start in range(0, len(layer), per_row):
            row = layer[start : start + per_row]
            lines = {s: tuple(wrap(titles[s])) for s in row}
            height = max(len(v) for v in lines.values()) * LINE_HEIGHT + 2 * PADDING
            used = len(row) * BOX_WIDTH + (len(row) - 1) * BOX_GAP
            x = (width - used) / 2
            for step in row:
                boxes[step] = Box(x, y, BOX_WIDTH, height, lines[step])
                x += BOX_WIDTH + BOX_GAP
            y += height + ROW_GAP
        bands.append((top, y - ROW_GAP / 2))
    return Layout(boxes, layers, bands, width, y)


def wrap(title: str, width: int = CHARS_PER_LINE) -> list[str]:
    """A title in lines of at most `width` characters (a longer word gets its own line)."""
    return textwrap.wrap(title, width, break_long_words=False, break_on_hyphens=False) or [""]


def segment_crossings(layout: Layout, edges: Iterable[tuple[str, str]]) -> int:
    """How many pairs of edges cross, each drawn as a straight line from the bottom of its
    first box to the top of its second (edges sharing a box never count)."""
    segments = [
        (a, b, layout.boxes[a].bottom, layout.boxes[b].top)
        for a, b in edges
        if a in layout.boxes and b in layout.boxes
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
