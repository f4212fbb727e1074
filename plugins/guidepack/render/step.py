"""A step's page: what it is, what comes before, what it unlocks, when it can start."""

from __future__ import annotations

from collections.abc import Mapping

from .. import graph as g
from .. import urls
from ..effort import months
from ..plan import Site
from ..records import Step
from .credit import ask_url, credit
from .env import VirtualPage, body, front, render
from .links import Link, page_href, step_links


def render_step(site: Site, step: Step, dates: Mapping[str, str]) -> VirtualPage:
    """A step page with its "Before this" and "This unlocks" panels."""
    uri = urls.step_uri(step.id)
    guide = site.package.guides[step.guide]
    schedule = site.guide_schedule(step.guide)
    note = site.pack.notes.get(step.id) if site.pack else None
    stale = bool(
        note and (note.meta.reviewed is None or note.meta.reviewed.step != step.fingerprint)
    )
    content = render(
        "step.md.j2",
        front=front(title=site.text(step.title), description=site.text(step.meta.summary)),
        title=site.text(step.title),
        summary=site.text(step.meta.summary),
        step=step,
        guide=guide,
        guide_href=page_href(site, uri, urls.guide_uri(step.guide)),
        number=guide.steps.index(step) + 1,
        count=len(guide.steps),
        when=start_text(schedule.start[step.id].lo, schedule.start[step.id].hi),
        critical=schedule.on_critical_path(step.id),
        before=step_links(site, uri, g.prerequisites(site.graph, step.id), own_guide=step.guide),
        after=step_links(site, uri, g.unlocks(site.graph, step.id), own_guide=step.guide),
        related=step_links(
            site, uri, g.ordered(site.graph, step.meta.related), own_guide=step.guide
        ),
        pulled_in=step_links(site, uri, site.pulled_in.get(step.id, [])),
        pack=site.pack,
        note=body(site, note.body, uri) if note else "",
        stale=stale,
        body=body(site, step.body, uri),
        resources=[Link(r.title, r.url) for r in step.meta.resources],
        credit=credit(dates, guide, step),
        ask_url=ask_url(site, step),
    )
    return VirtualPage(uri, content, step.source.rel)


def start_text(lo: float, hi: float) -> str:
    """When a step can start if a group begins now: `Can start in months 3–7 ...`."""
    first, last = months(lo) + 1, months(hi) + 1
    if last == 1:
        return "Can start in the first month"
    span = f"month {first}" if first == last else f"months {first}-{last}"
    return f"Can start in {span} if you begin now"
