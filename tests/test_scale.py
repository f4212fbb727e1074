"""Shortcuts taken for large packages give the same answers as the plain computations."""

from __future__ import annotations

import random
import re

import networkx as nx
import pytest
import yaml
from core import load_site
from fixtures import step, two_guides, write
from guidepack import graph
from guidepack.checks import html as safecheck
from guidepack.load import frontmatter


def _depth(text: str) -> int:
    depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return deepest


def _nested(rng: random.Random, n: int):
    if n == 0:
        return rng.choice(["x", 1, "a-b", "c: d"])
    if rng.random() < 0.5:
        return [_nested(rng, n - 1) for _ in range(rng.randint(1, 2))]
    return {f"k{rng.randint(0, 9)}": _nested(rng, n - 1) for _ in range(rng.randint(1, 2))}


def test_depth_bound_is_never_below_the_real_nesting():
    rng = random.Random(0)
    texts = ["- - - - x", "[a: [b: [c: d]]]", "- a:\n  - b:\n    - c: 1", "? - - a\n: b"]
    for _ in range(500):
        style = rng.choice([None, True, False])
        texts.append(yaml.safe_dump(_nested(rng, rng.randint(0, 10)), default_flow_style=style))
    for text in texts:
        assert _depth(text) <= frontmatter._depth_bound(text), text


def test_key_lines_are_found_when_asked():
    parsed = frontmatter.parse("---\ntitle: A\nrequires:\n  - x/y\n  - x/z\n---\nBody\n")
    assert parsed.lines[("requires", 1)] == 5
    assert parsed.lines[()] == 1 and ("title",) in parsed.lines
    assert dict(parsed.lines) == {(): 1, ("title",): 2, ("requires",): 3,
                                  ("requires", 0): 4, ("requires", 1): 5}  # fmt: skip


def test_split_keeps_the_body_and_its_first_line():
    text = "---\na: 1\n...\nline one\n\nline three"
    assert frontmatter.split(text) == ("a: 1", "line one\n\nline three", 4)
    assert frontmatter.split("---\n---") == ("", "", 3)
    assert frontmatter.split("--- \n b\n---  \n") == (" b", "", 4)


# the single pattern `_triggers` stands for: a tag, `{`, a character reference, a control
TRIGGER = re.compile(
    r"[<{]|&(?:#|[A-Za-z]+;)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


def test_html_triggers_match_the_single_pattern():
    rng = random.Random(1)
    alphabet = ["a", " ", "<", "{", "&", "#", "amp;", "\x07", "\n", "x;", "&lt;"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert safecheck._triggers(text) == bool(TRIGGER.search(text)), repr(text)


def test_one_walk_finds_the_same_ancestors():
    rng = random.Random(2)
    G = nx.gn_graph(200, seed=3).reverse()  # a random DAG
    for _ in range(20):
        steps = rng.sample(list(G), 5)
        expected = set(steps).union(*(nx.ancestors(G, s) for s in steps))
        assert graph.ancestors_of(G, steps) == expected


def test_guides_needing_a_step_follow_every_chain(repo):
    site = load_site(write(repo, {**two_guides(), "guides/beta/03-grow.md": step("Grow more",
                                  ["beta/launch"])}))  # fmt: skip
    needing = graph.guides_needing(site.graph)
    assert needing["alpha/start"] == {"alpha", "beta"}
    assert needing["beta/plan"] == {"beta"} and needing["beta/grow"] == set()


def test_control_character_test_matches_the_pattern():
    rng = random.Random(4)
    alphabet = [
        "a",
        " ",
        "\n",
        "\t",
        "\r",
        "\x00",
        "\x07",
        "\x0b",
        "\x1f",
        "\x7f",
        "é",
        "\x85",
        "\ud800",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        assert safecheck._has_control(text) == bool(safecheck.CONTROL.search(text)), repr(text)


def _standard(text: str):
    loader = frontmatter._Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def test_fast_construction_builds_what_pyyaml_builds():
    texts = [
        "a: 1\nb: true\nc: null\nd: 2024-01-02\ne: [1, 2.5, x]",
        "<<: {a: 1}\nb: 2",
        "!!str 1: x",
        "x: !!set {a, b}",
        "'1': 2\n1: 3",
        "!!map {a: 1}",
        "[a, {b: [c, {d: e}]}]",
        "effort: {time: 2-4 weeks, cost: '£0'}\nresources:\n  - {title: T, url: 'https://x.org'}",
    ]
    rng = random.Random(5)
    texts += [yaml.safe_dump(_nested(rng, rng.randint(0, 6))) for _ in range(300)]
    for text in texts:
        assert frontmatter.parse_yaml(text)[0] == _standard(text), text


def test_a_key_written_twice_is_an_error_naming_both_lines():
    for text, line in [("a: 1\na: 2", 3), ("x:\n  - {t: 1, t: 2}", 3), ("&k a: 1\nb: *k\na: 2", 4)]:
        with pytest.raises(frontmatter.FrontMatterError) as caught:
            frontmatter.parse_yaml(text, first_line=2)
        assert caught.value.line == line
        assert "is written twice: on line" in str(caught.value)
