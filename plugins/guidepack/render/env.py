"""What every renderer shares: the page record, templates, front matter, contributed text.

Templates escape every value (autoescape); only contributed Markdown bodies are marked
safe, and they are cleaned with the rest of the page by the sanitiser after Markdown. Text
fields go inside HTML blocks, which Markdown leaves alone, so they are never Markdown.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from functools import cache
from html import escape

import jinja2
from markupsafe import Markup

from .. import urls
from ..codespans import mask_code
from ..plan import Site
from ..sanitise import mark_contributed
from ..variables import substitute

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>&\"'])")
_LITERAL = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;"}
_WHITESPACE = re.compile(r"\s+")
_DESTINATION = re.compile(
    r"(\]\(\s*<?)([^\s)>]+)|(^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?)([^\s>]+)", re.M
)


@dataclass(frozen=True)
class VirtualPage:
    """A generated page or file: where it goes, what it holds, and the file it comes from."""

    uri: str
    content: str | bytes
    source: str | None = None

    @property
    def is_markdown(self) -> bool:
        return self.uri.endswith(".md")


@cache
def environment() -> jinja2.Environment:
    """Templates of guidepack's pages: every value escaped unless marked safe."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("guidepack", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["plain"] = plain
    return env


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)


def plain(value: object) -> str:
    """A text field on one line: runs of whitespace (newlines too) become one space."""
    return _WHITESPACE.sub(" ", str(value)).strip()


def front(**meta: object) -> Markup:
    """Front matter lines for a generated page (JSON values are valid YAML).

    Themes print `title` and `description` into the page head without escaping, so text
    values are HTML-escaped here (and shown right, as the theme prints them as HTML).
    """
    values = {k: head_text(v) if isinstance(v, str) else v for k, v in meta.items() if v}
    return Markup("\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in values.items()))


def head_text(value: str) -> str:
    """Text safe inside an HTML element or a double-quoted attribute, on one line."""
    return escape(plain(value), quote=True)


def site_title(site: Site) -> str:
    """The site's name for the theme's header and `<title>` (which print it unescaped): a
    town pack's name before the package's own."""
    name = site.settings.site_name
    if site.pack is not None:
        name = f"{site.pack.name}: {name[:1].lower()}{name[1:]}"
    return head_text(name)


def markdown_literal(value: str) -> str:
    """Text that Markdown shows exactly as written (a pack variable's value in a body)."""
    return _MARKDOWN_SPECIAL.sub(
        lambda m: _LITERAL.get(m.group(1), "\\" + m.group(1)), plain(value)
    )


def body(site: Site, text: str, uri: str) -> Markup:
    """A contributed Markdown text for the page written at `uri`: pack variables filled in
    (as literal text), relative links moved to where the page is handed to the engine
    (`urls.page_uri`), and the whole marked as contributed, so the sanitiser holds it to
    the contributed allow-list."""
    values = site.pack.meta.variables if site.pack else {}
    filled = substitute(text, {k: markdown_literal(v) for k, v in values.items()})
    if "](" in filled or "]:" in filled:
        filled = relink(filled, uri, urls.page_uri(uri), site.doc_uris)
    return Markup(mark_contributed(filled.strip()))


def relink(text: str, uri: str, page: str, docs: frozenset[str]) -> str:
    """Relative links (outside code) written from `uri`, rewritten for the engine's file
    `page` (a page of guidepack's is handed over as `page_uri(uri)`, a `docs/` page as is).

    A link to a step's file leads to the step's page; a link to a generated page leads to
    its `index.md`; `docs/` pages stay where they are.
    """
    here = posixpath.dirname(page) or "."
    out: list[str] = []
    pos = 0
    for match in _DESTINATION.finditer(mask_code(text)):  # same length: offsets agree
        lead_end, start, end = (
            (match.end(1), match.start(2), match.end(2))
            if match.group(1)
            else (match.end(3), match.start(4), match.end(4))
        )
        destination = text[start:end]
        path, hash_, anchor = destination.partition("#")
        if not path or ":" in path or path.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(uri), path))
        target = urls.step_file_target(resolved) or resolved
        if target.endswith(".md") and target not in docs:
            target = urls.page_uri(target)
        moved = posixpath.relpath(target, here) + ("/" if path.endswith("/") else "")
        out += [text[pos:lead_end], moved + hash_ + anchor]
        pos = end
    return "".join(out) + text[pos:]
