"""Pack variables: `{{ pack.variables.NAME }}` in guides, filled in from a town pack."""

from __future__ import annotations

import re
from collections.abc import Mapping

VARIABLE = re.compile(r"\{\{\s*pack\.variables\.([a-z_][a-z0-9_]*)\s*\}\}")
LOOKS_LIKE_VARIABLE = re.compile(r"\{\{\s*pack\b[^{}\n]{0,80}\}\}")


def substitute(text: str, values: Mapping[str, str] | None) -> str:
    """Replace pack variables with the pack's values, or a neutral default without a pack
    (`{{ pack.variables.council }}` reads "your council")."""
    if "{{" not in text:
        return text
    values = values or {}

    def replace(match: re.Match) -> str:
        name = match.group(1)
        return values.get(name) or "your " + name.replace("_", " ")

    return VARIABLE.sub(replace, text)


def used(text: str) -> set[str]:
    """The names of the pack variables a text uses."""
    return set(VARIABLE.findall(text)) if "{{" in text else set()
