"""Interview videos: a PeerTube video needs its instance, a YouTube video has none."""

from __future__ import annotations

from ..model import YOUTUBE_EMBED_HOST
from ..plan import Site
from ..problems import Problem


def video_problems(site: Site) -> list[Problem]:
    """Videos that cannot be placed."""
    problems: list[Problem] = []
    for interview in site.package.interviews:
        meta, source = interview.meta, interview.source
        video = meta.video
        if video is None:
            continue
        line = source.line_of(("video",))
        if video.provider == "peertube" and not video.host:
            problems.append(
                Problem(
                    source.rel,
                    line,
                    "a PeerTube video needs `host:`, the domain of its PeerTube instance",
                    "add e.g. `host: peertube.example.org` under `video:`",
                )
            )
        elif video.provider == "youtube" and video.host:
            problems.append(
                Problem(
                    source.rel,
                    source.line_of(("video", "host")),
                    "`host:` is only for PeerTube videos",
                    f"remove `host:`: YouTube videos play from {YOUTUBE_EMBED_HOST}",
                )
            )
    return problems
