"""`build`, `serve`, `check` and `export`: the site commands.

Each reads the settings once (`read_settings`), as the MkDocs adapter does, and a build
either succeeds whole or leaves the previous site as it was. Output folders are checked
first: never the repository, its content, `docs/` or `.git`, never a file, and never a
folder with other things in it.
"""

from __future__ import annotations

import argparse
import errno
import gc
import logging
import os
import shutil
import sys
import time
import zipfile
from pathlib import Path

from .. import atomic
from ..export import export
from ..pipeline import build
from ..render.shell import offline_zip
from ..settings import read_settings

MARKER = ".guidepack-site"
"""A file in every built site: a folder holding it may be replaced by the next build."""
SOURCE_FOLDERS = frozenset(
    {"guides", "theory", "interviews", "packs", "docs", "plugins", "tests", "schema", "bench",
     "tools", "overrides", ".git", ".github", ".ci", ".vscode"}
)  # fmt: skip


def output_problem(root: Path, target: Path, *, replace: bool) -> str | None:
    """Why `target` must not be an output folder, or None when it may be.

    With `replace`, a previous build there is replaced; otherwise it must be empty or new.
    """
    root, target = root.resolve(), target.resolve()
    if target == root or root.is_relative_to(target):
        return f"{target} is the repository or holds it: choose a separate folder such as site/"
    if target.is_relative_to(root):
        top = target.relative_to(root).parts[0]
        settings_docs = {"docs"}
        if top in SOURCE_FOLDERS | settings_docs or (root / top).is_file():
            return (
                f"{target} is inside the repository's {top}: choose a separate folder such as site/"
            )
    for parent in [target, *target.parents]:
        if parent.exists() and not parent.is_dir():
            return f"{parent} is a file, not a folder: choose another path"
    if target.is_dir() and any(target.iterdir()):
        previous = (target / MARKER).is_file() or (
            target == root / "site" and _looks_built(target)  # built before the marker existed
        )
        if not (replace and previous):
            return f"{target} already holds other files: choose an empty or new folder"
    return None


def _looks_built(folder: Path) -> bool:
    return (folder / "index.html").is_file() and (folder / "sitemap.xml").is_file()


def cmd_check(root: Path, args: argparse.Namespace) -> int:
    gc.disable()  # a short run that frees little: collecting cycles only costs (100k steps: 10%)
    start = time.perf_counter()
    settings, problems = read_settings(root, pack=_pack(args))
    built = build(settings, render=False, problems=problems)
    elapsed = (time.perf_counter() - start) * 1000
    for problem in built.problems:
        print(problem, file=sys.stderr)
    if built.errors:
        print(f"\n{len(built.errors)} problem(s) found.", file=sys.stderr)
        return 1
    site = built.site
    steps = site.graph.number_of_nodes()
    pack = f" and pack {site.pack.name!r} ({len(site.picked)} guides picked)" if site.pack else ""
    warned = f" with {len(built.warnings)} warning(s)" if built.warnings else ""
    print(
        f"OK: {len(site.package.guides)} guides, {steps} steps, "
        f"{site.graph.number_of_edges()} requirements{pack} checked in {elapsed:.0f} ms{warned}."
    )
    return 0


def cmd_build(root: Path, args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _log_to_console(args.verbose)
    target = (root / args.site_dir).resolve()
    problem = output_problem(root, target, replace=True)
    if problem:
        print(f"Error: {problem}", file=sys.stderr)
        return 2
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic.remove_stale(target)  # what builds killed earlier left behind
    tmp = atomic.temp_dir(target.parent)
    start = time.perf_counter()
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp), strict=True)
        mkdocs_build(config)
        (tmp / MARKER).write_text("Built by guidepack: the next build replaces this folder.\n")
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
    print(f"Site built in {seconds:.1f} s into {target}.")
    print("Preview it with `make serve` (http://127.0.0.1:8000/), or publish the folder.")
    if args.offline:
        return _unpack_offline(root, target)
    return 0


def _unpack_offline(root: Path, site_dir: Path) -> int:
    """Unpack the offline edition beside the site, to open from disk."""
    settings, _ = read_settings(root, pack=os.environ.get("GUIDEPACK_PACK"))
    built = build(settings, render=False)
    name = offline_zip(built.site)
    out = root / "offline"
    problem = output_problem(root, out, replace=True)
    if problem:
        print(f"Error: {problem}", file=sys.stderr)
        return 2
    tmp = atomic.temp_dir(out.parent)
    try:
        with zipfile.ZipFile(site_dir / "downloads" / name) as archive:
            archive.extractall(tmp)  # our own archive, just built: every name is relative
        edition = tmp / name.removesuffix(".zip")
        note = "The offline edition, unpacked by `build.py build --offline`.\n"
        (edition / MARKER).write_text(note)
        atomic.swap_in(edition, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"Offline edition: open {out / 'index.html'} in a browser "
        f"(also in {site_dir / 'downloads' / name})."
    )
    return 0


def cmd_serve(root: Path, args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    _log_to_console(verbose=True)
    try:
        serve(str(root / "mkdocs.yml"), livereload=True, dev_addr=args.dev_addr)
    except MkDocsException as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, errno.EACCES, errno.EADDRNOTAVAIL):
            host, _, port = args.dev_addr.rpartition(":")
            print(
                f"Error: cannot serve on {args.dev_addr} ({exc.strerror}). Stop the other server, "
                f"or choose another port: `python build.py serve --dev-addr {host or '127.0.0.1'}:"
                f"{int(port or 8000) + 1}`",
                file=sys.stderr,
            )
            return 1
        raise
    except KeyboardInterrupt:
        pass
    return 0


def cmd_export(root: Path, args: argparse.Namespace) -> int:
    out = Path(args.dir).resolve()
    problem = output_problem(root, out, replace=False)
    if problem:
        print(f"Error: {problem}", file=sys.stderr)
        return 2
    settings, problems = read_settings(root, pack=_pack(args))
    built = build(settings, problems=problems)
    for problem_ in built.problems:
        print(problem_, file=sys.stderr)
    if built.errors:
        return 1
    try:
        count = export(built, out)
    except OSError as exc:
        print(f"Error: cannot write into {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(
        f"Wrote {count} files into {out}: mkdocs.yml and docs/. Build it there with "
        "`mkdocs build`, `properdocs build` or `zensical build`, then index search with "
        "`python -m pagefind --site site --root-selector .md-content__inner`."
    )
    return 0


def _pack(args: argparse.Namespace) -> str | None:
    """The pack named on the command line (`--pack`), if any."""
    return getattr(args, "pack", None)


def _log_to_console(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
