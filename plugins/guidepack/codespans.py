"""Where a Markdown text holds code: checks and renderers leave code as written."""

from __future__ import annotations

import re

_TICKS = re.compile(r"`+|\n[ \t]*\n")


def mask_code(text: str) -> str:
    """The text with fenced code blocks and code spans blanked out (newlines kept)."""
    if "`" not in text and "~~~" not in text:
        return text  # no code: most texts
    if "```" in text or "~~~" in text:
        text = _mask_fences(text)
    if "`" not in text:
        return text
    chars = list(text)
    opened: dict[int, int] = {}  # length of an unclosed run of backticks -> where it starts
    for match in _TICKS.finditer(text):
        ticks = match.group()
        if ticks[0] != "`":
            opened.clear()  # code spans end at a blank line
        elif len(ticks) in opened:
            start = opened.pop(len(ticks))
            opened = {n: at for n, at in opened.items() if at < start}
            span = range(start, match.end())
            chars[start : match.end()] = [" " if chars[k] != "\n" else "\n" for k in span]
        else:
            opened[len(ticks)] = match.start()
    return "".join(chars)


def _mask_fences(text: str) -> str:
    """The text with fenced code blocks blanked out (newlines kept)."""
    lines = text.split("\n")
    fence: tuple[str, int, int] | None = None  # character, length, first line
    for i, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        mark = stripped[:1]
        run = len(stripped) - len(stripped.lstrip(mark)) if mark in ("`", "~") else 0
        if len(line) - len(stripped) > 3 or run < 3:
            continue
        if fence is None:
            fence = (mark, run, i)
        elif mark == fence[0] and run >= fence[1] and not stripped[run:].strip():
            for j in range(fence[2], i + 1):
                lines[j] = " " * len(lines[j])
            fence = None
    return "\n".join(lines)
