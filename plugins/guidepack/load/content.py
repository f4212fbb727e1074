"""Read the content roots (guides/, theory/, interviews/) into records.

Every problem is collected, not raised, so `check` can report them all at once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..model import SLUG, GuideMeta, InterviewMeta, PageMeta, StepMeta
from ..problems import Problem
from ..records import Guide, Interview, Page, Source, Step
from . import frontmatter
from .explain import explain, kind_of
from .reader import list_folder, read_text, rel_path, walk_files

STEP_FILE = re.compile(r"^(\d{2,3})-(.+)\.md$")
INTERVIEW_FILE = re.compile(r"^\d{4}-")
CONTENT_ROOTS = ("guides", "theory", "interviews")
RESERVED_STEP_SLUGS = frozenset({"pitch", "index"})
"""Slugs a step may not have: `/guides/<g>/pitch/` is the deck, `index` the guide's page."""

M = TypeVar("M", bound=BaseModel)


def load_guides(root: Path, problems: list[Problem]) -> dict[str, Guide]:
    """Every guide folder under `guides/`, essentials first, then by slug."""
    guides: dict[str, Guide] = {}
    for folder in list_folder(root / "guides", root, problems, safe_names=False):
        if not folder.is_dir() or folder.name.startswith("_"):
            continue
        guide = _load_guide(root, folder, problems)
        if guide is not None:
            guides[guide.slug] = guide
    return dict(sorted(guides.items(), key=lambda item: (not item[1].meta.essential, item[0])))


def load_pages(root: Path, problems: list[Problem]) -> tuple[list[Page], list[Interview]]:
    """Theory essays and interview pages (and the interview kit), by site path."""
    pages: list[Page] = []
    interviews: list[Interview] = []
    for name in ("theory", "interviews"):
        folder = root / name
        for path in walk_files(folder, root, problems, suffix=".md"):
            uri = f"{name}/{path.relative_to(folder).as_posix()}"
            if name == "interviews" and INTERVIEW_FILE.match(path.name):
                parsed = read_record(root, path, InterviewMeta, problems)
                if parsed:
                    interviews.append(Interview(uri, *parsed))
            else:
                parsed = read_record(root, path, PageMeta, problems)
                if parsed:
                    pages.append(Page(uri, *parsed))
    return pages, interviews


def _load_guide(root: Path, folder: Path, problems: list[Problem]) -> Guide | None:
    """Load one guide folder: its index.md and its numbered step files."""
    rel_folder = rel_path(folder, root)
    slug = folder.name
    if not re.match(SLUG, slug):
        problems.append(
            Problem(
                rel_folder,
                0,
                f"guide folder name `{slug}` is not a valid slug",
                "use lowercase letters, digits and hyphens, e.g. `guides/community-energy`",
            )
        )
        return None
    index = folder / "index.md"
    if not index.exists() and not index.is_symlink():
        problems.append(
            Problem(
                rel_folder,
                0,
                f"guide folder `{slug}` has no index.md",
                f"create {rel_folder}/index.md with the guide's title, summary and pitch "
                f'(`python build.py new guide {slug} "Title"` writes one for you)',
            )
        )
        return None
    parsed = read_record(root, index, GuideMeta, problems)
    if parsed is None:
        return None
    guide = Guide(slug, *parsed)
    seen_slugs: dict[str, str] = {}
    seen_orders: dict[int, str] = {}
    for path in list_folder(folder, root, problems, safe_names=False):
        if path.name == "index.md":
            continue
        rel = f"{rel_folder}/{path.name}"
        if path.is_dir() or not path.name.endswith(".md"):
            if path.suffix in (".md", ".markdown", ".txt"):
                problems.append(
                    Problem(rel, 0, "a guide folder holds only `.md` step files", "move it out")
                )
            continue
        match = STEP_FILE.match(path.name)
        if not match or not re.match(SLUG, match.group(2)):
            problems.append(
                Problem(
                    rel,
                    0,
                    f"`{path.name}` is not a step file name",
                    "name step files `NN-<slug>.md`: two digits, a hyphen, then lowercase "
                    "words joined by hyphens, e.g. `03-open-a-bank-account.md`",
                )
            )
            continue
        order, step_slug = int(match.group(1)), match.group(2)
        if step_slug in RESERVED_STEP_SLUGS:
            problems.append(
                Problem(
                    rel,
                    0,
                    f"step slug `{step_slug}` is reserved: /guides/{slug}/{step_slug}/ is "
                    + (
                        "the guide's own page" if step_slug == "index" else "the guide's pitch deck"
                    ),
                    f"rename the file, e.g. `{match.group(1)}-make-the-case.md`",
                )
            )
            continue
        parsed = read_record(root, path, StepMeta, problems, rel, trusted_inside=True)
        if parsed is None:
            continue
        step_id = f"{slug}/{step_slug}"
        if step_slug in seen_slugs:
            problems.append(
                Problem(
                    rel,
                    1,
                    f"duplicate step id `{step_id}`: {seen_slugs[step_slug]} has the same slug",
                    "rename one of the two files so each step has its own slug",
                )
            )
            continue
        if order in seen_orders:
            problems.append(
                Problem(
                    rel,
                    1,
                    f"step number {match.group(1)} is also used by {seen_orders[order]}",
                    "give each step of a guide its own number",
                )
            )
        seen_slugs[step_slug] = rel
        seen_orders.setdefault(order, rel)
        guide.steps.append(Step(step_id, slug, step_slug, order, *parsed))
    guide.steps.sort(key=lambda s: (s.order, s.slug))
    return guide


def read_record(
    root: Path,
    path: Path,
    model: type[M],
    problems: list[Problem],
    rel: str = "",
    *,
    trusted_inside: bool = False,
    require_front: bool = True,
) -> tuple[M, str, Source] | None:
    """Read one Markdown file and validate its front matter: (meta, body, source) or None.

    `rel` is the path relative to `root` when the caller knows it (saves time at scale).
    """
    rel = rel or rel_path(path, root)
    text = read_text(path, root, rel=rel, trusted_inside=trusted_inside)
    if isinstance(text, Problem):
        problems.append(text)
        return None
    try:
        parsed = frontmatter.parse(text)
    except frontmatter.FrontMatterError as exc:
        problems.append(Problem(rel, exc.line, str(exc), exc.hint))
        return None
    except RecursionError:
        problems.append(Problem(rel, 1, "front matter is nested too deeply"))
        return None
    source = Source(path, rel, parsed.lines, parsed.body_line)
    if parsed.body_line == 1 and require_front:
        problems.append(
            Problem(
                rel,
                1,
                "no front matter",
                "start the file with a line `---`, then the keys (at least `title:`), then `---`",
            )
        )
        return None
    if not isinstance(parsed.data, dict):
        problems.append(
            Problem(
                rel,
                2,
                f"front matter is a {kind_of(parsed.data)}, not a set of `key: value` lines",
                "write the front matter as `key: value` lines, e.g. `title: Open a bank account`",
            )
        )
        return None
    try:
        meta = model.model_validate(parsed.data)
    except ValidationError as exc:
        problems.extend(explain(exc, model, source))
        return None
    except RecursionError:
        problems.append(Problem(rel, 1, "front matter is nested too deeply"))
        return None
    return meta, parsed.body, source
