"""Keeping a town pack in step with upstream: which local notes to re-read, and why.

Each note records the fingerprint of its step when someone last read both
(`reviewed: {step: <fingerprint>, date: <date>}` in its front matter, written by
`pack review`), so a fork needs no history to see that a step changed. Where git history
is there, the status also says what changed: the step's headings and lines that differ
from the reviewed version, and the commit subjects since. `packs/<town>/review.yml`
records which steps existed at the last full review, so new steps can be listed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from .load import frontmatter
from .load.reader import read_text
from .model import StepMeta
from .plan import Site
from .records import Note, Source, Step
from .variables import used

BASELINE = "review.yml"
TIMEOUT = 60


@dataclass
class NoteStatus:
    """One note against its step now."""

    note: str
    step: str
    title: str
    state: str
    """`current`, `changed`, `unreviewed`, `renamed`, `not built` or `no step`."""
    changes: list[str] = field(default_factory=list)


@dataclass
class PackStatus:
    pack: str
    notes: list[NoteStatus]
    new_steps: list[tuple[str, str]]
    """(id, title) of steps in the pack's guides that the last full review did not see."""
    baseline: dt.date | None
    missing_variables: list[tuple[str, list[str]]]
    """(variable, files that use it) for variables the pack does not define."""

    @property
    def needs_attention(self) -> bool:
        return bool(
            [n for n in self.notes if n.state != "current"]
            or self.new_steps
            or self.missing_variables
        )


def pack_status(site: Site) -> PackStatus:
    """The state of the site's pack against the package it is built with."""
    pack = site.pack
    assert pack is not None
    package = site.package
    notes = []
    for step_id, note in sorted(pack.notes.items()):
        step = package.steps[step_id]
        notes.append(_note_status(site, note, step))
    folder = pack.source.path.parent
    baseline, known = _baseline(folder)
    current = [s for slug in site.picked for s in package.guides[slug].steps]
    new = [(s.id, site.text(s.title)) for s in current if known is not None and s.id not in known]
    if known is None:
        new = [(s.id, site.text(s.title)) for s in current]
    defined = set(pack.meta.variables)
    users: dict[str, list[str]] = {}
    for slug in site.guides:
        guide = package.guides[slug]
        for text, rel in [(guide.body, guide.source.rel)] + [
            (s.body, s.source.rel) for s in guide.steps if s.id in site.built
        ]:
            for name in used(text) - defined:
                users.setdefault(name, []).append(rel)
    return PackStatus(pack.slug, notes, new, baseline, sorted(users.items()))


def _note_status(site: Site, note: Note, step: Step) -> NoteStatus:
    title = site.text(step.title)
    review = note.meta.reviewed
    if step.id not in site.built:
        return NoteStatus(note.source.rel, step.id, title, "not built")
    if review is None:
        return NoteStatus(note.source.rel, step.id, title, "unreviewed")
    if review.step == step.fingerprint:
        state = "renamed" if note.named != step.id else "current"
        changes = [f"the step `{note.named}` is now `{step.id}`"] if state == "renamed" else []
        return NoteStatus(note.source.rel, step.id, title, state, changes)
    changes = what_changed(site.root, step, review.step)
    if note.named != step.id:
        changes.insert(0, f"the step `{note.named}` is now `{step.id}`")
    return NoteStatus(note.source.rel, step.id, title, "changed", changes)


def what_changed(root: Path, step: Step, fingerprint: str, limit: int = 8) -> list[str]:
    """What differs between the step now and the version with `fingerprint`, from git."""
    history = _history(root, step.source.rel)
    for position, (commit, _subject) in enumerate(history):
        old = _step_at(root, commit, step)
        if old is None or old.fingerprint != fingerprint:
            continue
        subjects = [subject for _, subject in history[:position]]
        lines = [f"commits since: {'; '.join(subjects[:5])}"] if subjects else []
        return lines + _diff(old, step, limit)
    return ["no git history of the reviewed version: re-read the whole step"]


def _history(root: Path, rel: str) -> list[tuple[str, str]]:
    """(commit, subject) of each commit that touched the file, newest first."""
    git = shutil.which("git")
    if git is None:
        return []
    try:
        done = subprocess.run(
            [git, "log", "--follow", "--format=%H%x1f%s", "--", rel],
            cwd=root, capture_output=True, text=True, timeout=TIMEOUT,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return []
    if done.returncode != 0:
        return []
    return [tuple(line.split("\x1f", 1)) for line in done.stdout.splitlines() if "\x1f" in line]


def _step_at(root: Path, commit: str, step: Step) -> Step | None:
    """The step as it was at `commit` (found by its id among that commit's files)."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        names = subprocess.run(
            [git, "ls-tree", "--name-only", commit, f"guides/{step.guide}/"],
            cwd=root, capture_output=True, text=True, timeout=TIMEOUT,
        ).stdout.split()  # fmt: skip
        path = next((n for n in names if n.endswith(f"-{step.slug}.md")), None)
        if path is None:
            return None
        text = subprocess.run(
            [git, "show", f"{commit}:{path}"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        ).stdout
        parsed = frontmatter.parse(text.replace("\r\n", "\n"))
        meta = StepMeta.model_validate(parsed.data)
    except (OSError, subprocess.TimeoutExpired, frontmatter.FrontMatterError, ValidationError):
        return None
    return Step(
        step.id, step.guide, step.slug, step.order, meta, parsed.body, Source(Path(path), path)
    )


def _diff(old: Step, new: Step, limit: int) -> list[str]:
    """Headings added or removed, then the first lines that differ."""
    out = []
    old_lines = [*_front_lines(old), *old.body.strip().split("\n")]
    new_lines = [*_front_lines(new), *new.body.strip().split("\n")]
    old_heads = [line for line in old_lines if line.startswith("#")]
    new_heads = [line for line in new_lines if line.startswith("#")]
    out += [f"new heading: {h.lstrip('#').strip()}" for h in new_heads if h not in old_heads]
    out += [f"heading gone: {h.lstrip('#').strip()}" for h in old_heads if h not in new_heads]
    changed = [
        line
        for line in difflib.unified_diff(old_lines, new_lines, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---")) and line[1:].strip()
    ]
    for line in changed[:limit]:
        text = line[1:].strip()
        out.append(
            ("now: " if line[0] == "+" else "was: ")
            + (text if len(text) <= 110 else text[:107] + "...")
        )
    if len(changed) > limit:
        out.append(f"... and {len(changed) - limit} more changed lines")
    return out


def _front_lines(step: Step) -> list[str]:
    meta = step.meta
    lines = [f"title: {meta.title}", f"summary: {meta.summary}"]
    if meta.effort:
        lines.append(f"effort: {meta.effort.time}, {meta.effort.cost}")
    lines.append("requires: " + ", ".join(meta.requires))
    return lines


def _baseline(folder: Path) -> tuple[dt.date | None, set[str] | None]:
    path = folder / BASELINE
    if not path.is_file():
        return None, None
    text = read_text(path, folder.parent.parent)
    if not isinstance(text, str):
        return None, None
    try:
        data = yaml.safe_load(text) or {}
        return data.get("reviewed"), set(data.get("steps") or [])
    except (yaml.YAMLError, AttributeError, TypeError):
        return None, None


def review(site: Site, notes: list[Note], today: dt.date, *, baseline: bool) -> list[str]:
    """Record, in each note's front matter, the fingerprint of its step now; with
    `baseline`, also which steps the pack's guides have now. Returns the files written."""
    pack = site.pack
    assert pack is not None
    written = []
    for note in notes:
        step = site.package.steps[note.step]
        front = {"reviewed": {"step": step.fingerprint, "date": today}}
        text = (
            "---\n" + yaml.safe_dump(front, sort_keys=False) + "---\n\n" + note.body.strip() + "\n"
        )
        note.source.path.write_text(text, encoding="utf-8")
        written.append(note.source.rel)
    if baseline:
        steps = sorted(s.id for slug in site.picked for s in site.package.guides[slug].steps)
        path = pack.source.path.parent / BASELINE
        header = (
            "# Written by `build.py pack review --all`: the steps your pack's guides had then.\n"
        )
        path.write_text(
            header + yaml.safe_dump({"reviewed": today, "steps": steps}, sort_keys=False),
            encoding="utf-8",
        )
        written.append(pack.source.rel.rsplit("/", 1)[0] + "/" + BASELINE)
    return written
