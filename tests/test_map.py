"""The map: every title whole, no stop on another, far fewer crossings than the old map."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import networkx as nx
from core import REPO, load_site
from guidepack import graph as g
from guidepack.render.layout import lane_order, segment_crossings
from guidepack.render.map import map_layout


def old_positions(G: nx.DiGraph, guides: list[str]) -> dict[str, tuple[float, float]]:
    """Where the first map put each step: one row of lanes per guide, stacked, and one
    column per dependency depth (150 px apart), stops stacked 30 px inside a lane."""
    depth = g.depths(G)
    positions = {}
    top = 12
    for slug in guides:
        columns: dict[int, list[str]] = {}
        for step in g.guide_steps(G, slug):
            columns.setdefault(depth[step], []).append(step)
        rows = max((len(c) for c in columns.values()), default=1)
        for col, steps in columns.items():
            for i, step in enumerate(steps):
                positions[step] = (20 + col * 150, top + 32 + i * 30)
        top += rows * 30 + 24 + 26
    return positions


def real():
    site = load_site(REPO).site
    titles = {s: site.package.steps[s].title for s in site.graph}
    return site, map_layout(site.graph, list(site.graph), titles), titles


def test_the_map_crosses_far_fewer_edges_than_the_first_map():
    site, layout, _ = real()
    G = site.graph
    before = segment_crossings(old_positions(G, list(site.package.guides)), G.edges)
    now = segment_crossings({s: (p.x, p.y) for s, p in layout.stops.items()}, G.edges)
    assert now < 0.5 * before, (now, before)


def test_every_title_is_whole_and_no_row_overlaps_another():
    site, layout, titles = real()
    rows = sorted((p.top, p.top + p.height, s) for s, p in layout.stops.items())
    for (_, end, a), (start, _, b) in zip(rows, rows[1:], strict=False):
        assert start >= end, (a, b)
    for step, stop in layout.stops.items():
        assert " ".join(stop.lines) == titles[step]
        longest = max(len(line) for line in stop.lines)
        assert stop.label_x + longest * 6.4 <= layout.width
    assert layout.width <= 680


def test_lane_order_puts_guides_that_depend_on_each_other_side_by_side():
    G = nx.DiGraph()
    for guide, step in [("a", "a1"), ("b", "b1"), ("c", "c1")]:
        G.add_node(step, guide=guide)
    G.add_edges_from([("a1", "c1"), ("a1", "c1")])
    G.add_edge("b1", "b1x")
    G.nodes["b1x"]["guide"] = "b"
    order = lane_order(G, ["a", "b", "c"])
    assert abs(order.index("a") - order.index("c")) == 1


class _Svg(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.labels: list[str] = []
        self.names: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and "data-gp-node" in values:
            self.names.append(values.get("aria-label") or "")
            self.labels.append("")
            self._in = True

    def handle_endtag(self, tag):
        if tag == "a":
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.labels[-1] += data


def test_each_stop_is_a_link_named_with_its_title_guide_and_needs(built_repo):
    html = (built_repo / "package/index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg[^>]*data-gp-graph.*?</svg>", html, re.S).group()
    parser = _Svg()
    parser.feed(svg)
    site = load_site(REPO).site
    assert len(parser.names) == len(site.package.steps)
    for label, name in zip(parser.labels, parser.names, strict=True):
        assert name.startswith(label + " ("), (label, name)  # what is seen is in the name
        assert "Needs" in name
