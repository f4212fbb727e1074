"""`make linkcheck`: external URLs are collected from the content and checked (here on loopback)."""

from __future__ import annotations

import http.server
import socket
import subprocess
import sys
import threading

import pytest
from fixtures import REPO, step, two_guides, write

sys.path.insert(0, str(REPO / "tools"))
import linkcheck  # noqa: E402


class Handler(http.server.BaseHTTPRequestHandler):
    """/ok answers; /gone is 404; /no-head refuses HEAD but serves GET."""

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _answer(self, head: bool) -> None:
        code = {"/ok": 200, "/no-head": 405 if head else 200}.get(self.path, 404)
        self.send_response(code)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if not head:
            self.wfile.write(b"ok")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def local_host():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_collects_urls_from_front_matter_and_bodies_with_file_and_line(tmp_path):
    resources = "resources:\n  - {title: Rules, url: 'https://example.org/rules'}\n"
    body = "See <https://example.org/guide>, and [the act](https://example.org/act).\n"
    write(tmp_path, {**two_guides(), "guides/beta/03-x.md": step("X", extra=resources, body=body)})
    found = linkcheck.collect(tmp_path)
    assert found == {
        "https://example.org/act": ["guides/beta/03-x.md:8"],
        "https://example.org/guide": ["guides/beta/03-x.md:8"],
        "https://example.org/rules": ["guides/beta/03-x.md:5"],
    }


def test_checks_each_url_and_names_what_is_broken(local_host):
    dead = f"http://127.0.0.1:{free_port()}/x"
    urls = [f"{local_host}/ok", f"{local_host}/gone", f"{local_host}/no-head", dead]
    results = linkcheck.check(urls, timeout=5)
    assert results[f"{local_host}/ok"] == ""
    assert results[f"{local_host}/no-head"] == ""
    assert results[f"{local_host}/gone"] == "HTTP 404 Not Found"
    assert results[dead].startswith("no answer:")


def test_dry_run_lists_the_real_content_urls_without_the_network():
    result = subprocess.run(
        [sys.executable, str(REPO / "tools/linkcheck.py"), "--dry-run"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "https://www.uk.coop/" in result.stdout
    assert result.stdout.rstrip().endswith("external URL(s).")
