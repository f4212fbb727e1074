"""A guide's page (its steps in phases, how long it takes, its map) and the guides index."""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup

from .. import graph as g
from .. import urls
from ..plan import Site
from ..records import Guide
from .credit import credit
from .env import VirtualPage, body, front, render
from .links import Link, page_href, step_links
from .map import colours, map_layout, render_map
from .package import duration_text


def render_guide(site: Site, guide: Guide, dates: Mapping[str, str]) -> VirtualPage:
    """A guide's overview: its steps in phases, with links across guides."""
    uri = urls.guide_uri(guide.slug)
    shown = [s.id for s in guide.steps if s.id in site.built]
    numbers = {s.id: i for i, s in enumerate(guide.steps, start=1)}
    schedule = site.guide_schedule(guide.slug)
    others = [s for s in site.package.guides if s != guide.slug]

    def cross(ids: list[str]) -> list[Link]:
        return step_links(site, uri, [i for i in ids if not i.startswith(guide.slug + "/")])

    def title(step: str) -> str:
        return site.text(site.package.steps[step].title)

    phases = [
        [
            {
                "id": step_id,
                "number": numbers[step_id],
                "title": title(step_id),
                "summary": site.text(site.package.steps[step_id].meta.summary),
                "href": page_href(site, uri, urls.step_uri(step_id)),
                "cross": cross(g.prerequisites(site.graph, step_id)),
                "used_by": cross(g.unlocks(site.graph, step_id)),
                "critical": schedule.on_critical_path(step_id),
            }
            for step_id in phase
        ]
        for phase in g.phases(site.graph, shown)
    ]
    entries = {p for s in shown for p in site.graph.predecessors(s) if p in site.built} - set(shown)
    members = set(shown) | entries
    guide_titles = {
        slug: site.text(site.package.guides[slug].title) for slug in site.package.guides
    }
    titles = {
        s: title(s) if s in shown else f"{title(s)} ({guide_titles[site.graph.nodes[s]['guide']]})"
        for s in members
    }
    svg = render_map(
        site.graph,
        map_layout(site.graph, members, titles),
        colour=colours(list(site.package.guides)),
        titles=titles,
        guide_titles=guide_titles,
        href=lambda s: page_href(site, uri, urls.step_uri(s)),
        critical=set(schedule.critical),
        entries=entries,
        label=f"Map of the {len(shown)} steps of {site.text(guide.title)} and {len(entries)} steps "
        f"it needs from {len(others)} other guides",
    )
    content = render(
        "guide.md.j2",
        front=front(title=site.text(guide.title), description=site.text(guide.meta.summary)),
        title=site.text(guide.title),
        summary=site.text(guide.meta.summary),
        guide=guide,
        body=body(site, guide.body, uri),
        phases=phases,
        partial=guide.slug not in site.picked,
        pack=site.pack,
        deck_href=page_href(site, uri, urls.deck_uri(guide.slug)),
        pdf_href=page_href(site, uri, urls.download_uri(f"{guide.slug}.pdf")),
        duration=duration_text(schedule.total),
        critical=step_links(site, uri, schedule.critical, own_guide=guide.slug),
        svg=Markup(svg),
        credit=credit(dates, guide),
        ask_url=None,
    )
    return VirtualPage(uri, content, guide.source.rel)


def render_guides_index(site: Site) -> VirtualPage:
    """The list of guides: one card each, essentials first."""
    uri = urls.GUIDES_INDEX
    cards = [
        {
            "title": site.text(guide.title),
            "summary": site.text(guide.meta.summary),
            "essential": guide.meta.essential,
            "count": sum(s.id in site.built for s in guide.steps),
            "partial": guide.slug not in site.picked,
            "href": page_href(site, uri, urls.guide_uri(guide.slug)),
            "duration": duration_text(site.guide_schedule(guide.slug).total),
        }
        for guide in (site.package.guides[s] for s in site.guides)
    ]
    content = render(
        "guides.md.j2",
        front=front(title="Guides"),
        guides=cards,
        package_href=page_href(site, uri, urls.PACKAGE),
    )
    return VirtualPage(uri, content)
