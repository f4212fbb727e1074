"""Atomic site folders: build beside the site, swap it in whole, clean up after killed builds.

A build writes into `.site-build-<pid>-*` next to the site and swaps it in at the end, in
one step where the system can (Linux `renameat2(RENAME_EXCHANGE)`), else with two renames
through `.site-old-<pid>-*`. A build killed at any point leaves the previous site in place
(or, between the two renames, in `.site-old-*`, from where the next build puts it back).
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

STALE_AFTER = 24 * 3600  # seconds: a build folder this old is stale even if its pid is reused
_NAME = re.compile(r"^\.site-(?:build|old)-(\d+)-")


def temp_dir(parent: Path, kind: str = "build") -> Path:
    """A new empty folder `.site-<kind>-<pid>-*` in `parent` (the pid tells if it is stale)."""
    return Path(tempfile.mkdtemp(prefix=f".site-{kind}-{os.getpid()}-", dir=parent))


def swap_in(new: Path, target: Path) -> None:
    """Put the folder `new` in place of `target`, so readers never see half a site."""
    if target.exists() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the previous site
        return
    old = None
    if target.exists():
        old = temp_dir(target.parent, "old")
        os.replace(target, old / target.name)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def remove_stale(target: Path) -> list[Path]:
    """Remove the folders killed builds left beside `target`; put back a site lost mid-swap."""
    removed = []
    for path in sorted(target.parent.glob(".site-*-*")):
        match = _NAME.match(path.name)
        if not match or not path.is_dir() or not _stale(path, int(match.group(1))):
            continue
        kept = path / target.name
        if path.name.startswith(".site-old-") and kept.is_dir() and not target.exists():
            os.replace(kept, target)  # killed between the two renames of a swap
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _stale(path: Path, pid: int) -> bool:
    """True when the build that made `path` is gone (or `path` is very old)."""
    try:
        if time.time() - path.stat().st_mtime > STALE_AFTER:
            return True
    except OSError:
        return False
    if pid == os.getpid() or sys.platform == "win32":  # Windows' os.kill(pid, 0) kills
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OSError):
        return False
    return False


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False where the system cannot (then rename twice)."""
    if sys.platform != "linux":
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0
