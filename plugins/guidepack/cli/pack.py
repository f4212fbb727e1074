"""`pack status` and `pack review`: keep a town's notes in step with upstream guides."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from ..packstatus import PackStatus, pack_status, review
from ..pipeline import build
from ..settings import read_settings

STATES = {
    "changed": "changed upstream since the note was reviewed",
    "unreviewed": "never reviewed against its step",
    "renamed": "its step was renamed; the note follows it",
    "not built": "its step is not in this pack, so the note is not shown",
}


def add_commands(sub) -> None:
    pack = sub.add_parser(
        "pack",
        help="keep a town pack in step with upstream (status, review)",
        description="See which of a town pack's notes to re-read after pulling upstream "
        "changes, and record that they were re-read.",
    )
    actions = pack.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser(
        "status",
        help="notes to re-read, new steps, missing variables",
        description="List the pack's notes whose step changed upstream (with what changed), "
        "notes of renamed or removed steps, steps new in the pack's guides, and variables "
        "the guides use that the pack does not define. Exit 0 always (it only informs).",
    )
    status.add_argument("folder", metavar="DIR", help="the pack folder, e.g. packs/demo-town")
    status.add_argument(
        "--summary",
        metavar="FILE",
        help="also write the report as Markdown to FILE (CI job summary)",
    )
    rev = actions.add_parser(
        "review",
        help="record that notes were re-read against their steps",
        description="Write the current fingerprint of each note's step into the note's front "
        "matter. With --all, every note, and the pack's list of known steps.",
    )
    rev.add_argument("folder", metavar="DIR", help="the pack folder, e.g. packs/demo-town")
    rev.add_argument("notes", metavar="NOTE", nargs="*", help="note files to mark as reviewed")
    rev.add_argument("--all", action="store_true", help="every note of the pack, and its steps")


def cmd_pack(root: Path, args: argparse.Namespace) -> int:
    settings, problems = read_settings(root, pack=args.folder)
    built = build(settings, render=False, problems=problems)
    if built.site.pack is None or not built.site.acyclic:
        for problem in built.errors:
            print(problem, file=sys.stderr)
        print("Fix these problems first: the pack must load to compare it.", file=sys.stderr)
        return 1
    if built.errors:  # e.g. a variable the pack lacks: the report says so, `check` says where
        print(
            f"`check --pack {args.folder}` finds {len(built.errors)} problem(s).", file=sys.stderr
        )
    site = built.site
    if args.action == "status":
        status = pack_status(site)
        report = format_status(status, args.folder)
        print(report)
        if args.summary:
            Path(args.summary).write_text(report + "\n", encoding="utf-8")
        elif os.environ.get("GITHUB_STEP_SUMMARY"):
            with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
                handle.write(report + "\n")
        return 0
    notes = list(site.pack.notes.values())
    if not args.all:
        wanted = {Path(n).resolve() for n in args.notes}
        if not wanted:
            print("Name the notes you re-read, or use --all.", file=sys.stderr)
            return 2
        notes = [n for n in notes if n.source.path.resolve() in wanted]
        missing = wanted - {n.source.path.resolve() for n in notes}
        for path in sorted(missing):
            print(f"Error: {path} is not a note of this pack", file=sys.stderr)
        if missing:
            return 2
    for rel in review(site, notes, dt.date.today(), baseline=args.all):
        print(f"Reviewed: {rel}")
    return 0


def format_status(status: PackStatus, folder: str) -> str:
    """The report, in Markdown (it reads well in a terminal and in a CI job summary)."""
    lines = [f"## Pack status: {status.pack}", ""]
    attention = [n for n in status.notes if n.state != "current"]
    current = len(status.notes) - len(attention)
    lines.append(f"{current} of {len(status.notes)} local notes are up to date with their steps.")
    for note in attention:
        lines += [
            "",
            f"- **{note.title}** (`{note.step}`): {STATES[note.state]}",
            f"  - note: `{note.note}`",
        ]
        lines += [f"  - {change}" for change in note.changes]
    if attention:
        lines += [
            "",
            "After re-reading, record it: "
            f"`python build.py pack review {folder} <note>` (or `--all`).",
        ]
    lines.append("")
    if status.baseline is None:
        lines.append(
            "No full review is recorded yet: "
            f"`python build.py pack review {folder} --all` records one."
        )
    elif status.new_steps:
        lines.append(f"Steps new in your guides since the review of {status.baseline}:")
        lines += [f"- {title} (`{step}`)" for step, title in status.new_steps]
    else:
        lines.append(f"No new steps in your guides since the review of {status.baseline}.")
    if status.missing_variables:
        lines += ["", "Variables the guides use that your pack.yml does not define:"]
        lines += [
            f"- `{name}` (in {', '.join(files[:3])})" for name, files in status.missing_variables
        ]
    return "\n".join(lines)
