"""Every kind of bad input gives one clear problem with file:line and a fix."""

from __future__ import annotations

from pathlib import Path

from core import load_site
from fixtures import guide_index, step, two_guides, write


def problems_of(repo: Path, files: dict[str, str]) -> list[str]:
    write(repo, {**two_guides(), **files})
    return [str(p) for p in load_site(repo).problems]


def test_clean_content_has_no_problems(repo):
    write(repo, two_guides())
    site = load_site(repo)
    assert site.problems == []
    assert list(site.package.guides) == ["alpha", "beta"]
    assert [s.id for s in site.package.guides["beta"].steps] == ["beta/plan", "beta/launch"]


def test_yaml_syntax_error_names_file_and_line(repo):
    found = problems_of(repo, {"guides/beta/03-bad.md": "---\ntitle: Bad\nsummary: [oops\n---\n"})
    assert len(found) == 1
    assert found[0].startswith("guides/beta/03-bad.md:")
    assert "YAML syntax error" in found[0]
    assert "fix:" in found[0]


def test_front_matter_that_is_a_list_is_refused(repo):
    found = problems_of(repo, {"guides/beta/03-list.md": "---\n- title\n- summary\n---\n"})
    assert found == [
        "guides/beta/03-list.md:2: front matter is a list, not a set of `key: value` lines\n"
        "    fix: write the front matter as `key: value` lines, e.g. `title: Open a bank account`"
    ]


def test_unknown_key_suggests_the_right_one(repo):
    text = "---\ntitle: Typo\nsummary: Has a typo.\nrequire: [beta/plan]\n---\n"
    found = problems_of(repo, {"guides/beta/03-typo.md": text})
    assert len(found) == 1
    assert found[0].startswith("guides/beta/03-typo.md:4: unknown key `require`.")
    assert "Did you mean `requires`?" in found[0]


def test_missing_title_and_empty_title(repo):
    found = problems_of(
        repo,
        {
            "guides/beta/03-none.md": "---\nsummary: No title.\n---\n",
            "guides/beta/04-empty.md": "---\ntitle: ''\nsummary: Empty title.\n---\n",
        },
    )
    assert any(p.startswith("guides/beta/03-none.md:1: missing key `title`") for p in found)
    assert any(p.startswith("guides/beta/04-empty.md:2: `title` is empty") for p in found)


def test_file_without_front_matter(repo):
    found = problems_of(repo, {"guides/beta/03-plain.md": "Just text.\n"})
    assert found[0].startswith("guides/beta/03-plain.md:1: no front matter")


def test_bad_step_file_name(repo):
    found = problems_of(repo, {"guides/beta/Launch Day.md": step("Launch day")})
    assert len(found) == 1
    assert found[0].startswith(
        "guides/beta/Launch Day.md:0: `Launch Day.md` is not a step file name"
    )


def test_bad_guide_folder_name(repo):
    found = problems_of(repo, {"guides/Big_Guide/index.md": guide_index("Big")})
    assert "guides/Big_Guide:0: guide folder name `Big_Guide` is not a valid slug" in found[0]


def test_malformed_id_in_requires(repo):
    found = problems_of(repo, {"guides/beta/03-x.md": step("X", ["Plan"])})
    assert len(found) == 1
    assert found[0].startswith("guides/beta/03-x.md:4: `requires.0` has a value in the wrong form")
    assert "<guide>/<step-slug>" in found[0]


def test_duplicate_step_id(repo):
    found = problems_of(repo, {"guides/beta/07-plan.md": step("Plan again")})
    assert len(found) == 1
    assert "duplicate step id `beta/plan`" in found[0]
    assert "guides/beta/01-plan.md" in found[0]


def test_requires_a_missing_step_lists_closest_ids(repo):
    found = problems_of(repo, {"guides/beta/03-x.md": step("X", ["alpha/grwo"])})
    assert len(found) == 1
    assert found[0].startswith(
        "guides/beta/03-x.md:4: `requires` names `alpha/grwo`, which is not a step\n"
        "    fix: did you mean `alpha/grow`"
    )


def test_related_to_a_missing_step(repo):
    found = problems_of(
        repo, {"guides/beta/03-x.md": step("X", extra="related: [gamma/nothing]\n")}
    )
    assert "`related` names `gamma/nothing`, which is not a step" in found[0]


def test_step_requiring_itself(repo):
    found = problems_of(repo, {"guides/beta/03-x.md": step("X", ["beta/x"])})
    assert found[0].startswith("guides/beta/03-x.md:4: step `beta/x` names itself in `requires`")


def test_cycle_across_two_guides_names_every_step_and_file(repo):
    files = two_guides()
    files["guides/alpha/01-start.md"] = step("Start", ["beta/launch"])
    write(repo, files)
    found = [str(p) for p in load_site(repo).problems]
    assert len(found) == 1
    cycle = found[0]
    assert "circular requirement" in cycle
    for step_id, path in [
        ("alpha/start", "guides/alpha/01-start.md"),
        ("alpha/grow", "guides/alpha/02-grow.md"),
        ("beta/launch", "guides/beta/02-launch.md"),
    ]:
        assert f"{step_id} ({path})" in cycle


def test_guide_folder_without_index(repo):
    found = problems_of(repo, {"guides/gamma/01-a.md": step("A")})
    assert found[0].startswith("guides/gamma:0: guide folder `gamma` has no index.md")


def test_bad_effort_format_explains_the_form(repo):
    extra = "effort: {time: soon, cost: '£100'}\n"
    found = problems_of(repo, {"guides/beta/03-x.md": step("X", extra=extra)})
    assert len(found) == 1
    assert found[0].startswith("guides/beta/03-x.md:4: `effort.time` has a value in the wrong form")
    assert "2-4 weeks" in found[0]


def test_unquoted_comma_in_flow_mapping_is_explained(repo):
    extra = "effort: {time: 1 week, cost: £500-2,000}\n"
    found = problems_of(repo, {"guides/beta/03-x.md": step("X", extra=extra)})
    assert any("`effort` has a stray entry" in p and "quote values" in p for p in found)


def test_guide_pitch_missing_fields(repo):
    text = "---\ntitle: Gamma\nsummary: G.\npitch:\n  problem: P.\n---\n"
    found = problems_of(repo, {"guides/gamma/index.md": text})
    assert any(p.startswith("guides/gamma/index.md:4: missing key `pitch.offer`") for p in found)


def test_every_problem_is_reported_not_only_the_first(repo):
    found = problems_of(
        repo,
        {
            "guides/beta/03-a.md": step("A", ["beta/nothing"]),
            "guides/beta/04-b.md": "---\ntitel: B\n---\n",
            "guides/gamma/01-c.md": step("C"),
        },
    )
    assert len(found) >= 3


def test_yaml_alias_bomb_is_refused_quickly(repo):
    bomb = "---\ntitle: x\nsummary: y\na: &a [1,1,1,1,1,1,1,1,1,1]\n"
    prev = "a"
    for name in "bcdefghij":
        bomb += f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]\n"
        prev = name
    bomb += "---\n"
    found = problems_of(repo, {"guides/beta/03-bomb.md": bomb})
    assert len(found) == 1
    assert "anchors and aliases expand to too large a document" in found[0]
