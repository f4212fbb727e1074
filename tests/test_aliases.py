"""Stable URLs: a renamed or moved step keeps its old ids in `aliases:`.

Old URLs redirect, package.json lists the aliases, progress stored under an old id still
counts, and `check` refuses an alias that collides with a live step or another alias.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import serve_folder
from core import load_site, render_site
from fixtures import REPO, site_repo, step, two_guides, write

RENAMED = {
    # beta/launch was `beta/go-live`, and before that it lived in a guide `gamma`
    "guides/beta/02-launch.md": step(
        "Launch", ["beta/plan", "alpha/grow"], "aliases: [beta/go-live, gamma/launch]\n"
    ),
}


def problems_of(repo: Path, files: dict[str, str]) -> list[str]:
    write(repo, {**two_guides(), **files})
    return [str(p) for p in load_site(repo).problems]


def test_aliases_are_clean_content(repo):
    write(repo, {**two_guides(), **RENAMED})
    site = load_site(repo)
    assert site.problems == []
    assert site.package.steps["beta/launch"].meta.aliases == ["beta/go-live", "gamma/launch"]


@pytest.mark.parametrize(
    "files, expected",
    [
        (
            {"guides/beta/02-launch.md": step("Launch", extra="aliases: [beta/plan]\n")},
            "guides/beta/02-launch.md:4: alias `beta/plan` is also a live step: guides/beta/01-plan.md\n"
            "    fix: remove `beta/plan` from `aliases`, or rename that step",
        ),
        (
            {
                "guides/beta/02-launch.md": step(
                    "Launch", extra="aliases:\n  - beta/old\n  - beta/launch\n"
                )
            },
            "guides/beta/02-launch.md:6: alias `beta/launch` is this step's own id",
        ),
        (
            {"guides/beta/02-launch.md": step("Launch", extra="aliases: [beta/pitch]\n")},
            "guides/beta/02-launch.md:4: alias `beta/pitch` is reserved: /guides/beta/pitch/ is a pitch deck",
        ),
        (
            {"guides/beta/02-launch.md": step("Launch", extra="aliases: [beta/old, beta/old]\n")},
            "guides/beta/02-launch.md:4: alias `beta/old` is listed twice",
        ),
        (
            {"guides/beta/02-launch.md": step("Launch", extra="aliases: [Old Launch]\n")},
            "guides/beta/02-launch.md:4: `aliases.0` has a value in the wrong form: 'Old Launch'\n"
            "    fix: Ids this step had before a rename or move, as full ids `<guide>/<old-slug>`",
        ),
    ],
    ids=["live-step", "own-id", "reserved", "twice", "not-an-id"],
)
def test_bad_aliases_name_file_line_and_fix(repo, files, expected):
    found = problems_of(repo, files)
    assert len(found) == 1, found
    assert found[0].startswith(expected), found[0]
    assert "fix:" in found[0]


def test_the_same_alias_on_two_steps_names_both_files(repo):
    found = problems_of(
        repo,
        {
            "guides/alpha/02-grow.md": step("Grow", ["alpha/start"], "aliases: [alpha/old]\n"),
            "guides/beta/02-launch.md": step("Launch", extra="aliases: [alpha/old]\n"),
        },
    )
    assert found == [
        "guides/beta/02-launch.md:4: alias `alpha/old` is also an alias in guides/alpha/02-grow.md:5\n"
        "    fix: an old id can lead to one step only: remove it from one of the two files"
    ]


def test_requiring_an_old_id_says_what_it_was_renamed_to(repo):
    found = problems_of(
        repo, {**RENAMED, "guides/beta/03-after.md": step("After", ["gamma/launch"])}
    )
    assert found == [
        "guides/beta/03-after.md:4: `requires` names `gamma/launch`, which is not a step\n"
        "    fix: `gamma/launch` was renamed: use `beta/launch`"
    ]


def test_check_reports_a_colliding_alias_without_a_traceback(tmp_path):
    root = write(tmp_path, two_guides())
    write(root, {"guides/beta/02-launch.md": step("Launch", extra="aliases: [alpha/start]\n")})
    (root / "build.py").symlink_to(REPO / "build.py")
    result = subprocess.run(
        [sys.executable, "build.py", "check"], cwd=root, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "guides/beta/02-launch.md:4: alias `alpha/start` is also a live step" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_redirect_page_replaces_a_real_page(repo):
    write(
        repo,
        {
            **two_guides(),
            "guides/beta/02-launch.md": step(
                "Launch", extra="aliases: [beta/plan, beta/pitch, beta/old]\n"
            ),
        },
    )
    site = load_site(repo)
    assert site.problems  # refused by check; rendering anyway must not clobber real pages
    pages = render_site(site)
    assert "guides/beta/plan/index.md" in pages
    assert "guides/beta/plan/index.html" not in pages
    assert pages["guides/beta/pitch/index.html"].content.startswith("<!doctype html>\n<html lang")
    assert "Moved:" not in pages["guides/beta/pitch/index.html"].content
    assert 'url=../launch/"' in pages["guides/beta/old/index.html"].content


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory) -> Path:
    """The two-guide fixture with a renamed step, built with build.py."""
    root = site_repo(tmp_path_factory.mktemp("aliases"), {**two_guides(), **RENAMED})
    (root / "build.py").symlink_to(REPO / "build.py")
    result = subprocess.run(
        [sys.executable, "build.py", "build"], cwd=root, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_old_urls_get_redirect_pages(renamed_site):
    for old, back in (("beta/go-live", "../launch/"), ("gamma/launch", "../../beta/launch/")):
        html = (renamed_site / "guides" / old / "index.html").read_text()
        assert f'<meta http-equiv="refresh" content="0; url={back}">' in html
        assert f'<link rel="canonical" href="{back}">' in html
        assert f'<a href="{back}" data-gp-moved="" rel="noopener">Launch</a>' in html
        assert (renamed_site / "guides" / old / back / "index.html").resolve().is_file()


def test_every_link_of_the_renamed_site_resolves(renamed_site):
    from test_links import assert_links_resolve

    assert assert_links_resolve(renamed_site) > 10


def test_package_json_and_checkboxes_carry_the_aliases(renamed_site):
    data = json.loads((renamed_site / "package.json").read_text())
    by_id = {s["id"]: s for s in data["steps"]}
    assert by_id["beta/launch"]["aliases"] == ["beta/go-live", "gamma/launch"]
    assert by_id["beta/plan"]["aliases"] == []
    box = 'data-gp-done="beta/launch" data-gp-aliases="beta/go-live gamma/launch"'
    assert box in (renamed_site / "guides/beta/launch/index.html").read_text()
    assert box in (renamed_site / "package/index.html").read_text()


@pytest.fixture(scope="module")
def renamed_url(renamed_site):
    url, server = serve_folder(renamed_site)
    yield url
    server.shutdown()


@pytest.mark.browser
def test_old_url_redirects_in_the_browser(page, renamed_url):
    page.goto(renamed_url + "guides/gamma/launch/")
    page.wait_for_url("**/guides/beta/launch/")
    assert page.locator("h1").inner_text().startswith("Launch")


@pytest.mark.browser
def test_progress_under_an_old_id_ticks_the_renamed_step(page, renamed_url):
    page.goto(renamed_url)
    page.evaluate(
        "localStorage.setItem('guidepack-progress', JSON.stringify({'beta/go-live': '2026-01-01'}))"
    )
    page.goto(renamed_url + "guides/beta/launch/")
    box = page.locator("input[data-gp-done='beta/launch']")
    assert box.is_visible()
    assert box.is_checked()
    assert not page.locator("input[data-gp-done='beta/plan']").count()
    page.goto(renamed_url + "package/")
    assert page.locator("[data-gp-plan] input[data-gp-done='beta/launch']").is_checked()
    assert not page.locator("[data-gp-plan] input[data-gp-done='beta/plan']").is_checked()
    ready = page.eval_on_selector_all(
        "[data-gp-next] [data-gp-next-step]", "els => els.map(e => e.dataset.gpNextStep)"
    )
    assert "beta/launch" not in ready
    # unticking the renamed step forgets the old id too
    page.locator("[data-gp-plan] input[data-gp-done='beta/launch']").uncheck()
    stored = page.evaluate("JSON.parse(localStorage.getItem('guidepack-progress'))")
    assert stored == {}
