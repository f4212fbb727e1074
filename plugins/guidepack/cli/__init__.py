"""guidepack's command line (`build.py`): outside the core, like the MkDocs adapter.

python build.py                 build the site into site/ (strict; atomic)
python build.py serve           preview with live reload
python build.py check           check the content without building (fast)
python build.py export DIR      write a project any MkDocs-compatible engine builds
python build.py new guide SLUG "Title"     start a guide from a template
python build.py new step GUIDE "Title"     add a step to a guide (--after STEP to insert)
python build.py schema          write the front matter JSON Schemas into schema/
python build.py pack status DIR which local notes to re-read after an upstream update
python build.py pack review DIR NOTE|--all  record that notes were re-read
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from . import contribute, pack, site


def main(root: Path, argv: list[str] | None = None) -> int:
    """Run one command in the repository at `root`; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "pack", None):
        os.environ["GUIDEPACK_PACK"] = args.pack
    if getattr(args, "guide", None):
        os.environ["GUIDEPACK_GUIDE"] = args.guide
    command = args.command or "build"
    handlers = {
        "build": site.cmd_build,
        "serve": site.cmd_serve,
        "check": site.cmd_check,
        "export": site.cmd_export,
        "new": contribute.cmd_new,
        "schema": contribute.cmd_schema,
        "pack": pack.cmd_pack,
    }
    return handlers[command](root, args)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--pack",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="build a town pack, e.g. packs/demo-town",
    )
    doc = __doc__ or ""
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="guidepack: build, serve, check and export the package site.",
        parents=[common],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=doc.split("\n\n", 1)[1],
    )
    parser.set_defaults(command=None, site_dir="site", verbose=False, offline=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = sub.add_parser(
        "build",
        parents=[common],
        help="build the site (default)",
        description="Build the site into SITE_DIR. Warnings fail the build; a failed build "
        "leaves the previous site untouched.",
    )
    build.add_argument("--site-dir", default="site", help="where to write the site (default: site)")
    build.add_argument(
        "--offline",
        action="store_true",
        help="also unpack the offline edition into offline/, to open offline/index.html "
        "from disk (the ZIP is always in SITE_DIR/downloads/)",
    )
    build.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' info messages")
    serve = sub.add_parser(
        "serve",
        parents=[common],
        help="preview with live reload",
        description="Serve the site on http://127.0.0.1:8000/ and rebuild on every change "
        "to docs/, guides/, theory/, interviews/ and packs/.",
    )
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    serve.add_argument(
        "--guide",
        metavar="SLUG",
        help="preview one guide with the steps it needs and the steps that need it; "
        "rebuilds in seconds even in a large package",
    )
    sub.add_parser(
        "check",
        parents=[common],
        help="check the content without building",
        description="Load and validate every guide, step and page, and the dependency graph. "
        "Prints every problem with file:line and how to fix it; exits 1 if any (warnings, "
        "such as a town's notes to re-read, are printed and do not fail).",
    )
    export = sub.add_parser(
        "export",
        parents=[common],
        help="write a project any MkDocs-compatible engine builds",
        description="Write DIR/mkdocs.yml and DIR/docs/ (the shell and every generated page), so "
        "`mkdocs build`, `properdocs build` or `zensical build` builds the site in DIR without "
        "the plugin.",
    )
    export.add_argument("dir", metavar="DIR", help="an empty or new folder outside the content")
    contribute.add_commands(sub)
    pack.add_commands(sub)
    return parser
