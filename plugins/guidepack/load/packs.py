"""Read a town pack: `packs/<pack>/pack.yml`, its intro, local notes and local pages."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..model import IntroMeta, NoteMeta, PackMeta, PageMeta
from ..problems import Problem, unknown_step_hint
from ..records import Note, Pack, Package, Page, Source
from . import frontmatter
from .content import read_record
from .explain import explain
from .reader import inside, list_folder, outside_problem, read_text, rel_path, walk_files


def load_pack(root: Path, folder: Path, package: Package) -> tuple[Pack | None, list[Problem]]:
    """Load and check a pack folder against the package's guides and steps."""
    problems: list[Problem] = []
    folder = folder if folder.is_absolute() else root / folder
    rel_folder = rel_path(folder, root)
    if not inside(folder, root):
        problem = outside_problem(folder, root, "folder")
        return None, [problem] if problem else []
    path = folder / "pack.yml"
    if not path.exists() and not path.is_symlink():
        hint = "create pack.yml there, or copy packs/demo-town/ to start from an example"
        return None, [Problem(rel_folder, 0, "no pack.yml in this folder", hint)]
    rel = rel_path(path, root)
    text = read_text(path, root, rel=rel)
    if isinstance(text, Problem):
        return None, [text]
    try:
        data, lines = frontmatter.parse_yaml(text)
    except frontmatter.FrontMatterError as exc:
        return None, [Problem(rel, exc.line, str(exc), exc.hint)]
    except RecursionError:
        return None, [Problem(rel, 1, "pack.yml is nested too deeply")]
    source = Source(path, rel, lines)
    if not isinstance(data, dict):
        return None, [
            Problem(rel, 1, "pack.yml must hold `key: value` lines", "start with `name:`")
        ]
    try:
        meta = PackMeta.model_validate(data)
    except ValidationError as exc:
        return None, explain(exc, PackMeta, source)
    pack = Pack(folder.name, meta, source)
    for i, slug in enumerate(meta.guides):
        if slug not in package.guides:
            hint = unknown_step_hint(slug, package.guides, {}).replace("step id", "guide name")
            if "did you mean" not in hint:
                hint = "the guides are: " + ", ".join(package.guides)
            problems.append(
                Problem(rel, source.line_of(("guides", i)), f"unknown guide `{slug}`", hint)
            )
    if meta.intro is not None:
        _load_intro(root, folder, pack, problems)
    _load_notes(root, folder, package, pack, problems)
    intro = (folder / meta.intro).resolve() if meta.intro else None
    for page_path in list_folder(folder / "pages", root, problems, suffix=".md"):
        if page_path.is_dir() or page_path.resolve() == intro:
            continue
        parsed = read_record(root, page_path, PageMeta, problems)
        if parsed:
            pack.pages.append(Page(f"local/{page_path.name}", *parsed))
    return pack, problems


def _load_intro(root: Path, folder: Path, pack: Pack, problems: list[Problem]) -> None:
    """The pack's home page text: a Markdown file inside the pack folder."""
    assert pack.meta.intro is not None
    intro = folder / pack.meta.intro
    line = pack.source.line_of(("intro",))
    if not inside(intro, folder):
        problems.append(
            Problem(
                pack.source.rel,
                line,
                f"intro file `{pack.meta.intro}` is not inside {rel_path(folder, root)}/",
                "put the intro in the pack folder, e.g. `pages/welcome.md`",
            )
        )
        return
    if not intro.exists():
        problems.append(
            Problem(
                pack.source.rel,
                line,
                f"intro file `{pack.meta.intro}` does not exist in {rel_path(folder, root)}/",
                "create it, or fix the path (it is relative to the pack folder)",
            )
        )
        return
    parsed = read_record(root, intro, IntroMeta, problems, require_front=False)
    if parsed is None:
        return
    _meta, body, source = parsed
    pack.intro, pack.intro_source = body, source


def _load_notes(root: Path, folder: Path, package: Package, pack: Pack, problems: list[Problem]):
    notes = folder / "notes"
    steps = package.steps
    for path in walk_files(notes, root, problems):
        rel = rel_path(path, root)
        if path.suffix != ".md":
            problems.append(
                Problem(rel, 0, "notes are Markdown files", "rename it to `<step-slug>.md`")
            )
            continue
        parts = path.relative_to(notes).with_suffix("").parts
        named = "/".join(parts)
        step_id = named if named in steps else package.renamed.get(named, "")
        if len(parts) != 2 or not step_id:
            hint = "name notes `notes/<guide>/<step-slug>.md`: " + unknown_step_hint(
                named, steps, {}
            )
            message = f"note for `{named}`, which is not a step (or no longer is): it is not shown"
            problems.append(Problem(rel, 1, message, hint, warning=True))
            continue
        if step_id in pack.notes:
            other = pack.notes[step_id].source.rel
            problems.append(
                Problem(
                    rel,
                    1,
                    f"a second note for `{step_id}`: {other} is also for it (the step was renamed)",
                    "merge the two notes into one file named after the step's id now",
                )
            )
            continue
        parsed = read_record(root, path, NoteMeta, problems, rel, require_front=False)
        if parsed is None:
            continue
        meta, body, source = parsed
        pack.notes[step_id] = Note(step_id, named, meta, body, source)
