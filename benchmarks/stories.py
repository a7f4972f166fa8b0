"""Perturbed stories for the benchmarks, built from the bundled one.

``build_story(folder, size)`` writes a story of ``size`` articles: copies of the bundled articles,
each with its own id and outlet, its numbers and dates changed and the sentences of every
paragraph shuffled (seeded, so runs repeat). Copies are alike but not identical, as many outlets
retelling one story are. ``build_big_story(folder, megabytes)`` writes a story of one very long
article. Both write with ``reader.content.write_article``, so the files are real content.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from pathlib import Path

from reader.content import resolve_story, write_article, write_story_meta
from reader.models import Article, Story
from reader.text import paragraph_spans, sentence_spans

_NUMBER = re.compile(r"\d+")


def bundled_story() -> Story:
    """The bundled story, the source of every copy."""
    return resolve_story(None)


def changed_number(digits: str, rng: random.Random) -> str:
    """Another number with as many digits (a year stays a plausible year), or the same one."""
    if rng.random() < 0.5:
        return digits
    value = int(digits)
    if len(digits) == 4 and 1900 <= value <= 2099:
        return str(value + rng.choice((-1, 1)))
    low = 10 ** (len(digits) - 1) if len(digits) > 1 else 0
    return str(rng.randint(low, 10 ** len(digits) - 1))


def shuffled_paragraph(body: str, start: int, end: int, rng: random.Random) -> str:
    """The paragraph ``body[start:end]`` with its sentences in another order."""
    spans = [(s, e) for s, e, _ in sentence_spans(body[start:end])]
    pieces = [body[start:end][s:e] for s, e in spans]
    rng.shuffle(pieces)
    joiner = " " if pieces and pieces[0].isascii() else ""
    return joiner.join(pieces)


def perturbed_body(body: str, rng: random.Random) -> str:
    """The body with each paragraph's sentences shuffled and its numbers changed."""
    paragraphs = [shuffled_paragraph(body, s, e, rng) for s, e in paragraph_spans(body)]
    return _NUMBER.sub(lambda m: changed_number(m.group(), rng), "\n\n".join(paragraphs))


def shifted_date(published: str | None, days: int) -> str | None:
    """An ISO date moved by some days; an unknown date stays unknown."""
    if not published:
        return None
    return (dt.date.fromisoformat(published) + dt.timedelta(days=days)).isoformat()


def perturbed_article(article: Article, copy: int) -> Article:
    """A copy of an article as another outlet might have written it."""
    rng = random.Random(f"{article.id}/{copy}")
    return dataclasses.replace(
        article,
        id=f"{article.id}-c{copy:03d}",
        outlet=f"{article.outlet or 'Outlet'} {copy}",
        body=perturbed_body(article.body, rng),
        published=shifted_date(article.published, rng.randint(-3, 3)),
        raw=None,
        source=None,
        content_hash=None,
        path=None,
    )


def build_story(folder: Path, size: int, base: Story | None = None) -> Path:
    """Write a story of ``size`` perturbed copies of the base story's articles; return its folder."""
    base = base or bundled_story()
    story_dir = Path(folder) / f"{base.id}-x{size}"
    story_dir.mkdir(parents=True, exist_ok=True)
    write_story_meta(story_dir, f"{base.title} ({size} copies)", language=base.language)
    for copy in range(size):
        write_article(story_dir, perturbed_article(base.articles[copy % len(base.articles)], copy), force=True)
    return story_dir


def longest_chinese(story: Story) -> Article:
    """The story's longest Chinese article (where 简/繁 conversion does its work)."""
    chinese = [a for a in story.articles if (a.language or "").startswith("zh")] or list(story.articles)
    return max(chinese, key=lambda a: len(a.body.encode("utf-8")))


def build_big_story(folder: Path, megabytes: float = 5.0, base: Story | None = None) -> tuple[Path, str]:
    """Write a story of one article of about ``megabytes`` MB; return its folder and the article id."""
    base = base or bundled_story()
    seed = longest_chinese(base)
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size, copy = 0, 0
    while size < target:
        part = perturbed_body(seed.body, random.Random(f"big/{copy}"))
        parts.append(part)
        size += len(part.encode("utf-8")) + 2
        copy += 1
    article = dataclasses.replace(
        seed, id=f"{seed.id}-big", body="\n\n".join(parts), raw=None, source=None, content_hash=None, path=None
    )
    story_dir = Path(folder) / f"{base.id}-big"
    story_dir.mkdir(parents=True, exist_ok=True)
    write_story_meta(story_dir, f"{base.title} (one {megabytes:g} MB article)", language=base.language)
    write_article(story_dir, article, force=True)
    return story_dir, article.id
