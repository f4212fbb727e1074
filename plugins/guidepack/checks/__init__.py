"""The check stage: every content check, on a planned site, as Problems with file:line."""

from __future__ import annotations

from ..plan import Site
from ..problems import Problem
from .fields import field_problems
from .html import html_problems
from .links import link_problems
from .nesting import nesting_problems
from .packs import pack_problems
from .references import reference_problems
from .video import video_problems


def check(site: Site) -> list[Problem]:
    """Every problem with the content this site builds (warnings included), sorted."""
    found = [
        *reference_problems(site),
        *field_problems(site),
        *nesting_problems(site),
        *html_problems(site),
        *link_problems(site),
        *pack_problems(site),
        *video_problems(site),
    ]
    return sorted(set(found))
