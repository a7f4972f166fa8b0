"""Facts founded on a key: a quoted term across scripts and languages, a person's age."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.facts.align import align_story
from reader.facts.features import build_units
from reader.facts.keyed import event_facts, quoted_terms, title_facts
from reader.models import Article, Fact, Story

EN_BASE = (
    "Xingchen Technology dismissed Li Ming on September 8, 2025.\n\n"
    "Analysts expect the company's shares to fall after the announcement."
)


def _story(*bodies: tuple[str, str, str | None]) -> Story:
    articles = [
        Article(id=f"a{n}", body=body, outlet=f"Outlet {n}", published=published, language=language)
        for n, (body, language, published) in enumerate(bodies)
    ]
    return Story(id="test", title="test", path=Path("."), articles=tuple(articles))


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))


def _facts_with(facts: list[Fact], fragment: str) -> list[Fact]:
    return [f for f in facts if any(fragment in m.sentence for m in f.mentions)]


def _articles(fact: Fact) -> set[str]:
    return {m.article_id for m in fact.mentions}


def test_quoted_terms_are_short_phrases_in_quotation_marks() -> None:
    assert quoted_terms("被网友戏称为“小米太子”的高管", english=False) == ["小米太子"]
    assert quoted_terms("有「大帝之姿」稱號", english=False) == ["大帝之姿"]
    assert quoted_terms("regarded as the “Crown Prince,” he", english=True) == ["crown prince"]
    long_speech = "“I accept the consequences and I apologise to everyone who trusted me here”"
    assert quoted_terms(long_speech, english=True) == []


def test_nickname_in_three_scripts_and_english_is_one_fact() -> None:
    story = _story(
        ("李明被不少网友戏称为“星辰太子”，在业内知名度很高。\n\n星辰科技股价下跌。", "zh-Hans", "2025-09-09"),
        ("這位有「星辰太子」之稱的高管，終於離開了公司。\n\n分析師不看好手機市場。", "zh-Hant", "2025-09-09"),
        (EN_BASE + "\n\nInternally regarded as the “Crown Prince,” Li Ming had risen fast.", "en", None),
    )
    facts = align_story(story, use_cache=False)
    [fact] = [f for f in _facts_with(facts, "Crown Prince") if {"a0", "a1"} <= _articles(f)]
    assert _articles(fact) == {"a0", "a1", "a2"}
    assert fact.status == "agree"
    assert fact.label == "called “crown prince”"  # an English outlet states it: Latin letters


def test_terms_sharing_only_a_common_word_are_not_linked() -> None:
    story = _story(
        ("2019年，网友调侃要把李明“发配非洲”，他一笑置之。\n\n星辰科技股价下跌。", "zh-Hans", "2025-09-09"),
        ("在這段被調侃為「發配」的經歷中，李明把河南分公司做到了第一。", "zh-Hant", "2025-09-09"),
        (EN_BASE, "en", None),
    )
    facts = align_story(story, use_cache=False)
    assert not [f for f in _facts_with(facts, "发配非洲") if "a1" in _articles(f)]


def test_a_term_an_article_keeps_using_anchors_nothing() -> None:
    theme = "。\n\n".join(f"第{n}次，公司再次强调“保密文化”的重要性" for n in range(1, 5)) + "。"
    story = _story(
        (theme, "zh-Hans", "2025-09-09"),
        ("李明在採訪中談到了「保密文化」，他的團隊去年擴大了一倍。", "zh-Hant", "2025-09-09"),
        (EN_BASE, "en", None),
    )
    facts = align_story(story, use_cache=False)
    assert not [f for f in facts if f.label.startswith("called")]


def test_ages_at_different_dates_giving_one_birth_year_agree() -> None:
    story = _story(
        ("今年38岁的李明，毕业于武汉大学。\n\n星辰科技股价下跌。", "zh-Hans", "2025-09-10"),
        ("2016年，29歲的李明接受了面試後加入星辰科技。", "zh-Hant", "2025-09-09"),
        (EN_BASE, "en", None),
    )
    facts = align_story(story, use_cache=False)
    [fact] = [f for f in facts if f.label.startswith("age")]
    assert fact.status == "agree"
    assert "1987" in fact.label
    assert {m.value for m in fact.mentions} == {"1987"}
    assert {m.display for m in fact.mentions} == {"38岁", "29歲"}


def test_ages_giving_different_birth_years_conflict() -> None:
    story = _story(
        ("今年42岁的李明，毕业于武汉大学。\n\n星辰科技股价下跌。", "zh-Hans", "2025-09-10"),
        ("2016年，29歲的李明接受了面試後加入星辰科技。", "zh-Hant", "2025-09-09"),
        (EN_BASE, "en", None),
    )
    facts = align_story(story, use_cache=False)
    [fact] = [f for f in facts if f.label.startswith("age")]
    assert fact.status == "conflict"
    assert {m.value for m in fact.mentions} == {"1983", "1987"}


def test_an_age_at_an_unknown_date_is_skipped() -> None:
    story = _story(
        ("38岁的李明，毕业于武汉大学。\n\n星辰科技股价下跌。", "zh-Hans", "2025-09-10"),
        ("2016年，29歲的李明接受了面試後加入星辰科技。", "zh-Hant", "2025-09-09"),
        (EN_BASE, "en", None),
    )
    facts = align_story(story, use_cache=False)
    assert not [f for f in facts if f.label.startswith("age")]


def test_a_sentence_listing_several_things_anchors_none_of_them() -> None:
    story = _story(
        ("一封内部通报邮件、一条微博道歉，再加上七八个热搜——\n\n李明在微博上道歉，感谢公司的培养。", "zh-Hans", None),
        ("李明隨後在微博上道歉，表示接受該有的代價。", "zh-Hant", "2025-09-09"),
        (EN_BASE + "\n\nLater that evening, Li Ming issued an apology on Weibo.", "en", None),
    )
    facts = align_story(story, use_cache=False)
    assert not _facts_with(facts, "七八个热搜")


def test_denials_by_one_person_in_two_scripts_are_one_fact() -> None:
    story = _story(
        ("被辞退后的李明，在辟谣相关传言时强调“没有违法行为”。\n\n星辰科技股价下跌。", "zh-Hans", "2025-09-10"),
        ("今天上午，李明發微博說這些都是謠言，表示自己沒有收人錢財。", "zh-Hant", "2025-09-09"),
        (EN_BASE, "en", None),
    )
    facts = align_story(story, use_cache=False)
    [fact] = [f for f in facts if f.label == "denial"]
    assert _articles(fact) == {"a0", "a1"}
    assert fact.status == "agree"


def test_not_denying_is_not_a_denial() -> None:
    story = _story(
        ("李明并未否认相关传言，只说一切以公司通报为准。\n\n星辰科技股价下跌。", "zh-Hans", "2025-09-10"),
        ("今天上午，李明發微博說這些都是謠言，表示自己沒有收人錢財。", "zh-Hant", "2025-09-09"),
        (EN_BASE, "en", None),
    )
    facts = align_story(story, use_cache=False)
    assert not [f for f in facts if f.label in ("denial", "did not deny")]


TITLE_HANS = (
    "星辰科技华东区销售部总经理李明因违规被公司辞退。\n\n"
    "2025年9月8日，星辰科技宣布了这一决定。"
)
TITLE_HANT = "星辰科技華東區銷售部總經理李明,在公司十年的職業生涯就此結束。\n\n分析人士認為股價將下跌。"
TITLE_EN = (
    "Li Ming, former General Manager of Xingchen Technology's East China sales department, leaves after ten years.\n\n"
    "Li Ming, general manager of the sales department, was dismissed on September 8, 2025."
)


def test_a_title_in_apposition_founds_one_fact_across_scripts_and_languages() -> None:
    facts = align_story(_story((TITLE_HANS, "zh-Hans", None), (TITLE_HANT, "zh-Hant", None), (TITLE_EN, "en", None)))
    titled = [f for f in facts if f.label.startswith("job title")]
    assert len(titled) == 1
    assert _articles(titled[0]) == {"a0", "a1", "a2"}
    english = [m.sentence for m in titled[0].mentions if m.article_id == "a2"]
    assert english == [TITLE_EN.split("\n\n")[0]]  # the dated sentence is the dismissal's, not the title's


def _units(bodies: list[tuple[str, str]]) -> list:
    articles = [Article(id=f"a{n}", body=b, outlet=f"O{n}", language=lang) for n, (b, lang) in enumerate(bodies)]
    return build_units(articles)


def test_a_title_met_in_passing_founds_nothing() -> None:
    english = ("Xingchen Technology loses a manager\n\nXingchen Technology said Li Ming left the company.", "en")
    passing = [
        ("星辰科技人事变动\n\n内部一封邮件,宣告华东区销售部总经理李明的职业生涯终止。", "zh-Hans"),
        ("星辰科技人事變動\n\n公司發出郵件,宣告華東區銷售部總經理李明離職。", "zh-Hant"),
    ]
    opening = [
        ("星辰科技人事变动\n\n华东区销售部总经理李明的职业生涯终止。", "zh-Hans"),
        ("星辰科技人事變動\n\n華東區銷售部總經理李明離職。", "zh-Hant"),
    ]
    assert not title_facts(_units([*passing, english]))
    assert title_facts(_units([*opening, english]))  # the same title opening its sentence does found one


def test_a_rare_name_with_the_same_events_founds_one_fact_across_languages() -> None:
    story = _story(
        ("李明在加入星辰科技之前曾在ZETA担任产品经理。\n\n星辰科技股价下跌。", "zh-Hans", "2025-09-09"),
        ("李明加入星辰科技以前，在ZETA做產品經理。\n\n分析師不看好手機市場。", "zh-Hant", "2025-09-09"),
        (EN_BASE + "\n\nIn 2016, Li Ming left ZETA to join Xingchen as a product manager.", "en", None),
    )
    facts = align_story(story, use_cache=False)
    assert any(_articles(f) == {"a0", "a1", "a2"} for f in _facts_with(facts, "ZETA"))


def test_a_rare_name_in_sentences_saying_different_things_links_nothing() -> None:
    story = _story(
        ("李明在加入星辰科技之前曾在ZETA担任产品经理。\n\n星辰科技股价下跌。", "zh-Hans", "2025-09-09"),
        ("ZETA的股价昨日上涨了三成。\n\n分析師不看好手機市場。", "zh-Hans", "2025-09-09"),
    )
    facts = align_story(story, use_cache=False)
    assert not [f for f in _facts_with(facts, "ZETA") if len(_articles(f)) > 1]


def test_a_promotion_to_one_post_is_one_fact_across_scripts_and_languages() -> None:
    # the English sentence says much else besides: the likeness of whole clauses is too weak
    story = _story(
        ("李明毕业于南方大学。\n\n2024年是他的爆发年：2月升品牌总经理，12月就当上了星辰科技中国区市场部总经理。",
         "zh-Hans", "2025-09-09"),
        ("李明畢業於南方大學。\n\n2024年成了他職業生涯的爆發年：12月就當上了星辰科技中國區市場部總經理。", "zh-Hant",
         "2025-09-09"),
        (EN_BASE + "\n\nHe held roles including Brand Spokesperson and head of design, eventually being promoted"
         " to General Manager of Xingchen China's Marketing Department, one of its youngest executives.", "en", None),
    )
    facts = align_story(story, use_cache=False)
    assert any(_articles(f) == {"a0", "a1", "a2"} for f in _facts_with(facts, "promoted"))
    units = build_units(list(story.articles))
    [promotion] = [f for f in event_facts(units) if f.key.endswith(":promote")]
    assert {units[i].article_id for i in promotion.members} == {"a0", "a1", "a2"}


def test_promotions_to_different_posts_are_not_one_fact() -> None:
    story = _story(
        ("李明毕业于南方大学。\n\n2024年，他当上了星辰科技中国区市场部总经理。", "zh-Hans", "2025-09-09"),
        (EN_BASE + "\n\nIn 2019, Li Ming was promoted to head of Xingchen's design studio.", "en", None),
    )
    facts = align_story(story, use_cache=False)
    assert not [f for f in _facts_with(facts, "promoted") if len(_articles(f)) > 1]
    assert not event_facts(build_units(list(story.articles)))
