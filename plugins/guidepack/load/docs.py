"""Read the site shell in `docs/` (home page, blog, posts, images): contributed too.

Markdown pages become DocPage records (checked like any other content); other files must
be of a kind that cannot run scripts in a reader's browser (no HTML, SVG or JavaScript),
and the blog's `.authors.yml` is validated like front matter.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from ..model import SLUG, URL, DocMeta, Text
from ..problems import Problem
from ..records import DocPage, Source
from . import frontmatter
from .content import read_record
from .explain import explain
from .reader import read_text, rel_path, walk_files

ASSET_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".pdf", ".css", ".txt",
     ".csv", ".woff", ".woff2", ".odt", ".ods", ".odp", ".docx", ".xlsx", ".pptx"}
)  # fmt: skip
_H1 = re.compile(r"^#(?!#)[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_ATTRS = re.compile(r"[ \t]*\{[^{}\n]*\}$")
_MARKUP = re.compile(r"[<>&\"'`]")


def _no_markup(value: str) -> str:
    if _MARKUP.search(value):
        raise ValueError(
            "cannot hold `<`, `>`, `&` or quotes: the blog prints it as HTML, unescaped; "
            "write the words without them"
        )
    return value


AuthorText = Annotated[Text, AfterValidator(_no_markup)]


class Author(BaseModel):
    """One author in `docs/blog/.authors.yml` (the blog theme prints these unescaped)."""

    model_config = ConfigDict(extra="forbid")
    name: AuthorText
    description: AuthorText
    avatar: Annotated[str, StringConstraints(pattern=URL)] = Field(
        description="https:// address of a square picture"
    )
    url: Annotated[str, StringConstraints(pattern=URL)] | None = None
    slug: Annotated[str, StringConstraints(pattern=SLUG)] | None = None


class Authors(BaseModel):
    model_config = ConfigDict(extra="forbid")
    authors: dict[Annotated[str, StringConstraints(pattern=SLUG)], Author] = Field(
        default_factory=dict
    )


def load_docs(
    root: Path, docs_dir: str, problems: list[Problem]
) -> tuple[list[DocPage], list[str]]:
    """The Markdown pages of `docs/` and the site paths of its other files."""
    folder = root / docs_dir
    pages: list[DocPage] = []
    assets: list[str] = []
    for path in walk_files(folder, root, problems):
        uri = path.relative_to(folder).as_posix()
        rel = rel_path(path, root)
        if path.suffix == ".md":
            parsed = read_record(root, path, DocMeta, problems, rel, require_front=False)
            if parsed:
                meta, body, source = parsed
                title = meta.title or page_title(body)
                if not title:
                    problems.append(
                        Problem(
                            rel,
                            source.body_line,
                            "the page has no title",
                            "add `title:` to the front matter, or start the text with `# Title`",
                        )
                    )
                    continue
                pages.append(DocPage(uri, meta, title, body, source))
        elif path.suffix.lower() in ASSET_SUFFIXES:
            assets.append(uri)
        else:
            problems.append(
                Problem(
                    rel,
                    0,
                    f"`{path.suffix or path.name}` files cannot be published from {docs_dir}/: "
                    "a browser could run code in them",
                    "write the page in Markdown; for a picture use .png, .jpg or .webp; for a "
                    "document, .pdf",
                )
            )
    authors = _read_authors(root, folder / "blog" / ".authors.yml", problems)
    for page in pages:
        unknown = [a for a in page.meta.authors if a not in (authors or set())]
        if unknown:
            problems.append(
                Problem(
                    page.source.rel,
                    page.source.line_of(("authors",)),
                    f"unknown author {unknown[0]!r}: authors are listed in "
                    f"{docs_dir}/blog/.authors.yml",
                    "add the author there (name, description, avatar), or fix the name",
                )
            )
    return pages, assets


def page_title(body: str) -> str:
    """The text of the first `# ` heading outside code (attribute lists removed)."""
    in_fence = False
    for line in body.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        match = _H1.match(line)
        if match:
            return _ATTRS.sub("", match.group(1)).strip()
    return ""


def _read_authors(root: Path, path: Path, problems: list[Problem]) -> set[str] | None:
    """The blog's author names (None without the file; empty when it has problems)."""
    if not path.exists() and not path.is_symlink():
        return None
    text = read_text(path, root)
    if isinstance(text, Problem):
        problems.append(text)
        return set()
    rel = rel_path(path, root)
    try:
        data, lines = frontmatter.parse_yaml(text)
    except frontmatter.FrontMatterError as exc:
        problems.append(Problem(rel, exc.line, str(exc), exc.hint))
        return set()
    try:
        return set(Authors.model_validate(data or {}).authors)
    except ValidationError as exc:
        problems.extend(explain(exc, Authors, Source(path, rel, lines)))
        return set()
