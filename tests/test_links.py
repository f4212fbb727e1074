"""Every internal link and anchor of a built site resolves: the real site and the demo pack.

MkDocs checks links between Markdown pages (strict build, `validation:` in mkdocs.yml);
this crawl also covers the raw HTML the core writes (panels, package page, SVG, decks,
redirects) and the theme's own links.
"""

from __future__ import annotations

import posixpath
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from fixtures import REPO, site_repo, two_guides

LINK_ATTRS = {"href", "src", "xlink:href", "poster", "data"}
EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:", "blob:")


class Collector(HTMLParser):
    """The ids and the link targets of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in LINK_ATTRS:
                self.links.append(value)

    handle_startendtag = handle_starttag


@dataclass
class Crawl:
    """A built site folder, parsed page by page on demand."""

    root: Path
    pages: dict[Path, Collector] = field(default_factory=dict)

    def parse(self, path: Path) -> Collector:
        if path not in self.pages:
            collector = Collector()
            collector.feed(path.read_text(encoding="utf-8"))
            self.pages[path] = collector
        return self.pages[path]

    def broken(self, page: Path) -> list[str]:
        """Every relative link of `page` whose file or `#fragment` is missing."""
        found = []
        for link in self.parse(page).links:
            problem = self.check(page, link)
            if problem:
                found.append(f"{page.relative_to(self.root)}: {link!r} {problem}")
        return found

    def check(self, page: Path, link: str) -> str:
        """Why `link` on `page` is broken, or "" when it resolves."""
        if link.startswith(EXTERNAL) or link.startswith("//"):
            return ""
        parts = urlsplit(link)
        if parts.scheme:
            return "has an unknown scheme"
        fragment = unquote(parts.fragment)
        if not parts.path:
            target = page  # `#anchor` alone: this page
        else:
            if parts.path.startswith("/"):
                return "is absolute: it breaks when the site is not at the root of its host"
            base = page.relative_to(self.root).parent.as_posix()
            rel = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            if rel == ".." or rel.startswith("../"):
                return "leaves the site"
            target = self.root / rel
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                return "points to a missing file"
        if not fragment or fragment.startswith("__") or "=" in fragment:
            return ""  # no anchor; the theme's own `#__...`; or script state like `#pick=`
        if target.suffix != ".html":
            return ""
        if fragment not in self.parse(target).ids:
            return f"names an anchor that {target.relative_to(self.root)} does not have"
        return ""


def html_pages(site: Path) -> list[Path]:
    # 404.html is served at any depth, so MkDocs gives it absolute links on purpose
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def assert_links_resolve(site: Path) -> int:
    crawl = Crawl(site)
    pages = html_pages(site)
    broken = [problem for page in pages for problem in crawl.broken(page)]
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(broken[:40])
    return len(pages)


def test_every_link_and_anchor_of_the_real_site_resolves(built_repo):
    assert assert_links_resolve(built_repo) > 100


def test_every_link_and_anchor_of_the_demo_pack_resolves(built_demo):
    assert assert_links_resolve(built_demo) > 50


def test_the_crawl_finds_broken_links_and_anchors(tmp_path):
    write = {
        "index.html": '<a href="a/">a</a><a href="a/#here">ok</a><a href="#top" id="top">top</a>',
        "a/index.html": '<h2 id="here">Here</h2><a href="../b/">b</a><a href="../#gone">x</a>',
        "c/index.html": '<img src="../missing.png"><svg><a xlink:href="../a/#nope">n</a></svg>'
        '<a href="https://example.org/x">ext</a><a href="../package/#pick=a">state</a>'
        '<a href="/abs/">abs</a><a href="../../out/">out</a>',
    }
    for rel, html in write.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(html)
    (tmp_path / "package").mkdir()
    (tmp_path / "package/index.html").write_text("<p>package</p>")
    crawl = Crawl(tmp_path)
    found = [p for page in html_pages(tmp_path) for p in crawl.broken(page)]
    assert found == [
        "a/index.html: '../b/' points to a missing file",
        "a/index.html: '../#gone' names an anchor that index.html does not have",
        "c/index.html: '../missing.png' points to a missing file",
        "c/index.html: '../a/#nope' names an anchor that a/index.html does not have",
        "c/index.html: '/abs/' is absolute: it breaks when the site is not at the root of its host",
        "c/index.html: '../../out/' leaves the site",
    ]


@pytest.mark.parametrize(
    "body, warning",
    [
        (
            "See [x](index.md#nope).",
            "theory/essay.md:6: the link `index.md#nope` names a heading `#nope` that theory/index.md does not have",
        ),
        (
            "See [y](missing.md).",
            "theory/essay.md:6: the link `missing.md` leads to `theory/missing.md`, which this build does not publish",
        ),
    ],
    ids=["anchor", "page"],
)
def test_strict_build_refuses_a_broken_link_in_content(tmp_path, body, warning):
    essay = f"---\ntitle: Essay\nsummary: An essay.\n---\n\n{body}\n"
    root = site_repo(tmp_path, {**two_guides(), "theory/essay.md": essay})
    (root / "build.py").symlink_to(REPO / "build.py")
    result = subprocess.run(
        [sys.executable, "build.py", "build"], cwd=root, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert warning in result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "site").exists()
