"""What a reader's first search downloads: search.js, Pagefind and the parts of its index.

    python bench/search_transfer.py SITE "a step title"

Serves the built site over HTTP, opens its search page in Debian's Chromium (Playwright),
types the query and waits for the results; then sums the bytes of every response that
search needed. Used by `make bench` and by tests/test_offline.py.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update",
]  # fmt: skip


@dataclass
class Transfer:
    """The first search's downloads, and the first result it showed."""

    files: dict[str, int]
    first_result: str
    first_guide: str

    @property
    def total(self) -> int:
        return sum(self.files.values())


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def first_search(page, site: Path, query: str) -> Transfer:
    """Search `site` for `query` in a Playwright `page`; what that downloaded."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    sizes: dict[str, int] = {}
    try:
        page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if r.ok else None)
        page.goto(url + "search/")
        page.locator("[data-gp-search-form]").wait_for()
        page.locator("[data-gp-search-query]").fill(query)
        first = page.locator("[data-gp-result] > a").first
        first.wait_for()
        page.wait_for_load_state("networkidle")
        found = {
            u.removeprefix(url): n
            for u, n in sizes.items()
            if "/pagefind/" in u or u.endswith("/search.js")
        }
        guide = page.locator("[data-gp-result] .gp-guide").first.inner_text()
        return Transfer(found, first.inner_text(), guide)
    finally:
        server.shutdown()


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    site, query = Path(argv[0]), argv[1]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        transfer = first_search(browser.new_page(), site, query)
        browser.close()
    for name, size in sorted(transfer.files.items(), key=lambda i: -i[1]):
        print(f"{size:>9,}  {name}")
    print(f"{transfer.total:>9,}  in {len(transfer.files)} files; first result: "
          f"{transfer.first_result!r} ({transfer.first_guide})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
