"""Interview pages (fixtures only: no real interview may be invented) and their video component."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import serve_folder
from core import load_site, render_site
from fixtures import site_repo, two_guides, write
from guidepack.urls import page_uri

YOUTUBE = "interviews/2024-fixture-youtube.md"
PEERTUBE = "interviews/2023-fixture-peertube.md"
PLAIN = "interviews/2022-fixture-no-video.md"


BODY = """\
An introduction.

## Getting started

**Interviewer:** How did it start?

**Fixture Founder:** With a meeting.
"""


def interview(title: str, video: str = "", related: str = "[alpha/grow, beta/launch]") -> str:
    lines = [
        "---",
        f'title: "{title}"',
        "summary: A fixture interview for the tests.",
        "date: 2024-05-01",
        "people:",
        "  - name: Fixture Founder",
        "    role: founding member, fixture co-op",
        "  - name: Fixture Interviewer",
        "    role: Interviewer",
        *([video] if video else []),
        f"related: {related}",
        "---",
        "",
        BODY,
    ]
    return "\n".join(lines)


def files() -> dict[str, str]:
    return {
        **two_guides(),
        YOUTUBE: interview("Fixture: YouTube", "video: {provider: youtube, id: dQw4w9WgXcQ}"),
        PEERTUBE: interview(
            "Fixture: PeerTube",
            "video: {provider: peertube, id: 9c9de5e8-0a1e-484a-b099-e80766180a6d, host: videos.example.org}",
        ),
        PLAIN: interview("Fixture: no video", related="[]"),
    }


def test_interview_page_has_people_date_related_steps_and_transcript(tmp_path):
    write(tmp_path, files())
    site = load_site(tmp_path)
    assert site.problems == []
    page = render_site(site)[page_uri(YOUTUBE)].content
    assert '<h1 id="interview">Fixture: YouTube</h1>' in page
    assert '<time datetime="2024-05-01">1 May 2024</time>' in page
    assert "<li><strong>Fixture Founder</strong>: founding member, fixture co-op</li>" in page
    assert (
        '<li><a href="../../guides/alpha/grow/">Grow</a> <span class="gp-guide">Alpha guide</span></li>'
        in page
    )
    assert '<li><a href="../../guides/beta/launch/">Launch</a>' in page
    assert "**Fixture Founder:** With a meeting." in page
    assert "<iframe" not in page
    plain = render_site(site)[page_uri(PLAIN)].content
    assert "data-gp-video" not in plain and "Related steps" not in plain


def test_interview_problems_name_file_and_line(tmp_path):
    write(tmp_path, {
        **two_guides(),
        "interviews/2024-a.md": interview("A", related="[alpha/grwo]"),
        "interviews/2024-b.md": interview("B", "video: {provider: peertube, id: abcdef123}"),
        "interviews/2024-c.md": interview("C", "video:\n  provider: youtube\n  id: abcdef123\n  host: youtube.com"),
    })  # fmt: skip
    problems = [str(p) for p in load_site(tmp_path).problems]
    assert (
        "interviews/2024-a.md:10: `related` names `alpha/grwo`, which is not a step\n    fix: did you mean `alpha/grow`"
        in "\n".join(problems)
    )
    assert any(
        p.startswith("interviews/2024-b.md:10: a PeerTube video needs `host:`") for p in problems
    )
    assert any(
        p.startswith("interviews/2024-c.md:13: `host:` is only for PeerTube videos")
        for p in problems
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = site_repo(tmp_path_factory.mktemp("interviews"), files())
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=root, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_built_interview_links_steps_and_has_no_player_until_clicked(built):
    html = (built / "interviews/2024-fixture-youtube/index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    links = re.findall(r'<a href="(\.\./\.\./guides/[^"]+)"', article)
    assert links == ["../../guides/alpha/grow/", "../../guides/beta/launch/"]
    for href in links:
        assert (built / "interviews/2024-fixture-youtube" / href / "index.html").resolve().is_file()
    assert '<h2 id="getting-started">Getting started' in article
    assert "<iframe" not in html and "youtube-nocookie.com/embed" not in html
    assert re.search(
        r'<a href="https://www.youtube.com/watch\?v=dQw4w9WgXcQ" data-gp-video-link[ =>]', html
    )
    assert "Play video: loads from www.youtube-nocookie.com</button>" in html
    peertube = (built / "interviews/2023-fixture-peertube/index.html").read_text(encoding="utf-8")
    assert (
        "https://videos.example.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d" in peertube
    )
    assert "Play video: loads from videos.example.org</button>" in peertube


def external_requests(page) -> list[str]:
    """Abort and record every request that leaves the loopback server."""
    seen: list[str] = []

    def handle(route):
        seen.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^(?!http://127\.0\.0\.1)"), handle)
    return seen


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "embed"),
    [
        (
            "interviews/2024-fixture-youtube/",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        (
            "interviews/2023-fixture-peertube/",
            "https://videos.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d?autoplay=1",
        ),
    ],
)
def test_video_loads_only_on_click(built, page, path, embed):
    url, server = serve_folder(built)
    try:
        requests = external_requests(page)
        page.goto(url + path)
        page.wait_for_load_state("load")
        button = page.locator("[data-gp-video-play]")
        assert button.is_visible()
        assert page.locator("iframe").count() == 0
        page.wait_for_timeout(300)
        assert requests == []
        button.click()
        frame = page.locator(".gp-video iframe")
        frame.wait_for()
        assert frame.get_attribute("src") == embed
        assert frame.get_attribute("title").startswith("Video: Fixture")
        page.wait_for_timeout(300)
        assert requests and all(
            r.startswith(embed.split("/embed/")[0].rsplit("/videos", 1)[0]) for r in requests
        )
    finally:
        server.shutdown()


@pytest.mark.browser
def test_without_javascript_the_video_is_a_plain_link(built, browser):
    url, server = serve_folder(built)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url + "interviews/2024-fixture-youtube/")
        assert not page.locator("[data-gp-video-play]").is_visible()
        link = page.locator("[data-gp-video-link]")
        assert link.is_visible()
        assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        assert page.locator("iframe").count() == 0
    finally:
        context.close()
        server.shutdown()
