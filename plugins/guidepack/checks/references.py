"""References between steps: `requires`, `related`, `aliases`, and interviews' `related`.

A reference must name a live step (not itself); requirements must not go round in a
circle; an old id (`aliases:`) must not be a live step, a reserved path, or claimed twice.
"""

from __future__ import annotations

import networkx as nx

from .. import graph as g
from ..load import RESERVED_STEP_SLUGS
from ..plan import Site
from ..problems import Problem, unknown_step_hint


def reference_problems(site: Site) -> list[Problem]:
    """Every broken reference, circular requirement and bad alias."""
    return [*_step_references(site), *_cycles(site), *_aliases(site), *_interviews(site)]


def _step_references(site: Site) -> list[Problem]:
    package = site.package
    steps = package.steps
    problems: list[Problem] = []
    for step in steps.values():
        for key in ("requires", "related"):
            for i, other in enumerate(getattr(step.meta, key)):
                if other == step.id:
                    problems.append(
                        Problem(
                            step.source.rel,
                            step.source.line_of((key, i)),
                            f"step `{step.id}` names itself in `{key}`",
                            f"remove `{other}` from `{key}`",
                        )
                    )
                elif other not in steps:
                    problems.append(
                        Problem(
                            step.source.rel,
                            step.source.line_of((key, i)),
                            f"`{key}` names `{other}`, which is not a step",
                            unknown_step_hint(other, steps, package.renamed),
                        )
                    )
    return problems


def _cycles(site: Site) -> list[Problem]:
    """One problem per group of steps that require each other in a circle."""
    if site.acyclic:
        return []
    G, steps = site.graph, site.package.steps
    problems = []
    for component in nx.strongly_connected_components(G):
        if len(component) < 2:
            continue
        start = min(component, key=lambda s: g.sort_key(G, s))
        cycle = [u for u, _ in nx.find_cycle(G.subgraph(component), source=start)]
        chain = " -> ".join(f"{s} ({steps[s].source.rel})" for s in [*cycle, cycle[0]])
        first = steps[cycle[1]]
        problems.append(
            Problem(
                first.source.rel,
                first.source.line_of(("requires",)),
                f"circular requirement: {chain}",
                "a step cannot (even indirectly) require itself; remove one `requires` entry "
                "in this circle",
            )
        )
    return problems


def _aliases(site: Site) -> list[Problem]:
    """An alias that is also a live step, a reserved path, or claimed twice."""
    steps = site.package.steps
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


def _interviews(site: Site) -> list[Problem]:
    package = site.package
    problems: list[Problem] = []
    for interview in package.interviews:
        for i, step_id in enumerate(interview.meta.related):
            if step_id not in package.steps:
                problems.append(
                    Problem(
                        interview.source.rel,
                        interview.source.line_of(("related", i)),
                        f"`related` names `{step_id}`, which is not a step",
                        unknown_step_hint(step_id, package.steps, package.renamed),
                    )
                )
    return problems
