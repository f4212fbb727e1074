"""Links between pages, as the templates show them: a title, an address, maybe a guide."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .. import urls
from ..plan import Site


@dataclass(frozen=True)
class Link:
    """A link for a template: its text, its relative address, and the guide it is in."""

    title: str
    href: str
    guide: str = ""


def step_links(
    site: Site, from_uri: str, step_ids: Iterable[str], *, own_guide: str | None = None
) -> list[Link]:
    """Links to the given steps that this site builds; each names its guide unless it is
    `own_guide` (the guide of the page the links are on)."""
    package = site.package
    found = []
    for step_id in step_ids:
        if step_id not in site.built:
            continue
        step = package.steps[step_id]
        guide = "" if step.guide == own_guide else package.guides[step.guide].title
        found.append(
            Link(
                site.text(step.title),
                page_href(site, from_uri, urls.step_uri(step_id)),
                site.text(guide),
            )
        )
    return found


def page_href(site: Site, from_uri: str, to_uri: str, anchor: str = "") -> str:
    """A relative address between two pages."""
    return urls.href(from_uri, to_uri, anchor)
