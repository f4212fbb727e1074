"""Pure functions that turn a Site into virtual pages (path -> text)."""

from __future__ import annotations

from .pages import VirtualPage, render_site

__all__ = ["VirtualPage", "render_site"]
