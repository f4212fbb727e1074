#!/usr/bin/env python3
"""Check the external links of the content: `make linkcheck` (needs the network; not in CI).

Collects every http(s) URL in the front matter and bodies of guides/, theory/,
interviews/, packs/ and docs/, asks each host once per URL (HEAD, then GET when HEAD is
refused), and reports the broken ones with the files and lines that use them.

python tools/linkcheck.py              check every URL; exit 1 if any is broken
python tools/linkcheck.py --dry-run    list the URLs and where they are used; no network
"""

from __future__ import annotations

import argparse
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("guides", "theory", "interviews", "packs", "docs")
SUFFIXES = {".md", ".yml", ".yaml"}
URL = re.compile(r"https?://[^\s<>\"'`)\]]+")
TRAILING = ".,;:!?*_"
USER_AGENT = "Mozilla/5.0 (compatible; guidepack-linkcheck/1)"
REFUSED_HEAD = {403, 405, 501}


def collect(root: Path) -> dict[str, list[str]]:
    """Every external URL under the content folders, with the `file:line`s that use it."""
    found: dict[str, list[str]] = {}
    for folder in FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(p for p in base.rglob("*") if p.suffix in SUFFIXES and p.is_file()):
            rel = path.relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), start=1):
                for match in URL.finditer(line):
                    url = match.group().rstrip(TRAILING)
                    found.setdefault(url, []).append(f"{rel}:{number}")
    return dict(sorted(found.items()))


def status_of(url: str, timeout: float) -> str:
    """ "" when the URL answers with a success (after redirects), else what went wrong."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if method == "GET":
                    response.read(1024)
                return ""
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in REFUSED_HEAD:
                continue  # some servers refuse HEAD but serve GET
            return f"HTTP {exc.code} {exc.reason}"
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return f"no answer: {reason}"
    return "no answer"


def check(urls: Iterable[str], timeout: float = 15.0, workers: int = 8) -> dict[str, str]:
    """Each URL's problem ("" when it works), checked a few at a time."""
    urls = list(urls)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = pool.map(lambda u: status_of(u, timeout), urls)
        return dict(zip(urls, results, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="linkcheck.py",
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root")
    parser.add_argument("--dry-run", action="store_true", help="list the URLs; no network")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds per request")
    args = parser.parse_args(argv)
    found = collect(args.root)
    if args.dry_run:
        for url, where in found.items():
            print(f"{url}\n    {', '.join(where)}")
        print(f"{len(found)} external URL(s).")
        return 0
    results = check(found, args.timeout)
    broken = {url: problem for url, problem in results.items() if problem}
    for url, problem in broken.items():
        print(f"{url}: {problem}\n    used in {', '.join(found[url])}", file=sys.stderr)
    print(f"{len(found)} external URL(s) checked, {len(broken)} broken.")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
