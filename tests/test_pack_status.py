"""Town packs in step with upstream: notes that need re-reading, renamed steps, a fork's
own defaults in town.yml, and a merge from upstream that never conflicts."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from fixtures import git, site_repo, step, two_guides, write

NOTE = "packs/town/notes/beta/launch.md"


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(root / "build.py"), *args], cwd=root, capture_output=True, text=True
    )


@pytest.fixture
def town(tmp_path: Path) -> Path:
    """A repository in git with a town pack whose note on beta/launch has been reviewed."""
    root = site_repo(tmp_path, two_guides())
    shutil.copy(REPO / "build.py", root / "build.py")
    write(root, {
        "packs/town/pack.yml": "name: Town\nguides: [beta]\n",
        NOTE: "Ask at the library about the launch room.\n",
    })  # fmt: skip
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "start")
    result = run(root, "pack", "review", "packs/town", "--all")
    assert result.returncode == 0, result.stderr
    assert f"Reviewed: {NOTE}" in result.stdout
    git(root, "add", ".")
    git(root, "commit", "-qm", "review the notes")
    return root


def edit_launch(root: Path, subject: str = "Launch needs a risk plan") -> None:
    path = root / "guides/beta/02-launch.md"
    path.write_text(path.read_text() + "\n## Risks\n\nWrite down what could go wrong first.\n")
    git(root, "commit", "-qam", subject)


def test_a_reviewed_note_is_up_to_date(town):
    status = run(town, "pack", "status", "packs/town")
    assert status.returncode == 0
    assert "1 of 1 local notes are up to date with their steps." in status.stdout
    front = (town / NOTE).read_text()
    assert front.startswith("---\nreviewed:\n  step: ") and "Ask at the library" in front
    check = run(town, "check", "--pack", "packs/town")
    assert check.returncode == 0 and "warning" not in check.stderr


def test_an_upstream_edit_is_listed_with_what_changed_and_check_only_warns(town):
    edit_launch(town)
    status = run(town, "pack", "status", "packs/town")
    assert status.returncode == 0
    out = status.stdout
    assert "**Launch** (`beta/launch`): changed upstream since the note was reviewed" in out
    assert f"note: `{NOTE}`" in out
    assert "commits since: Launch needs a risk plan" in out
    assert "new heading: Risks" in out
    assert "now: Write down what could go wrong first." in out
    check = run(town, "check", "--pack", "packs/town")
    assert check.returncode == 0, check.stderr
    assert (
        f"{NOTE}:2: warning: the step `beta/launch` changed upstream since this note was reviewed"
        in check.stderr
    )
    assert (
        "fix: re-read the step and the note, then run `python build.py pack review packs/town"
        in check.stderr
    )
    review = run(town, "pack", "review", "packs/town", str(town / NOTE))
    assert review.returncode == 0, review.stderr
    assert "1 of 1 local notes are up to date" in run(town, "pack", "status", "packs/town").stdout
    assert "warning" not in run(town, "check", "--pack", "packs/town").stderr


def test_without_git_history_status_still_says_the_step_changed(town):
    edit_launch(town)
    shutil.rmtree(town / ".git")
    out = run(town, "pack", "status", "packs/town").stdout
    assert "changed upstream since the note was reviewed" in out
    assert "no git history of the reviewed version: re-read the whole step" in out


def test_the_town_site_marks_a_stale_note_and_still_builds(town):
    edit_launch(town)
    result = run(town, "build", "--pack", "packs/town", "--site-dir", str(town / "out"))
    assert result.returncode == 0, result.stderr
    html = (town / "out/guides/beta/launch/index.html").read_text()
    assert "data-gp-stale" in html
    assert "This local note was written for an earlier version of the step." in html
    assert "Ask at the library" in html
    home = (town / "out/index.html").read_text()
    assert "written for an earlier version of the step" in home


def test_a_renamed_step_carries_its_note_and_status_says_so(town):
    old = town / "guides/beta/02-launch.md"
    text = old.read_text().replace("title: Launch", "title: Go live\naliases: [beta/launch]")
    old.unlink()
    (town / "guides/beta/02-go-live.md").write_text(text)
    git(town, "add", "-A")
    git(town, "commit", "-qm", "Rename launch to go live")
    out = run(town, "pack", "status", "packs/town").stdout
    assert "the step `beta/launch` is now `beta/go-live`" in out
    check = run(town, "check", "--pack", "packs/town")
    assert check.returncode == 0, check.stderr
    assert (
        "the step `beta/launch` was renamed to `beta/go-live`; this note follows it" in check.stderr
    )
    assert "fix: move the note to packs/town/notes/beta/go-live.md" in check.stderr
    result = run(town, "build", "--pack", "packs/town", "--site-dir", str(town / "out"))
    assert result.returncode == 0, result.stderr
    assert "Ask at the library" in (town / "out/guides/beta/go-live/index.html").read_text()


def test_status_lists_new_steps_and_missing_variables(town):
    write(town, {
        "guides/beta/03-celebrate.md": step("Celebrate", ["beta/launch"], body="Thank {{ pack.variables.mayor }}."),
    })  # fmt: skip
    out = run(town, "pack", "status", "packs/town").stdout
    assert "- Celebrate (`beta/celebrate`)" in out
    assert "`mayor` (in guides/beta/03-celebrate.md)" in out


def test_pack_review_refuses_a_file_that_is_not_a_note(town):
    result = run(town, "pack", "review", "packs/town", str(town / "mkdocs.yml"))
    assert result.returncode == 2
    assert "is not a note of this pack" in result.stderr
    assert "Traceback" not in result.stderr


def upstream_repo(tmp_path: Path) -> Path:
    """A copy of this repository's site, committed as an upstream would have it."""
    root = tmp_path / "upstream"
    for name in ("guides", "theory", "interviews", "docs", "overrides", "packs"):
        shutil.copytree(REPO / name, root / name)
    for name in ("mkdocs.yml", "build.py"):
        shutil.copy(REPO / name, root / name)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "upstream")
    return root


def test_a_fork_sets_its_pack_in_town_yml_and_merges_upstream_without_conflict(tmp_path):
    upstream = upstream_repo(tmp_path)
    fork = tmp_path / "fork"
    git(tmp_path, "clone", "-q", str(upstream), str(fork))
    shutil.copytree(fork / "packs/demo-town", fork / "packs/riverside")
    (fork / "packs/riverside/pack.yml").write_text(
        "name: Riverside\nguides: [csa]\nintro: pages/welcome.md\n"
    )
    (fork / "town.yml").write_text(
        "pack: packs/riverside\nedit_uri: https://git.example.org/riverside/edit/main/\n"
    )
    git(fork, "add", ".")
    git(fork, "commit", "-qm", "our pack")
    config = upstream / "mkdocs.yml"  # upstream changes its config, a guide and the demo pack
    config.write_text(config.read_text().replace("site_description:", "site_description: New."))
    step_file = next((upstream / "guides/csa").glob("*-gather-members.md"))
    step_file.write_text(step_file.read_text() + "\nAn upstream improvement.\n")
    demo = upstream / "packs/demo-town/pack.yml"
    demo.write_text(demo.read_text() + "# upstream tidied the demo\n")
    git(upstream, "commit", "-qam", "upstream changes")
    git(fork, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    assert git(fork, "status", "--porcelain") == ""
    assert "An upstream improvement." in (fork / step_file.relative_to(upstream)).read_text()
    result = run(fork, "build", "--site-dir", str(tmp_path / "site"))  # no --pack: town.yml's
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert "Riverside" in (site / "index.html").read_text()
    assert not (site / "guides/housing").exists()
    assert (
        "https://git.example.org/riverside/edit/main/guides/"
        in (site / "guides/csa/index.html").read_text()
    )
    data = json.loads((site / "package.json").read_text())
    assert data["pack"]["slug"] == "riverside" and data["pack"]["name"] == "Riverside"
    head = git(fork, "rev-parse", "HEAD").strip()
    assert data["upstream"]["head"] == head
    assert (site / "downloads/riverside-offline.zip").is_file()
