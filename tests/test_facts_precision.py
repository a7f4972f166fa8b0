"""Precision and status of the alignment on small hand-written stories: an outlet does not
contradict itself (two figures of one kind in one article are two facts), approximate figures
are not widened twice, and value formats found in sports and transport news."""

from __future__ import annotations

from reader.facts.align import align_articles
from reader.facts.labels import compatible
from reader.facts.values import extract_values
from reader.models import Article


def _article(aid: str, language: str, body: str) -> Article:
    return Article(
        id=aid, outlet=aid, title=None, url=None, published="2025-01-15", language=language, author=None, body=body
    )


def _align(*articles: Article):
    return align_articles(articles, lambda fraction, message: None)


def _facts_with(facts, *needles: str):
    return [f for f in facts if all(any(n in m.sentence for m in f.mentions) for n in needles)]


def _summary(sentence: str) -> list[tuple[str, str, str | None]]:
    return [(v.kind, v.norm, v.counted) for v in extract_values(sentence, "2025-01-15", "en")]


# --- an outlet does not contradict itself ------------------------------------------------------

_PLAYER_ZH = "上赛季他在联赛出场30次，打进18球。"
_CLUB_ZH = "上赛季江城雄狮在联赛中仅打进31球，锋线乏力是排名下滑的主要原因。"


def test_the_clubs_goals_and_the_players_goals_are_two_facts() -> None:
    facts = _align(
        _article("zh", "zh-Hans", f"{_PLAYER_ZH}\n\n{_CLUB_ZH}"),
        _article("tw", "zh-Hant", "他上季在聯賽射進18球，是射手榜第三名。"),
        _article("en", "en", "Moreira scored 18 goals in 30 league appearances last season."),
    )
    player = _facts_with(facts, "18球")
    assert player and all(not any("31球" in m.sentence for m in f.mentions) for f in player)
    assert any(f.status == "agree" and len({m.article_id for m in f.mentions}) == 3 for f in player)


def test_two_outlets_differing_on_one_figure_still_conflict() -> None:
    # the near miss: each outlet gives one figure, so the split leaves the conflict alone
    facts = _align(
        _article("zh", "zh-Hans", "江城雄狮签下巴西中锋莫雷拉。\n\n据悉，此次转会费为850万欧元。"),
        _article("tw", "zh-Hant", "江城雄獅引進巴西前鋒莫雷拉。\n\n根據大陸媒體報導，轉會費高達1000萬歐元。"),
        _article("en", "en", "Jiangcheng Lions sign Moreira.\n\nThe club paid a transfer fee of 8.5 million euros."),
    )
    fee = _facts_with(facts, "850万", "1000萬", "8.5 million")
    assert fee and fee[0].status == "conflict"


# --- approximations are widened once ----------------------------------------------------------


def test_about_450000_does_not_agree_with_500000() -> None:
    about = extract_values("预计日均客流量约45万人次。", "2025-01-15")[0]
    exact = extract_values("预计日均客流达50万人次。", "2025-01-15")[0]
    assert not compatible(about, exact)


def test_about_450000_agrees_with_480000() -> None:
    about = extract_values("预计日均客流量约45万人次。", "2025-01-15")[0]
    near = extract_values("预计日均客流达48万人次。", "2025-01-15")[0]
    assert compatible(about, near)


# --- value formats ----------------------------------------------------------------------------


def test_a_modifier_between_number_and_counted_noun() -> None:
    assert _summary("Jiangcheng scored only 31 league goals last season.") == [("count", "31", "goals")]


def test_a_hyphenated_age_is_not_a_count_of_what_follows() -> None:
    assert _summary("a 29-year-old manager") == [("age", "29", None)]


def test_scored_n_times_counts_goals_and_played_n_times_does_not() -> None:
    assert _summary("He scored 18 times last season.") == [("count", "18", "goals")]
    assert ("count", "18", "goals") not in _summary("He played 18 times last season.")


def test_an_age_in_commas_after_a_name_but_not_after_a_month() -> None:
    assert ("age", "26", None) in _summary("Moreira, 26, joined the club.")
    assert not any(kind == "age" for kind, _, _ in _summary("By June, 30, trains ran."))


def test_a_place_in_the_table_as_an_ordinal_word() -> None:
    assert _summary("Jiangcheng finished ninth in the league.") == [("rank", "9", None)]
    assert _summary("It was the ninth time he spoke.") == []


def test_yue_inside_a_word_is_not_about() -> None:
    signed = [v for v in extract_values("莫雷拉与球队签约4年，", "2025-01-15") if v.kind == "duration"]
    assert signed and signed[0].approx is None and signed[0].norm == "P4Y"
    about = [v for v in extract_values("工期约4年。", "2025-01-15") if v.kind == "duration"]
    assert about and about[0].approx == "about"


# --- an age without a year is the age on the day of publication ---------------------------------


def _age_facts(facts):
    return [f for f in facts if f.label.startswith("age")]


def test_bare_ages_of_three_outlets_agree_on_a_birth_year() -> None:
    facts = _align(
        _article("zh", "zh-Hans", "26岁的莫雷拉与球队签约4年。"),
        _article("tw", "zh-Hant", "現年26歲的莫雷拉轉投江城，合約為期三年。"),
        _article("en", "en", "Moreira, 26, scored 18 times in the Portuguese top flight last season."),
    )
    ages = _age_facts(facts)
    assert len(ages) == 1 and ages[0].status == "agree"
    assert {m.article_id for m in ages[0].mentions} == {"zh", "tw", "en"}


def test_different_bare_ages_of_nobody_named_found_no_conflict() -> None:
    # the near miss: "the 26-year-old" and "the 31-year-old" may be two people
    facts = _align(
        _article("zh", "zh-Hans", "这名26岁的球员与球队签约4年。"),
        _article("en", "en", "The 31-year-old has signed a four-year contract."),
    )
    assert not any(f.label.startswith("age") and f.status == "conflict" for f in facts)


# --- a sentence stating two facts does not chain them ------------------------------------------


def test_a_salary_does_not_join_a_contracts_end_through_a_sentence_stating_both() -> None:
    facts = _align(
        _article("blog", "en", "He is reported to be earning €3m a year on a deal running until the end of 2028."),
        _article("zh", "zh-Hans", "26岁的莫雷拉与球队签约4年，合同将于2028年底到期。"),
        _article("tw", "zh-Hant", "莫雷拉的年薪約為300萬歐元。"),
    )
    for fact in facts:
        said = {m.article_id for m in fact.mentions}
        assert not {"zh", "tw"} <= said, fact


def test_a_sentence_giving_both_figures_in_every_outlet_stays_one_fact() -> None:
    # the near miss: every outlet gives both the age and the contract's length, nothing to split
    facts = _align(
        _article("en", "en", "The 26-year-old has signed a four-year contract."),
        _article("zh", "zh-Hans", "26岁的莫雷拉与球队签约4年。"),
        _article("tw", "zh-Hant", "現年26歲的莫雷拉轉投江城，合約為期三年。"),
    )
    contract = [f for f in facts if {m.article_id for m in f.mentions} == {"en", "zh", "tw"} and f.status == "conflict"]
    assert contract
