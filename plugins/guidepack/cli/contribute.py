"""`new guide`, `new step` and `schema`: the contributor's commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import scaffold


def add_commands(sub) -> None:
    """`new guide`, `new step` and `schema`: the contributor's commands."""
    new = sub.add_parser(
        "new",
        help="start a new guide or step from a template",
        description="Write a new guide's index.md, or a new step file, with every front matter "
        "key present and explained. Never overwrites a file.",
    )
    kinds = new.add_subparsers(dest="kind", metavar="KIND", required=True)
    guide = kinds.add_parser(
        "guide",
        help='a new guide: new guide SLUG "Title"',
        description="Create guides/SLUG/index.md for a new guide.",
    )
    guide.add_argument("slug", metavar="SLUG", help="the guide's folder name, e.g. tenants-union")
    guide.add_argument("title", metavar="TITLE", help='its title in quotes, e.g. "Start a union"')
    step = kinds.add_parser(
        "step",
        help='a new step: new step GUIDE "Title" [--after STEP]',
        description="Create the next numbered step file of GUIDE (guides/GUIDE/NN-<slug>.md).",
    )
    step.add_argument("guide_slug", metavar="GUIDE", help="the guide's folder name, e.g. grocery")
    step.add_argument("title", metavar="TITLE", help='its title in quotes, e.g. "Find premises"')
    step.add_argument(
        "--after",
        metavar="STEP",
        help="insert after this step of the guide (e.g. grocery/find-premises); the later "
        "files are renumbered, their ids stay the same",
    )
    step.add_argument("--slug", help="the step's name in its id (default: made from the title)")
    schema = sub.add_parser(
        "schema",
        help="write the front matter JSON Schemas into schema/",
        description="Write schema/*.json from the content model, for editors; commit them.",
    )
    schema.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a schema file is stale"
    )


def cmd_new(root: Path, args: argparse.Namespace) -> int:
    try:
        if args.kind == "guide":
            plan = scaffold.new_guide(root, args.slug, args.title)
        else:
            plan = scaffold.new_step(
                root, args.guide_slug, args.title, after=args.after, slug=args.slug
            )
        scaffold.apply(root, plan)
    except scaffold.ScaffoldError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(f"Created {plan.path}\n\nNext:")
    for number, line in enumerate(plan.next_steps, start=1):
        print(f"  {number}. {line}")
    return 0


def cmd_schema(root: Path, args: argparse.Namespace) -> int:
    if args.check:
        stale = scaffold.stale_schemas(root)
        for rel in stale:
            print(f"{rel} is out of date: run `python build.py schema`", file=sys.stderr)
        return 1 if stale else 0
    written = scaffold.write_schemas(root)
    print(f"Wrote {', '.join(written)}" if written else "The schema files are up to date.")
    return 0
