"""Credit and provenance: last-updated dates from git, licence names, the forum link, and
what the search index holds for step pages."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from core import load_site
from fixtures import guide_index, step, two_guides, write
from guidepack.provenance import human_date, last_updated, licence
from guidepack.render.credit import ask_url, credit
from guidepack.settings import settings_from


def git(root: Path, *args: str, date: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
    }
    env["GIT_COMMITTER_EMAIL"] = "t@t"
    if date:
        env["GIT_COMMITTER_DATE"] = env["GIT_AUTHOR_DATE"] = f"{date}T12:00:00+00:00"
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A git repository whose content folder sits one level down, with dated commits."""
    root = tmp_path / "site"
    write(root, two_guides())
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first", date="2024-01-02")
    write(root, {"guides/beta/02-launch.md": step("Launch", ["beta/plan"], body="New text.")})
    git(tmp_path, "commit", "-qam", "second", date="2025-03-04")
    write(root, {"guides/alpha/index.md": guide_index("Alpha guide", essential=True) + "More.\n"})
    git(tmp_path, "commit", "-qam", "third", date="2025-05-06")
    write(root, {"guides/beta/03-new.md": step("New")})  # never committed
    return root


def test_last_updated_reads_each_files_last_commit(history):
    paths = ["guides/alpha/index.md", "guides/beta/02-launch.md", "guides/beta/01-plan.md"]
    dates = last_updated(history, [*paths, "guides/beta/03-new.md"])
    assert dates == {
        "guides/alpha/index.md": "2025-05-06",
        "guides/beta/02-launch.md": "2025-03-04",
        "guides/beta/01-plan.md": "2024-01-02",
    }


def test_last_updated_is_empty_outside_git(tmp_path):
    write(tmp_path, two_guides())
    assert last_updated(tmp_path, ["guides/alpha/index.md"]) == {}
    assert last_updated(tmp_path, []) == {}


def test_guide_credit_uses_its_latest_file_and_a_step_its_own(history):
    site = load_site(history)
    dates = last_updated(history, ["guides/beta/index.md", "guides/beta/01-plan.md"])
    dates["guides/beta/02-launch.md"] = "2025-03-04"
    beta = site.package.guides["beta"]
    assert credit(dates, beta).updated == "2025-03-04"
    assert credit(dates, beta, beta.steps[0]).updated == "2024-01-02"
    assert credit(dates, beta, beta.steps[0]).updated_text == "2 January 2024"
    assert credit(dates, beta).licence == "CC BY-SA 4.0"
    assert credit(dates, site.package.guides["alpha"]).updated is None


def test_licence_names():
    assert licence("CC-BY-SA-4.0") == (
        "CC BY-SA 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    )
    assert licence("Our own terms") == ("Our own terms", None)
    assert human_date("2026-11-02") == "2 November 2026"


def test_ask_url_encodes_the_step_title_and_id(tmp_path):
    rent_step = '---\ntitle: "Rent & repairs: who pays?"\nsummary: Agree it.\n---\n\nText.\n'
    write(tmp_path, {**two_guides(), "guides/beta/03-rent.md": rent_step})
    site = load_site(tmp_path).site
    rent = site.package.steps["beta/rent"]
    site = replace(site, settings=replace(site.settings, forum_url=None))
    assert ask_url(site, rent) is None
    forum = "https://forum.coop/new-topic?title={title}&tags=guide&ref={id}"
    site = replace(site, settings=replace(site.settings, forum_url=forum))
    assert ask_url(site, rent) == (
        "https://forum.coop/new-topic?title=Rent%20%26%20repairs%3A%20who%20pays%3F"
        "&tags=guide&ref=beta%2Frent"
    )


def test_forum_url_must_be_a_web_address(tmp_path):
    def forum(value):
        return settings_from(tmp_path, {}, {"forum_url": value})

    assert forum(None)[0].forum_url is None
    assert forum("")[0].forum_url is None
    url = "https://f.coop/new?title={title}"
    assert forum(url) == (forum(url)[0], [])
    assert forum(url)[0].forum_url == url
    settings, problems = forum("javascript:alert(1)")
    assert settings.forum_url is None
    assert [p.message for p in problems] == [
        "guidepack's forum_url must be a web address starting https://, not 'javascript:alert(1)'"
    ]
