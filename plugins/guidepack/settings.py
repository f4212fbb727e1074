"""Settings of a build, read once: from `mkdocs.yml`, a town's `town.yml`, and overrides.

The CLI reads `mkdocs.yml` itself (`read_settings`); the MkDocs adapter passes the values
MkDocs has already loaded (`settings_from`). Both end in `settings_from`, so `check`,
`export` and the plugin use the same pack, forum, Markdown extensions and URL style.

A town fork sets its defaults in `town.yml` at the repository root, a file upstream never
has, so pulling upstream changes never conflicts with it (see FORKING.md).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .load.frontmatter import FrontMatterError, parse_yaml
from .load.reader import read_text
from .problems import Problem

CONFIG_FILE = "mkdocs.yml"
TOWN_FILE = "town.yml"
SANITISER = "guidepack.sanitise"
FORUM_URL = re.compile(r"^https://[^\s<>\"'\\]+$")
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
"""Extensions MkDocs always adds to those of mkdocs.yml."""
DEFAULT_EXTENSIONS = ("admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details")
"""The Markdown extensions of a repository without mkdocs.yml (the package's own)."""


@dataclass(frozen=True)
class Settings:
    """What a build needs to know besides the content."""

    root: Path
    site_name: str = "Build your local economy"
    docs_dir: str = "docs"
    pack: str | None = None
    """A town pack folder relative to `root`, e.g. `packs/demo-town`."""
    guide: str | None = None
    """Preview one guide (a slug)."""
    forum_url: str | None = None
    """New-topic address of the discussion forum; `{title}` and `{id}` become the step's."""
    edit_uri: str | None = None
    downloads: bool = True
    """Make the PDF hand-outs and editable decks (a preview leaves them out: faster)."""
    extensions: tuple[str, ...] = ()
    extension_configs: Mapping[str, Any] = field(default_factory=dict)


class _Town(BaseModel):
    """`town.yml`: a fork's own defaults."""

    model_config = ConfigDict(extra="forbid")
    pack: str | None = Field(default=None, pattern=r"^packs/[a-z0-9]+(?:-[a-z0-9]+)*/?$")
    edit_uri: str | None = Field(default=None, pattern=FORUM_URL.pattern)
    forum_url: str | None = Field(default=None, pattern=FORUM_URL.pattern)


def settings_from(
    root: Path, config: Mapping[str, Any], plugin: Mapping[str, Any]
) -> tuple[Settings, list[Problem]]:
    """Settings from MkDocs-style `config` values and the guidepack plugin's options.

    `config` holds `site_name`, `docs_dir`, `edit_uri`, `use_directory_urls` and
    `markdown_extensions` (names, or one-key mappings of name to options) with
    `mdx_configs`, as MkDocs keeps them after loading. Options left empty in `plugin`
    take their value from `town.yml`.
    """
    problems: list[Problem] = []
    town = _read_town(root, problems)
    names, configs = _extensions(config.get("markdown_extensions") or [])
    names = list(dict.fromkeys([*MKDOCS_BUILTINS, *names]))  # as MkDocs orders them
    configs.update(config.get("mdx_configs") or {})
    if SANITISER not in names:
        names.append(SANITISER)
    forum = town.forum_url or plugin.get("forum_url") or None  # a fork's own forum first
    if forum and not FORUM_URL.match(forum):
        problems.append(
            Problem(
                CONFIG_FILE,
                1,
                f"guidepack's forum_url must be a web address starting https://, not {forum!r}",
                "write the forum's new-topic address, or remove the line",
            )
        )
        forum = None
    if config.get("use_directory_urls", True) is False:
        problems.append(
            Problem(
                CONFIG_FILE,
                1,
                "guidepack publishes every page at a folder address; `use_directory_urls: "
                "false` is not supported",
                "remove the line (to read the site from disk, use the offline edition: "
                "`make offline`)",
            )
        )
    docs_rel = _docs_dir(root, Path(str(config.get("docs_dir") or "docs")), problems)
    settings = Settings(
        root=root,
        site_name=str(config.get("site_name") or Settings.site_name),
        docs_dir=Path(docs_rel).as_posix(),
        pack=(plugin.get("pack") or town.pack or None),
        guide=plugin.get("guide") or None,
        forum_url=forum,
        edit_uri=town.edit_uri or config.get("edit_uri") or None,
        downloads=bool(plugin.get("downloads", True)),
        extensions=tuple(names),
        extension_configs=configs,
    )
    return settings, problems


def read_settings(
    root: Path, *, pack: str | None = None, guide: str | None = None
) -> tuple[Settings, list[Problem]]:
    """Settings from `root/mkdocs.yml` (with `!ENV` as MkDocs reads it) and overrides."""
    path = root / CONFIG_FILE
    if not path.exists():
        return settings_from(
            root, {"markdown_extensions": list(DEFAULT_EXTENSIONS)}, _overrides(pack, guide)
        )
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml_loader()) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        detail = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
        return Settings(root), [Problem(CONFIG_FILE, 1, f"cannot read {CONFIG_FILE}: {detail}")]
    options: dict[str, Any] = {}
    for entry in config.get("plugins") or []:
        if isinstance(entry, Mapping) and "guidepack" in entry:
            options = dict(entry["guidepack"] or {})
    options.update(_overrides(pack, guide))
    return settings_from(root, config, options)


def _docs_dir(root: Path, docs_dir: Path, problems: list[Problem]) -> Path:
    """`docs_dir` relative to the repository (MkDocs makes it absolute)."""
    if not docs_dir.is_absolute():
        docs_dir = root / docs_dir
    try:
        return docs_dir.resolve().relative_to(root.resolve())
    except ValueError:
        problems.append(
            Problem(
                CONFIG_FILE,
                1,
                f"docs_dir {docs_dir.as_posix()} is outside the repository",
                "keep the pages in a folder of the repository, e.g. `docs_dir: docs`",
            )
        )
        return Path("docs")


def _overrides(pack: str | None, guide: str | None) -> dict[str, str]:
    return {k: v for k, v in (("pack", pack), ("guide", guide)) if v}


def config_plugins(root: Path) -> list[Any]:
    """The `plugins` list of `root/mkdocs.yml`, with `!ENV` values filled in."""
    config = yaml.load((root / CONFIG_FILE).read_text(encoding="utf-8"), Loader=yaml_loader())
    return list((config or {}).get("plugins") or [])


def _extensions(entries: list[Any]) -> tuple[list[str], dict[str, Any]]:
    names: list[str] = []
    configs: dict[str, Any] = {}
    for entry in entries:
        if isinstance(entry, Mapping):
            for name, options in entry.items():
                names.append(str(name))
                if options:
                    configs[str(name)] = dict(options)
        else:
            names.append(str(entry))
    return names, configs


def _read_town(root: Path, problems: list[Problem]) -> _Town:
    path = root / TOWN_FILE
    if not path.exists() and not path.is_symlink():
        return _Town()
    text = read_text(path, root)
    if isinstance(text, Problem):
        problems.append(text)
        return _Town()
    try:
        data, _ = parse_yaml(text)
        return _Town.model_validate(data or {})
    except FrontMatterError as exc:
        problems.append(Problem(TOWN_FILE, exc.line, exc.message, exc.hint))
    except ValidationError as exc:
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"]) or "the file"
            problems.append(
                Problem(
                    TOWN_FILE,
                    1,
                    f"`{key}`: {err['msg'].lower()}",
                    "town.yml may hold `pack: packs/<town>`, `edit_uri:` and `forum_url:`",
                )
            )
    return _Town()


def yaml_loader() -> type:
    """A safe YAML loader that reads `!ENV` as MkDocs does and ignores other tags."""

    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            names, default = [loader.construct_scalar(node)], None
        else:
            values = loader.construct_sequence(node)
            names, default = values[:-1] or values, values[-1] if len(values) > 1 else None
        for name in names:
            if os.environ.get(str(name)):
                return os.environ[str(name)]
        return default

    Loader.add_constructor("!ENV", env)
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return Loader
