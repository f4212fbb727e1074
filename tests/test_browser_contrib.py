"""What a contributor and a reader see: the edit link, the forum link, credit, and search."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from conftest import serve_folder
from core import load_site
from fixtures import REPO, site_repo, two_guides

pytestmark = pytest.mark.browser


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def mkdocs_config() -> dict:
    return yaml.load((REPO / "mkdocs.yml").read_text(), Loader=_Loader)


def guidepack_config() -> dict:
    for plugin in mkdocs_config()["plugins"]:
        if isinstance(plugin, dict) and "guidepack" in plugin:
            return plugin["guidepack"]
    return {}


@pytest.fixture(scope="module")
def sources() -> dict[str, str]:
    """Each step's and guide's source file, by its page's path."""
    site = load_site(REPO)
    found = {f"guides/{g.slug}/": g.source.rel for g in site.package.guides.values()}
    found |= {f"guides/{s.id}/": s.source.rel for s in site.package.steps.values()}
    return found


@pytest.mark.parametrize(
    "path",
    [
        "guides/grocery/join-mutual-credit/",
        "guides/foundations/form-a-founding-group/",
        "guides/housing/",
        "theory/",
        "",
    ],
)
def test_edit_link_opens_the_pages_own_source_file(page, site_url, sources, path):
    page.goto(site_url + path)
    link = page.locator("a[rel=edit]")
    assert link.count() == 1
    assert link.get_attribute("title") == "Edit this page"
    source = sources.get(path) or {"theory/": "theory/index.md", "": "docs/index.md"}[path]
    assert (REPO / source).is_file()
    assert link.get_attribute("href") == mkdocs_config()["edit_uri"] + source
    assert link.is_visible()


def test_step_page_has_an_ask_link_to_the_forum_with_its_title(page, site_url):
    template = guidepack_config()["forum_url"]
    page.goto(site_url + "guides/grocery/find-premises/")
    ask = page.locator("a[data-gp-ask]")
    assert ask.count() == 1 and ask.is_visible()
    assert ask.inner_text() == "Ask about this step"
    title = load_site(REPO).package.steps["grocery/find-premises"].title
    assert ask.get_attribute("href") == template.replace("{title}", quote(title, safe=""))
    page.goto(site_url + "guides/grocery/")
    assert page.locator("a[data-gp-ask]").count() == 0


def test_no_ask_link_without_a_configured_forum(page, tmp_path):
    root = site_repo(tmp_path, two_guides())
    config = root / "mkdocs.yml"
    text = config.read_text()
    assert "forum_url:" in text
    config.write_text(re.sub(r"(?m)^\s*forum_url:.*\n", "", text))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    url, server = serve_folder(root / "site")
    try:
        page.goto(url + "guides/beta/launch/")
        assert page.locator("h1").inner_text().startswith("Launch")
        assert page.locator("a[data-gp-ask]").count() == 0
        assert "Ask about this step" not in page.content()
        credit = page.locator("[data-gp-credit]")
        assert "CC BY-SA 4.0" in credit.inner_text()
    finally:
        server.shutdown()


def test_guide_page_credits_maintainers_licence_and_last_update(page, site_url):
    page.goto(site_url + "guides/grocery/")
    credit = page.locator("[data-gp-credit]")
    assert credit.is_visible()
    text = credit.inner_text()
    assert "Maintained by guidepack contributors." in text
    licence = credit.locator('a[href="https://creativecommons.org/licenses/by-sa/4.0/"]')
    assert licence.inner_text() == "CC BY-SA 4.0"
    assert licence.get_attribute("href") == "https://creativecommons.org/licenses/by-sa/4.0/"
    in_git = (
        subprocess.run(["git", "-C", str(REPO), "rev-parse"], capture_output=True).returncode == 0
    )
    if in_git:
        when = credit.locator("time")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", when.get_attribute("datetime"))
        assert text.endswith(f"Last updated {when.inner_text()}.")


@pytest.mark.parametrize(
    "title,step_id",
    [
        ("Launch the network", "mutual-credit/launch-the-network"),
        ("Register with the care regulator", "social-care/register-with-the-regulator"),
        ("Open a bank account", "foundations/open-a-bank-account"),
        ("Find premises and agree heads of terms", "grocery/find-premises"),
        ("Secure land tenure", "csa/secure-land-tenure"),
        ("Agree who buys the power", "energy/sell-the-power"),
        ("Allocate homes fairly", "housing/allocate-homes"),
    ],
)
def test_searching_a_step_title_ranks_that_step_first(page, site_url, title, step_id):
    assert load_site(REPO).package.steps[step_id].title == title
    page.goto(site_url + "search/")
    page.locator("[data-gp-search-query]").fill(title)
    first = page.locator("[data-gp-result] > a").first
    first.wait_for()
    href = first.get_attribute("href")
    assert Path(href.split("?")[0]).parts[-3:] == ("guides", *step_id.split("/")), href
    assert first.inner_text() == title
    SHOTS.mkdir(parents=True, exist_ok=True)
    if step_id.startswith("grocery/"):
        page.screenshot(path=str(SHOTS / "search-step-title.png"))


SHOTS = Path("/tmp/gp/shots")
