"""axe-core in Chromium: no serious or critical accessibility violation on the main pages.

axe-core comes from npm, pinned in setup_browser.py (`make test` installs it first).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import setup_browser
from conftest import serve_folder
from guidepack.render.map import PALETTE

PAGES = {
    "home": "",
    "guides": "guides/",
    "guide": "guides/grocery/",
    "step": "guides/grocery/join-mutual-credit/",
    "package": "package/",
    "guide deck": "guides/grocery/pitch/",
    "package deck": "package/pitch/",
}
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\\s+/g, " ")),
  }));
}"""


@pytest.fixture(scope="session")
def axe_js() -> Path:
    if setup_browser.install_axe() != 0:
        pytest.fail(f"axe-core {setup_browser.AXE_VERSION} is missing: run tests/setup_browser.py")
    return setup_browser.AXE_JS


@pytest.fixture(scope="module")
def demo_url(built_demo):
    url, server = serve_folder(built_demo)
    yield url
    server.shutdown()


@pytest.fixture
def page(browser):
    """A page that lets axe-core's script in past the decks' Content-Security-Policy."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    yield context.new_page()
    context.close()


def serious_violations(page, url: str, axe_js: Path) -> list[str]:
    page.goto(url)
    page.wait_for_load_state("load")
    page.add_script_tag(path=str(axe_js))
    found = page.evaluate(RUN_AXE)
    return [
        f"{v['impact']} {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"][:8])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_violations(page, site_url, axe_js, name):
    found = serious_violations(page, site_url + PAGES[name], axe_js)
    assert not found, f"{PAGES[name] or 'home'}:\n" + "\n".join(found)


@pytest.mark.browser
def test_town_pack_home_has_no_serious_violations(page, demo_url, axe_js):
    found = serious_violations(page, demo_url, axe_js)
    assert not found, "\n".join(found)


def contrast(a: str, b: tuple[float, float, float]) -> float:
    def lum(rgb) -> float:
        lin = [(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4) for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    fg = tuple(int(a[i : i + 2], 16) / 255 for i in (1, 3, 5))
    high, low = sorted((lum(fg), lum(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_graph_lane_titles_are_readable_on_their_lanes():
    """Lane titles are SVG text in the guide's colour on a 7% tint of it (axe skips SVG text)."""
    for colour in PALETTE:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lane = tuple(0.93 + 0.07 * c for c in rgb)
        assert contrast(colour, lane) >= 4.5, colour
