"""Credit, provenance and advice on guide and step pages (data for `credit.md.j2`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from ..plan import Site
from ..provenance import human_date, licence
from ..records import Guide, Step


@dataclass(frozen=True)
class Credit:
    """Who maintains a guide, under which licence, and when its text last changed."""

    maintainers: tuple[str, ...]
    licence: str
    licence_url: str | None
    updated: str | None
    updated_text: str | None


def credit(dates: Mapping[str, str], guide: Guide, step: Step | None = None) -> Credit:
    """The credit line of a guide page, or of one of its step pages (`dates`: last change
    of each file, from git)."""
    if step is not None:
        paths = [step.source.rel]
    else:
        paths = [guide.source.rel, *(s.source.rel for s in guide.steps)]
    known = [dates[p] for p in paths if p in dates]
    updated = max(known) if known else None
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
    forum = site.settings.forum_url
    if not forum:
        return None
    return forum.replace("{title}", quote(step.title, safe="")).replace(
        "{id}", quote(step.id, safe="")
    )
