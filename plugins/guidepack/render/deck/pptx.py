"""A pitch deck as an editable PowerPoint file: the same slides, in plain layouts.

Plain "Title and Content" layouts of python-pptx's default template, so a council's own
template can restyle the file; a pack build's contacts are on the last slide.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from pptx import Presentation
from pptx.util import Pt

from .common import Slide

MAX_LINES = 14  # a slide longer than this spills onto a continuation slide


def deck_pptx(title: str, slides: list[Slide]) -> bytes:
    """The .pptx file of a deck: one PowerPoint slide per deck slide (more if very long)."""
    prs = Presentation()
    prs.core_properties.title = title
    prs.core_properties.author = "guidepack"
    for slide in slides:
        lines = slide_lines(slide)
        if slide.kind == "title":
            page = prs.slides.add_slide(prs.slide_layouts[0])
            page.shapes.title.text = slide.title
            page.placeholders[1].text = "\n".join(text for _, text in lines)
            continue
        page = prs.slides.add_slide(prs.slide_layouts[1])
        page.shapes.title.text = slide.title
        _fill(page.placeholders[1].text_frame, lines[:MAX_LINES])
        if len(lines) > MAX_LINES:
            page.notes_slide.notes_text_frame.text = "\n".join(t for _, t in lines[MAX_LINES:])
    stamp = dt.datetime(2026, 1, 1)
    props = prs.core_properties
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    out = io.BytesIO()
    prs.save(out)
    return _stable_zip(out.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same file with every entry's time fixed: the same deck, the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))
    return out.getvalue()


def _fill(frame: Any, lines: list[tuple[int, str]]) -> None:
    frame.clear()
    for i, (level, text) in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = text
        paragraph.level = level
        for run in paragraph.runs:
            run.font.size = Pt(20 if level == 0 else 16)


def slide_lines(slide: Slide) -> list[tuple[int, str]]:
    """What a slide says, as (indent level, text) lines, in the order the web deck shows."""
    d = slide.data
    lines: list[tuple[int, str]] = []

    def add(text: str, level: int = 0) -> None:
        if text:
            lines.append((level, " ".join(str(text).split())))

    if slide.kind == "title":
        add(d.get("lead", ""))
        add(d.get("facts", ""))
    elif slide.kind in ("statement", "ask"):
        add(d["lead"])
        add(d.get("rest", ""), 1)
    elif slide.kind == "list":
        for i, item in enumerate(d["items"], 1):
            add(f"{i}. {item}" if d.get("numbered") else item)
    elif slide.kind in ("how", "costs"):
        for value, label in d.get("stats", []):
            add(f"{value}: {label}")
        for i, phase in enumerate(d.get("phases", []), 1):
            add(f"Phase {i}: {' · '.join(phase)}", 1)
        add(d.get("lead", ""))
        add(d.get("rest", ""), 1)
        add(d.get("note", ""), 1)
    elif slide.kind == "connects":
        add(d.get("lead", ""))
        for label, rows in (("It builds on", d["needs"]), ("Built on by", d["needed_by"])):
            if rows:
                add(label)
                for guide, steps in rows:
                    add(f"{guide}: {steps}" if steps else guide, 1)
    elif slide.kind == "overlap":
        add(d["heading"] if d["rows"] else d["empty"])
        for name, detail in d["rows"]:
            add(f"{name}: {detail}", 1)
        add(f"Where they differ: {d['differ']}")
    elif slide.kind == "involved":
        for label, _target in d["links"]:
            add(label)
        for label, _target in d.get("decks", []):
            add(f"Pitch deck: {label}", 1)
        for label, url, _host in d.get("examples", []):
            add(f"{label}: {url}", 1)
        if d.get("contacts"):
            add("Contacts")
            for name, role, url in d["contacts"]:
                add(f"{name}, {role}" + (f": {url.removeprefix('mailto:')}" if url else ""), 1)
        add(d.get("note", ""))
    elif slide.kind == "project":
        add(f"The problem: {d['problem']}")
        add(f"What it offers: {d['offer']}")
        for value, label in d["stats"]:
            add(f"{value}: {label}", 1)
    elif slide.kind == "overview":
        for name, essential, count in d["projects"]:
            add(f"{name}: {count} steps" + (" (essential)" if essential else ""))
    elif slide.kind == "glue":
        add(d["lead"])
        for name, _essential, detail in d["rows"]:
            add(f"{name}: {detail}" if detail else name, 1)
    elif slide.kind == "asks":
        for guide, ask in d["asks"]:
            add(f"{guide}: {ask}")
    return lines
