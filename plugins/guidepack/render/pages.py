"""Render a Site into virtual pages: Markdown for the theme, JSON for machines."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from html import escape

import jinja2

from .. import graph as g
from ..model import Guide, Page, Step, json_schemas
from ..safety import contributed
from ..site import Site
from .credit import STEP_SEARCH_BOOST, ask_url, credit
from .deck import render_guide_deck, render_package_deck
from .links import guide_uri, href, md_link, step_uri, url_of


@dataclass(frozen=True)
class VirtualPage:
    """A generated page: where it goes, what it holds, and the file it comes from."""

    uri: str
    content: str
    source: str | None = None

    @property
    def is_markdown(self) -> bool:
        return self.uri.endswith(".md")


@dataclass(frozen=True)
class Link:
    title: str
    target: str
    guide: str = ""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]>])")


def mdtext(value: object) -> str:
    """Text safe to place in Markdown inline content (no markup, no raw HTML)."""
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace("\n", " ")
    return _MD_SPECIAL.sub(r"\\\1", text)


def mdlink(link: Link) -> str:
    """A Markdown link to a step, with its guide's name when it is in another guide."""
    text = f"[{mdtext(link.title)}]({link.target})"
    if link.guide:
        text += f' <span class="gp-guide">{escape(link.guide)}</span>'
    return text


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("guidepack", "templates"),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["mdtext"] = mdtext
    env.filters["mdlink"] = mdlink
    return env


def _front(**meta: object) -> str:
    """Front matter lines for a generated page (JSON values are valid YAML).

    Themes print `title` and `description` into the page head unescaped (MkDocs' theme
    templates do not autoescape), so text values are HTML-escaped here.
    """
    values = {k: _head_text(v) if isinstance(v, str) else v for k, v in meta.items() if v}
    return "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in values.items())


def _head_text(value: str) -> str:
    """Text safe inside an HTML element or a double-quoted attribute."""
    return escape(value, quote=False).replace('"', "&quot;")


def render_site(site: Site) -> dict[str, VirtualPage]:
    """Every generated page of the site, by path."""
    pages: dict[str, VirtualPage] = {}

    def add(page: VirtualPage) -> None:
        pages[page.uri] = page

    for slug in site.guides:
        guide = site.package.guides[slug]
        add(render_guide(site, guide))
        for step in guide.steps:
            if step.id in site.steps:
                add(render_step(site, step))
        if slug in site.picked:
            add(VirtualPage(f"guides/{slug}/pitch/index.html", render_guide_deck(site, slug)))
    add(render_guides_index(site))
    add(render_package(site))
    add(VirtualPage("package/pitch/index.html", render_package_deck(site)))
    for page in site.package.pages:
        add(render_page(page))
    from .interview import render_interview

    for interview in site.package.interviews:
        add(render_interview(site, interview))
    add(VirtualPage("package.json", render_package_json(site)))
    for name, schema in json_schemas().items():
        add(VirtualPage(f"schema/{name}.json", json.dumps(schema, indent=2) + "\n"))
    if site.pack is not None:
        from .local import render_pack_pages

        for page in render_pack_pages(site):
            add(page)
    from .redirects import render_redirects

    for uri, html in render_redirects(site, pages).items():
        add(VirtualPage(uri, html))
    return pages


def _link(site: Site, from_uri: str, step_id: str, *, name_guide: bool) -> Link:
    step = site.package.steps[step_id]
    guide = site.package.guides[step.guide].title if name_guide else ""
    return Link(step.title, md_link(from_uri, step_uri(step_id)), guide)


def render_step(site: Site, step: Step) -> VirtualPage:
    """A step page with its "Before this" and "This unlocks" panels."""
    uri = step_uri(step.id)
    guide = site.package.guides[step.guide]
    shown = site.steps

    def links(ids: list[str]) -> list[Link]:
        return [
            _link(site, uri, i, name_guide=i.split("/")[0] != step.guide) for i in ids if i in shown
        ]

    note = site.pack.notes.get(step.id) if site.pack else None

    content = (
        environment()
        .get_template("step.md.j2")
        .render(
            front=_front(
                title=step.title,
                description=step.meta.summary,
                search={"boost": STEP_SEARCH_BOOST},
            ),
            step=step,
            guide=guide,
            number=guide.steps.index(step) + 1,
            count=len(guide.steps),
            before=links(g.prerequisites(site.graph, step.id)),
            after=links(g.unlocks(site.graph, step.id)),
            related=links(g.ordered(site.graph, step.meta.related)),
            pulled_in=links(site.pulled_in.get(step.id, [])),
            pack=site.pack,
            note=contributed(site.text(note.body)) if note else "",
            body=contributed(site.text(step.body.strip())),
            credit=credit(site, guide, step),
            ask_url=ask_url(site, step),
        )
    )
    return VirtualPage(uri, content, step.source.rel)


def render_guide(site: Site, guide: Guide) -> VirtualPage:
    """A guide's overview: its steps in phases, with links across guides."""
    uri = guide_uri(guide.slug)
    shown = site.steps
    numbers = {s.id: i for i, s in enumerate(guide.steps, start=1)}

    def links(ids: list[str]) -> list[Link]:
        return [
            Link(site.package.steps[i].title, href(uri, step_uri(i)), _guide_title(site, i))
            for i in ids
            if not i.startswith(guide.slug + "/") and i in shown
        ]

    phases = [
        [
            {
                "id": step_id,
                "number": numbers[step_id],
                "title": site.package.steps[step_id].title,
                "summary": site.package.steps[step_id].meta.summary,
                "href": href(uri, step_uri(step_id)),
                "cross": links(g.prerequisites(site.graph, step_id)),
                "used_by": links(g.unlocks(site.graph, step_id)),
            }
            for step_id in phase
        ]
        for phase in g.phases(site.graph, [s.id for s in guide.steps if s.id in shown])
    ]
    partial = guide.slug not in site.picked
    content = (
        environment()
        .get_template("guide.md.j2")
        .render(
            front=_front(title=guide.title, description=guide.meta.summary),
            guide=guide,
            body=contributed(site.text(guide.body.strip())),
            phases=phases,
            partial=partial,
            pack=site.pack,
            credit=credit(site, guide),
            ask_url=None,
        )
    )
    return VirtualPage(uri, content, guide.source.rel)


def _guide_title(site: Site, step_id: str) -> str:
    return site.package.guides[step_id.split("/")[0]].title


def render_guides_index(site: Site) -> VirtualPage:
    """The list of guides: one card each, essentials first."""
    uri = "guides/index.md"
    guides = [site.package.guides[s] for s in site.guides]
    cards = [
        {
            "title": guide.title,
            "summary": guide.meta.summary,
            "essential": guide.meta.essential,
            "count": sum(s.id in site.steps for s in guide.steps),
            "partial": guide.slug not in site.picked,
            "target": md_link(uri, guide_uri(guide.slug)),
        }
        for guide in guides
    ]
    content = (
        environment()
        .get_template("guides.md.j2")
        .render(front=_front(title="Guides"), guides=cards)
    )
    return VirtualPage(uri, content)


def render_page(page: Page) -> VirtualPage:
    """A theory essay, interview kit page or town pack page."""
    content = (
        environment()
        .get_template("page.md.j2")
        .render(
            front=_front(title=page.meta.title, description=page.meta.summary),
            page=page,
            body=contributed(page.body.strip()),
        )
    )
    return VirtualPage(page.uri, content, page.source.rel)


def render_package_json(site: Site) -> str:
    """The machine-readable index of guides, steps and edges (for federation)."""
    shown = site.steps
    guides = [site.package.guides[s] for s in site.guides]
    data = {
        "guides": [
            {
                "slug": guide.slug,
                "title": guide.title,
                "summary": guide.meta.summary,
                "essential": guide.meta.essential,
                "url": url_of(guide_uri(guide.slug)),
                "steps": [s.id for s in guide.steps if s.id in shown],
            }
            for guide in guides
        ],
        "steps": [
            {
                "id": step.id,
                "title": step.title,
                "guide": step.guide,
                "url": url_of(step_uri(step.id)),
                "requires": [r for r in step.meta.requires if r in shown],
                "aliases": list(step.meta.aliases),
            }
            for guide in guides
            for step in guide.steps
            if step.id in shown
        ],
        "edges": [
            [a, b]
            for a, b in sorted(site.graph.edges, key=lambda e: (e[1], e[0]))
            if a in shown and b in shown
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def render_package(site: Site) -> VirtualPage:
    """The package explorer: every project as a card and the combined plan."""
    from .package import render_package_page

    return VirtualPage("package/index.md", render_package_page(site))
