"""Scaffolding for contributors: new guide and step files, and the JSON Schemas for editors.

`guide_text` and `step_text` are pure: they return the text of a new `index.md` or step
file with every front matter key present and explained in YAML comments. `new_guide` and
`new_step` read the guide folder and return a `Scaffold` (the file to write, the step files
to renumber, what to do next) without touching anything; `apply` carries it out and never
overwrites a file.

Values the contributor must write are left empty (`""`), so a fresh scaffold fails
`check` with one problem per value still to write, each with its line and a hint; once the
text is written it passes, with no other edit. Optional lists start empty (`[]`).
"""

from __future__ import annotations

import json
import os
import re
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from .loader import STEP_FILE
from .model import SLUG, GuideMeta, Pitch, StepMeta, json_schemas
from .problems import did_you_mean

SCHEMA_DIR = "schema"
WIDTH = 92
MAX_SLUG = 60


class ScaffoldError(ValueError):
    """A scaffold that cannot be made; the message says why and what to do instead."""


@dataclass(frozen=True)
class Scaffold:
    """A new file (path relative to the repository, text), step files to renumber first
    (old path, new path), and what to do next."""

    path: str
    text: str
    renames: tuple[tuple[str, str], ...] = ()
    next_steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Existing:
    order: int
    slug: str
    name: str


# --- text --------------------------------------------------------------------------------


def slugify(title: str) -> str:
    """A slug from a title: `Members' first meeting` -> `members-first-meeting`."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['’`]", "", text)
    slug = ""
    for word in re.findall(r"[a-z0-9]+", text):
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > MAX_SLUG and slug:
            break
        slug = longer
    return slug[:MAX_SLUG]


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: str = "") -> list[str]:
    lines = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(
            paragraph,
            WIDTH - len(indent) - 2,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
    return [f"{indent}# {line}".rstrip() for line in lines]


def _entry(key: str, note: str, value: list[str] | str, indent: str = "") -> list[str]:
    """Comment lines, then `key: value` (or `key:` and the given indented lines)."""
    lines = ["", *_comment(note, indent)]
    if isinstance(value, str):
        return [*lines, f"{indent}{key}: {value}"]
    return [*lines, f"{indent}{key}:", *(f"{indent}  {line}" for line in value)]


def _other_fields(model: type[BaseModel], known: set[str], indent: str = "") -> list[str]:
    """Keys the model has and this module does not know yet: its description and default."""
    lines: list[str] = []
    for name, info in model.model_fields.items():
        if name in known:
            continue
        if info.is_required():
            value = '""'
        else:
            value = json.dumps(info.get_default(call_default_factory=True), ensure_ascii=False)
        lines += _entry(name, info.description or f"`{name}`.", value, indent)
    return lines


def _only(model: type[BaseModel], entries: dict[str, list[str]], indent: str = "") -> list[str]:
    """The entries for keys the model has, in the model's order, then any unknown to us."""
    lines: list[str] = []
    for name in model.model_fields:
        lines += entries.get(name, [])
    return lines + _other_fields(model, set(entries), indent)


HEADER = [
    "# Lines starting with # are notes for you: you may delete them.",
    '# Write your text between the quotes "" (inside them, use ‘curly’ quotes, not a straight ").',
    "# Then run `python build.py check`: it names every value still to write, with its line.",
]


def guide_text(slug: str, title: str) -> str:
    """The `index.md` of a new guide: every key present, explained, text left to write."""
    pitch = {
        "problem": _entry(
            "problem",
            "The problem this project answers, in two or three plain sentences: who it "
            "affects and what it costs them.",
            '""',
            "  ",
        ),
        "offer": _entry("offer", "What the project offers, and how it works.", '""', "  "),
        "who_benefits": _entry(
            "who_benefits",
            "Who benefits, one per line. Add a line starting `- ` for each.",
            ['- ""'],
            "  ",
        ),
        "costs": _entry(
            "costs",
            "Typical start-up and running costs, as honest ranges in pounds.",
            '""',
            "  ",
        ),
        "first_steps": _entry(
            "first_steps",
            "The first few things to do, one per line. Add a line starting `- ` for each.",
            ['- ""'],
            "  ",
        ),
        "connects_to": _entry(
            "connects_to",
            "How it connects to the other projects in the package (which steps it shares, "
            "what it buys from or sells to them). Optional.",
            '""',
            "  ",
        ),
        "examples": _entry(
            "examples",
            "Real organisations that run this model, each with the address of its web page. "
            "Write them one per line, like this:\n"
            '- {title: "Co-operatives UK", url: "https://www.uk.coop"}\n'
            "Leave [] if you have none yet.",
            "[]",
            "  ",
        ),
        "ask": _entry("ask", "What you ask of the council or funder, concretely.", '""', "  "),
    }
    entries = {
        "title": _entry(
            "title",
            "The guide's title: what a community will do, e.g. `Start a co-operative grocery`.",
            _quoted(title),
        ),
        "summary": _entry(
            "summary",
            "One or two sentences on what the guide helps a community do. Shown on the list "
            "of guides and in search results.",
            '""',
        ),
        "essential": _entry(
            "essential",
            "Essential guides are in every package; only care and exchange are. Leave false.",
            "false",
        ),
        "maintainers": _entry(
            "maintainers",
            "Who keeps this guide up to date: your organisation, and people who agreed to be "
            "named. Shown on every page of the guide. Add a line starting `- ` for each.",
            ['- ""'],
        ),
        "licence": _entry(
            "licence",
            "Licence of the guide's text. Every guide in the package is CC BY-SA 4.0 "
            "(see LICENSE-CONTENT.md): keep this value.",
            "CC-BY-SA-4.0",
        ),
        "pitch": [
            *_entry(
                "pitch",
                "The pitch deck, for a council officer or funder with five minutes: plain "
                "words and honest figures.",
                [],
            ),
            *_only(Pitch, pitch, "  ")[1:],  # no blank line straight after `pitch:`
        ],
    }
    lines = [
        "---",
        f"# yaml-language-server: $schema=../../{SCHEMA_DIR}/guide.json",
        f"# The guide `{slug}`. Its steps are the files NN-<step>.md beside this one; add one with",
        f'#   python build.py new step {slug} "Title of the step"',
        *HEADER,
        *_only(GuideMeta, entries),
        "---",
        "",
        "<!--",
        *textwrap.wrap(
            "Write the guide's introduction below, in plain Markdown, and delete this note: "
            "who the guide is for, what a community will have at the end, how long it "
            "usually takes, what is hard, and where to get support. Three or four short "
            "paragraphs are enough. Readers will not see this note.",
            WIDTH,
        ),
        "-->",
        "",
    ]
    return "\n".join(lines)


def step_text(guide: str, slug: str, title: str, requires: list[str]) -> str:
    """A new step file: every key present, explained, text left to write."""
    example = requires[0] if requires else "foundations/open-a-bank-account"
    entries = {
        "title": _entry(
            "title",
            "The step as an action a group takes, e.g. `Open a bank account`.",
            _quoted(title),
        ),
        "summary": _entry(
            "summary",
            "One sentence: what this step achieves. Shown under the title, in the guide's "
            "list of steps and in search results.",
            '""',
        ),
        "requires": _entry(
            "requires",
            "Steps that must be done before this one, in any guide, by their ids. A step's id "
            "is its guide's folder and its file name without the number and `.md`: "
            "guides/foundations/06-open-a-bank-account.md is foundations/open-a-bank-account. "
            + (
                "We put in the step before this one; change or add to it, e.g. "
                f"[{example}, foundations/open-a-bank-account]. [] for none."
                if requires
                else f"Write them like [{example}]; [] for none."
            ),
            "[" + ", ".join(requires) + "]",
        ),
        "related": _entry(
            "related",
            "Steps worth reading alongside, in any guide, by their ids; no order implied. "
            "[] for none.",
            "[]",
        ),
        "involve": _entry(
            "involve",
            "Who to include at this step, one per line, e.g. members, the council, local "
            "suppliers, people who use the service. Add a line starting `- ` for each.",
            ['- ""'],
        ),
        "effort": _entry(
            "effort",
            'Typical time and cost. time: like "3 days", "2-4 weeks" or "3-6 months". cost, '
            'in pounds: like "£0", "£200", "£0-200" or "£500-2,000". If you cannot say, '
            "delete these three lines.",
            ['time: ""', 'cost: ""'],
        ),
        "resources": _entry(
            "resources",
            "Public pages of real organisations, laws, guidance or model rules that help with "
            "this step: at least two, each a title and a web address starting https://. Copy "
            "the two lines starting `- title:` and `url:` for each one more.",
            ['- title: ""', '  url: ""', '- title: ""', '  url: ""'],
        ),
        "aliases": _entry(
            "aliases",
            "Ids this step had before it was renamed or moved, so old links still work. A new "
            "step has none: leave [].",
            "[]",
        ),
    }
    lines = [
        "---",
        f"# yaml-language-server: $schema=../../{SCHEMA_DIR}/step.json",
        f"# A step of the guide `{guide}`. Other steps name it by its id: {guide}/{slug}",
        *HEADER,
        *_only(StepMeta, entries),
        "---",
        "",
        "<!--",
        *textwrap.wrap(
            "Write the step below, in plain Markdown, under the three headings (300 to 900 "
            "words in all), then delete this note. Why it matters: what this step achieves "
            "and what goes wrong without it. What to do: numbered actions a group can "
            "follow. Who to involve: who to bring in, and how to include people who are "
            "often left out. Readers will not see this note.",
            WIDTH,
        ),
        "-->",
        "",
        "## Why it matters",
        "",
        "## What to do",
        "",
        "## Who to involve",
        "",
    ]
    return "\n".join(lines)


# --- plans -------------------------------------------------------------------------------


def _guide_folders(root: Path) -> list[str]:
    folder = root / "guides"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name[0] not in "._")


def _check_slug(slug: str, what: str) -> None:
    if not re.match(SLUG, slug):
        raise ScaffoldError(
            f"`{slug}` is not a valid {what}: use lowercase letters, digits and single "
            "hyphens, e.g. `community-energy`"
        )


def new_guide(root: Path, slug: str, title: str) -> Scaffold:
    """Plan `guides/<slug>/index.md` for a new guide; refuses an existing guide."""
    _check_slug(slug, "guide name")
    title = _check_title(title)
    rel = f"guides/{slug}/index.md"
    if (root / rel).exists():
        raise ScaffoldError(
            f"{rel} already exists: guide `{slug}` is there. To add a step to it: "
            f'python build.py new step {slug} "Title of the step"'
        )
    return Scaffold(
        rel,
        guide_text(slug, title),
        next_steps=(
            f'Open {rel} and write the text between the quotes "" (the lines starting with '
            "# say what goes where), and the introduction below the front matter.",
            f'Add its first step: python build.py new step {slug} "What the group does first"',
            "Run: python build.py check (it names every value still to write, with its line)",
            f"Preview: make serve, then open http://127.0.0.1:8000/guides/{slug}/",
        ),
    )


def _check_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError('give a title in quotes, e.g. "Open a bank account"')
    return title


def _existing_steps(folder: Path) -> list[_Existing]:
    found = []
    for path in sorted(folder.glob("*.md")):
        match = STEP_FILE.match(path.name)
        if match and re.match(SLUG, match.group(2)):
            found.append(_Existing(int(match.group(1)), match.group(2), path.name))
    return sorted(found, key=lambda s: (s.order, s.slug))


def _file_name(order: int, slug: str) -> str:
    return f"{order:02d}-{slug}.md"


def new_step(
    root: Path, guide: str, title: str, after: str | None = None, slug: str | None = None
) -> Scaffold:
    """Plan the next numbered step file of `guide` (after the step `after`, when given).

    Inserting after step NN makes step NN+1 and renumbers the later files; step ids do not
    change, since they hold no number.
    """
    title = _check_title(title)
    _check_slug(guide, "guide name")
    folder = root / "guides" / guide
    if not (folder / "index.md").is_file():
        folders = _guide_folders(root)
        hint = did_you_mean(guide, folders)
        raise ScaffoldError(
            f"there is no guide `{guide}` (no guides/{guide}/index.md).{hint} To start a new "
            f'guide: python build.py new guide {guide} "Title of the guide"'
        )
    slug = slug or slugify(title)
    if not slug:
        raise ScaffoldError("the title gives no usable file name: add --slug, e.g. --slug start")
    _check_slug(slug, "step name (--slug)")
    steps = _existing_steps(folder)
    for step in steps:
        if step.slug == slug:
            raise ScaffoldError(
                f"guides/{guide}/{step.name} already has the id `{guide}/{slug}`: choose "
                "another title, or give the new step its own name with --slug"
            )
    if after:
        after_guide, _, after_slug = after.rpartition("/")
        if after_guide and after_guide != guide:
            raise ScaffoldError(
                f"--after must name a step of `{guide}`, not `{after}`; to link to a step of "
                "another guide, add its id to `requires:` in the new file"
            )
        previous = next((s for s in steps if s.slug == after_slug), None)
        if previous is None:
            hint = did_you_mean(after_slug, [s.slug for s in steps])
            raise ScaffoldError(f"guide `{guide}` has no step `{after_slug}`.{hint}")
        order = previous.order + 1
    else:
        previous = steps[-1] if steps else None
        order = previous.order + 1 if previous else 1
    renames = _renumber(guide, steps, order)
    rel = f"guides/{guide}/{_file_name(order, slug)}"
    requires = [f"{guide}/{previous.slug}"] if previous else []
    moved = tuple(f"{Path(a).name} is now {Path(b).name}" for a, b in renames)
    return Scaffold(
        rel,
        step_text(guide, slug, title, requires),
        renames,
        next_steps=(
            *((f"Renumbered (ids do not change): {'; '.join(moved)}",) if moved else ()),
            f'Open {rel} and write the text between the quotes "" and under the three '
            "headings (the lines starting with # say what goes where).",
            "Link it to steps of other guides: add their ids to `requires:` or `related:`, "
            "e.g. foundations/form-a-founding-group (a step's id is its guide's folder and its "
            "file name without the number and .md).",
            "Run: python build.py check (it names every value still to write, with its line)",
            f"Preview: make serve, then open http://127.0.0.1:8000/guides/{guide}/{slug}/",
        ),
    )


def _renumber(guide: str, steps: list[_Existing], order: int) -> tuple[tuple[str, str], ...]:
    """Renames that free the number `order`: the run of numbers from it up moves up by one."""
    by_order: dict[int, list[_Existing]] = {}
    for step in steps:
        by_order.setdefault(step.order, []).append(step)
    shifted: list[_Existing] = []
    number = order
    while number in by_order:
        shifted += by_order[number]
        number += 1
    folder = f"guides/{guide}"
    return tuple(
        (f"{folder}/{s.name}", f"{folder}/{_file_name(s.order + 1, s.slug)}")
        for s in sorted(shifted, key=lambda s: -s.order)
    )


def apply(root: Path, scaffold: Scaffold) -> None:
    """Renumber, then write the new file; refuses to overwrite anything."""
    target = root / scaffold.path
    moving = {root / a for a, _ in scaffold.renames}
    if target.exists() and target not in moving:
        raise ScaffoldError(f"{scaffold.path} already exists; nothing was changed")
    for _, new in scaffold.renames:
        if (root / new).exists() and root / new not in moving:
            raise ScaffoldError(f"{new} already exists; nothing was changed")
    for old, new in scaffold.renames:  # highest number first, so no rename overwrites
        if (root / new).exists():
            raise ScaffoldError(f"{new} already exists; stopped before renaming {old}")
        os.rename(root / old, root / new)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8", newline="\n") as out:
        out.write(scaffold.text)


# --- schemas for editors -----------------------------------------------------------------


def schema_files() -> dict[str, str]:
    """The JSON Schema files committed under schema/, by path relative to the repository."""
    return {
        f"{SCHEMA_DIR}/{name}.json": json.dumps(schema, indent=2) + "\n"
        for name, schema in json_schemas().items()
    }


def stale_schemas(root: Path) -> list[str]:
    """The schema files that are missing or differ from the models."""
    stale = []
    for rel, text in schema_files().items():
        path = root / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(rel)
    return stale


def write_schemas(root: Path) -> list[str]:
    """Write the schema files that are stale; returns their paths."""
    files = schema_files()
    stale = stale_schemas(root)
    for rel in stale:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[rel], encoding="utf-8", newline="\n")
    return stale
