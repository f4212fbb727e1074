"""The site's own pages besides content: search, downloads, package.json, the schemas."""

from __future__ import annotations

import json

from .. import urls
from ..model import json_schemas
from ..plan import Site
from ..provenance import upstream
from .env import VirtualPage, front, render
from .links import page_href
from .package import duration_text


def offline_zip(site: Site) -> str:
    """The offline edition's file name: `<package or town>-offline.zip`."""
    return f"{site.edition}-offline.zip"


def render_search(site: Site) -> VirtualPage:
    uri = urls.SEARCH
    content = render(
        "search.md.j2",
        front=front(title="Search"),
        guides_href=page_href(site, uri, urls.GUIDES_INDEX),
        package_href=page_href(site, uri, urls.PACKAGE),
    )
    return VirtualPage(uri, content)


def render_downloads(site: Site) -> VirtualPage:
    uri = urls.DOWNLOADS
    guides = site.package.guides
    content = render(
        "downloads.md.j2",
        front=front(
            title="Downloads",
            description="The guides for use without internet, hand-outs and decks.",
        ),
        offline_href=page_href(site, uri, urls.download_uri(offline_zip(site))),
        plan_pdf=page_href(site, uri, urls.download_uri("package-plan.pdf")),
        package_pptx=page_href(site, uri, urls.download_uri("package-pitch.pptx")),
        town=site.pack.name if site.pack else "",
        made=site.settings.downloads,
        guides=[
            {
                "title": site.text(guides[slug].title),
                "pdf": page_href(site, uri, urls.download_uri(f"{slug}.pdf")),
                "pptx": page_href(site, uri, urls.download_uri(f"{slug}-pitch.pptx")),
            }
            for slug in site.picked
        ],
    )
    return VirtualPage(uri, content)


def render_package_json(site: Site) -> VirtualPage:
    """The machine-readable index of guides, steps, edges and times (for federation)."""
    shown = site.built
    guides = [site.package.guides[s] for s in site.guides]
    step_data = []
    for guide in guides:
        for step in guide.steps:
            if step.id not in shown:
                continue
            time = site.times.get(step.id)
            step_data.append(
                {
                    "id": step.id,
                    "title": site.text(step.title),
                    "guide": step.guide,
                    "url": urls.url_of(urls.step_uri(step.id)),
                    "requires": [r for r in step.meta.requires if r in shown],
                    "aliases": list(step.meta.aliases),
                    "weeks": [round(time.lo, 2), round(time.hi, 2)] if time else None,
                    "fingerprint": step.fingerprint,
                }
            )
    data = {
        "format": "guidepack-package",
        "version": 2,
        "name": site.settings.site_name,
        "pack": _pack(site),
        "upstream": upstream(site.root),
        "plan": _plan(site),
        "guides": [_guide(site, guide) for guide in guides],
        "steps": step_data,
        "edges": [
            [a, b]
            for a, b in sorted(site.graph.edges, key=lambda e: (e[1], e[0]))
            if a in shown and b in shown
        ],
    }
    return VirtualPage(
        urls.PACKAGE_JSON, json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    )


def _guide(site: Site, guide) -> dict:
    schedule = site.guide_schedule(guide.slug)
    return {
        "slug": guide.slug,
        "title": site.text(guide.title),
        "summary": site.text(guide.meta.summary),
        "essential": guide.meta.essential,
        "picked": guide.slug in site.picked,
        "url": urls.url_of(urls.guide_uri(guide.slug)),
        "steps": [s.id for s in guide.steps if s.id in site.built],
        "duration_weeks": [round(schedule.total.lo, 2), round(schedule.total.hi, 2)],
        "duration": duration_text(schedule.total),
        "critical_path": list(schedule.critical),
    }


def _plan(site: Site) -> dict:
    """The combined plan of this site's projects (the package page's default selection)."""
    plan, schedule = site.plan_schedule(site.projects)
    return {
        "guides": list(site.projects),
        "steps": len(plan.steps),
        "phases": len(plan.phases),
        "duration_weeks": [round(schedule.total.lo, 2), round(schedule.total.hi, 2)],
        "duration": duration_text(schedule.total),
        "critical_path": list(schedule.critical),
    }


def _pack(site: Site) -> dict | None:
    if site.pack is None:
        return None
    return {
        "slug": site.pack.slug,
        "name": site.pack.name,
        "guides": list(site.picked),
        "notes": sorted(site.pack.notes),
    }


def render_schemas() -> list[VirtualPage]:
    return [
        VirtualPage(f"schema/{name}.json", json.dumps(schema, indent=2) + "\n")
        for name, schema in json_schemas().items()
    ]
