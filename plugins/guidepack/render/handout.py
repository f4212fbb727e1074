"""Print-ready hand-outs (PDF): each guide's steps, and the combined plan, for a meeting.

Made with ReportLab at build time from the same records and schedule as the pages. It is
pure Python from one wheel (WeasyPrint needs Pango from the system, and Chromium is not
part of a site build), and it writes the same bytes for the same content (`invariant`).
"""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from html import escape
from importlib import resources

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from .. import graph as g
from .. import urls
from ..effort import months
from ..plan import Site
from .package import FULL_PLAN_LIMIT, duration_text


@cache
def _styles() -> dict[str, ParagraphStyle]:
    folder = resources.files("reportlab").joinpath("fonts")
    for name, file in (
        ("Vera", "Vera.ttf"),
        ("Vera-Bold", "VeraBd.ttf"),
        ("Vera-Italic", "VeraIt.ttf"),
    ):
        with resources.as_file(folder.joinpath(file)) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="Vera-Bold", italic="Vera-Italic")
    base = ParagraphStyle("base", fontName="Vera", fontSize=10, leading=13.5, alignment=TA_LEFT)
    return {
        "title": ParagraphStyle(
            "title", base, fontName="Vera-Bold", fontSize=20, leading=24, spaceAfter=6
        ),
        "kicker": ParagraphStyle("kicker", base, fontSize=9, textColor=colors.HexColor("#555555")),
        "lead": ParagraphStyle("lead", base, fontSize=11.5, leading=15.5, spaceAfter=8),
        "h2": ParagraphStyle(
            "h2", base, fontName="Vera-Bold", fontSize=13, leading=17, spaceBefore=10, spaceAfter=4
        ),
        "step": ParagraphStyle(
            "step", base, fontName="Vera-Bold", fontSize=10.5, leading=14, spaceBefore=5
        ),
        "body": base,
        "small": ParagraphStyle(
            "small", base, fontSize=8.5, leading=11, textColor=colors.HexColor("#333333")
        ),
    }


_REPLACE = {"→": "->", "←": "<-", "≥": ">=", "≤": "<=", "✓": "v", "×": "x", "≈": "~"}


@cache
def _glyphs() -> frozenset[int]:
    with resources.as_file(resources.files("reportlab").joinpath("fonts", "Vera.ttf")) as path:
        return frozenset(TTFont("VeraCheck", str(path)).face.charToGlyph)


def _printable(text: str) -> str:
    """Text the font can draw: a few symbols spelt out, anything else it lacks dropped."""
    glyphs = _glyphs()
    out = []
    for ch in " ".join(str(text).split()):
        if ord(ch) in glyphs:
            out.append(ch)
        elif ch in _REPLACE:
            out.append(_REPLACE[ch])
        else:
            decomposed = unicodedata.normalize("NFKD", ch)
            out.append("".join(c for c in decomposed if ord(c) in glyphs))
    return "".join(out)


def _p(text: str, style: str, box: bool = False) -> Paragraph:
    mark = '<font name="ZapfDingbats">o</font> ' if box else ""
    return Paragraph(mark + escape(_printable(text)), _styles()[style])


def _document(title: str, story: list) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=title,
        author="guidepack",
        invariant=True,
    )
    doc.build(story)
    return out.getvalue()


def guide_handout(site: Site, slug: str) -> bytes:
    """A guide's steps in phases, each with time, cost, who to involve and what comes first."""
    guide = site.package.guides[slug]
    schedule = site.guide_schedule(slug)
    town = site.pack.name if site.pack else ""
    title = site.text(guide.title)
    story: list = [
        _p(f"Hand-out for {town}" if town else "Hand-out", "kicker"),
        _p(title, "title"),
        _p(site.text(guide.meta.summary), "lead"),
        _p(
            f"{duration_text(schedule.total).capitalize()} from the first step it needs to its "
            "last step, if each step starts as soon as the steps before it are done.",
            "body",
        ),
    ]
    own = [s.id for s in guide.steps if s.id in site.built]
    for number, phase in enumerate(g.phases(site.graph, own), start=1):
        story.append(_p(f"Phase {number}", "h2"))
        for step_id in phase:
            story.append(KeepTogether(_step_block(site, step_id, schedule.start[step_id].lo, slug)))
    story += [Spacer(1, 8), _p(_footer(site, urls.guide_uri(slug)), "small")]
    return _document(title, story)


def plan_handout(site: Site) -> bytes:
    """The combined plan of the site's projects, phase by phase."""
    plan, schedule = site.plan_schedule(site.projects)
    town = site.pack.name if site.pack else ""
    guides = site.package.guides
    title = f"The plan for {town}" if town else "The combined plan"
    names = ", ".join(site.text(guides[s].title) for s in site.projects)
    story: list = [
        _p("Hand-out", "kicker"),
        _p(title, "title"),
        _p(f"Projects: {names}.", "lead"),
        _p(
            f"{len(plan.steps)} steps in {len(plan.phases)} phases, "
            f"{duration_text(schedule.total)} from the first meeting to the last step. Steps "
            "in the same phase can happen at the same time. Tick each step when it is done.",
            "body",
        ),
    ]
    if len(plan.steps) > FULL_PLAN_LIMIT:  # too long to print: each project's hand-out has it
        story.append(_p("The projects", "h2"))
        for slug in site.projects:
            guide, total = guides[slug], site.guide_schedule(slug).total
            line = f"{site.text(guide.title)}: {len(guide.steps)} steps, {duration_text(total)}"
            story.append(_p(f"{line} (hand-out: {slug}.pdf)", "body", box=True))
    else:
        for number, phase in enumerate(plan.phases, start=1):
            story.append(_p(f"Phase {number}", "h2"))
            for step_id in phase:
                start = schedule.start[step_id].lo
                story.append(KeepTogether(_step_block(site, step_id, start, None)))
    story += [Spacer(1, 8), _p(_footer(site, urls.PACKAGE), "small")]
    return _document(title, story)


def _step_block(site: Site, step_id: str, start: float, own_guide: str | None) -> list:
    step = site.package.steps[step_id]
    guide = site.package.guides[step.guide]
    heading = site.text(step.title)
    if step.guide != own_guide:
        heading += f" ({site.text(guide.title)})"
    facts = [f"From month {months(start) + 1}"]
    if step.meta.effort:
        facts += [step.meta.effort.time, step.meta.effort.cost]
    if step.meta.involve:
        facts.append("involve " + ", ".join(step.meta.involve))
    needs = [site.text(site.package.steps[p].title) for p in g.prerequisites(site.graph, step_id)]
    block = [
        _p(heading, "step", box=True),
        _p(site.text(step.meta.summary), "body"),
        _p(" · ".join(facts), "small"),
    ]
    if needs:
        block.append(_p("Needs first: " + "; ".join(needs), "small"))
    return block


def _footer(site: Site, uri: str) -> str:
    return (
        f"From {site.settings.site_name}: the full guide, with how to do each step, is at "
        f"{urls.url_of(uri) or 'the home page'} on the site. Guides licensed CC BY-SA 4.0."
    )
