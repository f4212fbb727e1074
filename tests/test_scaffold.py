"""Scaffolding: `build.py new guide|step` writes files that pass `check` once their text is
written, numbers and renumbers steps, refuses to overwrite; `build.py schema` is current."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from fixtures import REPO, guide_index, step, write
from guidepack import scaffold
from guidepack.load import frontmatter
from guidepack.load.content import load_guides
from guidepack.model import GuideMeta, StepMeta
from guidepack.records import Package
from pydantic import Field, ValidationError
from test_content import BANNED

FILLERS = {
    "url": "https://www.uk.coop",
    "time": "2-4 weeks",
    "cost": "£0-200",
}
BODY = (
    "Tenants who meet regularly can agree what to ask of their landlord and the council.\n\n"
    "1. Book a free room.\n2. Invite every household.\n\n"
    "Include people who work shifts and people who do not read English well.\n"
)


def load_package(root):
    """The guides under `root`, and the problems found reading them."""
    problems = []
    return Package(guides=load_guides(root, problems)), problems


def fill(text: str, requires: list[str] | None = None) -> str:
    """Write the text a contributor writes: every `""` value and the body. Nothing else."""
    front, body, _ = frontmatter.split(text)
    assert front is not None
    lines = []
    for line in front.split("\n"):
        match = re.match(r'^(\s*(?:- )?)(\w+:\s*)?""$', line)
        if match:
            key = (match.group(2) or "").strip(" :")
            value = FILLERS.get(key, f"Some real text for {key or 'an item'}.")
            line = f'{match.group(1)}{match.group(2) or ""}"{value}"'
        elif requires is not None and line.startswith("requires:"):
            line = f"requires: [{', '.join(requires)}]"
        lines.append(line)
    body = re.sub(r"<!--.*?-->\n*", "", body, flags=re.S)
    body = body.replace("## Why it matters\n", "## Why it matters\n\n" + BODY)
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def keys(text: str) -> dict:
    return frontmatter.parse(text).data


# --- the text of a new guide and a new step ------------------------------------------------


def test_new_step_text_has_every_key_explained_and_fails_only_on_text_to_write():
    text = scaffold.step_text("grocery", "open-the-shop", "Open the shop", ["grocery/fit-out"])
    assert text.startswith("---\n# yaml-language-server: $schema=../../schema/step.json\n")
    data = keys(text)
    assert list(data) == list(StepMeta.model_fields)
    front = frontmatter.split(text)[0]
    for key in StepMeta.model_fields:
        before = front.split(f"\n{key}:")[0]
        assert before.rstrip().split("\n")[-1].startswith("#"), f"`{key}` has no note above it"
    assert data["title"] == "Open the shop"
    assert data["requires"] == ["grocery/fit-out"]
    with pytest.raises(ValidationError) as failed:
        StepMeta.model_validate(data)
    for error in failed.value.errors():
        assert error["input"] == "", error  # only the values left to write fail
    assert "## What to do" in text
    assert BANNED.search(text) is None


def test_new_guide_text_has_every_key_and_pitch_field_and_fails_only_on_text_to_write():
    text = scaffold.guide_text("tenants-union", "Start a tenants' union")
    assert "# yaml-language-server: $schema=../../schema/guide.json" in text
    data = keys(text)
    assert list(data) == list(GuideMeta.model_fields)
    assert list(data["pitch"]) == list(GuideMeta.model_fields["pitch"].annotation.model_fields)
    assert data["title"] == "Start a tenants' union"
    assert data["licence"] == "CC-BY-SA-4.0"
    with pytest.raises(ValidationError) as failed:
        GuideMeta.model_validate(data)
    assert {e["input"] for e in failed.value.errors()} == {""}
    assert BANNED.search(text) is None


def test_a_key_added_to_the_model_later_is_scaffolded_from_its_description():
    class Later(StepMeta):
        difficulty: str = Field(description="How hard it is.")
        tags: list[str] = Field(default_factory=list, description="Topics.")
        note: str | None = None

    from guidepack.scaffold.texts import _only

    lines = _only(Later, {})
    text = "\n".join(lines)
    assert '# How hard it is.\ndifficulty: ""' in text
    assert "# Topics.\ntags: []" in text
    assert "# `note`.\nnote: null" in text
    assert yaml.safe_load(text)["title"] == ""


def test_filling_only_the_text_makes_valid_front_matter():
    step_text = fill(scaffold.step_text("g", "s", 'Say "no": politely', []))
    meta = StepMeta.model_validate(keys(step_text))
    assert meta.title == 'Say "no": politely'
    assert meta.effort is not None and meta.effort.cost == "£0-200"
    assert len(meta.resources) == 2
    guide = GuideMeta.model_validate(keys(fill(scaffold.guide_text("g", "A guide"))))
    assert guide.maintainers and guide.pitch.who_benefits


def test_schema_line_points_at_the_committed_schema():
    for rel, text in (
        ("guides/x/01-y.md", scaffold.step_text("x", "y", "Y", [])),
        ("guides/x/index.md", scaffold.guide_text("x", "X")),
    ):
        target = re.search(r"\$schema=(\S+)", text).group(1)
        assert (REPO / rel).parent.joinpath(target).resolve().is_file(), target


@pytest.mark.parametrize(
    "title,slug",
    [
        ("Open a bank account", "open-a-bank-account"),
        ("Members' first meeting", "members-first-meeting"),
        ("Agree a £500 budget — and stick to it!", "agree-a-500-budget-and-stick-to-it"),
        ("Café co-op: the plan", "cafe-co-op-the-plan"),
        ("a " * 50, "-".join(["a"] * 30)),
    ],
)
def test_slugify(title, slug):
    assert scaffold.slugify(title) == slug


# --- numbering, renumbering and refusing -------------------------------------------------


@pytest.fixture
def guide(repo: Path) -> Path:
    return write(
        repo,
        {
            "guides/alpha/index.md": guide_index("Alpha"),
            "guides/alpha/01-start.md": step("Start"),
            "guides/alpha/02-grow.md": step("Grow", ["alpha/start"]),
            "guides/alpha/03-rest.md": step("Rest", ["alpha/grow"]),
            "guides/beta/index.md": guide_index("Beta"),
        },
    )


def test_new_step_goes_last_and_requires_the_step_before(guide):
    plan = scaffold.new_step(guide, "alpha", "Celebrate")
    assert plan.path == "guides/alpha/04-celebrate.md"
    assert plan.renames == ()
    assert keys(plan.text)["requires"] == ["alpha/rest"]
    first = scaffold.new_step(guide, "beta", "Begin")
    assert first.path == "guides/beta/01-begin.md"
    assert keys(first.text)["requires"] == []


def test_inserting_after_a_step_renumbers_the_later_files_and_keeps_ids(guide):
    plan = scaffold.new_step(guide, "alpha", "Plan the work", after="alpha/start")
    assert plan.path == "guides/alpha/02-plan-the-work.md"
    assert plan.renames == (
        ("guides/alpha/03-rest.md", "guides/alpha/04-rest.md"),
        ("guides/alpha/02-grow.md", "guides/alpha/03-grow.md"),
    )
    assert any("02-grow.md is now 03-grow.md" in line for line in plan.next_steps)
    scaffold.apply(guide, plan)
    names = sorted(p.name for p in (guide / "guides/alpha").glob("0*.md"))
    assert names == ["01-start.md", "02-plan-the-work.md", "03-grow.md", "04-rest.md"]
    _, problems = load_package(guide)
    assert [p.message for p in problems] == [
        "`summary` is empty",
        "`involve.0` is empty",
        "`effort.time` has a value in the wrong form: ''",
        "`effort.cost` has a value in the wrong form: ''",
        "`resources.0.title` is empty",
        "`resources.0.url` has a value in the wrong form: ''",
        "`resources.1.title` is empty",
        "`resources.1.url` has a value in the wrong form: ''",
    ]
    assert {p.file for p in problems} == {"guides/alpha/02-plan-the-work.md"}
    new = guide / plan.path
    new.write_text(fill(new.read_text()))
    package, problems = load_package(guide)
    assert problems == []
    assert [s.id for s in package.guides["alpha"].steps] == [
        "alpha/start",
        "alpha/plan-the-work",
        "alpha/grow",
        "alpha/rest",
    ]


def test_inserting_into_a_gap_renames_nothing(repo):
    write(
        repo,
        {
            "guides/alpha/index.md": guide_index("Alpha"),
            "guides/alpha/01-start.md": step("Start"),
            "guides/alpha/05-end.md": step("End"),
        },
    )
    plan = scaffold.new_step(repo, "alpha", "Middle", after="start", slug="mid")
    assert (plan.path, plan.renames) == ("guides/alpha/02-mid.md", ())


@pytest.mark.parametrize(
    "args,message",
    [
        (("alpah", "X"), "there is no guide `alpah`"),
        (("alpha", "Grow"), "guides/alpha/02-grow.md already has the id `alpha/grow`"),
        (("alpha", "X", "beta/start"), "--after must name a step of `alpha`"),
        (("alpha", "X", "strat"), "guide `alpha` has no step `strat`. Did you mean `start`?"),
        (("alpha", "  "), "give a title"),
        (("alpha", "!!!"), "--slug"),
        (("Alpha", "X"), "`Alpha` is not a valid guide name"),
    ],
)
def test_new_step_refuses_with_a_reason(guide, args, message):
    with pytest.raises(scaffold.ScaffoldError, match=re.escape(message)) as refused:
        scaffold.new_step(guide, *args)
    if args[0] == "alpah":
        assert "Did you mean `alpha`?" in str(refused.value)


def test_new_guide_refuses_an_existing_guide_and_apply_never_overwrites(guide):
    with pytest.raises(scaffold.ScaffoldError, match="already exists"):
        scaffold.new_guide(guide, "alpha", "Alpha again")
    plan = scaffold.new_step(guide, "alpha", "Celebrate")
    (guide / plan.path).write_text("mine\n")
    with pytest.raises(scaffold.ScaffoldError, match="already exists"):
        scaffold.apply(guide, plan)
    assert (guide / plan.path).read_text() == "mine\n"


# --- the whole journey on a copy of the repository ---------------------------------------


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "build.py", *args], cwd=root, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("contrib") / "repo"
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "site", ".site-*", "__pycache__", ".*_cache", "*.egg-info", "bench"
    )
    shutil.copytree(REPO, root, ignore=ignore)
    return root


def test_scaffold_a_guide_and_two_steps_fill_the_text_then_check_and_build(repo_copy):
    root = repo_copy
    made = run(root, "new", "guide", "tenants-union", "Start a tenants' union")
    assert made.returncode == 0, made.stderr
    assert "Created guides/tenants-union/index.md" in made.stdout
    assert 'python build.py new step tenants-union "' in made.stdout
    again = run(root, "new", "guide", "tenants-union", "Other")
    assert again.returncode == 1 and "already exists" in again.stderr

    index = root / "guides/tenants-union/index.md"
    unwritten = run(root, "check")
    assert unwritten.returncode == 1
    assert "guides/tenants-union/index.md:14: `summary` is empty" in unwritten.stderr
    index.write_text(fill(index.read_text()))

    first = run(root, "new", "step", "tenants-union", "Map the homes and the landlords")
    second = run(root, "new", "step", "tenants-union", "Hold the first meeting")
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert "Created guides/tenants-union/02-hold-the-first-meeting.md" in second.stdout
    steps = sorted((root / "guides/tenants-union").glob("0*.md"))
    assert [p.name for p in steps] == [
        "01-map-the-homes-and-the-landlords.md",
        "02-hold-the-first-meeting.md",
    ]
    unwritten = run(root, "check")
    assert unwritten.returncode == 1
    assert "guides/tenants-union/02-hold-the-first-meeting.md:" in unwritten.stderr
    assert "`resources.0.url` has a value in the wrong form" in unwritten.stderr

    # Only text is written, and the first step is linked to a step of another guide.
    steps[0].write_text(fill(steps[0].read_text(), ["foundations/form-a-founding-group"]))
    steps[1].write_text(fill(steps[1].read_text()))
    checked = run(root, "check")
    assert checked.returncode == 0, checked.stderr
    built = run(root, "build", "--site-dir", "site")
    assert built.returncode == 0, built.stderr

    site = root / "site"
    data = json.loads((site / "package.json").read_text())
    guide = next(g for g in data["guides"] if g["slug"] == "tenants-union")
    assert guide["steps"] == [
        "tenants-union/map-the-homes-and-the-landlords",
        "tenants-union/hold-the-first-meeting",
    ]
    assert [
        "foundations/form-a-founding-group",
        "tenants-union/map-the-homes-and-the-landlords",
    ] in (data["edges"])
    assert [
        "tenants-union/map-the-homes-and-the-landlords",
        "tenants-union/hold-the-first-meeting",
    ] in data["edges"]
    assert 'data-gp-pick="tenants-union"' in (site / "package/index.html").read_text()
    page = (site / "guides/tenants-union/hold-the-first-meeting/index.html").read_text()
    assert "Hold the first meeting" in page
    assert "Write the step below" not in page


def test_schema_files_are_committed_and_current():
    stale = scaffold.stale_schemas(REPO)
    assert stale == [], f"{stale} are stale: run `make schema` and commit schema/"
    assert sorted(p.name for p in (REPO / "schema").glob("*.json")) == sorted(
        Path(rel).name for rel in scaffold.schema_files()
    )


def test_schema_command_rewrites_a_stale_file(repo_copy):
    target = repo_copy / "schema/step.json"
    target.write_text("{}\n")
    stale = run(repo_copy, "schema", "--check")
    assert stale.returncode == 1 and "schema/step.json is out of date" in stale.stderr
    fixed = run(repo_copy, "schema")
    assert fixed.returncode == 0 and "schema/step.json" in fixed.stdout
    assert json.loads(target.read_text())["additionalProperties"] is False
    assert run(repo_copy, "schema", "--check").returncode == 0
