"""Entities across scripts and languages, and the news lexicon."""

from __future__ import annotations

import pytest

from reader.facts.entities import (
    HanNameMatcher,
    is_person_name,
    latin_display,
    latin_names,
    pinyin_matches,
    romanise,
)
from reader.facts.lexicon import concepts_in, counted_concept
from reader.script import fold


@pytest.mark.parametrize(
    ("han", "latin"),
    [("王腾", "Wang Teng"), ("王騰", "Wang Teng"), ("雷军", "Lei Jun"), ("雷軍", "lei jun"), ("河南", "Henan"),
     ("华中", "Huazhong"), ("重庆", "Chongqing")],
)
def test_han_name_spells_latin_name(han: str, latin: str) -> None:
    assert pinyin_matches(han, latin)


@pytest.mark.parametrize(
    ("han", "latin"), [("河北", "Henan"), ("王腾", "Wang Tao"), ("雷军", "Lei"), ("王腾飞", "Wang Teng")]
)
def test_different_names_do_not_match(han: str, latin: str) -> None:
    assert not pinyin_matches(han, latin)


def test_romanise_folds_traditional_first() -> None:
    assert romanise("王騰") == romanise("王腾") == "wangteng"


def test_matcher_finds_names_in_chinese_text_of_either_script() -> None:
    matcher = HanNameMatcher(["wangteng", "leijun", "henan", "xiaomi"])
    found = matcher.find("2016年,29歲的王騰接受了雷軍親自面試後加入小米,後來去了河南。")
    assert [(n.key, n.text) for n in found] == [
        ("wangteng", "王騰"), ("leijun", "雷軍"), ("xiaomi", "小米"), ("henan", "河南")
    ]


def test_matcher_ignores_short_keys_and_single_characters() -> None:
    assert HanNameMatcher(["wang", "li"]).find("王说李") == []


def test_latin_names_skip_function_words() -> None:
    names = {n.text for n in latin_names("Later that evening, Wang Teng met Lei Jun in Henan.")}
    assert {"Wang Teng", "Lei Jun", "Henan"} <= names
    assert "Later" not in names


def test_person_names_by_surname() -> None:
    assert is_person_name("王騰") and is_person_name("雷军")
    assert not is_person_name("河南") and not is_person_name("小米集团")


def test_lexicon_maps_both_languages_and_scripts_to_one_concept() -> None:
    english = {c for c, _, _ in concepts_in(fold("He was fired after he leaked confidential plans."), english=True)}
    simplified = {c for c, _, _ in concepts_in(fold("他因泄露机密被辞退"), english=False)}
    traditional = {c for c, _, _ in concepts_in(fold("他因洩露機密被辭退"), english=False)}
    assert {"dismiss", "leak", "confidential"} <= english
    assert {"dismiss", "leak", "confidential"} <= simplified
    assert {"dismiss", "confidential"} <= traditional


def test_multiword_english_forms() -> None:
    found = [c for c, _, _ in concepts_in(fold("engaged in conflicts of interest; zero-tolerance"), english=True)]
    assert "conflict_interest" in found and "zero_tolerance" in found


def test_counted_concept() -> None:
    assert counted_concept("followers") == counted_concept("粉丝") == counted_concept("粉絲") == "follower"
    assert counted_concept(None) is None


def test_han_names_are_written_as_an_english_text_would() -> None:
    assert latin_display("王騰") == "Wang Teng"
    assert latin_display("雷军") == "Lei Jun"
    assert latin_display("河南") == "Henan"
