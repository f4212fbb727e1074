"""`check` for unsafe HTML in contributed Markdown: every finding with file:line and a fix.

Each text is rendered with Python-Markdown, with the extensions the build uses (from the
settings) but without the sanitiser, and the HTML is walked against the contributed part
of the allow-list in `sanitise`: what the sanitiser would remove, `check` reports. The walk
also reports HTML that would reach outside the text: an element left open, an end tag the
text did not open, an unclosed `<!--`. A text with no `<`, `{`, character reference or
control character, and no link whose address has a scheme other than the allowed ones,
cannot hold unsafe HTML and is not rendered: `check` stays fast.

A finding is placed on the first line of the source (outside code) that holds the tag,
attribute or address, searching on from the previous finding; when none does, on the
text's first line. (A tag written earlier in a form Markdown leaves as text can take the
line of a later real one.)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown

from .. import sanitise as safety
from ..codespans import mask_code
from ..plan import Site
from ..problems import Problem
from ..settings import SANITISER
from .texts import contributed_texts

MAX_FINDINGS = 50  # per text: a file full of tags needs fixing, not 10,000 messages
# C0 and C1 controls but tab and newline, DEL, and the bidirectional overrides
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MARKS = re.compile(r"<!--/?gp-contributed [0-9a-f]{32}-->")
_PACK_VARIABLE = re.compile(r"\{\{ ?pack\.variables\.[a-z0-9_]+ ?\}\}")
_JUNK = r"(?:[\s\\]|&#?[0-9a-zA-Z]+;?)*"

NO_SCRIPTS = "guides cannot run scripts; to show code, put it in backticks or a ``` code block"
ELEMENTS = {
    "script": ("guides cannot run scripts", NO_SCRIPTS),
    "style": (
        "pages cannot change the site's styles",
        "use Markdown formatting, or a class with `{: .name }`",
    ),
    "iframe": (
        "embedded pages load other sites into ours",
        "link to the page instead; for a video, use an interview's `video:` front matter, "
        "which loads the player only when the reader clicks it",
    ),
    "svg": (
        "inline SVG can run scripts",
        "save the drawing as an .svg file beside the page and show it as an image: "
        "`![what it shows](drawing.svg)`",
    ),
    "form": ("guides cannot hold forms", "link to the form on its own site"),
}
for _name in ("object", "embed", "applet", "frame", "frameset"):
    ELEMENTS[_name] = ("embedded objects are not allowed", "link to the file or page instead")
for _name in ("input", "button", "textarea", "select", "option", "label", "fieldset"):
    ELEMENTS[_name] = ELEMENTS["form"]
for _name in ("base", "meta", "link", "title", "head", "body", "html"):
    ELEMENTS[_name] = ("it changes how the whole page loads", "delete it: the site makes the page")
ELEMENTS["math"] = ("inline MathML is not allowed", "write the formula as text or an image")


@dataclass(frozen=True)
class Finding:
    """Something unsafe in rendered HTML, and a pattern to find it in the source."""

    message: str
    hint: str
    needle: str
    nth: int | None = None  # placed at this match of the needle (-1: the last), not the next


UNCLOSED_COMMENT = Finding(
    "an HTML comment `<!--` is never closed, and would hide the rest of the page",
    "end the comment with `-->`, or write `&lt;!--` to show the characters",
    "<!--",
    nth=-1,
)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr", "keygen"}
)  # fmt: skip
OPTIONAL_END = frozenset(
    {"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
     "colgroup", "caption", "rb", "rt", "rtc", "rp"}
)  # fmt: skip


class _Walker(HTMLParser):
    """Collects the elements, attributes and addresses the allow-list does not keep.

    It also follows which elements are open, to report an end tag the text did not open
    and an element still open at the comment that ends the text (`mark_contributed`):
    either would reach into the page around the text.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []
        self.open: list[tuple[str, int]] = []  # tag, and how many of that tag came before
        self.seen: dict[str, int] = {}
        self.ended = False  # past the text's end: what follows is Markdown closing up

    def handle_endtag(self, tag: str) -> None:
        if self.ended:
            return
        tags = [t for t, _ in self.open]
        if tag in tags:
            del self.open[len(tags) - 1 - tags[::-1].index(tag) :]
        elif tag not in VOID:
            self.found.append(
                Finding(
                    f"`</{tag}>` closes an element this text did not open",
                    f"remove it, or add the `<{tag}>` it should close",
                    rf"</\s*{re.escape(tag)}\s*>",
                )
            )

    def handle_comment(self, data: str) -> None:
        if not data.startswith("/gp-contributed "):
            return
        for tag, nth in self.open:
            if tag not in OPTIONAL_END:
                self.found.append(
                    Finding(
                        f"`<{tag}>` is never closed, so the rest of the page would be inside it",
                        f"add `</{tag}>` where it should end",
                        _tag(tag),
                        nth=nth,
                    )
                )
        self.ended = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen[tag] = self.seen.get(tag, 0) + 1
        if tag not in VOID:
            self.open.append((tag, self.seen[tag] - 1))
        if tag in ELEMENTS:
            why, hint = ELEMENTS[tag]
            self.found.append(Finding(f"remove the <{tag}> element: {why}", hint, _tag(tag)))
            return
        if tag not in safety.CONTRIBUTED_TAGS:
            self.found.append(
                Finding(
                    f"<{tag}> is not allowed in guides, and the site removes it",
                    "use Markdown formatting, or simple HTML such as <details>, <abbr>, "
                    "<sup> or a table",
                    _tag(tag),
                )
            )
        for name, value in attrs:
            finding = _attribute(tag, name, value or "")
            if finding:
                self.found.append(finding)


def _tag(tag: str) -> str:
    return rf"<\s*{re.escape(tag)}(?![\w:-])"


def _letter(c: str) -> str:
    """A pattern for one character, written as itself or as a character reference."""
    forms = [re.escape(c)]
    for x in {c.lower(), c.upper()}:
        forms += [f"&#0*{ord(x)};?", f"&#x0*{ord(x):x};?"]
    return "(?:" + "|".join(forms) + ")"


def _attribute(tag: str, name: str, value: str) -> Finding | None:
    """A finding for one attribute, or None when the allow-list keeps it as it is."""
    needle = rf"(?<![\w:<-]){re.escape(name)}" + (r"\s*=" if value else r"(?![\w-])")
    if name.startswith("on"):
        return Finding(
            f"remove the `{name}` attribute from <{tag}>: guides cannot run scripts",
            "the site removes event handlers; a link needs no script",
            needle,
        )
    if name in safety.URL_ATTRIBUTES:
        scheme = safety.url_scheme(value)
        if scheme is not None and scheme not in safety.URL_SCHEMES:
            letters = _JUNK.join(_letter(c) for c in scheme)
            return Finding(
                f"remove the `{scheme}:` address from <{tag} {name}>: links and images can "
                "only use web addresses",
                "use an https:// address, a mailto: address or a page of this site"
                + ("; add an image as a file beside the page" if scheme == "data" else ""),
                rf"(?<![a-z]){letters}{_JUNK}(?::|&colon;|&#0*58;?|&#x0*3a;?)",
            )
    if not safety.attribute_allowed(tag, name):
        return Finding(
            f"the `{name}` attribute on <{tag}> is not allowed, and the site removes it",
            "use Markdown formatting, or a class with `{: .name }`",
            needle,
        )
    if name == "style" and any(
        part.split(":")[0].strip().lower() not in safety.STYLE_PROPERTIES
        for part in value.split(";")
        if part.strip()
    ):
        return Finding(
            f"the style on <{tag}> may only align text, and the site removes the rest",
            "align table columns with `:---:` in the Markdown table instead",
            needle,
        )
    return None


def markdown_for(extensions: tuple[str, ...], configs: Mapping[str, Any]) -> markdown.Markdown:
    """Python-Markdown with the build's extensions, less the sanitiser (check looks first).

    Made once per set of extensions and options, and reset before each text.
    """
    names = tuple(e for e in extensions if e != SANITISER)
    key = (names, repr(sorted(configs.items())))
    if key not in _MARKDOWN:
        _MARKDOWN[key] = markdown.Markdown(extensions=list(names), extension_configs=dict(configs))
    return _MARKDOWN[key]


_MARKDOWN: dict[tuple, markdown.Markdown] = {}


# What may hold HTML (a tag, attr_list's `{...}` with pack variables aside, a character
# reference, a control character, a link with an unsafe scheme), searched in pieces that
# stay fast on long texts: at 100,000 steps one alternation took a quarter of `check`.
_AMPERSAND = re.compile(r"&(?:#|[A-Za-z]+;)")
_BEYOND_ASCII = re.compile(r"[\x80-\x9f\u202a-\u202e\u2066-\u2069]")
_DESTINATIONS = (
    ("](", re.compile(r"\]\(\s*<?([^\s)>]{1,64})")),
    ("]:", re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:\s*<?([^\s>]{1,64})", re.M)),
)


def _triggers(text: str) -> bool:
    """A tag, `{`, a character reference or a control character: substring tests first."""
    return (
        "<" in text
        or "{" in text
        or ("&" in text and _AMPERSAND.search(text) is not None)
        or _has_control(text)
    )


_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


_last_control: list = [None, False]  # `scan` and `may_hold_html` ask about the same text


def _has_control(text: str) -> bool:
    """`CONTROL.search(text)`, four times faster: two passes in C over the UTF-8, where
    the C0 bytes stand only for themselves (other characters use bytes >= 0x80), and a
    search for the others only in a text that is not all ASCII."""
    if text is _last_control[0]:  # the reference kept here keeps the identity unique
        return _last_control[1]
    data = text.encode("utf-8", "surrogatepass")
    found = len(data.translate(None, _CONTROL_BYTES)) != len(data)
    if not found and not data.isascii():
        found = _BEYOND_ASCII.search(text) is not None
    _last_control[:] = [text, found]
    return found


def may_hold_html(text: str) -> bool:
    """Whether a text could render to HTML other than plain paragraphs and web links."""
    if _triggers(_PACK_VARIABLE.sub("", text) if "{{" in text else text):
        return True
    for needle, destination in _DESTINATIONS:  # each scan apart also finds overlapping ones
        if needle not in text:
            continue
        for match in destination.finditer(text):
            if ":" not in match.group(1):
                continue  # no scheme without a colon (most links are relative)
            scheme = safety.url_scheme(match.group(1))
            if scheme is not None and scheme not in safety.URL_SCHEMES:
                return True
    return False


def scan(text: str, rel: str, first_line: int, md: markdown.Markdown) -> list[Problem]:
    """Problems with the raw HTML of one contributed Markdown text starting at `first_line`."""
    problems: list[Problem] = []
    controls = []
    if _has_control(text):  # a fast test first: most texts have none
        controls = list(itertools.islice(CONTROL.finditer(text), MAX_FINDINGS + 1))
    for match in controls[:MAX_FINDINGS]:
        line = first_line + text.count("\n", 0, match.start())
        problems.append(
            Problem(
                rel,
                line,
                f"invisible control character U+{ord(match.group()):04X} in the text",
                "delete it: it often comes from copying out of a PDF or a word processor",
            )
        )
    if len(controls) > MAX_FINDINGS:
        problems.append(Problem(rel, line, "more control characters after this line"))
    if not may_hold_html(text):
        return problems
    md.reset()
    try:
        wrapped = md.convert(safety.mark_contributed(text))
    except RecursionError:
        return [*problems, Problem(rel, first_line, "the text is nested too deeply to render")]
    except Exception as exc:  # a Markdown bug would also stop the build: say where
        message = f"the text cannot be rendered as Markdown ({type(exc).__name__}: {exc})"
        return [*problems, Problem(rel, first_line, message[:300])]
    walker = _Walker()
    walker.feed(wrapped)
    walker.close()
    html = _MARKS.sub("", wrapped)
    last = html.rfind("<!--")
    if last != -1 and html.find("-->", last) == -1:
        walker.found.append(UNCLOSED_COMMENT)
    masked = mask_code(text)
    cursor = 0
    if len(walker.found) > MAX_FINDINGS:
        rest = len(walker.found) - MAX_FINDINGS
        walker.found[MAX_FINDINGS:] = [Finding(f"{rest} more HTML problems after this one", "", "")]
    for finding in walker.found:
        where = re.compile(finding.needle, re.I)
        if not finding.needle:
            match = None
        elif finding.nth is not None:
            matches = list(where.finditer(masked))
            match = matches[finding.nth] if -len(matches) <= finding.nth < len(matches) else None
        else:
            match = where.search(masked, cursor) or where.search(masked)
        if match:
            line = first_line + masked.count("\n", 0, match.start())
            cursor = match.end()
        elif not finding.needle:
            line = problems[-1].line
        else:
            line = first_line
        problems.append(Problem(rel, line, finding.message, finding.hint))
    return list(dict.fromkeys(problems))


def html_problems(site: Site) -> list[Problem]:
    """Unsafe HTML in every contributed text this site builds."""
    md = markdown_for(site.settings.extensions, site.settings.extension_configs)
    found: list[Problem] = []
    for text in contributed_texts(site):
        found += scan(text.body, text.source.rel, text.source.body_line, md)
    return found
