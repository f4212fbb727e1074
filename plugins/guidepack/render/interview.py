"""An interview page: the people, the date, a video that loads on click, the transcript."""

from __future__ import annotations

from ..interviews import video_links
from ..model import Interview
from ..safety import contributed
from ..site import Site
from .links import md_link, step_uri
from .pages import Link, VirtualPage, _front, environment


def render_interview(site: Site, interview: Interview) -> VirtualPage:
    """The interview's page; related steps that this site does not build are left out."""
    meta = interview.meta
    related = [
        Link(
            site.package.steps[step_id].title,
            md_link(interview.uri, step_uri(step_id)),
            site.package.guides[step_id.split("/")[0]].title,
        )
        for step_id in meta.related
        if step_id in site.steps and step_id in site.package.steps
    ]
    content = (
        environment()
        .get_template("interview.md.j2")
        .render(
            front=_front(title=meta.title, description=meta.summary),
            meta=meta,
            date=f"{meta.date.day} {meta.date:%B %Y}",
            video=video_links(meta.video) if meta.video else None,
            related=related,
            body=contributed(interview.body.strip()),
        )
    )
    return VirtualPage(interview.uri, content, interview.source.rel)
