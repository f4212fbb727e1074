"""Where every page of the site lives, and relative links between them.

Pages are named by where they are written in the docs tree (`guides/grocery/open-the-shop.md`,
a "uri"); `url_of` gives the address a reader sees (`guides/grocery/open-the-shop/`). A page
guidepack generates is handed to the engine as `<name>/index.md` (`page_uri`), in the folder
of its address: engines disagree on what a relative address in raw HTML is relative to
(MkDocs: the address; Zensical: the file), and there the two are the same folder.
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


def page_uri(uri: str) -> str:
    """Where a generated Markdown page is handed to the engine: `x/y.md` -> `x/y/index.md`."""
    if posixpath.basename(uri) == "index.md" or not uri.endswith(".md"):
        return uri
    return uri[:-3] + "/index.md"


def url_of(uri: str) -> str:
    """The site-relative address of a page (`guides/g/s.md` -> `guides/g/s/`)."""
    if not uri.endswith(".md"):
        return uri[: -len("index.html")] if uri.endswith("/index.html") else uri
    base = uri[:-3]
    if base == "index":
        return ""
    if base.endswith("/index"):
        return base[: -len("index")]
    return base + "/"


def href(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """A relative address from one built page to another, for HTML."""
    here = url_of(from_uri)
    folder = here.rstrip("/") if here.endswith("/") or not here else posixpath.dirname(here)
    target = url_of(to_uri)
    rel = posixpath.relpath(target or ".", folder or ".")
    if target.endswith("/") or not target:
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def step_file_target(path: str) -> str | None:
    """The page of a step whose source file a link names (`guides/g/05-x.md` -> `guides/g/x.md`)."""
    match = _STEP_FILE.match(path)
    return step_uri(f"{match.group(1)}/{match.group(2)}") if match else None
