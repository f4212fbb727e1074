"""Records: validated front matter plus where it came from, as the loader returns them."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .model import DocMeta, GuideMeta, InterviewMeta, NoteMeta, PackMeta, PageMeta, StepMeta


@dataclass(frozen=True)
class Source:
    """A content file: its path relative to the repository, and the line of each key."""

    path: Path
    rel: str
    lines: Mapping[tuple, int] = field(default_factory=dict, compare=False, repr=False)
    body_line: int = 1

    def line_of(self, loc: tuple = ()) -> int:
        """The file line of a front matter key path, or of its nearest parent."""
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


@dataclass
class Step:
    """One step of a guide; its id is `<guide>/<slug>`."""

    id: str
    guide: str
    slug: str
    order: int
    meta: StepMeta
    body: str
    source: Source

    @property
    def title(self) -> str:
        return self.meta.title

    @cached_property
    def fingerprint(self) -> str:
        """A short hash of what the step says (front matter and text, spacing aside): a
        town's note records it when reviewed, and a different one means the step changed."""
        meta = self.meta.model_dump_json(exclude={"aliases"})
        body = "\n".join(line.rstrip() for line in self.body.strip().split("\n"))
        return hashlib.sha256(f"{meta}\n{body}".encode()).hexdigest()[:12]


@dataclass
class Guide:
    """A guide: its front matter and its steps in order."""

    slug: str
    meta: GuideMeta
    body: str
    source: Source
    steps: list[Step] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.meta.title


@dataclass
class Page:
    """A theory essay, interview kit page or town pack page, published at `uri`."""

    uri: str
    meta: PageMeta
    body: str
    source: Source


@dataclass
class Interview:
    """An interview with a founder, published at `uri`."""

    uri: str
    meta: InterviewMeta
    body: str
    source: Source


@dataclass
class DocPage:
    """A Markdown page of the site shell in `docs/` (home page, blog, posts).

    The engine reads these files itself; the core checks them and, for `export`, writes
    them with the same safe front matter the MkDocs adapter gives them.
    """

    uri: str
    meta: DocMeta
    title: str
    body: str
    source: Source


@dataclass
class Package:
    """Everything loaded from the content roots. Not changed after loading."""

    guides: dict[str, Guide] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    interviews: list[Interview] = field(default_factory=list)
    docs: list[DocPage] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)
    """Other files in `docs/` (images, stylesheets), as site paths."""

    @cached_property
    def steps(self) -> dict[str, Step]:
        """Every step by id."""
        return {s.id: s for g in self.guides.values() for s in g.steps}

    @cached_property
    def renamed(self) -> dict[str, str]:
        """Every old step id (`aliases:`) and the live step it names now (the first to claim it)."""
        found: dict[str, str] = {}
        for step in self.steps.values():
            for alias in step.meta.aliases:
                if alias not in self.steps:
                    found.setdefault(alias, step.id)
        return found

    def guide_of(self, step_id: str) -> Guide:
        """The guide a step belongs to."""
        return self.guides[self.steps[step_id].guide]


@dataclass
class Note:
    """A town's local note on one step.

    `named` is the step id its file name gives; it differs from `step` when the step was
    renamed (the note follows it through the step's `aliases:`).
    """

    step: str
    named: str
    meta: NoteMeta
    body: str
    source: Source


@dataclass
class Pack:
    """A loaded town pack."""

    slug: str
    meta: PackMeta
    source: Source
    intro: str | None = None
    intro_source: Source | None = None
    notes: dict[str, Note] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.meta.name
