"""Content pages: theory essays, interviews, a town pack's home and local pages."""

from __future__ import annotations

from .. import urls
from ..plan import Site
from ..records import Interview, Page
from .env import VirtualPage, body, front, render
from .links import page_href, step_links
from .video import video_links


def render_page(site: Site, page: Page) -> VirtualPage:
    """A theory essay, interview kit page or town pack page."""
    title, summary = site.text(page.meta.title), site.text(page.meta.summary)
    content = render(
        "page.md.j2",
        front=front(title=title, description=summary),
        title=title,
        summary=summary,
        anchor="page-title",
        body=body(site, page.body, page.uri),
    )
    return VirtualPage(page.uri, content, page.source.rel)


def render_interview(site: Site, interview: Interview) -> VirtualPage:
    """The interview's page; related steps that this site does not build are left out."""
    meta = interview.meta
    content = render(
        "interview.md.j2",
        front=front(title=meta.title, description=meta.summary),
        meta=meta,
        date=f"{meta.date.day} {meta.date:%B %Y}",
        video=video_links(meta.video) if meta.video else None,
        related=step_links(site, interview.uri, meta.related),
        body=body(site, interview.body, interview.uri),
    )
    return VirtualPage(interview.uri, content, interview.source.rel)


def render_pack_pages(site: Site) -> list[VirtualPage]:
    """A town pack's home page (replacing the package's) and its local pages."""
    pack = site.pack
    assert pack is not None
    guides = site.package.guides
    home = urls.HOME
    cards = [
        {
            "title": site.text(guides[s].title),
            "summary": site.text(guides[s].meta.summary),
            "essential": guides[s].meta.essential,
            "href": page_href(site, home, urls.guide_uri(s)),
        }
        for s in site.picked
    ]
    notes = [
        {
            "title": site.text(site.package.steps[step_id].title),
            "guide": site.text(site.package.guide_of(step_id).title),
            "href": page_href(site, home, urls.step_uri(step_id)),
            "stale": note.meta.reviewed is None
            or note.meta.reviewed.step != site.package.steps[step_id].fingerprint,
        }
        for step_id, note in sorted(pack.notes.items())
        if step_id in site.built
    ]
    content = render(
        "pack_home.md.j2",
        front=front(title=pack.name),
        pack=pack,
        intro=body(site, pack.intro, home) if pack.intro else "",
        cards=cards,
        notes=notes,
        local_pages=[
            {"title": site.text(p.meta.title), "href": page_href(site, home, p.uri)}
            for p in pack.pages
        ],
        package_href=page_href(site, home, urls.PACKAGE),
        deck_href=page_href(site, home, urls.deck_uri(None)),
        offline_href=page_href(site, home, urls.DOWNLOADS),
    )
    pages = [VirtualPage(home, content, pack.source.rel)]
    pages += [render_page(site, page) for page in pack.pages]
    return pages
