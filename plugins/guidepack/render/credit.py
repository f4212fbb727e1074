"""Credit, provenance and advice on guide and step pages (data for `credit.md.j2`)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from ..model import Guide, Step
from ..provenance import human_date, licence
from ..site import Site

STEP_SEARCH_BOOST = 2
"""Material's search ranks step pages this many times above other pages' text."""


@dataclass(frozen=True)
class Credit:
    """Who maintains a guide, under which licence, and when its text last changed."""

    maintainers: tuple[str, ...]
    licence: str
    licence_url: str | None
    updated: str | None
    updated_text: str | None


def credit(site: Site, guide: Guide, step: Step | None = None) -> Credit:
    """The credit line of a guide page, or of one of its step pages."""
    if step is not None:
        paths = [step.source.rel]
    else:
        paths = [guide.source.rel, *(s.source.rel for s in guide.steps)]
    dates = [site.updated[p] for p in paths if p in site.updated]
    updated = max(dates) if dates else None
    name, url = licence(guide.meta.licence)
    return Credit(
        maintainers=tuple(guide.meta.maintainers),
        licence=name,
        licence_url=url,
        updated=updated,
        updated_text=human_date(updated) if updated else None,
    )


def ask_url(site: Site, step: Step) -> str | None:
    """The forum's new-topic address for a question about `step` (None without a forum)."""
    if not site.forum_url:
        return None
    return site.forum_url.replace("{title}", quote(step.title, safe="")).replace(
        "{id}", quote(step.id, safe="")
    )
