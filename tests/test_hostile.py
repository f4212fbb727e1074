"""Hostile and careless contributors (issue 12): every field of every file is untrusted.

The property test writes generated text into every text field of every kind of record
(steps, guides and their pitch, theory, interviews, `docs/` pages, blog posts, a town's
name, contacts, variables, notes and pages), builds the site, and parses every page: either
`check` reports the input (file:line, no traceback) or nothing in the built site could run
a script or forge one of guidepack's components. The other tests take one hostile input
each: names, links out of the repository, output folders, and inputs that used to crash
the build or pass silently.

Set GUIDEPACK_HOSTILE_EXAMPLES to run more examples than the suite's default.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from html import unescape as html_unescape
from pathlib import Path

import pytest
from conftest import REPO
from core import load_site
from exposure import MARKER, page_exposure, site_exposure
from fixtures import site_repo, step, two_guides, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("GUIDEPACK_HOSTILE_EXAMPLES", "40"))
PROBLEM_LINE = re.compile(r"^[^\n:]+:\d+: \S")
OUTCOMES = {"built": 0, "reported": 0}

# --- the property: generated text in every field -----------------------------------------

# Text fields are plain text: `check` refuses markup in them (REFUSED), and the rest must be
# shown as written, never as HTML (ACCEPTED). An example uses only ACCEPTED pieces or
# all of them, so about half of the examples get built.
ACCEPTED = [
    "' onmouseover='alert(`gpxss`)' x='",
    '" onfocus="alert(\'gpxss\')" autofocus x="', "-->", "--!>", "]]>", "\n", "\n# gpxss\n",
    "{{ pack.variables.council }}", "{{ 7*7 }}", "{% raw %}", "*", "_", "`", "\\", "|", "#", "> q",
    "1. ", "- ", "é", "£", "😀", "\u00a0", "\u2028", "\t", "%E0%A4%A", "a > b", "x=1; y='2'",
]  # fmt: skip
REFUSED = [
    "{: onfocus=\"alert('gpxss')\" autofocus tabindex=0 }",
    '{: #__config data-gp-video="gpxss" data-gp-host="gpxss.example" }',
    "![i](x){: onerror=\"alert('gpxss')\" }", "<img src=x onerror=alert('gpxss')>",
    "<script>alert('gpxss')</script>", "</title><script>alert('gpxss')</script>",
    "\"><svg onload=alert('gpxss')>", '<a href="data:text/html,gpxss">d</a>', "<!--",
    "<![CDATA[", "&amp;", "&#0;", "\r", "\x00", "\u202e", "[x](javascript:alert('gpxss'))",
    "javascript:alert('gpxss')",
]  # fmt: skip
WORDS = st.text(alphabet="ab =:/\"'", min_size=1, max_size=6)
BODY_ACCEPTED = [
    "Plain words.", "[a link](https://example.org/)", "{: #own-id .own-class }", "<span>s</span>",
    "<details><summary>s</summary>d</details>", '<abbr title="t">a</abbr>', "&amp; &lt;tag&gt;",
    "`<script>gpxss</script>`", "- item", "> quote", "| a | b |\n|---|---|\n| 1 | 2 |",
    "**bold** _it_", "{{ pack.variables.council }}", "```\n<script>gpxss</script>\n```", "é £ 😀",
    '<div markdown="1">*in*</div>', "[ref][r]\n\n[r]: https://example.org/x",
]  # fmt: skip
BODY_REFUSED = [
    "<img src=x onerror=alert('gpxss')>", "<script>alert('gpxss')</script>",
    "[x](javascript:alert('gpxss'))", "Text {: onclick=\"alert('gpxss')\" }",
    '<div data-gp-video="gpxss" data-gp-provider="youtube">v</div>', "<svg><a>gpxss</a></svg>",
    '<p id="__config">gpxss</p>', '<form action="https://gpxss.example"><input></form>',
]  # fmt: skip
HEADINGS = ["About", "About {{ pack.variables.council }}", "Q&A: \"quotes\" 'and' *stars*",
            "Notes {: #notes-page }", "1 < 2 > 0"]  # fmt: skip


def field(refused: bool):
    pieces = st.sampled_from(ACCEPTED + REFUSED if refused else ACCEPTED) | WORDS
    return (
        st.lists(pieces, min_size=1, max_size=4)
        .map("".join)
        .filter(lambda s: s.strip() and len(s) < 190)
    )


def body(refused: bool):
    pieces = st.sampled_from(BODY_ACCEPTED * 4 + BODY_REFUSED if refused else BODY_ACCEPTED)
    return st.lists(pieces, min_size=1, max_size=6).map("\n\n".join)


def y(value: object) -> str:
    """A value as YAML (JSON is YAML; control characters are escaped as JSON escapes them)."""
    return json.dumps(value, ensure_ascii=False)


@st.composite
def hostile_repository(draw) -> dict[str, str]:
    """Every kind of record with generated text in every text field."""
    refused = draw(st.booleans())  # may this example hold what check must refuse?
    f = lambda: draw(field(refused))  # noqa: E731 - one fresh field per use
    b = lambda: draw(body(refused))  # noqa: E731
    pitch = {
        "problem": f(), "offer": f(), "who_benefits": [f()], "costs": f(),
        "first_steps": [f(), f()], "connects_to": f(), "ask": f(),
    }  # fmt: skip
    guide = (
        f"---\ntitle: {y(f())}\nsummary: {y(f())}\nessential: true\n"
        f"maintainers: [{y(f())}]\npitch: {y(pitch)}\n---\n\n{b()}\n"
    )
    first = (
        f"---\ntitle: {y(f())}\nsummary: {y(f())}\ninvolve: [{y(f())}, {y(f())}]\n"
        f"effort: {{time: 2-4 weeks, cost: '£0-500'}}\n"
        f"resources: [{{title: {y(f())}, url: 'https://example.org/a'}}]\n---\n\n{b()}\n"
    )
    second = f"---\ntitle: {y(f())}\nsummary: {y(f())}\nrequires: [alpha/start]\n---\n\n{b()}\n"
    page = f"---\ntitle: {y(f())}\nsummary: {y(f())}\n---\n\n{b()}\n"
    interview = (
        f"---\ntitle: {y(f())}\nsummary: {y(f())}\ndate: 2026-01-02\n"
        f"people: [{{name: {y(f())}, role: {y(f())}}}]\nrelated: [alpha/start]\n---\n\n{b()}\n"
    )
    pack = {
        "name": f(), "guides": ["beta"], "intro": "pages/welcome.md",
        "contacts": [{"name": f(), "role": f(), "url": "https://example.org/c"}],
        "variables": {"council": f()},
    }  # fmt: skip
    return {
        **two_guides(),
        "guides/alpha/index.md": guide,
        "guides/alpha/01-start.md": first,
        "guides/alpha/02-grow.md": second,
        "theory/hostile.md": page,
        "interviews/2026-hostile.md": interview,
        "docs/index.md": f"---\ntitle: {y(f())}\ndescription: {y(f())}\n---\n\n{b()}\n",
        "docs/about.md": f"# {draw(st.sampled_from(HEADINGS))}\n\n{b()}\n",
        "docs/blog/posts/post.md": (
            f"---\ndate: 2026-11-22\ntitle: {y(f())}\n---\n\n{b()}\n\n<!-- more -->\n\n{b()}\n"
        ),
        "town.yml": "pack: packs/town\n",
        "packs/town/pack.yml": y(pack) + "\n",
        "packs/town/pages/welcome.md": f"{b()}\n",
        "packs/town/pages/extra.md": page,
        "packs/town/notes/alpha/start.md": f"{b()}\n",
    }


def quick_config(root: Path) -> None:
    """The real mkdocs.yml without the search index and the offline ZIP (the hand-outs
    and decks stay: they print the same fields)."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "  - guidepack:\n", "  - guidepack:\n      search: false\n      offline: false\n"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")


def mkdocs_build(root: Path) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = root / "site"
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(out)))
    return out


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("GUIDEPACK_FUZZ_RANDOM") is None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(files=hostile_repository())
def test_hostile_text_in_any_field_is_reported_or_published_inert(tmp_path_factory, files):
    root = site_repo(tmp_path_factory.mktemp("hostile"), files)
    quick_config(root)
    problems = load_site(root).problems
    errors = [p for p in problems if not p.warning]
    for problem in problems:
        assert PROBLEM_LINE.match(str(problem)), str(problem)
    if errors:
        OUTCOMES["reported"] += 1
        return  # reported before anything was built
    OUTCOMES["built"] += 1
    site = mkdocs_build(root)
    assert (site / "guides/alpha/start/index.html").is_file()
    assert site_exposure(site) == {}


def test_the_property_built_most_of_its_examples():
    """The property above is only worth something if most of its examples got built."""
    if not OUTCOMES["built"] + OUTCOMES["reported"]:
        pytest.skip("runs after the property test")
    assert OUTCOMES["built"] >= OUTCOMES["reported"] / 2, OUTCOMES


# --- one hostile input at a time ----------------------------------------------------------


def repo_in(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return site_repo(folder, files)


def problems_of(root: Path, pack: str | None = None) -> list[str]:
    return [str(p) for p in load_site(root, pack=pack).problems]


def run(root: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    if not (root / "build.py").exists():
        (root / "build.py").symlink_to(REPO / "build.py")
    return subprocess.run(
        [sys.executable, "build.py", *args], cwd=root, capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip


def test_a_title_cannot_add_event_handlers_through_attr_list(tmp_path):
    """`check` refuses it; and were it built anyway, the page would not carry it."""
    import markdown
    from core import render_site

    title = 'Test demand {: tabindex=0 autofocus onfocus="document.title=1" }'
    text = f"---\ntitle: {y(title)}\nsummary: Find out.\n---\n\nBody.\n"
    root = site_repo(tmp_path, {**two_guides(), "guides/alpha/01-start.md": text})
    loaded = load_site(root)
    assert any(
        str(p).startswith("guides/alpha/01-start.md:2: `title` holds attribute syntax")
        for p in loaded.problems
    ), loaded.problems
    page = render_site(loaded)["guides/alpha/start/index.md"].content
    settings = loaded.site.settings
    built = markdown.Markdown(  # every extension of the build, the sanitiser last
        extensions=list(settings.extensions), extension_configs=dict(settings.extension_configs)
    )
    html = built.convert(page)
    assert page_exposure(html) == []
    heading = re.search(r"<h1([^>]*)>", html).group(1)
    assert "autofocus" not in heading and "tabindex" not in heading, heading


@pytest.mark.parametrize(
    ("written", "words"),
    [
        (r'"\u003cb onmouseover=x\u003e Shop"', "holds HTML"),
        (r'"Shop \x7b: onclick=x }"', "holds attribute syntax"),
        ("'Shop javascript\n  :alert(1)'", "holds a `javascript:` address"),
        ('"Shop {\n  : .x }"', "holds attribute syntax"),  # folded: `{ : .x }`
        (r'"Shop \x3c!-- x --\x3e"', "holds HTML"),
    ],
)
def test_markup_written_with_yaml_escapes_or_folds_is_still_found(tmp_path, written, words):
    """`check` skips front matter whose raw text cannot hold markup: escapes must not hide it."""
    text = f"---\ntitle: {written}\nsummary: Find out.\n---\n\nBody.\n"
    root = site_repo(tmp_path, {**two_guides(), "guides/alpha/01-start.md": text})
    found = [p for p in problems_of(root) if p.startswith("guides/alpha/01-start.md")]
    assert any(words in p for p in found), found


def test_a_file_name_cannot_reach_an_attribute(tmp_path):
    name = 'x" onmouseover="alert(1)" y.md'
    root = site_repo(
        tmp_path, {**two_guides(), f"theory/{name}": "---\ntitle: T\nsummary: S.\n---\n"}
    )
    found = problems_of(root)
    assert any(p.startswith(f"theory/{name}:0: the name") for p in found), found


@pytest.mark.parametrize(
    "link",
    ["packs/town/notes/alpha/start.md", "packs/town/pages/p.md", "theory/leak.md",
     "docs/leak.md", "guides/alpha/03-leak.md", "interviews/2026-leak.md"],
)  # fmt: skip
def test_a_symlink_out_of_the_repository_is_refused(tmp_path, link):
    secret = tmp_path / "outside.md"
    secret.write_text(f"---\ntitle: {MARKER}\nsummary: S.\n---\n\n{MARKER} secret\n")
    root = repo_in(tmp_path / "repo", {**two_guides(), "packs/town/pack.yml": "name: Town\n"})
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    (root / link).symlink_to(secret)
    found = problems_of(root, pack="packs/town")
    assert any(p.startswith(f"{link}:0: this file leads outside the repository") for p in found), (
        found
    )


def test_a_symlinked_guide_folder_out_of_the_repository_is_refused(tmp_path):
    outside = write(tmp_path / "elsewhere", {"index.md": "---\ntitle: X\nsummary: S.\n---\n"})
    root = repo_in(tmp_path / "repo", two_guides())
    (root / "guides/leak").symlink_to(outside, target_is_directory=True)
    found = problems_of(root)
    assert any(p.startswith("guides/leak:0: this folder leads outside") for p in found), found


def test_a_symlink_into_git_is_refused(tmp_path):
    root = site_repo(tmp_path, two_guides())
    write(root, {".git/config": f"[core]\n\t{MARKER} = 1\n"})
    (root / "theory/config.md").symlink_to(root / ".git/config")
    found = problems_of(root)
    assert any(
        p.startswith("theory/config.md:0: this file leads to .git/config, a hidden file")
        for p in found
    ), found


@pytest.mark.parametrize(
    "target", [".", "..", "guides", "docs", "README.md", ".git", "plugins", "guides/alpha"]
)
def test_the_site_folder_never_replaces_the_repository_or_its_content(tmp_path, target):
    root = repo_in(tmp_path / "repo", two_guides())
    write(root, {"README.md": "read me\n", ".git/HEAD": "ref: refs/heads/main\n"})
    (root / "build.py").symlink_to(REPO / "build.py")
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    result = run(root, "build", "--site-dir", target)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before


def test_a_folder_of_other_files_is_not_replaced(tmp_path):
    root = repo_in(tmp_path / "repo", two_guides())
    write(tmp_path, {"mine/notes.txt": "keep me\n"})
    result = run(root, "build", "--site-dir", str(tmp_path / "mine"))
    assert result.returncode == 2 and "already holds other files" in result.stderr
    assert (tmp_path / "mine/notes.txt").read_text() == "keep me\n"


def test_a_step_file_cannot_replace_the_guide_page(tmp_path):
    root = site_repo(tmp_path, {**two_guides(), "guides/alpha/03-index.md": step("Index")})
    found = problems_of(root)
    assert any(p.startswith("guides/alpha/03-index.md:0: ") and "index" in p for p in found), found


def test_a_duplicate_key_names_both_lines(tmp_path):
    text = "---\ntitle: One\nsummary: S.\ntitle: Two\n---\n"
    root = site_repo(tmp_path, {**two_guides(), "guides/alpha/03-dup.md": text})
    found = problems_of(root)
    assert any(
        p.startswith("guides/alpha/03-dup.md:4: ") and "title" in p and "line 2" in p for p in found
    ), found


def town(root: Path, **files: str) -> Path:
    return write(root, {"packs/town/pack.yml": "name: Town\nguides: [beta]\n", **files})


def test_a_note_that_is_a_folder_is_a_problem(tmp_path):
    root = town(site_repo(tmp_path, two_guides()))
    (root / "packs/town/notes/alpha/start.md").mkdir(parents=True)
    found = problems_of(root, pack="packs/town")
    assert any(
        p.startswith("packs/town/notes/alpha/start.md:0: this is a folder") for p in found
    ), found


@pytest.mark.parametrize("where", ["notes/alpha/start.md", "pages/welcome.md"])
def test_a_note_or_intro_that_is_not_utf8_is_a_problem(tmp_path, where):
    root = town(site_repo(tmp_path, two_guides()))
    if where.startswith("pages"):
        write(
            root, {"packs/town/pack.yml": "name: Town\nguides: [beta]\nintro: pages/welcome.md\n"}
        )
    path = root / "packs/town" / where
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("caf\xe9 au lait\n".encode("latin-1"))
    found = problems_of(root, pack="packs/town")
    assert any(p.startswith(f"packs/town/{where}:1: file is not UTF-8") for p in found), found


def test_a_huge_note_is_refused_before_it_is_read(tmp_path):
    root = town(site_repo(tmp_path, two_guides()))
    path = root / "packs/town/notes/alpha/start.md"
    path.parent.mkdir(parents=True)
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    found = problems_of(root, pack="packs/town")
    assert any(
        p.startswith("packs/town/notes/alpha/start.md:0: file is too large") for p in found
    ), found


def test_a_note_of_a_step_the_pack_does_not_build_is_a_warning(tmp_path):
    files = {**two_guides(), "guides/gamma/index.md": two_guides()["guides/beta/index.md"]}
    files["guides/gamma/01-solo.md"] = step("Solo")
    root = town(site_repo(tmp_path, files), **{"packs/town/notes/gamma/solo.md": "A note.\n"})
    built = load_site(root, pack="packs/town")
    notes = [p for p in built.problems if p.file == "packs/town/notes/gamma/solo.md"]
    assert notes and all(p.warning for p in notes), notes


@pytest.mark.parametrize(
    ("effort", "words"),
    [("{time: 5-2 weeks, cost: '£0'}", "5-2"), ("{time: 2 weeks, cost: '£900-100'}", "900-100"),
     ("{time: " + "9" * 300 + " days, cost: '£0'}", "wrong form"),
     ("{time: 2 weeks, cost: '£" + "9" * 300 + "'}", "wrong form")],
)  # fmt: skip
def test_inverted_or_huge_efforts_are_problems_not_crashes(tmp_path, effort, words):
    root = site_repo(
        tmp_path, {**two_guides(), "guides/alpha/03-e.md": step("E", extra=f"effort: {effort}\n")}
    )
    found = [p for p in problems_of(root) if p.startswith("guides/alpha/03-e.md:")]
    assert found and any(words in p for p in found), found
    result = run(root, "build", "--site-dir", "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_a_body_link_to_a_missing_page_names_the_source_line(tmp_path):
    body = "Intro.\n\nSee [the missing page](../alpha/09-nope.md) for more."
    root = site_repo(tmp_path, {**two_guides(), "guides/alpha/03-l.md": step("L", body=body)})
    found = problems_of(root)
    assert any(p.startswith("guides/alpha/03-l.md:8: the link") for p in found), found


def test_export_under_a_file_is_a_message(tmp_path):
    root = repo_in(tmp_path / "repo", two_guides())
    (tmp_path / "file.txt").write_text("x")
    result = run(root, "export", str(tmp_path / "file.txt" / "out"))
    assert result.returncode == 2 and "is a file, not a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_on_a_busy_port_suggests_another(tmp_path):
    root = site_repo(tmp_path, two_guides())
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(root, "serve", "--dev-addr", f"127.0.0.1:{port}", timeout=120)
    assert result.returncode == 1, result.stderr[-2000:]
    assert f"--dev-addr 127.0.0.1:{port + 1}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("body", "words"),
    [("- " * 40 + "x", "nested more than 20"), ("[" * 2500, "2,500 `[`"),
     ("".join("    " * i + "- x\n" for i in range(30)), "nested more than 20")],
)  # fmt: skip
def test_texts_that_would_stall_markdown_are_problems(tmp_path, body, words):
    root = site_repo(tmp_path, {**two_guides(), "guides/alpha/03-n.md": step("N", body=body)})
    found = [p for p in problems_of(root) if p.startswith("guides/alpha/03-n.md:")]
    assert any(words in p for p in found), found


@pytest.mark.parametrize(
    ("value", "words"),
    [("x" * 201, "at most 200 characters"), ("a\\ufdd0b", "U+FDD0"), ("a\\U0010ffffb", "U+10FFFF"),
     ("a\\u202eb", "U+202E"), ("a\\rb", "U+000D"), ("a\\x85b", "U+0085"),
     ("a\ufffeb", "#xfffe"), ("a\\ud800b", "invalid Unicode")],
)  # fmt: skip
def test_titles_too_long_or_holding_non_text_are_problems(tmp_path, value, words):
    root = site_repo(tmp_path, {**two_guides(), "guides/alpha/03-t.md": step(f'"{value}"')})
    found = [p for p in problems_of(root) if p.startswith("guides/alpha/03-t.md:2: ")]
    assert any(words in p for p in found), found


def test_a_blog_author_cannot_hold_markup_and_posts_name_known_authors(tmp_path):
    authors = (
        "authors:\n  ann:\n    name: '<img src=x onerror=alert(1)>'\n    description: Writer\n"
        "    avatar: https://example.org/a.png\n"
    )
    post = "---\ndate: 2026-11-22\nauthors: [bob]\n---\n\n# Post\n\nText.\n"
    root = site_repo(
        tmp_path,
        {**two_guides(), "docs/blog/.authors.yml": authors, "docs/blog/posts/p.md": post},
    )
    found = problems_of(root)
    assert any(p.startswith("docs/blog/.authors.yml:3: ") and "`<`" in p for p in found), found
    assert any(p.startswith("docs/blog/posts/p.md:3: unknown author 'bob'") for p in found), found


def test_a_docs_page_is_read_one_way_by_guidepack_and_the_engine(tmp_path):
    """MkDocs also reads MultiMarkdown meta (`Title: ...` lines); the page shows what
    guidepack checked, whatever the engine would have read."""
    page = "Title: <img src=x onerror=alert('gpxss')>\n\n# Meeting notes\n\nText.\n"
    root = site_repo(tmp_path, {**two_guides(), "docs/notes.md": page})
    assert not [p for p in load_site(root).problems if not p.warning]
    html = (mkdocs_build(root) / "notes/index.html").read_text(encoding="utf-8")
    assert page_exposure(html) == []
    assert "<title>Meeting notes" in html


def test_contributed_text_cannot_forge_guidepacks_components(tmp_path):
    """A contributed id or data attribute could pose as the theme's config or as a video
    component that the script trusts; the sanitiser drops them even if check is skipped."""
    from guidepack.sanitise import mark_contributed, sanitise

    html = (
        '<p id="__config">x</p><div data-gp-video="gpxss" data-gp-provider="youtube">v</div>'
        '<p id="own-id" class="c">kept</p><svg><a href="#">gpxss</a></svg><form><input></form>'
    )
    cleaned = sanitise(mark_contributed(html))
    assert "__config" not in cleaned and "data-gp" not in cleaned and "<svg" not in cleaned
    assert "<input" not in cleaned and '<p id="own-id" class="c">kept</p>' in cleaned
    assert 'data-gp-video="x"' in sanitise('<div data-gp-video="x"></div>')  # guidepack's own


def test_a_pack_name_is_shown_as_written_in_the_site_name(tmp_path):
    name = "Town \"A\" > 'B' --> ]]> *c*"
    root = town(site_repo(tmp_path, two_guides()), **{"packs/town/pack.yml": f"name: {y(name)}\n"})
    write(root, {"town.yml": "pack: packs/town\n"})
    quick_config(root)
    site = mkdocs_build(root)
    assert site_exposure(site) == {}
    html = (site / "guides/alpha/start/index.html").read_text(encoding="utf-8")
    title = html_unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
    assert name in title, title


def test_every_page_of_the_real_site_is_inert(built_repo):
    assert site_exposure(built_repo) == {}


def test_every_page_of_the_demo_town_is_inert(built_demo):
    assert site_exposure(built_demo) == {}
