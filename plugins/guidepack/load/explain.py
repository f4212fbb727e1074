"""Turn pydantic's validation errors into problems that name the key, the line and the fix."""

from __future__ import annotations

import types
import typing

from pydantic import BaseModel, ValidationError

from ..problems import Problem, did_you_mean
from ..records import Source


def kind_of(value: object) -> str:
    return {list: "list", str: "piece of text", int: "number", float: "number"}.get(
        type(value), type(value).__name__
    )


def explain(exc: ValidationError, model: type[BaseModel], source: Source) -> list[Problem]:
    """Turn pydantic's errors into problems that name the key, the line and the fix."""
    problems = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        key = ".".join(str(part) for part in loc)
        line = source.line_of(loc)
        kind = err["type"]
        parent = _model_at(model, loc[:-1])
        field = _field_at(model, loc)
        hint = (field.description or "") if field is not None else ""
        value = err.get("input")
        if kind in ("extra_forbidden", "invalid_key") and not isinstance(loc[-1], str):
            parent_key = ".".join(str(part) for part in loc[:-1])
            message = f"`{parent_key}` has a stray entry `{loc[-1]}`"
            hint = (
                "inside `{ }` a comma starts a new entry: quote values that contain commas, "
                'e.g. `cost: "£500-2,000"`'
            )
        elif kind == "extra_forbidden":
            allowed = list(parent.model_fields) if parent else []
            message = f"unknown key `{key}`." + did_you_mean(str(loc[-1]), allowed)
            hint = "allowed keys here: " + ", ".join(f"`{a}`" for a in allowed)
        elif kind == "missing":
            message = f"missing key `{key}`"
            hint = f"add `{loc[-1]}:`" + (f" ({hint})" if hint else "")
        elif kind == "string_too_short":
            message = f"`{key}` is empty"
            hint = hint or f"write a value for `{key}`"
        elif kind == "string_pattern_mismatch":
            message = f"`{key}` has a value in the wrong form: {_short(value)}"
        elif kind == "value_error":
            reason = str(err.get("ctx", {}).get("error", err["msg"]))
            message = f"`{key}` {_short(value)}: {reason}"
            hint = ""
        elif kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
            want = "a list, e.g. `[a, b]`" if kind == "list_type" else "a set of `key: value` lines"
            message = f"`{key}` should be {want}, not {_short(value)}"
        else:
            message = f"`{key}`: {err['msg'].lower()} (got {_short(value)})"
        problems.append(Problem(source.rel, line, message, hint))
    return problems


def _short(value: object) -> str:
    try:
        text = repr(value)
    except (ValueError, RecursionError):  # a 5,000-digit number, a deeply nested list
        return "a value too large to show"
    return text if len(text) <= 60 else text[:57] + "..."


def _inner_models(annotation: object) -> list[type[BaseModel]]:
    """The pydantic models inside an annotation such as `list[Resource] | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_models(typing.get_args(annotation)[0])
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            found.extend(_inner_models(arg))
    return found


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model that holds the keys at `loc` (list indices are skipped)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            return None
        inner = _inner_models(field.annotation)
        current = inner[0] if inner else None
    return current


def _field_at(model: type[BaseModel], loc: tuple):
    names = [p for p in loc if isinstance(p, str)]
    if not names:
        return None
    parent = _model_at(model, tuple(names[:-1]))
    return parent.model_fields.get(names[-1]) if parent else None
