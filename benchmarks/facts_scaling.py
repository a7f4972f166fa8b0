"""Time ``align_story`` on 8, 64 and 256 articles: perturbed copies of the bundled story's.

    python benchmarks/facts_scaling.py [STORY]

Each copy has its own id, its paragraphs shuffled and one left out (seeded, so runs repeat), so
copies are alike but not identical, as several outlets retelling one story are. The cache is
not used. The issue's budget: t(64) at most 12 times t(8), and under 10 s.
"""

from __future__ import annotations

import dataclasses
import random
import sys
import time

from reader.content import resolve_story
from reader.facts.align import align_story
from reader.models import Article, Story

SIZES = (8, 64, 256)


def perturbed(article: Article, copy: int) -> Article:
    """A copy of an article with its paragraphs shuffled and one dropped."""
    paragraphs = [p for p in article.body.split("\n\n") if p.strip()]
    rng = random.Random(f"{article.id}/{copy}")
    rng.shuffle(paragraphs)
    if len(paragraphs) > 3:
        paragraphs.pop(rng.randrange(len(paragraphs)))
    return dataclasses.replace(article, id=f"{article.id}-copy{copy}", body="\n\n".join(paragraphs))


def story_of(base: Story, size: int) -> Story:
    articles = tuple(perturbed(base.articles[i % len(base.articles)], i) for i in range(size))
    return dataclasses.replace(base, articles=articles)


def timed(story: Story) -> float:
    start = time.perf_counter()
    align_story(story, use_cache=False)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    base = resolve_story(argv[0] if argv else None)
    timed(story_of(base, 2))  # warm up: lazy imports, dictionaries
    times = {size: timed(story_of(base, size)) for size in SIZES}
    for size, seconds in times.items():
        print(f"t({size}) = {seconds:.2f} s")
    print(f"t(64)/t(8) = {times[64] / times[8]:.1f}  (budget: <= 12, and t(64) < 10 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
