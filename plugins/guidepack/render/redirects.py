"""Redirect pages from a step's old ids (`aliases:`) to its page: plain HTML, any engine.

A meta refresh moves the reader on; guidepack's `redirect.js` (no inline script) carries a
`#heading` along, so old links to a part of a step still land there.
"""

from __future__ import annotations

from collections.abc import Collection
from html import escape

from .. import urls
from ..plan import Site
from ..sanitise import sanitise_document
from .env import VirtualPage

TEMPLATE = """\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; base-uri 'none'">
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
<script src="{script}" defer></script>
</head>
<body>
<p>This step has moved: <a href="{url}" data-gp-moved>{title}</a>.</p>
</body>
</html>
"""


def redirect_uri(alias: str) -> str:
    """Where the redirect page of an old step id goes: the old step's URL."""
    return f"guides/{alias}/index.html"


def render_redirects(site: Site, taken: Collection[str]) -> list[VirtualPage]:
    """Redirect pages for the aliases of every built step.

    No page is made where a real page is (`taken` holds the site's other paths): a live
    step or a deck always wins over an old id.
    """
    pages: dict[str, VirtualPage] = {}
    for step_id in sorted(site.built):
        step = site.package.steps[step_id]
        for alias in step.meta.aliases:
            uri = redirect_uri(alias)
            if uri in taken or urls.page_uri(urls.step_uri(alias)) in taken or uri in pages:
                continue
            html = TEMPLATE.format(
                title=escape(site.text(step.title)),
                url=escape(urls.href(uri, urls.step_uri(step_id))),
                script=escape(urls.href(uri, f"{urls.ASSETS}/redirect.js")),
            )
            pages[uri] = VirtualPage(uri, sanitise_document(html))
    return list(pages.values())
