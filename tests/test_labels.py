"""Status and labels of a fact from its units: the fact's own slot decides, labels name it plainly."""

from __future__ import annotations

from reader.facts.cluster import Weights
from reader.facts.features import Unit
from reader.facts.labels import compatible, label_of, primary_slot, status_of
from reader.facts.lexicon import concepts_in
from reader.facts.values import extract_values
from reader.models import Sentence
from reader.script import fold


def _unit(article: str, text: str, language: str = "zh-Hans") -> Unit:
    english = language == "en"
    sentence = Sentence(article_id=article, index=0, start=0, end=len(text), text=text)
    return Unit(
        article_id=article,
        article_rank=0,
        sentence=sentence,
        start=0,
        end=len(text),
        english=english,
        values=tuple(extract_values(text, "2025-10-29", language)),
        concepts=tuple(dict.fromkeys(cid for cid, _, _ in concepts_in(fold(text), english))),
    )


def _label(units: list[Unit]) -> str:
    return label_of(units, Weights(units))


def _value(text: str, language: str = "zh-Hans"):
    return extract_values(text, "2025-10-29", language)[0]


def test_rounded_figure_agrees_with_the_precise_one() -> None:
    assert compatible(_value("营收86.4亿元"), _value("营收86.43亿元"))
    assert compatible(_value("毛利率下降1.3个百分点"), _value("毛利率下降1.34个百分点"))
    assert compatible(_value("Revenue was 8.64 billion yuan.", "en"), _value("营收86.43亿元"))


def test_rounding_covers_only_the_last_written_place() -> None:
    assert not compatible(_value("毛利率下降1.3个百分点"), _value("毛利率下降1.36个百分点"))
    assert not compatible(_value("日均客流50万人次"), _value("日均客流约45万人次"))


def test_identical_growth_agrees_though_another_slot_differs() -> None:
    units = [
        _unit("a", "毛利率为27.4%，较去年同期下降1.3个百分点。"),
        _unit("b", "海外业务占总收入38%，去年同期为31%。"),
    ]
    assert primary_slot(units) == ("time", None)
    assert status_of(units) == "agree"


def test_own_slot_still_conflicts() -> None:
    units = [_unit("a", "大火造成11人受伤。"), _unit("b", "另有14人受伤送院。")]
    assert status_of(units) == "conflict"


def test_range_agrees_with_each_end_of_itself() -> None:
    units = [
        _unit("a", "第四季度营收将在90亿元至95亿元之间。"),
        _unit("b", "For the fourth quarter it expects revenue of 9 billion to 9.5 billion yuan.", "en"),
    ]
    assert status_of(units) == "agree"


def test_plain_english_noun_takes_in_a_generic_count() -> None:
    units = [
        _unit("a", "当地政府紧急疏散了3200余名居民。"),
        _unit("b", "More than 3,200 residents were evacuated.", "en"),
    ]
    assert primary_slot(units) == ("count", "residents")
    assert status_of(units) == "agree"
    assert _label(units) == "evacuated"


def test_lexicon_noun_does_not_take_in_a_generic_count() -> None:
    units = [_unit("a", "公司研发人员达4200人。"), _unit("b", "The company employs 18,500 people.", "en")]
    assert status_of(units) == "agree"  # 4,200 people are not said to be its 18,500 employees


def test_people_labelled_by_what_happened_to_them() -> None:
    units = [_unit("a", "另有11名受伤人员被送往医院。"), _unit("b", "Eleven people were injured.", "en")]
    assert _label(units) == "injured"


def test_people_without_an_outcome_stay_people() -> None:
    units = [_unit("a", "现场有11人。"), _unit("b", "Eleven people were there.", "en")]
    assert _label(units) == "people"


def test_time_of_day_labelled_with_the_event() -> None:
    units = [_unit("a", "起火时间为当日凌晨3时20分许。"), _unit("b", "The blaze broke out at 3:20 a.m.", "en")]
    assert _label(units) == "start time"


def test_growth_and_margin_labels() -> None:
    growth = [_unit("a", "营业收入同比增长15%。"), _unit("b", "Revenue climbed 15 per cent.", "en")]
    assert _label(growth) == "revenue growth"
    margin = [_unit("a", "本季度毛利率为27.4%。"), _unit("b", "毛利率為27.4%。", "zh-Hant")]
    assert _label(margin) == "gross margin"


def test_vehicles_named_by_the_shared_thing() -> None:
    units = [_unit("a", "调派60辆消防车赶赴现场。"), _unit("b", "60 fire engines were sent.", "en")]
    assert _label(units) == "fire engines"


def test_a_concept_one_outlet_alone_names_is_no_label() -> None:
    units = [_unit("a", "当局出动60辆车。"), _unit("b", "Police sent 60 vehicles.", "en")]
    assert _label(units) == "vehicles"


def test_magnitude_conflict_is_labelled_magnitude() -> None:
    units = [
        _unit("a", "某县发生5.8级地震，震源深度10公里。"),
        _unit("b", "The survey put the magnitude at 6.1.", "en"),
    ]
    assert primary_slot(units) == ("magnitude", "magnitude")
    assert status_of(units) == "conflict"
    assert _label(units) == "magnitude"
    near = [_unit("a", "某县发生5.8级地震。"), _unit("b", "It was a 5.8-magnitude quake.", "en")]
    assert status_of(near) == "agree"


def test_count_of_the_missing_is_labelled_missing_not_people() -> None:
    units = [_unit("a", "地震造成12人遇难，另有3人失联。"), _unit("b", "目前仍有5人下落不明。", "zh-Hant")]
    assert _label(units) == "missing"
    assert status_of(units) == "conflict"
    dead = [_unit("a", "地震造成12人遇难，另有3人失联。"), _unit("b", "地震造成十二人死亡。", "zh-Hant")]
    assert _label(dead) == "dead"


def test_prison_term_is_labelled_prison_sentence() -> None:
    units = [
        _unit("a", "法院判处原董事长有期徒刑十二年。"),
        _unit("b", "The former chairman was sentenced to 12 years in prison.", "en"),
    ]
    assert _label(units) == "prison sentence"
    near = [_unit("a", "原董事长任职十二年。"), _unit("b", "The former chairman served for 12 years.", "en")]
    assert _label(near) != "prison sentence"


def test_money_recovered_by_the_authorities_is_not_labelled_government() -> None:
    units = [_unit("a", "当局已追回1.9亿元。"), _unit("b", "Authorities have recovered 190 million yuan.", "en")]
    assert _label(units) == "recovery"
    near = [_unit("a", "政府预算1.9亿元。"), _unit("b", "The government budget is 190 million yuan.", "en")]
    assert _label(near) == "budget"


def test_depth_is_labelled_depth_not_distance() -> None:
    units = [_unit("a", "震源深度10公里。"), _unit("b", "It struck at a depth of 10 kilometres.", "en")]
    assert _label(units) == "depth"
    near = [_unit("a", "距市区约35公里。"), _unit("b", "It struck about 35 km from the city.", "en")]
    assert _label(near) == "distance"


def test_one_outlets_figure_said_in_passing_does_not_name_a_fact() -> None:
    passing = [_unit("a", "这名在公司工作了9年的经理被视为董事长的爱将。"), _unit("b", "他后来成为董事长的爱将。")]
    assert "duration" not in _label(passing) and "tenure" not in _label(passing)
    both = [_unit("a", "该公司共有员工3200名。"), _unit("b", "公司员工约3200人。")]
    assert "employees" in _label(both)  # a figure two outlets give still names the fact
