"""Town packs: the demo pack, a pack written here, bad packs, and a fork that pulls upstream."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from core import load_site
from fixtures import git, write


def build(pack: str, out: Path, root: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(root / "build.py"), "build", "--pack", pack, "--site-dir", str(out)],
        cwd=root, capture_output=True, text=True,
    )  # fmt: skip


def check(root: Path, pack: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(root / "build.py"), "check", "--pack", pack],
        cwd=root, capture_output=True, text=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def demo(built_demo) -> Path:
    return built_demo  # the demo pack built once per session (conftest)


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_demo_pack_home_page_has_the_name_and_contacts(demo):
    home = read(demo, "")
    assert "<h1" in home and "Demo Town</h1>" in home.replace('<a class="headerlink"', "</h1><a")
    assert "Demo Town: build your local economy" in home
    assert "Demo Town Mutual Credit (fictional)" in home
    assert "Where we meet" in home
    assert "Get planning permission" in home  # listed under local notes


def test_unpicked_guides_are_not_built(demo):
    assert not (demo / "guides/housing").exists()
    assert not (demo / "guides/csa").exists()
    assert (demo / "guides/grocery/open-the-shop/index.html").is_file()
    assert (demo / "guides/social-care/start-delivering-care/index.html").is_file()


def test_pulled_in_steps_are_present_and_marked(demo):
    page = read(demo, "guides/foundations/raise-community-shares")
    assert "data-gp-pulled-in" in page
    assert "Pulled in:" in page
    overview = read(demo, "guides/foundations")
    assert "data-gp-partial" in overview


def test_note_appears_in_the_town_panel(demo):
    page = read(demo, "guides/grocery/find-premises")
    assert "data-gp-local" in page
    assert "In Demo Town" in page
    assert "which empty units the group has looked" in page
    assert "data-gp-local" not in read(demo, "guides/grocery/open-the-shop")


def test_variable_is_substituted_in_a_pack_and_neutral_without(demo, built_repo):
    assert "Demo Town Council's property or estates team" in read(
        demo, "guides/grocery/find-premises"
    )
    upstream = read(built_repo, "guides/grocery/find-premises")
    assert "your council's property or estates team" in upstream
    assert "pack.variables" not in upstream


def test_demo_package_json_and_explorer_follow_the_pack(demo):
    import json

    data = json.loads((demo / "package.json").read_text())
    guides = [g["slug"] for g in data["guides"]]
    assert "housing" not in guides and "grocery" in guides
    explorer = read(demo, "package")
    assert 'data-gp-pick="housing"' not in explorer
    assert 'data-gp-preset="grocery,energy"' in explorer


def pack_repo(tmp_path: Path, pack_yml: str, extra: dict[str, str] | None = None) -> Path:
    """A copy of the real repository content with one pack written into it."""
    root = tmp_path / "repo"
    for name in ("guides", "theory", "interviews", "docs", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "build.py").symlink_to(REPO / "build.py")
    return write(root, {"packs/riverside/pack.yml": pack_yml, **(extra or {})})


def test_a_pack_written_here_builds(tmp_path):
    root = pack_repo(
        tmp_path,
        "name: Riverside\nguides: [housing]\nvariables: {council: Riverside Borough Council}\n",
        {"packs/riverside/notes/housing/find-land.md": "Ask about the old depot site.\n"},
    )
    result = build("packs/riverside", tmp_path / "site", root)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert "Riverside" in read(site, "")
    assert "Ask about the old depot site." in read(site, "guides/housing/find-land")
    assert not (site / "guides/grocery").exists()


@pytest.mark.parametrize(
    "files,expected",
    [
        ({"pack.yml": "name: R\nguides: [grocey]\n"}, "pack.yml:2: unknown guide `grocey`"),
        ({"pack.yml": "name: R\nguides: [grocery\n"}, "pack.yml:2: YAML syntax error"),
        ({"pack.yml": "name: R\nguide: [grocery]\n"}, "pack.yml:2: unknown key `guide`. Did you mean `guides`?"),
        ({"pack.yml": "name: R\nintro: pages/hello.md\n"}, "pack.yml:2: intro file `pages/hello.md` does not exist"),
        ({"pack.yml": "name: R\n", "notes/grocery/open-shop.md": "Hi\n"}, "notes/grocery/open-shop.md:1: warning: note for `grocery/open-shop`, which is not a step"),
        ({"pack.yml": "name: R\nguides: [grocery]\nvariables: {mayor: X}\n"}, "unknown pack variable `council`"),
        ({"pack.yml": "guides: [grocery]\n"}, "pack.yml:1: missing key `name`"),
    ],
)  # fmt: skip
def test_bad_packs_fail_check_with_file_and_line(tmp_path, files, expected):
    root = tmp_path / "repo"
    shutil.copytree(REPO / "guides", root / "guides")
    (root / "build.py").symlink_to(REPO / "build.py")
    write(root, {f"packs/riverside/{k}": v for k, v in files.items()})
    result = check(root, "packs/riverside")
    # a note whose step does not exist is a warning: an upstream rename must not stop a town
    assert result.returncode == (0 if "note for" in expected else 1)
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    if "grocey" in expected:
        assert "did you mean `grocery`?" in result.stderr


def test_unknown_variable_names_the_guide_file_and_line(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(REPO / "guides", root / "guides")
    write(
        root, {"packs/riverside/pack.yml": "name: R\nguides: [grocery]\nvariables: {council: C}\n"}
    )
    path = root / "guides/grocery/05-find-premises.md"
    text = path.read_text().replace("{{ pack.variables.council }}", "{{ pack.variables.councl }}")
    path.write_text(text)
    line = text.count("\n", 0, text.index("{{ pack.variables.councl }}")) + 1
    site = load_site(root, "packs/riverside")
    messages = [str(p) for p in site.problems]
    assert len(messages) == 1
    assert messages[0].startswith(
        f"guides/grocery/05-find-premises.md:{line}: unknown pack variable `councl`"
    )
    assert "did you mean `council`?" in messages[0]


def test_braces_that_are_not_pack_variables_are_left_alone(tmp_path):
    from guidepack.variables import substitute

    text = "Use {curly} and {{ other }} and `{{ pack.variables.council }}`."
    assert substitute(text, None) == "Use {curly} and {{ other }} and `your council`."


def test_fork_adds_a_pack_and_merges_upstream_without_conflict(tmp_path):
    upstream = tmp_path / "upstream"
    shutil.copytree(REPO / "guides", upstream / "guides")
    shutil.copytree(REPO / "packs", upstream / "packs")
    git(upstream, "init", "-q")
    git(upstream, "add", ".")
    git(upstream, "commit", "-qm", "upstream")
    fork = tmp_path / "fork"
    git(tmp_path, "clone", "-q", str(upstream), str(fork))
    shutil.copytree(fork / "packs/demo-town", fork / "packs/riverside")
    (fork / "packs/riverside/pack.yml").write_text("name: Riverside\nguides: [csa]\n")
    git(fork, "add", ".")
    git(fork, "commit", "-qm", "our pack")
    step = next((upstream / "guides/grocery").glob("*-open-the-shop.md"))
    step.write_text(step.read_text() + "\nAn upstream improvement.\n")
    git(upstream, "commit", "-qam", "improve a step")
    git(fork, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    assert "An upstream improvement." in (fork / step.relative_to(upstream)).read_text()
    assert (fork / "packs/riverside/pack.yml").read_text().startswith("name: Riverside")
    assert git(fork, "status", "--porcelain") == ""
