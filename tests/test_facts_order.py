"""The alignment does not depend on the articles' ids or their order in the story: renaming an
article (which once changed which article founded each fact) or reversing the story keeps the
development sample's facts and gives the same sentences grouped the same way."""

from __future__ import annotations

import dataclasses

import pytest

from reader.content import resolve_story
from reader.facts.align import align_story
from reader.models import Fact, Story
from tests.test_facts_bundled import AGREEMENTS, FOLLOWERS, HENAN


def _renamed(story: Story, shift: int, *, reverse: bool) -> tuple[Story, dict[str, str]]:
    """The story with its articles renamed so their ids sort in another order (rotated by
    ``shift``) and, if asked, reversed; also the map back to the original ids."""
    size = len(story.articles)
    articles = [dataclasses.replace(a, id=f"{(n + shift) % size}-{a.id[::-1]}") for n, a in enumerate(story.articles)]
    back = {new.id: old.id for new, old in zip(articles, story.articles, strict=True)}
    return dataclasses.replace(story, articles=tuple(reversed(articles) if reverse else articles)), back


def _grouping(facts: list[Fact], back: dict[str, str] | None = None) -> set[tuple[str, frozenset]]:
    """Each fact as its status and the set of (original article id, sentence start) it holds."""
    back = back or {}
    return {(f.status, frozenset((back.get(m.article_id, m.article_id), m.start) for m in f.mentions)) for f in facts}


def _holding(facts: list[Fact], fragments: tuple[str, ...]) -> list[Fact]:
    return [f for f in facts if all(any(frag in m.sentence for m in f.mentions) for frag in fragments)]


@pytest.fixture(scope="module")
def original() -> list[Fact]:
    return align_story(resolve_story(None), use_cache=False)


@pytest.mark.parametrize(("shift", "reverse"), [(1, False), (2, True), (3, False), (0, True)])
def test_renamed_or_reordered_story_aligns_the_same(original: list[Fact], shift: int, reverse: bool) -> None:
    story, back = _renamed(resolve_story(None), shift, reverse=reverse)
    facts = align_story(story, use_cache=False)
    assert _grouping(facts, back) == _grouping(original)
    for fragments in AGREEMENTS:
        assert any(f.status == "agree" for f in _holding(facts, fragments)), fragments
    for fragments in (HENAN, FOLLOWERS):
        assert [f.status for f in _holding(facts, fragments)] == ["conflict"]


def test_english_article_renamed_alone_keeps_the_apology() -> None:
    story = resolve_story(None)
    english = next(a for a in story.articles if (a.language or "").startswith("en"))
    for new_id in ("000-first", "zzz-last"):
        renamed = dataclasses.replace(
            story, articles=tuple(dataclasses.replace(a, id=new_id) if a is english else a for a in story.articles)
        )
        facts = align_story(renamed, use_cache=False)
        assert _holding(facts, AGREEMENTS[2]), new_id
