"""The package explorer as a reader uses it: pick projects, tick steps, follow the graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/gp/shots")


@pytest.fixture(scope="module")
def package(built_repo) -> dict:
    return json.loads((built_repo / "package.json").read_text())


def visible_steps(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-gp-plan] [data-gp-step]:not([hidden])",
        "els => els.map(e => e.getAttribute('data-gp-step'))",
    )


def guide_of(step_id: str) -> str:
    return step_id.split("/")[0]


def test_picking_grocery_pulls_in_what_it_needs(page, site_url, package):
    page.goto(site_url + "package/#pick=")
    before = visible_steps(page)
    assert {guide_of(s) for s in before} >= {"social-care", "mutual-credit"}
    assert not any(guide_of(s) == "grocery" for s in before)
    page.check("input[data-gp-pick='grocery']")
    page.wait_for_function("location.hash === '#pick=grocery'")
    after = visible_steps(page)
    grocery = [s["id"] for s in package["steps"] if s["guide"] == "grocery"]
    assert set(grocery) <= set(after)
    assert "mutual-credit/launch-the-network" in after
    assert "foundations/raise-community-shares" in after
    essentials = [
        s["id"] for s in package["steps"] if s["guide"] in ("social-care", "mutual-credit")
    ]
    assert set(essentials) <= set(after)
    assert not any(guide_of(s) == "housing" for s in after)
    pulled = page.locator("[data-gp-step='foundations/raise-community-shares'] [data-gp-pulled-by]")
    assert pulled.inner_text().startswith("Pulled in because")
    assert page.locator("input[data-gp-pick='social-care']").is_disabled()
    assert page.locator("input[data-gp-pick='social-care']").is_checked()


def test_shared_step_appears_once_naming_every_project(page, site_url):
    page.goto(site_url + "package/#pick=grocery,energy")
    entries = page.locator("[data-gp-plan] [data-gp-step='foundations/register-the-society']")
    assert entries.count() == 1
    text = entries.inner_text()
    for title in ("grocery", "energy", "social care"):
        assert title in text.lower()


def test_selection_in_the_url_survives_reload(page, site_url):
    page.goto(site_url + "package/#pick=grocery,csa")
    page.reload()
    assert page.locator("input[data-gp-pick='grocery']").is_checked()
    assert page.locator("input[data-gp-pick='csa']").is_checked()
    assert not page.locator("input[data-gp-pick='housing']").is_checked()
    assert any(guide_of(s) == "csa" for s in visible_steps(page))


def test_plan_order_respects_every_requirement(page, site_url, package):
    page.goto(site_url + "package/")
    order = visible_steps(page)
    assert len(order) == len(package["steps"])
    position = {s: i for i, s in enumerate(order)}
    for a, b in package["edges"]:
        assert position[a] < position[b], (a, b)


def test_graph_has_one_node_per_step_and_nodes_are_links(page, site_url, package):
    page.goto(site_url + "package/")
    nodes = page.eval_on_selector_all(
        "svg[data-gp-graph] a[data-gp-node]", "els => els.map(e => e.getAttribute('data-gp-node'))"
    )
    assert sorted(nodes) == sorted(s["id"] for s in package["steps"])
    page.locator("svg[data-gp-graph] a[data-gp-node='grocery/open-the-shop']").click()
    page.wait_for_url("**/guides/grocery/open-the-shop/")


def test_hovering_a_node_highlights_its_prerequisites(page, site_url):
    page.goto(site_url + "package/")
    page.hover("a[data-gp-node='grocery/join-mutual-credit']")
    highlighted = page.eval_on_selector_all(
        "a[data-gp-node].gp-hl", "els => els.map(e => e.getAttribute('data-gp-node'))"
    )
    assert "mutual-credit/launch-the-network" in highlighted
    assert "housing/allocate-homes" not in highlighted


def test_ticked_step_survives_reload_and_export_import(page, site_url, tmp_path):
    page.goto(site_url + "package/#pick=grocery")
    box = page.locator("input[data-gp-done='foundations/form-a-founding-group']")
    box.check()
    page.reload()
    assert page.locator("input[data-gp-done='foundations/form-a-founding-group']").is_checked()
    nexts = page.eval_on_selector_all(
        "[data-gp-next] [data-gp-next-step]",
        "els => els.map(e => e.getAttribute('data-gp-next-step'))",
    )
    assert "foundations/reach-the-whole-community" in nexts
    assert "foundations/form-a-founding-group" not in nexts
    with page.expect_download() as info:
        page.click("[data-gp-export]")
    saved = tmp_path / "progress.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert "foundations/form-a-founding-group" in data["done"]
    page.evaluate("localStorage.clear()")
    page.reload()
    assert not page.locator("input[data-gp-done='foundations/form-a-founding-group']").is_checked()
    page.set_input_files("[data-gp-import]", str(saved))
    page.wait_for_selector("[data-gp-status]:has-text('Imported')")
    assert page.locator("input[data-gp-done='foundations/form-a-founding-group']").is_checked()
    page.goto(site_url + "guides/foundations/form-a-founding-group/")
    assert page.locator("input[data-gp-done='foundations/form-a-founding-group']").is_checked()


def test_import_of_a_wrong_file_says_so(page, site_url, tmp_path):
    page.goto(site_url + "package/")
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}')
    page.set_input_files("[data-gp-import]", str(bad))
    page.wait_for_selector("[data-gp-status]:has-text('Could not import')")


def test_without_javascript_everything_is_shown(browser, site_url, package):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "package/")
    assert page.locator("[data-gp-card]").count() == len(package["guides"])
    steps = page.locator("[data-gp-plan] [data-gp-step]")
    assert steps.count() == len(package["steps"])
    assert page.locator("svg[data-gp-graph] a[data-gp-node]").count() == len(package["steps"])
    href = page.locator("a[data-gp-node='grocery/open-the-shop']").get_attribute("href")
    assert href == "../guides/grocery/open-the-shop/"
    context.close()


def test_print_shows_a_checklist(page, site_url):
    page.goto(site_url + "package/#pick=grocery")
    page.emulate_media(media="print")
    assert not page.locator("svg[data-gp-graph]").is_visible()
    assert not page.locator("[data-gp-cards]").is_visible()
    assert page.locator("[data-gp-step='grocery/open-the-shop']").is_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(SHOTS / "package-print.pdf"))


@pytest.mark.parametrize("name,width,height", [("laptop", 1280, 800), ("phone", 390, 844)])
def test_screenshots(browser, site_url, name, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site_url + "package/#pick=grocery")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"package-{name}.png"))
    page.locator("[data-gp-plan]").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"package-{name}-plan.png"))
    graph = page.locator("svg[data-gp-graph]")
    if width >= 800:
        graph.scroll_into_view_if_needed()
    else:
        assert not graph.is_visible()  # a phone reads the plan as the map's list
    page.screenshot(path=str(SHOTS / f"package-{name}-graph.png"))
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, "the page must not scroll sideways"
    context.close()
