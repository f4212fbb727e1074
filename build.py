#!/usr/bin/env python3
"""guidepack command line: build, serve, check and export the package site.

python build.py                 build the site into site/ (strict; atomic)
python build.py serve           preview with live reload
python build.py check           check the content without building (fast)
python build.py export DIR      write the generated pages as a plain docs tree
python build.py new guide SLUG "Title"     start a guide from a template
python build.py new step GUIDE "Title"     add a step to a guide (--after STEP to insert)
python build.py schema          write the front matter JSON Schemas into schema/
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).absolute().parent
sys.path.insert(0, str(ROOT / "plugins"))

from guidepack import atomic  # noqa: E402
from guidepack.site import load_site  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "pack", None):
        os.environ["GUIDEPACK_PACK"] = args.pack
    if getattr(args, "guide", None):
        os.environ["GUIDEPACK_GUIDE"] = args.guide
    command = args.command or "build"
    return {
        "build": cmd_build,
        "serve": cmd_serve,
        "check": cmd_check,
        "export": cmd_export,
        "new": cmd_new,
        "schema": cmd_schema,
    }[command](args)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--pack",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="build a town pack, e.g. packs/demo-town",
    )
    parser = argparse.ArgumentParser(
        prog="build.py",
        description=__doc__.split("\n\n")[0],
        parents=[common],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n", 1)[1],
    )
    parser.set_defaults(command=None, site_dir="site", verbose=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = sub.add_parser(
        "build",
        parents=[common],
        help="build the site (default)",
        description="Build the site into SITE_DIR. Warnings fail the build; a failed build "
        "leaves the previous site untouched.",
    )
    build.add_argument("--site-dir", default="site", help="where to write the site (default: site)")
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
        "Prints every problem with file:line and how to fix it; exits 1 if any.",
    )
    export = sub.add_parser(
        "export",
        parents=[common],
        help="write the generated pages as a plain docs tree",
        description="Write docs/ plus every generated page into DIR, so any MkDocs-compatible "
        "engine can build the site without the plugin.",
    )
    export.add_argument("dir", metavar="DIR", help="an empty or missing folder")
    _add_contributor_commands(sub)
    return parser


def _add_contributor_commands(sub) -> None:
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


def cmd_new(args: argparse.Namespace) -> int:
    from guidepack import scaffold

    try:
        if args.kind == "guide":
            plan = scaffold.new_guide(ROOT, args.slug, args.title)
        else:
            plan = scaffold.new_step(
                ROOT, args.guide_slug, args.title, after=args.after, slug=args.slug
            )
        scaffold.apply(ROOT, plan)
    except scaffold.ScaffoldError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(f"Created {plan.path}\n\nNext:")
    for number, line in enumerate(plan.next_steps, start=1):
        print(f"  {number}. {line}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from guidepack import scaffold

    if args.check:
        stale = scaffold.stale_schemas(ROOT)
        for rel in stale:
            print(f"{rel} is out of date: run `python build.py schema`", file=sys.stderr)
        return 1 if stale else 0
    written = scaffold.write_schemas(ROOT)
    print(f"Wrote {', '.join(written)}" if written else "The schema files are up to date.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    gc.disable()  # a short run that frees little: collecting cycles only costs (100k steps: 10%)
    start = time.perf_counter()
    site = load_site(ROOT, _pack())
    elapsed = (time.perf_counter() - start) * 1000
    for problem in site.problems:
        print(problem, file=sys.stderr)
    if site.problems:
        print(f"\n{len(site.problems)} problem(s) found.", file=sys.stderr)
        return 1
    steps = site.graph.number_of_nodes()
    pack = f" and pack {site.pack.name!r} ({len(site.picked)} guides picked)" if site.pack else ""
    print(
        f"OK: {len(site.package.guides)} guides, {steps} steps, "
        f"{site.graph.number_of_edges()} requirements{pack} checked in {elapsed:.0f} ms."
    )
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _log_to_console(args.verbose)
    target = (ROOT / args.site_dir).resolve()
    atomic.remove_stale(target)  # what builds killed earlier left behind
    tmp = atomic.temp_dir(target.parent)
    start = time.perf_counter()
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp), strict=True)
        build(config)
    except MkDocsException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        message = str(exc)
        if message and not message.startswith("Aborted with"):
            print(f"Error: {message}", file=sys.stderr)
        print(f"Build failed; {args.site_dir}/ was left as it was.", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    atomic.swap_in(tmp, target)
    seconds = time.perf_counter() - start
    print(f"Site built in {seconds:.1f} s: open {target / 'index.html'}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    _log_to_console(verbose=True)
    try:
        serve(str(ROOT / "mkdocs.yml"), livereload=True, dev_addr=args.dev_addr)
    except MkDocsException as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from guidepack.render import render_site

    site = load_site(ROOT, _pack())
    if site.problems:
        for problem in site.problems:
            print(problem, file=sys.stderr)
        return 1
    out = Path(args.dir).resolve()
    if out.exists() and any(out.iterdir()):
        print(f"Error: {out} is not empty; choose an empty or new folder.", file=sys.stderr)
        return 1
    shutil.copytree(ROOT / "docs", out, dirs_exist_ok=True)
    pages = render_site(site)
    for page in pages.values():
        path = out / page.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.content, encoding="utf-8")
    from importlib import resources

    assets = resources.files("guidepack").joinpath("assets")
    for name in ("guidepack.css", "guidepack.js"):
        target = out / "assets" / "guidepack" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(assets.joinpath(name).read_bytes())
    print(
        f"Wrote {len(pages)} generated pages and docs/ into {out}. Build it without the "
        "guidepack plugin, adding assets/guidepack/guidepack.css and .js to extra_css and "
        "extra_javascript."
    )
    return 0


def _pack() -> str | None:
    """The pack to use: --pack, else GUIDEPACK_PACK, else the default set in mkdocs.yml."""
    if os.environ.get("GUIDEPACK_PACK"):
        return os.environ["GUIDEPACK_PACK"]
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    def env(loader, node):
        values = loader.construct_sequence(node)
        return os.environ.get(values[0]) or (values[-1] if len(values) > 1 else None)

    _Loader.add_constructor("!ENV", env)
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError):
        return None
    for plugin in (config or {}).get("plugins") or []:
        if isinstance(plugin, dict) and "guidepack" in plugin:
            return (plugin["guidepack"] or {}).get("pack") or None
    return None


def _log_to_console(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


if __name__ == "__main__":
    code = main()
    if not gc.isenabled():  # `check` holds the whole package: skip freeing it object by object
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
