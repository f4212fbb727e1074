"""Read the content roots (guides/, theory/, interviews/) into records.

Every problem is collected, not raised, so `check` can report them all at once.
"""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import frontmatter
from .model import (
    SLUG,
    Guide,
    GuideMeta,
    Interview,
    InterviewMeta,
    Package,
    Page,
    PageMeta,
    Source,
    Step,
    StepMeta,
)
from .problems import Problem, did_you_mean

STEP_FILE = re.compile(r"^(\d{2,3})-(.+)\.md$")
INTERVIEW_FILE = re.compile(r"^\d{4}-")
CONTENT_ROOTS = ("guides", "theory", "interviews")
MAX_FILE_BYTES = 2_000_000
RESERVED_STEP_SLUGS = frozenset({"pitch"})  # /guides/<guide>/pitch/ is the pitch deck


def load_package(root: Path) -> tuple[Package, list[Problem]]:
    """Load every guide, theory page and interview under the repository `root`."""
    problems: list[Problem] = []
    package = Package()
    guides_dir = root / "guides"
    if guides_dir.is_dir():
        for folder in sorted(p for p in guides_dir.iterdir() if p.is_dir()):
            if folder.name.startswith((".", "_")):
                continue
            guide = _load_guide(root, folder, problems)
            if guide is not None:
                package.guides[guide.slug] = guide
    package.guides = dict(
        sorted(package.guides.items(), key=lambda item: (not item[1].meta.essential, item[0]))
    )
    for name in ("theory", "interviews"):
        folder = root / name
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.md")):
            rel = path.relative_to(folder).as_posix()
            uri = f"{name}/{rel}"
            if name == "interviews" and INTERVIEW_FILE.match(path.name):
                parsed = _read(root, path, InterviewMeta, problems)
                if parsed:
                    meta, body, source = parsed
                    package.interviews.append(Interview(uri, meta, body, source))
            else:
                parsed = _read(root, path, PageMeta, problems)
                if parsed:
                    meta, body, source = parsed
                    package.pages.append(Page(uri, meta, body, source))
    return package, problems


def _load_guide(root: Path, folder: Path, problems: list[Problem]) -> Guide | None:
    """Load one guide folder: its index.md and its numbered step files."""
    rel_folder = folder.relative_to(root).as_posix()
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
    if not index.is_file():
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
    parsed = _read(root, index, GuideMeta, problems)
    if parsed is None:
        return None
    meta, body, source = parsed
    guide = Guide(slug, meta, body, source)
    seen_slugs: dict[str, str] = {}
    seen_orders: dict[int, str] = {}
    for path in sorted(folder.glob("*.md")):
        if path.name == "index.md":
            continue
        rel = f"{rel_folder}/{path.name}"
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
                    f"step slug `{step_slug}` is reserved: /guides/{slug}/{step_slug}/ is the "
                    "guide's pitch deck",
                    f"rename the file, e.g. `{match.group(1)}-make-the-case.md`",
                )
            )
            continue
        parsed = _read(root, path, StepMeta, problems, rel)
        if parsed is None:
            continue
        step_meta, step_body, step_source = parsed
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
        guide.steps.append(Step(step_id, slug, step_slug, order, step_meta, step_body, step_source))
    guide.steps.sort(key=lambda s: (s.order, s.slug))
    return guide


def _read(root: Path, path: Path, model: type[BaseModel], problems: list[Problem], rel: str = ""):
    """Read one file and validate its front matter; None (and problems) when it fails.

    `rel` is the path relative to `root` when the caller knows it (saves time at scale).
    """
    rel = rel or path.relative_to(root).as_posix()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, 0, f"cannot read the file: {exc.strerror}"))
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.append(
            Problem(
                rel, 0, f"file is too large ({len(raw):,} bytes)", "split it into smaller pages"
            )
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(rel, 0, f"file is not UTF-8 text (byte {exc.start})", "save it as UTF-8")
        )
        return None
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    try:
        parsed = frontmatter.parse(text)
    except frontmatter.FrontMatterError as exc:
        problems.append(Problem(rel, exc.line, str(exc), exc.hint))
        return None
    except RecursionError:
        problems.append(Problem(rel, 1, "front matter is nested too deeply"))
        return None
    source = Source(path, rel, parsed.lines, parsed.body_line)
    if parsed.body_line == 1:
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
                f"front matter is a {_kind(parsed.data)}, not a set of `key: value` lines",
                "write the front matter as `key: value` lines, e.g. `title: Open a bank account`",
            )
        )
        return None
    try:
        meta = model.model_validate(parsed.data)
    except ValidationError as exc:
        problems.extend(_explain(exc, model, source))
        return None
    except RecursionError:
        problems.append(Problem(rel, 1, "front matter is nested too deeply"))
        return None
    return meta, parsed.body, source


def _kind(value: object) -> str:
    return {list: "list", str: "piece of text", int: "number", float: "number"}.get(
        type(value), type(value).__name__
    )


def _explain(exc: ValidationError, model: type[BaseModel], source: Source) -> list[Problem]:
    """Turn pydantic's errors into problems that name the key, the line and the fix."""
    problems = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        key = ".".join(str(part) for part in loc)
        line = source.line_of(loc)
        kind = err["type"]
        parent = _model_at(model, loc[:-1])
        field = _field_at(model, loc)
        hint = (field.description or "") if field is not None else ""
        value = err.get("input")
        if kind in ("extra_forbidden", "invalid_key") and not isinstance(loc[-1], str):
            parent_key = ".".join(str(part) for part in loc[:-1])
            message = f"`{parent_key}` has a stray entry `{loc[-1]}`"
            hint = (
                "inside `{ }` a comma starts a new entry: quote values that contain commas, "
                'e.g. `cost: "£500-2,000"`'
            )
        elif kind == "extra_forbidden":
            allowed = list(parent.model_fields) if parent else []
            message = f"unknown key `{key}`." + did_you_mean(str(loc[-1]), allowed)
            hint = "allowed keys here: " + ", ".join(f"`{a}`" for a in allowed)
        elif kind == "missing":
            message = f"missing key `{key}`"
            hint = f"add `{loc[-1]}:`" + (f" ({hint})" if hint else "")
        elif kind == "string_too_short":
            message = f"`{key}` is empty"
            hint = hint or f"write a value for `{key}`"
        elif kind == "string_pattern_mismatch":
            message = f"`{key}` has a value in the wrong form: {_short(value)}"
        elif kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
            want = "a list, e.g. `[a, b]`" if kind == "list_type" else "a set of `key: value` lines"
            message = f"`{key}` should be {want}, not {_short(value)}"
        else:
            message = f"`{key}`: {err['msg'].lower()} (got {_short(value)})"
        problems.append(Problem(source.rel, line, message, hint))
    return problems


def _short(value: object) -> str:
    try:
        text = repr(value)
    except (ValueError, RecursionError):  # a 5,000-digit number, a deeply nested list
        return "a value too large to show"
    return text if len(text) <= 60 else text[:57] + "..."


def _inner_models(annotation: object) -> list[type[BaseModel]]:
    """The pydantic models inside an annotation such as `list[Link] | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_models(typing.get_args(annotation)[0])
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            found.extend(_inner_models(arg))
    return found


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model that holds the keys at `loc` (list indices are skipped)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            return None
        inner = _inner_models(field.annotation)
        current = inner[0] if inner else None
    return current


def _field_at(model: type[BaseModel], loc: tuple):
    names = [p for p in loc if isinstance(p, str)]
    if not names:
        return None
    parent = _model_at(model, tuple(names[:-1]))
    return parent.model_fields.get(names[-1]) if parent else None
