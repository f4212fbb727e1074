"""Content problems: what is wrong, where (file:line), and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One content error, reported as `file:line: message` and a hint on how to fix it."""

    file: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.message}"
        return f"{text}\n    fix: {self.hint}" if self.hint else text


class ContentError(Exception):
    """Raised with every problem found when content cannot be built."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def closest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The choices that look most like `word`, best first."""
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=0.5)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` Did you mean `x`?` (the closest choice) or empty when nothing is close."""
    near = closest(word, choices, n=1)
    if not near:
        return ""
    return " Did you mean " + " or ".join(f"`{c}`" for c in near) + "?"
