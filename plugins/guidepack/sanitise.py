"""The last stage: one allow-list (nh3) for the HTML of every page, in every engine.

Contributed text reaches pages from many hands (guides, theory, interviews, `docs/`, blog
posts, a town's notes and pages), so every page's content HTML passes this allow-list
after Markdown, whoever made it. The allow-list knows guidepack's own markup (the
`data-gp-*` attributes, progress checkboxes, the map's SVG, the video component) and
nothing more: no `on*` attribute, no `javascript:`/`data:` address, no script, style,
form, iframe, base, meta, object or embed survives; every link gets `rel="noopener"`.

Markdown pages are cleaned by a Python-Markdown extension (`markdown_extensions:
- guidepack.sanitise`), so MkDocs, ProperDocs and Zensical run the same cleaner on
the same HTML; the MkDocs adapter adds it when `mkdocs.yml` leaves it out. Pages that
guidepack writes as whole HTML documents (decks, redirects) are cleaned with
`sanitise_document`. `check` reports the same things earlier, with file:line, using the
stricter `CONTRIBUTED_*` part of the list (see `checks.html`).
"""

from __future__ import annotations

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

_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_BODY = re.compile(r"(<body[^>]*>)(.*)(</body>)", re.S | re.I)


def sanitise(html: str) -> str:
    """Clean an HTML fragment (a page's content) with the page allow-list."""
    return _cleaner().clean(html)


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


class _Sanitiser(markdown.postprocessors.Postprocessor):
    def run(self, text: str) -> str:
        return sanitise(text)


class SanitiseExtension(markdown.Extension):
    """Python-Markdown extension: the page allow-list runs after every other step."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.postprocessors.register(_Sanitiser(md), "guidepack_sanitise", -1000)


def makeExtension(**kwargs) -> SanitiseExtension:  # noqa: N802 - Markdown's API
    return SanitiseExtension(**kwargs)
