"""A town pack's own pages: its home page and its local pages."""

from __future__ import annotations

from dataclasses import replace

from ..safety import contributed
from ..site import Site
from .links import guide_uri, md_link, step_uri


def render_pack_pages(site: Site) -> list:
    """The pack's home page (replacing the package's) and its extra pages."""
    from .pages import VirtualPage, _front, environment, render_page

    pack = site.pack
    assert pack is not None
    guides = site.package.guides
    cards = [
        {
            "title": guides[s].title,
            "summary": guides[s].meta.summary,
            "essential": guides[s].meta.essential,
            "target": md_link("index.md", guide_uri(s)),
        }
        for s in site.picked
    ]
    notes = [
        {
            "title": site.package.steps[step_id].title,
            "guide": guides[step_id.split("/")[0]].title,
            "target": md_link("index.md", step_uri(step_id)),
        }
        for step_id in sorted(pack.notes)
        if step_id in site.steps
    ]
    local_pages = [{"title": p.meta.title, "target": p.uri} for p in pack.pages]
    home = (
        environment()
        .get_template("pack_home.md.j2")
        .render(
            front=_front(title=pack.name),
            pack=pack,
            intro=contributed(site.text(pack.intro or "")),
            cards=cards,
            notes=notes,
            local_pages=local_pages,
        )
    )
    pages = [VirtualPage("index.md", home, pack.source.rel)]
    for page in pack.pages:
        # variables are filled in before rendering, so their values are sanitised with the body
        texts = {"title": site.text(page.meta.title), "summary": site.text(page.meta.summary)}
        filled = replace(page, meta=page.meta.model_copy(update=texts), body=site.text(page.body))
        pages.append(VirtualPage(page.uri, render_page(filled).content, page.source.rel))
    return pages
