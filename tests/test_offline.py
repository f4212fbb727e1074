"""Take it to the meeting: the offline edition from file://, search that stays small, and
the hand-outs (PDF) and editable decks (PowerPoint)."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from core import REPO, load_site
from pptx import Presentation
from pypdf import PdfReader

ZIP = "downloads/package-offline.zip"


@pytest.fixture(scope="module")
def edition(built_repo, tmp_path_factory) -> Path:
    """The offline edition, unzipped as a reader would."""
    out = tmp_path_factory.mktemp("edition")
    with zipfile.ZipFile(built_repo / ZIP) as archive:
        archive.extractall(out)
    return out / "package-offline"


def test_the_zip_holds_the_whole_site_without_the_online_index(built_repo):
    with zipfile.ZipFile(built_repo / ZIP) as archive:
        names = set(archive.namelist())
    assert "package-offline/index.html" in names
    assert "package-offline/search/offline-index.js" in names
    assert "package-offline/guides/grocery/open-the-shop/index.html" in names
    assert not any("/pagefind/" in n for n in names)
    assert not any(n.endswith("-offline.zip") for n in names)


def test_the_demo_towns_edition_is_named_after_the_town(built_demo):
    assert (built_demo / "downloads/demo-town-offline.zip").is_file()


def test_folder_links_point_at_index_files(edition):
    html = (edition / "guides/grocery/index.html").read_text()
    hrefs = re.findall(r'href="([^"#?:]+)"', html)
    assert hrefs and not [h for h in hrefs if h.endswith("/") or h in (".", "..")]


@pytest.mark.browser
def test_the_edition_works_from_disk(page, edition):
    page.goto((edition / "index.html").as_uri())
    page.locator(".md-tabs a", has_text="Guides").click()
    assert page.url.endswith("/guides/index.html")
    page.locator(".gp-guide-card a", has_text="co-operative grocery").click()
    assert page.url.endswith("/guides/grocery/index.html")
    page.locator("[data-gp-guide-steps] a", has_text="Open the shop").click()
    assert page.url.endswith("/guides/grocery/open-the-shop/index.html")
    before = page.locator("[data-gp-requires] a").first
    title = before.inner_text()
    before.click()
    assert page.locator("h1").inner_text() == title
    page.locator(".md-tabs a", has_text="Package").click()
    assert page.url.endswith("/package/index.html")
    box = page.locator("[data-gp-plan] input[data-gp-done='foundations/form-a-founding-group']")
    box.check()
    page.reload()
    assert box.is_checked()  # progress ticks work from disk too
    page.locator("a", has_text="Pitch deck for the whole package").click()
    assert page.url.endswith("/package/pitch/index.html")
    page.wait_for_selector("[data-gp-slide].gp-current")
    assert page.locator("[data-gp-slide]").count() > 5


@pytest.mark.browser
def test_search_finds_a_step_by_its_title_from_disk(page, edition):
    page.goto((edition / "search/index.html").as_uri())
    page.locator("[data-gp-search-query]").fill("Agree who buys the power")
    first = page.locator("[data-gp-result] > a").first
    first.wait_for()
    assert first.inner_text() == "Agree who buys the power"
    assert "Start a community energy scheme" in page.locator("[data-gp-result]").first.inner_text()
    first.click()
    assert page.url.endswith("/guides/energy/sell-the-power/index.html")


@pytest.mark.browser
def test_search_results_can_be_limited_to_one_guide(page, site_url):
    page.goto(site_url + "search/?q=register")
    page.locator("[data-gp-result]").first.wait_for()
    page.click("[data-gp-search-filter-button]")
    select = page.locator("[data-gp-search-guide]")
    select.select_option(label="Start a social care co-operative")
    page.wait_for_function(
        "Array.from(document.querySelectorAll('[data-gp-result] .gp-guide'))"
        ".every(e => e.textContent === 'Start a social care co-operative')"
    )
    assert page.locator("[data-gp-result]").count() >= 1


def test_each_guide_has_a_pdf_with_its_title_on_page_one(built_repo):
    site = load_site(REPO)
    for slug, guide in site.package.guides.items():
        reader = PdfReader(built_repo / f"downloads/{slug}.pdf")
        first = " ".join(reader.pages[0].extract_text().split())
        assert " ".join(guide.title.split()) in first, slug
    plan = PdfReader(built_repo / "downloads/package-plan.pdf")
    assert "The combined plan" in plan.pages[0].extract_text()
    assert len(plan.pages) > 3


def test_the_town_pdf_names_the_town(built_demo):
    text = PdfReader(built_demo / "downloads/grocery.pdf").pages[0].extract_text()
    assert "Hand-out for Demo Town" in text
    assert (
        "The plan for Demo Town"
        in PdfReader(built_demo / "downloads/package-plan.pdf").pages[0].extract_text()
    )


def slide_count(html: str) -> int:
    return len(re.findall(r"data-gp-slide=\"\d+\"", html))


def test_each_deck_is_also_an_editable_powerpoint_with_the_same_slides(built_repo):
    for deck in sorted(built_repo.glob("guides/*/pitch/index.html")) + [
        built_repo / "package/pitch/index.html"
    ]:
        slug = deck.parent.parent.name if deck.parent.parent.parent.name == "guides" else "package"
        pptx = built_repo / f"downloads/{slug}-pitch.pptx"
        prs = Presentation(io.BytesIO(pptx.read_bytes()))
        html = deck.read_text()
        assert len(prs.slides) == slide_count(html), slug
        assert (
            f'href="../../../downloads/{slug}-pitch.pptx"' in html
            or f'href="../../downloads/{slug}-pitch.pptx"' in html
        )
        first = prs.slides[0].shapes.title.text
        assert first and first in html


def test_the_towns_deck_ends_with_its_contacts(built_demo):
    prs = Presentation(io.BytesIO((built_demo / "downloads/package-pitch.pptx").read_bytes()))
    last = " ".join(
        shape.text_frame.text for shape in prs.slides[-1].shapes if shape.has_text_frame
    )
    assert "Demo Town Mutual Credit (fictional)" in last
    assert "hello@demo-town.invalid" in last


def test_pages_link_the_downloads(built_repo):
    home = (built_repo / "index.html").read_text()
    assert "Download for use without internet" in home
    guide = (built_repo / "guides/grocery/index.html").read_text()
    assert 'href="../../downloads/grocery.pdf"' in guide
    downloads = (built_repo / "downloads/index.html").read_text()
    assert 'href="package-offline.zip"' in downloads


# --- search at scale: a 5,000-step package --------------------------------------------------


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Path:
    """A synthetic package of 250 guides of 20 steps, built without downloads."""
    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate

    root = tmp_path_factory.mktemp("big") / "repo"
    generate(root, guides=250, steps=20, seed=1)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - guidepack:\n", "  - guidepack:\n      downloads: false\n      offline: false\n", 1
        )
    )
    out = root.parent / "site"
    result = subprocess.run(
        [sys.executable, "build.py", "build", "--site-dir", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    shutil.rmtree(root / "guides")
    return out


@pytest.mark.browser
def test_a_first_search_on_5000_steps_transfers_under_300_kb(page, big_site):
    from search_transfer import first_search

    title = json.loads((big_site / "package.json").read_text())["steps"][4321]["title"]
    transfer = first_search(page, big_site, title)
    top = sorted(transfer.files.items(), key=lambda i: -i[1])[:8]
    assert transfer.total < 300_000, top
    assert transfer.first_result == title  # an exact title ranks its step first
    assert transfer.first_guide  # and the result names its guide
