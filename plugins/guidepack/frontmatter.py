"""Split a Markdown file into YAML front matter and body, keeping the line of every key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_EXPANDED = 100_000


class FrontMatterError(ValueError):
    """Front matter that cannot be read; `line` is the file line (1-based)."""

    def __init__(self, message: str, line: int, hint: str = ""):
        super().__init__(message)
        self.line = line
        self.hint = hint


@dataclass
class Parsed:
    """Front matter data, the file line of each key path, and the body."""

    data: Any
    lines: dict[tuple, int]
    body: str
    body_line: int


def split(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, file line where the body starts)."""
    if not text.startswith("---"):
        return None, text, 1
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None, text, 1
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    raise FrontMatterError(
        "front matter is not closed",
        1,
        "end the front matter with a line holding only `---`",
    )


def parse_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[tuple, int]]:
    """Parse YAML, returning the data and the file line of every key path.

    `first_line` is the file line of the YAML's first line. Raises FrontMatterError.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {(): first_line}
        _check_aliases(node, first_line)
        lines: dict[tuple, int] = {}
        _index(node, (), lines, first_line)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and mark and mark.line >= len(text.splitlines()):
            mark = exc.context_mark  # an unclosed bracket: point at where it opened
        line = first_line + (mark.line if mark else 0)
        problem = exc.problem or "invalid YAML"
        raise FrontMatterError(
            f"YAML syntax error: {problem}",
            line,
            "check the indentation, and put text in quotes when it holds `: ` or `#`, "
            "or starts with `[`, `{`, `*` or `&`",
        ) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"YAML error: {exc}", first_line) from None
    finally:
        loader.dispose()
    return data, lines


def parse(text: str) -> Parsed:
    """Parse a Markdown file's front matter (empty mapping when there is none)."""
    front, body, body_line = split(text)
    if front is None:
        return Parsed({}, {(): 1}, body, body_line)
    data, lines = parse_yaml(front, first_line=2)
    lines.setdefault((), 1)
    return Parsed(data if data is not None else {}, lines, body, body_line)


def _index(node: yaml.Node, path: tuple, lines: dict[tuple, int], first: int) -> None:
    """Record the line of every mapping key and sequence item under `node`."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                sub = (*path, key.value)
                lines.setdefault(sub, first + key.start_mark.line)
                _index(value, sub, lines, first)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            sub = (*path, i)
            lines.setdefault(sub, first + item.start_mark.line)
            _index(item, sub, lines, first)


def _check_aliases(node: yaml.Node, first: int) -> None:
    """Refuse documents whose aliases would expand to a huge tree (a "billion laughs")."""
    sizes: dict[int, int] = {}

    def size(n: yaml.Node) -> int:
        if id(n) in sizes:
            return sizes[id(n)]
        sizes[id(n)] = 1  # guards against recursive aliases
        if isinstance(n, yaml.MappingNode):
            total = 1 + sum(size(k) + size(v) for k, v in n.value)
        elif isinstance(n, yaml.SequenceNode):
            total = 1 + sum(size(v) for v in n.value)
        else:
            total = 1
        sizes[id(n)] = total
        if total > MAX_EXPANDED:
            raise FrontMatterError(
                "YAML anchors and aliases expand to too large a document",
                first + n.start_mark.line,
                "write the values out instead of using `&anchor` and `*alias`",
            )
        return total

    size(node)
