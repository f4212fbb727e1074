"""Load, validate and plan a whole site in one call: the core's entry point."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .graph import build_graph
from .loader import load_package
from .model import Package
from .problems import Problem

ESSENTIAL_NOTE = "Essential guides (care and exchange) are in every package."


@dataclass
class Site:
    """Everything a build needs: records, the graph, and the guides this site shows."""

    root: Path
    package: Package
    graph: nx.DiGraph
    picked: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def essentials(self) -> list[str]:
        return [g for g, guide in self.package.guides.items() if guide.meta.essential]


def load_site(root: Path) -> Site:
    """Load the content under `root` and build its graph; problems are collected."""
    package, problems = load_package(root)
    graph, graph_problems = build_graph(package)
    problems.extend(graph_problems)
    picked = list(package.guides)
    return Site(root, package, graph, picked, sorted(set(problems)))
