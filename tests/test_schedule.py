"""The plan in time: durations from `effort.time`, earliest start and finish, critical paths."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from core import REPO, load_site
from fixtures import guide_index, step, two_guides, write
from guidepack.effort import Range, parse_time
from guidepack.schedule import schedule
from hypothesis import given, settings
from hypothesis import strategies as st


def weeks(text: str | None) -> Range | None:
    return parse_time(text) if text else None


class TestParseTime:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2-4 weeks", (2, 4)),
            ("3 weeks", (3, 3)),
            ("14 days", (2, 2)),
            ("6-12 months", (6 * 365.25 / 12 / 7, 12 * 365.25 / 12 / 7)),
            ("1 year", (365.25 / 7, 365.25 / 7)),
        ],
    )
    def test_units_and_ranges_become_weeks(self, text, expected):
        r = parse_time(text)
        assert (r.lo, r.hi) == pytest.approx(expected)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("6-2 weeks", "the range runs backwards: write `2-6 weeks`"),
            ("11 years", "a step longer than ten years"),
            ("soon", "write a number or a range and a unit"),
            ("12345 days", "write a number or a range and a unit"),
        ],
    )
    def test_unreadable_times_say_why(self, text, message):
        with pytest.raises(ValueError, match=message.replace("`", ".")):
            parse_time(text)


class TestSchedule:
    def test_an_empty_set_takes_no_time(self):
        s = schedule(nx.DiGraph(), [], {})
        assert s.total == Range(0, 0) and s.critical == ()

    def test_a_step_without_a_time_takes_none(self):
        G = nx.DiGraph([("a", "b"), ("b", "c")])
        s = schedule(G, G, {"a": weeks("2 weeks"), "b": None, "c": weeks("1-3 weeks")})
        assert s.start["c"] == Range(2, 2)
        assert s.total == Range(3, 5)
        assert s.critical == ("a", "b", "c")

    def test_parallel_branches_take_the_longest_not_the_sum(self):
        G = nx.DiGraph([("start", "x"), ("start", "y"), ("x", "end"), ("y", "end")])
        times = {
            "start": weeks("1 week"),
            "x": weeks("2-3 weeks"),
            "y": weeks("1-5 weeks"),
            "end": weeks("1 week"),
        }
        s = schedule(G, G, times)
        assert s.start["end"] == Range(3, 6)  # low end from x (1+2), high end from y (1+5)
        assert s.total == Range(4, 7)
        assert s.critical == ("start", "y", "end")  # the chain that decides the high end

    def test_steps_with_no_prerequisites_start_at_once(self):
        G = nx.DiGraph()
        G.add_nodes_from(["a", "b"])
        s = schedule(G, G, {"a": weeks("2 weeks"), "b": weeks("4-6 weeks")})
        assert s.start == {"a": Range(0, 0), "b": Range(0, 0)}
        assert s.total == Range(4, 6) and s.critical == ("b",)

    def test_targets_decide_the_total(self):
        G = nx.DiGraph([("a", "b"), ("a", "c")])
        times = {"a": weeks("1 week"), "b": weeks("10 weeks"), "c": weeks("2 weeks")}
        s = schedule(G, G, times, targets=["c"])
        assert s.total == Range(3, 3) and s.critical == ("a", "c")

    def test_only_edges_between_the_given_steps_count(self):
        G = nx.DiGraph([("outside", "a"), ("a", "b")])
        times = {"outside": weeks("50 weeks"), "a": weeks("1 week"), "b": weeks("1 week")}
        assert schedule(G, ["a", "b"], times).total == Range(2, 2)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(st.data())
def test_the_critical_path_is_a_longest_path_and_ends_at_the_total(data):
    n = data.draw(st.integers(1, 12))
    edges = data.draw(
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=30)
    )
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from((a, b) for a, b in edges if a < b)
    times = {
        v: Range(lo, lo + extra)
        for v, (lo, extra) in enumerate(
            data.draw(
                st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=n, max_size=n)
            )
        )
    }
    s = schedule(G, G, times)
    path = s.critical
    assert all(G.has_edge(a, b) for a, b in zip(path, path[1:], strict=False))
    assert sum(times[v].hi for v in path) == s.total.hi  # the chain's own times make the total
    assert s.total.hi == max(s.finish[v].hi for v in G)
    assert s.total.lo == max(s.finish[v].lo for v in G)
    for v in G:  # every step starts after all its prerequisites finish, at both ends
        for p in G.predecessors(v):
            assert s.start[v].lo >= s.finish[p].lo and s.start[v].hi >= s.finish[p].hi


def timed_guides() -> dict[str, str]:
    files = two_guides()
    effort = 'effort: {{time: "{}", cost: "£0"}}\n'
    files["guides/alpha/01-start.md"] = step("Start", extra=effort.format("1-2 weeks"))
    files["guides/alpha/02-grow.md"] = step(
        "Grow", ["alpha/start"], extra=effort.format("2-3 months")
    )
    files["guides/beta/01-plan.md"] = step("Plan", extra=effort.format("2 weeks"))
    files["guides/beta/02-launch.md"] = step(
        "Launch", ["beta/plan", "alpha/grow"], extra=effort.format("1 month")
    )
    files["guides/gamma/index.md"] = guide_index("Gamma guide")
    files["guides/gamma/01-go.md"] = step("Go", ["beta/launch"], extra=effort.format("1-2 weeks"))
    return files


def test_a_guides_time_runs_from_the_first_step_it_needs_across_guides(repo):
    site = load_site(write(repo, timed_guides()))
    assert site.problems == []
    gamma = site.guide_schedule("gamma")
    assert gamma.critical == ("alpha/start", "alpha/grow", "beta/launch", "gamma/go")
    month = 365.25 / 12 / 7
    assert gamma.total.lo == pytest.approx(1 + 2 * month + month + 1)
    assert gamma.total.hi == pytest.approx(2 + 3 * month + month + 2)
    beta = site.guide_schedule("beta")
    assert beta.start["beta/launch"] == gamma.start["beta/launch"]


def test_package_json_carries_weeks_durations_and_critical_paths(built_repo):
    data = json.loads((built_repo / "package.json").read_text())
    site = load_site(REPO)
    for guide in data["guides"]:
        s = site.guide_schedule(guide["slug"])
        assert guide["critical_path"] == list(s.critical)
        assert guide["duration_weeks"] == [round(s.total.lo, 2), round(s.total.hi, 2)]
        assert guide["duration"].startswith("about ")
    for entry in data["steps"]:
        time = site.times[entry["id"]]
        assert entry["weeks"] == [round(time.lo, 2), round(time.hi, 2)]


@pytest.mark.parametrize("months", [1, 5, 11, 30, 85, 200, 700])
def test_timeline_labels_are_few_and_short_at_any_length(months):
    """Few labels, so that they never overlap on a phone; whole years when long."""
    from guidepack.effort import WEEKS
    from guidepack.render.timeline import _ticks

    ticks = _ticks(months * WEEKS["month"])
    labels = [label for label, _ in ticks]
    assert 1 <= len(labels) <= (6 if labels[0] == "Month 1" else 8), labels
    assert labels[0] in ("Month 1", "Year 1")
    assert all(label.startswith("Year") for label in labels) or months <= 36
