"""Financial news words of the lexicon: net profit as Hong Kong writes it, and year on year."""

from __future__ import annotations

from reader.facts.lexicon import concepts_in
from reader.script import fold


def _concepts(text: str, english: bool = False) -> set[str]:
    return {concept for concept, _, _ in concepts_in(text.lower() if english else fold(text), english=english)}


def test_net_profit_and_year_on_year_in_three_writings() -> None:
    assert {"profit", "year_on_year"} <= _concepts("期內純利按年增長23%至6.9億元")
    assert {"profit", "year_on_year"} <= _concepts("归母净利润同比增长23%")
    assert {"profit", "year_on_year"} <= _concepts("Net income rose 23% year on year.", english=True)


def test_by_the_year_is_not_year_on_year() -> None:
    assert "year_on_year" not in _concepts("預算按年度撥款")
    assert "profit" not in _concepts("這是純粹的巧合")
