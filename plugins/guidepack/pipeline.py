"""The core's one entry point: load -> plan -> check -> provenance -> render.

The MkDocs adapter and `build.py export` both call `build`, so their pages are the same.
Sanitising happens last, after Markdown, in the engine (`guidepack.sanitise`).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from .checks import check
from .load import load
from .plan import Site, plan_site
from .problems import Problem
from .provenance import last_updated
from .render import RenderError, VirtualPage, render_handouts, render_site
from .settings import Settings


@dataclass(frozen=True)
class Built:
    """What a build gives: the planned site, its pages, and every problem found."""

    settings: Settings
    site: Site
    pages: dict[str, VirtualPage] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]


def build(
    settings: Settings,
    *,
    render: bool = True,
    handouts: bool = True,
    problems: Iterable[Problem] = (),
) -> Built:
    """Load, plan and check the content; render it when nothing is wrong (and `render`).

    `handouts=False` leaves the hand-outs to `make_handouts`, for a caller that makes them
    in a second process. `problems` are found before (reading the settings) and reported
    with the rest.
    """
    package, pack, found = load(settings)
    site, planned = plan_site(settings, package, pack)
    found = sorted({*problems, *found, *planned, *check(site)})
    if not render or any(not p.warning for p in found):
        return Built(settings, site, {}, found)
    dates = last_updated(settings.root, site.sources)
    try:
        pages = render_site(site, dates, handouts=handouts)
    except RenderError as exc:
        problem = Problem(
            exc.source,
            0,
            f"guidepack could not make a page from this file ({exc.detail})",
            "this is a gap in `check`: please report it, with the file",
        )
        return Built(settings, site, {}, [*found, problem])
    return Built(settings, site, pages, found)


def make_handouts(settings: Settings) -> list[tuple[str, bytes]]:
    """The hand-outs of a build (`render_handouts`) as (path, content), for a second
    process: it loads and plans the content again (faster than sending the site), and the
    caller has checked it. Raises RenderError naming the file that failed.
    """
    package, pack, _ = load(settings)
    site, _ = plan_site(settings, package, pack)
    return [(page.uri, bytes(page.content)) for page in render_handouts(site)]


class Handouts:
    """`make_handouts` in a second process, so that a second core makes the hand-outs
    while the engine renders the pages. Spawned, not forked: it shares nothing (threads,
    locks) with the engine's process."""

    def __init__(self, settings: Settings) -> None:
        context = multiprocessing.get_context("spawn")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_handouts, args=(settings, sender))
        self._process.daemon = True  # never outlives the build
        self._process.start()
        sender.close()  # the child's end: once the child is gone, `recv` ends

    def write(self, site_dir: Path) -> None:
        """Wait for the hand-outs and write them into the built site.

        Raises RenderError naming the file that failed, or OSError if the process died."""
        try:
            files = self._receiver.recv()
        except EOFError:
            raise OSError("the process making the hand-outs stopped without a word") from None
        finally:
            self._process.join()
        if isinstance(files, Exception):
            raise files
        for uri, content in files:
            path = site_dir / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)

    def stop(self) -> None:
        """Give them up (the build failed)."""
        self._process.terminate()
        self._process.join()


def _send_handouts(settings: Settings, sender: Connection) -> None:
    try:
        result: object = make_handouts(settings)
    except RenderError as exc:
        result = exc
    except Exception as exc:  # sent as text: not every exception survives pickling
        result = RenderError("the package", f"{type(exc).__name__}: {exc}")
    sender.send(result)
    sender.close()
