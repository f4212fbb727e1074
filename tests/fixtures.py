"""Tiny content fixtures written into a temporary folder."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PITCH = """\
pitch:
  problem: A problem.
  offer: An offer.
  who_benefits: [everyone]
  costs: Some money.
  first_steps: [Meet]
  ask: Help us.
"""


def guide_index(title: str, essential: bool = False) -> str:
    flag = str(essential).lower()
    front = f"title: {title}\nsummary: About {title}.\nessential: {flag}\n{PITCH}"
    return f"---\n{front}---\n\nIntro.\n"


def step(
    title: str, requires: list[str] | None = None, extra: str = "", body: str = "Body text."
) -> str:
    req = f"requires: [{', '.join(requires)}]\n" if requires else ""
    return f"---\ntitle: {title}\nsummary: Do {title}.\n{req}{extra}---\n\n{body}\n"


def write(root: Path, files: dict[str, str]) -> Path:
    """Write `files` (path -> text, dedented) under root."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
    return root


def two_guides() -> dict[str, str]:
    """Two small guides, `alpha` (essential) and `beta`, with one cross-guide requirement."""
    return {
        "guides/alpha/index.md": guide_index("Alpha guide", essential=True),
        "guides/alpha/01-start.md": step("Start"),
        "guides/alpha/02-grow.md": step("Grow", ["alpha/start"]),
        "guides/beta/index.md": guide_index("Beta guide"),
        "guides/beta/01-plan.md": step("Plan"),
        "guides/beta/02-launch.md": step("Launch", ["beta/plan", "alpha/grow"]),
    }


def site_repo(root: Path, files: dict[str, str]) -> Path:
    """A buildable repository: the real mkdocs.yml, a minimal docs/ shell, and `files`."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides", dirs_exist_ok=True)
    shell = {
        "docs/index.md": "# Home\n\nWelcome.\n",
        "docs/blog/index.md": "# News\n",
        "theory/index.md": "---\ntitle: Theory\nsummary: Essays.\n---\n\nEssays.\n",
        "interviews/index.md": "---\ntitle: Interviews\nsummary: Talks.\n---\n\nNone yet.\n",
    }
    return write(root, {**shell, **files})


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd` as a test author, on branch main; its output (fails the test on error)."""
    config = ["-c", "user.name=Test", "-c", "user.email=test@localhost"]
    config += ["-c", "init.defaultBranch=main"]
    result = subprocess.run(["git", *config, *args], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout
