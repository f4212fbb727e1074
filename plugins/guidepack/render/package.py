"""The package explorer page: project cards, the combined plan, the dependency graph."""

from __future__ import annotations

import json

from .. import graph as g
from ..site import Site
from .links import guide_uri, href, step_uri

URI = "package/index.md"


def render_package_page(site: Site) -> str:
    """Markdown (with HTML blocks) of the package page."""
    from .pages import environment

    essentials = set(site.essentials)
    plan = g.plan(site.graph, [*site.essentials, *(s for s in site.picked if s not in essentials)])
    guides = site.package.guides
    cards = [
        {
            "slug": slug,
            "title": guides[slug].title,
            "summary": guides[slug].meta.summary,
            "count": len(guides[slug].steps),
            "essential": slug in essentials,
            "href": href(URI, guide_uri(slug)),
        }
        for slug in site.picked
    ]
    phases = []
    for phase in plan.phases:
        entries = []
        for step_id in phase:
            step = site.package.steps[step_id]
            entries.append(
                {
                    "id": step_id,
                    "title": step.title,
                    "guide": guides[step.guide].title,
                    "slug": step.guide,
                    "href": href(URI, step_uri(step_id)),
                    "involve": ", ".join(step.meta.involve),
                    "needed_by": [guides[n].title for n in plan.needed_by.get(step_id, [])],
                    "requires": g.prerequisites(site.graph, step_id),
                }
            )
        phases.append(entries)
    return (
        environment()
        .get_template("package.md.j2")
        .render(
            front="title: Package explorer",
            cards=cards,
            phases=phases,
            data=json.dumps({"essentials": sorted(essentials)}),
        )
    )
