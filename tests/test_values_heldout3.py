"""Value reading found weak on two fresh held-out stories (an earthquake, a fraud verdict):
each rule with a fixed case and a near miss."""

from __future__ import annotations

from reader.facts.values import extract_values


def _summary(sentence: str, language: str | None = None) -> list[tuple[str, str, str, str | None]]:
    return [(v.kind, v.text, v.norm, v.counted) for v in extract_values(sentence, "2025-06-10", language)]


def _kinds(sentence: str, language: str | None = None) -> list[tuple[str, str]]:
    return [(v.kind, v.norm) for v in extract_values(sentence, "2025-06-10", language)]


def test_magnitude_is_read_in_every_way_outlets_write_it() -> None:
    assert ("magnitude", "5.8") in _kinds("某县发生5.8级地震。", "zh-Hans")
    assert ("magnitude", "6.1") in _kinds("這起地震規模6.1。", "zh-Hant")
    assert ("magnitude", "5.8") in _kinds("發生黎克特制5.8級地震。", "zh-Hant")
    assert ("magnitude", "6.1") in _kinds("The survey put the magnitude at 6.1.", "en")
    assert ("magnitude", "5.8") in _kinds("It was a 5.8-magnitude quake.", "en")


def test_magnitude_near_misses_stay_levels_and_figures() -> None:
    assert _kinds("启动二级应急响应。", "zh-Hans") == [("rank", "2")]  # a response level
    assert _kinds("项目规模100亿元。", "zh-Hans") == [("money", "10000000000 CNY")]  # scale of a project
    assert _kinds("He won by a magnitude of votes in 2024.", "en") == [("year", "2024")]


def test_approximate_magnitude_is_a_range() -> None:
    value = extract_values("未来几天仍可能发生5级左右地震。", "2025-06-10", "zh-Hans")[0]
    assert (value.kind, value.low, value.high, value.approx) == ("magnitude", 4.5, 5.5, "about")


def test_what_befell_the_people_counted_names_the_count() -> None:
    assert [v[3] for v in _summary("地震已造成12人遇难、86人受伤，另有3人失联。", "zh-Hans")] == [
        "dead", "injured", "missing",
    ]  # fmt: skip
    assert _summary("目前仍有5人下落不明。", "zh-Hant")[0][3] == "missing"
    assert _summary("另有5人失蹤。", "zh-Hant")[0][3] == "missing"
    assert _summary("Three people were still missing on Monday.", "en")[0][3] == "missing"
    assert [v[1:] for v in _summary("It hit at dawn, killing 12 people and injuring 86.", "en")] == [
        ("12 people", "12", "dead"), ("86", "86", "injured"),
    ]  # fmt: skip


def test_people_without_an_outcome_stay_people() -> None:
    assert _summary("当地人口约4万人，其中3人来自外地。", "zh-Hans")[1][3] == "people"
    assert _summary("Three people were still inside the building.", "en")[0][3] == "people"
    assert _summary("The team of 86 arrived.", "en") == []  # a bare number after no outcome verb


def test_nouns_of_victims_investors_rescuers_and_houses() -> None:
    assert _summary("共有3.2万名投资者受骗。", "zh-Hans")[0][3] == "investors"
    assert _summary("案中受害投資者約2.3萬名。", "zh-Hant")[0][3] == "investors"
    assert _summary("受害者多达3万2000人。", "zh-Hans")[0][2:] == ("32000", "victims")
    assert _summary("1200余名救援人员赶赴灾区。", "zh-Hans")[0][3] == "rescuers"
    assert _summary("全县房屋受损2300余间。", "zh-Hans")[0][3] == "houses"  # not 县 (counties)
    assert _summary("共发生37次余震。", "zh-Hans")[0][3] == "aftershocks"
    assert _summary("余震37次。", "zh-Hans")[0][3] == "aftershocks"


def test_noun_near_misses() -> None:
    assert _summary("他一共去了3次。", "zh-Hans")[0][3] == "times"  # no noun: still times
    assert _summary("另有7名工程师到场。", "zh-Hans")[0][3] == "people"
    assert _summary("3万名投资者", "zh-Hans")[0][2] == "30000"  # 万 then no digits: plain


def test_mixed_ten_thousands_number() -> None:
    assert _summary("观众3万2000人", "zh-Hans")[0][2] == "32000"
    assert _summary("3万2000亿", "zh-Hans") != [("count", "3万2000亿", "32000", None)]


def test_preposition_after_a_year_is_no_modifier() -> None:
    assert _kinds("Zhou was detained in April 2023 after investors complained.", "en") == [("date", "2023-04")]
    assert _summary("It sold 2023 robot vacuums.", "en")[0][3] == "vacuums"


def test_as_of_clock_readings_are_not_the_event_time() -> None:
    assert _kinds("截至9日18时，地震已造成12人遇难。", "zh-Hans") == [("count", "12")]
    assert _kinds("截至9日上午，當地共發生37次餘震。", "zh-Hant") == [("count", "37")]
    assert _kinds("截至9日上午8时，共记录到余震37次。", "zh-Hans") == [("count", "37")]


def test_as_of_a_bare_day_and_other_dates_are_kept() -> None:
    assert ("date", "2025-06-08") in _kinds("截至6月8日收盘，公司股价报128.5元。", "zh-Hans")
    assert ("date", "2025-06-09") in _kinds("9日18时，地震已造成12人遇难。", "zh-Hans")


def test_years_then_months_are_one_term() -> None:
    assert _kinds("被判处有期徒刑两年六个月。", "zh-Hans") == [("duration", "P2.5Y")]
    assert _kinds("李梅被判2年6个月。", "zh-Hans") == [("duration", "P2.5Y")]
    assert _kinds("刑期3年零7个月。", "zh-Hans") == [("duration", "P3Y7M")]


def test_years_and_months_apart_stay_two_terms() -> None:
    assert _kinds("任期2年，试用6个月。", "zh-Hans") == [("duration", "P2Y"), ("duration", "P6M")]


def test_english_and_a_half() -> None:
    assert _kinds("She was sentenced to two and a half years.", "en") == [("duration", "P2.5Y")]
    assert _kinds("He was sentenced to two years and fined.", "en") == [("duration", "P2Y")]


def test_two_tiers_are_no_level() -> None:
    assert _kinds("省市两级迅速启动二级应急响应。", "zh-Hans") == [("rank", "2")]
    assert _kinds("达到三级标准。", "zh-Hans") == [("rank", "3")]


def test_annual_rate_in_li_is_a_percentage() -> None:
    assert [(v.kind, v.norm) for v in extract_values("以年息高達12厘作招徠。", None, "zh-Hant")] == [("percent", "12")]
    assert all(v.kind != "percent" for v in extract_values("利息12厘。", None, "zh-Hans"))  # only after 年息


def test_relative_day_glossed_in_brackets_gives_way_to_the_day() -> None:
    assert [(v.text, v.norm) for v in extract_values("法院昨天（20日）宣判。", "2025-11-21", "zh-Hans")] == [
        ("20日", "2025-11-20")
    ]
    assert [v.text for v in extract_values("法院昨天宣判。", "2025-11-21", "zh-Hans")] == ["昨天"]
