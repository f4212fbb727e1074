"""Links in contributed Markdown: every relative link must reach a page (and heading) or a
file this build publishes. Problems name the source file and line, not a generated path.

Relative links resolve from the page a text is published on. A step is published beside
its file (`guides/grocery/05-find-premises.md` becomes `guides/grocery/find-premises.md`),
so a link to a step's file works as written; the renderer points it at the page.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from markdown.extensions.toc import slugify

from .. import urls
from ..codespans import mask_code
from ..plan import Site
from ..problems import Problem, closest
from .texts import Contributed, contributed_texts

_INLINE = re.compile(r"\]\(\s*<?([^\s)>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?", re.M)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_EXPLICIT_ID = re.compile(r"\{[^{}]*#([\w-]+)[^{}]*\}\s*$")
_INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]|\{[^{}]*\}\s*$")


def link_problems(site: Site) -> list[Problem]:
    """Relative links, images and anchors that lead nowhere in this build."""
    texts = list(contributed_texts(site))
    pages = _Pages(site, texts)
    files = set(site.published_files())
    found: list[Problem] = []
    for text in texts:
        if "](" not in text.body and "]:" not in text.body:
            continue
        masked = mask_code(text.body)
        for match in [*_INLINE.finditer(masked), *_REFERENCE.finditer(masked)]:
            problem = _check(match.group(1), text.uri, pages, files)
            if problem:
                line = text.source.body_line + masked.count("\n", 0, match.start())
                found.append(Problem(text.source.rel, line, problem[0], problem[1]))
    return found


class _Pages(dict):
    """Every Markdown page this build publishes, with the texts shown on it (None: not
    known); the heading ids of a page are found when a link first names one."""

    def __init__(self, site: Site, texts: list[Contributed]) -> None:
        super().__init__(dict.fromkeys(site.published_pages()))
        if site.preview:  # a preview leaves out steps the full build publishes: links hold
            self.update(dict.fromkeys(urls.step_uri(s) for s in site.package.steps))
        for text in texts:
            self.setdefault(text.uri, None)
            if self[text.uri] is None:
                self[text.uri] = []
            self[text.uri].append(text.body)
        self._ids: dict[str, set[str]] = {}

    def anchors(self, uri: str) -> set[str] | None:
        """The heading ids of a page (None: not known, so any anchor holds)."""
        bodies = self.get(uri)
        if bodies is None:
            return None
        if uri not in self._ids:
            own = set().union(*map(heading_ids, bodies))
            if uri.startswith("guides/") and uri.endswith("/index.md"):
                own |= urls.GUIDE_ANCHORS
            elif uri.startswith("guides/"):
                own |= urls.STEP_ANCHORS
            self._ids[uri] = own
        return self._ids[uri]


def heading_ids(body: str) -> set[str]:
    """The ids Python-Markdown's toc gives the headings of a text (`_1` for repeats)."""
    ids: set[str] = set()
    for match in _HEADING.finditer(mask_code(body)):
        title = match.group(2)
        explicit = _EXPLICIT_ID.search(title)
        base = explicit.group(1) if explicit else slugify(_INLINE_MARKUP.sub(r"\1", title), "-")
        slug, n = base, 0
        while slug in ids:
            n += 1
            slug = f"{base}_{n}"
        ids.add(slug)
    return ids


def _check(destination: str, uri: str, pages: _Pages, files: set[str]) -> tuple[str, str] | None:
    """What is wrong with one link destination, and how to fix it (None: it works)."""
    if not destination or _SCHEME.match(destination):
        return None
    path, _, anchor = destination.partition("#")
    path = unquote(path.split("?", 1)[0])
    if not path:
        target = uri
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(uri), path))
        if resolved.startswith("../") or resolved == "..":
            return (
                f"the link `{destination}` leads outside the site",
                "link to a page of the site, relative to this page, or to a full https:// address",
            )
        target = _page(resolved, path.endswith("/"), pages, files)
        if target is None:
            near = closest(resolved, [*pages, *files], n=1)
            return (
                f"the link `{destination}` leads to `{resolved}`, which this build does not "
                "publish",
                (f"did you mean `{near[0]}`? " if near else "")
                + "links are relative to the page; a step is `../<guide>/<step-slug>.md`",
            )
    if anchor:
        known = pages.anchors(target)
        if known is not None and anchor not in known:
            near = closest(anchor, known, n=1)
            return (
                f"the link `{destination}` names a heading `#{anchor}` that {target} does not have",
                f"did you mean `#{near[0]}`?" if near else "link to a heading the page has",
            )
    return None


def _page(resolved: str, folder: bool, pages: dict, files: set[str]) -> str | None:
    """The published page or file a resolved link path reaches, or None."""
    candidates = [resolved]
    if folder or "." not in posixpath.basename(resolved):
        candidates = [f"{resolved}/index.md", f"{resolved}.md", f"{resolved}/index.html"]
    step = urls.step_file_target(resolved)
    if step:
        candidates.insert(0, step)
    for candidate in candidates:
        candidate = candidate.removeprefix("./")
        if candidate in pages or candidate in files:
            return candidate
    return None
