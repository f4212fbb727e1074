"""Town packs: `packs/<pack>/pack.yml`, local notes, local pages, and pack variables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import frontmatter
from .loader import _explain, _read
from .model import Package, PackMeta, Page, PageMeta, Source
from .problems import Problem, closest

VARIABLE = re.compile(r"\{\{\s*pack\.variables\.([a-z_][a-z0-9_]*)\s*\}\}")
LOOKS_LIKE_VARIABLE = re.compile(r"\{\{\s*pack\b[^{}\n]{0,80}\}\}")


@dataclass
class Note:
    """A town's local note on one step."""

    step: str
    body: str
    source: Source


@dataclass
class Pack:
    """A loaded town pack."""

    slug: str
    meta: PackMeta
    source: Source
    intro: str | None = None
    notes: dict[str, Note] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.meta.name


def load_pack(root: Path, folder: Path, package: Package) -> tuple[Pack | None, list[Problem]]:
    """Load and check a pack folder against the package's guides and steps."""
    problems: list[Problem] = []
    folder = folder if folder.is_absolute() else root / folder
    rel_folder = _rel(folder, root)
    path = folder / "pack.yml"
    if not path.is_file():
        hint = "create pack.yml there, or copy packs/demo-town/ to start from an example"
        return None, [Problem(rel_folder, 0, "no pack.yml in this folder", hint)]
    rel = _rel(path, root)
    try:
        data, lines = frontmatter.parse_yaml(path.read_text(encoding="utf-8"))
    except frontmatter.FrontMatterError as exc:
        return None, [Problem(rel, exc.line, str(exc), exc.hint)]
    except (UnicodeDecodeError, RecursionError):
        return None, [Problem(rel, 1, "pack.yml is not readable YAML text", "save it as UTF-8")]
    source = Source(path, rel, lines)
    if not isinstance(data, dict):
        return None, [
            Problem(rel, 1, "pack.yml must hold `key: value` lines", "start with `name:`")
        ]
    try:
        meta = PackMeta.model_validate(data)
    except ValidationError as exc:
        return None, _explain(exc, PackMeta, source)
    pack = Pack(folder.name, meta, source)
    for i, slug in enumerate(meta.guides):
        if slug not in package.guides:
            near = closest(slug, package.guides)
            hint = (
                ("did you mean " + " or ".join(f"`{n}`" for n in near) + "?")
                if near
                else ("the guides are: " + ", ".join(package.guides))
            )
            problems.append(
                Problem(rel, source.line_of(("guides", i)), f"unknown guide `{slug}`", hint)
            )
    if meta.intro is not None:
        intro = folder / meta.intro
        if not intro.is_file() or not _inside(intro, folder):
            problems.append(
                Problem(
                    rel,
                    source.line_of(("intro",)),
                    f"intro file `{meta.intro}` does not exist in {rel_folder}/",
                    "create it, or fix the path (it is relative to the pack folder)",
                )
            )
        else:
            parsed = frontmatter.split(intro.read_text(encoding="utf-8"))
            pack.intro = parsed[1].strip()
    _load_notes(root, folder, package, pack, problems)
    pages = folder / "pages"
    if pages.is_dir():
        for page_path in sorted(pages.glob("*.md")):
            if meta.intro and page_path.resolve() == (folder / meta.intro).resolve():
                continue
            parsed = _read(root, page_path, PageMeta, problems)
            if parsed:
                page_meta, body, page_source = parsed
                pack.pages.append(Page(f"local/{page_path.name}", page_meta, body, page_source))
    return pack, problems


def _load_notes(root: Path, folder: Path, package: Package, pack: Pack, problems: list[Problem]):
    notes = folder / "notes"
    if not notes.is_dir():
        return
    steps = package.steps
    for path in sorted(notes.rglob("*.md")):
        rel = _rel(path, root)
        parts = path.relative_to(notes).with_suffix("").parts
        step_id = "/".join(parts)
        if len(parts) != 2 or step_id not in steps:
            near = closest(step_id, steps)
            hint = "name notes `notes/<guide>/<step-slug>.md`" + (
                ": did you mean " + " or ".join(f"`{n}`" for n in near) + "?" if near else ""
            )
            moved = [s.id for s in steps.values() if step_id in s.meta.aliases]
            if moved:
                hint = f"`{step_id}` was renamed: move the note to `notes/{moved[0]}.md`"
            problems.append(Problem(rel, 1, f"note for `{step_id}`, which is not a step", hint))
            continue
        text = path.read_text(encoding="utf-8")
        try:
            _front, body, _line = frontmatter.split(text)
        except frontmatter.FrontMatterError as exc:
            problems.append(Problem(rel, exc.line, str(exc), exc.hint))
            continue
        pack.notes[step_id] = Note(step_id, body.strip(), Source(path, rel))


def variable_problems(
    text: str, source: Source, first_line: int, pack: Pack | None
) -> list[Problem]:
    """Problems with `{{ pack.variables.NAME }}` uses in a text that starts at `first_line`."""
    problems = []
    defined = pack.meta.variables if pack else None
    for match in LOOKS_LIKE_VARIABLE.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        valid = VARIABLE.fullmatch(match.group(0))
        if not valid:
            problems.append(
                Problem(
                    source.rel,
                    line,
                    f"`{match.group(0)}` is not a pack variable",
                    "write pack variables as `{{ pack.variables.name }}` with a lowercase name",
                )
            )
        elif defined is not None and valid.group(1) not in defined:
            name = valid.group(1)
            near = closest(name, defined)
            hint = f"did you mean `{near[0]}`? " if near else ""
            problems.append(
                Problem(
                    source.rel,
                    line,
                    f"unknown pack variable `{name}`: {pack.source.rel} does not define it",
                    hint + f"add `{name}: ...` under `variables:` in {pack.source.rel}",
                )
            )
    return problems


def substitute(text: str, pack: Pack | None) -> str:
    """Replace pack variables with the pack's values, or a neutral default without a pack."""
    values = pack.meta.variables if pack else {}

    def replace(match: re.Match) -> str:
        name = match.group(1)
        return values.get(name) or "your " + name.replace("_", " ")

    return VARIABLE.sub(replace, text)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
