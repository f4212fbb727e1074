"""Search that stays small: Pagefind's chunked index online, a single script offline.

Both are made from the built HTML, whatever engine built it. Online, a first search
fetches Pagefind's entry file, its WebAssembly and the few index chunks the words need
(not the whole index). From `file://` a browser cannot fetch those, so the offline
edition carries `search/offline-index.js`: every page's title, guide and text, loaded by a
`<script>` tag, which works from disk.
"""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT_SELECTOR = ".md-content__inner"
"""The theme's content element (Material and Zensical): the header, navigation and footer
are not indexed."""
OFFLINE_INDEX = "search/offline-index.js"
HEADING_LINK = "a.headerlink"  # the ¶ beside each heading: not a word of the page
SKIP_FOLDERS = ("assets/", "pagefind/", "search/", "schema/", "downloads/")


class SearchError(Exception):
    """The search index could not be built; the message says why."""


def start_index(site_dir: Path) -> subprocess.Popen:
    """Start Pagefind on the built site; it runs beside whatever comes next."""
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site_dir), "--root-selector",
        ROOT_SELECTOR, "--exclude-selectors", HEADING_LINK, "--force-language", "en", "--quiet",
    ]  # fmt: skip
    try:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as exc:
        raise SearchError(f"Pagefind could not run: {exc}") from None


def finish_index(process: subprocess.Popen) -> None:
    """Wait for Pagefind to finish (raises SearchError when it failed)."""
    try:
        out, err = process.communicate(timeout=600)
    except subprocess.TimeoutExpired:
        process.kill()
        raise SearchError("Pagefind took more than ten minutes") from None
    if process.returncode != 0:
        detail = (err or out).strip().splitlines()[-3:]
        raise SearchError("Pagefind failed: " + " ".join(detail))


class _Text(HTMLParser):
    """The title, guide and words of a built page's content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside the content element when > 0
        self.skip = 0
        self.title = ""
        self.guide = ""
        self.words: list[str] = []
        self._in_h1 = False
        self._in_guide = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if self.depth:
            self.depth += tag not in _VOID
            if self.skip or values.get("data-pagefind-ignore") == "all" or "headerlink" in classes:
                self.skip += tag not in _VOID
            if tag == "h1" and not self.title:
                self._in_h1 = True
            if values.get("data-pagefind-filter") == "guide":
                self._in_guide = True
        elif "md-content__inner" in classes:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if not self.depth or tag in _VOID:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1
        if tag == "h1":
            self._in_h1 = False
        if tag == "a":
            self._in_guide = False

    def handle_data(self, data: str) -> None:
        if not self.depth:
            return
        if self._in_h1 and not self.skip:
            self.title += data
        if self._in_guide:
            self.guide += data
        if not self.skip:
            self.words.append(data)


_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


def offline_index(site_dir: Path, max_chars: int = 4000) -> str:
    """The offline search script: `window.gpSearchIndex = [{u, t, g, x}, ...]`."""
    entries = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(SKIP_FOLDERS) or rel == "404.html":
            continue
        try:
            html = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        at = html.find("md-content__inner")
        if at < 0:
            continue
        end = html.find("</article>", at)
        content = html[html.rfind("<", 0, at) : end if end > 0 else None]
        parser = _Text()
        for start in range(0, len(content), 8192):  # the content only, until there is enough
            parser.feed(content[start : start + 8192])
            if parser.title and sum(map(len, parser.words)) > max_chars * 1.5:
                break
        title = " ".join(parser.title.split())
        if not title:
            continue
        text = " ".join(" ".join(parser.words).split())
        entries.append(
            {"u": rel, "t": title, "g": " ".join(parser.guide.split()), "x": text[:max_chars]}
        )
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.gpSearchIndex = {data};\n"
