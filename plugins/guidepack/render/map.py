"""The dependency map as SVG: layered boxes that fit the page column, one colour per guide.

Every box is a link to its step, named for screen readers with its guide and what it
needs; the plan list beside it is the map's text equivalent (and what a phone shows).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from html import escape

import networkx as nx

from .. import graph as g
from .layout import LINE_HEIGHT, PADDING, Layout, layers_of, order_layers, place

PALETTE = (
    "#00796b",
    "#c2185b",
    "#1565c0",
    "#b34700",
    "#6a1b9a",
    "#2e7d32",
    "#ad1457",
    "#4e342e",
    "#455a64",
    "#5d4037",
)  # fmt: skip  (text in these colours has 4.5:1 or more on white)


def colours(guides: list[str]) -> dict[str, str]:
    """A colour per guide, in package order."""
    return {slug: PALETTE[i % len(PALETTE)] for i, slug in enumerate(guides)}


def map_layout(G: nx.DiGraph, steps: Collection[str], titles: Mapping[str, str]) -> Layout:
    """The layered, crossing-reduced layout of some steps."""
    layers = layers_of(G, steps, key=lambda s: g.sort_key(G, s))
    return place(order_layers(G, layers), dict(titles))


def render_map(
    G: nx.DiGraph,
    layout: Layout,
    *,
    colour: Mapping[str, str],
    titles: Mapping[str, str],
    guide_titles: Mapping[str, str],
    href: Callable[[str], str],
    critical: Collection[str] = (),
    entries: Collection[str] = (),
    label: str,
) -> str:
    """The SVG of a layout. `entries` are steps of other guides drawn as entry points."""
    width, height = layout.width, layout.height
    out = [
        f'<svg data-gp-graph xmlns="http://www.w3.org/2000/svg" class="gp-graph" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'role="group" aria-label="{escape(label)}">'
    ]
    for i, (top, bottom) in enumerate(layout.bands, start=1):
        out.append(
            f'<g class="gp-band"><rect x="0" y="{top:.0f}" width="{width:.0f}" '
            f'height="{bottom - top:.0f}" fill="{"#f4f6f6" if i % 2 else "#ffffff"}"/>'
            f'<text x="6" y="{top + 17:.0f}" class="gp-band-title">Phase {i}</text></g>'
        )
    out.append('<g class="gp-edges" fill="none">')
    for a, b in sorted(G.edges):
        if a not in layout.boxes or b not in layout.boxes:
            continue
        (x1, y1), (x2, y2) = layout.boxes[a].bottom, layout.boxes[b].top
        bend = max(18.0, (y2 - y1) / 2)
        cross = G.nodes[a]["guide"] != G.nodes[b]["guide"]
        classes = " ".join(
            c
            for c, on in (("gp-cross-edge", cross), ("gp-crit", a in critical and b in critical))
            if on
        )
        out.append(
            f'<path data-gp-from="{a}" data-gp-to="{b}" d="M{x1:.0f} {y1:.0f}C{x1:.0f} '
            f'{y1 + bend:.0f} {x2:.0f} {y2 - bend:.0f} {x2:.0f} {y2:.0f}" '
            f'stroke="{colour.get(G.nodes[a]["guide"], "#555")}"'
            + (f' class="{classes}"' if classes else "")
            + "/>"
        )
    out.append('</g><g class="gp-nodes">')
    for step, box in layout.boxes.items():
        slug = G.nodes[step]["guide"]
        needs = [titles[p] for p in g.prerequisites(G, step) if p in layout.boxes]
        name = titles[step] if step in entries else f"{titles[step]} ({guide_titles[slug]})"
        name += f". Needs: {'; '.join(needs)}" if needs else ". Needs nothing first"
        attrs = ' data-gp-critical=""' if step in critical else ""
        attrs += ' data-gp-entry=""' if step in entries else ""
        out.append(
            f'<a href="{escape(href(step))}" data-gp-node="{step}" data-gp-guide="{slug}"'
            f'{attrs} aria-label="{escape(name)}">'
            f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="{box.width:.0f}" '
            f'height="{box.height:.0f}" rx="6" fill="#ffffff" stroke="{colour.get(slug, "#555")}" '
            f'stroke-width="{3 if step in critical else 1.5}"'
            + (' stroke-dasharray="5 3"' if step in entries else "")
            + '/><text class="gp-label">'
        )
        for i, line in enumerate(box.lines):
            y = box.y + PADDING + LINE_HEIGHT * (i + 1) - 3
            space = " " if i < len(box.lines) - 1 else ""  # the name reads as one line
            out.append(f'<tspan x="{box.x + 8:.0f}" y="{y:.0f}">{escape(line)}{space}</tspan>')
        out.append("</text></a>")
    out.append("</g></svg>")
    return "".join(out)
