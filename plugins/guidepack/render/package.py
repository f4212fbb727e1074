"""The package explorer page: project cards, the combined plan, the dependency graph."""

from __future__ import annotations

from .. import graph as g
from ..site import Site
from .links import guide_uri, href, step_uri
from .metro import colours, render_metro

URI = "package/index.md"


def render_package_page(site: Site) -> str:
    """Markdown (with HTML blocks) of the package page, preset to the site's picked guides."""
    from .pages import environment

    essentials = site.essentials
    guides = site.package.guides
    order = [*essentials, *(s for s in site.picked if s not in essentials)]
    plan = g.plan(site.graph, order)
    colour = colours(site.picked)
    cards = [
        {
            "slug": slug,
            "title": guides[slug].title,
            "summary": guides[slug].meta.summary,
            "count": len(guides[slug].steps),
            "essential": slug in essentials,
            "href": href(URI, guide_uri(slug)),
            "colour": colour[slug],
        }
        for slug in order
    ]
    phases = [
        [
            {
                "id": step_id,
                "title": site.package.steps[step_id].title,
                "guide": guides[site.graph.nodes[step_id]["guide"]].title,
                "slug": site.graph.nodes[step_id]["guide"],
                "href": href(URI, step_uri(step_id)),
                "involve": ", ".join(site.package.steps[step_id].meta.involve),
                "needed_by": [guides[n].title for n in plan.needed_by.get(step_id, [])],
                "requires": g.prerequisites(site.graph, step_id),
                "aliases": site.package.steps[step_id].meta.aliases,
            }
            for step_id in phase
        ]
        for phase in plan.phases
    ]
    members = set(plan.steps)
    sub = site.graph.subgraph(members)
    lanes = {site.graph.nodes[n]["guide"] for n in members}
    svg = render_metro(
        sub,
        [s for s in site.picked if s in lanes],
        {s: guides[s].title for s in site.picked},
        {s: site.package.steps[s].title for s in members},
        lambda step: href(URI, step_uri(step)),
    )
    return (
        environment()
        .get_template("package.md.j2")
        .render(
            front='title: "Package explorer"',
            cards=cards,
            phases=phases,
            preset=",".join(s for s in order if s not in essentials),
            svg=svg,
            steps=len(members),
        )
    )
