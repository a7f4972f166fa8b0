"""The app's logic without a screen: layout with offset maps, search, facts views, user state."""

from __future__ import annotations

import json

from reader.factview import contradicted_sentences, facts_of_sentence, matrix, versions
from reader.models import Article, Fact, Mention
from reader.script import Script, fold
from reader.search import find_all, search_story, snippet
from reader.text import split_sentences
from reader.tui.document import BODY, LARGE_ARTICLE, ArticleText, Document, SpanIndex, find_quotes
from reader.tui.styling import safe, styled_line
from reader.userstate import Config, Positions


def _article(body: str, language: str = "zh-Hans", id: str = "a") -> Article:
    return Article(id=id, body=body, outlet="报", title="标题", language=language)


def test_layout_keeps_every_body_character_once_and_in_order():
    body = "第一段，" + "很长的中文句子没有空格。" * 10 + "\n\nSecond paragraph in English words.\n\n第三段。"
    doc = Document.build(_article(body), Script.ORIGINAL, 20)
    lines = [doc.line_text(line) for line in doc.lines if line.block == BODY]
    assert "".join(lines).replace(" ", "") == body.replace("\n", "").replace(" ", "")
    assert all(not text.startswith(("，", "。")) for text in lines)  # kinsoku from the line breaker


def test_layout_maps_offsets_through_a_conversion_that_changes_lengths():
    body = "我们的内存不够。他说：“头发很长。”"
    doc = Document.build(_article(body), Script.TW, 40)
    start = body.index("头发")
    assert doc.shown(start, start + 2) == "頭髮"
    assert doc.shown(body.index("内存"), body.index("不够")) == "記憶體"
    line = doc.line(doc.line_of_body(start))
    assert doc.body_offset_of_line(doc.line_of_body(start)) == doc.body_span(line)[0] <= start
    assert doc.line_of_body(len(body) - 1) == doc.line_count - 1


def _long_article(paragraphs: int) -> Article:
    body = "\n\n".join(f"第{n}段：" + "很长的中文句子没有空格，头发和内存。" * 9 for n in range(paragraphs))
    return _article(body)


def test_a_long_article_is_laid_out_only_where_it_is_read():
    article = _long_article(20_000)
    assert len(article.body) >= LARGE_ARTICLE
    doc = Document.build(article, Script.HANT, 40)
    assert not doc.complete
    line = doc.line(doc.first_body_line)
    assert doc.line_text(line).startswith("第0段：很長的中文句子")
    assert sum(1 for _ in doc.pending()) > 19_000  # the rest waits
    last = len(article.body) - 1
    assert doc.line_text(doc.line(doc.line_of_body(last))).endswith("頭髮和內存。")


def test_a_lazy_layout_ends_as_the_whole_layout():
    article = _long_article(3)
    whole = Document.build(article, Script.HANT, 30)
    lazy = Document(article, Script.HANT, 30)
    middle = lazy.line_of_body(article.body.index("第1段"))
    anchor = lazy.anchor(middle)
    lazy.apply((i, lazy.lay_out(i)) for i in list(lazy.pending()))
    assert [lazy.line_text(x) for x in lazy.lines] == [whole.line_text(x) for x in whole.lines]
    assert lazy.line_of_anchor(anchor) == whole.line_of_body(article.body.index("第1段"))


def test_marks_land_on_the_displayed_characters_of_their_line():
    body = "我们的内存不够。他说：“头发很长。”"
    doc = Document.build(_article(body), Script.TW, 40)
    line = doc.line(doc.line_of_body(0))
    start = body.index("头发")
    spans = [s for s in doc.display_spans(line, [(start, start + 2, "match")]) if s[2] == "match"]
    (left, right, _), = spans
    assert doc.line_text(line)[left - line.start : right - line.start] == "頭髮"


def test_span_index_finds_spans_touching_a_line():
    index = SpanIndex([(0, 5, "a"), (3, 30, "b"), (40, 41, "c")])
    assert {s[2] for s in index.overlapping(10, 20)} == {"b"}
    assert {s[2] for s in index.overlapping(4, 6)} == {"a", "b"}
    assert index.overlapping(31, 40) == []


def test_quotes_of_a_long_article_are_found_in_chunks_with_body_offsets():
    paragraph = "他说：“我们会继续努力。”这是一个“称号”。" * 50
    article = _article("\n\n".join([paragraph] * 60))
    quotes = find_quotes(article)
    assert len(article.body) > 20_000 and quotes
    assert all(article.body[q.start : q.end] == q.text for q in quotes)
    assert len(quotes) == 60 * 100


def test_article_text_finds_the_sentence_of_an_offset():
    text = ArticleText.build(_article("一句。二句。三句。"))
    assert [text.sentence_at(o) for o in (0, 3, 8)] == [0, 1, 2]


def test_search_is_script_and_case_insensitive_with_offsets_into_the_body():
    a = _article("小米辞退王腾。王腾回应。", id="a")
    b = _article("小米辭退王騰。", "zh-Hant", id="b")
    c = _article("Xiaomi fired WANG TENG.", "en", id="c")
    pairs = [(x, split_sentences(x.body, x.id)) for x in (a, b, c)]
    hits = search_story(pairs, "王騰", fold)
    assert [(h.article_id, h.sentence) for h in hits] == [("a", 0), ("a", 1), ("b", 0)]
    assert all({"a": a, "b": b}[h.article_id].body[h.start : h.end] in ("王腾", "王騰") for h in hits)
    assert [h.article_id for h in search_story(pairs, "wang teng", fold)] == ["c"]
    assert find_all("abc", "  ", fold) == []


def test_snippet_marks_the_match_and_stays_on_one_line():
    body = "前面很多字\n" * 5 + "王腾" + "后面很多字" * 5
    start = body.index("王腾")
    piece = snippet(body, start, start + 2, context=6)
    assert piece.text[piece.match_start : piece.match_end] == "王腾"
    assert "\n" not in piece.text and piece.text.startswith("…") and piece.text.endswith("…")


def _fact(fid, status, *mentions):
    return Fact(fid, fid, status, tuple(Mention(a, "s", s, e, v, v) for a, s, e, v in mentions))


def test_facts_views_list_silent_outlets_and_put_conflicts_first():
    arts = [_article("x" * 50, id=i) for i in ("a", "b", "c")]
    agree = _fact("agree", "agree", ("a", 0, 10, "1"), ("b", 0, 5, "1"))
    conflict = _fact("conflict", "conflict", ("a", 0, 10, "2"), ("c", 20, 30, "3"))
    single = _fact("single", "single", ("b", 40, 50, "4"))
    facts = [agree, single, conflict]
    assert [f.id for f in facts_of_sentence(facts, "a", 0, 10)] == ["conflict", "agree"]
    assert [v.silent for v in versions(agree, arts)] == [False, False, True]
    assert [f.id for f in matrix(facts)] == ["conflict", "agree", "single"]
    assert contradicted_sentences(facts) == {"a": [(0, 10)], "c": [(20, 30)]}


def test_positions_survive_a_restart_and_a_corrupt_file_is_set_aside(tmp_path):
    path = tmp_path / "positions.json"
    positions = Positions(path)
    positions.remember("story", "a", 42)
    positions.save()
    again = Positions(path)
    assert again.offset("story", "a") == 42 and again.last_article("story") == "a"
    path.write_text("[1, 2", encoding="utf-8")
    broken = Positions(path)
    assert broken.warnings and "set aside" in broken.warnings[0]
    assert broken.offset("story", "a") is None
    assert (tmp_path / "positions.json.corrupt-1").exists()
    path.write_text(json.dumps({"stories": {"story": {"offsets": {"a": "nope"}}}}), encoding="utf-8")
    assert Positions(path).offset("story", "a") is None  # wrong shapes are ignored, not trusted


def test_positions_unchanged_since_reading_are_not_written_again(tmp_path, monkeypatch):
    from reader import userstate

    path = tmp_path / "positions.json"
    positions = Positions(path)
    positions.remember("story", "a", 42)
    positions.save()
    writes = []
    monkeypatch.setattr(userstate, "atomic_write_text", lambda *args, **kwargs: writes.append(args))
    again = Positions(path)
    again.remember("story", "a", 42)  # the cursor where it was
    again.save()
    assert writes == []
    again.remember("story", "a", 43)
    again.save()
    assert len(writes) == 1


def test_config_keeps_unknown_keys_and_rejects_unknown_styles(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('other = "kept"\n[keys]\nsearch = "ctrl+f"\n', encoding="utf-8")
    config = Config(path)
    assert config.citation_style == "gbt7714" and config.keys == {"search": "ctrl+f"}
    config.citation_style = "mla"
    config.save()
    again = Config(path)
    assert again.citation_style == "mla" and again.data["other"] == "kept"
    try:
        again.citation_style = "harvard"
    except ValueError:
        pass
    else:
        raise AssertionError("an unknown style was accepted")


def test_styled_text_is_data_and_control_characters_are_replaced():
    line = styled_line("[bold]x\x1b[31m", 0, [(0, 3, "speech")], {"speech": "bold"}, "")  # type: ignore[dict-item]
    assert line.plain == "[bold]x\ufffd[31m"
    assert safe("a\u202eb") == "a\ufffdb"
