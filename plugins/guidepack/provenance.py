"""Credit and provenance: when each content file last changed (from git), and licence names.

`last_updated` reads the history in one `git log` pass (not one git call per file) and
stops as soon as every wanted file has been seen. Outside a git work tree, or without git,
it returns nothing and pages simply leave the date out.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

LICENCES: dict[str, tuple[str, str]] = {
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
}
RECORD = "\x1e"  # git log: starts each commit's record
TIMEOUT = 60


def licence(spdx: str) -> tuple[str, str | None]:
    """The readable name of a licence and the address of its text (None when unknown)."""
    name, url = LICENCES.get(spdx, (spdx, None))
    return name, url


def human_date(iso: str) -> str:
    """`2026-11-22` as `22 November 2026`."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def last_updated(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """Map each of `paths` (relative to `root`) to the date of its last commit, YYYY-MM-DD.

    Paths git has never seen are left out; so is everything when `root` is not in a git
    work tree.
    """
    wanted = {p for p in paths if p}
    git = shutil.which("git")
    if not wanted or git is None:
        return {}
    folders = sorted({p.split("/", 1)[0] for p in wanted})
    command = [git, "log", f"--format={RECORD}%cI", "--name-only", "-z", "--relative"]
    try:
        proc = subprocess.Popen(
            [*command, "--", *folders],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
    except OSError:
        return {}
    found: dict[str, str] = {}
    pending = ""
    try:
        assert proc.stdout is not None
        while wanted.difference(found):
            chunk = proc.stdout.read1(65536)
            if not chunk:
                _take(pending, wanted, found)
                break
            pending += chunk.decode("utf-8", errors="replace")
            *complete, pending = pending.split(RECORD)
            for record in complete:
                _take(record, wanted, found)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=TIMEOUT)
        if proc.stdout is not None:
            proc.stdout.close()
    return found


def _take(record: str, wanted: set[str], found: dict[str, str]) -> None:
    """Record the commit date of every wanted path in one `git log` record not yet seen."""
    if not record:
        return
    date, *names = record.split("\0")
    date = date.strip()[:10]
    if len(date) != 10:
        return
    for name in names:
        name = name.strip("\n")
        if name in wanted and name not in found:
            found[name] = date


def upstream(root: Path) -> dict[str, str] | None:
    """The upstream commit this build is based on, as far as git knows.

    In a fork with a remote named `upstream`, the last upstream commit merged in (the merge
    base with `upstream/main`); otherwise the commit being built. None without git.
    """
    git = shutil.which("git")
    if git is None:
        return None

    def run(*args: str) -> str:
        try:
            done = subprocess.run(
                [git, *args], cwd=root, capture_output=True, text=True, timeout=TIMEOUT
            )
        except (OSError, subprocess.TimeoutExpired):
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    head = run("rev-parse", "HEAD")
    if not head:
        return None
    for ref in ("upstream/main", "upstream/HEAD"):
        base = run("merge-base", "HEAD", ref)
        if base:
            return {"commit": base, "from": ref, "head": head}
    return {"commit": head, "from": "HEAD", "head": head}
