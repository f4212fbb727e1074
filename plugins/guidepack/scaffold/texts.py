"""Texts of new guide and step files: every front matter key present and explained.

`guide_text` and `step_text` are pure. Values the contributor must write are left empty
(`""`), so a fresh scaffold fails `check` with one problem per value still to write, each
with its line and a hint; once the text is written it passes, with no other edit.
"""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata

from pydantic import BaseModel

from ..model import GuideMeta, Pitch, StepMeta

SCHEMA_DIR = "schema"
WIDTH = 92
MAX_SLUG = 60


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
