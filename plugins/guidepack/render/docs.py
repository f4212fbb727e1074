"""Pages of `docs/` as an engine should read them: their front matter made safe.

Themes print `title` and `description` without escaping, so these are written escaped,
and a page without `title:` gets the text of its first heading. The MkDocs adapter gives
the same values to MkDocs (`safe_meta`); `export` writes the pages with them.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..records import DocPage
from ..sanitise import mark_page_contributed
from .env import VirtualPage, head_text, relink


def safe_meta(doc: DocPage) -> dict[str, Any]:
    """The page's front matter as the theme should see it."""
    meta = doc.meta.model_dump(exclude_defaults=True)  # dates stay dates for the blog
    meta["title"] = head_text(doc.title)
    if doc.meta.description:
        meta["description"] = head_text(doc.meta.description)
    return meta


def doc_body(doc: DocPage, docs: frozenset[str]) -> str:
    """The page's Markdown, its links to guidepack's pages pointed at where those are
    handed to the engine, marked as contributed whole (see `sanitise`). `docs` are the
    uris of all `docs/` pages."""
    text = (
        relink(doc.body, doc.uri, doc.uri, docs)
        if "](" in doc.body or "]:" in doc.body
        else doc.body
    )
    return mark_page_contributed(text)


def render_doc(doc: DocPage, docs: frozenset[str]) -> VirtualPage:
    """The page, with safe front matter, for an engine that runs no plugin."""
    front = yaml.safe_dump(safe_meta(doc), allow_unicode=True, sort_keys=False)
    return VirtualPage(doc.uri, f"---\n{front}---\n{doc_body(doc, docs)}", doc.source.rel)
