"""A town's fork: the deploy workflow reports the pack status of town.yml's pack, and
FORKING.md names only files, make targets and build.py commands that exist.

No network and no GitHub: the workflow's report step runs with bash in a copy of the
repository, as a runner would run it."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from fixtures import REPO

DEPLOY = REPO / ".github" / "workflows" / "deploy.yml"
FORKING = REPO / "FORKING.md"
DEMO = "packs/demo-town"
EXAMPLE = "riverside"
"""The town FORKING.md uses as its example; its pack is a copy of the demo pack."""
CREATED = {"town.yml"}
"""Files FORKING.md tells a town to create: upstream never has them."""
GIT_REFS = {"upstream/main"}
STATUS = "build.py pack status"


def deploy() -> dict:
    return yaml.safe_load(DEPLOY.read_text(encoding="utf-8"))


def status_step(workflow: dict) -> tuple[str, dict, dict]:
    """(job id, job, step) of the one step that runs `pack status`."""
    found = [
        (name, job, step)
        for name, job in workflow["jobs"].items()
        for step in job.get("steps", [])
        if STATUS in step.get("run", "")
    ]
    assert len(found) == 1, f"one step runs `{STATUS}`, not {len(found)}"
    return found[0]


# -- the deploy workflow ---------------------------------------------------------------


def test_the_deploy_workflow_reports_the_pack_status_without_blocking_the_deploy():
    workflow = deploy()
    name, job, step = status_step(workflow)
    script = step["run"]
    # the runner sets GITHUB_STEP_SUMMARY for every `run` step; nothing overrides it, and the
    # report goes there (pack status appends to it), not to another file
    assert "GITHUB_STEP_SUMMARY" not in {**workflow.get("env", {}), **job.get("env", {})}
    assert "GITHUB_STEP_SUMMARY" not in step.get("env", {})
    assert "--summary" not in script or '--summary "$GITHUB_STEP_SUMMARY"' in script
    assert "$GITHUB_STEP_SUMMARY" in script or "${GITHUB_STEP_SUMMARY" in script
    # it only informs: the step cannot fail the run, and the deploy does not wait for it
    assert step.get("continue-on-error") is True
    assert script.rstrip().endswith("exit 0")
    assert name != "build"
    needs = workflow["jobs"]["deploy"]["needs"]
    assert name not in ([needs] if isinstance(needs, str) else needs)
    # the pack is the one town.yml names
    assert "town.yml" in script
    assert re.search(r'pack status "\$pack"', script)
    # before it: the whole history (the report says what changed) and .venv
    before = job["steps"][: job["steps"].index(step)]
    checkout = next(s for s in before if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert any(s.get("run") in ("make setup", "make site") for s in before)
    assert ".venv/bin/python build.py pack status" in script


def test_the_site_is_built_with_town_yml(tmp_path):
    from guidepack.settings import read_settings

    assert "make site" in [s.get("run") for s in deploy()["jobs"]["build"]["steps"]]
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "town.yml").write_text(
        f"pack: {DEMO}\nedit_uri: https://github.com/someone/fork/edit/main/\n"
    )
    settings, problems = read_settings(tmp_path)
    assert problems == []
    assert settings.pack == DEMO
    assert settings.edit_uri == "https://github.com/someone/fork/edit/main/"


# -- the report step, run as a runner runs it ----------------------------------------------

IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "site", ".site-*", ".cache", ".hypothesis", ".*_cache", "__pycache__",
    "town.yml", "out", "node_modules",
)  # fmt: skip


@pytest.fixture(scope="module")
def fork(tmp_path_factory) -> Path:
    """A copy of the repository with a fake .venv whose python is this interpreter."""
    root = tmp_path_factory.mktemp("fork") / "repo"
    shutil.copytree(REPO, root, ignore=IGNORED)
    (root / ".venv" / "bin").mkdir(parents=True)
    (root / ".venv" / "bin" / "python").symlink_to(sys.executable)
    return root


def run_step(root: Path, summary: Path) -> subprocess.CompletedProcess:
    """The report step's script, with the shell GitHub uses for `run:` (bash -eo pipefail)."""
    _, _, step = status_step(deploy())
    script = root.parent / "step.sh"
    script.write_text(step["run"], encoding="utf-8")
    # The symlinked interpreter may not see this virtual environment's packages by itself.
    path = os.pathsep.join(p for p in sys.path if p and Path(p).is_dir())
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "PYTHONPATH": path}
    env.pop("GUIDEPACK_PACK", None)
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_report_step_appends_the_report_of_town_yml_s_pack_to_the_summary(fork, tmp_path):
    (fork / "town.yml").write_text(f"pack: {DEMO}\n")
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier steps' summary\n")
    result = run_step(fork, summary)
    assert result.returncode == 0, result.stdout + result.stderr
    text = summary.read_text()
    assert text.startswith("# Earlier steps' summary\n"), "appended, not overwritten"
    assert "## Pack status: demo-town" in text
    notes = sorted(p.relative_to(fork).as_posix() for p in (fork / DEMO).glob("notes/*/*.md"))
    assert notes
    assert f"{len(notes)} of {len(notes)} local notes are up to date with their steps." in text
    assert "No new steps in your guides since the review of" in text
    assert "## Pack status: demo-town" in result.stdout  # and in the job's log


@pytest.mark.parametrize(
    ("town", "expected"),
    [
        (None, ""),  # upstream itself: no town.yml
        ("edit_uri: https://github.com/someone/fork/edit/main/\n", ""),  # no pack
        ("pack: [\n", ""),  # unreadable: the build job reports it
        ("pack: packs/nowhere\n", "could not be made"),  # a pack that does not load
    ],
)
def test_the_report_step_never_fails(fork, tmp_path, town, expected):
    town_file = fork / "town.yml"
    town_file.unlink(missing_ok=True)
    if town is not None:
        town_file.write_text(town)
    summary = tmp_path / "summary.md"
    summary.write_text("")
    result = run_step(fork, summary)
    town_file.unlink(missing_ok=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Pack status" not in summary.read_text()
    assert expected in summary.read_text()
    if not expected:
        assert summary.read_text() == ""


def test_without_town_yml_the_step_needs_no_venv(tmp_path):
    """Upstream skips setting up .venv (no town.yml), so the step must not run python."""
    root = tmp_path / "repo"
    root.mkdir()
    summary = tmp_path / "summary.md"
    result = run_step(root, summary)
    assert result.returncode == 0, result.stderr
    assert "No town.yml" in result.stdout
    _, job, _ = status_step(deploy())
    setup = next(s for s in job["steps"] if s.get("run") in ("make setup", "make site"))
    assert "hashFiles('town.yml')" in setup.get("if", "hashFiles('town.yml')")


# -- FORKING.md names what exists ------------------------------------------------------------

FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
SPAN = re.compile(r"`([^`\n]+)`")
PATHLIKE = re.compile(r"^[\w.<>*/-]+$")
EXTENSIONS = (".md", ".yml", ".yaml", ".json", ".zip", ".py", ".toml")


def forking() -> tuple[list[str], list[tuple[str, str]]]:
    """FORKING.md's inline code spans (outside code blocks), and its code blocks."""
    text = FORKING.read_text(encoding="utf-8")
    blocks = [(m.group(1), m.group(2)) for m in FENCE.finditer(text)]
    prose = FENCE.sub("", text)
    return SPAN.findall(prose), blocks


def shell_lines() -> list[str]:
    """Commands in the `sh` blocks and in inline spans, without comments."""
    spans, blocks = forking()
    lines = [line for lang, body in blocks if lang == "sh" for line in body.splitlines()]
    lines += [s for s in spans if s.startswith(("make ", "python ", ".venv/bin/python ", ". "))]
    return [re.sub(r"\s+#.*$", "", line).strip() for line in lines if line.strip()]


def is_path(token: str) -> bool:
    if "://" in token or token.startswith("-") or not PATHLIKE.match(token):
        return False
    return "/" in token or token.endswith(EXTENSIONS)


@functools.cache
def plugin_source() -> str:
    return "\n".join(
        p.read_text(encoding="utf-8") for p in (REPO / "plugins" / "guidepack").rglob("*.py")
    )


def missing(path: str) -> str | None:
    """Why `path`, as FORKING.md names it, does not exist; None if it does."""
    if path in CREATED or path in GIT_REFS:
        return None
    if path.startswith(".venv/"):  # made by `make site`
        return None if "VENV := .venv" in (REPO / "Makefile").read_text() else "no .venv"
    if path.startswith(("site/", "/")):  # in the built site: some code must make it
        name = path.removeprefix("site/").rstrip("/").rsplit("/", 1)[-1]
        name = name.replace(EXAMPLE, "")  # riverside-offline.zip: f"{edition}-offline.zip"
        if name and name not in plugin_source():
            return f"nothing in plugins/guidepack makes {name!r}"
        return None
    real = path.replace(f"packs/{EXAMPLE}", DEMO).replace("<town>", DEMO.split("/")[1])
    pattern = re.sub(r"<[^>]+>", "*", real).rstrip("/")
    for base in (REPO, REPO / DEMO):  # a pack's own files are named relative to the pack
        if any(base.glob(pattern)) if "*" in pattern else (base / pattern).exists():
            return None
    return f"no {pattern} in the repository or in {DEMO}"


def test_every_path_forking_md_names_exists():
    spans, _ = forking()
    paths = [s for s in spans if is_path(s)]
    paths += [t for line in shell_lines() for t in shlex.split(line) if is_path(t)]
    assert len(paths) > 20, paths  # the test sees FORKING.md's paths
    problems = {p: why for p in paths if (why := missing(p))}
    assert problems == {}


def test_the_guides_forking_md_lists_are_the_guides():
    text = FORKING.read_text(encoding="utf-8")
    listed = re.search(r"folder names under `guides/` \(([^)]*)\)", text)
    assert listed, "FORKING.md lists the guides one can pick"
    names = set(SPAN.findall(listed.group(1)))
    assert names == {p.parent.name for p in (REPO / "guides").glob("*/index.md")}


@functools.cache
def help_text(*words: str) -> str:
    """What `python build.py WORDS --help` prints (run in this process: it is faster)."""
    from guidepack.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exited:
        main(REPO, [*words, "--help"])
    assert exited.value.code == 0
    return out.getvalue()


def subcommands(help_: str) -> set[str]:
    """The COMMAND/ACTION names an argparse help lists."""
    return set(re.findall(r"^ {4}(\w[\w-]*) {2,}", help_, re.M))


def check_build_py(words: list[str]) -> None:
    """`words` after `build.py` name real commands and options."""
    chain: list[str] = []
    helps = [help_text()]
    rest = list(words)
    while rest:
        word = rest.pop(0)
        if word.startswith("--"):
            assert word in helps[-1], f"build.py {' '.join(chain)} has no {word}"
            if word == "--pack":
                rest.pop(0)
            continue
        choices = subcommands(helps[-1])
        if not choices:
            continue  # an argument (a folder, a note)
        assert word in choices, f"build.py {' '.join(chain)} has no command {word!r}"
        chain.append(word)
        helps.append(help_text(*chain))


def test_every_command_forking_md_shows_exists():
    makefile = (REPO / "Makefile").read_text()
    targets = set(re.findall(r"^([\w-]+):", makefile, re.M))
    variables = set(re.findall(r"^(\w+)\s*[?:]?=", makefile, re.M))
    seen = {"make": 0, "build.py": 0}
    for line in shell_lines():
        words = shlex.split(line)
        if words[0] == "make":
            seen["make"] += 1
            for word in words[1:]:
                if "=" in word:
                    assert word.split("=")[0] in variables, line
                else:
                    assert word in targets, f"no make target {word!r}: {line}"
        elif "build.py" in words:
            seen["build.py"] += 1
            assert words[0] in ("python", ".venv/bin/python"), line
            check_build_py(words[words.index("build.py") + 1 :])
    assert seen["make"] >= 3 and seen["build.py"] >= 3, seen  # the test sees the commands
    # the commands FORKING.md must show
    text = FORKING.read_text(encoding="utf-8")
    for command in ("git pull upstream main", f"pack status packs/{EXAMPLE}", "pack review"):
        assert command in text
    assert "!ENV" not in text, "a town sets its pack in town.yml, not in mkdocs.yml"


def test_forking_md_names_only_real_github_buttons():
    """Bold words are GitHub's buttons and menus; only those that exist are named."""
    real = {
        "Fork", "Use this template", "Add file", "Create new file", "Edit this file",
        "Settings", "Pages", "Build and deployment", "Source", "GitHub Actions", "Actions",
        "Sync fork", "Update branch", "Run workflow",
        "I understand my workflows, go ahead and enable them",
    }  # fmt: skip
    text = FORKING.read_text(encoding="utf-8")
    named = set(re.findall(r"\*\*([^*]+)\*\*", text)) - {"`pack.yml`", "`town.yml`"}
    named -= {"Notes", "Pages", "Variables"}  # headings of "What goes in a pack"
    assert named <= real, named - real
    for needed in ("Sync fork", "Update branch", "Add file", "Create new file", "GitHub Actions"):
        assert needed in named
