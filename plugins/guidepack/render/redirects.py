"""Redirect pages from a step's old ids (`aliases:`) to its page: plain HTML, any engine."""

from __future__ import annotations

import json
from collections.abc import Collection
from html import escape

from ..site import Site
from .links import href, step_uri

TEMPLATE = """\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
<script>location.replace({js_url} + location.hash);</script>
</head>
<body>
<p>This step has moved: <a href="{url}">{title}</a>.</p>
</body>
</html>
"""


def redirect_uri(alias: str) -> str:
    """Where the redirect page of an old step id goes: the old step's URL."""
    return f"guides/{alias}/index.html"


def render_redirects(site: Site, taken: Collection[str]) -> dict[str, str]:
    """Redirect pages (path -> HTML) for the aliases of every built step.

    No page is made where a real page is (`taken` holds the site's other paths): a live
    step or a deck always wins over an old id.
    """
    pages: dict[str, str] = {}
    for step_id in sorted(site.steps):
        step = site.package.steps[step_id]
        for alias in step.meta.aliases:
            uri = redirect_uri(alias)
            if uri in taken or step_uri(alias) in taken or uri in pages:
                continue
            url = href(step_uri(alias), step_uri(step_id))
            pages[uri] = TEMPLATE.format(
                title=escape(step.title), url=escape(url), js_url=json.dumps(url)
            )
    return pages
