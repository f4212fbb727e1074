"""Where an interview's video is watched and played: nothing loads until a reader clicks."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import YOUTUBE_EMBED_HOST, Video


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
