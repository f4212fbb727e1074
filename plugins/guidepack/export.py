"""`build.py export DIR`: the site as a plain project any MkDocs-compatible engine builds.

DIR gets `mkdocs.yml` (the repository's, without the guidepack plugin, with guidepack's
assets and the sanitiser extension) and `docs/`: the shell's pages (with safe front matter)
and assets, and every page the core renders. `mkdocs build`, `properdocs build` and
`zensical build` build it without edits; the pages are the plugin build's pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from . import urls
from .load.reader import inside
from .pipeline import Built
from .render import PAGE_CSS, PAGE_JS
from .render.docs import render_doc
from .render.env import site_title
from .settings import SANITISER, config_plugins, yaml_loader

CONFIG_KEYS = (
    "site_name", "site_description", "site_url", "copyright", "edit_uri", "theme", "nav",
    "markdown_extensions", "extra", "extra_css", "extra_javascript", "validation",
)  # fmt: skip


def export(built: Built, out: Path) -> int:
    """Write the project into `out` (an empty folder); returns the number of files."""
    settings, site = built.settings, built.site
    docs = out / "docs"
    written = 0
    for page in built.pages.values():
        written += _write(docs / page.uri, page.content)
    for doc in site.package.docs:
        if site.pack is not None and doc.uri == urls.HOME:
            continue
        written += _write(docs / doc.uri, render_doc(doc, site.doc_uris).content)
    source = settings.root / settings.docs_dir
    for asset in site.package.assets:
        path = source / asset
        if inside(path, settings.root):
            written += _write(docs / asset, path.read_bytes())
    config = engine_config(settings.root, built)
    overrides = (config.get("theme") or {}).get("custom_dir")
    if overrides and inside(settings.root / overrides, settings.root):
        shutil.copytree(settings.root / overrides, out / overrides, dirs_exist_ok=True)
    text = "# Written by `build.py export`: build with mkdocs, properdocs or zensical.\n"
    text += yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    written += _write(out / "mkdocs.yml", text)
    return written


def engine_config(root: Path, built: Built) -> dict[str, Any]:
    """The repository's `mkdocs.yml` for an engine without the guidepack plugin."""
    raw = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml_loader())
    config = {key: raw[key] for key in CONFIG_KEYS if key in raw}
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    settings = built.settings
    if settings.edit_uri:
        config["edit_uri"] = settings.edit_uri
    config["site_name"] = site_title(built.site)
    extensions = list(config.get("markdown_extensions") or [])
    if not any(SANITISER in (e if isinstance(e, str) else e) for e in extensions):
        extensions.append(SANITISER)
    config["markdown_extensions"] = extensions
    config["extra_css"] = [*config.get("extra_css", []), *PAGE_CSS]
    config["extra_javascript"] = [*config.get("extra_javascript", []), *PAGE_JS]
    plugins = [
        p
        for p in config_plugins(root)
        if not (isinstance(p, dict) and "guidepack" in p) and p != "guidepack"
    ]
    if plugins:
        config["plugins"] = plugins
    return config


def _write(path: Path, content: str | bytes) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return 1
