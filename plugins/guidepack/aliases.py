"""Old step ids (`aliases:`): checked against live ids, and mapped to the steps they name now.

A step renamed or moved to another guide keeps its old ids in `aliases:`; old URLs
redirect to the new page and progress stored under an old id still counts.
"""

from __future__ import annotations

from .loader import RESERVED_STEP_SLUGS
from .model import Package
from .problems import Problem


def renamed(package: Package) -> dict[str, str]:
    """Every alias and the live step it names now (the first step to claim it)."""
    found: dict[str, str] = {}
    for step in package.steps.values():
        for alias in step.meta.aliases:
            if alias not in package.steps:
                found.setdefault(alias, step.id)
    return found


def alias_problems(package: Package) -> list[Problem]:
    """An alias that is also a live step, a reserved path, or claimed twice."""
    steps = package.steps
    problems: list[Problem] = []
    claimed: dict[str, str] = {}  # alias -> "file:line" of the step that claimed it first
    for step in steps.values():
        for i, alias in enumerate(step.meta.aliases):
            rel, line = step.source.rel, step.source.line_of(("aliases", i))
            here = f"{rel}:{line}"
            if alias == step.id:
                message = f"alias `{alias}` is this step's own id"
                hint = f"remove `{alias}` from `aliases`: list only ids the step had before"
            elif alias in steps:
                message = f"alias `{alias}` is also a live step: {steps[alias].source.rel}"
                hint = (
                    f"remove `{alias}` from `aliases`, or rename that step: an old id must not "
                    "name a step that still exists"
                )
            elif alias.split("/")[1] in RESERVED_STEP_SLUGS:
                message = f"alias `{alias}` is reserved: /guides/{alias}/ is a pitch deck"
                hint = f"remove `{alias}` from `aliases`"
            elif alias in claimed:
                first = claimed[alias]
                same = first.split(":")[0] == rel
                message = (
                    f"alias `{alias}` is listed twice"
                    if same
                    else f"alias `{alias}` is also an alias in {first}"
                )
                hint = (
                    f"remove the second `{alias}`"
                    if same
                    else "an old id can lead to one step only: remove it from one of the two files"
                )
            else:
                claimed[alias] = here
                continue
            problems.append(Problem(rel, line, message, hint))
    return problems
