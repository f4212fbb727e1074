"""The core as the tests call it: load and plan a repository in one call, render it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from guidepack.pipeline import build
from guidepack.plan import Site
from guidepack.problems import Problem
from guidepack.render import VirtualPage
from guidepack.render import render_site as _render_site
from guidepack.settings import Settings, read_settings

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Loaded:
    """A planned site and the problems found: the Site's attributes, plus `problems`."""

    site: Site
    problems: list[Problem]

    def __getattr__(self, name: str):
        return getattr(self.site, name)


def settings_for(root: Path, pack: str | None = None, guide: str | None = None) -> Settings:
    """The settings of `root`'s mkdocs.yml, or the real repository's for a bare folder."""
    config = root if (root / "mkdocs.yml").is_file() else REPO
    settings, _ = read_settings(config, pack=pack, guide=guide)
    return replace(settings, root=root, pack=pack or None, guide=guide or None)


def load_site(root: Path, pack: str | None = None, guide: str | None = None) -> Loaded:
    """Load, plan and check `root` (no rendering)."""
    built = build(settings_for(root, pack, guide), render=False)
    return Loaded(built.site, built.problems)


def render_site(
    loaded: Loaded | Site, dates: dict[str, str] | None = None
) -> dict[str, VirtualPage]:
    site = loaded.site if isinstance(loaded, Loaded) else loaded
    return _render_site(site, dates or {})


def render_guide_deck(loaded: Loaded, slug: str) -> str:
    """The HTML of a guide's pitch deck."""
    from guidepack import urls

    return render_site(loaded)[urls.deck_uri(slug)].content


def render_package_deck(loaded: Loaded) -> str:
    from guidepack import urls

    return render_site(loaded)[urls.deck_uri(None)].content
