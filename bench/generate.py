"""Synthetic packages in the real content model, for the benchmark.

`generate(root, guides=G, steps=S, seed=N)` writes a complete repository copy under `root`:
G guides of S steps each (guides/<slug>/index.md with a pitch block, NN-<slug>.md steps
with every front matter key), a minimal docs/ shell, theory/ and interviews/ index pages,
and the repository's mkdocs.yml, build.py and theme overrides. Step bodies are ~400
words with headings, lists, a table and links to the steps they name. About 10% of
requirements name a step of an earlier guide, mostly of the first few (the foundations).
Everything follows from the seed: the same arguments write the same bytes.

    python bench/generate.py OUT --guides 50 --steps 20 [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CROSS_SHARE = 0.15  # steps that also require a step of an earlier guide: ~10% of requirements
FOUNDATION_GUIDES = 3  # cross-guide requirements mostly point at the first guides
ESSENTIAL_GUIDES = 2


def _words(text: str) -> list[str]:
    return text.split()


VERBS = _words(
    "agree choose draft find hire launch map open plan price raise recruit register "
    "review run secure set-up sign survey test train write budget publish insure"
)
NOUNS = _words(
    "budget members premises lease rules board accounts suppliers volunteers policy "
    "partners funding shares contract rota survey website insurance training licence "
    "pricing stock roles plan meeting"
)
SECTORS = _words(
    "bakery repair-cafe laundry childcare transport broadband library brewery forestry "
    "fishery pharmacy cinema pub dairy orchard tool-library makerspace hostel bikes solar"
)
WORDS = _words(
    "community members group council local people meeting plan money shares time costs "
    "risk rules board vote decision partners suppliers customers volunteers staff workers "
    "budget income grant loan bank account lease premises insurance licence training "
    "neighbours residents town village street market shop service care food energy homes "
    "share agree check write keep ask offer start build grow open review publish record "
    "fair simple clear early small honest careful open regular written shared public "
    "every each most some many few other first next last whole"
)
INVOLVE = (
    "founding group",
    "members",
    "volunteers",
    "local council",
    "suppliers",
    "residents",
    "a solicitor",
    "the board",
    "young people",
    "older residents",
)
TIMES = ("3 days", "1-2 weeks", "2-4 weeks", "1-3 months", "3-6 months", "6-12 months")
COSTS = ("£0", "£50", "£100-500", "£200-1,500", "£500-2,000", "£1,000-10,000")
PAGES = {
    "docs/index.md": "---\ntitle: Home\nhide: [navigation, toc]\n---\n\n# Home\n\nWelcome.\n",
    "docs/blog/index.md": "# News\n",
    "theory/index.md": "---\ntitle: Theory\nsummary: Essays.\n---\n\nEssays on change.\n",
    "interviews/index.md": "---\ntitle: Interviews\nsummary: Talks.\n---\n\nNone yet.\n",
}


@dataclass
class Plan:
    """What was written: guide slugs, step ids per guide, and the requirements."""

    guides: list[str] = field(default_factory=list)
    steps: dict[str, list[str]] = field(default_factory=dict)
    requires: dict[str, list[str]] = field(default_factory=dict)

    @property
    def step_count(self) -> int:
        return sum(len(v) for v in self.steps.values())

    @property
    def cross(self) -> int:
        return sum(
            r.split("/")[0] != s.split("/")[0] for s, rs in self.requires.items() for r in rs
        )


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


class Text:
    """A pool of sentences drawn once from the seed; bodies pick from it (fast at 100k)."""

    def __init__(self, rng: random.Random, size: int = 400):
        self.rng = rng
        self.pool = [_sentence(rng, rng.randint(8, 16)) for _ in range(size)]

    def sentences(self, n: int) -> str:
        return " ".join(self.rng.choice(self.pool) for _ in range(n))


def guide_slug(i: int, rng: random.Random) -> str:
    return f"{rng.choice(SECTORS)}-{i:04d}"


def step_title(rng: random.Random) -> str:
    verb = rng.choice(VERBS).replace("-", " ")
    return f"{verb.capitalize()} the {rng.choice(NOUNS)}"


def _slugify(title: str, n: int) -> str:
    return "-".join(title.lower().split()) + f"-{n}"


def guide_index(title: str, essential: bool, text: Text) -> str:
    rng = text.rng
    return (
        "---\n"
        f"title: {title}\n"
        f"summary: {text.sentences(1)}\n"
        f"essential: {'true' if essential else 'false'}\n"
        "maintainers: [bench generator]\n"
        "pitch:\n"
        f"  problem: {text.sentences(2)}\n"
        f"  offer: {text.sentences(2)}\n"
        f"  who_benefits: [{', '.join(rng.sample(INVOLVE, 3))}]\n"
        f'  costs: "{text.sentences(1)} Typically {rng.choice(COSTS)}."\n'
        f"  first_steps: [{', '.join(rng.choice(VERBS) + ' early' for _ in range(3))}]\n"
        "  examples:\n"
        f"    - {{title: Example {rng.randint(1, 999)}, url: 'https://example.org/e'}}\n"
        f"  ask: {text.sentences(1)}\n"
        "---\n\n"
        f"{text.sentences(5)}\n\n"
        f"## Before you start\n\n{text.sentences(4)}\n"
    )


def step_file(
    title: str,
    requires: list[str],
    related: list[str],
    links: list[tuple[str, str]],
    text: Text,
) -> str:
    """One step: full front matter and a ~400 word body. `links`: (title, relative .md)."""
    rng = text.rng
    front = [
        "---",
        f"title: {title}",
        f"summary: {text.sentences(1)}",
        f"requires: [{', '.join(requires)}]",
        f"related: [{', '.join(related)}]",
        f"involve: [{', '.join(rng.sample(INVOLVE, rng.randint(1, 3)))}]",
        f'effort: {{time: {rng.choice(TIMES)}, cost: "{rng.choice(COSTS)}"}}',
        "resources:",
    ]
    for _ in range(rng.randint(1, 3)):
        n = rng.randint(1, 9999)
        front.append(f"  - {{title: Resource {n}, url: 'https://example.org/r/{n}'}}")
    front.append("---")
    see = " ".join(f"See [{t}]({href})." for t, href in links)
    todo = "\n".join(f"{i}. **{rng.choice(VERBS).capitalize()}** {text.sentences(3)}" for i in (
        1, 2, 3, 4, 5))  # fmt: skip
    rows = "\n".join(
        f"| {rng.choice(NOUNS)} | {rng.choice(TIMES)} | {rng.choice(COSTS)} |" for _ in range(3)
    )
    pitfalls = "\n".join(f"- {text.sentences(1)}" for _ in range(4))
    body = (
        f"## Why it matters\n\n{text.sentences(6)} {see}\n\n"
        f"## What to do\n\n{todo}\n\n"
        f"## Who to involve\n\n{text.sentences(4)}\n\n"
        f"| What | Time | Cost |\n| --- | --- | --- |\n{rows}\n\n"
        f"## Common pitfalls\n\n{pitfalls}\n"
    )
    return "\n".join(front) + "\n\n" + body


def _link(from_guide: str, step_id: str) -> str:
    guide, slug = step_id.split("/")
    return f"{slug}.md" if guide == from_guide else f"../{guide}/{slug}.md"


def generate(root: Path, guides: int, steps: int, seed: int = 1, *, shell: bool = True) -> Plan:
    """Write a package of `guides` x `steps` steps (and, with `shell`, a repository copy)."""
    rng = random.Random(seed)
    text = Text(rng)
    root.mkdir(parents=True, exist_ok=True)
    plan = Plan()
    titles: dict[str, str] = {}
    files: dict[str, str] = {}
    for gi in range(guides):
        slug = guide_slug(gi, rng)
        plan.guides.append(slug)
        files[f"guides/{slug}/index.md"] = guide_index(
            f"Start a {slug.rsplit('-', 1)[0].replace('-', ' ')} ({gi})",
            gi < ESSENTIAL_GUIDES,
            text,
        )
        ids: list[str] = []
        plan.steps[slug] = ids
        for si in range(steps):
            title = step_title(rng)
            step_slug = _slugify(title, si + 1)
            step_id = f"{slug}/{step_slug}"
            requires = [ids[-1]] if ids else []
            if len(ids) >= 3 and rng.random() < 0.3:
                requires.insert(0, ids[rng.randrange(len(ids) - 2)])
            if gi > 0 and rng.random() < CROSS_SHARE:
                if rng.random() < 0.5:
                    other = plan.guides[rng.randrange(min(gi, FOUNDATION_GUIDES))]
                else:
                    other = plan.guides[rng.randrange(max(0, gi - 10), gi)]
                requires.append(rng.choice(plan.steps[other]))
            related = []
            if ids and rng.random() < 0.2:
                related.append(rng.choice(ids))
            links = [(titles[r], _link(slug, r)) for r in [*requires, *related]]
            name = f"guides/{slug}/{si + 1:02d}-{step_slug}.md"
            files[name] = step_file(title, requires, related, links, text)
            titles[step_id] = title
            plan.requires[step_id] = requires
            ids.append(step_id)
    if shell:
        files.update(PAGES)
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    if shell:
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copy(REPO / "build.py", root / "build.py")
        shutil.copytree(REPO / "overrides", root / "overrides", dirs_exist_ok=True)
        plugins = root / "plugins"
        if not plugins.exists():
            os.symlink(REPO / "plugins", plugins, target_is_directory=True)
    return plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="an empty or new folder")
    parser.add_argument("--guides", type=int, default=50)
    parser.add_argument("--steps", type=int, default=20, help="steps per guide")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    plan = generate(args.out, args.guides, args.steps, args.seed)
    print(f"{len(plan.guides)} guides, {plan.step_count} steps, {plan.cross} cross-guide requires")


if __name__ == "__main__":
    main()
