"""The last stage: one allow-list (nh3) for the HTML of every page, in every engine.

Contributed text reaches pages from many hands (guides, theory, interviews, `docs/`, blog
posts, a town's notes and pages), so every page's content HTML passes this allow-list
after Markdown, whoever made it. The allow-list knows guidepack's own markup (the
`data-gp-*` attributes, progress checkboxes, the map's SVG, the video component) and
nothing more: no `on*` attribute, no `javascript:`/`data:` address, no script, style,
form, iframe, base, meta, object or embed survives; every link gets `rel="noopener"`.

Contributed text itself may not use guidepack's markup, or it could forge a component
that guidepack's script trusts (a video from any host, a script address): the renderers
put each contributed text between two marking comments (`mark_contributed`), and the
sanitiser first cleans what lies between them with the stricter contributed allow-list
(no `data-*`, no form controls, no SVG, and no `id` or `name` that could stand in for the
theme's own elements, such as Material's `__config`). A text cannot end its own region
early: the closing comment carries a hash of the text. A page that is contributed whole
(`docs/`, blog posts) starts with one line, `PAGE_MARK`, instead: the extension removes
it before Markdown reads the page, so the page's first heading stays its first element
(themes take the title from it), and cleans all the page's HTML as contributed.

Markdown pages are cleaned by a Python-Markdown extension (`markdown_extensions:
- guidepack.sanitise`), so MkDocs, ProperDocs and Zensical run the same cleaner on
the same HTML; the MkDocs adapter adds it when `mkdocs.yml` leaves it out. Pages that
guidepack writes as whole HTML documents (decks, redirects) are cleaned with
`sanitise_document`. `check` reports the same things earlier, with file:line, using the
stricter `CONTRIBUTED_*` part of the list (see `checks.html`).
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import markdown
import nh3

# --- what contributed Markdown and HTML may hold ---------------------------------------

CONTRIBUTED_TAGS = frozenset(nh3.ALLOWED_TAGS | {"tfoot"})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role"})
ATTRIBUTE_PREFIXES = frozenset({"aria-"})
CONTRIBUTED_ATTRIBUTES: dict[str, frozenset[str]] = {
    tag: frozenset(names)
    for tag, names in nh3.ALLOWED_ATTRIBUTES.items()
    if tag in CONTRIBUTED_TAGS
}
for _tag, _names in {
    "a": {"name", "target"},  # every link gets rel="noopener" (nh3's link_rel)
    "img": {"loading", "title"},
    "th": {"style"},  # Markdown tables align columns with style="text-align: ..."
    "td": {"style"},
    "details": {"open"},
    "time": {"datetime"},
    "data": {"value"},
    "li": {"value"},
    "ol": {"reversed", "type"},
}.items():
    CONTRIBUTED_ATTRIBUTES[_tag] = CONTRIBUTED_ATTRIBUTES.get(_tag, frozenset()) | _names
STYLE_PROPERTIES = frozenset({"text-align"})
PAGE_STYLE_PROPERTIES = STYLE_PROPERTIES | {"--gp-start", "--gp-len", "--gp-more"}
"""The timeline places its bars with these (custom properties only set numbers)."""
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})  # and relative addresses
URL_ATTRIBUTES = frozenset(
    {"href", "src", "cite", "action", "formaction", "poster", "background", "data", "srcset",
     "longdesc", "codebase", "xlink:href", "ping", "lowsrc", "dynsrc", "manifest", "usemap"}
)  # fmt: skip
REMOVED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "applet", "template", "noscript",
     "math", "textarea", "select", "frame", "frameset", "noembed", "noframes", "xmp"}
)  # fmt: skip

# --- what guidepack's own pages add -------------------------------------------------------

_SVG_PAINT = {
    "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity",
    "opacity",
}  # fmt: skip
_SVG = {
    "svg": {"xmlns", "viewBox", "width", "height", "focusable", "preserveAspectRatio"},
    "g": {"transform"} | _SVG_PAINT,
    "rect": {"x", "y", "width", "height", "rx", "ry"} | _SVG_PAINT,
    "circle": {"cx", "cy", "r"} | _SVG_PAINT,
    "line": {"x1", "y1", "x2", "y2"} | _SVG_PAINT,
    "path": {"d", "marker-end"} | _SVG_PAINT,
    "polygon": {"points"} | _SVG_PAINT,
    "text": {"x", "y", "dx", "dy", "text-anchor", "font-size", "font-weight"} | _SVG_PAINT,
    "tspan": {"x", "y", "dx", "dy", "font-weight"},
    "title": set(),
    "desc": set(),
    "defs": set(),
    "marker": {"viewBox", "refX", "refY", "markerWidth", "markerHeight", "orient", "markerUnits"},
}
_PAGE = {
    "input": {"type", "checked", "disabled", "accept", "value", "name", "min", "max", "placeholder",
              "autocomplete", "inputmode", "size", "multiple"},
    "li": {"style"},
    "span": {"style"},
    "div": {"style"},
    "label": {"for"},
    "button": {"type", "disabled", "value", "name"},
    "fieldset": set(),
    "legend": set(),
    "output": {"for"},
    "nav": set(),
    "aside": set(),
    "section": set(),
    "main": set(),
    "ol": {"start", "reversed", "type"},
    "a": {"download", "hreflang", "type"},
    "progress": {"value", "max"},
    **_SVG,
}  # fmt: skip
PAGE_TAGS = CONTRIBUTED_TAGS | frozenset(_PAGE)
PAGE_ATTRIBUTES: dict[str, frozenset[str]] = {
    tag: CONTRIBUTED_ATTRIBUTES.get(tag, frozenset()) | frozenset(_PAGE.get(tag, ()))
    for tag in PAGE_TAGS
}
PAGE_GLOBAL_ATTRIBUTES = GLOBAL_ATTRIBUTES | {"hidden", "tabindex", "data-search-exclude"}
PAGE_ATTRIBUTE_PREFIXES = ATTRIBUTE_PREFIXES | {"data-gp-", "data-pagefind-"}

_MARK = "gp-contributed"
PAGE_MARK = "<!--gp-contributed-page-->"
MORE = "<!-- more -->"
_MORE_HOLDER = "\x1egp-more\x1e"  # a control character no cleaned text holds
_START = re.compile(r"<!--gp-contributed ([0-9a-f]{32})-->")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,80}$")
_RESERVED_ID = ("gp-", "md-")
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_BODY = re.compile(r"(<body[^>]*>)(.*)(</body>)", re.S | re.I)


def mark_contributed(text: str) -> str:
    """Contributed Markdown between two marking comments, for `sanitise` to find (control
    characters removed, so a text cannot forge Markdown's placeholders either)."""
    text = _CONTROL.sub("", text)
    if not text.strip():
        return text
    token = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:32]
    return f"<!--{_MARK} {token}-->\n\n{text}\n\n<!--/{_MARK} {token}-->"


def mark_page_contributed(text: str) -> str:
    """A whole page of contributed Markdown, marked for the extension (see above)."""
    return f"{PAGE_MARK}\n{text}"


def sanitise(html: str, *, contributed: bool = False) -> str:
    """Clean a page's content HTML: contributed regions (or, with `contributed`, all of
    it) with the contributed allow-list, then everything with the page allow-list.

    A blog's `<!-- more -->` (where an excerpt ends) is kept: the blog splits the HTML
    there after this step.
    """
    html = html.replace(MORE, _MORE_HOLDER) if MORE in html else html
    html = _contributed_cleaner().clean(html) if contributed else _clean_contributed(html)
    html = _cleaner().clean(html)
    return html.replace(_MORE_HOLDER, MORE) if _MORE_HOLDER in html else html


def _clean_contributed(html: str) -> str:
    """Each marked region cleaned with the contributed allow-list, the marks dropped.

    A region whose closing mark is missing (an unclosed code fence turned it into text)
    runs to the end of the page, so nothing contributed escapes.
    """
    if f"<!--{_MARK} " not in html:
        return html
    out: list[str] = []
    pos = 0
    while match := _START.search(html, pos):
        out.append(html[pos : match.start()])
        end = f"<!--/{_MARK} {match.group(1)}-->"
        stop = html.find(end, match.end())
        if stop == -1:
            out.append(_contributed_cleaner().clean(html[match.end() :]))
            pos = len(html)
            break
        out.append(_contributed_cleaner().clean(html[match.end() : stop]))
        pos = stop + len(end)
    out.append(html[pos:])
    return "".join(out)


def _own_names(element: str, attribute: str, value: str) -> str | None:
    """A contributed `id` or `name` that cannot stand in for the theme's or guidepack's."""
    if attribute in ("id", "name"):
        return value if _SAFE_ID.match(value) and not value.startswith(_RESERVED_ID) else None
    return value


@cache
def _contributed_cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(CONTRIBUTED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT | {"svg"}),
        attributes={
            "*": set(GLOBAL_ATTRIBUTES),
            **{t: set(a) for t, a in CONTRIBUTED_ATTRIBUTES.items()},
        },
        attribute_filter=_own_names,
        generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        link_rel="noopener",
        strip_comments=True,
    )


@cache
def _cleaner() -> nh3.Cleaner:
    """The allow-list, set up once: configuring nh3 for every page took half its time."""
    return nh3.Cleaner(
        tags=set(PAGE_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={
            "*": set(PAGE_GLOBAL_ATTRIBUTES),
            **{t: set(a) for t, a in PAGE_ATTRIBUTES.items()},
        },
        generic_attribute_prefixes=set(PAGE_ATTRIBUTE_PREFIXES),
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(PAGE_STYLE_PROPERTIES),
        link_rel="noopener",
        strip_comments=True,
    )


def sanitise_document(html: str) -> str:
    """A whole HTML document made by guidepack (a deck): its `<body>` cleaned.

    The `<head>` comes from guidepack's own template (escaped title, its own assets).
    """
    match = _BODY.search(html)
    if not match:
        return sanitise(html)
    return html[: match.start(2)] + sanitise(match.group(2)) + html[match.end(2) :]


def url_scheme(value: str) -> str | None:
    """The scheme of an address as a browser reads it (`jav\\tascript:` is `javascript`)."""
    match = _SCHEME.match(_URL_JUNK.sub("", value).lower())
    return match.group(1) if match else None


def attribute_allowed(tag: str, name: str) -> bool:
    """Whether contributed HTML may carry attribute `name` on element `tag`."""
    return (
        name in GLOBAL_ATTRIBUTES
        or name in CONTRIBUTED_ATTRIBUTES.get(tag, ())
        or any(name.startswith(p) for p in ATTRIBUTE_PREFIXES)
    )


class _PageMark(markdown.preprocessors.Preprocessor):
    """Notes (and removes) the first line `PAGE_MARK` of a page contributed whole."""

    def run(self, lines: list[str]) -> list[str]:
        whole = bool(lines) and lines[0] == PAGE_MARK
        self.md.gp_contributed_page = whole  # type: ignore[attr-defined]
        return lines[1:] if whole else lines


class _Sanitiser(markdown.postprocessors.Postprocessor):
    def run(self, text: str) -> str:
        return sanitise(text, contributed=getattr(self.md, "gp_contributed_page", False))


class SanitiseExtension(markdown.Extension):
    """Python-Markdown extension: the page allow-list runs after every other step."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.register(_PageMark(md), "guidepack_page_mark", 40)
        md.postprocessors.register(_Sanitiser(md), "guidepack_sanitise", -1000)


def makeExtension(**kwargs) -> SanitiseExtension:  # noqa: N802 - Markdown's API
    return SanitiseExtension(**kwargs)
