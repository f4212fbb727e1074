"""Where generated pages live, and links between them."""

from __future__ import annotations

import posixpath


def step_uri(step_id: str) -> str:
    """Source path of a step's generated page: `guides/<guide>/<slug>.md`."""
    return f"guides/{step_id}.md"


def guide_uri(guide: str) -> str:
    return f"guides/{guide}/index.md"


def url_of(uri: str) -> str:
    """The site-relative URL of a page with directory URLs (`guides/g/s.md` -> `guides/g/s/`)."""
    if not uri.endswith(".md"):
        return uri
    base = uri[:-3]
    if base == "index":
        return ""
    if base.endswith("/index"):
        return base[: -len("index")]
    return base + "/"


def md_link(from_uri: str, to_uri: str) -> str:
    """A Markdown link target from one source page to another (MkDocs resolves .md)."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def href(from_uri: str, to_uri: str) -> str:
    """A relative URL from one built page to another, for raw HTML."""
    here = url_of(from_uri) or "."
    target = url_of(to_uri)
    rel = posixpath.relpath(target or ".", here if here != "." else ".")
    if rel == ".":
        return "./"
    return rel + "/" if target.endswith("/") or not target else rel
