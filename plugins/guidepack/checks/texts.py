"""Every contributed Markdown text a build publishes, and the page it is published on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import urls
from ..plan import Site
from ..records import Source


@dataclass(frozen=True)
class Contributed:
    """A Markdown text as written, where it comes from, and the page it appears on."""

    body: str
    source: Source
    uri: str
    """The page it is rendered into: relative links in it resolve from there."""


def contributed_texts(site: Site) -> Iterator[Contributed]:
    """Guide and step bodies this site builds, theory and interview pages, `docs/` pages,
    and a town pack's intro, notes (of built steps) and pages."""
    package = site.package
    for slug in site.guides:
        guide = package.guides[slug]
        yield Contributed(guide.body, guide.source, urls.guide_uri(slug))
        for step in guide.steps:
            if step.id in site.built:
                yield Contributed(step.body, step.source, urls.step_uri(step.id))
    for page in [*package.pages, *package.interviews]:
        yield Contributed(page.body, page.source, page.uri)
    pack = site.pack
    for doc in package.docs:
        if pack is not None and doc.uri == urls.HOME:
            continue  # a town pack has its own home page
        yield Contributed(doc.body, doc.source, doc.uri)
    if pack is None:
        return
    if pack.intro is not None and pack.intro_source is not None:
        yield Contributed(pack.intro, pack.intro_source, urls.HOME)
    for step_id, note in pack.notes.items():
        if step_id in site.built:
            yield Contributed(note.body, note.source, urls.step_uri(step_id))
    for page in pack.pages:
        yield Contributed(page.body, page.source, page.uri)
