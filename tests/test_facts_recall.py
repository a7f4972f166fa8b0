"""Recall of the alignment on small hand-written stories: bilingual predicates the lexicon
knows, a rare predicate said of a shared name, a secondary person's act (actor facts), and
"employs N people"; each with a near miss that must stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from facts_helpers import article, linked, story_of

from reader.facts.align import align_story
from reader.facts.features import build_units
from reader.facts.keyed import actor_facts
from reader.facts.lexicon import concepts_in
from reader.facts.values import extract_values
from reader.models import Story
from reader.script import fold


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))


def _story(*bodies: tuple[str, str, str]) -> Story:
    return story_of([article(aid, body, language, "2025-03-06") for aid, language, body in bodies])


def _concepts(text: str, english: bool) -> set[str]:
    return {cid for cid, _, _ in concepts_in(fold(text), english=english)}


def test_lexicon_maps_exchange_free_of_charge_and_customers_across_languages() -> None:
    english = _concepts("Customers can exchange the kettle for free at any store.", english=True)
    chinese = _concepts("消费者可以在任何门店免费更换新产品。", english=False)
    assert {"replace", "free_of_charge", "customer", "store"} <= english & chinese


def test_a_stock_exchange_is_no_replacement() -> None:
    assert "replace" not in _concepts("Its shares trade on the Hong Kong Stock Exchange.", english=True)


def test_lexicon_knows_removal_unspecified_importance_and_mid_level() -> None:
    pairs = [
        ("His account no longer displayed the verification.", "他的账号被清空认证内容", "remove"),
        ("The notice only mentions leaking secrets.", "公司没有明说泄露了什么", "specify"),
        ("The firm attaches great importance to security.", "公司对保密工作极其重视", "importance"),
        ("a mid-level manager", "中层管理人员", "mid_level"),
        ("deeply appreciated by the founder", "成为创始人的爱将", "favourite"),
    ]
    for english, chinese, cid in pairs:
        assert cid in _concepts(english, english=True), english
        assert cid in _concepts(chinese, english=False), chinese


def test_free_exchange_lines_up_across_languages_but_not_a_stock_exchange() -> None:
    story = _story(
        ("en", "en", "Customers can exchange the kettle for free at any store.\n\n"
         "Nuanxing shares fell on the Shenzhen Stock Exchange."),
        ("zh", "zh-Hans", "消费者可以在任何门店免费更换新产品。\n\n暖星电器的股价在深圳下跌。"),
    )  # fmt: skip
    facts = align_story(story, use_cache=False)
    assert linked(facts, ("en", "exchange the kettle"), ("zh", "免费更换"))
    assert not linked(facts, ("en", "Stock Exchange"), ("zh", "免费更换"))


PEOPLE = (
    "en",
    "en",
    "Li Ming, a manager at Xingchen, was dismissed on March 5. "
    "Zhang Wei founded Xingchen in 2010.\n\n"
    "Li Ming was deeply appreciated by Zhang Wei.\n\n"
    "Li Ming opened a store in Henan.",
)


def test_a_rare_quality_said_of_a_shared_name_lines_up() -> None:
    story = _story(
        PEOPLE,
        ("zh", "zh-Hans", "3月5日，星辰辞退了经理李明。\n\n李明后来成为张伟的爱将。\n\n张伟在发布会上宣布了新手机。"),
    )
    facts = align_story(story, use_cache=False)
    assert linked(facts, ("en", "appreciated by Zhang Wei"), ("zh", "张伟的爱将"))
    # the same name with a generic thing is not a fact: the launch says nothing of the favourite
    assert not linked(facts, ("en", "appreciated by Zhang Wei"), ("zh", "新手机"))


def _actor_story(hant: str) -> Story:
    return _story(
        PEOPLE,
        ("hans", "zh-Hans", "3月5日，星辰辞退了经理李明。\n\n公关部多次提醒他注意保密，张伟也曾公开提醒其“不要泄密”。"),
        ("hant", "zh-Hant", "3月5日，星辰辭退了經理李明。\n\n" + hant),
    )


def test_a_secondary_person_doing_one_thing_in_two_outlets_is_one_fact() -> None:
    story = _actor_story("張偉以前還在公開場合“敲打”過李明，說他經常因為泄密被處罰。")
    units = build_units(story.articles)
    found = {k.key: {units[i].article_id for i in k.members} for k in actor_facts(units)}
    assert found.get("actor:zhangwei:warn") == {"hans", "hant"}
    facts = align_story(story, use_cache=False)
    assert linked(facts, ("hans", "张伟也曾公开提醒"), ("hant", "張偉以前還在公開場合"))


def test_the_same_person_and_act_about_something_else_is_no_actor_fact() -> None:
    # warned, but of nothing the other outlet says (no second concept shared): not one fact
    story = _actor_story("張偉以前還在公開場合“敲打”過李明，說他開會總是遲到。")
    units = build_units(story.articles)
    assert not [k for k in actor_facts(units) if k.key.startswith("actor:zhangwei:warn")]


def test_a_person_named_after_the_opening_is_not_the_actor() -> None:
    story = _actor_story("李明說，張偉以前還在公開場合“敲打”過他，說他經常因為泄密被處罰。")
    units = build_units(story.articles)
    assert not [k for k in actor_facts(units) if k.key.startswith("actor:zhangwei:")]


def test_employs_n_people_counts_employees() -> None:
    [value] = extract_values("The company employs about 5,000 people.", None, "en")
    assert (value.norm, value.counted) == ("5000", "employees")
    [crowd] = extract_values("About 5,000 people attended the launch.", None, "en")
    assert crowd.counted == "people"


def test_employee_count_lines_up_with_a_chinese_headcount() -> None:
    story = _story(
        ("en", "en", "The company employs about 5,000 people.\n\nIts new store covers 5,000 square meters."),
        ("zh", "zh-Hans", "暖星电器去年的销售额为45亿元，员工约5000人。"),
    )
    facts = align_story(story, use_cache=False)
    assert linked(facts, ("en", "employs about"), ("zh", "员工约5000人"))
    assert not linked(facts, ("en", "square meters"), ("zh", "员工约5000人"))
