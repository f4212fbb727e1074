"""The MkDocs adapter: reads the config, calls the core once, hands its pages to MkDocs.

Works the same under MkDocs 1.6 and ProperDocs. Nothing is kept on the plugin between
builds except what the last `on_config` made (`mkdocs serve` reuses the object).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from . import urls
from .load import CONTENT_ROOTS
from .load.reader import inside
from .model import HIDDEN_PARTS
from .offline import offline_zip
from .pipeline import Built, Handouts, build
from .render import PAGE_CSS, PAGE_JS, RenderError
from .render.docs import doc_body, safe_meta
from .render.env import site_title
from .render.shell import offline_zip as offline_zip_name
from .sanitise import mark_page_contributed
from .search import SearchError, finish_index, start_index
from .settings import SANITISER, settings_from

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

    from .records import DocPage

log = logging.getLogger("mkdocs.plugins.guidepack")
BLOG_TEMPLATES = frozenset({"blog.html", "blog-post.html"})
HIDEABLE = frozenset(get_args(HIDDEN_PARTS))


class _OutsidePreview(logging.Filter):
    """In a one-guide preview (`serve --guide`), drops the "link not found" warnings of
    pages outside that guide: they link to steps the preview leaves out on purpose."""

    guide = ""

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.guide:
            return True
        message = record.getMessage()
        return not (
            message.startswith("Doc file '")
            and not message.startswith(f"Doc file 'guides/{self.guide}/")
            and (
                "is not found among documentation files" in message or "contains a link" in message
            )
        )


_OUTSIDE_PREVIEW = _OutsidePreview()
logging.getLogger("mkdocs.structure.pages").addFilter(_OUTSIDE_PREVIEW)


class GuidepackConfig(Config):
    enabled = c.Type(bool, default=True)
    root = c.Optional(c.Type(str))
    """Repository root holding guides/, theory/, interviews/ (default: beside mkdocs.yml)."""
    pack = c.Type(str, default="")
    """A town pack folder to build, e.g. `packs/demo-town` (empty: town.yml's, or none)."""
    guide = c.Type(str, default="")
    """Preview one guide (a slug): its steps, what they need and what needs them."""
    forum_url = c.Optional(c.Type(str))
    """New-topic URL of the discussion forum; `{title}` and `{id}` become the step's."""
    search = c.Type(bool, default=True)
    """Build Pagefind's search index after the build (also on every `serve` rebuild)."""
    offline = c.Type(bool, default=True)
    """Put the offline edition (a ZIP) in `downloads/` (`serve` leaves it out)."""
    downloads = c.Type(bool, default=True)
    """Make the PDF hand-outs and editable decks (`serve` leaves them out)."""


class GuidepackPlugin(BasePlugin[GuidepackConfig]):
    """Adds the package's generated pages (steps, guides, decks, data) to a build."""

    supports_multiple_instances = False
    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"  # a preview skips the offline edition

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.built: Built | None = None
        self.handouts: Handouts | None = None
        self.docs: dict[str, DocPage] = {}
        if not self.config.enabled:
            return config
        root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        _OUTSIDE_PREVIEW.guide = self.config.guide
        if SANITISER not in config.markdown_extensions:
            config.markdown_extensions.append(SANITISER)  # every page, however configured
        options = {**self.config, "downloads": self.config.downloads and not self.serving}
        settings, problems = settings_from(root, config, options)
        built = build(settings, problems=problems, handouts=False)
        for warning in built.warnings:
            log.info(f"guidepack warning: {warning}")
        if built.errors:
            raise PluginError(
                f"guidepack found {len(built.errors)} content problem(s):\n"
                + "\n".join(str(p) for p in built.errors)
            )
        self.built = built
        if settings.downloads:  # made on the second core while MkDocs renders the pages
            self.handouts = Handouts(settings)
        self.docs = {doc.uri: doc for doc in built.site.package.docs}
        site = built.site
        config.site_name = site_title(site)
        if settings.edit_uri:
            config.edit_uri = settings.edit_uri
        for uris, target in ((PAGE_CSS, config.extra_css), (PAGE_JS, config.extra_javascript)):
            target.extend(uri for uri in uris if uri not in target)
        return config

    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.built is None:
            return files
        root, site = self.built.settings.root, self.built.site
        docs_rel = self.built.settings.docs_dir
        docs = (root / docs_rel).resolve()
        for file in list(files):
            if file.generated_by is not None or not file.src_dir:
                continue
            if Path(file.src_dir).resolve() != docs:
                continue  # the theme's own files
            if file.abs_src_path and not inside(Path(file.abs_src_path), root):
                raise PluginError(f"{docs_rel}/{file.src_uri} leads outside the repository")
            file.edit_uri = f"{docs_rel}/{file.src_uri}"
        for page in self.built.pages.values():
            existing = files.get_file_from_path(page.uri) or (
                files.get_file_from_path(page.uri.removesuffix("/index.md") + ".md")
                if page.uri.endswith("/index.md")
                else None
            )  # a `docs/` file at the page's own address, under either name
            if existing is not None and page.uri == urls.HOME and site.pack is not None:
                files.remove(existing)  # a town pack has its own home page
            elif existing is not None:
                raise PluginError(
                    f"{docs_rel}/{page.uri}: this path is generated by guidepack from "
                    f"{page.source or 'the package'}; remove the file from {docs_rel}/"
                )
            inclusion = InclusionLevel.NOT_IN_NAV if page.is_markdown else InclusionLevel.INCLUDED
            file = File.generated(config, page.uri, content=page.content, inclusion=inclusion)
            file.edit_uri = page.source
            files.append(file)
        return files

    def on_page_markdown(self, markdown: str, /, *, page, config: MkDocsConfig, files) -> str:
        """A `docs/` page as guidepack read it, the same as in `export`: its safe front
        matter in place of what MkDocs read (which may differ: MkDocs also reads
        MultiMarkdown-style meta), and its body marked as contributed."""
        if self.built is not None and page.file.generated_by is None:
            doc = self.docs.get(page.file.src_uri)
            if doc is None:  # not read by guidepack (none should be): contributed all the same
                return mark_page_contributed(markdown)
            meta = safe_meta(doc)
            if page.meta.get("template") in BLOG_TEMPLATES:  # set by Material's blog
                meta["template"] = page.meta["template"]
            hidden = [*meta.get("hide", []), *page.meta.get("hide", [])]
            if hidden:
                meta["hide"] = [h for h in dict.fromkeys(hidden) if h in HIDEABLE]
            page.meta.clear()  # in place: the blog's excerpts share this dict
            page.meta.update(meta)
            return doc_body(doc, self.built.site.doc_uris)
        return markdown

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.built is None:
            return
        site_dir = Path(config.site_dir)
        try:
            indexing = start_index(site_dir) if self.config.search else None
            if self.handouts is not None:
                self.handouts.write(site_dir)
            if self.config.offline and not self.serving and not self.built.settings.guide:
                offline_zip(site_dir, offline_zip_name(self.built.site))  # while Pagefind runs
            if indexing is not None:
                finish_index(indexing)
        except SearchError as exc:
            raise PluginError(f"guidepack: {exc}") from None
        except RenderError as exc:
            raise PluginError(
                f"guidepack could not make a hand-out from {exc.source} ({exc.detail}); "
                "this is a gap in `check`: please report it, with the file"
            ) from None
        except OSError as exc:
            raise PluginError(f"guidepack could not make the hand-outs: {exc}") from None
        finally:
            self.handouts = None

    def on_build_error(self, *, error: Exception) -> None:
        if self.handouts is not None:
            self.handouts.stop()
            self.handouts = None

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> None:
        if self.built is None:
            return
        root = self.built.settings.root
        for name in (*CONTENT_ROOTS, "packs", "town.yml"):
            path = root / name
            if path.exists():
                server.watch(str(path))
