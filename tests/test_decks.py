"""Pitch decks as text: slides in order, effort arithmetic, connections, self-containment."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from core import load_site, render_guide_deck, render_package_deck, render_site
from fixtures import guide_index, site_repo, step, two_guides, write
from guidepack.effort import Range, format_cost, format_time, parse_cost, parse_time, sum_costs
from guidepack.render.deck.common import split_lead
from guidepack.schedule import schedule

GUIDE_SLIDES = [
    "Beta guide",
    "The problem",
    "What we offer",
    "Who benefits",
    "How it works",
    "What it costs",
    "What it connects to",
    "Where projects overlap and differ",
    "First steps",
    "The ask",
    "Get involved",
]


def effort(time: str, cost: str) -> str:
    return f'effort: {{time: {time}, cost: "{cost}"}}\n'


def costed_guides() -> dict[str, str]:
    """`two_guides()` with efforts on every step, and a third guide sharing alpha's steps."""
    files = two_guides()
    files["guides/alpha/01-start.md"] = step("Start", extra=effort("1-2 weeks", "£0-100"))
    files["guides/alpha/02-grow.md"] = step(
        "Grow", ["alpha/start"], extra=effort("1-3 months", "£500-2,000")
    )
    files["guides/beta/01-plan.md"] = step("Plan", extra=effort("2-4 weeks", "£100"))
    files["guides/beta/02-launch.md"] = step(
        "Launch", ["beta/plan", "alpha/grow"], extra=effort("1-2 months", "£1,000-£5,000")
    )
    files["guides/gamma/index.md"] = guide_index("Gamma guide")
    files["guides/gamma/01-go.md"] = step("Go", ["alpha/grow"], extra=effort("3 days", "£0"))
    return files


class Slides(HTMLParser):
    """Collects each slide's heading and text, and the deck's name."""

    def __init__(self) -> None:
        super().__init__()
        self.deck = ""
        self.titles: list[str] = []
        self.texts: list[str] = []
        self.resources: list[str] = []
        self._heading = False

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if "data-gp-deck" in names:
            self.deck = names["data-gp-deck"] or ""
        if "data-gp-slide" in names:
            self.titles.append("")
            self.texts.append("")
        elif self.texts:
            self.texts[-1] += " "
        if tag in ("h1", "h2") and self.titles:
            self._heading = True
        if tag in ("script", "img", "iframe", "link", "video", "audio", "source", "embed"):
            self.resources += [v or "" for k, v in attrs if k in ("src", "href", "srcset")]

    def handle_endtag(self, tag):
        if tag in ("h1", "h2"):
            self._heading = False

    def handle_data(self, data):
        if not self.titles:
            return
        if self._heading:
            self.titles[-1] += data
        self.texts[-1] += data


def slides_of(html: str) -> Slides:
    parser = Slides()
    parser.feed(html)
    return parser


def text_of(parsed: Slides, title: str) -> str:
    return " ".join(parsed.texts[parsed.titles.index(title)].split())


# --- effort arithmetic ---------------------------------------------------------------


DAY = 1 / 7  # times are in weeks


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("3 days", (3, 3)),
        ("1 day", (1, 1)),
        ("2-4 weeks", (14, 28)),
        ("1-3 months", (365.25 / 12, 365.25 / 4)),
        ("1-2 years", (365.25, 730.5)),
    ],
)
def test_parse_time(text, days):
    weeks = parse_time(text)
    assert (weeks.lo, weeks.hi) == pytest.approx((days[0] * DAY, days[1] * DAY))


@pytest.mark.parametrize(
    ("text", "pounds"),
    [
        ("£0", (0, 0)),
        ("£200", (200, 200)),
        ("£0-200", (0, 200)),
        ("£500-2,000", (500, 2000)),
        ("£500-£2,000", (500, 2000)),
        ("£100,000-5,000,000", (100_000, 5_000_000)),
    ],
)
def test_parse_cost(text, pounds):
    assert parse_cost(text) == Range(*pounds)


@pytest.mark.parametrize(
    "text", ["two weeks", "2-4 fortnights", "", "5-2 weeks", "9" * 300 + " days", "11 years"]
)
def test_bad_time_is_refused(text):
    with pytest.raises(ValueError):
        parse_time(text)


@pytest.mark.parametrize("text", ["500", "under £200", "£5k", "£1,00", "£900-100", "£" + "9" * 300])
def test_bad_cost_is_refused(text):
    with pytest.raises(ValueError):
        parse_cost(text)


@pytest.mark.parametrize(
    ("days", "text"),
    [
        ((3, 3), "3 days"),
        ((1, 1), "1 day"),
        ((14, 28), "2-4 weeks"),
        ((7, 7), "7 days"),
        ((14, 14), "2 weeks"),
        ((1.5 * 365.25, 2.5 * 365.25), "2-3 years"),  # halves round up
        ((30.4375, 91.3125), "1-3 months"),
        ((214, 670), "7-22 months"),
        ((365.25, 1095.75), "1-3 years"),
        ((0, 3), "0-3 days"),
    ],
)
def test_format_time(days, text):
    assert format_time(Range(days[0] * DAY, days[1] * DAY)) == text


@pytest.mark.parametrize(
    ("pounds", "text"),
    [
        ((0, 0), "£0"),
        ((0, 200), "£0-200"),
        ((500, 2000), "£500-2,000"),
        ((8_532, 129_400), "£8,500-130,000"),
        ((1_234_567, 1_234_567), "£1,200,000-1,300,000"),
    ],
)
def test_format_cost(pounds, text):
    assert format_cost(Range(*pounds)) == text


def test_sum_costs_adds_the_ranges():
    assert sum_costs([parse_cost("£0-100"), parse_cost("£500-2,000")]) == Range(500, 2100)
    assert sum_costs([]) is None


def test_critical_time_is_the_longest_chain_not_the_sum():
    G = nx.DiGraph([("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")])
    times = {
        "a": parse_time("1 week"),
        "b": parse_time("2-3 weeks"),  # b and c run side by side
        "c": parse_time("1-5 weeks"),
        "d": None,
        "x": parse_time("4 weeks"),  # on its own, in parallel with everything
    }
    G.add_node("x")
    assert schedule(G, times, times).total == Range(4, 6)  # low end: x alone
    assert schedule(G, ["d"], {"d": None}).total == Range(0, 0)


def test_split_lead():
    assert split_lead("One thing. Then £5 more.\n Done.") == ("One thing.", "Then £5 more. Done.")
    assert split_lead("No full stop") == ("No full stop", "")


# --- a guide's deck ----------------------------------------------------------------------


def test_guide_deck_has_the_slides_in_order(repo):
    write(repo, costed_guides())
    parsed = slides_of(render_guide_deck(load_site(repo), "beta"))
    assert parsed.deck == "beta"
    assert parsed.titles == GUIDE_SLIDES
    assert "A problem." in text_of(parsed, "The problem")
    assert "Help us." in text_of(parsed, "The ask")
    assert "Everyone" in text_of(parsed, "Who benefits")


def test_how_it_works_and_costs_sum_the_steps(repo):
    write(repo, costed_guides())
    parsed = slides_of(render_guide_deck(load_site(repo), "beta"))
    how = text_of(parsed, "How it works")
    assert "2 steps" in how and "2 phases" in how
    assert "Phase 1 Plan" in how and "Phase 2 Launch" in how
    # from the first step beta needs (alpha/start, 1-2 weeks; grow, 1-3 months) to launch
    # (1-2 months): the critical path, 9.7-23.7 weeks, not plan then launch alone
    assert "2-5 months" in how
    assert "£1,100-5,100" in text_of(parsed, "What it costs")


def test_missing_estimates_are_said(repo):
    write(repo, two_guides())
    parsed = slides_of(render_guide_deck(load_site(repo), "beta"))
    costs = text_of(parsed, "What it costs")
    assert "not estimated" in costs
    assert "2 of 2 steps have no estimate yet" in costs


def test_connects_to_names_the_guides_and_steps(repo):
    write(repo, costed_guides())
    site = load_site(repo)
    beta = slides_of(render_guide_deck(site, "beta"))
    connects = text_of(beta, "What it connects to")
    assert "It builds on Alpha guide Grow" in connects
    overlap = text_of(beta, "Where projects overlap and differ")
    assert "Alpha guide 2 steps: Start · Grow — also needed by Gamma guide" in overlap
    assert "2 steps are this project's own work; 1 of them start" in overlap
    alpha = slides_of(render_guide_deck(site, "alpha"))
    connects = text_of(alpha, "What it connects to")
    assert "Built on by Beta guide Launch Gamma guide Go" in connects
    assert "It shares no earlier steps: Beta guide and Gamma guide build on its steps" in (
        text_of(alpha, "Where projects overlap and differ")
    )


def test_get_involved_links_are_relative(repo):
    write(repo, two_guides())
    html = render_guide_deck(load_site(repo), "beta")
    assert 'href="../"' in html
    assert 'href="../../../package/"' in html
    assert 'href="../../../package/pitch/"' in html


def test_deck_loads_nothing_but_guidepacks_own_assets(repo):
    write(repo, two_guides())
    site = load_site(repo)
    for html in (render_guide_deck(site, "beta"), render_package_deck(site)):
        parsed = slides_of(html)
        assert parsed.resources and all(
            re.fullmatch(r"(\.\./)+assets/guidepack/deck\.(css|js)", r) for r in parsed.resources
        ), parsed.resources
        assert "<style>" not in html and "<script>" not in html  # no inline code: CSP-ready
        assert not re.search(r"https?://", html)  # fixture pitches have no example links


def test_pitch_text_is_escaped(repo):
    files = two_guides()
    files["guides/beta/index.md"] = files["guides/beta/index.md"].replace(
        "problem: A problem.", "problem: \"A <script>alert('x')</script> problem & more.\""
    )
    write(repo, files)
    html = render_guide_deck(load_site(repo), "beta")
    assert "<script>alert" not in html
    assert "A &lt;script&gt;alert('x')&lt;/script&gt; problem &amp; more." in html


# --- the package's deck ----------------------------------------------------------------


def test_package_deck_has_a_slide_per_project_and_the_glue(repo):
    write(repo, costed_guides())
    parsed = slides_of(render_package_deck(load_site(repo)))
    assert parsed.deck == "package"
    assert parsed.titles[:5] == [
        "A package of community projects",
        "What is in the package",
        "Alpha guide",
        "Beta guide",
        "Gamma guide",
    ]
    assert parsed.titles[5:] == [
        "How the projects reinforce each other",
        "How it works",
        "Shared steps, done once",
        "First steps",
        "The ask",
        "Get involved",
    ]
    glue = text_of(parsed, "How the projects reinforce each other")
    assert "Alpha guide Essential built on by Beta guide and Gamma guide" in glue
    how = text_of(parsed, "How it works")
    assert "5 steps in all" in how and "£1,600-7,200" in how
    assert "Alpha guide 2 steps: Start · Grow — needed by Beta guide and Gamma guide" in (
        text_of(parsed, "Shared steps, done once")
    )
    assert "Start (Alpha guide)" in text_of(parsed, "First steps")


def test_many_asks_are_spread_over_slides(repo):
    files = costed_guides()
    for name in "delta", "epsilon", "zeta", "eta":
        files[f"guides/{name}/index.md"] = guide_index(f"{name.title()} guide")
        files[f"guides/{name}/01-do.md"] = step("Do")
    write(repo, files)
    parsed = slides_of(render_package_deck(load_site(repo)))
    asks = [t for t in parsed.titles if t.startswith("The ask")]
    assert asks == ["The ask", "The ask, continued", "The ask, continued"]


# --- wiring: pages, guide links, reserved slug, a real build --------------------------------


def test_render_site_adds_the_decks(repo):
    write(repo, two_guides())
    pages = render_site(load_site(repo))
    assert {"guides/alpha/pitch/index.html", "guides/beta/pitch/index.html"} <= set(pages)
    assert "package/pitch/index.html" in pages
    assert 'href="pitch/"' in pages["guides/beta/index.md"].content


def test_step_slug_pitch_is_reserved(repo):
    write(repo, {**two_guides(), "guides/beta/03-pitch.md": step("Pitch")})
    found = [str(p) for p in load_site(repo).problems]
    assert len(found) == 1
    assert found[0].startswith(
        "guides/beta/03-pitch.md:0: step slug `pitch` is reserved: /guides/beta/pitch/ is "
        "the guide's pitch deck"
    )
    assert "fix: rename the file, e.g. `03-make-the-case.md`" in found[0]


def test_strict_build_serves_the_decks(tmp_path: Path):
    site_repo(tmp_path, costed_guides())
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for deck in ("guides/alpha/pitch", "guides/beta/pitch", "package/pitch"):
        html = (site / deck / "index.html").read_text(encoding="utf-8")
        assert html.startswith("<!doctype html>")
    guide = (site / "guides/beta/index.html").read_text(encoding="utf-8")
    assert 'href="pitch/"' in guide


def test_town_pack_deck_is_the_towns_package(repo):
    write(
        repo, {**costed_guides(), "packs/riverside/pack.yml": "name: Riverside\nguides: [beta]\n"}
    )
    site = load_site(repo, "packs/riverside")
    assert site.problems == []
    parsed = slides_of(render_package_deck(site))
    assert parsed.titles[0] == "Riverside: our package of community projects"
    assert parsed.titles[2:4] == ["Alpha guide", "Beta guide"]
    assert "Gamma guide" not in parsed.titles
    assert "<title>Riverside: package pitch deck</title>" in render_package_deck(site)
