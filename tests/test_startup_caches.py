"""The caches that let a story open without a YAML parser or the quotation finder, and the
start-up tuning of the garbage collector."""

from __future__ import annotations

import gc

import pytest

from reader import content, quotes, quotes_cache, startup
from reader.content import load_story, write_article
from reader.models import Article
from reader.paths import cache_dir

BODY = "雷军说：“我们不会放弃。”他还表示“小米大帝之姿”只是玩笑。"


def _article(**changes) -> Article:
    fields = dict(id="a1", outlet="Outlet", title="Title", url=None, published="2025-09-08",
                  language="zh-Hans", author=None, body=BODY)  # fmt: skip
    fields.update(changes)
    return Article(**fields)


def test_front_matter_read_once_is_read_back_without_parsing(tmp_path, monkeypatch) -> None:
    write_article(tmp_path, _article())
    first = load_story(tmp_path).articles[0]
    monkeypatch.setattr(content, "_parse_front", lambda front: pytest.fail("parsed again"))
    again = load_story(tmp_path).articles[0]
    assert again == first and again.outlet == "Outlet" and again.published == "2025-09-08"


def test_edited_front_matter_misses_the_cache(tmp_path) -> None:
    write_article(tmp_path, _article())
    load_story(tmp_path)
    path = tmp_path / "a1.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Outlet", "Other Outlet"), encoding="utf-8")
    assert load_story(tmp_path).articles[0].outlet == "Other Outlet"


def test_a_damaged_front_matter_cache_file_is_ignored(tmp_path) -> None:
    write_article(tmp_path, _article())
    load_story(tmp_path)
    for cached in (cache_dir() / "front-matter").glob("*.json"):
        cached.write_text('{"outlet": 5}', encoding="utf-8")
    assert load_story(tmp_path).articles[0].outlet == "Outlet"


def test_broken_front_matter_is_still_reported(tmp_path) -> None:
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    story = load_story(tmp_path)
    assert not story.articles and "not valid YAML" in story.problems[0].reason


def test_quotations_are_found_once_then_read_back(monkeypatch) -> None:
    found = quotes_cache.find_quotes(BODY, "a1")
    assert found == quotes.find_quotes(BODY, "a1") and found
    monkeypatch.setattr(quotes, "find_quotes", lambda body, article_id="": pytest.fail("found again"))
    assert quotes_cache.find_quotes(BODY, "a1") == found
    assert {q.article_id for q in quotes_cache.find_quotes(BODY, "other")} == {"other"}


def test_another_body_misses_the_quotation_cache() -> None:
    quotes_cache.find_quotes(BODY, "a1")
    edited = BODY.replace("不会放弃", "一定坚持")
    assert quotes_cache.find_quotes(edited, "a1")[0].text == "我们一定坚持。"


def test_a_damaged_quotation_cache_file_is_ignored() -> None:
    expected = quotes_cache.find_quotes(BODY, "a1")
    for cached in (cache_dir() / "quotes").glob("*.json"):
        cached.write_text('[[0, 1, "x", "shout", null, "", 0]]', encoding="utf-8")
    assert quotes_cache.find_quotes(BODY, "a1") == expected


def test_startup_collects_young_objects_less_often_until_its_end() -> None:
    startup.end()  # whatever an earlier test left
    usual = gc.get_threshold()
    startup.begin()
    try:
        assert gc.get_threshold()[0] == startup.STARTUP_THRESHOLD
    finally:
        startup.end()
    assert gc.get_threshold() == usual
    startup.end()  # without begin: nothing changes
    assert gc.get_threshold() == usual


def test_a_command_ends_the_startup_tuning_when_it_returns(capsys) -> None:
    from reader import cli

    startup.end()
    usual = gc.get_threshold()
    assert cli.main(["list"]) == 0
    assert gc.get_threshold() == usual
