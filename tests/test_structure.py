"""The shape of the code (issue 16): an engine-free core, no import cycles, small modules,
and one place that reads the settings, whichever way a build starts."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
from conftest import REPO

PACKAGE = REPO / "plugins" / "guidepack"
ADAPTERS = {"guidepack.mkdocs_plugin", "guidepack.cli"}
"""Modules that may know an engine or the command line; everything else is the core."""
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = frozenset(
    ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
    for p in PACKAGE.rglob("*.py")
)


def runtime_imports(path: Path) -> set[str]:
    """Modules imported when `path` is imported: top-level imports, not those under
    `if TYPE_CHECKING:` or inside functions."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:  # `from X import a`: the module X.a if there is one, else X
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
                found.add(sub)  # also as a name, for the stage test below
    return found


def import_graph() -> nx.DiGraph:
    """Which guidepack module imports which (a submodule named in `from X import a` counts
    as `X.a`; the packages a module sits in are imported first anyway and do not count)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        for target in runtime_imports(path):
            if target in modules and target != name and not name.startswith(target + "."):
                graph.add_edge(name, target)
    return graph


def is_adapter(name: str) -> bool:
    return any(name == a or name.startswith(a + ".") for a in ADAPTERS)


def test_the_core_imports_no_engine_and_no_adapter():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        if is_adapter(name):
            continue
        for target in runtime_imports(path):
            top = target.split(".")[0]
            if top in ("mkdocs", "properdocs", "zensical", "material") or is_adapter(target):
                offenders.append(f"{name} imports {target}")
    assert offenders == []


def test_the_core_has_no_import_cycles():
    graph = import_graph()
    assert graph.has_edge("guidepack.pipeline", "guidepack.render")  # the walk sees imports
    cycles = list(nx.simple_cycles(graph.subgraph(n for n in graph if not is_adapter(n))))
    assert cycles == []


def test_no_module_is_longer_than_it_can_be_read():
    long = {
        p.relative_to(REPO).as_posix(): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_check_renders_markdown_with_the_extensions_the_build_uses():
    """`check` (read_settings, from mkdocs.yml as YAML) and the MkDocs build (settings_from,
    from MkDocs's loaded config) use the same Markdown extensions with the same options,
    MkDocs's own built-in ones included."""
    from guidepack.settings import read_settings, settings_from
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    options = next(p for name, p in config.plugins.items() if name == "guidepack").config
    from_mkdocs, problems = settings_from(REPO, config, options)
    from_yaml, problems_yaml = read_settings(REPO)
    assert problems == problems_yaml == []
    assert from_yaml.extensions == from_mkdocs.extensions
    assert from_yaml.extension_configs == from_mkdocs.extension_configs
    assert from_yaml == from_mkdocs
    for builtin in ("toc", "tables", "fenced_code"):
        assert builtin in from_yaml.extensions
    assert from_yaml.extensions[-1] == "guidepack.sanitise"


def test_only_the_pipeline_runs_the_stages():
    """The adapter, export and the command line all build through `pipeline.build`, so
    their pages are the same: no other module calls a stage itself."""
    stages = {"guidepack.load.load", "guidepack.plan.plan_site", "guidepack.checks.check",
              "guidepack.render.render_site"}  # fmt: skip
    callers = {
        module_name(path) for path in PACKAGE.rglob("*.py") if runtime_imports(path) & stages
    }
    assert callers == {"guidepack.pipeline"}
    graph = import_graph()
    for entry in ("guidepack.mkdocs_plugin", "guidepack.cli.site", "guidepack.export"):
        assert nx.has_path(graph, entry, "guidepack.pipeline"), entry


def test_checks_and_render_stand_side_by_side():
    """Both work on a planned site; what they share (text helpers) lives outside both."""
    graph = import_graph()
    crossing = [
        (a, b) for a, b in graph.edges if {a.split(".")[1], b.split(".")[1]} == {"checks", "render"}
    ]
    assert crossing == []
