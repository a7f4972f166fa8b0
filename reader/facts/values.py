"""Typed values in a sentence: dates, times, years, durations, counts, money, percentages,
ranks and ages, in simplified and traditional Chinese and English, normalised for comparison.

``extract_values(sentence, published, language)`` runs one regex scanner per kind over a folded
copy of the sentence (fullwidth and traditional forms made plain, URLs masked; same length, so
offsets hold), then keeps the longest, most specific candidates that do not overlap.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from reader.facts.dates import Hit, ScanContext, parse_published, resolve_missing_years, scan_calendar
from reader.facts.numbers import (
    AR_NUM,
    EN_NUMBER,
    NUM_BEFORE,
    ZH_NUMBER,
    apply_multipliers,
    fold,
    format_number,
    parse_arabic,
    parse_chinese,
    parse_english,
)


@dataclass(frozen=True)
class Value:
    """One typed value as written in a sentence (``sentence[start:end] == text``) and normalised."""

    kind: str  # date | time | year | duration | count | money | percent | rank | age
    start: int
    end: int
    text: str
    norm: str  # date 2025-09-08 / --09-08, year 2020, time 21:30, duration P9Y / PT24H, count 1802000,
    # money "1870000 CNY", percent 80, rank 21, age 29; a range is written "7-8"
    low: float | None  # numeric bounds: equal for an exact value, apart for an approximation or range
    high: float | None  # None when unbounded above ("over 2 million")
    unit: str | None  # currency code, duration unit (Y M W D H MIN S), "%" or "pp", rank "级" ...
    counted: str | None  # what a count counts: an English lemma where known, else the raw noun
    approx: str | None  # about | over | under | nearly | None
    owner: str | None = None  # whose figure: the platform or entity named with it (微博170万 -> weibo)


def extract_values(sentence: str, published: str | None = None, language: str | None = None) -> list[Value]:
    """The typed values of ``sentence``, sorted by start and non-overlapping.

    ``published`` ("YYYY-MM-DD") anchors relative and year-less dates; without it 今天 / today
    are not extracted and 9月8日 is "--09-08".
    """
    text = _mask_urls(fold(sentence))
    zh, en = bool(_ZH_GATE.search(text)), bool(_EN_GATE.search(text))
    if not (zh or en):
        return []
    ctx = ScanContext(text, parse_published(published), language, zh, en)
    hits = [*scan_calendar(ctx), *_scan_amounts(ctx)]
    chosen = _join_ranges(_choose(hits), ctx.text)
    resolve_missing_years(chosen, ctx.published, ctx.text)
    _share_counted_nouns(chosen, ctx.text)
    _name_outcomes(chosen, ctx.text)
    chosen = _join_durations(chosen, ctx.text)
    chosen = _drop_report_times(chosen, ctx.text)
    chosen = _drop_glossed_relative_days(chosen, ctx.text)
    chosen = _drop_years_of_ordinals(chosen, ctx.text)
    owners = _owners(chosen, sentence, not _HAN.search(sentence))
    return [_to_value(hit, sentence, owner) for hit, owner in zip(chosen, owners, strict=True)]


# --- approximation words -----------------------------------------------------------------------

_ZH_APPROX = {
    "将近": "nearly", "接近": "nearly", "逼近": "nearly", "近": "nearly", "差不多": "nearly",
    "约合": "about", "约为": "about", "大约": "about", "大概": "about", "约": "about",
    "超过": "over", "超出": "over", "逾": "over", "超": "over", "至少": "over", "不少于": "over",
    "不低于": "over", "突破": "over", "破": "over", "过": "over", "上": "over",
    "不到": "under", "不足": "under", "少于": "under", "低于": "under", "未满": "under",
}  # fmt: skip
_ZH_SUFFIX_APPROX = {"左右": "about", "上下": "about", "以上": "over", "多": "over", "余": "over",
                     "以下": "under", "量级": "about"}  # fmt: skip
_EN_APPROX = {
    "more than": "over", "over": "over", "at least": "over", "just over": "over", "well over": "over",
    "upwards of": "over", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "up to": "under", "under": "under", "less than": "under",
    "fewer than": "under", "just under": "under", "below": "under",
}  # fmt: skip


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


# 上 only before a bare power of ten (上百, 上万亿): elsewhere it is an ordinary word.
# 约 ending a word (签约4年: signed for 4 years; 合约, 续约) is not "about"
_ZH_PRE = (
    rf"(?P<pre>{_alternation(w for w in _ZH_APPROX if w not in ('上', '约', '近'))}|上(?=[百千万亿])"
    r"|(?<![签合续违解预条公履毁节制婚邀特赴相])约|(?<![附最靠邻临就])近)"  # 附近三条村: nearby, not nearly
)
_ZH_SUF = r"(?P<suf>左右|上下|以上|以下|量级)"
_EN_PRE = rf"(?:\b(?P<pre>(?i:{_alternation(_EN_APPROX)}))\s+)"

# --- lexicon: what is counted ------------------------------------------------------------------

_ZH_NOUNS = {
    "粉丝": "followers", "关注者": "followers", "订阅者": "followers", "订阅": "followers", "粉": "followers",
    "门店": "stores", "店铺": "stores", "店面": "stores", "专卖店": "stores", "零售店": "stores",
    "商店": "stores", "店": "stores", "案件": "cases", "案子": "cases", "案例": "cases", "病例": "cases",
    "员工": "employees", "职工": "employees", "雇员": "employees", "工人": "workers", "用户": "users",
    "会员": "members", "客户": "customers", "网友": "netizens", "国家": "countries", "地区": "regions",
    "城市": "cities", "省份": "provinces", "县": "counties", "订单": "orders", "手机": "phones",
    "汽车": "vehicles", "车辆": "vehicles", "公司": "companies", "企业": "companies", "品牌": "brands",
    "产品": "products", "阅读量": "views", "阅读": "views", "浏览量": "views", "播放量": "views",
    "点赞量": "likes", "点赞": "likes", "评论": "comments", "转发": "shares", "下载量": "downloads",
    "销量": "sales", "出货量": "shipments", "人": "people", "人次": "visits",
    "车站": "stations", "站点": "stations", "列车": "trains", "乘客": "passengers", "旅客": "passengers",
    "投资者": "investors", "投资人": "investors", "受害人": "victims", "受害者": "victims",
    "救援人员": "rescuers", "搜救人员": "rescuers", "救援队员": "rescuers", "居民": "residents",
    "村民": "residents", "房屋": "houses", "民房": "houses", "住房": "houses", "余震": "aftershocks",
    "被告人": "defendants", "被告": "defendants", "平台": "platforms", "航班": "flights",
    "报告": "reports", "投诉": "complaints", "住户": "households", "家庭": "households",
}  # fmt: skip
# Classifiers whose meaning is fixed; None: a person classifier; "": generic (the noun decides).
_ZH_CLASSIFIERS = {
    "人(?!次)": None, "名": None, "位": None, "起": "cases", "宗": "cases", "例": "cases", "桩": "cases",
    "台": "units", "部(?!门|分|署|长)": "units", "辆": "vehicles", "架": "aircraft", "艘": "ships",
    "次": "times", "回": "times", "遍": "times", "倍": "fold", "户": "households",
    "吨": "tonnes", "公斤": "kg", "千克": "kg", "平方公里": "km2", "平方千米": "km2", "公里": "km", "千米": "km",
    "平方米": "m2", "平米": "m2", "平方公尺": "m2",
    "家": "", "个": "", "只": "", "条": "", "张": "", "份": "", "篇": "", "项": "", "件": "", "款": "",
    "种": "", "类": "", "所": "", "座": "", "栋": "", "套": "", "颗": "", "枚": "", "支": "", "场": "",
    "届": "", "轮": "", "批": "", "封": "", "首": "", "列": "", "间": "", "班(?!次|车|级|子|长|主任)": "",
    "毫米": "mm", "厘米": "cm",
    "球(?![衣队员迷场鞋星拍])": "goals",
}  # fmt: skip
_CLASSIFIER_RAW = {re.sub(r"\(.*\)", "", key): value for key, value in _ZH_CLASSIFIERS.items()}
_EN_NOUNS = {
    "follower": "followers", "fan": "followers", "subscriber": "followers", "store": "stores",
    "shop": "stores", "outlet": "stores", "case": "cases", "employee": "employees", "staff": "employees",
    "worker": "workers", "people": "people", "person": "people", "user": "users", "unit": "units",
    "device": "units", "phone": "phones", "smartphone": "phones", "vehicle": "vehicles", "car": "vehicles",
    "order": "orders", "country": "countries", "city": "cities", "county": "counties",
    "province": "provinces", "region": "regions", "time": "times", "view": "views", "like": "likes",
    "comment": "comments", "download": "downloads", "customer": "customers", "member": "members",
    "company": "companies", "firm": "companies", "brand": "brands", "product": "products",
    "job": "jobs", "visitor": "visitors", "executive": "executives", "manager": "managers",
    "station": "stations", "train": "trains", "passenger": "passengers", "goal": "goals",
    "kilometre": "km", "kilometer": "km", "km": "km", "tonne": "tonnes", "ton": "tonnes",
    "truck": "vehicles", "lorry": "vehicles", "ambulance": "vehicles", "bus": "vehicles",
    "fire engine": "vehicles", "fire truck": "vehicles", "square metre": "m2", "square meter": "m2",
    "square kilometre": "km2", "square kilometer": "km2", "investor": "investors", "victim": "victims",
    "rescuer": "rescuers", "resident": "residents", "house": "houses", "home": "houses",
    "aftershock": "aftershocks", "defendant": "defendants", "platform": "platforms", "flight": "flights",
    "household": "households", "report": "reports", "complaint": "complaints", "mm": "mm", "millimetre": "mm",
    "millimeter": "mm", "sedan": "vehicles", "suv": "vehicles",
}  # fmt: skip
# Words after a number that other scanners own, or that never name what is counted.
_EN_NOT_COUNTED = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
    "minutes", "second", "seconds", "decade", "decades", "percent", "per", "pct", "yuan", "dollars",
    "dollar", "euros", "pounds", "yen", "of", "and", "or", "to", "in", "on", "at", "the", "a", "an",
    "for", "by", "with", "from", "is", "was", "are", "were", "as", "than", "p", "a.m", "p.m", "am", "pm",
    "series", "plus", "news", "times", "has", "its", "this", "his", "hers",
}  # fmt: skip
_NOUN_WINDOW = 10  # how far after a classifier its noun may be (51家小米之家门店)
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?、（()）\s“”\"]")

_PERSON_LEMMAS = {"followers", "employees", "workers", "users", "members", "customers", "netizens", "people",
                  "investors", "victims", "rescuers", "residents", "defendants"}  # fmt: skip
_ZH_NOUN_RE = re.compile(_alternation(_ZH_NOUNS))
_ZH_PERSON_RE = re.compile(_alternation(w for w, lemma in _ZH_NOUNS.items() if lemma in _PERSON_LEMMAS and w != "人"))
_ZH_REPORT_RE = re.compile(_alternation(w for w, lemma in _ZH_NOUNS.items() if lemma in ("reports", "complaints")))
_ZH_CLASSIFIER = "|".join(sorted(_ZH_CLASSIFIERS, key=len, reverse=True))


def _en_lemma(word: str) -> str | None:
    word = word.lower()
    if word in _EN_NOUNS:
        return _EN_NOUNS[word]
    for singular in (word[:-3] + "y" if word.endswith("ies") else None, word[:-1], word[:-2]):
        if singular and singular in _EN_NOUNS and word.endswith("s"):
            return _EN_NOUNS[singular]
    return None


# --- numbers with their bounds -----------------------------------------------------------------


@dataclass(frozen=True)
class _Amount:
    low: Decimal
    high: Decimal | None
    approx: str | None
    ranged: bool


def _zh_amount(match: re.Match[str]) -> _Amount | None:
    """The bounds of a ZH_NUMBER match with its approximation prefix and suffix."""
    base = _parse_zh_part(match["base"])
    if base is None:
        return None
    low, high = base
    ranged = low != high
    approx = "about" if ranged else None
    if match["rlo"]:
        first = _parse_zh_part(match["rlo"])
        if first is None or first[0] >= high:
            return None
        low, ranged, approx = first[0], True, None
    mult = match["mult"] or ""
    if match["m1"]:  # 10多万: 10..20 万
        high = low + _place(low)
        approx = "over"
    low, high = apply_multipliers(low, mult), apply_multipliers(high, mult)
    if match["m2"]:  # 10万多: a little over 10万
        high = low + apply_multipliers(Decimal(1), mult[-1:]) if mult else low + _place(low)
        approx = "over"
    return _with_words(low, high, ranged, approx, _word(match, "pre"), _word(match, "suf"))


def _parse_zh_part(text: str) -> tuple[Decimal, Decimal] | None:
    if text[0].isdigit():
        return (value := parse_arabic(text)), value
    if text[0] in "几数":  # 几十, 数百: two to nine of them
        unit = apply_multipliers(Decimal(1), text[1:])
        return 2 * unit, 9 * unit
    if text.startswith("十几"):  # 十几万: eleven to nineteen
        unit = apply_multipliers(Decimal(1), text[2:])
        return 11 * unit, 19 * unit
    return parse_chinese(text)


def _place(value: Decimal) -> Decimal:
    """The value of the last significant place: 100 -> 100, 10 -> 10, 7 -> 1, 2.5 -> 0.1."""
    if value != value.to_integral_value():
        return Decimal(1).scaleb(value.normalize().as_tuple().exponent)  # type: ignore[arg-type]
    place = Decimal(1)
    while value >= place * 10 and value % (place * 10) == 0:
        place *= 10
    return place


def _word(match: re.Match[str], group: str) -> str | None:
    return match.groupdict().get(group)


def _with_words(
    low: Decimal, high: Decimal | None, ranged: bool, approx: str | None, pre: str | None, suf: str | None
) -> _Amount:
    """Apply an approximation word (before or after the number) to exact bounds."""
    word_approx = _ZH_APPROX.get(pre or "") or _EN_APPROX.get((pre or "").lower()) or _ZH_SUFFIX_APPROX.get(suf or "")
    if word_approx and not ranged and approx is None:
        approx = word_approx
        if approx == "about":
            low, high = low * Decimal("0.9"), low * Decimal("1.1")
        elif approx == "nearly":
            low, high = low * Decimal("0.9"), low
        elif approx == "over":
            high = None
        elif approx == "under":
            low, high = Decimal(0), low
    elif word_approx and approx is None:
        approx = word_approx
    return _Amount(low, high, approx, ranged)


def _norm_number(amount: _Amount, exact: Decimal) -> str:
    """The stated number; a range as 'low-high'."""
    if amount.ranged and amount.high is not None:
        return f"{format_number(amount.low)}-{format_number(amount.high)}"
    return format_number(exact)


def _stated(match: re.Match[str]) -> Decimal:
    """The number as stated, before approximation words widen it (the norm)."""
    base = _parse_zh_part(match["base"])
    value = base[1] if base else Decimal(0)
    return apply_multipliers(value, match["mult"] or "")


def _hit(
    kind: str, match: re.Match[str], amount: _Amount, norm: str, *, unit: str | None = None,
    counted: str | None = None, end: int | None = None,
) -> Hit:  # fmt: skip
    """A Hit spanning the match, its approximation word included."""
    start = match.start("pre") if _word(match, "pre") else match.start()
    high = None if amount.high is None else float(amount.high)
    return Hit(kind, start, end or match.end(), norm, float(amount.low), high, unit, counted, amount.approx)


# --- Chinese amounts ---------------------------------------------------------------------------

_ZH_CURRENCIES = {
    "新加坡元": "SGD", "新台币": "TWD", "人民币": "CNY", "美元": "USD", "美金": "USD", "港元": "HKD",
    "港币": "HKD", "欧元": "EUR", "日元": "JPY", "日圆": "JPY", "英镑": "GBP", "韩元": "KRW",
    "澳元": "AUD", "加元": "CAD", "卢布": "RUB", "台币": "TWD", "块钱": "CNY", "元": "CNY", "圆": "CNY",
    "块": "CNY",
}  # fmt: skip
_ZH_CURRENCY = _alternation(w for w in _ZH_CURRENCIES if w != "块") + r"|块(?![\u4e00-\u9fff]|钱)|块(?=左右|以上|多)"
_NUM = rf"(?<!第){NUM_BEFORE}{ZH_NUMBER}"
_ZH_MONEY = re.compile(
    rf"{_ZH_PRE}?(?:(?P<cur0>人民币|RMB|¥|￥)\s?)?{_NUM}\s?(?P<cur>{_ZH_CURRENCY}){_ZH_SUF}?"
)
_ZH_MONEY_PREFIXED = re.compile(rf"{_ZH_PRE}?(?P<cur0>人民币|RMB|¥|￥)\s?{_NUM}(?![\dA-Za-z]){_ZH_SUF}?")
_ZH_PERCENT = re.compile(rf"{_ZH_PRE}?{_NUM}\s?(?P<pct>%|个百分点|百分点){_ZH_SUF}?")
_ZH_PERCENT_WORDS = re.compile(
    rf"{_ZH_PRE}?百分之(?P<rlo>)(?P<base>\d+(?:\.\d+)?|[零一二两三四五六七八九十百]+)"
    rf"(?:点(?P<frac>[零一二三四五六七八九]+))?(?P<m1>)(?P<mult>)(?P<m2>){_ZH_SUF}?"
)
# 年息12厘: an annual rate of 12% (厘 after 年息 counts whole percents)
_ZH_ANNUAL_LI = re.compile(rf"(?<=年息)(?:高达|达|为|约|最高)?{_NUM}厘{_ZH_SUF}?")
_ZH_TENTHS = re.compile(
    rf"{_ZH_PRE}?(?<![\d.])(?P<rlo>)(?P<base>[1-9]|[一二两三四五六七八九十]|[一二三四五六七八][二三四五六七八九])"
    rf"(?P<m1>)(?P<mult>)(?P<m2>)成(?![为了功员本立长熟就果交年绩型品都全是会要能可不没也])"
    rf"(?P<tenth>[一二三四五六七八九](?![成万亿千百十]))?(?P<suf>左右|以上)?"
)
_ZH_AGE = re.compile(rf"{_ZH_PRE}?{_NUM}\s?(?:周岁|岁)(?P<suf>左右|以上|上下)?")
# 第一人民医院, 第二中学 are names and 第四季(度) a quarter, not places in a ranking.
_ZH_RANK = re.compile(
    rf"(?:第\s?(?P<ord>\d++|[一二三四五六七八九十百零两]++)(?!季|人民|中学|小学|中心|医院|实验)"
    rf"(?P<ordcls>[名位个次届期轮家号]|人(?!民))?"
    rf"|{NUM_BEFORE}(?P<lvl>\d+|[一二三四五六七八九十]+)\s?级(?!别))"  # 省市两级: two tiers, no level
)
_ZH_DURATION_UNITS = {
    "年": "Y", "个月": "M", "个多月": "M", "个星期": "W", "个礼拜": "W", "星期": "W", "礼拜": "W",
    "周": "W", "天": "D", "日": "D", "个小时": "H", "小时": "H", "个钟头": "H", "钟头": "H",
    "分钟": "MIN", "秒钟": "S", "秒": "S", "年半": "Y", "个半月": "M", "个半小时": "H", "个半钟头": "H",
    "个多小时": "H", "个多钟头": "H",
    "天半": "D",
}  # fmt: skip
# A half on its own: 半年, 半个月, 半小时 (not 上半年, the first half of a year).
_ZH_HALF_DURATIONS = {"年": "P6M", "个月": "P15D", "个小时": "PT30M", "小时": "PT30M", "个钟头": "PT30M"}
_ZH_HALF_DURATION = re.compile(rf"(?<![上下前后多一])半(?P<u>{_alternation(_ZH_HALF_DURATIONS)})")
_ZH_DURATION = re.compile(
    rf"{_ZH_PRE}?{_NUM}\s?(?P<u>{_alternation(_ZH_DURATION_UNITS)})"
    r"(?P<within>间|来|以来|之内|以内|内|里|时间|之久)?(?P<suf>左右|以上|上下)?"
)
_ZH_COUNT = re.compile(
    rf"{_ZH_PRE}?{_NUM}(?P<cls>{_ZH_CLASSIFIER})?(?P<noun>{_alternation(_ZH_NOUNS)})?"
    rf"(?P<suf>左右|以上|上下|量级)?"
)


def _scan_zh_money(ctx: ScanContext) -> list[Hit]:
    hits = []
    for pattern in (_ZH_MONEY, _ZH_MONEY_PREFIXED):
        for match in pattern.finditer(ctx.text):
            amount = _zh_amount(match)
            if amount is None:
                continue
            currency = _ZH_CURRENCIES.get(_word(match, "cur") or "", "CNY")
            norm = f"{_norm_number(amount, _stated(match))} {currency}"
            hits.append(_hit("money", match, amount, norm, unit=currency))
    return hits


def _scan_zh_percent(ctx: ScanContext) -> list[Hit]:
    hits = []
    for pattern in (_ZH_PERCENT, _ZH_PERCENT_WORDS, _ZH_TENTHS, _ZH_ANNUAL_LI):
        for match in pattern.finditer(ctx.text):
            amount = _zh_amount(match)
            if amount is None:
                continue
            stated = _stated(match)
            if pattern is _ZH_TENTHS:  # 八成 is 80%, 一成五 15%
                extra = parse_chinese(match["tenth"])[0] if match["tenth"] else Decimal(0)  # type: ignore[index]
                amount = _Amount(amount.low * 10 + extra, None if amount.high is None else amount.high * 10 + extra,
                                 amount.approx, amount.ranged)  # fmt: skip
                stated = stated * 10 + extra
            elif _word(match, "frac"):
                fraction = Decimal("0." + "".join(str(int(parse_chinese(c)[0])) for c in match["frac"]))  # type: ignore[index]
                amount = _Amount(amount.low + fraction, (amount.high or amount.low) + fraction, amount.approx, False)
                stated += fraction
            unit = "pp" if "百分点" in (_word(match, "pct") or "") else "%"
            hits.append(_hit("percent", match, amount, _norm_number(amount, stated), unit=unit))
    return hits


def _scan_zh_age(ctx: ScanContext) -> list[Hit]:
    hits = []
    for match in _ZH_AGE.finditer(ctx.text):
        amount = _zh_amount(match)
        if amount is not None and amount.low < 150:
            hits.append(_hit("age", match, amount, _norm_number(amount, _stated(match)), unit="years"))
    return hits


def _scan_zh_rank(ctx: ScanContext) -> list[Hit]:
    hits = []
    for match in _ZH_RANK.finditer(ctx.text):
        text = match["ord"] or match["lvl"]
        parsed = (Decimal(text), Decimal(text)) if text.isdigit() else parse_chinese(text)
        if parsed is None or parsed[0] != parsed[1]:
            continue
        value = float(parsed[0])
        unit = "级" if match["lvl"] else None
        hits.append(Hit("rank", match.start(), match.end(), format_number(parsed[0]), value, value, unit))
    return hits


# 2小时05分38秒, 2小時5分48秒: a span to the minute or second (a race time) is one duration
_ZH_HMS = re.compile(
    r"(?<![\d.])(?P<h>\d{1,3})\s?(?:个)?(?:小时|钟头)\s?(?P<m>\d{1,2})\s?分(?:钟)?(?:\s?(?P<s>\d{1,2})\s?秒(?:钟)?)?"
)


def _scan_zh_hms(text: str) -> list[Hit]:
    hits = []
    for match in _ZH_HMS.finditer(text):
        hours, minutes, seconds = int(match["h"]), int(match["m"]), int(match["s"] or 0)
        norm = f"PT{hours}H{minutes}M" + (f"{seconds}S" if match["s"] else "")
        value = hours + minutes / 60 + seconds / 3600
        hits.append(Hit("duration", match.start(), match.end(), norm, value, value, "H"))
    return hits


def _scan_zh_duration(ctx: ScanContext) -> list[Hit]:
    hits = _scan_zh_hms(ctx.text)
    for match in _ZH_DURATION.finditer(ctx.text):
        unit_word = match["u"]
        stated = _stated(match)
        if unit_word == "年" and (stated >= 1000 or ctx.text.startswith(("级", "代", "度"), match.end())):
            continue  # 2016年 is a year; 三年级 a school grade; 80年代 a decade
        if unit_word == "日" and not (match["within"] or _word(match, "pre")):
            continue  # 8日 is a day of the month
        if unit_word == "周" and ctx.text.startswith(("年", "岁"), match.end()):
            continue  # 10周年 is an anniversary
        amount = _zh_amount(match)
        if amount is None:
            continue
        if "多" in unit_word and amount.approx is None:  # 6个多小时: a little over six hours
            amount = _Amount(amount.low, None, "over", amount.ranged)
        if "半" in unit_word:  # 四年半, 两个半小时
            half = Decimal("0.5")
            stated += half
            amount = _Amount(amount.low + half, None if amount.high is None else amount.high + half,
                             amount.approx, amount.ranged)  # fmt: skip
        unit = _ZH_DURATION_UNITS[unit_word]
        hits.append(_hit("duration", match, amount, _duration_norm(amount, stated, unit), unit=unit))
    for match in _ZH_HALF_DURATION.finditer(ctx.text):
        norm = _ZH_HALF_DURATIONS[match["u"]]
        unit = "MIN" if norm.endswith("0M") and norm.startswith("PT") else norm[-1]
        value = float(norm.strip("PTYMDH"))
        hits.append(Hit("duration", match.start(), match.end(), norm, value, value, unit))
    return hits


def _duration_norm(amount: _Amount, stated: Decimal, unit: str) -> str:
    """ISO 8601: P9Y, P3M, P2W, P30D, PT24H, PT10M; a range as P3Y/P5Y."""
    def one(value: Decimal) -> str:
        if unit in ("H", "MIN", "S"):
            return f"PT{format_number(value)}{unit[0]}"
        return f"P{format_number(value)}{unit}"

    if amount.ranged and amount.high is not None:
        return f"{one(amount.low)}/{one(amount.high)}"
    return one(stated)


def _scan_zh_counts(ctx: ScanContext) -> list[Hit]:
    hits = []
    for match in _ZH_COUNT.finditer(ctx.text):
        hit = _zh_count_hit(match, ctx.text)
        if hit is not None:
            hits.append(hit)
    return hits


def _zh_count_hit(match: re.Match[str], text: str) -> Hit | None:
    base, classifier, noun = match["base"], match["cls"], match["noun"]
    if base == "一" and not match["mult"] and not match["rlo"]:
        return None  # 一家, 一名, 一次: the indefinite article, not a figure
    if not (classifier or _is_figure_alone(match)):
        return None  # 小米9, 小米9手机, 2016: a bare small number before a noun is a name or a year
    amount = _zh_amount(match)
    if amount is None:
        return None
    # the value as shown ends at its classifier: 约1.85万名, not 约1.85万名员工
    end = match.end("cls") if noun and classifier else None
    if noun and classifier and _CLASSIFIER_RAW.get(classifier) is None and _ZH_NOUNS[noun] not in _PERSON_LEMMAS:
        noun = None  # 两位地区总经理: 位 counts people, not regions
    norm = _norm_number(amount, _stated(match))
    return _hit("count", match, amount, norm, counted=_zh_counted(match, text, noun), end=end)


def _is_figure_alone(match: re.Match[str]) -> bool:
    """A number without classifier still counts as a figure: 170万, 超过10万, 100多, 1,000, 百万量级."""
    base = match["base"]
    if _word(match, "pre") or match["m1"] or match["m2"] or match["suf"] or match["mult"]:
        return True
    return "," in base or (not base[0].isdigit() and any(ch in base for ch in "万亿"))


def _zh_counted(match: re.Match[str], text: str, noun: str | None) -> str | None:
    """What is counted: a fixed classifier's meaning (10亿台 units), the noun right after, a noun
    further on (51家小米之家门店, 100名…员工), or a noun just before (阅读量超过10万, 员工353人)."""
    classifier = match["cls"]
    fixed = _CLASSIFIER_RAW.get(classifier) if classifier else None
    start = match.start("pre") if _word(match, "pre") else match.start()
    if fixed == "times":  # 余震37次, 37次余震: the times are of a named thing
        return (_ZH_NOUNS[noun] if noun else None) or _noun_before(text, start, _ZH_NOUN_RE) or fixed
    if fixed == "cases":  # 17起相关报告: the cases are the reports (or complaints) named after them
        return _noun_after(text, match.end("cls"), _ZH_REPORT_RE) or fixed
    if fixed:
        return fixed
    if noun:
        return _ZH_NOUNS[noun]
    if classifier is None:
        return _noun_before(text, start, _ZH_NOUN_RE)
    if fixed is None:  # a person classifier: 名, 位, 人
        found = _noun_after(text, match.end("cls"), _ZH_PERSON_RE) or _noun_before(text, start, _ZH_PERSON_RE)
        return found or "people"
    # 51家小米之家门店, else 车站24座 (the noun before a generic classifier)
    return _noun_after(text, match.end("cls"), _ZH_NOUN_RE) or _noun_before(text, start, _ZH_NOUN_RE) or classifier


def _noun_after(text: str, pos: int, nouns: re.Pattern[str]) -> str | None:
    window = text[pos : pos + _NOUN_WINDOW]
    stop = _CLAUSE_END.search(window)
    found = nouns.search(window[: stop.start()] if stop else window)
    return _ZH_NOUNS[found[0]] if found else None


def _noun_before(text: str, pos: int, nouns: re.Pattern[str]) -> str | None:
    """A noun ending at most four characters before ``pos``, in the same clause."""
    window = text[max(0, pos - 8) : pos]
    for clause_end in _CLAUSE_END.finditer(window):
        window = window[clause_end.end() :]
    last = None
    for last in nouns.finditer(window):  # noqa: B007 - the last one is wanted
        pass
    if last is None or len(window) - last.end() > 4:
        return None
    return _ZH_NOUNS[last[0]]


# --- English amounts ---------------------------------------------------------------------------

_EN_CURRENCY_SIGNS = {"US$": "USD", "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "A$": "AUD", "C$": "CAD",
                      "$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "￥": "CNY", "RMB": "CNY",
                      "CNY": "CNY", "USD": "USD", "HKD": "HKD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY"}  # fmt: skip
_EN_CURRENCY_WORDS = {"yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "dollars": "USD", "dollar": "USD",
                      "us dollars": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY",
                      "cny": "CNY", "usd": "USD", "hkd": "HKD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY"}  # fmt: skip
_EN_NUM = rf"{NUM_BEFORE}{EN_NUMBER}(?![A-Za-z0-9])"
_EN_MONEY_SIGNED = re.compile(
    rf"{_EN_PRE}?(?<![A-Za-z])(?P<cur0>{_alternation(_EN_CURRENCY_SIGNS)})\s?(?P<base>{AR_NUM})"
    r"(?:\s?(?P<scale>hundred|thousand|million|billion|trillion|mn|bn|tn)\b|(?P<short>[kmKM])\b)?(?![A-Za-z0-9])"
)
_EN_MONEY_WORDED = re.compile(rf"{_EN_PRE}?{_EN_NUM}\s+(?P<cur>(?i:{_alternation(_EN_CURRENCY_WORDS)}))\b")
_EN_PERCENT = re.compile(
    rf"{_EN_PRE}?{_EN_NUM}\s?(?P<pct>%|(?i:percentage points?|per\s?cent|pct)\b)"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Za-z]+))?"
)
_EN_AGE = re.compile(rf"{_EN_PRE}?{_EN_NUM}[-\s]years?[-\s]old\b")
_EN_AGED = re.compile(rf"\b(?i:aged?)\s+{_EN_NUM}")
_EN_DURATION_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "MIN",
                      "second": "S", "decade": "Y"}  # fmt: skip
_EN_DURATION = re.compile(
    rf"{_EN_PRE}?{_EN_NUM}(?P<half>\s+and\s+a\s+half)?[-\s]"
    r"(?P<u>(?i:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?))\b"
    r"(?![-\s]old)"
)
_EN_RANK = re.compile(
    r"(?:\b(?:No\.|no\.|number)|#)\s?(?P<n>\d{1,4})\b(?!\.\d)(?!\s+[A-Z][a-z])|(?<![A-Za-z0-9])(?P<o>\d{1,4})(?:st|nd|rd|th)\b"
)
_NOT_AFTER_RANK_MARK = r"(?<!No\.)(?<!No\. )(?<!no\. )(?<!#)(?<!number )"
_EN_COUNT = re.compile(
    rf"{_EN_PRE}?{_NOT_AFTER_RANK_MARK}{_EN_NUM}(?:(?:\s+|-)(?P<noun>[A-Za-z][A-Za-z-]*[A-Za-z]))?"
    r"(?:\s+(?P<head>[a-z][a-z-]*[a-z]))?"
)
# "31,000 S5 sedans", "86,324 of its S7 sport utility vehicles": a model code (letters and digits)
# between the number and its noun, which may follow a few lower-case modifiers
_EN_MODEL_NOUN = re.compile(
    r"\s+(?:of\s+(?:its|their|his|her|the)\s+)?[A-Z]+\d+[A-Za-z0-9]*"
    r"(?P<words>(?:\s+[a-z]+){0,2}\s+[A-Za-z]+)\b"
)
_EN_SCORED = re.compile(r"\bscor(?:e|es|ed|ing)\s+$", re.I)  # "scored 18 times": 18 goals
# "Moreira, 26, scored": an age in commas after a capitalised name
_EN_AGE_APPOSED = re.compile(r"\b(?P<name>[A-Z][a-z]+),\s(?P<base>[1-9]\d)(?=,\s)")
_EN_MONTH_OR_DAY = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
# a place in a table: "finished ninth", "ranked third", "came 2nd"
_EN_PLACED = re.compile(
    r"\b(?:finish(?:ed|es|ing)?|plac(?:ed|es|ing)|rank(?:ed|s|ing)?|came|ended(?:\s+up)?)\s+(?:in\s+)?(?:the\s+)?"
    rf"(?P<o>{_alternation(_EN_ORDINALS)})\b",
    re.I,
)

_EN_OUTCOME_COUNT = re.compile(rf"\b(?i:killing|injuring|wounding)\s+(?:at\s+least\s+)?{_EN_NUM}")
_EN_FUNCTION_WORDS = frozenset(
    {"after", "before", "since", "until", "during", "into", "onto", "over", "under", "per", "when", "while",
     "where", "which", "that", "who", "than", "against", "about", "across", "through", "between", "among"}
)  # fmt: skip
_EN_LINK_WORDS = frozenset({"to", "and", "or", "in", "on", "at", "for", "with", "by", "of", "is", "are", "was", "were"})
_EN_OF_GROUP = frozenset({"them", "whom", "those", "us"})
_EN_EMPLOYS = re.compile(r"\bemploy(?:s|ed|ing)?\s+$", re.I)


def _en_amount(match: re.Match[str]) -> tuple[_Amount, Decimal] | None:
    scale = _word(match, "scale") or _word(match, "short")
    value = parse_english(match["base"], scale)
    if value is None:
        return None
    return _with_words(value, value, False, None, _word(match, "pre"), None), value


def _scan_en(ctx: ScanContext) -> list[Hit]:
    hits: list[Hit] = []
    for match in (*_EN_MONEY_SIGNED.finditer(ctx.text), *_EN_MONEY_WORDED.finditer(ctx.text)):
        found = _en_amount(match)
        if found:
            sign, word = _word(match, "cur0"), _word(match, "cur")
            currency = _EN_CURRENCY_SIGNS[sign] if sign else _EN_CURRENCY_WORDS[(word or "").lower()]
            hits.append(_hit("money", match, found[0], f"{format_number(found[1])} {currency}", unit=currency))
    for match in _EN_PERCENT.finditer(ctx.text):
        found = _en_amount(match)
        if found:
            unit = "pp" if "point" in match["pct"].lower() else "%"
            counted = _en_lemma(match["of"]) or match["of"].lower() if match["of"] else None
            hits.append(_hit("percent", match, found[0], format_number(found[1]), unit=unit, counted=counted))
    for match in (*_EN_AGE.finditer(ctx.text), *_EN_AGED.finditer(ctx.text)):
        found = _en_amount(match)
        if found and found[1] < 150:
            hits.append(_hit("age", match, found[0], format_number(found[1]), unit="years"))
    for match in _EN_DURATION.finditer(ctx.text):
        found = _en_amount(match)
        if found:
            word = match["u"].lower().rstrip("s")
            value = found[1] * (10 if word == "decade" else 1)
            if match["half"]:  # two and a half years
                value += Decimal("0.5")
                found = (_Amount(found[0].low + Decimal("0.5"), None if found[0].high is None else found[0].high
                                 + Decimal("0.5"), found[0].approx, found[0].ranged), value)  # fmt: skip
            unit = _EN_DURATION_UNITS[word]
            hits.append(_hit("duration", match, found[0], _duration_norm(found[0], value, unit), unit=unit))
    for match in _EN_AGE_APPOSED.finditer(ctx.text):
        if not _EN_MONTH_OR_DAY.fullmatch(match["name"]):  # "June 30, 25 trains" is no age
            age = float(match["base"])
            hits.append(Hit("age", match.start("base"), match.end("base"), match["base"], age, age, "years"))
    for match in _EN_RANK.finditer(ctx.text):
        value = int(match["n"] or match["o"])
        hits.append(Hit("rank", match.start(), match.end(), str(value), value, value))
    for match in _EN_PLACED.finditer(ctx.text):
        value = _EN_ORDINALS[match["o"].lower()]
        hits.append(Hit("rank", match.start("o"), match.end("o"), str(value), value, value))
    hits.extend(hit for match in _EN_COUNT.finditer(ctx.text) if (hit := _en_count_hit(match)))
    for match in _EN_OUTCOME_COUNT.finditer(ctx.text):  # "injuring 86": the people are understood
        found = _en_amount(match)
        if found:
            hits.append(Hit("count", match.start("base"), match.end("base"), format_number(found[1]),
                            float(found[1]), float(found[1])))  # fmt: skip
    return hits


def _en_count_hit(match: re.Match[str]) -> Hit | None:
    found = _en_amount(match)
    if found is None:
        return None
    amount, value = found
    base, noun = match["base"], match["noun"]
    if base.lower() == "one" and not _word(match, "scale"):
        return None  # "one of the key cornerstones"
    lemma = _en_lemma(noun) if noun else None
    end = match.end("noun") if noun else None
    head = match["head"]
    modifier = bool(
        noun and noun.isalpha() and noun.islower() and not noun.endswith("s") and noun not in _EN_FUNCTION_WORDS
    )  # "2023 after investors": a preposition is no modifier
    compound = _en_lemma(f"{noun} {head}") if modifier and head else None  # "60 fire engines"
    if compound or (lemma is None and modifier and head and _en_lemma(head)):
        lemma, end = compound or _en_lemma(head), match.end("head")  # "31 league goals": a modifier, then the noun
    elif lemma is None and modifier and head and head.endswith("s") and head not in _EN_NOT_COUNTED:
        lemma, end = head, match.end("head")  # "3 robot vacuums": the plural noun after a modifier
    if lemma is None and noun and noun.lower() == "of" and head in _EN_OF_GROUP:
        lemma, end = "people", match.end("head")  # "Two of them were injured": some of those just counted
    if noun and noun.lower() == "times" and _EN_SCORED.search(match.string, 0, match.start()):
        lemma = _en_lemma("goals")
    if lemma == "people" and _EN_EMPLOYS.search(match.string, 0, match.start()):
        lemma = "employees"  # "employs about 5,000 people": the people it employs
    figure = bool(_word(match, "scale") or _word(match, "short") or _word(match, "pre") or "," in base)
    model = _EN_MODEL_NOUN.match(match.string, match.end("base")) if noun is None or noun == "of" else None
    if lemma is None and model and (known := _model_noun(model)):
        lemma, end = known
    if lemma is None and noun and noun.lower() not in _EN_NOT_COUNTED and noun.lower().endswith("s"):
        year_like = base.isdigit() and len(base) == 4
        lemma = None if year_like else noun.lower()
    if lemma is None and not figure:
        return None
    if not lemma or end is None:
        end = match.end("noun") if lemma else max(match.end(g) for g in ("base", "scale", "short"))
    return _hit("count", match, amount, format_number(value), counted=lemma, end=end)


def _model_noun(model: re.Match[str]) -> tuple[str, int] | None:
    """(lemma, end) of the first known noun after a model code: "S7 sport utility vehicles"."""
    for word in re.finditer(r"[A-Za-z]+", model["words"]):
        if lemma := _en_lemma(word[0]):
            return lemma, model.start("words") + word.end()
        if not word[0].islower() or word[0] in _EN_FUNCTION_WORDS or word[0] in _EN_LINK_WORDS:
            return None  # "5,000 of its X5 to fix cars": the noun is not the model's
    return None


# --- speeds ------------------------------------------------------------------------------------

# Speeds in km/h (52 m/s is 187.2 km/h, so it agrees with "187 km/h" and conflicts with 48 m/s).
_PER_SECOND, _PER_HOUR, _MILES_PER_HOUR = Decimal("3.6"), Decimal(1), Decimal("1.609344")
_ZH_METRES = r"(?:米|公尺)"
_ZH_KILOMETRES = r"(?:公里|千米)"
_ZH_SPEEDS = (
    (re.compile(rf"{_ZH_PRE}?{_NUM}\s?{_ZH_METRES}\s?(?:/|每)\s?秒(?:钟)?{_ZH_SUF}?"), _PER_SECOND),
    (re.compile(rf"(?P<pre>{_alternation(_ZH_APPROX)})?每秒(?:钟)?\s?(?:约|达)?{_NUM}\s?{_ZH_METRES}{_ZH_SUF}?"),
     _PER_SECOND),
    (re.compile(rf"{_ZH_PRE}?{_NUM}\s?{_ZH_KILOMETRES}\s?(?:/|每)\s?(?:小时|时|钟头)"), _PER_HOUR),
    (re.compile(rf"(?<=[时风车航]速)\s?(?:达到|高达|达|为)?{_ZH_PRE}?{_NUM}\s?{_ZH_KILOMETRES}{_ZH_SUF}?"), _PER_HOUR),
    (re.compile(rf"(?P<pre>{_alternation(_ZH_APPROX)})?每(?:个)?小时\s?(?:约|达)?{_NUM}\s?{_ZH_KILOMETRES}{_ZH_SUF}?"),
     _PER_HOUR),
)  # fmt: skip
_EN_SPEED_UNITS = (
    (r"m/s|metres?\s+(?:per|a|an)\s+second|meters?\s+(?:per|a|an)\s+second", _PER_SECOND),
    (r"km/h|kph|km\s+per\s+hour|kilometres?\s+(?:per|an|a)\s+hour|kilometers?\s+(?:per|an|a)\s+hour", _PER_HOUR),
    (r"mph|miles?\s+(?:per|an|a)\s+hour", _MILES_PER_HOUR),
)
_EN_SPEEDS = tuple(
    (re.compile(rf"{_EN_PRE}?{_EN_NUM}\s?(?i:{units})(?![A-Za-z])"), factor) for units, factor in _EN_SPEED_UNITS
)


def _zh_amount_stated(match: re.Match[str]) -> tuple[_Amount, Decimal] | None:
    amount = _zh_amount(match)
    return (amount, _stated(match)) if amount else None


def _scan_speeds(ctx: ScanContext) -> list[Hit]:
    """Speeds (wind, trains): one kind whatever the unit, normalised to km/h."""
    patterns = (_ZH_SPEEDS if ctx.zh else ()) + (_EN_SPEEDS if ctx.en else ())
    hits = []
    for pattern, factor in patterns:
        for match in pattern.finditer(ctx.text):
            found = _en_amount(match) if (pattern, factor) in _EN_SPEEDS else _zh_amount_stated(match)
            if found is None:
                continue
            amount, stated = found
            scaled = _Amount(amount.low * factor, None if amount.high is None else amount.high * factor,
                             amount.approx, amount.ranged)  # fmt: skip
            norm = f"{format_number((stated * factor).normalize())} km/h"
            hits.append(_hit("speed", match, scaled, norm, unit="km/h", counted="speed"))
    return hits


# --- earthquake magnitudes --------------------------------------------------------------------

def _magnitude_num(group: str) -> str:
    return rf"(?<![\d.])(?P<{group}>\d(?:\.\d)?)(?!\d|\.\d|%)"


# 震级5.8, 規模6.1, 黎克特制5.8級; 5.8级地震, 5级左右的余震; 最大余震为4.2级 (a decimal before 级 is no level)
_ZH_MAGNITUDE = re.compile(
    rf"(?:震级|[规規]模|里氏|黎克特制|芮氏)\s?(?:为|达|约|达到)?\s?{_magnitude_num('a')}(?:\s?级)?"
    rf"|{_magnitude_num('b')}\s?级(?=(?:左右的?|以上的?)?(?:地震|强震|强余震|余震|震))"
    rf"|{_magnitude_num('c')}(?<=\.\d)\s?级(?!别)"
)
_EN_MAGNITUDE = re.compile(
    rf"\b(?i:magnitude)(?:\s+(?:of|at|was|is|to))?[\s-]+{_magnitude_num('a')}"
    rf"|{_magnitude_num('b')}[\s-](?i:magnitude)\b"
)


def _scan_magnitudes(ctx: ScanContext) -> list[Hit]:
    """Earthquake magnitudes: a scale of its own (5.8 vs 6.1 is a conflict, never a count)."""
    patterns = ([_ZH_MAGNITUDE] if ctx.zh else []) + ([_EN_MAGNITUDE] if ctx.en else [])
    hits = []
    for pattern in patterns:
        for match in pattern.finditer(ctx.text):
            group = next(g for g in ("a", "b", "c") if match.groupdict().get(g))
            value = float(match[group])
            approx = "about" if ctx.text.startswith("左右", match.end()) else None
            low, high = (value - 0.5, value + 0.5) if approx else (value, value)
            hit = Hit("magnitude", match.start(), match.end(), match[group], low, high, None, "magnitude", approx)
            hits.append(hit)
    return hits


def _scan_amounts(ctx: ScanContext) -> list[Hit]:
    hits = _scan_magnitudes(ctx) + _scan_speeds(ctx) if ctx.zh or ctx.en else []
    hits += _scan_en(ctx) if ctx.en else []
    if ctx.zh:
        for scan in (_scan_zh_money, _scan_zh_percent, _scan_zh_age, _scan_zh_rank, _scan_zh_duration,
                     _scan_zh_counts):  # fmt: skip
            hits.extend(scan(ctx))
    return hits


# Cheap tests that a sentence can hold a value at all: most sentences hold none. A lone 一 is
# usually the article "a", so it opens the Chinese scanners only before a unit.
_ZH_GATE = re.compile(
    r"[\d二两三四五六七八九十百千万亿〇零几%]|一[十百千万亿年天周月个小分秒级点刻成]|第一|今[天日晨早晚夜年]"
    r"|昨|前天|前年|明[天日年]|去年"
)
_EN_GATE = re.compile(
    r"\d|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen"
    r"|today|tonight|yesterday|tomorrow|this|last|next)\b|\b(?i:finish|plac|rank|came|ended)"
)


# --- choosing among candidates -----------------------------------------------------------------

_KIND_ORDER = ("magnitude", "speed", "date", "time", "money", "percent", "age", "duration", "rank", "year", "count")
_URL = re.compile(r"(?:https?://|www\.)[^\s，。；、）)」”\"'<>]+|[\w.+-]+@[\w-]+\.[\w.]+")


def _mask_urls(text: str) -> str:
    """Numbers inside URLs and e-mail addresses are not values; blank them, keeping offsets."""
    return _URL.sub(lambda m: " " * len(m[0]), text)


def _choose(hits: list[Hit]) -> list[Hit]:
    """The longest candidates first (the kind order breaks ties), skipping any that overlap."""
    ranked = sorted(hits, key=lambda h: (-(h.end - h.start), _KIND_ORDER.index(h.kind), h.start))
    taken: list[Hit] = []
    used = bytearray(max((h.end for h in hits), default=0))
    for hit in ranked:
        if hit.end > hit.start and not any(used[hit.start : hit.end]):
            taken.append(hit)
            used[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    return sorted(taken, key=lambda h: h.start)


_RANGE_KINDS = frozenset({"count", "money", "percent"})
_RANGE_GAP = re.compile(r"\s*(?:至|到|-|–|—|~|to)\s*|\s+and\s+")
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_FROM = re.compile(r"(?:\bfrom\s+|[从由]\s*)$", re.I)


def _join_ranges(hits: list[Hit], text: str) -> list[Hit]:
    """90亿元至95亿元, 9 billion to 9.5 billion yuan: two figures joined by 至 / to are one range."""
    return _join_adjacent(hits, text, _range_pair, _range_hit)


def _join_adjacent(
    hits: list[Hit], text: str, pair: Callable[[Hit, Hit, str], bool], merged: Callable[[Hit, Hit], Hit]
) -> list[Hit]:
    """Hits in order, each one that ``pair`` says belongs with the one before merged into it."""
    joined: list[Hit] = []
    for hit in hits:
        if joined and pair(joined[-1], hit, text):
            joined[-1] = merged(joined[-1], hit)
        else:
            joined.append(hit)
    return joined


def _range_pair(first: Hit, second: Hit, text: str) -> bool:
    if first.kind not in _RANGE_KINDS or second.kind not in _RANGE_KINDS:
        return False
    bare = first.kind == "count" and first.counted is None  # 90亿至95亿元: the unit said once, at the end
    same = first.kind == second.kind and first.unit == second.unit and first.counted in (None, second.counted)
    if not (same or bare):
        return False
    if first.approx or second.approx or first.low is None or second.low is None:
        return False
    if not (first.low == first.high and second.low == second.high and first.low < second.low):
        return False
    gap = _RANGE_GAP.fullmatch(text, first.end, second.start)
    if not gap or _FROM.search(text, 0, first.start):  # "rose from 2.6 million to 3.2 million" is a change
        return False
    return "and" not in gap[0] or bool(_BETWEEN.search(text, 0, first.start))


def _range_hit(first: Hit, second: Hit) -> Hit:
    span = f"{format_number(Decimal(str(first.low)))}-{format_number(Decimal(str(second.high)))}"
    norm = f"{span} {second.unit}" if second.kind == "money" else span
    return Hit(second.kind, first.start, second.end, norm, first.low, second.high, second.unit,
               second.counted or first.counted, None)  # fmt: skip


_LIST_GAP = re.compile(r"[^。；;！!？?]{0,8}")
_LIST_SEPARATOR = re.compile(r"[、,，/和及与或]|\band\b|\bor\b")


def _share_counted_nouns(hits: list[Hit], text: str) -> None:
    """微博170万、抖音近300万粉丝: a noun after a list of counts applies to each of them."""
    following: Hit | None = None
    for hit in reversed(hits):
        if hit.kind != "count":
            following = None
            continue
        if hit.counted is None and following is not None and following.counted:
            gap = text[hit.end : following.start]
            if _LIST_GAP.fullmatch(gap) and _LIST_SEPARATOR.search(gap):
                hit.counted = following.counted
        following = hit


# What happened to the people counted: 12人遇难, 3人失联, "three people were still missing",
# "killing 12 people and injuring 86". Each is a slot of its own (the dead are not the injured).
_ZH_OUTCOME_AFTER = re.compile(
    r"(?:仍|已|均|还)?(?:(?P<dead>遇难|死亡|身亡|丧生|罹难|丧命)|(?P<injured>受伤|受轻伤|受重伤)|(?P<missing>失联|失踪|下落不明))"
)
_EN_OUTCOME_AFTER = re.compile(
    r"\s+(?:(?:were|are|was|is|remain(?:ed|s)?|have\s+been|had\s+been)\s+)?(?:still\s+)?"
    r"(?:(?P<dead>dead|killed)|(?P<injured>injured|hurt|wounded)|(?P<missing>missing|unaccounted\s+for))\b",
    re.I,
)
_EN_OUTCOME_BEFORE = re.compile(r"\b(?:(?P<dead>killing|killed)|(?P<injured>injuring|injured|wounding|wounded))"
                                r"\s+(?:at\s+least\s+)?$", re.I)  # fmt: skip
_OUTCOMES = ("dead", "injured", "missing")


def _name_outcomes(hits: list[Hit], text: str) -> None:
    """A count of people followed (or, in English, preceded) by what befell them counts that."""
    for hit in hits:
        if hit.kind != "count" or hit.counted not in (None, "people"):
            continue
        found = _ZH_OUTCOME_AFTER.match(text, hit.end) or _EN_OUTCOME_AFTER.match(text, hit.end)
        found = found or _EN_OUTCOME_BEFORE.search(text, max(0, hit.start - 30), hit.start)
        if found:
            hit.counted = next(word for word in _OUTCOMES if found.groupdict().get(word))


_MONTHS_AFTER_YEARS = re.compile(r"\s?(?:零|又)?\s?")


def _join_durations(hits: list[Hit], text: str) -> list[Hit]:
    """两年六个月, 2年6个月: years and then months are one term, in years (2.5)."""
    return _join_adjacent(hits, text, _years_then_months, _years_and_months)


def _years_then_months(first: Hit, second: Hit, text: str) -> bool:
    exact = first.low == first.high and second.low == second.high and first.low is not None
    units = first.kind == second.kind == "duration" and (first.unit, second.unit) == ("Y", "M")
    return exact and units and bool(_MONTHS_AFTER_YEARS.fullmatch(text, first.end, second.start))


def _years_and_months(first: Hit, second: Hit) -> Hit:
    years, months = Decimal(str(first.low)), Decimal(str(second.low))
    total = years + months / 12
    whole = total == total.quantize(Decimal("0.01"))
    norm = f"P{format_number(total)}Y" if whole else f"P{format_number(years)}Y{format_number(months)}M"
    return Hit("duration", first.start, second.end, norm, float(total), float(total), "Y", None, first.approx)


# 截至9日18时, 截至9日上午, as of 6 p.m.: the time of a tally, not of the event. A bare day after
# 截至 (截至10月28日收盘) is kept: a closing price or a day's figure belongs to that day.
_REPORT_TIME = re.compile(r"(?:截至|截止到|截止|截至到)\s*$|\b(?i:as\s+of)\s+$")
_PART_OF_DAY = re.compile(r"\s*(?:[上下]午|凌晨|早上|晚上|中午|傍晚|\d{1,2}\s?[时点])")


def _drop_report_times(hits: list[Hit], text: str) -> list[Hit]:
    """The dates and times of an "as of" clock reading are left out: they date a tally."""
    drop: set[int] = set()
    for i, hit in enumerate(hits):
        if hit.kind not in ("date", "time") or not _REPORT_TIME.search(text, max(0, hit.start - 6), hit.start):
            continue
        following = hits[i + 1] if i + 1 < len(hits) else None
        clock = following is not None and following.kind == "time" and following.start - hit.end <= 4
        if hit.kind == "time" or clock or _PART_OF_DAY.match(text, hit.end):
            drop.add(i)
            if clock:
                drop.add(i + 1)
    return [hit for i, hit in enumerate(hits) if i not in drop]


_GLOSS_GAP = re.compile(r"\s*[（(]\s*")


def _drop_glossed_relative_days(hits: list[Hit], text: str) -> list[Hit]:
    """昨天（20日）: the day in brackets is the one the reader can check; the word before it is
    the same day said relatively and is left out."""
    return [
        hit
        for i, hit in enumerate(hits)
        if not (
            hit.kind == "date"
            and i + 1 < len(hits)
            and hits[i + 1].kind == "date"
            and hits[i + 1].norm == hit.norm
            and not any(ch.isdigit() for ch in text[hit.start : hit.end])
            and _GLOSS_GAP.fullmatch(text, hit.end, hits[i + 1].start)
        )
    ]


_RELATIVE_YEAR_WORD = re.compile(r"今年|本年|this\s+year", re.I)


def _drop_years_of_ordinals(hits: list[Hit], text: str) -> list[Hit]:
    """今年第13号台风 (the 13th typhoon of the year): 今年 there scopes a rank and dates nothing."""
    return [
        hit
        for i, hit in enumerate(hits)
        if not (
            hit.kind == "year"
            and _RELATIVE_YEAR_WORD.fullmatch(text, hit.start, hit.end)
            and i + 1 < len(hits)
            and hits[i + 1].kind == "rank"
            and hits[i + 1].start - hit.end <= 1
        )
    ]


def _to_value(hit: Hit, sentence: str, owner: str | None = None) -> Value:
    low = None if hit.low is None else float(hit.low)
    high = None if hit.high is None else float(hit.high)
    return Value(
        hit.kind, hit.start, hit.end, sentence[hit.start : hit.end], hit.norm,
        low, high, hit.unit, hit.counted, hit.approx, owner,
    )  # fmt: skip


# --- whose figure it is ----------------------------------------------------------------------------

_OWNED_KINDS = frozenset({"count", "money", "percent"})
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_OWNER_GAP = 4  # characters allowed between a Chinese owner and its figure (微博拥有180.2万)
_ITEM_END = re.compile(r"[、，,；;。：:！!？?（(）)]|和|与|及")
_EN_OWNER_AFTER = re.compile(
    r"\s+(?:on|at|in|across|via)\s+(?:(?:his|her|its|their|the|a|an)\s+)?(?:(?:personal|official|own)\s+)?"
    r"(?P<name>[A-Za-z][A-Za-z0-9]+)"
)

# "shares closed down 4.3%", "revenue rose 12%": a thing right before the verb that moved it
_EN_MOVED_BY = re.compile(
    r"\b(?P<name>[A-Za-z]+(?:\s[a-z]+)?)\s+(?:(?:closed|ended|finished|were|was|are|is|have|has)\s+)?"
    r"(?:down|up|lower|higher|fell|rose|dropped|jumped|slumped|gained|lost|climbed|slid|sank|surged|tumbled)"
    r"(?:\s+(?:by|about|almost|nearly|some|around|as\s+much\s+as))*\s+$"
)


def _owners(hits: list[Hit], sentence: str, english: bool) -> list[str | None]:
    """For each figure, the platform or entity it belongs to, else None.

    In a list (拥有微博170万、抖音近300万粉丝) each figure belongs to the name right before it
    in its own list item; in English to a name after "on" / "at" (2 million followers on Weibo).
    The owner is a lexicon thing (a concept id) or a Latin word (its lower-cased letters).
    """
    owners: list[str | None] = []
    previous_end = 0
    for hit in hits:
        owner = None
        if hit.kind in _OWNED_KINDS:
            owner = _owner_after(hit, sentence) if english else _owner_before(hit, sentence, previous_end)
        owners.append(owner)
        previous_end = hit.end
    return owners


def _owner_before(hit: Hit, sentence: str, floor: int) -> str | None:
    start = max(floor, hit.start - 12)
    window = sentence[start : hit.start]
    for item_end in _ITEM_END.finditer(window):
        window = window[item_end.end() :]
    candidates = [(end, key) for key, end in _owner_words(window, english=False)]
    near = [(end, key) for end, key in candidates if len(window) - end <= _OWNER_GAP and key != _counted_id(hit)]
    return max(near)[1] if near else None


def _owner_after(hit: Hit, sentence: str) -> str | None:
    moved = _EN_MOVED_BY.search(sentence, max(0, hit.start - 60), hit.start) if hit.kind == "percent" else None
    if moved and (found := _owner_words(moved["name"], english=True)):
        return found[-1][0]  # "shares closed down 4.3%": the figure is the shares' move
    match = _EN_OWNER_AFTER.match(sentence, hit.end)
    if not match or not (match["name"][0].isupper() or _owner_words(match["name"], english=True)):
        return None
    if _EN_MONTH_OR_DAY.fullmatch(match["name"]):
        return None  # "on Friday" says when, not whose
    found = _owner_words(match["name"], english=True)
    return found[0][0] if found else match["name"].lower()


def _owner_words(text: str, english: bool) -> list[tuple[str, int]]:
    """(key, end) of lexicon things and Latin words in ``text``."""
    from reader.facts.lexicon import concept, concepts_in
    from reader.script import fold as fold_script

    found = [(cid, end) for cid, _, end in concepts_in(fold_script(text), english) if concept(cid).kind == "thing"]
    found += [(m[0].lower(), m.end()) for m in re.finditer(r"[A-Za-z][A-Za-z0-9]+", text) if not english]
    return found


def _counted_id(hit: Hit) -> str | None:
    from reader.facts.lexicon import counted_concept

    return counted_concept(hit.counted)
