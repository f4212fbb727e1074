"""Contributor tools: start a guide or a step from a template; keep the schemas fresh."""

from __future__ import annotations

from .files import Scaffold, ScaffoldError, apply, new_guide, new_step
from .schemas import SCHEMA_DIR, schema_files, stale_schemas, write_schemas
from .texts import guide_text, slugify, step_text

__all__ = [
    "SCHEMA_DIR", "Scaffold", "ScaffoldError", "apply", "guide_text", "new_guide", "new_step",
    "schema_files", "slugify", "stale_schemas", "step_text", "write_schemas",
]  # fmt: skip
