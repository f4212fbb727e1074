"""Safe contributed HTML: `check` reports known XSS payloads, and none survives a build."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import nh3
import pytest
from conftest import REPO, serve_folder
from core import load_site, render_site
from fixtures import site_repo, step, two_guides, write
from guidepack import sanitise as safety
from guidepack.checks.html import markdown_for
from guidepack.sanitise import mark_contributed as contributed
from guidepack.settings import read_settings

# (payload, reported): `reported` is False where the payload is harmless as Markdown renders it
PAYLOADS = [
    ("<script>alert('gpxss')</script>", True),
    ("<SCRIPT SRC=https://evil.example/gpxss.js></SCRIPT>", True),
    ('<img src="x" onerror="alert(\'gpxss\')">', True),
    ("<IMG SRC=\"javascript:alert('gpxss');\">", True),
    ('<svg><script>alert("gpxss")</script></svg>', True),
    ("<a href=\"javascript:alert('gpxss')\">js</a>", True),
    ("<a href=\"jav&#x09;ascript:alert('gpxss')\">tab</a>", True),
    (
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('gpxss')\">entities</a>",
        True,
    ),
    ("<a href=\"javascript&colon;alert('gpxss')\">colon</a>", True),
    ("<a href=\" JaVaScRiPt:alert('gpxss')\">mixed case</a>", True),
    ("<a href=\"vbscript:msgbox('gpxss')\">vb</a>", True),
    ('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgnZ3B4c3MnKTwvc2NyaXB0Pg==">data</a>', True),
    ('<iframe src="https://evil.example/gpxss"></iframe>', True),
    ("<iframe srcdoc=\"&lt;script&gt;alert('gpxss')&lt;/script&gt;\"></iframe>", True),
    ("<object data=\"javascript:alert('gpxss')\"></object>", True),
    ('<embed src="https://evil.example/gpxss.swf">', True),
    ("<style>body { background: url(\"javascript:alert('gpxss')\") }</style>", True),
    ("<div style=\"width: expression(alert('gpxss'))\">expression</div>", True),
    ("<details open ontoggle=\"alert('gpxss')\"><summary>toggle</summary>x</details>", True),
    ("<form action=\"javascript:alert('gpxss')\"><button>go</button></form>", True),
    ("<input onfocus=\"alert('gpxss')\" autofocus>", True),
    ('<meta http-equiv="refresh" content="0; url=javascript:alert(\'gpxss\')">', True),
    ("<base href=\"javascript:alert('gpxss')//\">", True),
    ('<a href="https://example.org" onmouseover="alert(\'gpxss\')">hover</a>', True),
    ("<video><source onerror=\"alert('gpxss')\"></video>", True),
    (
        "<math><mtext><table><mglyph><style><img src=x onerror=\"alert('gpxss')\"></style></mglyph></table></mtext></math>",
        True,
    ),
    ("<noscript><p title=\"</noscript><img src=x onerror=alert('gpxss')>\"></noscript>", True),
    ("<<script>script>alert('gpxss')<</script>/script>", True),
    ("[markdown link](javascript:alert('gpxss'))", True),
    ("![markdown image](javascript:alert('gpxss'))", True),
    ("[reference link][evil]", False),  # the definition below is where the address is
    ("[evil]: javascript:alert('gpxss')", True),
    ("[attr list](https://example.org){: onclick=\"alert('gpxss')\" }", True),
    ("<div markdown=\"1\">[inside md_in_html](javascript:alert('gpxss'))</div>", True),
    ('## Heading <img src="x" onerror="alert(\'gpxss\')">', True),
    # Markdown leaves these tags as text (and so they are not reported, but for the stray
    # `</a>`). They come last: an earlier copy as text of a later real tag would take the line
    # the check reports for the tag.
    ("<img src=x onerror=alert('gpxss')>", False),
    ("<svg onload=alert('gpxss')>", False),
    ("<a href=JaVaScRiPt:alert('gpxss')>unquoted</a>", True),
]
SAFE_BODY = """\
Raw HTML that guides may use:

<details><summary>More</summary>Hidden until opened, with <abbr title="community interest company">CIC</abbr>.</details>

| Left | Right |
|:-----|------:|
| a    | b     |

Code is text, not HTML: `<script>alert(1)</script>` and `[x](javascript:void(0))`.

```html
<iframe src="https://example.org/"></iframe>
```

[A web page](https://example.org/) and <a href="https://example.org/" target="_blank">a new tab</a>.
"""
XSS_STEP = "guides/alpha/03-payloads.md"
HEAD_STEP = """\
---
title: "<img src=x onerror=alert('gpxss')>"
summary: "\\"><script>alert('gpxss')</script>"
---

Body.
"""


def payload_step() -> str:
    return step("Payloads", body="\n\n".join(p for p, _ in PAYLOADS))


def payload_lines(text: str) -> dict[str, int]:
    lines = text.split("\n")
    return {p: lines.index(p) + 1 for p, _ in PAYLOADS}


def problems_by_line(root: Path, rel: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for p in load_site(root).problems:
        if p.file == rel:
            found.setdefault(p.line, []).append(p.message)
    return found


def test_check_reports_every_payload_with_its_line(tmp_path):
    write(tmp_path, {**two_guides(), XSS_STEP: payload_step()})
    found = problems_by_line(tmp_path, XSS_STEP)
    lines = payload_lines(payload_step())
    missing = [p for p, reported in PAYLOADS if reported and lines[p] not in found]
    assert missing == []
    extra = sorted(set(found) - {lines[p] for p, reported in PAYLOADS if reported})
    assert extra == []
    messages = [m for ms in found.values() for m in ms]
    assert "remove the <script> element: guides cannot run scripts" in messages
    assert any("`onerror` attribute" in m for m in messages)
    assert any("`javascript:` address from <a href>" in m for m in messages)
    assert any("`vbscript:` address" in m for m in messages)
    assert any("`data:` address" in m for m in messages)
    assert any("remove the <iframe> element" in m for m in messages)
    assert any("`onclick` attribute" in m for m in messages)


def test_unsafe_html_fails_the_build_with_file_and_line(tmp_path):
    body = "Fine.\n\n<script>alert(1)</script>"
    site_repo(tmp_path, {**two_guides(), "guides/alpha/03-x.md": step("X", body=body)})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode != 0
    assert "guides/alpha/03-x.md:8: remove the <script> element" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site/guides/alpha/x").exists()


def test_check_accepts_safe_html_and_code(tmp_path):
    write(tmp_path, {**two_guides(), "guides/alpha/03-safe.md": step("Safe", body=SAFE_BODY)})
    assert load_site(tmp_path).problems == []


def test_check_scans_theory_interview_guide_and_pack_texts(tmp_path):
    bad = "Fine line.\n\n<script>alert(1)</script>\n"
    files = {
        **two_guides(),
        "guides/beta/index.md": two_guides()["guides/beta/index.md"] + "\n" + bad,
        "theory/essay.md": "---\ntitle: Essay\nsummary: S.\n---\n\n" + bad,
        "interviews/2024-someone.md": textwrap.dedent("""\
            ---
            title: Someone
            summary: S.
            date: 2024-05-01
            people: [{name: A Person, role: Founder}]
            ---

            Intro.

            <iframe src="https://example.org/"></iframe>
            """),
        "packs/town/pack.yml": 'name: Town\nguides: [beta]\nintro: pages/home.md\nvariables:\n  place: "<img src=x onerror=alert(1)>"\n',
        "packs/town/pages/home.md": "---\ntitle: Home\nsummary: S.\n---\n\nWelcome.\n\n<script>x</script>\n",
        "packs/town/pages/more.md": "---\ntitle: More\nsummary: S.\n---\n\n[x](javascript:alert(1))\n",
        "packs/town/notes/alpha/start.md": "---\n---\n\nA note.\n\n<form></form>\n",
    }
    write(tmp_path, files)
    problems = load_site(tmp_path, "packs/town").problems
    where = {(p.file, p.line) for p in problems}
    for rel, needle in [
        ("guides/beta/index.md", "<script>"),
        ("theory/essay.md", "<script>"),
        ("interviews/2024-someone.md", "<iframe"),
        ("packs/town/pack.yml", "<img"),
        ("packs/town/pages/home.md", "<script>"),
        ("packs/town/pages/more.md", "javascript:"),
        ("packs/town/notes/alpha/start.md", "<form>"),
    ]:
        assert (rel, line_of(files[rel], needle)) in where, rel


def line_of(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1


def test_control_characters_are_reported_and_cannot_forge_placeholders(tmp_path):
    body = "Text \x02wzxhzdk:0\x03 more.\n\n<details><summary>s</summary>x</details>"
    write(tmp_path, {**two_guides(), "guides/alpha/03-ctl.md": step("Ctl", body=body)})
    problems = problems_by_line(tmp_path, "guides/alpha/03-ctl.md")
    assert problems == {6: ["invisible control character U+0002 in the text",
                            "invisible control character U+0003 in the text"]}  # fmt: skip
    assert "\x02" not in contributed(body)


def test_the_page_allow_list_keeps_guidepacks_markup_and_drops_payloads():
    page = (
        '<nav data-gp-x="1"><label><input type="checkbox" data-gp-done="a/b" checked></label></nav>'
        '<p onclick="x">a</p><script>s</script>'
        '<div class="gp-graph-wrap"><svg viewBox="0 0 10 10"><a href="../a/" data-gp-node="a">'
        '<rect x="1" y="2" width="3" height="4" stroke="#00796b"></rect></a></svg></div>'
        '<a href="javascript:alert(1)">x</a><li style="--gp-start:1%;color:red">bar</li>'
    )
    assert safety.sanitise(page) == (
        '<nav data-gp-x="1"><label><input type="checkbox" data-gp-done="a/b" checked=""></label></nav>'
        "<p>a</p>"
        '<div class="gp-graph-wrap"><svg viewBox="0 0 10 10"><a href="../a/" data-gp-node="a" rel="noopener">'
        '<rect x="1" y="2" width="3" height="4" stroke="#00796b"></rect></a></svg></div>'
        '<a rel="noopener">x</a><li style="--gp-start:1%">bar</li>'
    )


def test_every_page_of_the_real_site_keeps_its_meaning_through_the_sanitiser():
    """Every Markdown page of the real site renders to the same elements, attributes and
    text with the sanitiser as without it (but for `rel="noopener"` on links)."""
    site = load_site(REPO)
    assert [p for p in site.problems if not p.warning] == []
    md = _markdown()
    pages = 0
    for page in render_site(site).values():
        if not page.is_markdown:
            continue
        md.reset()
        html = md.convert(page.content.split("\n---\n", 1)[-1])
        pages += 1
        assert tokens(safety.sanitise(html), ignore={"rel"}) == tokens(html, ignore={"rel"}), (
            page.uri
        )
    assert pages > 90


class Tokens(HTMLParser):
    """Elements, sorted attributes and whitespace-normalised text: an HTML page's meaning."""

    def __init__(self, ignore: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple] = []
        self.ignore = ignore

    def handle_starttag(self, tag, attrs):
        attrs = [
            (k, re.sub(r"\s|;$", "", v or "") if k == "style" else v or "")
            for k, v in attrs
            if k not in self.ignore
        ]
        self.items.append(("<", tag, tuple(sorted(attrs))))

    def handle_endtag(self, tag):
        self.items.append((">", tag))

    def handle_data(self, data):
        if data.split():
            self.items.append(("text", " ".join(data.split())))


@cache
def _markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions of the site's mkdocs.yml, without the sanitiser."""
    settings, _ = read_settings(REPO)
    return markdown_for(settings.extensions, settings.extension_configs)


def render_contributed(text: str, sanitise: bool = True) -> str:
    """A contributed text as a build renders it: converted, then sanitised."""
    md = _markdown()
    md.reset()
    html = md.convert(text)
    return safety.sanitise(html) if sanitise else html


def tokens(html: str, ignore: set[str] | frozenset[str] = frozenset()) -> list[tuple]:
    parser = Tokens(frozenset(ignore))
    parser.feed(html)
    parser.close()
    return parser.items


def browser_view(html: str) -> str:
    """`html` as a browser builds it (HTML5 parsing closes elements, adds <tbody>...), with
    everything in it kept: nh3 with an allow-list of exactly what `html` holds."""
    parser = Tokens()
    parser.feed(html)
    parser.close()
    starts = [t for t in parser.items if t[0] == "<"]
    names = {name for t in starts for name, _ in t[2]}
    schemes = {safety.url_scheme(value) for t in starts for _, value in t[2]} - {None}
    return nh3.clean(
        html,
        tags={t[1] for t in starts} | {"tbody"},
        attributes={"*": names},
        url_schemes=schemes | set(safety.URL_SCHEMES),
        link_rel=None,
    )


# --- the built site, with `check` bypassed so that only the output sanitiser stands ----------


class Exposure(HTMLParser):
    """Everything in a built page that could run a payload."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = False

    ACTIVE = frozenset({"href", "src", "action", "formaction", "data", "srcdoc", "style",
                        "xlink:href", "poster", "background", "srcset"})  # fmt: skip

    def handle_starttag(self, tag, attrs):
        self._script = tag in ("script", "style")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            elif name in self.ACTIVE and (
                safety.url_scheme(value) in ("javascript", "vbscript", "data")
                or ("gpxss" in value and (tag == "script" or name in ("srcdoc", "style")))
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "form" and dict(attrs).get("class", "").startswith("md-"):
            return  # the theme's search box and colour palette switch
        if tag in ("iframe", "object", "embed", "form", "base", "math", "noscript", "video"):
            self.found.append(f"<{tag}>")
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() not in (
            "",
            "content-security-policy",  # guidepack's own, on decks and redirects
        ):
            self.found.append("<meta http-equiv>")

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script and "gpxss" in data:
            self.found.append(f"script or style holding {data.strip()[:60]!r}")


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory, monkeypatch_module) -> Path:
    """The fixture site with every payload in a step body and in a title, built in-process
    with `check` switched off, so that only the sanitiser stands."""
    import guidepack.pipeline
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = tmp_path_factory.mktemp("xss")
    site_repo(
        root, {**two_guides(), XSS_STEP: payload_step(), "guides/alpha/04-head.md": HEAD_STEP}
    )
    monkeypatch_module.setattr(guidepack.pipeline, "check", lambda site: [])
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    return root / "site"


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_no_payload_survives_into_the_built_html(xss_site):
    page = xss_site / "guides/alpha/payloads/index.html"
    html = page.read_text(encoding="utf-8")
    assert "Heading" in html and "inside md_in_html" in html  # the safe parts are kept
    exposure = Exposure()
    exposure.feed(html)
    assert exposure.found == []
    assert "gp-contributed" not in html
    for other in xss_site.rglob("*.html"):
        exposure = Exposure()
        exposure.feed(other.read_text(encoding="utf-8"))
        assert exposure.found == [], other


def test_titles_and_summaries_are_escaped_in_the_page_head(xss_site):
    html = (xss_site / "guides/alpha/head/index.html").read_text(encoding="utf-8")
    exposure = Exposure()
    exposure.feed(html)
    assert exposure.found == []
    assert "&lt;img src=x onerror=alert('gpxss')&gt;" in html
    assert '<meta name="description" content="&quot;&gt;&lt;script&gt;' in html


@pytest.mark.browser
def test_no_payload_runs_in_a_browser(xss_site, page):
    url, server = serve_folder(xss_site)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())
    try:
        for path in ("guides/alpha/payloads/", "guides/alpha/head/"):
            page.goto(url + path)
            page.wait_for_load_state("load")
            for link in page.locator("article a").all():
                link.hover()
            page.wait_for_timeout(200)
    finally:
        server.shutdown()
    assert dialogs == []
