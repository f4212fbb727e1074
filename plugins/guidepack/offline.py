"""The offline edition: the built site made to work from `file://`, packed as one ZIP.

A browser opening a page from disk does not turn a folder address (`../guides/`) into its
`index.html`, and cannot fetch Pagefind's index. So the edition is the built site with
every link to a folder pointed at the folder's `index.html`, plus the offline search
script (`search.offline_index`). It is made from the built HTML, so it works for any
engine and costs a copy rather than a second build.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from .search import write_offline_index

_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"#?:]*)([?#][^"]*)?(")')
_STAMP = (2026, 1, 1, 0, 0, 0)  # every entry gets the same time: the same site, the same ZIP
SKIP = ("pagefind",)


def folder_links_to_files(html: str) -> str:
    """Relative links to folders (`../guides/`, `.`, `..`) with `index.html` added."""

    def fix(match: re.Match) -> str:
        lead, path, rest, end = match.group(1), match.group(2), match.group(3) or "", match.group(4)
        if path.startswith("/"):
            return match.group(0)
        if path == "" and rest:
            return match.group(0)  # `#anchor` on the same page
        if path in ("", ".", "./"):
            path = "index.html"
        elif path.endswith("/"):
            path += "index.html"
        elif path == ".." or path.endswith("/.."):
            path += "/index.html"
        else:
            return match.group(0)
        return f"{lead}{path}{rest}{end}"

    return _ATTRIBUTE.sub(fix, html)


def make_edition(site_dir: Path, out: Path, *, skip: tuple[str, ...] = ()) -> None:
    """Copy the built site into `out` (a new folder) as the offline edition."""
    ignore = shutil.ignore_patterns(*SKIP, *skip)
    shutil.copytree(site_dir, out, ignore=ignore)
    for path in out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        fixed = folder_links_to_files(text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
    write_offline_index(out)


def zip_folder(folder: Path, target: Path, top: str) -> None:
    """Pack `folder` into the ZIP `target`, under one top folder `top`, reproducibly."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_dir():
                continue
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", _STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    os.replace(tmp, target)


def offline_zip(site_dir: Path, name: str) -> Path:
    """Make the offline edition of the site in `site_dir` and put it in its `downloads/`."""
    target = site_dir / "downloads" / name
    with tempfile.TemporaryDirectory(prefix=".gp-offline-", dir=site_dir.parent) as tmp:
        edition = Path(tmp) / "edition"
        make_edition(site_dir, edition, skip=(name,))
        zip_folder(edition, target, name.removesuffix(".zip"))
    return target
