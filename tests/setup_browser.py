"""Install what the browser tests need (Debian's Chromium) if it is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")


def _run(cmd: list[str]) -> int:
    if os.geteuid() != 0 and shutil.which("sudo"):
        cmd = ["sudo", *cmd]
    print("+", " ".join(cmd), flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL).returncode


def main() -> int:
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


if __name__ == "__main__":
    sys.exit(main())
