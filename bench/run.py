"""The guidepack benchmark (`make bench`): builds, check, page weight and preview at scale.

    python bench/run.py [--reps 3] [--out bench/out] [--skip-plain] [--skip-100k] [--quick]

Writes synthetic packages (bench/generate.py) into OUT, then measures, each in its own
process (wall seconds, CPU seconds and peak memory from the kernel's rusage):

- builds, alternating, median of REPS: the full guidepack site (`build.py build`) at 500,
  1,000 and 5,000 steps, and a plain MkDocs + Material build (default theme settings, no
  guidepack, no nav: MkDocs lists every page) of the same pages (`build.py export`) at 500
  and 1,000 steps. The plain build at 5,000 steps is skipped: it takes 10 minutes or more;
- `build.py check` at 10,000 and 100,000 steps, beside the floor (bench/floor.py: read
  every step file and parse its front matter with PyYAML's C loader);
- a "pages only" guidepack build (no search index, offline edition or hand-outs), to show
  what those outputs cost;
- the size of step pages and of the package page (HTML + SVG), of the search index, the
  offline edition and the hand-outs, and what a reader's first search downloads (Chromium
  with Playwright, bench/search_transfer.py) at 1,000 and 5,000 steps;
- a preview of one guide (`build.py serve --guide SLUG`) in the 1,000-step package: the
  time from saving an edited step to the rebuilt page being served.

Prints a table and the targets met or missed; writes OUT/results.md and OUT/results.json.
Not part of `make test`: it takes about 30 minutes on a quiet 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

PY = sys.executable
STEPS_PER_GUIDE = 20
BUILD_SCALES = (500, 1000, 5000)
PLAIN_SCALES = (500, 1000)
CHECK_SCALES = (10_000, 100_000)
SHORT_NAV = [
    {"Home": "index.md"},
    {"Guides": "guides/index.md"},
    {"Package": "package/index.md"},
    {"Theory": "theory/index.md"},
    {"Interviews": "interviews/index.md"},
    {"Blog": "blog/index.md"},
]
PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "markdown",
    "pymdown-extensions",
    "jinja2",
    "pyyaml",
    "pydantic",
    "networkx",
)
TARGETS = {
    "linear": 1.3,  # ms/page at 5,000 steps over ms/page at 500
    "vs_plain": 0.25,  # guidepack 1,000-step build over the plain Material build
    "ms_per_page": 15.0,  # at 1,000 steps (stretch: 12)
    "preview_s": 3.0,
    "check_vs_floor": 1.5,
    "check_mib": 1024,
    "step_page_kb": 100,
    "package_page_kb": {1000: 400, 5000: 1024},  # HTML + SVG
    "first_search_kb": 300,  # at 5,000 steps, headers aside
}
SEARCH_SCALES = (1000, 5000)


@dataclass
class Run:
    """One measured process."""

    wall: float
    cpu: float
    peak_mib: float
    load: float  # the 1-minute load average when it ended: other work on the machine
    code: int


@dataclass
class Series:
    name: str
    steps: int
    pages: int = 0
    runs: list[Run] = field(default_factory=list)

    def median(self, attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in self.runs)

    @property
    def ms_per_page(self) -> float:
        return self.median("wall") * 1000 / self.pages if self.pages else float("nan")

    @property
    def cpu_ms_per_page(self) -> float:
        return self.median("cpu") * 1000 / self.pages if self.pages else float("nan")


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def measure(cmd: list[str], cwd: Path, log: Path) -> Run:
    """Run a command to its end; its wall and CPU time and peak memory (RSS)."""
    with log.open("ab") as out:
        out.write(f"\n$ (cd {cwd} && {' '.join(cmd)})\n".encode())
        out.flush()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    run = Run(
        wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.getloadavg()[0], code
    )
    if code != 0:
        raise SystemExit(f"failed ({code}): {' '.join(cmd)} in {cwd}; see {log}")
    return run


# --- packages ---------------------------------------------------------------------------


def make_package(out: Path, steps: int) -> tuple[Path, object]:
    root = out / f"pkg-{steps}"
    if root.exists():
        shutil.rmtree(root)
    plan = generate(root, steps // STEPS_PER_GUIDE, STEPS_PER_GUIDE, seed=1)
    return root, plan


def export_plain(root: Path, log: Path) -> tuple[Path, int]:
    """The same pages as a plain docs tree, and a plain Material mkdocs.yml beside it."""
    project = root.parent / f"{root.name}-plain"
    if project.exists():
        shutil.rmtree(project)
    measure([PY, "build.py", "export", str(project)], root, log)
    docs = project / "docs"
    config = {
        "site_name": "Plain Material build",
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "plugins": ["search"],
        "markdown_extensions": _markdown_extensions(),
        "extra_css": ["assets/guidepack/guidepack.css"],
        "extra_javascript": ["assets/guidepack/guidepack.js"],
    }
    (docs.parent / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    config["nav"] = SHORT_NAV  # the floor of MkDocs + Material for these pages: no long nav
    (docs.parent / "mkdocs-short-nav.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    pages = sum(1 for _ in docs.rglob("*.md"))
    return docs.parent, pages


def _markdown_extensions() -> list:
    """The repository's Markdown extensions, so both builds render the same Markdown."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return config.get("markdown_extensions") or []


# --- builds -----------------------------------------------------------------------------


def build_guidepack(root: Path, site: Path, log: Path) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    return measure([PY, "build.py", "build", "--site-dir", str(site)], root, log)


def pages_only_config(root: Path) -> str:
    """A copy of the package's mkdocs.yml without search, offline edition and hand-outs."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    options = "      search: false\n      offline: false\n      downloads: false\n"
    (root / "mkdocs-pages-only.yml").write_text(
        config.replace("  - guidepack:\n", "  - guidepack:\n" + options, 1), encoding="utf-8"
    )
    return "mkdocs-pages-only.yml"


def build_pages_only(root: Path, site: Path, log: Path) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    cmd = [PY, "-m", "mkdocs", "build", "-q", "-f", pages_only_config(root), "-d", str(site)]
    return measure(cmd, root, log)


def build_plain(plain: Path, site: Path, log: Path, config: str = "mkdocs.yml") -> Run:
    shutil.rmtree(site, ignore_errors=True)
    cmd = [PY, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)]
    return measure(cmd, plain, log)


def page_sizes(site: Path) -> dict:
    """Step pages (median and largest, KB) and the package page (HTML with its SVG)."""
    steps = [
        p.stat().st_size for p in site.glob("guides/*/*/index.html") if p.parent.name != "pitch"
    ]
    package = site / "package" / "index.html"
    html = package.read_text(encoding="utf-8") if package.is_file() else ""
    inline_svg = sum(len(m.encode()) for m in re.findall(r"<svg\b.*?</svg>", html, re.S))
    svg_files = sum(p.stat().st_size for p in (site / "package").rglob("*.svg"))
    downloads = site / "downloads"
    return {
        "step_median_kb": statistics.median(steps) / 1024 if steps else 0,
        "step_max_kb": max(steps) / 1024 if steps else 0,
        "package_html_kb": len(html.encode()) / 1024,
        "package_svg_kb": (inline_svg + svg_files) / 1024,
        "package_total_kb": (len(html.encode()) + svg_files) / 1024,
        "pagefind_kb": _folder_kb(site / "pagefind"),
        "offline_zip_kb": sum(p.stat().st_size for p in downloads.glob("*.zip")) / 1024,
        "pdf_kb": sum(p.stat().st_size for p in downloads.glob("*.pdf")) / 1024,
        "pptx_kb": sum(p.stat().st_size for p in downloads.glob("*.pptx")) / 1024,
    }


def _folder_kb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1024


def search_transfer(site: Path) -> dict:
    """A reader's first search for a step title, far into the package: what it downloads."""
    from playwright.sync_api import sync_playwright
    from search_transfer import CHROMIUM, CHROMIUM_ARGS, first_search

    steps = json.loads((site / "package.json").read_text(encoding="utf-8"))["steps"]
    title = steps[len(steps) * 6 // 7]["title"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        transfer = first_search(browser.new_page(), site, title)
        browser.close()
    return {
        "query": title,
        "kb": transfer.total / 1024,
        "files": len(transfer.files),
        "exact_title_first": transfer.first_result == title,
    }


# --- preview ----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def preview(root: Path, plan, log: Path, edits: int = 3) -> dict:
    """Serve one guide of the package; time each save of a step until its page changes."""
    guide = plan.guides[len(plan.guides) // 2]
    step_id = plan.steps[guide][STEPS_PER_GUIDE // 2]
    slug = step_id.split("/")[1]
    path = next((root / "guides" / guide).glob(f"*-{slug}.md"))
    original = path.read_text(encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/guides/{step_id}/"
    cmd = [PY, "build.py", "serve", "--guide", guide, "--dev-addr", f"127.0.0.1:{port}"]
    times: list[float] = []
    with log.open("ab") as out:
        out.write(f"\n$ (cd {root} && {' '.join(cmd)})\n".encode())
        out.flush()
        start = time.perf_counter()
        server = subprocess.Popen(cmd, cwd=root, stdout=out, stderr=subprocess.STDOUT)
        try:
            while _get(url) is None:
                if server.poll() is not None or time.perf_counter() - start > 300:
                    raise SystemExit(f"the preview did not start; see {log}")
                time.sleep(0.1)
            first = time.perf_counter() - start
            time.sleep(1.0)
            for i in range(edits):
                marker = f"Benchmark edit {i} {time.time_ns()}."
                path.write_text(original.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
                saved = time.perf_counter()
                while marker not in (_get(url) or ""):
                    if time.perf_counter() - saved > 120:
                        raise SystemExit(f"the edit never showed up; see {log}")
                    time.sleep(0.05)
                times.append(time.perf_counter() - saved)
                time.sleep(1.5)  # let the server settle before the next save
        finally:
            path.write_text(original, encoding="utf-8")
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return {"guide": guide, "step": step_id, "first_build_s": first, "edits_s": times}


# --- the run ----------------------------------------------------------------------------


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "-"
    return {
        "cores": os.cpu_count(),
        "cpu": model or platform.processor(),
        "python": platform.python_version(),
        "system": platform.platform(),
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "packages": versions,
        "load_at_start": os.getloadavg()[0],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=3, help="repetitions of each build")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="work folder")
    parser.add_argument("--skip-plain", action="store_true", help="no plain Material builds")
    parser.add_argument("--skip-100k", action="store_true", help="check at 10,000 steps only")
    parser.add_argument("--quick", action="store_true", help="one repetition, small scales")
    parser.add_argument("--keep", action="store_true", help="keep the packages and sites")
    args = parser.parse_args(argv)
    if args.quick:
        args.reps = 1
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    log = out / "bench.log"
    log.write_text("")
    began = time.perf_counter()
    info = machine()
    say(f"bench: {info['cores']} cores, Python {info['python']}; log in {log}")

    build_scales = (100, 200) if args.quick else BUILD_SCALES
    plain_scales = () if args.skip_plain else ((100,) if args.quick else PLAIN_SCALES)
    check_scales = (1000, 2000) if args.quick else CHECK_SCALES[: 1 if args.skip_100k else 2]

    packages = {}
    for steps in build_scales:
        say(f"generating {steps:,} steps")
        packages[steps] = make_package(out, steps)
    gp = {n: Series("guidepack", n) for n in build_scales}
    bare = {n: Series("guidepack, pages only", n) for n in build_scales}
    plain = {n: Series("plain Material", n) for n in plain_scales}
    short = {n: Series("plain Material, short nav", n) for n in plain_scales}
    plain_dirs = {}
    for steps in build_scales:
        say(f"exporting {steps:,} steps as a plain docs tree")
        plain_dirs[steps], gp[steps].pages = export_plain(packages[steps][0], log)
        bare[steps].pages = gp[steps].pages
        if steps in plain:
            plain[steps].pages = short[steps].pages = gp[steps].pages
    sizes: dict[int, dict] = {}
    searches: dict[int, dict] = {}
    for rep in range(args.reps):
        for steps in build_scales:
            root = packages[steps][0]
            site = out / f"site-gp-{steps}"
            say(f"[{rep + 1}/{args.reps}] guidepack build, {steps:,} steps")
            gp[steps].runs.append(build_guidepack(root, site, log))
            if rep == 0:
                sizes[steps] = page_sizes(site)
                if steps in SEARCH_SCALES or args.quick:
                    say(f"first search, {steps:,} steps")
                    searches[steps] = search_transfer(site)
            say(f"[{rep + 1}/{args.reps}] guidepack build, pages only, {steps:,} steps")
            bare[steps].runs.append(build_pages_only(root, site, log))
            shutil.rmtree(site, ignore_errors=True)
            if steps in plain:
                site = out / f"site-plain-{steps}"
                say(f"[{rep + 1}/{args.reps}] plain Material build, {steps:,} steps")
                plain[steps].runs.append(build_plain(plain_dirs[steps], site, log))
                say(f"[{rep + 1}/{args.reps}] plain Material build with a short nav")
                config = "mkdocs-short-nav.yml"
                short[steps].runs.append(build_plain(plain_dirs[steps], site, log, config))
                shutil.rmtree(site, ignore_errors=True)

    mid = build_scales[len(build_scales) // 2]
    say(f"preview of one guide in the {mid:,}-step package")
    preview_result = {"steps": mid, **preview(*packages[mid], log)}

    checks: dict[int, dict] = {}
    for steps in check_scales:
        say(f"generating {steps:,} steps for check")
        root, _ = make_package(out, steps)
        runs, floors = [], []
        for rep in range(args.reps):
            say(f"[{rep + 1}/{args.reps}] check and floor, {steps:,} steps")
            floors.append(measure([PY, str(HERE / "floor.py"), str(root)], root, log))
            runs.append(measure([PY, "build.py", "check"], root, log))
        checks[steps] = {"check": runs, "floor": floors}
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if not args.keep:
        for steps, (root, _) in packages.items():
            shutil.rmtree(root, ignore_errors=True)
            shutil.rmtree(plain_dirs[steps], ignore_errors=True)

    info["load_at_end"] = os.getloadavg()[0]
    info["minutes"] = (time.perf_counter() - began) / 60
    report = render(info, gp, bare, plain, short, sizes, searches, checks, preview_result, args)
    print(report)
    (out / "results.md").write_text(report + "\n", encoding="utf-8")
    data = {
        "machine": info,
        "builds": [
            {**asdict(s), "ms_per_page": s.ms_per_page}
            for s in [*gp.values(), *bare.values(), *plain.values(), *short.values()]
        ],
        "sizes": sizes,
        "first_search": searches,
        "check": {n: {k: [asdict(r) for r in v] for k, v in c.items()} for n, c in checks.items()},
        "preview": preview_result,
    }
    (out / "results.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


def render(info, gp, bare, plain, short, sizes, searches, checks, preview_result, args) -> str:
    """The results as Markdown tables, with each target met or missed."""
    lines = [
        f"Machine: {info['cores']} cores ({info['cpu']}), Python {info['python']}, "
        f"{info['system']}; libyaml {'yes' if info['libyaml'] else 'no'}.",
        "Packages: " + ", ".join(f"{k} {v}" for k, v in info["packages"].items()) + ".",
        f"Load average (1 min) at start {info['load_at_start']:.1f}, at end "
        f"{info['load_at_end']:.1f}; the whole run took {info['minutes']:.1f} min.",
        "",
        f"Builds (median of {args.reps}, alternating; wall and CPU = user + sys seconds):",
        "",
        "| build | steps | pages | wall s | ms/page | CPU s | CPU ms/page | peak MiB "
        "| step page KB (median / max) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for s in [*gp.values(), *bare.values(), *plain.values(), *short.values()]:
        size = sizes.get(s.steps) if s.name == "guidepack" else None
        weight = f"{size['step_median_kb']:.1f} / {size['step_max_kb']:.1f}" if size else ""
        lines.append(
            f"| {s.name} | {s.steps:,} | {s.pages:,} | {s.median('wall'):.1f} | "
            f"{s.ms_per_page:.1f} | {s.median('cpu'):.1f} | {s.cpu_ms_per_page:.1f} | "
            f"{s.median('peak_mib'):.0f} | {weight} |"
        )
    biggest = max(gp)
    if not args.skip_plain and biggest not in plain:
        lines.append(
            f"| plain Material | {biggest:,} | | skipped: ~10 min or more a build "
            "(quadratic nav) | | | | | |"
        )
    lines += ["", "What a reader downloads, and what the new outputs weigh (KB):", ""]
    lines += [
        "| steps | package page (HTML + SVG) | of which SVG | first search | files | exact "
        "title first | search index | offline ZIP | PDFs | PowerPoints |",
        "|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for steps, size in sizes.items():
        found = searches.get(steps)
        search = " | | "
        if found:
            first = "yes" if found["exact_title_first"] else "NO"
            search = f"{found['kb']:.0f} | {found['files']} | {first}"
        lines.append(
            f"| {steps:,} | {size['package_total_kb']:.0f} | {size['package_svg_kb']:.0f} | "
            f"{search} | {size['pagefind_kb']:.0f} | {size['offline_zip_kb']:.0f} | "
            f"{size['pdf_kb']:.0f} | {size['pptx_kb']:.0f} |"
        )
    lines += ["", f"check (median of {args.reps}) beside the floor (read + parse YAML):", ""]
    lines += [
        "| steps | check wall s | check CPU s | peak MiB | floor wall s | floor CPU s "
        "| check / floor (wall) | (CPU) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for steps, c in checks.items():
        cw = statistics.median(r.wall for r in c["check"])
        cc = statistics.median(r.cpu for r in c["check"])
        fw = statistics.median(r.wall for r in c["floor"])
        fc = statistics.median(r.cpu for r in c["floor"])
        mem = statistics.median(r.peak_mib for r in c["check"])
        lines.append(
            f"| {steps:,} | {cw:.2f} | {cc:.2f} | {mem:.0f} | {fw:.2f} | {fc:.2f} | "
            f"{cw / fw:.2f} | {cc / fc:.2f} |"
        )
    edits = preview_result["edits_s"]
    lines += [
        "",
        f"Preview (`build.py serve --guide {preview_result['guide']}`, "
        f"{preview_result['steps']:,}-step package): first page served after "
        f"{preview_result['first_build_s']:.1f} s; save to rebuilt page "
        + ", ".join(f"{t:.2f}" for t in edits)
        + f" s (median {statistics.median(edits):.2f} s).",
        "",
        "Targets:",
        "",
    ]
    lines += [f"- {t}" for t in targets(gp, plain, sizes, searches, checks, edits)]
    for steps in gp:
        if bare[steps].runs:
            extra = gp[steps].median("wall") - bare[steps].median("wall")
            lines.append(
                f"- for reference: at {steps:,} steps the search index, offline edition and "
                f"hand-outs add {extra:.1f} s to a {bare[steps].median('wall'):.1f} s build "
                f"(x{gp[steps].median('wall') / bare[steps].median('wall'):.2f})"
            )
    mid = 1000 if 1000 in short else max(short, default=None)
    if mid in short:
        over = gp[mid].ms_per_page - short[mid].ms_per_page
        lines.append(
            f"- for reference: plain Material with a short nav (the same pages, no long nav) "
            f"takes {short[mid].ms_per_page:.1f} ms/page at {mid:,} steps; guidepack adds "
            f"{over:.1f} ms/page to that (its generated pages, decks and sanitising)"
        )
    return "\n".join(lines)


def targets(gp, plain, sizes, searches, checks, edits) -> list[str]:
    found = []

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    small, large = min(gp), max(gp)
    ratio = gp[large].ms_per_page / gp[small].ms_per_page
    cpu_ratio = gp[large].cpu_ms_per_page / gp[small].cpu_ms_per_page
    found.append(
        f"linear: ms/page at {large:,} steps / at {small:,} = {ratio:.2f} (CPU {cpu_ratio:.2f}); "
        f"target <= {TARGETS['linear']}: {verdict(ratio <= TARGETS['linear'])}"
    )
    mid = 1000 if 1000 in gp else sorted(gp)[len(gp) // 2]
    if mid in plain:
        vs = gp[mid].median("wall") / plain[mid].median("wall")
        found.append(
            f"fast: guidepack / plain Material at {mid:,} steps = {vs:.2f}; target <= "
            f"{TARGETS['vs_plain']}: {verdict(vs <= TARGETS['vs_plain'])}"
        )
    ms = gp[mid].ms_per_page
    found.append(
        f"fast: {ms:.1f} ms/page at {mid:,} steps (CPU {gp[mid].cpu_ms_per_page:.1f}); target <= "
        f"{TARGETS['ms_per_page']:.0f} (stretch 12): {verdict(ms <= TARGETS['ms_per_page'])}"
    )
    worst = statistics.median(edits)
    found.append(
        f"preview: save to page {worst:.2f} s (median; slowest {max(edits):.2f}); target < "
        f"{TARGETS['preview_s']:.0f} s: {verdict(max(edits) < TARGETS['preview_s'])}"
    )
    for steps, c in checks.items():
        cw = statistics.median(r.wall for r in c["check"])
        fw = statistics.median(r.wall for r in c["floor"])
        mem = max(r.peak_mib for r in c["check"])
        found.append(
            f"check at {steps:,}: {cw / fw:.2f} x the floor, {mem:.0f} MiB; target <= "
            f"{TARGETS['check_vs_floor']} x and < {TARGETS['check_mib']} MiB: "
            f"{verdict(cw / fw <= TARGETS['check_vs_floor'] and mem < TARGETS['check_mib'])}"
        )
    if len(checks) == 2:
        (a, ca), (b, cb) = sorted(checks.items())
        growth = statistics.median(r.wall for r in cb["check"]) / statistics.median(
            r.wall for r in ca["check"]
        )
        found.append(f"check growth {a:,} -> {b:,} steps: x{growth:.1f} for x{b // a} the steps")
    heaviest = max(s["step_max_kb"] for s in sizes.values())
    found.append(
        f"page weight: largest step page {heaviest:.1f} KB; target < "
        f"{TARGETS['step_page_kb']} KB: {verdict(heaviest < TARGETS['step_page_kb'])}"
    )
    for steps, limit in TARGETS["package_page_kb"].items():
        if steps in sizes:
            kb = sizes[steps]["package_total_kb"]
            found.append(
                f"page weight: package page {kb:.0f} KB at {steps:,} steps; target < "
                f"{limit} KB: {verdict(kb < limit)}"
            )
    if searches:
        steps = max(searches)
        kb, limit = searches[steps]["kb"], TARGETS["first_search_kb"]
        found.append(
            f"search: a first search at {steps:,} steps downloads {kb:.0f} KB; target < "
            f"{limit} KB: {verdict(kb < limit)}"
        )
    return found


if __name__ == "__main__":
    sys.exit(main())
