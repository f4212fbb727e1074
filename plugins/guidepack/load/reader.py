"""The one file reader: every content file is read here, with the same guards.

A file must lie inside the repository once symlinks and `..` are resolved, be a regular
file, be at most MAX_FILE_BYTES, be readable and be UTF-8. A byte order mark is dropped
and line ends become `\\n`. Each failure is one Problem naming the file; nothing raises.
Folders are listed the same way (`list_folder`): entries that resolve outside the
repository are refused, so a symlinked folder cannot publish files from elsewhere.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..problems import Problem

MAX_FILE_BYTES = 500_000  # a step is about 6 KB; a 50 MB "note" is a mistake or an attack
SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,120}$")


def rel_path(path: Path, root: Path) -> str:
    """`path` relative to the repository root, as written in messages (never resolved)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, with symlinks and `..` resolved, lies inside `root`."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def outside_problem(path: Path, root: Path, what: str = "file") -> Problem | None:
    """A problem when `path` resolves outside the repository (e.g. a symlink to /etc), or
    into a hidden file or folder the path does not name (a link to `.git/config`)."""
    if inside(path, root):
        return _hidden_problem(path, root, what)
    try:
        target = os.path.realpath(path)
    except OSError:
        target = "?"
    return Problem(
        rel_path(path, root),
        0,
        f"this {what} leads outside the repository (to {target}); guidepack reads only files "
        "inside it",
        f"replace the link with the real {what}, copied into the repository",
    )


def _hidden_problem(path: Path, root: Path, what: str) -> Problem | None:
    target = path.resolve().relative_to(root.resolve())
    if not any(part.startswith(".") for part in target.parts):
        return None
    if any(part.startswith(".") for part in Path(rel_path(path, root)).parts):
        return None  # named as hidden (`.authors.yml`): read on purpose
    return Problem(
        rel_path(path, root),
        0,
        f"this {what} leads to {target.as_posix()}, a hidden file or folder, which guidepack "
        "does not publish",
        f"replace the link with the real {what}",
    )


def read_text(
    path: Path, root: Path, *, rel: str = "", trusted_inside: bool = False
) -> str | Problem:
    """The text of a content file, or the Problem that stops it from being read.

    `rel` is the path to name in messages (default: relative to `root`). With
    `trusted_inside`, the caller has already resolved `path`'s folder inside the repository
    and only a symlink at `path` itself is checked (saves a resolve per file at scale).
    """
    rel = rel or rel_path(path, root)
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode) or not trusted_inside:
            problem = outside_problem(path, root)
            if problem is not None:
                return problem
            info = os.stat(path)
    except FileNotFoundError:
        return Problem(
            rel, 0, "the file does not exist (or is a broken link)", "create it, or fix the name"
        )
    except OSError as exc:
        return Problem(rel, 0, f"cannot read the file: {exc.strerror}", "check its permissions")
    if stat.S_ISDIR(info.st_mode):
        return _folder_problem(rel)
    if not stat.S_ISREG(info.st_mode):
        return Problem(rel, 0, "this is not a regular file", "replace it with a plain text file")
    if info.st_size > MAX_FILE_BYTES:
        return Problem(
            rel,
            0,
            f"file is too large ({info.st_size:,} bytes; at most {MAX_FILE_BYTES:,})",
            "split it into smaller pages",
        )
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return Problem(rel, 0, f"cannot read the file: {exc.strerror}", "check its permissions")
    if len(raw) > MAX_FILE_BYTES:
        return Problem(rel, 0, "file is too large", "split it into smaller pages")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return Problem(rel, line, f"file is not UTF-8 text (byte {exc.start})", "save it as UTF-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _folder_problem(rel: str) -> Problem:
    return Problem(
        rel,
        0,
        "this is a folder, where a Markdown file is expected",
        "move the folder, or rename it without `.md`",
    )


def list_folder(
    folder: Path, root: Path, problems: list[Problem], *, suffix: str = "", safe_names: bool = True
) -> list[Path]:
    """The entries of `folder` (sorted; hidden ones skipped), refusing any that leads outside.

    With `suffix`, only files ending in it and subfolders are listed. With `safe_names`, a
    name a web address cannot carry as it is (spaces, quotes...) is a problem too (callers
    that check names more strictly themselves turn it off).
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        return []
    except OSError as exc:
        problems.append(
            Problem(
                rel_path(folder, root),
                0,
                f"cannot read the folder: {exc.strerror}",
                "check its permissions",
            )
        )
        return []
    found = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if safe_names and not SAFE_NAME.match(entry.name):
            problems.append(
                Problem(
                    rel_path(path, root),
                    0,
                    f"the name {entry.name!r} has characters a web address cannot carry safely",
                    "rename it with letters, digits, `-`, `_` and `.` only, e.g. "
                    "`community-energy.md`",
                )
            )
            continue
        try:
            is_dir = entry.is_dir()
            if entry.is_symlink():
                problem = outside_problem(path, root, "folder" if is_dir else "file")
                if problem is not None:
                    problems.append(problem)
                    continue
        except OSError as exc:
            problems.append(Problem(rel_path(path, root), 0, f"cannot read it: {exc.strerror}"))
            continue
        if suffix and not is_dir and not entry.name.endswith(suffix):
            continue
        found.append(path)
    return found


def walk_files(
    folder: Path, root: Path, problems: list[Problem], *, suffix: str = ""
) -> list[Path]:
    """Every file under `folder` (depth first, sorted), through `list_folder`'s guards."""
    files: list[Path] = []
    seen: set[str] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        real = os.path.realpath(current)
        if real in seen:  # a symlink loop inside the repository
            continue
        seen.add(real)
        entries = list_folder(current, root, problems, suffix=suffix)
        for path in reversed(entries):
            if path.is_dir() and path.name.endswith(".md"):  # a note or page made a folder
                problems.append(_folder_problem(rel_path(path, root)))
            elif path.is_dir():
                stack.append(path)
        files.extend(p for p in entries if not p.is_dir())
    return sorted(files)
