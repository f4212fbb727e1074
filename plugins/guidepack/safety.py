"""Safe contributed HTML: `check` reports unsafe raw HTML, and the build removes it anyway.

Guides, steps, theory and interview pages, and a town pack's intro, notes and pages are
Markdown written by contributors, and Markdown lets raw HTML through: `<details>`, `<abbr>`
or a table are useful, `<script>` is not. Two lines of defence share one allow-list
(TAGS, ATTRIBUTES, URL_SCHEMES below):

1. `check`, and so every build, renders each contributed text with Python-Markdown and
   walks the HTML it gives (see `safecheck`): every element, attribute or address the
   allow-list does not keep is a Problem with file:line and a fix. Rendering first means
   the check sees what the build sees: `<script>` in a code span is text, while
   `[x](javascript:...)`, reference links, attr_list's `{: onclick=... }` and
   entity-encoded addresses are HTML attributes.
2. The build sanitises again with nh3 (ammonia), in case the check is bypassed or missed
   a trick. Only contributed text is sanitised, after Markdown: the renderers wrap each
   contributed text in two HTML comments (`contributed`), and the MkDocs adapter's
   `on_page_content` cleans the HTML between them (`sanitise_marked`) and drops them.
   The pages' own markup (panels with data-gp-* attributes, progress checkboxes, the
   package explorer's inputs and SVG graph, the video component) is made by guidepack from
   escaped values and is left exactly as it is. So the allow-list stays tight: no SVG, no
   forms, no data-* attributes (guidepack.js acts on data-gp-*), no iframes (the video
   component inserts its own on click).

The comments carry a hash of the text they wrap, so a text cannot hold its own closing
comment (it would have to contain a hash of itself), and control characters are removed
from contributed text, so it cannot forge Markdown's placeholders for stashed HTML.
Sanitising the whole page instead would need an allow-list wide enough for guidepack's own
markup (inputs, SVG, data attributes) and would re-serialise every generated page.
Titles, summaries and other front matter are not Markdown: the templates escape them.
`build.py export` writes the wrapped Markdown but has no sanitiser: only `check` guards it.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import nh3

TAGS = frozenset(nh3.ALLOWED_TAGS | {"tfoot"})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role"})
ATTRIBUTE_PREFIXES = frozenset({"aria-"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    tag: frozenset(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items() if tag in TAGS
}
for _tag, _names in {
    "a": {"target", "rel", "name"},
    "img": {"loading"},
    "th": {"style"},  # Markdown tables align columns with style="text-align: ..."
    "td": {"style"},
    "details": {"open"},
    "time": {"datetime"},
    "data": {"value"},
    "li": {"value"},
    "ol": {"reversed", "type"},
}.items():
    ATTRIBUTES[_tag] = ATTRIBUTES.get(_tag, frozenset()) | _names
STYLE_PROPERTIES = frozenset({"text-align"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})  # and relative addresses
URL_ATTRIBUTES = frozenset(
    {"href", "src", "cite", "action", "formaction", "poster", "background", "data", "srcset",
     "longdesc", "codebase", "xlink:href", "ping", "lowsrc", "dynsrc", "manifest", "usemap"}
)  # fmt: skip
REMOVED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "applet", "template", "noscript",
     "svg", "math", "textarea", "select", "frame", "frameset", "noembed", "noframes", "xmp"}
)  # fmt: skip

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MARK = "gp-contributed"
_START = re.compile(r"<!--gp-contributed ([0-9a-f]{32})-->")
_MARKS = re.compile(r"<!--/?gp-contributed [0-9a-f]{32}-->")
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def contributed(text: str) -> str:
    """Contributed Markdown, without control characters, wrapped for `sanitise_marked`."""
    text = CONTROL.sub("", text)
    if not text.strip():
        return text
    token = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:32]
    return f"<!--{_MARK} {token}-->\n\n{text}\n\n<!--/{_MARK} {token}-->"


def sanitise(html: str) -> str:
    """Clean an HTML fragment with the allow-list: what `check` allows passes unchanged."""
    return _cleaner().clean(html)


@cache
def _cleaner() -> nh3.Cleaner:
    """The allow-list, set up once: configuring nh3 on every page took half its time."""
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={"*": set(GLOBAL_ATTRIBUTES), **{t: set(a) for t, a in ATTRIBUTES.items()}},
        generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        link_rel=None,
        strip_comments=True,
    )


def sanitise_marked(html: str) -> str:
    """Sanitise every contributed region of a page's HTML and drop the marking comments.

    A region whose closing comment is missing (an unclosed code fence in the text turned it
    into text) runs to the end of the page, so nothing contributed escapes sanitising.
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
            out.append(sanitise(html[match.end() :]))
            pos = len(html)
            break
        out.append(sanitise(html[match.end() : stop]))
        pos = stop + len(end)
    out.append(html[pos:])
    return "".join(out)


def unmark(html: str) -> str:
    """The HTML without the marking comments, not sanitised (what `check` looks at)."""
    return _MARKS.sub("", html)


def url_scheme(value: str) -> str | None:
    """The scheme of an address as a browser reads it (`jav\\tascript:` is `javascript`)."""
    match = _SCHEME.match(_URL_JUNK.sub("", value).lower())
    return match.group(1) if match else None


def attribute_allowed(tag: str, name: str) -> bool:
    """Whether the allow-list keeps attribute `name` on element `tag`."""
    return (
        name in GLOBAL_ATTRIBUTES
        or name in ATTRIBUTES.get(tag, ())
        or any(name.startswith(p) for p in ATTRIBUTE_PREFIXES)
    )
