"""Front matter models: one source for validation and the published JSON Schemas.

Every text field is plain text: it is shown escaped, never read as Markdown or HTML, and
may not hold control characters (tab and newline aside) or bidirectional overrides.
`records` wraps validated front matter with where it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from . import effort

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
STEP_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$"
URL = r"^https?://[^\s<>\"'\\]+$"
# C0 controls except tab and newline, DEL, C1 controls, the bidirectional overrides that
# make text read differently from how it is stored ("Trojan source"), lone surrogates
# (YAML's "\ud800" escapes; no file can hold them) and Unicode's noncharacters.
FORBIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)


def _plain(value: str) -> str:
    match = FORBIDDEN_CHARACTERS.search(value)
    if match:
        raise ValueError(
            f"holds U+{ord(match.group()):04X}, an invisible control or non-text character: "
            "delete it (it often comes from copying out of a PDF or a word processor)"
        )
    return value


def _text(max_length: int) -> Any:
    """A required one-line-or-paragraph text of at most `max_length` characters."""
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        AfterValidator(_plain),
    ]


Text = _text(2000)
Title = _text(200)  # a heading, a name: long enough for any real one, short enough to lay out
Summary = _text(600)
OptionalText = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_plain)]
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


class Resource(_Strict):
    """A public page: a resource of a step, or an example in a pitch."""

    title: Title = Field(description="What the page is, e.g. `Co-operatives UK: model rules`.")
    url: Url


def _time(value: str) -> str:
    effort.parse_time(value)
    return value


def _cost(value: str) -> str:
    effort.parse_cost(value)
    return value


class Effort(_Strict):
    """Typical time and cost of a step."""

    time: Annotated[str, AfterValidator(_time)] = Field(
        pattern=effort.TIME,
        description="How long until the step is done enough to unlock the steps after it, as "
        "a range a planner can add up: `3 days`, `2-4 weeks`, `3-9 months`.",
    )
    cost: Annotated[str, AfterValidator(_cost)] = Field(
        pattern=effort.COST,
        description="Typical cost in pounds: `£0`, `£200`, `£0-200`, `£500-2,000`.",
    )


class StepMeta(_Strict):
    """Front matter of a step file, `guides/<guide>/NN-<slug>.md`."""

    title: Title = Field(description="The step as an action, e.g. `Open a bank account`.")
    summary: Summary = Field(description="One sentence: what this step achieves.")
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
    resources: list[Resource] = Field(
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
    connects_to: OptionalText = Field(
        default="", description="How it connects to the other projects."
    )
    examples: list[Resource] = Field(
        default_factory=list, description="Real organisations' pages that show the model."
    )
    ask: Text = Field(description="What you ask of the council or funder.")


class GuideMeta(_Strict):
    """Front matter of a guide, `guides/<guide>/index.md`."""

    title: Title = Field(description="The guide's title, e.g. `Start a co-operative grocery`.")
    summary: Summary = Field(description="One or two sentences on what the guide helps you do.")
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

    title: Title
    summary: Summary = Field(description="One sentence: what the page is about.")


class IntroMeta(_Strict):
    """Front matter of a town pack's home page text (`intro:`); all of it optional."""

    title: Title | None = None
    summary: Summary | None = None


class Person(_Strict):
    """Someone who appears in an interview, with their consent."""

    name: Title
    role: Text = Field(description="Their role, e.g. `founding member, grocery co-op`.")


YOUTUBE_EMBED_HOST = "www.youtube-nocookie.com"  # YouTube's privacy-enhanced mode


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

    title: Title
    summary: Summary
    date: dt.date = Field(description="When the interview was recorded, YYYY-MM-DD.")
    people: list[Person] = Field(min_length=1)
    video: Video | None = None
    related: list[StepId] = Field(default_factory=list, description="Steps this interview informs.")


class Contact(_Strict):
    """A local contact shown on a town pack's pages."""

    name: Title
    role: Text
    url: Url | None = None
    email: str | None = Field(
        default=None, pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$"
    )


class PackMeta(_Strict):
    """A town pack, `packs/<pack>/pack.yml`."""

    name: Title = Field(description="The town or area, shown across the site.")
    guides: list[Annotated[str, StringConstraints(pattern=SLUG)]] = Field(
        default_factory=list, description="Picked projects; essential guides are always added."
    )
    intro: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_./-]+\.md$",
        description="Optional home page text, a Markdown file in the pack folder, e.g. "
        "`pages/welcome.md`.",
    )
    contacts: list[Contact] = Field(default_factory=list)
    variables: dict[Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*$")], Text] = Field(
        default_factory=dict, description="Values for `{{ pack.variables.NAME }}` in guides."
    )


HIDDEN_PARTS = Literal["navigation", "toc", "footer", "tags", "feedback", "path"]


class Search(_Strict):
    """How the site's search treats a page."""

    boost: float = Field(default=1.0, ge=0, le=10)
    exclude: bool = False


class PostDate(_Strict):
    created: dt.date
    updated: dt.date | None = None


class DocMeta(_Strict):
    """Front matter of a page in `docs/` (the home page, the blog and its posts)."""

    title: Title | None = Field(
        default=None, description="The page's title; without it, the first `# ` heading."
    )
    description: Summary | None = Field(
        default=None, description="One sentence for search engines."
    )
    hide: list[HIDDEN_PARTS] = Field(default_factory=list, description="Parts of the page to hide.")
    search: Search | None = None
    date: dt.date | PostDate | None = Field(default=None, description="Blog posts: YYYY-MM-DD.")
    draft: bool = False
    pin: bool = False
    authors: list[Annotated[str, StringConstraints(pattern=SLUG)]] = Field(default_factory=list)
    categories: list[
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9 '-]{0,40}$")]
    ] = Field(default_factory=list, description="Blog posts: categories, e.g. `News`.")
    readtime: int | None = Field(default=None, ge=1, le=120)
    slug: Annotated[str, StringConstraints(pattern=SLUG)] | None = None


class NoteReview(_Strict):
    """Which version of its step a town's note was last read against (`build.py pack review`)."""

    step: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")] = Field(
        description="Fingerprint of the step's text when the note was reviewed."
    )
    date: dt.date = Field(description="When, YYYY-MM-DD. (Not `on:`, which YAML reads as true.)")


class NoteMeta(_Strict):
    """Front matter of a town's local note, `packs/<pack>/notes/<guide>/<step>.md`."""

    reviewed: NoteReview | None = None


SCHEMAS: dict[str, type[BaseModel]] = {
    "step": StepMeta,
    "guide": GuideMeta,
    "page": PageMeta,
    "interview": InterviewMeta,
    "pack": PackMeta,
    "docs": DocMeta,
    "note": NoteMeta,
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
