"""The dependency graph: order, prerequisites, unlocks, phases and plans."""

from __future__ import annotations

import networkx as nx
import pytest
from guidepack import graph as g


def make(edges: list[tuple[str, str]], nodes: list[str] = ()) -> nx.DiGraph:
    G = nx.DiGraph()
    rank: dict[str, int] = {}
    for step in [*nodes, *(n for e in edges for n in e)]:
        guide, slug = step.split("/")
        rank.setdefault(guide, len(rank))
        G.add_node(step, guide=guide, order=int(slug[1:]), rank=rank[guide])
    G.add_edges_from(edges)
    return G


class TestPrerequisites:
    def test_direct_and_transitive(self):
        G = make([("a/s1", "a/s2"), ("a/s2", "b/s1"), ("c/s1", "b/s1")])
        assert g.prerequisites(G, "b/s1") == ["a/s2", "c/s1"]
        assert g.prerequisites(G, "b/s1", transitive=True) == ["a/s1", "a/s2", "c/s1"]

    def test_first_step_has_none(self):
        G = make([("a/s1", "a/s2")])
        assert g.prerequisites(G, "a/s1", transitive=True) == []


class TestUnlocks:
    def test_direct_and_transitive(self):
        G = make([("a/s1", "a/s2"), ("a/s2", "b/s1")])
        assert g.unlocks(G, "a/s1") == ["a/s2"]
        assert g.unlocks(G, "a/s1", transitive=True) == ["a/s2", "b/s1"]

    def test_last_step_unlocks_nothing(self):
        assert g.unlocks(make([("a/s1", "a/s2")]), "a/s2") == []


class TestGuideSteps:
    def test_numbered_order(self):
        G = make([("a/s3", "a/s1")], nodes=["a/s2"])
        assert g.guide_steps(G, "a") == ["a/s1", "a/s2", "a/s3"]


class TestPhases:
    def test_independent_steps_share_a_phase(self):
        G = make([("a/s1", "a/s3"), ("a/s2", "a/s3")])
        assert g.phases(G, G.nodes) == [["a/s1", "a/s2"], ["a/s3"]]

    def test_empty(self):
        assert g.phases(make([]), []) == []


class TestPlan:
    @pytest.fixture
    def G(self):
        # care and exchange are essentials; shop needs exchange and found; found is shared.
        return make(
            [
                ("found/s1", "found/s2"),
                ("found/s1", "care/s1"),
                ("found/s2", "shop/s2"),
                ("exch/s1", "shop/s2"),
                ("shop/s1", "shop/s2"),
            ],
            nodes=["care/s1", "exch/s1", "shop/s1", "house/s1"],
        )

    def test_pulls_in_transitive_requirements_from_unpicked_guides(self, G):
        plan = g.plan(G, ["care", "exch", "shop"])
        assert set(plan.steps) == {
            "care/s1",
            "exch/s1",
            "shop/s1",
            "shop/s2",
            "found/s1",
            "found/s2",
        }
        assert plan.pulled_in == {"found/s1": ["care/s1", "found/s2"], "found/s2": ["shop/s2"]}
        assert "house/s1" not in plan.steps

    def test_shared_step_names_every_project_that_needs_it(self, G):
        plan = g.plan(G, ["care", "exch", "shop"])
        assert plan.needed_by["found/s1"] == ["care", "shop"]
        assert plan.needed_by["shop/s1"] == ["shop"]

    def test_order_respects_every_requirement(self, G):
        plan = g.plan(G, ["care", "exch", "shop", "house"])
        position = {s: i for i, s in enumerate(plan.steps)}
        for a, b in G.edges:
            assert position[a] < position[b]
        assert plan.phases == [
            ["exch/s1", "shop/s1", "house/s1", "found/s1"],
            ["care/s1", "found/s2"],
            ["shop/s2"],
        ]


class TestDepths:
    def test_longest_chain(self):
        G = make([("a/s1", "a/s2"), ("a/s2", "a/s3"), ("a/s1", "a/s3")])
        assert g.depths(G) == {"a/s1": 0, "a/s2": 1, "a/s3": 2}
