"""Dates, times and years in Chinese and English sentences, normalised to ISO forms.

Scanners take a ``ScanContext`` (the folded sentence and the article's publication date) and
return ``Hit`` records; ``reader.facts.values`` turns the chosen hits into ``Value`` objects.
A date without a year is written ``--MM-DD`` (ISO 8601's year-less form) until
``resolve_missing_years`` can give it one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from reader.facts.numbers import CN_NUM, NUM_BEFORE, parse_chinese

# How far after the publication date a year-less date may fall before it is read as last year's.
_FUTURE_SLACK = dt.timedelta(days=62)


@dataclass
class Hit:
    """A candidate value found by one scanner, before overlaps are resolved."""

    kind: str
    start: int
    end: int
    norm: str
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    counted: str | None = None
    approx: str | None = None


@dataclass(frozen=True)
class ScanContext:
    """What every scanner needs: the folded, URL-masked sentence and the publication date."""

    text: str
    published: dt.date | None
    language: str | None
    zh: bool = True  # the sentence may hold a Chinese-written value (gates the Chinese scanners)
    en: bool = True  # the sentence may hold an English-written value


def parse_published(published: str | None) -> dt.date | None:
    """'2025-09-09' (or a longer ISO timestamp) -> date; anything else -> None."""
    if not published or len(published) < 10:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


# --- shared fragments ------------------------------------------------------------------------

_PERIOD = r"凌晨|清晨|早上|早晨|上午|中午|下午|傍晚|晚上|晚间|夜里|夜间|深夜|半夜|今晨|早|晚"
_PM_PERIODS = {"下午", "傍晚", "晚上", "晚间", "夜里", "夜间", "深夜", "晚"}
# A time-of-day word belongs to a date only when no clock time follows it (9月1日晚上21:30).
_DATE_PERIOD = rf"(?:(?!(?:{_PERIOD})\s*[\d零一二三四五六七八九十两])(?:{_PERIOD}))?"
_ZH_WEEKDAY = r"(?:周|星期|礼拜)[一二三四五六日天]"
_ZH_WEEKDAY_PAREN = rf"(?:\s*[(（]\s*{_ZH_WEEKDAY}\s*[)）])?"
_CN_SMALL = r"[一二三四五六七八九十]{1,3}"
_MONTH = rf"(?:\d{{1,2}}|{_CN_SMALL})"
_DAY = rf"(?:\d{{1,2}}|{_CN_SMALL})"
_CN_YEAR = r"[〇零一二三四五六七八九]{4}"

_WEEKDAY_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Capitalised only: "may" and "march" are also ordinary words.
_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?"
)
_EN_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"


def _small_int(text: str) -> int | None:
    """'9' or '九' or '二十一' -> int; None when it is not a small number."""
    if text.isdigit():
        return int(text)
    parsed = parse_chinese(text)
    return int(parsed[0]) if parsed and parsed[0] == parsed[1] else None


def _year_int(text: str) -> int | None:
    """'2025' or '二〇二五' -> 2025."""
    value = _small_int(text)
    return value if value is not None and 1000 <= value <= 2200 else None


def _valid_day(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year or 2024, month)[1]  # 2024 is a leap year: allows 02-29


def _date_norm(year: int | None, month: int, day: int | None) -> str:
    if day is None:
        return f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _date_hit(match: re.Match[str], year: int | None, month: int, day: int | None) -> Hit | None:
    if day is None and not 1 <= month <= 12:
        return None
    if day is not None and not _valid_day(year, month, day):
        return None
    return Hit("date", match.start(), match.end(), _date_norm(year, month, day))


# --- Chinese dates ---------------------------------------------------------------------------

_ZH_FULL_DATE = re.compile(
    rf"{NUM_BEFORE}(?P<y>\d{{4}}|{_CN_YEAR})\s*年\s*(?P<m>{_MONTH})\s*月"
    rf"(?:\s*(?:(?P<d>{_DAY})\s*[日号]{_DATE_PERIOD}{_ZH_WEEKDAY_PAREN}|份))?"
)
_ZH_MONTH_DAY = re.compile(
    rf"{NUM_BEFORE}(?P<m>{_MONTH})\s*月\s*(?P<d>{_DAY})\s*[日号]{_DATE_PERIOD}{_ZH_WEEKDAY_PAREN}"
)
# A month alone (2月升总经理): not 3个月, and not 月 in 一月份 words like 月底 that are fine anyway.
_ZH_MONTH_ONLY = re.compile(rf"{NUM_BEFORE}(?<![个第])(?P<m>\d{{1,2}}|十[一二]?|[一二三四五六七八九])月(?:份)?")
_ZH_DAY_WEEKDAY = re.compile(
    rf"(?P<w1>{_ZH_WEEKDAY})\s*[(（]\s*(?P<d>\d{{1,2}})\s*[日号]\s*[)）]"
    rf"|{NUM_BEFORE}(?<![月\d])(?P<d2>\d{{1,2}})\s*日\s*[(（]\s*(?P<w2>{_ZH_WEEKDAY})\s*[)）]"
)
_ZH_DAY_ONLY = re.compile(rf"{NUM_BEFORE}(?<![月\d])(?P<d>\d{{1,2}})日(?![内前后以之来])")


def _scan_zh_dates(ctx: ScanContext) -> list[Hit]:
    hits: list[Hit] = []
    for match in _ZH_FULL_DATE.finditer(ctx.text):
        year, month = _year_int(match["y"]), _small_int(match["m"])
        day = _small_int(match["d"]) if match["d"] else None
        if year and month and (match["d"] is None or day):
            hits.append(_date_hit(match, year, month, day))
    for match in _ZH_MONTH_DAY.finditer(ctx.text):
        month, day = _small_int(match["m"]), _small_int(match["d"])
        if month and day:
            hits.append(_date_hit(match, None, month, day))
    for match in _ZH_MONTH_ONLY.finditer(ctx.text):
        month = _small_int(match["m"])
        if month:
            hits.append(_date_hit(match, None, month, None))
    hits.extend(_scan_day_only(ctx))
    return [hit for hit in hits if hit is not None]


def _scan_day_only(ctx: ScanContext) -> list[Hit]:
    """周一（8日） and 8日: the month and year come from the publication date."""
    if ctx.published is None:
        return []
    hits = []
    for match in _ZH_DAY_WEEKDAY.finditer(ctx.text):
        day = int(match["d"] or match["d2"])
        weekday = _WEEKDAY_INDEX[(match["w1"] or match["w2"])[-1]]
        found = _recent_day(ctx.published, day, weekday)
        if found:
            hits.append(Hit("date", match.start(), match.end(), found.isoformat()))
    for match in _ZH_DAY_ONLY.finditer(ctx.text):
        found = _recent_day(ctx.published, int(match["d"]), None)
        if found:
            hits.append(Hit("date", match.start(), match.end(), found.isoformat()))
    return hits


def _recent_day(published: dt.date, day: int, weekday: int | None) -> dt.date | None:
    """The latest date on or shortly after ``published`` with this day of month (and weekday)."""
    if not 1 <= day <= 31:
        return None
    year, month = published.year, published.month
    first_guess = None
    for _ in range(14):
        if day <= calendar.monthrange(year, month)[1]:
            candidate = dt.date(year, month, day)
            if candidate <= published + dt.timedelta(days=3):
                if weekday is None or candidate.weekday() == weekday:
                    return candidate
                first_guess = first_guess or candidate
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return first_guess


# --- numeric and English dates ---------------------------------------------------------------

_ISO_DATE = re.compile(
    r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])"
)
_ISO_MONTH = re.compile(r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})(?![\d\-/])")
_EN_MONTH_DAY = re.compile(
    rf"\b{_EN_WEEKDAY}(?P<mon>{_EN_MONTH})\s+(?P<d>\d{{1,2}}){_ORD}\b(?:,?\s+(?P<y>(?:1[89]|20)\d{{2}})\b)?"
)
_EN_DAY_MONTH = re.compile(
    rf"\b{_EN_WEEKDAY}(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_EN_MONTH})(?:,?\s+(?P<y>(?:1[89]|20)\d{{2}})\b)?"
)
_EN_MONTH_YEAR = re.compile(rf"\b(?P<mon>{_EN_MONTH}),?\s+(?P<y>(?:1[89]|20)\d{{2}})\b")


def _scan_numeric_and_english_dates(ctx: ScanContext) -> list[Hit]:
    hits: list[Hit | None] = []
    for match in _ISO_DATE.finditer(ctx.text):
        hits.append(_date_hit(match, int(match["y"]), int(match["m"]), int(match["d"])))
    for match in _ISO_MONTH.finditer(ctx.text):
        hits.append(_date_hit(match, int(match["y"]), int(match["m"]), None))
    for pattern in (_EN_MONTH_DAY, _EN_DAY_MONTH):
        for match in pattern.finditer(ctx.text):
            month = _EN_MONTHS[match["mon"].rstrip(".").lower()]
            year = int(match["y"]) if match["y"] else None
            hits.append(_date_hit(match, year, month, int(match["d"])))
    for match in _EN_MONTH_YEAR.finditer(ctx.text):
        hits.append(_date_hit(match, int(match["y"]), _EN_MONTHS[match["mon"].rstrip(".").lower()], None))
    return [hit for hit in hits if hit is not None]


# --- relative dates and years ----------------------------------------------------------------

_ZH_RELATIVE_DAYS = {"今天": 0, "今日": 0, "今晨": 0, "今早": 0, "今晚": 0, "今夜": 0, "昨天": -1,
                     "昨日": -1, "昨晚": -1, "昨夜": -1, "前天": -2, "明天": 1, "明日": 1}  # fmt: skip
_ZH_RELATIVE = re.compile(
    r"(?P<w>今天|今日(?!头条)|今晨|今早|今晚|今夜|昨天|昨日|昨晚|昨夜|前天|明天|明日)" + _DATE_PERIOD
)
_EN_RELATIVE_DAYS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}
_EN_RELATIVE = re.compile(
    r"\b(?i:(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?P<w2>this)\s+(?:morning|afternoon|evening)|(?P<w3>last)\s+night)\b"
)
_RELATIVE_YEARS = {"今年": 0, "去年": -1, "前年": -2, "明年": 1, "this year": 0, "last year": -1,
                   "next year": 1}  # fmt: skip
_RELATIVE_YEAR = re.compile(r"今年|去年|前年|明年|\b(?i:this year|last year|next year)\b")


def _scan_relative(ctx: ScanContext) -> list[Hit]:
    """今天, yesterday, this morning, 去年 ...: only when the publication date is known."""
    if ctx.published is None:
        return []
    hits = []
    for match in _ZH_RELATIVE.finditer(ctx.text):
        day = ctx.published + dt.timedelta(days=_ZH_RELATIVE_DAYS[match["w"]])
        hits.append(Hit("date", match.start(), match.end(), day.isoformat()))
    for match in _EN_RELATIVE.finditer(ctx.text):
        word = (match["w"] or match["w2"] or match["w3"]).lower()
        day = ctx.published + dt.timedelta(days=_EN_RELATIVE_DAYS[word])
        hits.append(Hit("date", match.start(), match.end(), day.isoformat()))
    for match in _RELATIVE_YEAR.finditer(ctx.text):
        year = ctx.published.year + _RELATIVE_YEARS[match[0].lower()]
        hits.append(Hit("year", match.start(), match.end(), str(year), year, year))
    return hits


_ZH_YEAR = re.compile(rf"{NUM_BEFORE}(?P<y>\d{{4}}|{_CN_YEAR})\s*年(?P<fy>度)?(?!代|级)")
# A bare year in Chinese text, before a part of the year: 2025第二季度, 2024上半年.
_ZH_BARE_YEAR = re.compile(rf"{NUM_BEFORE}(?P<y>(?:19|20)\d{{2}})(?=第|上半年|下半年|年初|年底|全年|财年|Q[1-4])")
_EN_YEAR = re.compile(
    r"\b(?i:in|since|by|until|till|from|before|after|during|through|early|late|mid-?|of|end of"
    r"|year|fiscal|between|and|to)\s+(?P<y>(?:1[89]|20)\d{2})\b(?!\s*(?:%|percent|per\s*cent)|[,.]\d)"
)
_EN_LEADING_YEAR = re.compile(r"^\s*(?P<y>(?:19|20)\d{2}),")


def _scan_years(ctx: ScanContext) -> list[Hit]:
    hits = []
    for match in _ZH_YEAR.finditer(ctx.text):
        year = _year_int(match["y"])
        if year:
            hits.append(Hit("year", match.start(), match.end(), str(year), year, year))
    for pattern in (_ZH_BARE_YEAR, _EN_YEAR, _EN_LEADING_YEAR):
        for match in pattern.finditer(ctx.text):
            year = int(match["y"])
            hits.append(Hit("year", match.start("y"), match.end("y"), str(year), year, year))
    return hits


# --- times -----------------------------------------------------------------------------------

_AMPM = r"(?P<ap>[AaPp])(?:\.\s?[Mm]\.|\s?[Mm]\b)"
_CLOCK = re.compile(
    rf"(?:(?P<p>{_PERIOD})\s*)?(?<![\d:])(?P<h>\d{{1,2}})\s*:\s*(?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?(?![\d:])"
    rf"(?:\s*{_AMPM})?"
)
_ZH_CLOCK = re.compile(
    rf"(?:(?P<p>{_PERIOD})\s*)?{NUM_BEFORE}(?P<h>\d{{1,2}}|{CN_NUM})\s*[点时]"
    rf"(?:(?P<half>半)|(?P<q>[一三])刻|\s*(?P<mi>\d{{1,2}}|{CN_NUM})\s*分(?!钟)|(?P<o>钟|整))?"
)
_EN_CLOCK = re.compile(rf"\b(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s?{_AMPM}")


def _scan_times(ctx: ScanContext) -> list[Hit]:
    hits: list[Hit | None] = []
    for match in _CLOCK.finditer(ctx.text):
        hits.append(_time_hit(match, match["h"], match["mi"], match["p"], match["ap"], match["s"]))
    for match in _ZH_CLOCK.finditer(ctx.text):
        hits.append(_zh_clock_hit(match))
    for match in _EN_CLOCK.finditer(ctx.text):
        hits.append(_time_hit(match, match["h"], match["mi"], None, match["ap"], None))
    return [hit for hit in hits if hit is not None]


def _zh_clock_hit(match: re.Match[str]) -> Hit | None:
    """晚上9点半 -> 21:30. A bare 三点 is too often 'three points' to count without a period word."""
    is_arabic = match["h"].isdigit()
    has_tail = bool(match["half"] or match["q"] or match["mi"] or match["o"])
    if not match["p"] and not (is_arabic and has_tail) and not match["o"]:
        return None
    if match["half"]:
        minute = "30"
    elif match["q"]:
        minute = "15" if match["q"] == "一" else "45"
    else:
        minute = match["mi"]
    return _time_hit(match, match["h"], minute, match["p"], None, None)


def _time_hit(
    match: re.Match[str], hour_text: str, minute_text: str | None, period: str | None,
    ampm: str | None, second_text: str | None,
) -> Hit | None:  # fmt: skip
    hour = _small_int(hour_text)
    minute = _small_int(minute_text) if minute_text else 0
    if hour is None or minute is None or hour > 24 or minute > 59:
        return None
    if ampm:
        if hour > 12 or hour == 0:
            return None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    elif (period in _PM_PERIODS and hour < 12) or (period == "中午" and hour < 6):
        hour += 12
    norm = f"{hour:02d}:{minute:02d}" + (f":{second_text}" if second_text else "")
    return Hit("time", match.start(), match.end(), norm)


def scan_calendar(ctx: ScanContext) -> list[Hit]:
    """Every date, year and time candidate of the sentence (overlaps not yet resolved)."""
    hits = [*_scan_relative(ctx), *_scan_years(ctx), *_scan_times(ctx)]
    if ctx.zh:
        hits.extend(_scan_zh_dates(ctx))
    if ctx.en:
        hits.extend(_scan_numeric_and_english_dates(ctx))
    return hits


# --- years for year-less dates ---------------------------------------------------------------


# Words just before a date that put it ahead of the report (pushed back to December 28, 将于12月28日).
_FUTURE_CUE = re.compile(
    r"(?i:\b(?:will|to be|due|scheduled|slated|planned|expected|postponed to|delayed to|pushed back to"
    r"|put back to|moved to|until|by|next)\b)|将|预计|计划|定于|拟|推迟至|推迟到|延至|延期至|延后至|调整为"
)
_FUTURE_WINDOW = 24  # characters before a date searched for a future cue


def resolve_missing_years(hits: list[Hit], published: dt.date | None, text: str = "") -> None:
    """Give ``--MM-DD`` dates a year, in place: the last year named earlier in the sentence
    (2024年…2月升…5月兼任), else the publication year (the previous one if the date would fall
    more than two months after publication, unless words just before it put it in the future)."""
    context_year: int | None = None
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.kind == "year":
            context_year = int(hit.norm)
        elif hit.kind == "date" and not hit.norm.startswith("--"):
            context_year = int(hit.norm[:4])
        elif hit.kind == "date":
            ahead = bool(_FUTURE_CUE.search(text, max(0, hit.start - _FUTURE_WINDOW), hit.start))
            year = context_year or _year_near(hit.norm, published, ahead)
            if year:
                hit.norm = f"{year:04d}-{hit.norm[2:]}"


def _year_near(norm: str, published: dt.date | None, ahead: bool = False) -> int | None:
    if published is None:
        return None
    month = int(norm[2:4])
    day = int(norm[5:7]) if len(norm) > 5 else 1
    year = published.year
    try:
        if not ahead and dt.date(year, month, day) > published + _FUTURE_SLACK:
            year -= 1
    except ValueError:  # 02-29 outside a leap year: keep the publication year
        pass
    return year
