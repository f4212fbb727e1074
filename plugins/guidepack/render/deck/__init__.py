"""Pitch decks: per guide and for the package, as a web page and as a PowerPoint file."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ...plan import Site
from ..env import VirtualPage
from .common import Slide
from .guide import guide_slides
from .html import deck_document
from .package import package_slides

__all__ = ["render_deck_files", "render_decks"]


def _decks(site: Site) -> Iterator[tuple[str | None, str, list[Slide]]]:
    """Each picked guide's deck and the package's: (guide slug or None, title, slides)."""
    for slug in site.picked:
        title = f"{site.text(site.package.guides[slug].title)}: pitch deck"
        yield slug, title, guide_slides(site, slug)
    town = site.pack.name if site.pack is not None else ""
    title = f"{town}: package pitch deck" if town else "Package pitch deck"
    yield None, title, package_slides(site)


def _pptx_name(slug: str | None) -> str:
    return f"{slug or 'package'}-pitch.pptx"


def render_decks(site: Site) -> list[VirtualPage]:
    """Each picked guide's deck and the package's deck, as web pages."""
    pages = []
    for slug, title, slides in _decks(site):
        uri = urls.deck_uri(slug)
        document = deck_document(site, uri, slug or "package", title, slides, _pptx_name(slug))
        source = site.package.guides[slug].source.rel if slug else None
        pages.append(VirtualPage(uri, document, source))
    return pages


def render_deck_files(site: Site) -> list[VirtualPage]:
    """The same decks as PowerPoint files, under `downloads/`."""
    from .pptx import deck_pptx  # python-pptx loads when a build makes them, not for check

    return [
        VirtualPage(urls.download_uri(_pptx_name(slug)), deck_pptx(title, slides))
        for slug, title, slides in _decks(site)
    ]
