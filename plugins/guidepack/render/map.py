"""The dependency map as SVG: a vertical metro map, one coloured lane per guide.

Every stop is a link to its step, named for screen readers with its guide and what it
needs; the plan list beside it is the map's text equivalent (and what a phone shows).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from html import escape

import networkx as nx

from .. import graph as g
from .layout import LINE, Layout, place

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
    """The metro layout of some steps (with the order of `graph.sort_key` inside a lane)."""
    return place(G, steps, dict(titles), key=lambda s: g.sort_key(G, s))


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
            f'<text x="{width - 6:.0f}" y="{top + 15:.0f}" text-anchor="end" '
            f'class="gp-band-title">Phase {i}</text></g>'
        )
    out.append('<g class="gp-lanes" fill="none">')
    for slug, x in layout.lanes.items():
        ys = [s.y for step, s in layout.stops.items() if G.nodes[step]["guide"] == slug]
        out.append(
            f'<path d="M{x:.0f} {min(ys):.0f}V{max(ys):.0f}" stroke="{colour.get(slug, "#555")}" '
            'stroke-width="6" stroke-opacity=".15"/>'
        )
    out.append('</g><g class="gp-edges" fill="none">')
    for a, b in sorted(G.edges):
        if a not in layout.stops or b not in layout.stops:
            continue
        s, t = layout.stops[a], layout.stops[b]
        cross = G.nodes[a]["guide"] != G.nodes[b]["guide"]
        bend = max(LINE, (t.y - s.y) / 2)
        path = (
            f"M{s.x:.0f} {s.y:.0f}C{s.x:.0f} {s.y + bend:.0f} {t.x:.0f} {t.y - bend:.0f} "
            f"{t.x:.0f} {t.y:.0f}"
            if cross
            else f"M{s.x:.0f} {s.y:.0f}V{t.y:.0f}"
        )
        on_path = a in critical and b in critical
        classes = " ".join(c for c, on in (("gp-cross-edge", cross), ("gp-crit", on_path)) if on)
        out.append(
            f'<path data-gp-from="{a}" data-gp-to="{b}" d="{path}" '
            f'stroke="{colour.get(G.nodes[a]["guide"], "#555")}"'
            + (f' class="{classes}"' if classes else "")
            + "/>"
        )
    out.append('</g><g class="gp-nodes">')
    for step, stop in layout.stops.items():
        slug = G.nodes[step]["guide"]
        needs = [titles[p] for p in g.prerequisites(G, step) if p in layout.stops]
        name = titles[step] if step in entries else f"{titles[step]} ({guide_titles[slug]})"
        name += f". Needs: {'; '.join(needs)}" if needs else ". Needs nothing first"
        attrs = ' data-gp-critical=""' if step in critical else ""
        attrs += ' data-gp-entry=""' if step in entries else ""
        fill = colour.get(slug, "#555") if step in critical else "#ffffff"
        out.append(
            f'<a href="{escape(href(step))}" data-gp-node="{step}" data-gp-guide="{slug}"'
            f'{attrs} aria-label="{escape(name)}">'
            f'<rect class="gp-hit" x="{stop.x - 8:.0f}" y="{stop.top:.0f}" '
            f'width="{width - stop.x + 8:.0f}" height="{stop.height:.0f}" fill="#ffffff" '
            'fill-opacity="0"/>'
            f'<circle cx="{stop.x:.0f}" cy="{stop.y:.0f}" r="5" fill="{fill}" '
            f'stroke="{colour.get(slug, "#555")}" stroke-width="2.5"'
            + (' stroke-dasharray="3 2"' if step in entries else "")
            + '/><text class="gp-label">'
        )
        for i, line in enumerate(stop.lines):
            y = stop.y + 4 + LINE * i
            space = " " if i < len(stop.lines) - 1 else ""  # the name reads as one line
            out.append(f'<tspan x="{stop.label_x:.0f}" y="{y:.0f}">{escape(line)}{space}</tspan>')
        out.append("</text></a>")
    out.append("</g></svg>")
    return "".join(out)
