"""The files that make contributing safe: workflows, pre-commit, editor settings, licences,
CONTRIBUTING.md. Each is parsed and its essential parts asserted."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from fixtures import REPO, step, two_guides, write

WORKFLOWS = REPO / ".github" / "workflows"


def load_yaml(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def triggers(workflow: dict) -> dict:
    """The `on:` block (PyYAML reads the bare key `on` as True)."""
    on = workflow.get("on", workflow.get(True))
    return {on: None} if isinstance(on, str) else on


def uses(job: dict) -> list[str]:
    return [s["uses"] for s in job["steps"] if "uses" in s]


def runs(job: dict) -> list[str]:
    return [s["run"] for s in job["steps"] if "run" in s]


def jsonc(path: Path) -> dict:
    """VS Code's JSON with `//` comment lines."""
    lines = [line for line in path.read_text().splitlines() if not line.strip().startswith("//")]
    return json.loads("\n".join(lines))


def test_pull_request_workflow_checks_and_tests_without_secrets():
    text = (WORKFLOWS / "pr.yml").read_text()
    workflow = load_yaml(WORKFLOWS / "pr.yml")
    assert set(triggers(workflow)) == {"pull_request"}
    assert "secrets." not in text
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    assert job["runs-on"] == "ubuntu-latest"
    assert "3.11" in job["container"]
    assert uses(job)[0] == "actions/checkout@v4"
    assert job["steps"][0]["with"]["persist-credentials"] is False
    assert runs(job) == ["make check", "make test"]


def test_deploy_workflow_builds_then_deploys_with_the_official_pages_actions():
    workflow = load_yaml(WORKFLOWS / "deploy.yml")
    assert triggers(workflow)["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert uses(build) == [
        "actions/checkout@v4",
        "actions/setup-python@v5",
        "actions/configure-pages@v5",
        "actions/upload-pages-artifact@v3",
    ]
    assert build["steps"][0]["with"]["fetch-depth"] == 0  # "last updated" needs history
    setup = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-py"))
    assert setup["with"]["python-version"] == "3.11"
    assert runs(build) == ["make site"]
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(deploy) == ["actions/deploy-pages@v4"]
    assert "permissions" in build and "pages" not in build["permissions"]


def test_make_targets_the_workflows_and_hooks_run_exist():
    makefile = (REPO / "Makefile").read_text()
    for target in ("check", "test", "site", "schema"):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_pre_commit_runs_check_schema_and_ruff():
    config = load_yaml(REPO / ".pre-commit-config.yaml")
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert hooks["guidepack-check"]["entry"] == "make check"
    assert hooks["guidepack-check"]["pass_filenames"] is False
    assert re.search(hooks["guidepack-check"]["files"], "guides/grocery/01-test-demand.md")
    assert hooks["guidepack-schema"]["entry"] == "make schema"
    assert re.search(hooks["guidepack-schema"]["files"], "plugins/guidepack/model.py")
    assert hooks["ruff"]["entry"].startswith("ruff check")
    pinned = (REPO / "pyproject.toml").read_text()
    (ruff,) = hooks["ruff"]["additional_dependencies"]
    assert f'"{ruff}"' in pinned, "pre-commit's ruff is the version pyproject.toml pins"


def test_licences():
    mit = (REPO / "LICENSE").read_text()
    assert mit.startswith("MIT License\n")
    assert "Copyright (c)" in mit and "guidepack contributors" in mit
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in mit
    content = (REPO / "LICENSE-CONTENT.md").read_text()
    assert "Creative Commons Attribution-ShareAlike 4.0 International" in content
    assert "https://creativecommons.org/licenses/by-sa/4.0/legalcode" in content
    assert 'license = "MIT"' in (REPO / "pyproject.toml").read_text()


def test_editor_settings_map_the_committed_schemas():
    settings = jsonc(REPO / ".vscode/settings.json")
    for schema, globs in settings["yaml.schemas"].items():
        assert (REPO / schema).is_file(), schema
        for glob in globs:
            assert list(REPO.glob(glob)), f"{glob} matches no file"
    recommended = jsonc(REPO / ".vscode/extensions.json")["recommendations"]
    assert "redhat.vscode-yaml" in recommended


def test_editor_check_task_reads_checks_problems(tmp_path):
    """The VS Code task's problem matcher picks file, line and message out of `check`."""
    tasks = jsonc(REPO / ".vscode/tasks.json")["tasks"]
    task = next(t for t in tasks if t["label"] == "guidepack: check")
    pattern = task["problemMatcher"]["pattern"]
    root = write(tmp_path, {**two_guides(), "guides/beta/03-x.md": step("X", ["beta/nope"])})
    (root / "build.py").symlink_to(REPO / "build.py")
    result = subprocess.run(
        [sys.executable, "build.py", "check"], cwd=root, capture_output=True, text=True
    )
    found = [m for line in result.stderr.splitlines() if (m := re.match(pattern["regexp"], line))]
    assert len(found) == 1, result.stderr
    match = found[0]
    assert match.group(pattern["file"]) == "guides/beta/03-x.md"
    assert match.group(pattern["line"]) == "4"
    assert "beta/nope" in match.group(pattern["message"])


@pytest.mark.parametrize(
    "needle",
    [
        "Fork",
        "make serve",
        "python build.py new guide",
        "python build.py new step",
        "--after",
        "requires:",
        "python build.py check",
        "pull request",
        "Accuracy",
        "Sources",
        "Inclusion",
        "CC BY-SA 4.0",
        "edit_uri",
        "yaml-language-server",
    ],
)
def test_contributing_walks_through_the_whole_journey(needle):
    text = (REPO / "CONTRIBUTING.md").read_text()
    assert needle in text
