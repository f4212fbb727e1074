"""Where every page of the site lives, and relative links between them.

Pages are named by their source path in the docs tree (`guides/grocery/open-the-shop.md`,
a "uri"); `url_of` gives the address a reader sees, with directory URLs (`.../open-the-shop/`)
or without (`.../open-the-shop.html`), as the engine is configured.
"""

from __future__ import annotations

import posixpath
import re

GUIDES_INDEX = "guides/index.md"
PACKAGE = "package/index.md"
SEARCH = "search/index.md"
PACKAGE_JSON = "package.json"
PACKAGE_DECK = "package/pitch/index.html"
DOWNLOADS = "downloads/index.md"
HOME = "index.md"
ASSETS = "assets/guidepack"
STEP_ANCHORS = frozenset({"resources", "see-also"})
GUIDE_ANCHORS = frozenset({"how-long-it-takes", "steps", "the-map", "about-this-guide"})
"""Headings the templates give every step and guide page, besides the body's own."""
_STEP_FILE = re.compile(r"^guides/([a-z0-9-]+)/\d{2,3}-([a-z0-9-]+)\.md$")


def step_uri(step_id: str) -> str:
    """Source path of a step's page: `guides/<guide>/<slug>.md`."""
    return f"guides/{step_id}.md"


def guide_uri(guide: str) -> str:
    return f"guides/{guide}/index.md"


def deck_uri(guide: str | None = None) -> str:
    """The pitch deck of a guide, or of the package (None)."""
    return PACKAGE_DECK if guide is None else f"guides/{guide}/pitch/index.html"


def download_uri(name: str) -> str:
    """A file offered for download (PDF hand-out, editable deck, offline edition)."""
    return f"downloads/{name}"


def url_of(uri: str, directory_urls: bool = True) -> str:
    """The site-relative address of a page (`guides/g/s.md` -> `guides/g/s/`)."""
    if not uri.endswith(".md"):
        return uri[: -len("index.html")] if directory_urls and uri.endswith("/index.html") else uri
    base = uri[:-3]
    if not directory_urls:
        return base + ".html"
    if base == "index":
        return ""
    if base.endswith("/index"):
        return base[: -len("index")]
    return base + "/"


def href(from_uri: str, to_uri: str, directory_urls: bool = True, anchor: str = "") -> str:
    """A relative address from one built page to another, for HTML."""
    here = url_of(from_uri, directory_urls)
    folder = here.rstrip("/") if here.endswith("/") or not here else posixpath.dirname(here)
    target = url_of(to_uri, directory_urls)
    rel = posixpath.relpath(target or ".", folder or ".")
    if target.endswith("/") or not target:
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def md_link(from_uri: str, to_uri: str) -> str:
    """A Markdown link target from one page to another (engines resolve `.md`)."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def step_file_target(path: str) -> str | None:
    """The page of a step whose source file a link names (`guides/g/05-x.md` -> `guides/g/x.md`)."""
    match = _STEP_FILE.match(path)
    return step_uri(f"{match.group(1)}/{match.group(2)}") if match else None
