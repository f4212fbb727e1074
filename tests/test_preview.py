"""Previewing one guide (`build.py serve --guide SLUG`): which steps the preview builds."""

from __future__ import annotations

import sys

from conftest import REPO
from core import load_site, render_site
from fixtures import guide_index, step, write

sys.path.insert(0, str(REPO))

import guidepack.cli  # noqa: E402

# alpha (essential): a1 -> a2;  zeta: z1 -> z2;  beta: b1 -> b2, b2 also needs a2 and z2;
# gamma/g1 needs beta/b2 and delta/d1 needs gamma/g1;  epsilon/e1 only needs alpha/a1.
FILES = {
    "guides/alpha/index.md": guide_index("Alpha", essential=True),
    "guides/alpha/01-a1.md": step("A1"),
    "guides/alpha/02-a2.md": step("A2", ["alpha/a1"]),
    "guides/zeta/index.md": guide_index("Zeta"),
    "guides/zeta/01-z1.md": step("Z1"),
    "guides/zeta/02-z2.md": step("Z2", ["zeta/z1"]),
    "guides/beta/index.md": guide_index("Beta"),
    "guides/beta/01-b1.md": step("B1"),
    "guides/beta/02-b2.md": step("B2", ["beta/b1", "alpha/a2", "zeta/z2"]),
    "guides/gamma/index.md": guide_index("Gamma"),
    "guides/gamma/01-g1.md": step("G1", ["beta/b2"]),
    "guides/delta/index.md": guide_index("Delta"),
    "guides/delta/01-d1.md": step("D1", ["gamma/g1"]),
    "guides/epsilon/index.md": guide_index("Epsilon"),
    "guides/epsilon/01-e1.md": step("E1", ["alpha/a1"]),
}


def test_preview_holds_the_guide_its_prerequisites_and_dependants(tmp_path):
    site = load_site(write(tmp_path, FILES), guide="beta")
    assert site.problems == []
    assert site.built == {"beta/b1", "beta/b2", "alpha/a2", "zeta/z2", "gamma/g1"}
    assert list(site.picked) == ["alpha", "beta"]  # the essentials stay in every package
    assert site.pulled_in == {"zeta/z2": ["beta/b2"]}
    assert set(site.guides) == {"alpha", "beta", "zeta", "gamma"}


def test_preview_pages_say_what_is_left_out(tmp_path):
    site = load_site(write(tmp_path, FILES), guide="beta")
    pages = render_site(site)
    steps = {uri for uri in pages if uri.startswith("guides/") and uri.count("/") == 3}
    assert {u for u in steps if u.endswith("/index.md")} == {
        "guides/beta/b1/index.md",
        "guides/beta/b2/index.md",
        "guides/alpha/a2/index.md",
        "guides/zeta/z2/index.md",
        "guides/gamma/g1/index.md",
    }
    assert "This preview shows one guide" in pages["guides/gamma/index.md"].content
    assert "guides/delta/index.md" not in pages and "guides/beta/pitch/index.html" in pages


def test_without_a_preview_every_step_is_built(tmp_path):
    site = load_site(write(tmp_path, FILES))
    assert len(site.built) == 9 and site.pulled_in == {}


def test_unknown_guide_is_a_problem_with_a_suggestion(tmp_path):
    site = load_site(write(tmp_path, FILES), guide="betta")
    assert [p.message for p in site.problems] == ["no guide `betta` to preview"]
    assert "`beta`" in site.problems[0].hint


def test_serve_takes_a_guide():
    args = guidepack.cli._parser().parse_args(["serve", "--guide", "beta"])
    assert args.guide == "beta"
