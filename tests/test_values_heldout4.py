"""Speeds, counted flights / reports / rainfall, and 今年 before an ordinal (held-out round 4)."""

from types import SimpleNamespace

from reader.facts.labels import _figure_label, compatible
from reader.facts.values import extract_values

PUBLISHED = "2025-09-18"


def _only(sentence: str, kind: str, language: str = "zh"):
    found = [v for v in extract_values(sentence, PUBLISHED, language) if v.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_speed_in_metres_per_second_is_read_in_kmh():
    value = _only("风速达52米/秒。", "speed")
    assert (value.text, value.norm, value.unit) == ("52米/秒", "187.2 km/h", "km/h")


def test_speed_written_per_second_first_and_traditional():
    value = _only("最大風速每秒48公尺，相當於15級風。", "speed")
    assert value.norm == "172.8 km/h"


def test_speed_per_hour_with_approximation():
    value = _only("最高持續風速約每小時173公里。", "speed")
    assert value.approx == "about" and value.norm == "173 km/h"


def test_english_speeds_convert_and_compare():
    ms = _only("winds of 52 m/s", "speed", "en")
    kmh = _only("winds of 187 kilometres per hour", "speed", "en")
    weaker = _only("winds of 48 m/s", "speed", "en")
    assert compatible(ms, kmh)
    assert not compatible(weaker, kmh)


def test_a_length_is_no_speed():
    assert not [v for v in extract_values("大桥全长52米，宽30公里", PUBLISHED, "zh") if v.kind == "speed"]
    assert not [v for v in extract_values("He ran 5 miles.", PUBLISHED, "en") if v.kind == "speed"]


def test_train_speed_after_shisu():
    assert _only("时速350公里的列车", "speed").norm == "350 km/h"


def test_flights_counted_with_ban():
    assert _only("机场取消326班航班。", "count").counted == "flights"
    assert _only("Lanwan airport cancelled 362 flights.", "count", "en").counted == "flights"


def test_ban_before_a_class_word_is_no_flight():
    assert not [v for v in extract_values("3个班级", PUBLISHED, "zh") if v.counted == "flights"]


def test_cases_named_reports_after_the_classifier():
    assert _only("共收到17起相关报告。", "count").counted == "reports"
    assert _only("接獲17宗相關報告。", "count").counted == "reports"
    assert _only("received 17 reports", "count", "en").counted == "reports"


def test_cases_without_a_report_noun_stay_cases():
    assert _only("发生3起火灾。", "count").counted == "cases"


def test_households_and_rainfall_in_english_and_chinese():
    assert _only("Some 480,000 households lost power.", "count", "en").counted == "households"
    assert _only("累计降雨量达412.5毫米。", "count").counted == "mm"
    assert _only("Dongyu received 412.5 mm of rain.", "count", "en").counted == "mm"


def test_model_code_between_number_and_noun():
    assert _only("recalled 31,000 S5 sedans", "count", "en").counted == "vehicles"
    assert _only("recalled 31,000 S5 of them", "count", "en").counted is None


def test_this_year_before_an_ordinal_is_no_date():
    kinds = [v.kind for v in extract_values("今年第13号台风于9月18日登陆。", PUBLISHED, "zh")]
    assert kinds == ["rank", "date"]


def test_this_year_elsewhere_still_dates():
    kinds = [v.kind for v in extract_values("今年销量增长，排名第一。", PUBLISHED, "zh")]
    assert kinds[0] == "year"


def test_labels_name_speed_and_rainfall():
    unit = SimpleNamespace(values=(), article_id="a")
    assert _figure_label([unit], ("count", "mm"), None, None) == "rainfall"
    assert _figure_label([unit], ("speed", "speed"), None, None) == "speed"


def test_concepts_shared_by_outlets_name_weather_slots():
    from reader.facts.lexicon import concepts_in

    assert [c for c, *_ in concepts_in("风速达", english=False)] == ["wind"]
    assert [c for c, *_ in concepts_in("received 412.5 mm of rain", english=True)] == ["rain"]
    assert [c for c, *_ in concepts_in("cancelled 362 flights", english=True)] == ["flight"]
    assert "wind" not in [c for c, *_ in concepts_in("a windfall profit", english=True)]


def _mm_unit(article: str, owner: str):
    value = SimpleNamespace(kind="count", counted="mm", unit=None, owner=owner, norm="412.5", text="412.5")
    return SimpleNamespace(values=(value,), article_id=article)


def test_owner_repeating_the_measure_is_not_prefixed():
    units = [_mm_unit("a", "rain"), _mm_unit("b", "rain")]
    assert _figure_label(units, ("count", "mm"), None, None) == "rainfall"
    other = [_mm_unit("a", "airport"), _mm_unit("b", "airport")]
    assert _figure_label(other, ("count", "mm"), None, None) == "airport rainfall"
