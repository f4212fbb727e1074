"""Real builds: a tiny fixture site, the CLI's atomic replace, and the repository itself."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from fixtures import REPO, site_repo, step, two_guides, write


class Panels(HTMLParser):
    """Collects the hrefs inside [data-gp-requires] and [data-gp-unlocks] panels."""

    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, list[str]] = {"requires": [], "unlocks": []}
        self._inside: str | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if self._inside:
            self._depth += tag == "nav"
            if tag == "a":
                self.links[self._inside].append(names["href"])
        elif tag == "nav":
            for kind in ("requires", "unlocks"):
                if f"data-gp-{kind}" in names:
                    self._inside, self._depth = kind, 1

    def handle_endtag(self, tag):
        if self._inside and tag == "nav":
            self._depth -= 1
            if self._depth == 0:
                self._inside = None


def panels(html_file: Path) -> dict[str, list[str]]:
    parser = Panels()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser.links


def mkdocs_build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=root,
        capture_output=True,
        text=True,
    )


def test_fixture_site_has_panels_and_package_json(tmp_path):
    site_repo(tmp_path, two_guides())
    result = mkdocs_build(tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    launch = panels(site / "guides/beta/launch/index.html")
    assert launch == {"requires": ["../../alpha/grow/", "../plan/"], "unlocks": []}
    grow = panels(site / "guides/alpha/grow/index.html")
    assert grow == {"requires": ["../start/"], "unlocks": ["../../beta/launch/"]}
    data = json.loads((site / "package.json").read_text())
    assert [s["id"] for s in data["steps"]] == [
        "alpha/start",
        "alpha/grow",
        "beta/plan",
        "beta/launch",
    ]
    assert ["alpha/grow", "beta/launch"] in data["edges"]
    for entry in data["steps"]:
        assert (site / entry["url"] / "index.html").is_file()
    schema = json.loads((site / "schema/step.json").read_text())
    assert schema["additionalProperties"] is False
    assert "requires" in schema["properties"]


def test_content_problem_fails_the_build_with_file_and_line(tmp_path):
    site_repo(tmp_path, {**two_guides(), "guides/beta/03-x.md": step("X", ["beta/nope"])})
    result = mkdocs_build(tmp_path)
    assert result.returncode != 0
    assert "guides/beta/03-x.md:4: `requires` names `beta/nope`" in result.stderr
    assert "Traceback" not in result.stderr


def test_real_content_step_pages_link_prerequisites_and_dependants(built_repo):
    sys.path.insert(0, str(REPO / "plugins"))
    from core import load_site
    from guidepack import graph as g

    site = load_site(REPO)
    assert site.problems == []
    checked = 0
    for step_id in site.graph.nodes:
        page = built_repo / "guides" / step_id / "index.html"
        found = panels(page)
        assert len(found["requires"]) == len(g.prerequisites(site.graph, step_id)), step_id
        assert len(found["unlocks"]) == len(g.unlocks(site.graph, step_id)), step_id
        for rel in found["requires"] + found["unlocks"]:
            assert (page.parent / rel / "index.html").resolve().is_file(), (step_id, rel)
        checked += 1
    assert checked >= 20


def test_real_package_json_urls_resolve(built_repo):
    data = json.loads((built_repo / "package.json").read_text())
    assert len(data["guides"]) >= 2
    cross = [(a, b) for a, b in data["edges"] if a.split("/")[0] != b.split("/")[0]]
    assert cross, "at least one cross-guide requirement"
    for entry in data["steps"] + data["guides"]:
        assert (built_repo / entry["url"] / "index.html").is_file(), entry["url"]
    assert (built_repo / "index.html").is_file()
    assert (built_repo / "schema/step.json").is_file()


def test_failed_build_leaves_previous_site_untouched(tmp_path):
    root = site_repo(tmp_path, two_guides())
    (root / "build.py").symlink_to(REPO / "build.py")
    ok = subprocess.run([sys.executable, "build.py"], cwd=root, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    write(root, {"guides/beta/03-x.md": "---\ntitle: [broken\n---\n"})
    bad = subprocess.run([sys.executable, "build.py"], cwd=root, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "guides/beta/03-x.md:2: YAML syntax error" in bad.stderr
    assert "left as it was" in bad.stderr
    after = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not list(root.glob(".site-*"))


def test_check_exits_0_when_clean_and_1_with_every_problem(tmp_path):
    root = write(tmp_path, two_guides())
    (root / "build.py").symlink_to(REPO / "build.py")
    clean = subprocess.run(
        [sys.executable, "build.py", "check"], cwd=root, capture_output=True, text=True
    )
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout.startswith("OK: 2 guides, 4 steps")
    write(
        root,
        {
            "guides/beta/03-a.md": step("A", ["beta/nope"]),
            "guides/beta/04-b.md": "---\ntitel: B\n---\n",
        },
    )
    bad = subprocess.run(
        [sys.executable, "build.py", "check"], cwd=root, capture_output=True, text=True
    )
    assert bad.returncode == 1
    assert "guides/beta/03-a.md:4:" in bad.stderr
    assert "guides/beta/04-b.md:2: unknown key `titel`" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_export_writes_a_plain_docs_tree(tmp_path):
    root = site_repo(tmp_path, two_guides())
    (root / "build.py").symlink_to(REPO / "build.py")
    out = tmp_path / "exported"
    result = subprocess.run(
        [sys.executable, "build.py", "export", str(out)], cwd=root, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (out / "docs/guides/beta/launch/index.md").read_text().startswith("---\ntitle:")
    assert (out / "docs/package.json").is_file()
    assert (out / "docs/index.md").is_file()
    assert "guidepack.sanitise" in (out / "mkdocs.yml").read_text()
