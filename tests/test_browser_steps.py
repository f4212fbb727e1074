"""A reader opens a step page and follows a "Before this" link."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_follow_before_this_link(page, site_url):
    page.goto(site_url + "guides/grocery/join-mutual-credit/")
    panel = page.locator("[data-gp-requires]")
    assert panel.is_visible()
    link = panel.locator("a", has_text="Launch the network")
    assert link.count() == 1
    link.click()
    page.wait_for_url("**/guides/mutual-credit/launch-the-network/")
    assert page.locator("h1").inner_text().startswith("Launch the network")
    unlocks = page.locator("[data-gp-unlocks] a")
    assert "Join the local mutual credit network" in unlocks.all_inner_texts()
