"""A pitch deck as a web page: one slide at a time, keyboard, print one slide per page."""

from __future__ import annotations

from functools import cache

import jinja2

from ... import urls
from ...plan import Site
from ...sanitise import sanitise_document
from .common import Slide


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("guidepack", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def deck_document(
    site: Site, uri: str, deck: str, title: str, slides: list[Slide], pptx: str
) -> str:
    """The complete HTML document of a deck at `uri`, its body through the sanitiser."""
    assets = urls.href(uri, urls.ASSETS + "/")
    html = (
        _environment()
        .get_template("deck.html.j2")
        .render(
            deck=deck,
            title=title,
            slides=slides,
            css=assets + "deck.css",
            js=assets + "deck.js",
            pptx=urls.href(uri, urls.download_uri(pptx)) if site.settings.downloads else "",
        )
    )
    return sanitise_document(html)
