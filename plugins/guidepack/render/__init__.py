"""The render stage: pure functions from a planned Site to virtual pages (path -> content).

Markdown pages (`.md`) go to the engine, which renders them with the `guidepack.sanitise`
extension last; HTML documents (decks, redirects) are sanitised here; PDF, PowerPoint,
JSON and guidepack's own assets are files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from importlib import resources

from .. import urls
from ..plan import Site
from .deck import render_deck_files, render_decks
from .env import VirtualPage
from .guide import render_guide, render_guides_index
from .package import render_package
from .pages import render_interview, render_pack_pages, render_page
from .redirects import render_redirects
from .shell import render_downloads, render_package_json, render_schemas, render_search
from .step import render_step

__all__ = [
    "ASSETS",
    "PAGE_CSS",
    "PAGE_JS",
    "RenderError",
    "VirtualPage",
    "render_handouts",
    "render_site",
]

ASSETS = ("guidepack.css", "guidepack.js", "deck.css", "deck.js", "redirect.js", "search.js")
"""guidepack's own stylesheets and scripts, published under `assets/guidepack/`."""
PAGE_CSS = (f"{urls.ASSETS}/guidepack.css",)
PAGE_JS = (f"{urls.ASSETS}/guidepack.js",)
"""What every page of the site loads (the theme's `extra_css` and `extra_javascript`)."""


class RenderError(Exception):
    """A page could not be made from a file that passed `check` (a gap in the checks)."""

    def __init__(self, source: str, detail: str) -> None:
        super().__init__(f"{source}: {detail}")
        self.source = source
        self.detail = detail

    def __reduce__(self) -> tuple:  # to come back whole from a second process
        return (RenderError, (self.source, self.detail))


def render_site(
    site: Site, dates: Mapping[str, str], *, handouts: bool = True
) -> dict[str, VirtualPage]:
    """Every page and file guidepack adds to the site, by path (`dates`: from git).

    `handouts=False` leaves out the hand-outs (`render_handouts`), for a caller that makes
    them apart. Raises RenderError naming the file whose page failed.
    """
    pages: dict[str, VirtualPage] = {}

    def add(page: VirtualPage) -> None:
        if page.is_markdown:
            page = replace(page, uri=urls.page_uri(page.uri))
        pages[page.uri] = page

    def made(source: str, make: Callable[..., VirtualPage], *args: object) -> None:
        try:
            add(make(*args))
        except Exception as exc:  # reported with the file, not as a traceback
            raise RenderError(source, f"{type(exc).__name__}: {exc}") from exc

    for slug in site.guides:
        guide = site.package.guides[slug]
        made(guide.source.rel, render_guide, site, guide, dates)
        for step in guide.steps:
            if step.id in site.built:
                made(step.source.rel, render_step, site, step, dates)
    add(render_guides_index(site))
    add(render_package(site))
    add(render_search(site))
    add(render_downloads(site))
    for page in site.package.pages:
        made(page.source.rel, render_page, site, page)
    for interview in site.package.interviews:
        made(interview.source.rel, render_interview, site, interview)
    add(render_package_json(site))
    for page in render_schemas():
        add(page)
    if site.pack is not None:
        for page in render_pack_pages(site):
            add(page)
    for page in render_decks(site):
        add(page)
    if handouts:
        for page in render_handouts(site):
            add(page)
    for name in ASSETS:
        add(VirtualPage(f"{urls.ASSETS}/{name}", asset(name)))
    for page in render_redirects(site, pages):
        add(page)
    return pages


def render_handouts(site: Site) -> list[VirtualPage]:
    """What a build hands out as files, when its settings ask for them: a PDF of each
    picked guide and of the plan, and each pitch deck as a PowerPoint file.

    The slowest outputs, and no page is made from them, so an engine's adapter can make them
    in a second process while the engine renders pages (`pipeline.make_handouts`).
    """
    if not site.settings.downloads:
        return []
    from .handout import guide_handout, plan_handout  # ReportLab loads only when needed

    files = []
    for slug in site.picked:
        try:
            files.append(VirtualPage(urls.download_uri(f"{slug}.pdf"), guide_handout(site, slug)))
        except Exception as exc:  # reported with the file, not as a traceback
            source = site.package.guides[slug].source.rel
            raise RenderError(source, f"{type(exc).__name__}: {exc}") from exc
    files.append(VirtualPage(urls.download_uri("package-plan.pdf"), plan_handout(site)))
    return [*files, *render_deck_files(site)]


def asset(name: str) -> bytes:
    """One of guidepack's own assets."""
    return resources.files("guidepack").joinpath("assets", name).read_bytes()
