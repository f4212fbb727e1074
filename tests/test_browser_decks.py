"""An organiser presents a pitch deck: keyboard, #N links, full screen, print, and fit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/gp/shots")
GROCERY = "guides/grocery/pitch/"
MUTUAL_CREDIT = ("Start and run a local mutual credit network", "mutual-credit")


def current(page) -> int:
    """The 1-based number of the one visible slide (and check that only one is visible)."""
    visible = page.evaluate(
        """() => [...document.querySelectorAll('[data-gp-slide]')]
            .map((s, i) => [i + 1, s.getBoundingClientRect().height > 0])
            .filter(([, shown]) => shown).map(([n]) => n)"""
    )
    assert len(visible) == 1, visible
    return visible[0]


def open_deck(page, site_url: str, path: str, hash_: str = ""):
    page.goto(site_url + path + hash_)
    page.wait_for_selector(".gp-controls:not([hidden])")
    return page.locator("[data-gp-slide]").count()


def test_every_guide_has_a_deck_with_enough_slides(page, site_url):
    guides = page.request.get(site_url + "package.json").json()["guides"]
    assert len(guides) >= 2
    for guide in [*guides, {"slug": "package"}]:
        path = "package/pitch/" if guide["slug"] == "package" else f"guides/{guide['slug']}/pitch/"
        count = open_deck(page, site_url, path)
        assert count >= 8, path
        assert page.locator(f'[data-gp-deck="{guide["slug"]}"]').count() == 1
        assert current(page) == 1


def test_keyboard_moves_between_slides_and_the_url_follows(page, site_url):
    total = open_deck(page, site_url, GROCERY)
    counter = page.locator("[data-gp-counter]")
    steps = [
        ("ArrowRight", 2),
        ("Space", 3),
        ("PageDown", 4),
        ("ArrowDown", 5),
        ("ArrowLeft", 4),
        ("PageUp", 3),
        ("ArrowUp", 2),
        ("End", total),
        ("ArrowRight", total),
        ("Home", 1),
        ("ArrowLeft", 1),
    ]
    for key, expected in steps:
        page.keyboard.press(key)
        assert current(page) == expected, key
        assert page.url.endswith(f"#{expected}"), (key, page.url)
        assert counter.inner_text() == f"{expected} / {total}"


def test_a_link_to_slide_5_opens_slide_5(page, site_url):
    total = open_deck(page, site_url, GROCERY, "#5")
    assert current(page) == 5
    assert page.locator("[data-gp-counter]").inner_text() == f"5 / {total}"
    page.evaluate("location.hash = '#3'")
    page.wait_for_function(
        f"document.querySelector('[data-gp-counter]').textContent === '3 / ' + {total}"
    )
    assert current(page) == 3
    page.evaluate("location.hash = '#999'")  # no such slide: stay, and put the URL right
    page.wait_for_url("**/pitch/#3")
    assert current(page) == 3
    page.goto("about:blank")
    open_deck(page, site_url, GROCERY, "#999")
    assert current(page) == 1 and page.url.endswith("#1")


def test_buttons_have_labels_and_work(page, site_url):
    open_deck(page, site_url, GROCERY)
    nxt = page.get_by_role("button", name="Next slide")
    prev = page.get_by_role("button", name="Previous slide")
    full = page.get_by_role("button", name="Full screen")
    assert nxt.is_visible() and prev.is_visible() and full.is_visible()
    nxt.click()
    nxt.click()
    assert current(page) == 3 and page.url.endswith("#3")
    prev.click()
    assert current(page) == 2
    full.click()  # headless Chromium may refuse; the button must not break the deck
    page.keyboard.press("ArrowRight")
    assert current(page) == 3


def test_grocery_connects_to_slide_names_mutual_credit(page, site_url):
    open_deck(page, site_url, GROCERY)
    slide = page.locator("[data-gp-slide]", has=page.locator("h2", has_text="What it connects to"))
    assert slide.count() == 1
    text = slide.inner_text()
    assert any(name in text for name in MUTUAL_CREDIT), text
    number = int(slide.get_attribute("data-gp-slide"))
    page.keyboard.press("Home")
    for _ in range(number - 1):
        page.keyboard.press("ArrowRight")
    assert slide.is_visible()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1280, 800)])
def test_slides_fit_the_window_without_scrolling(browser, site_url, size):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    for path in (GROCERY, "package/pitch/"):
        total = open_deck(page, site_url, path)
        for n in range(1, total + 1):
            page.keyboard.press("Home") if n == 1 else page.keyboard.press("ArrowRight")
            box = page.evaluate(
                """() => {
                const s = document.querySelector('.gp-current');
                const r = s.getBoundingClientRect();
                const body = s.querySelector('.gp-body');
                return {x: r.x, y: r.y, w: r.width, h: r.height,
                        over: body.scrollHeight - body.clientHeight,
                        scroll: document.scrollingElement.scrollHeight - innerHeight,
                        font: parseFloat(getComputedStyle(s).fontSize)};
            }"""
            )
            assert box["scroll"] <= 0, (path, n)
            assert box["x"] >= 0 and box["y"] >= 0, (path, n)
            assert box["x"] + box["w"] <= width + 0.5 and box["y"] + box["h"] <= height + 0.5
            assert abs(box["w"] / box["h"] - 16 / 9) < 0.01, (path, n, box)
            assert min(width, height * 16 / 9) - box["w"] < 1, "the slide fills the window"
            assert box["over"] <= 1, f"{path}#{n} overflows"
            # large type: base size of 2.3% of the slide's width, shrunk at most to 80%
            assert box["font"] >= 0.8 * 0.023 * box["w"] - 0.5, (path, n, box)
    context.close()


def test_body_type_is_large_at_1280x720(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    open_deck(page, site_url, GROCERY, "#2")
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.gp-current .gp-rest')).fontSize)"
    )
    assert size >= 28
    context.close()


@pytest.mark.parametrize("path", [GROCERY, "guides/mutual-credit/pitch/", "package/pitch/"])
def test_printing_gives_one_slide_per_page(page, site_url, path):
    total = open_deck(page, site_url, path, "#4")
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == total
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert sizes and all(float(w) > float(h) for w, h in sizes), "landscape pages"


def test_the_deck_loads_nothing_from_elsewhere(page, site_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_deck(page, site_url, GROCERY)
    page.keyboard.press("End")
    assert requests and all(url.startswith(site_url) for url in requests), requests
    assert sorted(requests) == sorted(
        [
            site_url + GROCERY,
            site_url + "assets/guidepack/deck.css",
            site_url + "assets/guidepack/deck.js",
        ]
    ), "the deck loads nothing but itself and guidepack's deck assets"


def test_guide_and_package_pages_link_to_their_decks(page, site_url):
    page.goto(site_url + "guides/grocery/")
    page.locator('a[href="pitch/"]').first.click()
    page.wait_for_url(re.compile(r".*/guides/grocery/pitch/(#\d+)?$"))
    assert page.locator('[data-gp-deck="grocery"]').count() == 1
    page.keyboard.press("End")
    page.get_by_role("link", name="Read the step-by-step guide").click()
    page.wait_for_url("**/guides/grocery/")
    page.goto(site_url + "package/")
    page.locator('a[href="pitch/"]').first.click()
    page.wait_for_url(re.compile(r".*/package/pitch/(#\d+)?$"))
    assert page.locator('[data-gp-deck="package"]').count() == 1


def test_screenshots_look_like_slides(browser, site_url):
    """Saves screenshots to look at in /tmp/gp/shots/; each shows the one slide asked for."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for (width, height), path, numbers in (
        ((1280, 720), GROCERY, (1, 5, 7)),
        ((1920, 1080), GROCERY, (2,)),
        ((1280, 720), "package/pitch/", (3,)),
    ):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        for n in numbers:
            open_deck(page, site_url, path, f"#{n}")
            name = "package" if path.startswith("package") else path.split("/")[1]
            page.screenshot(path=str(SHOTS / f"{name}-slide{n}-{width}x{height}.png"))
            assert current(page) == n
        context.close()
