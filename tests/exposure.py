"""What in a built page could run code or forge guidepack's components: parsed, not grepped.

Payloads in the tests carry the word `gpxss`, so a payload that reaches a script, an event
handler or one of guidepack's components is found wherever it lands.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from guidepack import sanitise as safety

MARKER = "gpxss"
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background",
     "cite", "longdesc", "srcset", "manifest", "ping"}
)  # fmt: skip
ACTIVE_SCHEMES = frozenset({"javascript", "vbscript", "data"})
NEVER = frozenset({"iframe", "object", "embed", "base", "frame", "frameset", "applet", "portal"})


class Exposure(HTMLParser):
    """Collects everything in one page that could run a payload or stand in for the theme."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: str | None = None
        self._script_text: list[str] = []
        self.config_ids = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if (
                name.startswith("on")
                or name in URL_ATTRIBUTES
                and self._active_url(tag, name, value)
            ):
                self.found.append(f"<{tag} {name}={value[:60]!r}>")
            elif name.startswith("data-gp-") and MARKER in value:
                self.found.append(f"<{tag} {name}={value[:60]!r}> (a forged component)")
            elif name in ("style", "srcdoc") and MARKER in value:
                self.found.append(f"<{tag} {name}={value[:60]!r}>")
        if values.get("id") == "__config":
            self.config_ids += 1
        if tag in NEVER:
            self.found.append(f"<{tag}>")
        if tag == "form" and not values.get("class", "").startswith("md-"):
            self.found.append("<form> not the theme's")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").partition("url=")[2]
            if safety.url_scheme(target) in ACTIVE_SCHEMES:
                self.found.append(f"<meta refresh to {target[:60]!r}>")
        if tag in ("script", "style"):
            self._script = tag
            self._script_text = []
            if tag == "script" and MARKER in values.get("src", ""):
                self.found.append(f"<script src={values['src'][:60]!r}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._script and tag == self._script:
            if MARKER in "".join(self._script_text):
                self.found.append(f"<{tag}> holding {''.join(self._script_text)[:80]!r}")
            self._script = None

    @staticmethod
    def _active_url(tag: str, name: str, value: str) -> bool:
        scheme = safety.url_scheme(value)
        if scheme == "data" and tag == "img" and name == "src" and MARKER not in value:
            return False  # the theme's own inline pictures
        return scheme in ACTIVE_SCHEMES


def page_exposure(html: str) -> list[str]:
    """What could run a payload in one page's HTML."""
    parser = Exposure()
    parser.feed(html)
    parser.close()
    found = parser.found
    if "gp-contributed" in html:  # a mark the sanitiser did not find: its text went uncleaned
        found.append("a contributed-text mark left in the page")
    if parser.config_ids > 1:
        found.append(f"{parser.config_ids} elements with id __config (the theme's own is one)")
    return found


def site_exposure(site: Path) -> dict[str, list[str]]:
    """`page_exposure` for every HTML page of a built site, by path (clean pages left out)."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        exposure = page_exposure(path.read_text(encoding="utf-8"))
        if exposure:
            found[path.relative_to(site).as_posix()] = exposure
    return found
