"""The content store (render/parse round trip, broken files) and the bundled story."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.content import (
    load_story,
    parse_article,
    render_article,
    resolve_story,
    write_article,
    write_raw,
)
from reader.errors import ReaderError
from reader.ingest import clean_bytes, content_hash
from reader.models import Article
from reader.paths import BUNDLED_STORY_ID, bundled_content_dir

ARTICLE = Article(
    id="nbd-2025-09-09",
    body="第一段：“引语。”\n\n---\n\nSecond paragraph: with a colon, # and a --- line above.",
    outlet="每日经济新闻",
    title="每经热评︱雷军挥泪“斩”王腾: a title",
    url="https://www.nbd.com.cn/articles/2025-09-09/4053702.html",
    published="2025-09-09",
    language="zh-Hans",
    author=None,
    raw="raw/000.txt",
    imported="2025-09-10",
    source="000.txt",
    content_hash="abc",
)


def test_render_parse_round_trip():
    parsed = parse_article(render_article(ARTICLE))
    assert parsed == ARTICLE


def test_round_trip_keeps_yaml_lookalike_values_as_text():
    tricky = Article(id="x", body="body", title="yes", outlet="null", author="2025-01-01: no")
    parsed = parse_article(render_article(tricky))
    assert (parsed.title, parsed.outlet, parsed.author) == ("yes", "null", "2025-01-01: no")


def test_broken_file_reported_by_name_while_the_rest_loads(tmp_path):
    write_article(tmp_path, ARTICLE)
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    (tmp_path / "nofront.md").write_text("just text\n", encoding="utf-8")
    (tmp_path / "latin1.md").write_bytes("---\nid: x\n---\ncaf\xe9\n".encode("latin-1"))
    story = load_story(tmp_path)
    assert [a.id for a in story.articles] == [ARTICLE.id]
    assert sorted(p.path.name for p in story.problems) == ["broken.md", "latin1.md", "nofront.md"]
    assert all("\n" not in str(p) for p in story.problems)


def test_existing_article_never_overwritten_without_force(tmp_path):
    write_article(tmp_path, ARTICLE)
    with pytest.raises(ReaderError, match="already exists"):
        write_article(tmp_path, ARTICLE)
    write_article(tmp_path, Article(id=ARTICLE.id, body="new"), force=True)
    assert load_story(tmp_path).articles[0].body == "new"


def test_raw_copy_kept_and_not_replaced_by_other_bytes(tmp_path):
    assert write_raw(tmp_path, "/somewhere/000.txt", b"abc") == "raw/000.txt"
    assert write_raw(tmp_path, "000.txt", b"abc") == "raw/000.txt"
    with pytest.raises(ReaderError):
        write_raw(tmp_path, "000.txt", b"other")
    assert (tmp_path / "raw" / "000.txt").read_bytes() == b"abc"


# ---------------------------------------------------------------- the bundled story

BUNDLED = bundled_content_dir() / BUNDLED_STORY_ID
EXPECTED = {
    # outlet: (url, published, language)
    "每日经济新闻": ("https://www.nbd.com.cn/articles/2025-09-09/4053702.html", "2025-09-09", "zh-Hans"),
    "网易号": (None, None, "zh-Hant"),
    "私域商业观察": ("https://m.mxgxt.com/news/view/1778988", "2025-09-12", "zh-Hans"),
    None: (None, None, "en"),
}


def test_bundled_story_loads_with_expected_metadata():
    story = resolve_story(None)
    assert story.id == BUNDLED_STORY_ID
    assert story.problems == ()
    found = {a.outlet: (a.url, a.published, a.language) for a in story.articles}
    assert found == EXPECTED
    assert {a.author for a in story.articles} == {None}
    assert all(a.title for a in story.articles if a.outlet != "网易号")


def test_bundled_bodies_are_what_the_importer_makes_of_the_raw_copies():
    """No hand edits: each stored body is exactly the importer's output for its raw file."""
    story = load_story(BUNDLED)
    for article in story.articles:
        raw = Path(story.path) / str(article.raw)
        cleaned = clean_bytes(raw.read_bytes(), raw.name)
        assert article.body == cleaned.body, article.id
        assert article.content_hash == content_hash(article.body)
        assert article.title == cleaned.found.title
