#!/usr/bin/env python3
"""guidepack's command line; `python build.py --help` lists the commands."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

ROOT = Path(__file__).absolute().parent
sys.path.insert(0, str(ROOT / "plugins"))

from guidepack.cli import main  # noqa: E402

if __name__ == "__main__":
    code = main(ROOT)
    if not gc.isenabled():  # `check` holds the whole package: skip freeing it object by object
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
