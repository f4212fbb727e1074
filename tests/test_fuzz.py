"""Fuzzing `check`: random and mutated content never raises, and every failure names its file.

Set GUIDEPACK_FUZZ_EXAMPLES to run more examples than the suite's default.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from core import load_site, render_site
from fixtures import site_repo, step, two_guides, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("GUIDEPACK_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("GUIDEPACK_FUZZ_RANDOM") is None,  # CI never fails by chance
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TARGETS = [
    "guides/alpha/03-fuzz.md",  # a step
    "guides/beta/index.md",  # a guide's index
    "guides/gamma/index.md",  # a new guide
    "theory/fuzz.md",  # a page
    "interviews/2024-fuzz.md",  # an interview
]
KEYS = [
    "title", "summary", "requires", "related", "involve", "effort", "resources", "aliases",
    "essential", "maintainers", "licence", "pitch", "date", "people", "video", "problem",
    "time", "cost", "url", "name", "role", "provider", "id", "host", "Title", "",
]  # fmt: skip
TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | TEXT
    | st.sampled_from(["alpha/start", "beta/plan", "alpha/nope", "2024-02-30", "2-4 weeks", "£0",
                       "https://example.org/", "javascript:alert(1)", "youtube", "peertube"])
)  # fmt: skip
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(KEYS), inner, max_size=4),
    max_leaves=25,
)
FRAGMENTS = st.sampled_from([
    "---\n", "---", "...\n", "title: ", "summary: ", "requires: ", "\n", "  ", "- ", ": ", "[", "]",
    "{", "}", ", ", "&a ", "*a", "&b [*a, *a, *a, *a]\n", "<<: *a\n", "!!binary ", "!!python/object:os.system ",
    "!!set ", "? ", "|\n  ", ">-\n  ", "'", '"', "#", "\t", "\x00", "\ufeff", "\r\n", "\\u", "%YAML 1.1\n",
    "9" * 5000, "[" * 200, "- " * 100, "\u202e", "\U0001f600", "\ud7ff", "2024-13-45",
])  # fmt: skip
BODIES = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "```", "~~~", "`", "``",
    "[x](javascript:alert(1))", "[x][r]\n\n[r]: vbscript:x", "{: onclick=x }", "&#106;", "<!--",
    "-->", "\x02wzxhzdk:0\x03", "{{ pack.variables.x }}", "{{ pack.nope }}", "<details>", "</div>",
    "<div markdown>", "# ", "    ", "> ", "1. ", "| a |\n|---|\n", "\n\n", "<", "&", "\\",
])  # fmt: skip


@st.composite
def documents(draw) -> bytes:
    """A Markdown file: generated front matter or YAML fragments, a body, maybe mangled bytes."""
    kind = draw(st.sampled_from(["structured", "fragments", "empty", "bytes"]))
    if kind == "empty":
        return b""
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "structured":
        data = draw(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=8))
        front = yaml.safe_dump(data, allow_unicode=True)
    else:
        front = "".join(draw(st.lists(FRAGMENTS | TEXT, max_size=30)))
    body = "".join(draw(st.lists(BODIES | TEXT, max_size=20)))
    text = f"---\n{front}---\n\n{body}" if draw(st.booleans()) else front + body
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):  # mutate: overwrite a few bytes anywhere
        for _ in range(draw(st.integers(1, 4))):
            if raw:
                at = draw(st.integers(0, len(raw) - 1))
                raw = raw[:at] + draw(st.binary(min_size=1, max_size=3)) + raw[at + 1 :]
    return raw


@FUZZ
@given(st.dictionaries(st.sampled_from(TARGETS), documents(), min_size=1, max_size=3))
def test_loading_random_content_never_raises(files: dict[str, bytes]):
    with tempfile.TemporaryDirectory() as tmp:
        root = write(Path(tmp), two_guides())
        for rel, data in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        site = load_site(root)
        for problem in site.problems:
            assert (root / problem.file).exists(), problem
            assert problem.line >= 0
            assert str(problem).startswith(f"{problem.file}:{problem.line}: ")
        if not site.problems:
            render_site(site)


BILLION_LAUGHS = """\
---
a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
title: [*i, *i, *i, *i, *i, *i, *i, *i, *i, *i]
---
"""
NASTY = {
    "billion laughs": (BILLION_LAUGHS.encode(), "guides/alpha/03-fuzz.md:6: YAML anchors and aliases expand to too large a document"),
    "10 MB file": (step("Big", body="x" * 10_485_760).encode(), "guides/alpha/03-fuzz.md:0: file is too large (10,485,7"),
    "deep nesting": (("---\ntitle: " + "[" * 200_000 + "\n---\n").encode(), "guides/alpha/03-fuzz.md:2: front matter is nested too deeply"),
    "deep block nesting": (("---\ntitle:\n" + "- " * 200_000 + "x\n---\n").encode(), "guides/alpha/03-fuzz.md:3: front matter is nested too deeply"),
    "binary": (bytes(range(256)) * 4, "guides/alpha/03-fuzz.md:2: file is not UTF-8 text (byte 128)"),
    "empty": (b"", "guides/alpha/03-fuzz.md:1: no front matter"),
    "impossible date": (b"---\ntitle: T\nsummary: S.\neffort: {time: 2 days, cost: \"\xc2\xa30\"}\nx: 2024-02-30\n---\n", "guides/alpha/03-fuzz.md:5: the value `2024-02-30` cannot be read (day is out of range for month)"),
    "huge number": (("---\ntitle: " + "9" * 5000 + "\nsummary: S.\n---\n").encode(), "guides/alpha/03-fuzz.md:2: the value `9999999999999999999999999999999999999...` cannot be read"),
    "recursive alias": (b"---\ntitle: &t [*t]\nsummary: S.\n---\n", "guides/alpha/03-fuzz.md:2: a YAML alias refers to the value it is part of"),
    "unsafe tag": (b"---\ntitle: !!python/object/apply:os.system [echo hi]\n---\n", "guides/alpha/03-fuzz.md:2: YAML syntax error: could not determine a constructor"),
    "control character": (step("Ctl", body="a\x02b").encode(), "guides/alpha/03-fuzz.md:6: invisible control character U+0002"),
}  # fmt: skip


@pytest.mark.parametrize("name", NASTY)
def test_nasty_files_are_clean_problems(tmp_path, name):
    data, expected = NASTY[name]
    write(tmp_path, two_guides())
    (tmp_path / "guides/alpha/03-fuzz.md").write_bytes(data)
    problems = [str(p) for p in load_site(tmp_path).problems]
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(
    "name", ["billion laughs", "10 MB file", "deep nesting", "binary", "impossible date"]
)
def test_check_command_exits_1_without_a_traceback(tmp_path, name):
    data, expected = NASTY[name]
    root = site_repo(tmp_path, two_guides())
    (root / "build.py").symlink_to(REPO / "build.py")
    (root / "guides/alpha/03-fuzz.md").write_bytes(data)
    result = subprocess.run(
        [sys.executable, "build.py", "check"], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert expected in result.stderr


HTML_BITS = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<img src="x" onerror="alert(1)">',
    "<a href=\"javascript:alert(1)\">a</a>", "<a href='jav&#x09;ascript:alert(1)'>b</a>", "<svg onload=alert(1)>",
    "<iframe src=https://e.example/>", "<style>*{}</style>", "<details><summary>s</summary>d</details>",
    "<abbr title=t>a</abbr>", "<div markdown>", "</div>", "<p onclick=x>", "<!--", "-->", "`", "```\n",
    "[x](javascript:alert(1))", "[x](https://example.org/)", "{: onclick=x }", "*", "_", "\n\n", "\n",
    "    ", "> ", "- ", "1. ", "| a | b |\n|:-|-:|\n| 1 | 2 |\n", "<table><tr><td>c</td></tr></table>",
    "<object data=x>", "<form><input></form>", "&lt;script&gt;", "&#106;avascript:", "<math><mi>x</mi></math>",
])  # fmt: skip


@FUZZ
@given(st.lists(HTML_BITS | TEXT, max_size=25).map("".join))
def test_sanitised_output_holds_nothing_active(body: str):
    """Whatever a contributor writes, the built HTML of their text runs nothing."""
    from test_safety import Exposure, render_contributed

    exposure = Exposure()
    exposure.feed(render_contributed(body))
    assert exposure.found == []


@FUZZ
@given(st.lists(HTML_BITS | TEXT, max_size=25).map("".join))
def test_what_check_allows_the_sanitiser_keeps(body: str):
    """A text that `check` passes builds to the same elements, attributes and text.

    The comparison is of what a browser builds from each: the sanitiser parses as a browser
    does, so it closes what the text left open (a contributor's `<div>` cannot swallow the
    page's own panels) and adds the <tbody> a browser adds.
    """
    from guidepack.checks.html import scan
    from test_safety import _markdown, browser_view, render_contributed, tokens

    if scan(body, "x.md", 1, _markdown()):
        return
    clean, plain = render_contributed(body), render_contributed(body, sanitise=False)
    assert tokens(clean, ignore={"rel"}) == tokens(browser_view(plain), ignore={"rel"})
