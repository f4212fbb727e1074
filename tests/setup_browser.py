"""Install what the browser tests need if it is missing: Debian's Chromium and axe-core (npm)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parent.parent
AXE_VERSION = "4.14.1"  # pinned: the accessibility rules change between versions
AXE_DIR = REPO / ".cache" / "axe"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"


def _run(cmd: list[str]) -> int:
    if os.geteuid() != 0 and shutil.which("sudo"):
        cmd = ["sudo", *cmd]
    print("+", " ".join(cmd), flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL).returncode


def main() -> int:
    return install_chromium() or install_axe()


def install_chromium() -> int:
    if CHROMIUM.exists():
        return 0
    install = [
        "apt-get",
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "fonts-dejavu-core",
    ]
    if _run(install) != 0 and (_run(["apt-get", "update"]) != 0 or _run(install) != 0):
        print(
            "Could not install Chromium with apt-get; browser tests need /usr/bin/chromium.",
            file=sys.stderr,
        )
        return 1
    return 0


def axe_version() -> str | None:
    """The version of axe-core installed in .cache/axe, if any."""
    meta = AXE_JS.parent / "package.json"
    if not AXE_JS.is_file() or not meta.is_file():
        return None
    return json.loads(meta.read_text(encoding="utf-8")).get("version")


def install_axe() -> int:
    """axe-core, the accessibility checker, from npm into .cache/axe (gitignored)."""
    if axe_version() == AXE_VERSION:
        return 0
    install = ["apt-get", "install", "-y", "--no-install-recommends", "npm"]
    missing = not shutil.which("npm")
    if missing and _run(install) != 0 and (_run(["apt-get", "update"]) or _run(install)):
        print("Could not install npm with apt-get; accessibility tests need it.", file=sys.stderr)
        return 1
    cmd = ["npm", "install", "--prefix", str(AXE_DIR), "--no-save", "--no-audit", "--no-fund"]
    print("+", " ".join([*cmd, f"axe-core@{AXE_VERSION}"]), flush=True)
    AXE_DIR.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([*cmd, f"axe-core@{AXE_VERSION}"], stdout=subprocess.DEVNULL)
    if done.returncode != 0 or axe_version() != AXE_VERSION:
        print(f"Could not install axe-core {AXE_VERSION} with npm.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
