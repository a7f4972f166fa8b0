"""The facts of a story seen from one sentence, or as a facts × outlets matrix.

Pure data for the facts panel: which facts a sentence states, how every outlet states each
(or that it is silent), and which sentences state a value another outlet contradicts.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.models import Article, Fact, Mention

STATUS_ORDER = {"conflict": 0, "agree": 1, "single": 2}


@dataclass(frozen=True)
class OutletVersion:
    """How one outlet states a fact: its mentions, or none when it is silent."""

    article: Article
    mentions: tuple[Mention, ...]

    @property
    def silent(self) -> bool:
        return not self.mentions


def _overlaps(mention: Mention, article_id: str, start: int, end: int) -> bool:
    return mention.article_id == article_id and mention.start < end and start < mention.end


def facts_of_sentence(facts: list[Fact], article_id: str, start: int, end: int) -> list[Fact]:
    """Facts with a mention in the sentence ``body[start:end]`` of an article, conflicts first."""
    found = [f for f in facts if any(_overlaps(m, article_id, start, end) for m in f.mentions)]
    return sorted(found, key=lambda f: STATUS_ORDER.get(f.status, 3))


def versions(fact: Fact, articles: tuple[Article, ...] | list[Article]) -> list[OutletVersion]:
    """Every article's mentions of a fact, in the story's order (silent ones included)."""
    return [
        OutletVersion(article, tuple(m for m in fact.mentions if m.article_id == article.id))
        for article in articles
    ]


def matrix(facts: list[Fact]) -> list[Fact]:
    """Facts for the whole-story matrix: conflicts first, then those most outlets state."""
    return sorted(
        facts,
        key=lambda f: (STATUS_ORDER.get(f.status, 3), -len({m.article_id for m in f.mentions}), f.id),
    )


def contradicted_sentences(facts: list[Fact]) -> dict[str, list[tuple[int, int]]]:
    """Per article, the ``(start, end)`` of sentences stating a fact another outlet contradicts.

    Only sentences that give the disputed value are marked: one that merely belongs to the fact
    without a value of its own contradicts nothing.
    """
    marked: dict[str, set[tuple[int, int]]] = {}
    for fact in facts:
        if fact.status != "conflict":
            continue
        for mention in fact.mentions:
            if mention.value is not None:
                marked.setdefault(mention.article_id, set()).add((mention.start, mention.end))
    return {article_id: sorted(spans) for article_id, spans in marked.items()}


def value_text(mention: Mention) -> str:
    """The value as the article writes it, else the normalised value, else the empty string."""
    return mention.display or mention.value or ""
