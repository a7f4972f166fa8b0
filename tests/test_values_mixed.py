"""Chinese figures written half in digits (12萬6千, 3万2000) and tenths with a digit after 成 (一成五)."""

from __future__ import annotations

import pytest

from reader.facts.values import extract_values


def _norms(text: str) -> list[tuple[str, str]]:
    return [(v.kind, v.norm) for v in extract_values(text, "2025-10-18", "zh-Hant")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("約12萬6千名居民撤離", [("count", "126000")]),
        ("捐款1万5千元", [("money", "15000 CNY")]),
        ("3万2000人受影响", [("count", "32000")]),  # no unit after the digits: as before
        ("約12.6萬人撤離", [("count", "126000")]),
        ("市佔率一成五", [("percent", "15")]),
        ("八成的受访者", [("percent", "80")]),
    ],
)
def test_mixed_figures_and_tenths(text: str, expected: list[tuple[str, str]]) -> None:
    assert _norms(text) == expected


def test_a_digit_after_cheng_that_starts_another_figure_is_not_a_tenth() -> None:
    assert _norms("八成三万人") != [("percent", "83")]
    assert not any(kind == "percent" for kind, _ in _norms("三成为主力"))
