"""The floor for `check`: read every step file and parse its front matter, nothing else.

    python bench/floor.py REPO

Uses PyYAML's C loader, as guidepack does; prints the number of files and the seconds.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml


def main() -> None:
    start = time.perf_counter()
    count = 0
    for path in sorted(Path(sys.argv[1], "guides").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        front = text.split("\n---\n", 1)[0][4:]
        yaml.load(front, Loader=yaml.CSafeLoader)
        count += 1
    print(f"{count} files read and parsed in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
