"""Value and lexicon rules found missing on held-out stories: each with a case it fixes and a near miss."""

from reader.facts.lexicon import concepts_in, counted_concept
from reader.facts.values import extract_values
from reader.script import fold


def _counts(sentence: str, language: str = "zh-Hans") -> list[tuple[str, str | None]]:
    return [(v.norm, v.counted) for v in extract_values(sentence, "2025-05-20", language) if v.kind == "count"]


def test_qianmi_is_a_length_not_thousands():
    assert _counts("线路全长约32.6千米。") == [("32.6", "km")]
    assert _counts("该厂有3千名工人。") == [("3000", "workers")]


def test_renci_counts_trips_not_people():
    assert _counts("日均客流量约45万人次。") == [("450000", "visits")]
    assert _counts("全市约45万人。") == [("450000", "people")]


def test_noun_before_a_generic_classifier():
    assert _counts("设车站24座。") == [("24", "stations")]
    assert _counts("其中换乘站6座。") == [("6", "座")]


def test_qiu_after_a_number_counts_goals():
    assert _counts("上赛季打进18球。") == [("18", "goals")]
    assert _counts("他将身披9号球衣。") == []


def test_lie_counts_trains():
    assert _counts("已到位的24列列车正在调试。") == [("24", "trains")]


def test_hyphenated_english_unit():
    assert _counts("The 32.6-kilometre line opened.", "en") == [("32.6", "km")]
    assert _counts("The opening of Metro Line 5 has been delayed.", "en") == []


def test_future_cue_keeps_a_late_date_in_the_publication_year():
    dates = [v.norm for v in extract_values("The opening was pushed back to December 28.", "2025-05-20", "en")]
    assert dates == ["2025-12-28"]
    dates = [v.norm for v in extract_values("The line was closed on December 28.", "2025-05-20", "en")]
    assert dates == ["2024-12-28"]


def _ids(text: str) -> set[str]:
    return {cid for cid, _, _ in concepts_in(fold(text), english=True)}


def test_transport_and_transfer_concepts_cross_languages():
    assert counted_concept("passengers") == counted_concept("人次") == "passenger"
    assert "overall_cost" in _ids("總造價將增至230億元") & _ids("raise the total cost")
    assert "fee" in _ids("转会费为850万欧元") & _ids("The fee is understood to be")
    assert "delay" in _ids("开通时间将推迟至12月") & _ids("has been pushed back to")


def test_near_miss_concepts_stay_apart():
    assert "overall_cost" not in _ids("原计划总投资186亿元")
    assert "fee" not in _ids("莫雷拉的年薪約為300萬歐元")
    assert "goal" not in _ids("他将身披9号球衣")
