"""Typed records of the content model: one source for validation and JSON Schema.

Front matter is validated by the pydantic models here (`*Meta`); the loader wraps a
validated front matter with where it came from in the plain records (`Step`, `Guide`, ...).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
STEP_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$"
TIME = r"^\d+(?:-\d+)? (?:day|week|month|year)s?$"
COST = r"^£\d{1,3}(?:,\d{3})*(?:-£?\d{1,3}(?:,\d{3})*)?$"
URL = r"^https?://[^\s<>\"']+$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
StepId = Annotated[
    str,
    StringConstraints(pattern=STEP_ID),
    Field(
        description="A full step id, `<guide>/<step-slug>`, e.g. `foundations/open-a-bank-account`."
    ),
]
Url = Annotated[
    str, StringConstraints(pattern=URL), Field(description="A web address starting https://")
]


class _Strict(BaseModel):
    """Base of every front matter model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Link(_Strict):
    """A link to a public page."""

    title: Text = Field(description="What the page is, e.g. `Co-operatives UK: model rules`.")
    url: Url


class Effort(_Strict):
    """Typical time and cost of a step."""

    time: str = Field(
        pattern=TIME,
        description="How long it typically takes: `3 days`, `2-4 weeks`, `3-6 months`.",
    )
    cost: str = Field(
        pattern=COST,
        description="Typical cost in pounds: `£0`, `£200`, `£0-200`, `£500-2,000`.",
    )


class StepMeta(_Strict):
    """Front matter of a step file, `guides/<guide>/NN-<slug>.md`."""

    title: Text = Field(description="The step as an action, e.g. `Open a bank account`.")
    summary: Text = Field(description="One sentence: what this step achieves.")
    requires: list[StepId] = Field(
        default_factory=list,
        description="Steps that must be done before this one, as full ids `<guide>/<step-slug>`.",
    )
    related: list[StepId] = Field(
        default_factory=list,
        description="Steps worth reading alongside (full ids); no order implied.",
    )
    involve: list[Text] = Field(
        default_factory=list, description="Who to include at this step, e.g. `members`."
    )
    effort: Effort | None = Field(default=None, description="Typical time and cost.")
    resources: list[Link] = Field(
        default_factory=list, description="Public pages of real organisations, laws, model rules."
    )
    aliases: list[StepId] = Field(
        default_factory=list,
        description="Ids this step had before a rename or move, as full ids `<guide>/<old-slug>`: "
        "old URLs redirect here and progress ticked under an old id still counts.",
    )


class Pitch(_Strict):
    """What a guide's pitch deck is built from: for a council officer with five minutes."""

    problem: Text = Field(description="The problem this project answers.")
    offer: Text = Field(description="What the project offers.")
    who_benefits: list[Text] = Field(min_length=1, description="Who benefits, one per item.")
    costs: Text = Field(description="Typical start-up and running costs, as honest ranges.")
    first_steps: list[Text] = Field(min_length=1, description="The first few things to do.")
    connects_to: str = Field(default="", description="How it connects to the other projects.")
    examples: list[Link] = Field(
        default_factory=list, description="Real organisations' pages that show the model."
    )
    ask: Text = Field(description="What you ask of the council or funder.")


class GuideMeta(_Strict):
    """Front matter of a guide, `guides/<guide>/index.md`."""

    title: Text = Field(description="The guide's title, e.g. `Start a co-operative grocery`.")
    summary: Text = Field(description="One or two sentences on what the guide helps you do.")
    essential: bool = Field(
        default=False, description="Essential guides are in every package (care and exchange)."
    )
    maintainers: list[Text] = Field(
        default_factory=list, description="Who keeps this guide up to date."
    )
    licence: Text = Field(default="CC-BY-SA-4.0", description="Licence of the guide's text.")
    pitch: Pitch


class PageMeta(_Strict):
    """Front matter of a theory essay or other plain content page."""

    title: Text
    summary: Text = Field(description="One sentence: what the page is about.")


class Person(_Strict):
    """Someone who appears in an interview, with their consent."""

    name: Text
    role: Text = Field(description="Their role, e.g. `founding member, grocery co-op`.")


class Video(_Strict):
    """A video that loads only when the reader clicks it."""

    provider: Literal["peertube", "youtube"]
    id: str = Field(pattern=r"^[A-Za-z0-9_-]{6,64}$", description="The video's id on the host.")
    host: str | None = Field(
        default=None,
        pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$",
        description="PeerTube only: the instance's domain, e.g. `peertube.example.org`.",
    )


class InterviewMeta(_Strict):
    """Front matter of an interview page, `interviews/<yyyy>-<slug>.md`."""

    title: Text
    summary: Text
    date: dt.date = Field(description="When the interview was recorded, YYYY-MM-DD.")
    people: list[Person] = Field(min_length=1)
    video: Video | None = None
    related: list[StepId] = Field(default_factory=list, description="Steps this interview informs.")


class Contact(_Strict):
    """A local contact shown on a town pack's pages."""

    name: Text
    role: Text
    url: Url | None = None
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class PackMeta(_Strict):
    """A town pack, `packs/<pack>/pack.yml`."""

    name: Text = Field(description="The town or area, shown across the site.")
    guides: list[Annotated[str, StringConstraints(pattern=SLUG)]] = Field(
        default_factory=list, description="Picked projects; essential guides are always added."
    )
    intro: str | None = Field(
        default=None, description="Optional home page text, e.g. `pages/welcome.md`."
    )
    contacts: list[Contact] = Field(default_factory=list)
    variables: dict[Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*$")], str] = Field(
        default_factory=dict, description="Values for `{{ pack.variables.NAME }}` in guides."
    )


SCHEMAS: dict[str, type[BaseModel]] = {
    "step": StepMeta,
    "guide": GuideMeta,
    "page": PageMeta,
    "interview": InterviewMeta,
    "pack": PackMeta,
}


def json_schemas() -> dict[str, dict]:
    """JSON Schema of every front matter model, by name (`step`, `guide`, ...)."""
    schemas = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.json"
        schemas[name] = schema
    return schemas


# --- records: validated front matter plus where it came from -------------------------


@dataclass(frozen=True)
class Source:
    """A content file: its path relative to the repository and its text lines of keys."""

    path: Path
    rel: str
    lines: dict[tuple, int] = field(default_factory=dict, compare=False, repr=False)
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
    """One step of a guide."""

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
    """A plain content page (theory essay, interview kit page)."""

    uri: str
    meta: PageMeta
    body: str
    source: Source


@dataclass
class Interview:
    """An interview with a founder."""

    uri: str
    meta: InterviewMeta
    body: str
    source: Source


@dataclass
class Package:
    """Everything loaded from the content roots."""

    guides: dict[str, Guide] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    interviews: list[Interview] = field(default_factory=list)

    @property
    def steps(self) -> dict[str, Step]:
        """Every step by id, built once: renderers look steps up for every link.

        Built again when `guides` is replaced or gains or loses a guide; a guide's step
        list is complete when the loader adds the guide, and is not changed after.
        """
        cached = self.__dict__.get("_steps")
        if cached is None or cached[0] is not self.guides or cached[1] != len(self.guides):
            steps = {s.id: s for g in self.guides.values() for s in g.steps}
            cached = (self.guides, len(self.guides), steps)
            self.__dict__["_steps"] = cached
        return cached[2]
