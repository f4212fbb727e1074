"""The core's one entry point: load -> plan -> check -> provenance -> render.

The MkDocs adapter and `build.py export` both call `build`, so their pages are the same.
Sanitising happens last, after Markdown, in the engine (`guidepack.sanitise`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .checks import check
from .load import load
from .plan import Site, plan_site
from .problems import Problem
from .provenance import last_updated
from .render import RenderError, VirtualPage, render_site
from .settings import Settings


@dataclass(frozen=True)
class Built:
    """What a build gives: the planned site, its pages, and every problem found."""

    settings: Settings
    site: Site
    pages: dict[str, VirtualPage] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]


def build(settings: Settings, *, render: bool = True, problems: Iterable[Problem] = ()) -> Built:
    """Load, plan and check the content; render it when nothing is wrong (and `render`).

    `problems` are found before (reading the settings) and reported with the rest.
    """
    package, pack, found = load(settings)
    site, planned = plan_site(settings, package, pack)
    found = sorted({*problems, *found, *planned, *check(site)})
    if not render or any(not p.warning for p in found):
        return Built(settings, site, {}, found)
    dates = last_updated(settings.root, site.sources)
    try:
        pages = render_site(site, dates)
    except RenderError as exc:
        problem = Problem(
            exc.source,
            0,
            f"guidepack could not make a page from this file ({exc.detail})",
            "this is a gap in `check`: please report it, with the file",
        )
        return Built(settings, site, {}, [*found, problem])
    return Built(settings, site, pages, found)
