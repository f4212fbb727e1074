"""The package explorer: projects to pick, how long the plan takes, the timeline, the
combined plan in phases, and the map.

What the page holds is bounded: up to FULL_PLAN_LIMIT steps it shows every step (plan,
timeline and map); beyond, it lists the projects with their steps on their own pages.
"""

from __future__ import annotations

from markupsafe import Markup

from .. import graph as g
from .. import urls
from ..effort import Range, format_time
from ..plan import Site
from .env import VirtualPage, front, render
from .links import Link, page_href
from .map import colours, map_layout, render_map
from .timeline import timeline

FULL_PLAN_LIMIT = 400
URI = urls.PACKAGE


def duration_text(total: Range) -> str:
    """`about 9-20 months` for a schedule's total."""
    return "about " + format_time(total) if total.hi else "no estimate yet"


def render_package(site: Site) -> VirtualPage:
    """The package page, preset to the site's picked guides."""
    projects = site.projects
    guides = site.package.guides
    plan, schedule = site.plan_schedule(projects)
    palette = {slug: i % 10 for i, slug in enumerate(site.package.guides)}
    hue = colours(list(site.package.guides))

    def href(step: str) -> str:
        return page_href(site, URI, urls.step_uri(step))

    def title(step: str) -> str:
        return site.text(site.package.steps[step].title)

    def guide_of(step: str) -> str:
        return site.graph.nodes[step]["guide"]

    cards = [
        {
            "slug": slug,
            "title": site.text(guides[slug].title),
            "summary": site.text(guides[slug].meta.summary),
            "count": len(guides[slug].steps),
            "essential": guides[slug].meta.essential,
            "href": page_href(site, URI, urls.guide_uri(slug)),
            "colour": palette[slug],
            "duration": duration_text(site.guide_schedule(slug).total),
        }
        for slug in projects
    ]
    full = len(plan.steps) <= FULL_PLAN_LIMIT
    critical = [
        Link(title(s), href(s), site.text(guides[guide_of(s)].title)) for s in schedule.critical
    ]
    values: dict = {}
    if full:
        members = set(plan.steps)
        lanes_in = [
            (
                slug,
                site.text(guides[slug].title),
                palette.get(slug, 9),
                [s for s in g.guide_steps(site.graph, slug) if s in members],
            )
            for slug in site.package.guides
            if any(guide_of(s) == slug for s in members)
        ]
        lanes, ticks, length = timeline(
            schedule, lanes_in, site.times, {s: title(s) for s in members}, href
        )
        layout = map_layout(site.graph, members, {s: title(s) for s in members})
        svg = render_map(
            site.graph,
            layout,
            colour=hue,
            titles={s: title(s) for s in members},
            guide_titles={slug: site.text(guides[slug].title) for slug in site.package.guides},
            href=href,
            critical=set(schedule.critical),
            label=f"Map of the {len(members)} steps of the plan, in phases",
        )
        values = {
            "phases": [
                [_entry(site, plan, schedule, s, href, title, palette) for s in phase]
                for phase in plan.phases
            ],
            "lanes": lanes,
            "ticks": ticks,
            "length": length,
            "svg": Markup(svg),
        }
    content = render(
        "package.md.j2",
        front=front(title="Package explorer"),
        cards=cards,
        preset=",".join(s for s in projects if not guides[s].meta.essential),
        deck_href=page_href(site, URI, urls.deck_uri(None)),
        pdf_href=page_href(site, URI, urls.download_uri("package-plan.pdf")),
        total=duration_text(schedule.total),
        steps=len(plan.steps),
        phase_count=len(plan.phases),
        critical=critical,
        phases=values.get("phases", []),
        lanes=values.get("lanes", []),
        ticks=values.get("ticks", []),
        length=values.get("length", 0.0),
        svg=values.get("svg", ""),
    )
    return VirtualPage(URI, content)


def _entry(site: Site, plan: g.Plan, schedule, step_id: str, href, title, palette) -> dict:
    step = site.package.steps[step_id]
    guides = site.package.guides
    time = site.times.get(step_id) or Range.zero()
    start = schedule.start[step_id]
    return {
        "id": step_id,
        "title": title(step_id),
        "guide": site.text(guides[step.guide].title),
        "slug": step.guide,
        "colour": palette.get(step.guide, 9),
        "href": href(step_id),
        "involve": ", ".join(step.meta.involve),
        "needed_by": [site.text(guides[n].title) for n in plan.needed_by.get(step_id, [])],
        "requires": g.prerequisites(site.graph, step_id),
        "needs": [title(p) for p in g.prerequisites(site.graph, step_id)],
        "unlocks": [title(u) for u in g.unlocks(site.graph, step_id) if u in plan.needed_by],
        "aliases": step.meta.aliases,
        "weeks": f"{time.lo:.2f} {time.hi:.2f}",
        "start": f"{start.lo:.2f} {start.hi:.2f}",
        "critical": step_id in schedule.critical,
    }
