"""Two builds of the same commit give the same bytes, but for timestamps the theme writes.

The second build runs with another hash seed (set and dict order) and another build date.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from fixtures import REPO

SVG = re.compile(rb"<svg[^>]*data-gp-graph.*?</svg>", re.S)
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")
PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d+[^)]*\)|/ID \n\[<[0-9a-f]+><[0-9a-f]+>\]")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    """The real site built again, with another hash seed and a build date in 2020."""
    out = tmp_path_factory.mktemp("again") / "site"
    env = {**os.environ, "PYTHONHASHSEED": "12345", "SOURCE_DATE_EPOCH": "1600000000"}
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "build", "--site-dir", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def normalised(path: Path) -> bytes:
    """A built file's bytes without the build's own timestamps (in a ZIP, its files')."""
    data = path.read_bytes()
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            return b"\0".join(
                info.filename.encode() + _clean(Path(info.filename), archive.read(info))
                for info in archive.infolist()
            )
    return _clean(path, data)


def _clean(path: Path, data: bytes) -> bytes:
    if path.suffix == ".gz":
        data = gzip.decompress(data)  # the gzip header holds the build date
    data = PDF_DATE.sub(b"", data)  # hand-outs are dated SOURCE_DATE_EPOCH (their ID too)
    return LASTMOD.sub(b"<lastmod/>", data)  # sitemap entries carry the build date


def test_package_page_package_json_and_svg_are_byte_identical(built_repo, rebuilt):
    for rel in ("package/index.html", "package.json"):
        assert (built_repo / rel).read_bytes() == (rebuilt / rel).read_bytes(), rel
    first = SVG.findall((built_repo / "package/index.html").read_bytes())
    second = SVG.findall((rebuilt / "package/index.html").read_bytes())
    assert len(first) == 1 and first == second


def test_every_other_file_is_identical_but_for_theme_timestamps(built_repo, rebuilt):
    """Pagefind's index is left out: its file names and order follow the order it happens
    to list folders in, and every build makes it again from these identical pages."""

    def files(site: Path) -> list[Path]:
        found = (p.relative_to(site) for p in site.rglob("*") if p.is_file())
        return sorted(rel for rel in found if rel.parts[0] != "pagefind")

    assert files(built_repo) == files(rebuilt)
    differ = [
        rel
        for rel in files(built_repo)
        if normalised(built_repo / rel) != normalised(rebuilt / rel)
    ]
    assert differ == []
