"""Texts that Markdown would take minutes to render, or fail on: deep nesting, bracket runs.

Python-Markdown's time grows with the cube of list nesting (200 levels: about a second; a
thousand: a minute, then a RecursionError) and with the square of the number of `[`
(4,000: about five seconds). No guide needs either, so `check` stops them with a message
before the build would hang or crash on them.
"""

from __future__ import annotations

import re

from ..plan import Site
from ..problems import Problem
from .texts import contributed_texts

MAX_DEPTH = 20
MAX_BRACKETS = 2000
_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]", re.M)
_NESTED_MARKERS = re.compile(  # more than MAX_DEPTH quote or list markers before a line's text
    rf"\n(?:[ \t]*(?:>|[-*+][ \t]|\d{{1,9}}[.)][ \t])){{{MAX_DEPTH + 1}}}"
)  # `\n` rather than `^` with re.M: five times faster (searched in "\n" + text)


def nesting_problems(site: Site) -> list[Problem]:
    """Every contributed text nested too deeply or holding too many `[`."""
    found: list[Problem] = []
    for text in contributed_texts(site):
        problem = _problem(text.body, text.source.rel, text.source.body_line)
        if problem is not None:
            found.append(problem)
    return found


def _problem(text: str, rel: str, first_line: int) -> Problem | None:
    if text.count("[") > MAX_BRACKETS:
        return Problem(
            rel,
            first_line,
            f"the text holds {text.count('['):,} `[` (at most {MAX_BRACKETS:,})",
            "split the page, or write `\\[` where a bracket is not a link",
        )
    deep = _NESTED_MARKERS.search("\n" + text)  # a match starts where its line starts in `text`
    if deep is None and ("\t" in text or " " * (4 * MAX_DEPTH) in text):
        deep = next(
            (m for m in _LIST_ITEM.finditer(text) if _columns(m.group(1)) > 4 * MAX_DEPTH), None
        )
    if deep is not None:
        return Problem(
            rel,
            first_line + text.count("\n", 0, deep.start()),
            f"lists or quotes are nested more than {MAX_DEPTH} levels deep",
            "flatten them: a reader cannot follow so many levels either",
        )
    return None


def _columns(indent: str) -> int:
    return len(indent.expandtabs(4))
