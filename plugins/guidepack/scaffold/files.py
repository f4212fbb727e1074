"""New guide and step files: what to write, what to renumber, and writing it safely.

`new_guide` and `new_step` read the guide folder and return a `Scaffold` (the file to
write, the step files to renumber, what to do next) without touching anything; `apply`
carries it out and never overwrites a file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..load import STEP_FILE
from ..model import SLUG
from ..problems import did_you_mean
from .texts import guide_text, slugify, step_text


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
