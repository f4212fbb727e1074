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
from ..plan import Site
from ..variables import substitute

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>&])")
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


def markdown_literal(value: str) -> str:
    """Text that Markdown shows exactly as written (a pack variable's value in a body)."""
    return _MARKDOWN_SPECIAL.sub(
        lambda m: {"<": "&lt;", ">": "&gt;", "&": "&amp;"}.get(m.group(1), "\\" + m.group(1)),
        plain(value),
    )


def body(site: Site, text: str, uri: str) -> Markup:
    """A contributed Markdown text for the page at `uri`: pack variables filled in (as
    literal text), and links to a step's file pointed at the step's page."""
    values = site.pack.meta.variables if site.pack else {}
    filled = substitute(text, {k: markdown_literal(v) for k, v in values.items()})
    if "](" in filled or "]:" in filled:
        filled = _DESTINATION.sub(lambda m: _relink(m, uri), filled)
    return Markup(filled.strip())


def _relink(match: re.Match, uri: str) -> str:
    lead, destination = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
    path, hash_, anchor = destination.partition("#")
    if not path or ":" in path:
        return match.group(0)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(uri), path))
    page = urls.step_file_target(resolved)
    if page is None:
        return match.group(0)
    return lead + urls.md_link(uri, page) + hash_ + anchor
