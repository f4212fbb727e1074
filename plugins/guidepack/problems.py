"""Content problems: what is wrong, where (file:line), and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One content problem, printed as `file:line: message` and a hint on how to fix it.

    A warning (`warning=True`) is reported but does not fail a build: e.g. a town's local
    note written for an earlier version of its step.
    """

    file: str
    line: int
    message: str
    hint: str = ""
    warning: bool = False

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {'warning: ' if self.warning else ''}{self.message}"
        return f"{text}\n    fix: {self.hint}" if self.hint else text


def closest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The choices that look most like `word`, best first."""
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=0.5)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` Did you mean `x`?` (the closest choice) or empty when nothing is close."""
    near = closest(word, choices, n=1)
    if not near:
        return ""
    return " Did you mean " + " or ".join(f"`{c}`" for c in near) + "?"


def unknown_step_hint(step_id: str, steps: Mapping[str, object], renamed: Mapping[str, str]) -> str:
    """How to fix a reference to `step_id`, which is not a step: its new id, or a near one.

    `renamed` maps old ids (aliases) to the steps that carry them now.
    """
    if step_id in renamed:
        return f"`{step_id}` was renamed: use `{renamed[step_id]}`"
    near = closest(step_id, steps)
    if near:
        return "did you mean " + " or ".join(f"`{n}`" for n in near) + "?"
    return "use a full step id `<guide>/<step-slug>`: the step's file name without its number"
