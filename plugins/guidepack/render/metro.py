"""The dependency graph as a metro map: one lane per guide, one column per depth.

The SVG is computed once per build from the graph; every node is a link to its step.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import networkx as nx

from .. import graph as g

PALETTE = (
    "#00796b", "#c2185b", "#1565c0", "#b34700", "#6a1b9a",
    "#2e7d32", "#ad1457", "#4e342e", "#455a64", "#5d4037",
)  # fmt: skip  (lane titles are text in these colours: each has 4.5:1 or more on its lane)
COLUMN = 150  # px between depth columns
ROW = 30  # px between stacked stops in a lane
LANE_GAP = 26
LEFT = 12
TOP = 12
LABEL_CHARS = 20


@dataclass(frozen=True)
class Stop:
    step: str
    x: int
    y: int


def colours(guides: list[str]) -> dict[str, str]:
    """A colour per guide, in package order."""
    return {slug: PALETTE[i % len(PALETTE)] for i, slug in enumerate(guides)}


def layout(
    G: nx.DiGraph, guides: list[str]
) -> tuple[dict[str, Stop], list[tuple[str, int, int]], int, int]:
    """Place every step: x by dependency depth, y by lane (guide) and stack.

    Returns the stops, the lanes as (guide, top, height), and the width and height.
    """
    depth = g.depths(G)
    stops: dict[str, Stop] = {}
    lanes = []
    top = TOP
    for slug in guides:
        columns: dict[int, list[str]] = {}
        for step in g.guide_steps(G, slug):
            columns.setdefault(depth[step], []).append(step)
        rows = max((len(c) for c in columns.values()), default=1)
        height = rows * ROW + 24
        for col, steps in columns.items():
            for i, step in enumerate(steps):
                stops[step] = Stop(step, LEFT + 8 + col * COLUMN, top + 32 + i * ROW)
        lanes.append((slug, top, height))
        top += height + LANE_GAP
    width = LEFT * 2 + (max(depth.values(), default=0) + 1) * COLUMN + 16
    return stops, lanes, width, top


def render_metro(
    G: nx.DiGraph, guides: list[str], titles: dict[str, str], steps: dict[str, str], href
) -> str:
    """The SVG map. `titles`: guide titles; `steps`: step titles; `href(step)` its link."""
    colour = colours(guides)
    stops, lanes, width, height = layout(G, guides)
    out = [
        f'<svg data-gp-graph xmlns="http://www.w3.org/2000/svg" class="gp-graph" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="group" '
        f'aria-label="Dependency graph of {len(stops)} steps">'
    ]
    for slug, top, lane_height in lanes:
        out.append(
            f'<g class="gp-lane" data-gp-lane="{slug}"><rect x="2" y="{top}" width="{width - 4}" '
            f'height="{lane_height}" rx="6" fill="{colour[slug]}" fill-opacity=".07"/>'
            f'<text x="{LEFT}" y="{top + 16}" class="gp-lane-title" fill="{colour[slug]}">'
            f"{escape(titles[slug])}</text></g>"
        )
    out.append('<g class="gp-edges" fill="none">')
    for a, b in sorted(G.edges):
        if a not in stops or b not in stops:
            continue
        s, t = stops[a], stops[b]
        mid = (s.x + t.x) / 2
        cross = G.nodes[a]["guide"] != G.nodes[b]["guide"]
        out.append(
            f'<path data-gp-from="{a}" data-gp-to="{b}" d="M{s.x} {s.y}C{mid:.0f} {s.y} {mid:.0f} '
            f'{t.y} {t.x} {t.y}" stroke="{colour[G.nodes[a]["guide"]]}"'
            + (' class="gp-cross-edge"' if cross else "")
            + "/>"
        )
    out.append('</g><g class="gp-nodes">')
    for step, stop in stops.items():
        slug = G.nodes[step]["guide"]
        label = steps[step]
        short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"
        out.append(
            f'<a href="{href(step)}" data-gp-node="{step}" data-gp-guide="{slug}">'
            f"<title>{escape(label)} ({escape(titles[slug])})</title>"
            f'<circle cx="{stop.x}" cy="{stop.y}" r="7" fill="#fff" stroke="{colour[slug]}" '
            f'stroke-width="3"/><text x="{stop.x + 11}" y="{stop.y + 4}">{escape(short)}</text></a>'
        )
    out.append("</g></svg>")
    return "".join(out)
