"""Split a Markdown file into YAML front matter and body, keeping the line of every key."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_EXPANDED = 100_000
MAX_DEPTH = 50  # lists and mappings inside each other; real front matter uses 4 at most


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
    end = text.find("\n")
    if (text if end < 0 else text[:end]).rstrip() != "---":
        return None, text, 1
    # Walk the front matter's lines only: the body is not split and joined again.
    start = pos = end + 1
    i = 1
    while end >= 0:
        end = text.find("\n", pos)
        if (text[pos:] if end < 0 else text[pos:end]).rstrip() in ("---", "..."):
            front = text[start : pos - 1] if pos > start else ""
            return front, "" if end < 0 else text[end + 1 :], i + 2
        pos, i = end + 1, i + 1
    raise FrontMatterError(
        "front matter is not closed",
        1,
        "end the front matter with a line holding only `---`",
    )


def parse_yaml(text: str, first_line: int = 1) -> tuple[Any, Mapping[tuple, int]]:
    """Parse YAML, returning the data and the file line of every key path.

    `first_line` is the file line of the YAML's first line. Raises FrontMatterError.
    """
    _check_depth(text, first_line)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {(): first_line}
        lines = KeyLines(text, first_line)
        if "*" in text:  # an alias is written `*name`: without a star there is none
            _check_aliases(node, first_line)
            _check_duplicates(node, first_line)
            data = loader.construct_document(node)
        else:
            data = _construct(node, loader, first_line)
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
    except FrontMatterError:
        raise
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        # a scalar YAML reads but cannot convert: `date: 2024-02-30`, a 5,000-digit number
        value, line = _unreadable_scalar(node)
        raise FrontMatterError(
            f"the value `{value}` cannot be read ({str(exc).split(';')[0][:80]})",
            first_line + line,
            "put the value in quotes to keep it as text; a date must be a real day, YYYY-MM-DD",
        ) from None
    finally:
        loader.dispose()
    return data, lines


def _unreadable_scalar(node: yaml.Node) -> tuple[str, int]:
    """The first scalar under `node` that YAML cannot convert, and its line (0-based)."""
    constructor = yaml.constructor.SafeConstructor()
    stack, seen = [node], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.ScalarNode):
            try:
                constructor.construct_object(current)
            except Exception:
                text = current.value if len(current.value) <= 40 else current.value[:37] + "..."
                return text, current.start_mark.line
        elif isinstance(current, yaml.MappingNode):
            stack.extend(n for pair in reversed(current.value) for n in reversed(pair))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
    return "?", node.start_mark.line


def parse(text: str) -> Parsed:
    """Parse a Markdown file's front matter (empty mapping when there is none)."""
    front, body, body_line = split(text)
    if front is None:
        return Parsed({}, {(): 1}, body, body_line)
    data, lines = parse_yaml(front, first_line=2)
    if isinstance(lines, KeyLines):
        lines.root = 1
    else:
        lines.setdefault((), 1)
    return Parsed(data if data is not None else {}, lines, body, body_line)


class KeyLines(Mapping):
    """The file line of every key path of a YAML text, indexed on first use.

    Only a problem report asks for a line, so a valid file never pays for the index: at
    100,000 steps that saves a walk over every node and ~300 MB of dictionaries.
    """

    __slots__ = ("_text", "_first", "_lines", "root")

    def __init__(self, text: str, first_line: int):
        self._text: str | None = text
        self._first = first_line
        self._lines: dict[tuple, int] | None = None
        self.root: int | None = None

    def _get(self) -> dict[tuple, int]:
        if self._lines is None:
            lines: dict[tuple, int] = {}
            loader = _Loader(self._text or "")
            try:
                node = loader.get_single_node()  # parsed once before, so it parses again
            finally:
                loader.dispose()
            if node is not None:
                _index(node, (), lines, self._first)
            if self.root is not None:
                lines.setdefault((), self.root)
            self._lines, self._text = lines, None
        return self._lines

    @property
    def text(self) -> str | None:
        """The YAML as written, until a line is asked for (None after)."""
        return self._text

    def __getitem__(self, key: tuple) -> int:
        return self._get()[key]

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))


def _construct(node: yaml.Node, loader: Any, first: int) -> Any:
    """What `loader.construct_document(node)` returns, for a document without aliases,
    except that a key written twice in one mapping is an error (YAML would keep the last).

    Front matter is mostly text, lists and mappings: those are built here directly (three
    times faster than PyYAML's generic constructor, a fifth of `check` at 100,000 steps);
    any other node (numbers, booleans, dates, merge keys, tags) goes to PyYAML as usual.
    """
    tag, kind = node.tag, type(node)
    if tag == _STR and kind is yaml.ScalarNode:
        return node.value
    if tag == _SEQ and kind is yaml.SequenceNode:
        return [_construct(item, loader, first) for item in node.value]
    if tag == _MAP and kind is yaml.MappingNode:
        mapping = {}
        lines: dict[str, int] = {}
        for key, value in node.value:
            if key.tag != _STR or type(key) is not yaml.ScalarNode:
                _check_duplicates(node, first)
                return loader.construct_object(node, deep=True)
            if key.value in mapping:
                _duplicate(key, lines[key.value], first)
            lines[key.value] = key.start_mark.line
            mapping[key.value] = _construct(value, loader, first)
        return mapping
    _check_duplicates(node, first)
    return loader.construct_object(node, deep=True)


def _duplicate(key: yaml.ScalarNode, earlier: int, first: int) -> None:
    raise FrontMatterError(
        f"`{key.value[:40]}` is written twice: on line {first + earlier} and on line "
        f"{first + key.start_mark.line}",
        first + key.start_mark.line,
        "keep one of the two: YAML would silently use the last one",
    )


def _check_duplicates(node: yaml.Node, first: int) -> None:
    """Refuse a mapping that holds the same (text) key twice, anywhere under `node`."""
    stack, seen = [node], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            lines: dict[str, int] = {}
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode) and key.tag == _STR:
                    if key.value in lines:
                        _duplicate(key, lines[key.value], first)
                    lines[key.value] = key.start_mark.line
                stack.extend((key, value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


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


def _check_depth(text: str, first: int) -> None:
    """Refuse deeply nested YAML before composing it: libyaml's composer recurses in C.

    A few hundred thousand `[` or `- ` crash the interpreter (a stack overflow, not an
    exception), so the nesting is measured on the parser's events, which need no recursion.
    """
    if _depth_bound(text) <= MAX_DEPTH:
        return  # cannot nest that deep: skip the second pass (most files end here)
    loader = _Loader(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise FrontMatterError(
                        f"front matter is nested too deeply (more than {MAX_DEPTH} levels)",
                        first + event.start_mark.line,
                        "write the front matter as plain `key: value` lines and short lists",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # the full parse reports syntax errors with their line
    finally:
        loader.dispose()


def _depth_bound(text: str) -> int:
    """An upper bound on how deeply a YAML text can nest lists and mappings.

    Along a chain of nested collections, each flow collection has its own `[` or `{`
    (a `[` may also hold a one-pair mapping: two levels), and each block collection
    starts on a line of its own or after a `- ` or `? ` on its parent's line.
    """
    brackets = text.count("[") + text.count("{")
    indicators = sum(text.count(c + w) for c in "-?" for w in " \t\n") + text.endswith(("-", "?"))
    return text.count("\n") + 1 + indicators + 2 * brackets


def _check_aliases(node: yaml.Node, first: int) -> None:
    """Refuse documents whose aliases would expand to a huge tree (a "billion laughs")."""
    sizes: dict[int, int] = {}

    def size(n: yaml.Node) -> int:
        if sizes.get(id(n)) == 0:  # still being measured: an alias inside its own anchor
            raise FrontMatterError(
                "a YAML alias refers to the value it is part of, which never ends",
                first + n.start_mark.line,
                "write the values out instead of using `&anchor` and `*alias`",
            )
        if id(n) in sizes:
            return sizes[id(n)]
        sizes[id(n)] = 0
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
