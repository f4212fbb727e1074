"""The load stage: every file of the repository's content read into records, once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import Problem
from ..records import Pack, Package
from .content import CONTENT_ROOTS, RESERVED_STEP_SLUGS, STEP_FILE, load_guides, load_pages
from .docs import load_docs
from .packs import load_pack

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = ["CONTENT_ROOTS", "RESERVED_STEP_SLUGS", "STEP_FILE", "load"]


def load(settings: Settings) -> tuple[Package, Pack | None, list[Problem]]:
    """Read guides, theory, interviews, `docs/` and (with `settings.pack`) the town pack."""
    problems: list[Problem] = []
    root = settings.root
    package = Package(guides=load_guides(root, problems))
    package.pages, package.interviews = load_pages(root, problems)
    package.docs, package.assets = load_docs(root, settings.docs_dir, problems)
    pack = None
    if settings.pack:
        pack, pack_problems = load_pack(root, Path(settings.pack), package)
        problems.extend(pack_problems)
    return package, pack, problems
