"""Every contributed Markdown text a build publishes, and the page it is published on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import urls
from ..plan import Site
from ..records import Source

_TICKS = re.compile(r"`+|\n[ \t]*\n")


@dataclass(frozen=True)
class Contributed:
    """A Markdown text as written, where it comes from, and the page it appears on."""

    body: str
    source: Source
    uri: str
    """The page it is rendered into: relative links in it resolve from there."""


def contributed_texts(site: Site) -> Iterator[Contributed]:
    """Guide and step bodies this site builds, theory and interview pages, `docs/` pages,
    and a town pack's intro, notes (of built steps) and pages."""
    package = site.package
    for slug in site.guides:
        guide = package.guides[slug]
        yield Contributed(guide.body, guide.source, urls.guide_uri(slug))
        for step in guide.steps:
            if step.id in site.built:
                yield Contributed(step.body, step.source, urls.step_uri(step.id))
    for page in [*package.pages, *package.interviews]:
        yield Contributed(page.body, page.source, page.uri)
    pack = site.pack
    for doc in package.docs:
        if pack is not None and doc.uri == urls.HOME:
            continue  # a town pack has its own home page
        yield Contributed(doc.body, doc.source, doc.uri)
    if pack is None:
        return
    if pack.intro is not None and pack.intro_source is not None:
        yield Contributed(pack.intro, pack.intro_source, urls.HOME)
    for step_id, note in pack.notes.items():
        if step_id in site.built:
            yield Contributed(note.body, note.source, urls.step_uri(step_id))
    for page in pack.pages:
        yield Contributed(page.body, page.source, page.uri)


def mask_code(text: str) -> str:
    """The text with fenced code blocks and code spans blanked out (newlines kept)."""
    if "`" not in text and "~~~" not in text:
        return text  # no code: most texts
    if "```" in text or "~~~" in text:
        text = _mask_fences(text)
    if "`" not in text:
        return text
    chars = list(text)
    opened: dict[int, int] = {}  # length of an unclosed run of backticks -> where it starts
    for match in _TICKS.finditer(text):
        ticks = match.group()
        if ticks[0] != "`":
            opened.clear()  # code spans end at a blank line
        elif len(ticks) in opened:
            start = opened.pop(len(ticks))
            opened = {n: at for n, at in opened.items() if at < start}
            span = range(start, match.end())
            chars[start : match.end()] = [" " if chars[k] != "\n" else "\n" for k in span]
        else:
            opened[len(ticks)] = match.start()
    return "".join(chars)


def _mask_fences(text: str) -> str:
    """The text with fenced code blocks blanked out (newlines kept)."""
    lines = text.split("\n")
    fence: tuple[str, int, int] | None = None  # character, length, first line
    for i, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        mark = stripped[:1]
        run = len(stripped) - len(stripped.lstrip(mark)) if mark in ("`", "~") else 0
        if len(line) - len(stripped) > 3 or run < 3:
            continue
        if fence is None:
            fence = (mark, run, i)
        elif mark == fence[0] and run >= fence[1] and not stripped[run:].strip():
            for j in range(fence[2], i + 1):
                lines[j] = " " * len(lines[j])
            fence = None
    return "\n".join(lines)
