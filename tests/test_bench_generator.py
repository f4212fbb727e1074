"""The benchmark's package generator: deterministic, and content `check` accepts."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import REPO
from core import load_site

sys.path.insert(0, str(REPO / "bench"))

from generate import generate  # noqa: E402


def files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in ("guides", "docs", "theory", "interviews")
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


def test_same_seed_writes_the_same_bytes(tmp_path):
    generate(tmp_path / "a", 3, 4, seed=7)
    generate(tmp_path / "b", 3, 4, seed=7)
    generate(tmp_path / "c", 3, 4, seed=8)
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert files(tmp_path / "a") != files(tmp_path / "c")


def test_package_has_the_shape_asked_for_and_loads_without_problems(tmp_path):
    plan = generate(tmp_path, 3, 4, seed=7)
    site = load_site(tmp_path)
    assert site.problems == []
    assert list(site.package.guides) == plan.guides  # the first guides are the essentials
    assert [g for g in plan.guides if site.package.guides[g].meta.essential] == plan.guides[:2]
    for slug in plan.guides:
        steps = site.package.guides[slug].steps
        assert [s.id for s in steps] == plan.steps[slug]
        assert [s.order for s in steps] == [1, 2, 3, 4]
        assert all(s.meta.effort and s.meta.resources and s.meta.involve for s in steps)
    edges = {(r, s) for s, rs in plan.requires.items() for r in rs}
    assert set(site.graph.edges) == edges
    for before, after in edges:  # requirements point back: within a guide or to earlier guides
        assert plan.guides.index(before.split("/")[0]) <= plan.guides.index(after.split("/")[0])
    assert (tmp_path / "mkdocs.yml").is_file() and (tmp_path / "build.py").is_file()


def test_step_bodies_are_realistic(tmp_path):
    plan = generate(tmp_path, 2, 4, seed=3)
    site = load_site(tmp_path)
    for step in site.package.steps.values():
        words = len(step.body.split())
        assert 300 <= words <= 550, (step.id, words)
        assert "## What to do" in step.body and "| --- |" in step.body and "\n1. " in step.body
        for required in plan.requires[step.id]:  # the body links to what it requires
            assert required.split("/")[1] + ".md" in step.body


def test_about_a_tenth_of_requirements_cross_guides(tmp_path):
    plan = generate(tmp_path, 20, 10, seed=1)
    total = sum(len(rs) for rs in plan.requires.values())
    assert 0.05 <= plan.cross / total <= 0.15
