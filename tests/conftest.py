"""Shared fixtures: import path for the plugin and tiny repositories in tmp_path."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))
sys.path.insert(0, str(REPO / "tests"))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty repository folder to write content into."""
    return tmp_path


@pytest.fixture(scope="session")
def built_repo(tmp_path_factory) -> Path:
    """The real repository built once with build.py into a temporary site folder."""
    out = tmp_path_factory.mktemp("real") / "site"
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "build", "--site-dir", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory) -> Path:
    """The real repository's demo town pack built once with build.py."""
    out = tmp_path_factory.mktemp("demo") / "site"
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "build", "--pack", "packs/demo-town"]
        + ["--site-dir", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def serve_folder(folder: Path):
    """Serve `folder` over HTTP on a free loopback port; returns (base url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_repo):
    """Base URL of the real site, served on loopback."""
    url, server = serve_folder(built_repo)
    yield url
    server.shutdown()


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()
