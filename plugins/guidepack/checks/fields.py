"""Front matter text fields are plain text: markup in them is a mistake worth naming.

Titles, summaries, names, `involve` items, pitch texts, a pack's name, contacts and
variables are shown as escaped text, never as Markdown or HTML. So `<b>`, `{: .class }`,
`[a link](...)` or a `javascript:` address in one would show as written (or, before this
rule, ran as script); `check` names the key and line instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from ..plan import Site
from ..problems import Problem
from ..records import Source
from ..sanitise import URL_SCHEMES

_TAG = re.compile(r"</?[A-Za-z!?][^<>]*>?|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_ATTRS = re.compile(r"\{\s*[:.#][^{}]*\}")
_LINK = re.compile(r"!?\[[^\]]*\]\([^)]*\)")
_SCHEME = re.compile(r"(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*)\s*:", re.A)
_SUSPECT = re.compile(r"[<&\\]|\{\s*[:.#]|\]\(|javascript|vbscript|data|file", re.I)
"""What the YAML as written holds if any value holds markup (a backslash may escape it)."""
_URL_KEYS = frozenset({"url", "avatar", "email", "intro", "id", "host"})


def field_problems(site: Site) -> list[Problem]:
    """Markup and addresses in the text fields of every record this site uses."""
    package = site.package
    records: list[tuple[BaseModel, Source]] = []
    for slug in site.guides:
        guide = package.guides[slug]
        records.append((guide.meta, guide.source))
        records += [(s.meta, s.source) for s in guide.steps if s.id in site.built]
    records += [(p.meta, p.source) for p in [*package.pages, *package.interviews, *package.docs]]
    if site.pack is not None:
        records.append((site.pack.meta, site.pack.source))
        records += [(p.meta, p.source) for p in site.pack.pages]
    found: list[Problem] = []
    for meta, source in records:
        written = getattr(source.lines, "text", None)
        if written is not None and not _SUSPECT.search(written):
            continue  # as written, the front matter cannot hold what this check looks for
        for loc, value in _texts(meta, ()):
            problem = _text_problem(value)
            if problem:
                key = ".".join(str(part) for part in loc)
                found.append(
                    Problem(source.rel, source.line_of(loc), f"`{key}` {problem[0]}", problem[1])
                )
    return found


def _texts(value: object, loc: tuple) -> Iterator[tuple[tuple, str]]:
    """Every text in a front matter model, with its key path (addresses aside)."""
    if isinstance(value, str):
        if not loc or loc[-1] not in _URL_KEYS:
            yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*loc, name))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _texts(item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, key))


def _text_problem(text: str) -> tuple[str, str] | None:
    """What is wrong with one plain-text value, and the fix; None when nothing is."""
    if "<" in text or "&" in text:
        match = _TAG.search(text)
        if match:
            return (
                f"holds HTML (`{match.group()[:30]}`): front matter is plain text, so it would "
                "show as written",
                "remove the tags; write `and` or `&` as plain characters",
            )
    if "{" in text and _ATTRS.search(text):
        return (
            "holds attribute syntax `{: ... }`, which only works in Markdown text",
            "remove it: titles and summaries cannot carry classes or attributes",
        )
    if "](" in text and _LINK.search(text):
        return (
            "holds a Markdown link: front matter is plain text",
            "write the words only; put web addresses under `resources:`",
        )
    if ":" in text:
        for match in _SCHEME.finditer(text):
            scheme = match.group(1).lower()
            if scheme in ("javascript", "vbscript", "data", "file") and scheme not in URL_SCHEMES:
                return (
                    f"holds a `{scheme}:` address, which the site never links",
                    "remove it; put web addresses (https://) under `resources:`",
                )
    return None
