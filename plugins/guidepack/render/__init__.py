"""The render stage: pure functions from a planned Site to virtual pages (path -> content).

Markdown pages (`.md`) go to the engine, which renders them with the `guidepack.sanitise`
extension last; HTML documents (decks, redirects) are sanitised here; PDF, PowerPoint,
JSON and guidepack's own assets are files.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources

from .. import urls
from ..plan import Site
from .deck import render_decks
from .env import VirtualPage
from .guide import render_guide, render_guides_index
from .handout import guide_handout, plan_handout
from .package import render_package
from .pages import render_interview, render_pack_pages, render_page
from .redirects import render_redirects
from .shell import render_downloads, render_package_json, render_schemas, render_search
from .step import render_step

__all__ = ["ASSETS", "PAGE_CSS", "PAGE_JS", "VirtualPage", "render_site"]

ASSETS = ("guidepack.css", "guidepack.js", "deck.css", "deck.js", "redirect.js", "search.js")
"""guidepack's own stylesheets and scripts, published under `assets/guidepack/`."""
PAGE_CSS = (f"{urls.ASSETS}/guidepack.css",)
PAGE_JS = (f"{urls.ASSETS}/guidepack.js",)
"""What every page of the site loads (the theme's `extra_css` and `extra_javascript`)."""


def render_site(site: Site, dates: Mapping[str, str]) -> dict[str, VirtualPage]:
    """Every page and file guidepack adds to the site, by path (`dates`: from git)."""
    pages: dict[str, VirtualPage] = {}

    def add(page: VirtualPage) -> None:
        pages[page.uri] = page

    for slug in site.guides:
        guide = site.package.guides[slug]
        add(render_guide(site, guide, dates))
        for step in guide.steps:
            if step.id in site.built:
                add(render_step(site, step, dates))
    add(render_guides_index(site))
    add(render_package(site))
    add(render_search(site))
    add(render_downloads(site))
    for page in site.package.pages:
        add(render_page(site, page))
    for interview in site.package.interviews:
        add(render_interview(site, interview))
    add(render_package_json(site))
    for page in render_schemas():
        add(page)
    if site.pack is not None:
        for page in render_pack_pages(site):
            add(page)
    for page in render_decks(site):
        add(page)
    for slug in site.picked:
        add(VirtualPage(urls.download_uri(f"{slug}.pdf"), guide_handout(site, slug)))
    add(VirtualPage(urls.download_uri("package-plan.pdf"), plan_handout(site)))
    for name in ASSETS:
        add(VirtualPage(f"{urls.ASSETS}/{name}", asset(name)))
    for page in render_redirects(site, pages):
        add(page)
    return pages


def asset(name: str) -> bytes:
    """One of guidepack's own assets."""
    return resources.files("guidepack").joinpath("assets", name).read_bytes()
