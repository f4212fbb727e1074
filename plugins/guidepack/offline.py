"""The offline edition: the built site made to work from `file://`, packed as one ZIP.

A browser opening a page from disk does not turn a folder address (`../guides/`) into its
`index.html`, and cannot fetch Pagefind's index. So the edition is the built site with
every link to a folder pointed at the folder's `index.html`, plus the offline search
script (`search.offline_index`). It is made from the built HTML, so it works for any
engine and costs one read of the site rather than a second build.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from .search import OFFLINE_INDEX, offline_index

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


def edition_files(site_dir: Path, *, skip: tuple[str, ...] = ()) -> Iterator[tuple[str, bytes]]:
    """The offline edition's files (path, bytes), made from the built site as it is read:
    folder links fixed in every page, Pagefind's folder left out, the offline index added."""
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_dir() or rel.split("/", 1)[0] in SKIP or path.name in skip:
            continue
        data = path.read_bytes()
        if path.suffix == ".html":
            data = folder_links_to_files(data.decode("utf-8")).encode("utf-8")
        yield rel, data
    yield OFFLINE_INDEX, offline_index(site_dir).encode("utf-8")


def offline_zip(site_dir: Path, name: str) -> Path:
    """Make the offline edition of the site in `site_dir` and put it in its `downloads/`."""
    target = site_dir / "downloads" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    top = name.removesuffix(".zip")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for rel, data in edition_files(site_dir, skip=(name, tmp.name)):
            info = zipfile.ZipInfo(f"{top}/{rel}", _STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=1)
    os.replace(tmp, target)
    return target
