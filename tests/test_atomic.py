"""A build killed mid-way (SIGKILL) leaves the previous site whole, and the next build cleans up."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures import REPO, site_repo, step, two_guides, write
from guidepack import atomic


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def many_steps(n: int) -> dict[str, str]:
    """A guide with enough steps that a build takes a moment to write them."""
    files = {
        f"guides/beta/{i:02d}-extra-{i}.md": step(f"Extra {i}", ["beta/plan"]) for i in range(3, n)
    }
    return {**two_guides(), **files}


def build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build.py"], cwd=root, capture_output=True, text=True)


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_sigkill_mid_build_leaves_the_previous_site_and_the_next_build_cleans_up(tmp_path):
    root = site_repo(tmp_path, many_steps(40))
    (root / "build.py").symlink_to(REPO / "build.py")
    first = build(root)
    assert first.returncode == 0, first.stderr
    before = snapshot(root / "site")
    assert "guides/beta/extra-39/index.html" in before
    write(root, {"guides/beta/40-new.md": step("New")})

    proc = subprocess.Popen(
        [sys.executable, "build.py"], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            partial = list(root.glob(".site-build-*"))
            if partial and any(p.is_file() for p in partial[0].rglob("*")):
                break  # the new site is half written
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)  # does nothing if the build has already ended
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the build ended before it could be killed"
    leftovers = list(root.glob(".site-build-*"))
    assert leftovers, "the killed build's folder is still there"
    assert snapshot(root / "site") == before

    again = build(root)
    assert again.returncode == 0, again.stderr
    assert not list(root.glob(".site-*")), "the stale build folder was removed"
    assert (root / "site/guides/beta/new/index.html").is_file()
    assert (root / "site/index.html").is_file()


def test_a_failed_build_removes_its_own_folder(tmp_path):
    root = site_repo(tmp_path, two_guides())
    (root / "build.py").symlink_to(REPO / "build.py")
    write(root, {"guides/beta/03-x.md": step("X", ["beta/nope"])})
    result = build(root)
    assert result.returncode == 1
    assert "guides/beta/03-x.md:4: `requires` names `beta/nope`" in result.stderr
    assert not list(root.glob(".site-*"))
    assert not (root / "site").exists()


def test_folders_of_running_builds_are_kept(tmp_path):
    target = tmp_path / "site"
    mine = atomic.temp_dir(tmp_path)
    gone = tmp_path / f".site-build-{dead_pid()}-abc"
    gone.mkdir()
    other = tmp_path / ".site-config"  # not ours: a name without a pid
    other.mkdir()
    assert atomic.remove_stale(target) == [gone]
    assert mine.is_dir() and other.is_dir() and not gone.exists()


def test_a_site_lost_between_the_two_renames_is_put_back(tmp_path):
    target = tmp_path / "site"
    old = tmp_path / f".site-old-{dead_pid()}-abc"
    (old / "site").mkdir(parents=True)
    (old / "site/index.html").write_text("previous")
    atomic.remove_stale(target)
    assert (target / "index.html").read_text() == "previous"
    assert not old.exists()


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_swap_in_replaces_the_whole_folder(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    target = tmp_path / "site"
    (target / "old").mkdir(parents=True)
    (target / "old/page.html").write_text("old")
    new = atomic.temp_dir(tmp_path)
    (new / "index.html").write_text("new")
    atomic.swap_in(new, target)
    assert snapshot(target) == {"index.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    fresh = tmp_path / "fresh"
    new = atomic.temp_dir(tmp_path)
    (new / "index.html").write_text("first")
    atomic.swap_in(new, fresh)
    assert snapshot(fresh) == {"index.html": b"first"}
