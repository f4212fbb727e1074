"""The front matter JSON Schemas under `schema/`, for editors: written and kept fresh."""

from __future__ import annotations

import json
from pathlib import Path

from ..model import json_schemas
from .texts import SCHEMA_DIR


def schema_files() -> dict[str, str]:
    """The JSON Schema files committed under schema/, by path relative to the repository."""
    return {
        f"{SCHEMA_DIR}/{name}.json": json.dumps(schema, indent=2) + "\n"
        for name, schema in json_schemas().items()
    }


def stale_schemas(root: Path) -> list[str]:
    """The schema files that are missing or differ from the models."""
    stale = []
    for rel, text in schema_files().items():
        path = root / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(rel)
    return stale


def write_schemas(root: Path) -> list[str]:
    """Write the schema files that are stale; returns their paths."""
    files = schema_files()
    stale = stale_schemas(root)
    for rel in stale:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[rel], encoding="utf-8", newline="\n")
    return stale
