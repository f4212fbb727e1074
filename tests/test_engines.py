"""Every engine builds the same pages (issue 16): MkDocs and ProperDocs build the repository
with the plugin; Zensical builds what `build.py export` writes, with no plugin at all.

ProperDocs and Zensical live in their own virtual environments under .cache/engines/
(`make engines`, which `make test` runs first), so the main environment stays pinned.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO
from exposure import site_exposure

ENGINES = REPO / ".cache" / "engines"
STEP = "guides/grocery/test-demand/index.html"
PANEL_CLASSES = ("gp-requires", "gp-unlocks")


def engine(name: str) -> Path:
    command = ENGINES / name / "bin" / name
    if not command.exists():
        pytest.fail(f"{command} is missing: run `make engines` (part of `make test`)")
    return command


class StepPage(HTMLParser):
    """What a step page promises a reader, engine aside: its heading, panels and their
    links, the ask link, the date, guidepack's components, and the body's words."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.components: set[str] = set()
        self.panels: dict[str, list[str]] = {}
        self.ask = ""
        self.updated = ""
        self.words: list[str] = []
        self._panel: str | None = None
        self._depth = 0
        self._in_article = False
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        classes = values.get("class", "").split()
        if "md-content__inner" in classes:
            self._in_article = True
        if not self._in_article:
            return
        self.components.update(k for k in values if k.startswith("data-gp-"))
        if tag == "nav" and any(c in classes for c in PANEL_CLASSES):
            self._panel = next(c for c in PANEL_CLASSES if c in classes)
            self.panels[self._panel] = []
        if tag == "a" and self._panel:
            self.panels[self._panel].append(values.get("href", ""))
        if tag == "a" and "data-gp-ask" in values:
            self.ask = values.get("href", "")
        if tag == "time":
            self.updated = values.get("datetime", "")
        if tag in ("svg", "script", "style") or "headerlink" in classes or "md-icon" in classes:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "nav":
            self._panel = None
        if tag == "article":
            self._in_article = False
        if self._skip and tag in ("svg", "script", "style", "a"):
            self._skip -= 1

    def handle_data(self, data):
        if self._in_article and not self._skip:
            self.words.extend(data.split())


def step_page(site: Path) -> StepPage:
    parser = StepPage()
    parser.feed((site / STEP).read_text(encoding="utf-8"))
    return parser


def assert_same_site(site: Path, reference: Path) -> None:
    """`site` (another engine's build) promises what the MkDocs build promises."""
    built, expected = step_page(site), step_page(reference)
    assert expected.panels[PANEL_CLASSES[0]] and expected.panels[PANEL_CLASSES[1]]
    assert expected.ask.startswith("https://") and expected.updated
    assert built.components == expected.components
    assert built.panels == expected.panels
    assert (built.ask, built.updated) == (expected.ask, expected.updated)
    assert built.words == expected.words
    package = json.loads((site / "package.json").read_text(encoding="utf-8"))
    assert package == json.loads((reference / "package.json").read_text(encoding="utf-8"))
    assert len(package["steps"]) >= 100 and len(package["guides"]) == 7
    for name in (
        "downloads/grocery.pdf",
        "downloads/grocery-pitch.pptx",
        "guides/grocery/pitch/index.html",
    ):
        assert (site / name).is_file(), name
    assert site_exposure(site) == {}


def run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


def test_properdocs_builds_the_repository_unchanged(built_repo, tmp_path):
    out = tmp_path / "site"
    run([str(engine("properdocs")), "build", "--strict", "--site-dir", str(out)], REPO)
    assert (out / "pagefind" / "pagefind.js").is_file()  # the plugin's search index
    assert_same_site(out, built_repo)


def test_zensical_builds_the_export_without_edits(built_repo, tmp_path):
    project = tmp_path / "project"
    run([sys.executable, "build.py", "export", str(project)], REPO)
    run([str(engine("zensical")), "build"], project)
    assert_same_site(project / "site", built_repo)


def test_the_export_builds_with_mkdocs_too(built_repo, tmp_path):
    project = tmp_path / "project"
    run([sys.executable, "build.py", "export", str(project)], REPO)
    shutil.rmtree(project / "site", ignore_errors=True)
    run([sys.executable, "-m", "mkdocs", "build", "--strict"], project)
    assert_same_site(project / "site", built_repo)
