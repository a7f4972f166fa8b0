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


def test_the_collector_rests_during_startup_then_skips_what_it_made() -> None:
    startup.end()  # whatever an earlier test left
    assert gc.isenabled()
    startup.begin()
    try:
        assert not gc.isenabled() and startup.resting()
        made = [[index] for index in range(1000)]  # lives on, like a widget
    finally:
        startup.end()
    assert gc.isenabled() and not startup.resting()
    frozen = gc.get_freeze_count()
    assert frozen >= len(made)  # later collections skip them
    startup.end()  # without begin: nothing changes
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    startup.begin()  # a second start-up (the tests run main many times) lets the first's objects go
    try:
        assert gc.get_freeze_count() == 0
    finally:
        startup.end()


def test_startup_leaves_a_collector_switched_off_alone() -> None:
    startup.end()
    gc.disable()
    try:
        startup.begin()
        assert not startup.resting()
        startup.end()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_command_that_is_not_the_app_runs_with_the_collector_on(capsys, monkeypatch) -> None:
    from reader import cli
    from reader.commands import list_cmd

    seen: list[bool] = []
    real_run = list_cmd.run
    monkeypatch.setattr(list_cmd, "run", lambda args: seen.append(gc.isenabled()) or real_run(args))
    startup.end()
    assert cli.main(["list"]) == 0
    assert seen == [True]  # its work is not start-up
    assert gc.isenabled() and not startup.resting()


def test_the_app_ends_the_startup_once_it_has_drawn(tmp_path, monkeypatch) -> None:
    from reader.tui.app import ReaderApp
    from tests.tui_helpers import drive, make_story, user_dirs

    user_dirs(monkeypatch, tmp_path)
    story = make_story(tmp_path / "content")
    startup.end()
    startup.begin()
    states: list[bool] = []

    async def steps(app, pilot):
        states.append(gc.isenabled())

    try:
        drive(ReaderApp([story]), steps)
    finally:
        startup.end()
    assert states == [True]
