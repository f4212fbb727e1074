"""Interviews: their links to steps, and where their video plays from (only on a click)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Video
from .problems import Problem, did_you_mean

if TYPE_CHECKING:
    from .site import Site

YOUTUBE_EMBED_HOST = "www.youtube-nocookie.com"  # YouTube's privacy-enhanced mode


@dataclass(frozen=True)
class VideoLinks:
    """Where an interview's video is watched (a plain link) and played (an iframe, on click)."""

    provider: str
    id: str
    host: str
    """The host the player loads from, named on the play button."""
    embed: str
    watch: str
    site: str
    """The video site's name for the plain link, e.g. `YouTube`."""


def video_links(video: Video) -> VideoLinks | None:
    """The addresses of a video, or None for a PeerTube video without a host."""
    if video.provider == "youtube":
        return VideoLinks(
            "youtube",
            video.id,
            YOUTUBE_EMBED_HOST,
            f"https://{YOUTUBE_EMBED_HOST}/embed/{video.id}",
            f"https://www.youtube.com/watch?v={video.id}",
            "YouTube",
        )
    if not video.host:
        return None
    return VideoLinks(
        "peertube",
        video.id,
        video.host,
        f"https://{video.host}/videos/embed/{video.id}",
        f"https://{video.host}/videos/watch/{video.id}",
        video.host,
    )


def interview_problems(site: Site) -> list[Problem]:
    """Related steps that do not exist, and videos that cannot be placed."""
    problems: list[Problem] = []
    steps = site.package.steps
    for interview in site.package.interviews:
        meta, source = interview.meta, interview.source
        for i, step_id in enumerate(meta.related):
            if step_id not in steps:
                hint = did_you_mean(step_id, steps).strip() or (
                    "use a full step id `<guide>/<step-slug>`, as in the step's address"
                )
                problems.append(
                    Problem(
                        source.rel,
                        source.line_of(("related", i)),
                        f"`related` names `{step_id}`, which is not a step",
                        hint,
                    )
                )
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
