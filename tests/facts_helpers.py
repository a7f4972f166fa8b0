"""Helpers of the fact-alignment tests: small stories and questions about the facts found."""

from __future__ import annotations

from pathlib import Path

from reader.models import Article, Fact, Story


def story_of(articles: list[Article] | tuple[Article, ...]) -> Story:
    """A story of these articles (not on disk)."""
    return Story(id="t", title="t", path=Path("."), articles=tuple(articles))


def article(aid: str, body: str, language: str | None = "zh-Hans", published: str | None = "2025-09-10") -> Article:
    """An article whose outlet is its id."""
    return Article(id=aid, body=body, outlet=aid, language=language, published=published, title=None)


def linking(facts: list[Fact], *sides: tuple[str, str]) -> list[Fact]:
    """The facts holding, for every side, a sentence of article ``side[0]`` containing ``side[1]``."""
    def holds(fact: Fact, side: tuple[str, str]) -> bool:
        return any(m.article_id == side[0] and side[1] in m.sentence for m in fact.mentions)

    return [f for f in facts if all(holds(f, side) for side in sides)]


def linked(facts: list[Fact], *sides: tuple[str, str]) -> bool:
    """Whether one fact holds a sentence of each side."""
    return bool(linking(facts, *sides))
