"""Pitch decks: per guide and for the package, as a web page and as a PowerPoint file."""

from __future__ import annotations

from ... import urls
from ...plan import Site
from ..env import VirtualPage
from .guide import guide_slides
from .html import deck_document
from .package import package_slides

__all__ = ["render_decks"]


def render_decks(site: Site) -> list[VirtualPage]:
    """Each picked guide's deck and the package's deck, each as HTML and as .pptx."""
    from .pptx import deck_pptx  # python-pptx loads when a build makes decks, not for check

    pages = []
    for slug in site.picked:
        guide = site.package.guides[slug]
        title = f"{site.text(guide.title)}: pitch deck"
        slides = guide_slides(site, slug)
        pptx = f"{slug}-pitch.pptx"
        uri = urls.deck_uri(slug)
        pages.append(
            VirtualPage(uri, deck_document(site, uri, slug, title, slides, pptx), guide.source.rel)
        )
        if site.settings.downloads:
            pages.append(VirtualPage(urls.download_uri(pptx), deck_pptx(title, slides)))
    town = site.pack.name if site.pack is not None else ""
    title = f"{town}: package pitch deck" if town else "Package pitch deck"
    slides = package_slides(site)
    uri = urls.deck_uri(None)
    pages.append(
        VirtualPage(uri, deck_document(site, uri, "package", title, slides, "package-pitch.pptx"))
    )
    if site.settings.downloads:
        pages.append(VirtualPage(urls.download_uri("package-pitch.pptx"), deck_pptx(title, slides)))
    return pages
