"""Typed value extraction (reader.facts.values): formats in simplified, traditional and English,
approximations, codes that are not values, and offset properties on arbitrary text."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.facts.numbers import fold, parse_chinese
from reader.facts.values import Value, extract_values


def _summary(values: list[Value]) -> list[tuple[str, str, str]]:
    return [(v.kind, v.text, v.norm) for v in values]


# (sentence, published, expected (kind, text, norm) for every value, in order)
TABLE = [
    # dates
    ("2025年9月8日，小米发布通报。", None, [("date", "2025年9月8日", "2025-09-08")]),
    ("9月8日，小米发布通报。", None, [("date", "9月8日", "--09-08")]),
    ("9月8日，小米发布通报。", "2025-09-09", [("date", "9月8日", "2025-09-08")]),
    ("12月30日的发布会", "2025-01-10", [("date", "12月30日", "2024-12-30")]),
    ("6月19日，王化发文。", "2025-09-09", [("date", "6月19日", "2025-06-19")]),
    ("9月1日晚上，他离开。", None, [("date", "9月1日晚上", "--09-01")]),
    ("小米周一（8日）宣布辞退王腾。", "2025-09-10", [("date", "周一（8日）", "2025-09-08")]),
    ("小米週一（8日）宣佈辭退王騰。", "2025-09-10", [("date", "週一（8日）", "2025-09-08")]),
    ("小米週一（8日）宣佈。", None, []),
    ("2025年9月，小米宣布。", None, [("date", "2025年9月", "2025-09")]),
    ("二〇二五年九月八日", None, [("date", "二〇二五年九月八日", "2025-09-08")]),
    ("發布時間：2025-09-12 21:56", None, [("date", "2025-09-12", "2025-09-12"), ("time", "21:56", "21:56")]),
    ("转载于2025/9/9。", None, [("date", "2025/9/9", "2025-09-09")]),
    ("announced on September 8, 2025.", None, [("date", "September 8, 2025", "2025-09-08")]),
    ("announced on Sept. 8 in Beijing", "2025-09-10", [("date", "Sept. 8", "2025-09-08")]),
    ("announced on 8 September 2025", None, [("date", "8 September 2025", "2025-09-08")]),
    ("In April 2024, Lei Jun gifted him a car.", None, [("date", "April 2024", "2024-04")]),
    (
        "2024年成了爆发年：2月升总经理，5月兼任副总经理。",
        "2025-09-09",
        [("year", "2024年", "2024"), ("date", "2月", "2024-02"), ("date", "5月", "2024-05")],
    ),
    # relative dates need the publication date
    ("今天上午，王腾发微博。", "2025-09-09", [("date", "今天上午", "2025-09-09")]),
    ("今天上午，王腾发微博。", None, []),
    ("王騰昨天回應。", "2025-09-09", [("date", "昨天", "2025-09-08")]),
    ("He said today that he was sorry.", "2025-09-09", [("date", "today", "2025-09-09")]),
    ("Yesterday he posted.", "2025-09-09", [("date", "Yesterday", "2025-09-08")]),
    ("This morning he denied it.", "2025-09-09", [("date", "This morning", "2025-09-09")]),
    ("今年38岁的王腾", "2025-09-12", [("year", "今年", "2025"), ("age", "38岁", "38")]),
    # times
    ("9月1日晚上21:30，他刷卡进入，21:47离开。", None,
     [("date", "9月1日", "--09-01"), ("time", "晚上21:30", "21:30"), ("time", "21:47", "21:47")]),
    ("晚上9点半，他离开。", None, [("time", "晚上9点半", "21:30")]),
    ("下午3點15分開會", None, [("time", "下午3點15分", "15:15")]),
    ("He left at 9 p.m. and came back at 10:15 am.", None,
     [("time", "9 p.m.", "21:00"), ("time", "10:15 am", "10:15")]),
    # years
    ("他2016年加入小米，2020年3月加入REDMI团队。", None,
     [("year", "2016年", "2016"), ("date", "2020年3月", "2020-03")]),
    ("小米集团的2024年度报告", None, [("year", "2024年度", "2024")]),
    ("In 2021, Wang volunteered.", None, [("year", "2021", "2021")]),
    ("字节跳动2025第二季度", None, [("year", "2025", "2025")]),  # a quarter is no place in a ranking
    # durations
    ("在小米拥有9年资历", None, [("duration", "9年", "P9Y")]),
    ("在小米九年的職業生涯", None, [("duration", "九年", "P9Y")]),
    ("he had worked for nine years", None, [("duration", "nine years", "P9Y")]),
    ("十年间七连跳升职", None, [("duration", "十年间", "P10Y")]),
    ("3个月内涨粉", None, [("duration", "3个月内", "P3M")]),
    ("於作品發表後的30日內聯繫", None, [("duration", "30日內", "P30D")]),
    ("仅用了不到24小时", None, [("duration", "不到24小时", "PT24H")]),
    ("Within two years, sales rose by 60%.", None, [("duration", "two years", "P2Y"), ("percent", "60%", "60")]),
    ("他在河南工作了四年半，上半年，半年，两个半小时", None,
     [("duration", "四年半", "P4.5Y"), ("duration", "半年", "P6M"), ("duration", "两个半小时", "PT2.5H")]),
    # counts
    ("微博拥有180.2万粉丝", None, [("count", "180.2万粉丝", "1802000")]),
    ("微博拥有１８０.２萬粉絲", None, [("count", "１８０.２萬粉絲", "1802000")]),
    ("拥有微博170万、抖音近300万粉丝的高管", None,
     [("count", "170万", "1700000"), ("count", "近300万粉丝", "3000000")]),
    ("With over 2 million followers on Weibo", None, [("count", "over 2 million followers", "2000000")]),
    ("他主导开了51家小米之家门店", None, [("count", "51家", "51")]),
    ("查处贪污案件36起，其中移送司法8起。", None, [("count", "36起", "36"), ("count", "8起", "8")]),
    ("辞退违规员工353人", None, [("count", "353人", "353")]),
    ("获得多达7次重大升职", None, [("count", "7次", "7")]),
    ("出货量突破10亿台", None, [("count", "突破10亿台", "1000000000")]),
    ("积累起百万量级的粉丝", None, [("count", "百万量级", "1000000")]),
    ("覆盖全球上百个国家地区", None, [("count", "上百个", "100")]),
    ("再加上七八個熱搜", None, [("count", "七八個", "7-8")]),
    ("圈内流传了好几个版本", None, []),
    ("sold over 300,000 units on its first day", None, [("count", "over 300,000 units", "300000")]),
    ("十二个，二十一人，一百零五家，三千名", None,
     [("count", "十二个", "12"), ("count", "二十一人", "21"), ("count", "一百零五家", "105"),
      ("count", "三千名", "3000")]),
    ("抖音涨粉600多万", None, [("count", "600多万", "6000000")]),
    ("单日阅读量超过10万", None, [("count", "超过10万", "100000")]),
    ("1,000,000 followers", None, [("count", "1,000,000 followers", "1000000")]),
    # money
    ("扣绩效、罚5000块，晋升取消", None, [("money", "5000块", "5000 CNY")]),
    ("涉案金额187万元", None, [("money", "187万元", "1870000 CNY")]),
    ("你敢贪公司1万块钱，我就宁愿花100万元、1000万元去调查你。", None,
     [("money", "1万块钱", "10000 CNY"), ("money", "100万元", "1000000 CNY"), ("money", "1000万元", "10000000 CNY")]),
    ("The firm paid $5 million.", None, [("money", "$5 million", "5000000 USD")]),
    ("市值1万亿元的公司", None, [("money", "1万亿元", "1000000000000 CNY")]),
    ("一家市值上萬億元的科技巨頭", None, [("money", "上萬億元", "1000000000000 CNY")]),
    ("罰款3億美元", None, [("money", "3億美元", "300000000 USD")]),
    # percentages
    ("visiting 80% of counties in Henan", None, [("percent", "80% of counties", "80")]),
    ("百分之八十的县", None, [("percent", "百分之八十", "80")]),
    ("增長８０％", None, [("percent", "８０％", "80")]),
    ("8成用户满意，八成是他干的", None, [("percent", "8成", "80")]),
    # ranks and ages
    ("职级21级", None, [("rank", "21级", "21")]),
    ("被判定为二级泄密", None, [("rank", "二级", "2")]),
    ("曾经风光的小米第三人", None, [("rank", "第三人", "3")]),
    ("2016年,29歲的王騰", None, [("year", "2016年", "2016"), ("age", "29歲", "29")]),
    ("a 29-year-old manager", None, [("age", "29-year-old", "29")]),
    ("the No. 1 brand and the #2 seller, ranked 3rd", None,
     [("rank", "No. 1", "1"), ("rank", "#2", "2"), ("rank", "3rd", "3")]),
    # codes and names are not values
    ("泄露K50发布时间，K80至尊版参数，Q4出货节奏", None, []),
    ("进了N5机密实验室，尾号87D的特斯拉", None, []),
    ("小米9的电池容量引发争议。", None, []),
    ("小米9手机和小米10用户", None, []),
    ("COVID-19 cases rose in the Redmi K50 launch", None, []),
    ("2024年小米SU7发布会前", None, [("year", "2024年", "2024")]),
    ("The iPhone 17 and COVID-19 and the Redmi K40 series", None, []),
    ("送了件寫著“謹言慎行”的T恤", None, []),
    ("见 https://www.nbd.com.cn/articles/2025-09-09/4053702.html", None, []),
    ("1. A Benchmark for Product Managers", None, []),
    ("一家公司，一名管理者，一次决定", None, []),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), TABLE)
def test_formats(sentence: str, published: str | None, expected: list[tuple[str, str, str]]) -> None:
    assert _summary(extract_values(sentence, published)) == expected


def _one(sentence: str, kind: str, published: str | None = None) -> Value:
    found = [v for v in extract_values(sentence, published) if v.kind == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("微博拥有180.2万粉丝", "followers"),
        ("他主导开了51家小米之家门店", "stores"),
        ("查处贪污案件36起", "cases"),
        ("辞退违规员工353人", "employees"),
        ("辞退了100名触碰公司红线的员工", "employees"),
        ("辞退两位地区总经理", "people"),
        ("多达7次", "times"),
        ("出货量突破10亿台", "units"),
        ("覆盖全球上百个国家", "countries"),
        ("sold over 300,000 units", "units"),
        ("With over 2 million followers", "followers"),
        ("单日阅读量超过10万", "views"),
        ("再加上七八個熱搜", "个"),
    ],
)
def test_counted_noun(sentence: str, counted: str) -> None:
    assert _one(sentence, "count").counted == counted


def test_counted_noun_after_a_list_applies_to_each_count() -> None:
    first, second = extract_values("拥有微博170万、抖音近300万粉丝的高管")
    assert (first.counted, second.counted) == ("followers", "followers")
    assert first.approx is None and second.approx == "nearly"


def test_a_bare_figure_without_a_list_separator_keeps_no_noun() -> None:
    values = extract_values("总额170万。次年300万粉丝")
    assert [v.counted for v in values] == [None, "followers"]


@pytest.mark.parametrize(
    ("sentence", "kind", "approx", "low", "high"),
    [
        ("近300万粉丝", "count", "nearly", 2_700_000, 3_000_000),
        ("over 2 million followers", "count", "over", 2_000_000, None),
        ("超过10万", "count", "over", 100_000, None),
        ("逾100人", "count", "over", 100, None),
        ("10万多人", "count", "over", 100_000, 110_000),
        ("100多人", "count", "over", 100, 200),
        ("约100人", "count", "about", 90, 110),
        ("30岁左右", "age", "about", 27, 33),
        ("不到24小时", "duration", "under", 0, 24),
        ("up to 20 people", "count", "under", 0, 20),
        ("less than 5 hours", "duration", "under", 0, 5),
        ("almost 50 cases", "count", "nearly", 45, 50),
        ("上万亿元", "money", "over", 1e12, None),
        ("上百个国家", "count", "over", 100, None),
        ("七八个", "count", "about", 7, 8),
        ("几十个城市", "count", "about", 20, 90),
        ("51家门店", "count", None, 51, 51),
    ],
)
def test_approximations_are_bounds(
    sentence: str, kind: str, approx: str | None, low: float, high: float | None
) -> None:
    value = _one(sentence, kind)
    assert value.approx == approx
    assert value.low == pytest.approx(low)
    assert value.high is None if high is None else value.high == pytest.approx(high)


def test_money_carries_its_currency() -> None:
    assert [(v.norm, v.unit) for v in extract_values("US$3.2bn, €40 million and 500 yuan")] == [
        ("3200000000 USD", "USD"),
        ("40000000 EUR", "EUR"),
        ("500 CNY", "CNY"),
    ]


def test_year_less_date_later_than_publication_belongs_to_the_previous_year() -> None:
    assert _one("11月20日发布", "date", "2025-01-05").norm == "2024-11-20"
    assert _one("11月20日发布", "date", "2025-10-05").norm == "2025-11-20"


def test_day_only_date_takes_month_from_publication() -> None:
    assert _one("这是8日的消息", "date", "2025-09-12").norm == "2025-09-08"
    assert _one("这是28日的消息", "date", "2025-09-12").norm == "2025-08-28"


def test_units_and_percent_points() -> None:
    assert _one("增长3个百分点", "percent").unit == "pp"
    assert _one("增长3%", "percent").unit == "%"
    assert _one("在小米九年", "duration").unit == "Y"


@pytest.mark.parametrize(
    ("numeral", "low", "high"),
    [("九", 9, 9), ("两", 2, 2), ("十二", 12, 12), ("二十一", 21, 21), ("一百零五", 105, 105),
     ("三千", 3000, 3000), ("一千二", 1200, 1200), ("三亿五千万", 350_000_000, 350_000_000),
     ("一万亿", 10**12, 10**12), ("七八", 7, 8), ("二〇二五", 2025, 2025)],
)  # fmt: skip
def test_chinese_numerals(numeral: str, low: int, high: int) -> None:
    assert parse_chinese(numeral) == (low, high)


def test_fold_keeps_length_and_maps_fullwidth_and_traditional() -> None:
    text = "１８０萬個門店，２９歲"
    assert len(fold(text)) == len(text)
    assert fold(text) == "180万个门店，29岁"


def test_values_are_sorted_and_do_not_overlap_on_a_long_sentence() -> None:
    sentence = "2024年小米集团查处、审结贪污案件36起，其中移送司法8起。2024年6月，小米辞退两位地区总经理。"
    values = extract_values(sentence)
    assert _summary(values) == [
        ("year", "2024年", "2024"), ("count", "36起", "36"), ("count", "8起", "8"),
        ("date", "2024年6月", "2024-06"), ("count", "两位", "2"),
    ]  # fmt: skip


def test_whole_seed_story_is_fast() -> None:
    """Well under 100 ms for ~30k characters (measured on a shared machine, so generous)."""
    import time

    sentence = "小米中国区市场部总经理王腾，微博拥有180.2万粉丝，2016年加入小米，9月8日被辞退。"
    sentences = [sentence] * 700  # ~30k characters
    started = time.perf_counter()
    for text in sentences:
        extract_values(text, "2025-09-09")
    assert time.perf_counter() - started < 1.0


_ALPHABET = st.sampled_from(
    list("0123456789１２３,.:-/%％ 年月日号周週点點时半万萬亿億个個家人名起次台岁歲级第")
    + list("元块塊钱美近超逾多余约左右以上内间")
    + list("零〇一二两三四五六七八九十百千几数上破不到成今昨天晚早午")
    + list("abcdefghijklmnopqrstuvwxyzKQSU$€£¥（）()、，。 ")
    + ["September", "Sept.", "May", "over ", "million", "years", "followers", "p.m.", "today", "in "]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.sampled_from([None, "2025-09-09", "2024-02-29", "bad"]))
def test_never_raises_and_offsets_hold(text: str, published: str | None) -> None:
    values = extract_values(text, published)
    last_end = 0
    for value in values:
        assert 0 <= value.start < value.end <= len(text)
        assert text[value.start : value.end] == value.text
        assert value.start >= last_end  # sorted and non-overlapping
        last_end = value.end
        assert value.norm
        if value.low is not None and value.high is not None:
            assert value.low <= value.high or math.isclose(value.low, value.high)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_never_raises_on_arbitrary_unicode(text: str) -> None:
    for value in extract_values(text, "2025-09-09", "zh-Hans"):
        assert text[value.start : value.end] == value.text


def test_a_figure_belongs_to_the_platform_named_right_before_it() -> None:
    values = extract_values("这个拥有微博170万、抖音近300万粉丝的高管", "2025-09-12")
    assert [(v.norm, v.counted, v.owner) for v in values] == [
        ("1700000", "followers", "weibo"),
        ("3000000", "followers", "douyin"),
    ]
    [alone] = extract_values("他是网红达人，微博拥有180.2万粉丝。")
    assert alone.owner == "weibo"


def test_an_english_figure_belongs_to_the_platform_after_on() -> None:
    [value] = extract_values("With over 2 million followers on his personal Weibo, he became famous.")
    assert (value.counted, value.owner) == ("followers", "weibo")
    [plain] = extract_values("He has 300,000 followers.")
    assert plain.owner is None
