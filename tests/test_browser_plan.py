"""The plan in time and on the map, as a steering group uses it in a browser: the map on a
laptop and a phone, the critical path, the timeline, sharing and merging progress, and the
plan as a spreadsheet and a calendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import icalendar
import pytest

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/gp/shots")


@pytest.fixture(scope="module")
def package(built_repo) -> dict:
    return json.loads((built_repo / "package.json").read_text())


def sideways(page) -> float:
    """How far any visible part of the page's content sticks out to the right (the theme's
    page root hides overflow, so this is what would make a reader scroll sideways)."""
    return page.evaluate(
        """() => Math.max(0, ...Array.from(document.querySelectorAll('.md-main *'))
            .filter(e => e.offsetParent !== null || e instanceof SVGElement)
            .map(e => e.getBoundingClientRect().right - window.innerWidth))"""
    )


def test_on_a_laptop_the_map_fits_and_no_title_is_cut(page, site_url):
    page.goto(site_url + "package/")
    svg = page.locator("svg[data-gp-graph]")
    svg.scroll_into_view_if_needed()
    assert sideways(page) <= 1
    box = svg.bounding_box()
    column = page.locator(".md-content").bounding_box()
    assert (
        box["x"] >= column["x"] - 1 and box["x"] + box["width"] <= column["x"] + column["width"] + 1
    )
    overflow = page.evaluate(
        """() => {
        const svg = document.querySelector('svg[data-gp-graph]');
        const width = svg.viewBox.baseVal.width;
        return Array.from(svg.querySelectorAll('text.gp-label')).filter(t => {
            const b = t.getBBox(); return b.x + b.width > width + 0.5; }).length;
        }"""
    )
    assert overflow == 0
    labels = page.eval_on_selector_all(
        "svg[data-gp-graph] a[data-gp-node]",
        "els => els.map(a => [a.getAttribute('data-gp-node'), a.querySelector('text').textContent])",
    )
    assert labels and all(text.strip() for _, text in labels)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "map-laptop.png"))


def test_every_map_label_is_its_steps_whole_title(page, site_url, package):
    page.goto(site_url + "package/")
    labels = dict(
        page.eval_on_selector_all(
            "svg[data-gp-graph] a[data-gp-node]",
            "els => els.map(a => [a.getAttribute('data-gp-node'), a.querySelector('text').textContent])",
        )
    )
    for entry in package["steps"]:
        assert labels[entry["id"]] == entry["title"]


def test_on_a_phone_the_map_gives_way_to_the_list(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "package/")
    assert not page.locator("svg[data-gp-graph]").is_visible()
    entry = page.locator("[data-gp-plan] [data-gp-step]").first
    assert entry.is_visible()
    assert "Needs" in entry.inner_text()
    assert sideways(page) <= 1
    page.locator("[data-gp-timeline]").scroll_into_view_if_needed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "timeline-phone.png"))
    page.goto(site_url + "guides/grocery/")
    assert not page.locator("svg[data-gp-graph]").is_visible()
    assert sideways(page) <= 1
    page.screenshot(path=str(SHOTS / "guide-phone.png"))
    context.close()


def test_critical_path_entries_match_package_json(page, site_url, package):
    page.goto(site_url + "package/")
    marked = page.eval_on_selector_all(
        "[data-gp-plan] [data-gp-step][data-gp-critical]",
        "els => els.map(e => e.getAttribute('data-gp-step'))",
    )
    assert sorted(marked) == sorted(package["plan"]["critical_path"])
    bars = page.eval_on_selector_all(
        "[data-gp-timeline] [data-gp-bar][data-gp-critical]",
        "els => els.map(e => e.getAttribute('data-gp-bar'))",
    )
    assert sorted(bars) == sorted(package["plan"]["critical_path"])
    listed = page.eval_on_selector_all(
        "[data-gp-critical-path] a", "els => els.map(a => a.textContent)"
    )
    titles = {s["id"]: s["title"] for s in package["steps"]}
    assert listed == [titles[s] for s in package["plan"]["critical_path"]]
    for guide in package["guides"]:
        page.goto(site_url + guide["url"])
        duration = page.locator("[data-gp-duration]").inner_text()
        assert guide["duration"][len("about ") :] in duration
        marked = page.eval_on_selector_all(
            "[data-gp-guide-steps] [data-gp-step][data-gp-critical]",
            "els => els.map(e => e.getAttribute('data-gp-step'))",
        )
        own = [s for s in guide["critical_path"] if s.startswith(guide["slug"] + "/")]
        assert sorted(marked) == sorted(own), guide["slug"]


def test_the_timeline_has_a_bar_per_step_placed_by_its_earliest_start(page, site_url, package):
    page.goto(site_url + "package/")
    bars = page.eval_on_selector_all(
        "[data-gp-timeline] [data-gp-bar]",
        "els => els.map(e => [e.getAttribute('data-gp-bar'), e.getAttribute('data-gp-start')])",
    )
    assert sorted(b for b, _ in bars) == sorted(s["id"] for s in package["steps"])
    lefts = dict(
        page.eval_on_selector_all(
            "[data-gp-timeline] [data-gp-bar]",
            "els => els.map(e => [e.getAttribute('data-gp-bar'), e.querySelector('.gp-tl-bar').getBoundingClientRect().left])",
        )
    )
    starts = {b: float(s.split()[0]) for b, s in bars}
    first, later = min(starts, key=starts.get), max(starts, key=starts.get)
    assert lefts[first] < lefts[later]


def test_picking_fewer_projects_shortens_the_plan_and_moves_the_critical_path(
    page, site_url, package
):
    page.goto(site_url + "package/")
    total = page.locator("[data-gp-total]").inner_text()
    page.goto(site_url + "package/#pick=")
    page.reload()
    page.wait_for_function("document.querySelector('[data-gp-total]').textContent !== ''")
    fewer = page.locator("[data-gp-total]").inner_text()
    assert fewer != total  # housing (the longest) is no longer in
    critical = page.eval_on_selector_all(
        "[data-gp-plan] [data-gp-step][data-gp-critical]",
        "els => els.map(e => e.getAttribute('data-gp-step'))",
    )
    assert critical and not any(s.startswith("housing/") for s in critical)
    hidden = page.locator("[data-gp-timeline] [data-gp-bar='housing/choose-a-model']")
    assert not hidden.is_visible()


def tick(page, step_id: str) -> None:
    page.locator(f"[data-gp-plan] input[data-gp-done='{step_id}']").check()


def test_share_by_link_restores_progress_in_a_fresh_browser(browser, site_url):
    first = browser.new_context(viewport={"width": 1280, "height": 800})
    page = first.new_page()
    page.goto(site_url + "package/")
    done = ["foundations/form-a-founding-group", "foundations/reach-the-whole-community"]
    for step_id in done:
        tick(page, step_id)
    page.locator("[data-gp-share]").click()
    tools = page.locator("[data-gp-progress-tools]")
    url = tools.get_attribute("data-gp-share-url")
    assert "done=foundations:" in url and "form-a-founding-group" in url
    first.close()
    second = browser.new_context(viewport={"width": 1280, "height": 800})
    page = second.new_page()
    page.goto(url)
    banner = page.locator("[data-gp-shared-progress]")
    banner.wait_for()
    assert "2 steps done" in banner.inner_text()
    for step_id in done:
        assert page.locator(f"[data-gp-plan] input[data-gp-done='{step_id}']").is_checked()
    assert page.evaluate("localStorage.getItem('guidepack-progress')") in (None, "{}")
    page.locator("[data-gp-adopt]").click()
    page.goto(site_url + "package/")
    for step_id in done:
        assert page.locator(f"[data-gp-plan] input[data-gp-done='{step_id}']").is_checked()
    next_steps = page.eval_on_selector_all(
        "[data-gp-next] [data-gp-next-step]",
        "els => els.map(e => e.getAttribute('data-gp-next-step'))",
    )
    assert "foundations/form-a-founding-group" not in next_steps
    second.close()


def progress_file(path: Path, done: list[str]) -> Path:
    path.write_text(
        json.dumps(
            {
                "format": "guidepack-progress",
                "version": 1,
                "done": dict.fromkeys(done, "2026-11-30"),
            }
        )
    )
    return path


def test_merging_two_progress_files_ticks_the_union_and_says_whose(page, site_url, tmp_path):
    a = progress_file(
        tmp_path / "alice.json", ["foundations/form-a-founding-group", "grocery/test-demand"]
    )
    b = progress_file(
        tmp_path / "bob.json", ["foundations/form-a-founding-group", "energy/form-the-energy-group"]
    )
    page.goto(site_url + "package/")
    page.locator("[data-gp-import]").set_input_files([str(a), str(b)])
    page.wait_for_selector("[data-gp-status]:has-text('Merged 2 files')")
    for step_id in (
        "foundations/form-a-founding-group",
        "grocery/test-demand",
        "energy/form-the-energy-group",
    ):
        assert page.locator(f"[data-gp-plan] input[data-gp-done='{step_id}']").is_checked()
    report = page.locator("[data-gp-merge-report]").inner_text()
    assert "alice.json: 2 steps done" in report and "bob.json: 2 steps done" in report
    marked = page.locator(
        "[data-gp-step='foundations/form-a-founding-group'] [data-gp-marked]"
    ).inner_text()
    assert marked == "Marked done in alice.json, bob.json"


def test_the_plan_downloads_as_csv_and_as_a_calendar(page, site_url, package):
    page.goto(site_url + "package/")
    page.locator("[data-gp-start-date]").fill("2027-01-04")
    with page.expect_download() as info:
        page.locator("[data-gp-csv]").click()
    rows = list(
        csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig")))
    )
    assert len(rows) == package["plan"]["steps"]
    assert list(rows[0]) == [
        "Step", "Project", "Phase", "Earliest start", "Finish", "Latest finish", "Critical path",
        "Who to involve", "Link",
    ]  # fmt: skip
    assert rows[0]["Earliest start"] == "2027-01-04"
    assert sum(r["Critical path"] == "yes" for r in rows) == len(package["plan"]["critical_path"])
    assert all(r["Link"].startswith(site_url) for r in rows)
    with page.expect_download() as info:
        page.locator("[data-gp-ics]").click()
    calendar = icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == package["plan"]["steps"]
    first = min(e.decoded("DTSTART") for e in events)
    assert first == dt.date(2027, 1, 4)
    assert all(e.decoded("DTEND") > e.decoded("DTSTART") for e in events)
    critical = [e for e in events if str(e.get("SUMMARY")).startswith("Critical path: ")]
    assert len(critical) == len(package["plan"]["critical_path"])
    assert len({str(e.get("UID")) for e in events}) == len(events)
