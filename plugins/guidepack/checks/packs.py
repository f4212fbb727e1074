"""A town pack against the package: variables, and local notes that may be out of step.

Unknown variables are errors (the page would read "your council" by mistake). A note for
a step the pack does not build, a note that followed a renamed step, and a note whose step
changed since someone last reviewed it are warnings: a town's site must still build.
"""

from __future__ import annotations

from ..plan import Site
from ..problems import Problem, closest
from ..records import Source
from ..variables import LOOKS_LIKE_VARIABLE, VARIABLE
from .texts import contributed_texts

REVIEW_HINT = "re-read the step and the note, then run `python build.py pack review {pack} {note}`"


def pack_problems(site: Site) -> list[Problem]:
    """Variable uses in every text the site builds, and the state of a pack's notes."""
    found: list[Problem] = []
    defined = site.pack.meta.variables if site.pack else None
    pack_file = site.pack.source.rel if site.pack else ""
    for text in contributed_texts(site):
        found += variable_problems(text.body, text.source, defined, pack_file)
    if site.pack is not None:
        found += note_warnings(site)
    return found


def variable_problems(
    text: str, source: Source, defined: dict[str, str] | None, pack_file: str
) -> list[Problem]:
    """Problems with `{{ pack.variables.NAME }}` uses in one text (`defined`: the pack's)."""
    if "{{" not in text:
        return []
    problems = []
    for match in LOOKS_LIKE_VARIABLE.finditer(text):
        line = source.body_line + text.count("\n", 0, match.start())
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
                    f"unknown pack variable `{name}`: {pack_file} does not define it",
                    hint + f"add `{name}: ...` under `variables:` in {pack_file}",
                )
            )
    return problems


def note_warnings(site: Site) -> list[Problem]:
    """Notes that will not show, that followed a rename, or whose step changed since review."""
    assert site.pack is not None
    pack = site.pack
    folder = pack.source.rel.rsplit("/", 1)[0]
    warnings: list[Problem] = []
    for step_id, note in pack.notes.items():
        rel = note.source.rel
        step = site.package.steps[step_id]
        if step_id not in site.built:
            warnings.append(
                Problem(
                    rel,
                    1,
                    f"this note is for `{step_id}`, a step this pack does not build, so it is "
                    "not shown",
                    f"add `{step.guide}` to `guides:` in {pack.source.rel}, or delete the note",
                    warning=True,
                )
            )
            continue
        if note.named != step_id:
            warnings.append(
                Problem(
                    rel,
                    1,
                    f"the step `{note.named}` was renamed to `{step_id}`; this note follows it",
                    f"move the note to {folder}/notes/{step_id}.md",
                    warning=True,
                )
            )
        review = note.meta.reviewed
        hint = REVIEW_HINT.format(pack=folder, note=rel)
        if review is None:
            warnings.append(
                Problem(rel, 1, "this note has not been reviewed against its step yet", hint, True)
            )
        elif review.step != step.fingerprint:
            warnings.append(
                Problem(
                    rel,
                    note.source.line_of(("reviewed",)),
                    f"the step `{step_id}` changed upstream since this note was reviewed on "
                    f"{review.date.isoformat()} (`build.py pack status {folder}` shows what "
                    "changed)",
                    hint,
                    True,
                )
            )
    return warnings
