"""A span written to the minute or second (a race time) is one duration, exact to what it says."""

from __future__ import annotations

from reader.facts.labels import compatible
from reader.facts.values import extract_values


def _value(text: str):
    return extract_values(text, "2025-04-13", "zh-Hans")[0]


def test_hours_minutes_and_seconds_are_one_duration() -> None:
    assert [(v.kind, v.norm) for v in extract_values("以2小時5分48秒奪冠", "2025-04-13", "zh-Hant")] == [
        ("duration", "PT2H5M48S")
    ]
    assert _value("全程耗时3小时20分").norm == "PT3H20M"
    assert _value("比赛进行了2小时").norm == "PT2H"  # hours alone: as before


def test_race_times_ten_seconds_apart_conflict_and_a_coarser_one_agrees() -> None:
    assert not compatible(_value("以2小时05分38秒夺冠"), _value("以2小時5分48秒奪冠"))
    assert compatible(_value("以2小时05分38秒夺冠"), _value("用时2小时05分38秒"))
    assert compatible(_value("用时2小时05分"), _value("以2小时05分38秒夺冠"))
