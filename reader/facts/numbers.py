"""Numbers as written in Chinese and English news text: folding, regex fragments, parsing.

Everything here works on a *folded* copy of the sentence (``fold``): fullwidth forms and the
traditional characters that matter for numbers and units are mapped one character to one
character, so every offset in the folded text is an offset in the original.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Fullwidth digits and signs, and the traditional forms of number and unit words, as
# (original, plain) pairs: one character to one character so offsets survive.
_FOLD_PAIRS = (
    "０0 １1 ２2 ３3 ４4 ５5 ６6 ７7 ８8 ９9 ．. ％% ：: ＄$ ～~ －- ／/ ＋+ （( ）) "
    "萬万 億亿 兩两 個个 歲岁 週周 點点 塊块 門门 錢钱 幾几 餘余 約约 將将 達达 過过 間间 內内 時时 "
    "鐘钟 頭头 後后 來来 號号 禮礼 國国 員员 戶户 絲丝 臺台 輛辆 項项 條条 張张 場场 屆届 輪轮 層层 "
    "級级 數数 單单 筆笔 顆颗 隻只 訂订 銷销 閱阅 讀读 讚赞 關关 熱热 區区 縣县 鋪铺 幣币 圓圆 歐欧 "
    "鎊镑 韓韩 盧卢 淩凌 裡里 職职 會会 車车 於于 進进 為为 樓楼 隊队 們们 種种 類类 冊册 樁桩 雙双 "
    "買买 賣卖 額额 價价 營营 億亿 貨货 億亿 餘余 裏里 觀观 覽览 贊赞 戶户 產产 廠厂 務务 標标 際际 "
    "資资 傷伤 蹤踪 聯联 難难 災灾 罰罚 釐厘 報报 訴诉 風风"
)


def _build_fold_table() -> dict[int, int]:
    table = {ord(pair[0]): ord(pair[1]) for pair in _FOLD_PAIRS.split()}
    for offset in range(26):
        table[ord("Ａ") + offset] = ord("A") + offset
        table[ord("ａ") + offset] = ord("a") + offset
    return table


_FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """The text with fullwidth forms and traditional number/unit characters made plain; same length."""
    return text.translate(_FOLD_TABLE)


# --- regex fragments -------------------------------------------------------------------------

CN_DIGIT_CHARS = "零〇一二两三四五六七八九"
CN_UNIT_CHARS = "十百千万亿"
# Arabic digits, with thousands separators only in groups of exactly three ("2016,29" is two numbers).
AR_NUM = r"(?:\d{1,3}(?:,\d{3})+(?![\d,]*\d)|\d+)(?:\.\d+)?"
# A Chinese numeral starts with a digit or 十/百/千 (not 万/亿: 万一, 亿万 are words).
CN_NUM = rf"[{CN_DIGIT_CHARS}十百千][{CN_DIGIT_CHARS}{CN_UNIT_CHARS}]*"
# Vague round numbers: 几十, 数百, 十几, 几千万.
CN_VAGUE = r"(?:[几数][十百千万亿]+|十几[万亿]?)"
# Not inside a code or a longer number: K50, SU7, COVID-19, 1.2.3, a URL remnant.
NUM_BEFORE = r"(?<![A-Za-z0-9_.])(?<![A-Za-z]-)"

# 3万2000: ten-thousands, then the rest in digits (32000), as Singapore and Taiwan papers write it;
# 12万6千: the rest with its own unit (126000), as Hong Kong papers write it.
MIXED_NUM = r"\d{1,4}万\d{1,4}[千百]?(?![\d.,万亿])"

ZH_NUMBER = (
    rf"(?:(?P<rlo>{AR_NUM}|{CN_NUM})\s*(?:-|~|至|到|—)\s*)?"
    # 上万亿, 破万: after an approximation word a bare 万 / 亿 means one of them.
    rf"(?P<base>{MIXED_NUM}|{AR_NUM}|{CN_VAGUE}|{CN_NUM}|(?<=[上破过超近逾])[万亿]+)"
    r"(?P<m1>[多余])?(?P<mult>(?:[百万亿]|千(?![米克瓦]))*)(?P<m2>[多余])?"  # 32.6千米 is km, not 32,600
)

EN_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a dozen": 12, "dozen": 12,
}  # fmt: skip
EN_SCALES = {
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "k": 1000, "m": 10**6, "mn": 10**6, "bn": 10**9, "tn": 10**12,
}  # fmt: skip
_EN_WORD = "|".join(sorted((w for w in EN_WORD_NUMBERS if " " not in w), key=len, reverse=True))
# Case-insensitive: a sentence may open with "Eleven" or "Twenty-one".
EN_WORD_NUM = rf"(?i:(?:{_EN_WORD})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
EN_NUMBER = (
    rf"(?P<base>{AR_NUM}|\b{EN_WORD_NUM}\b)"
    r"(?:\s?(?P<scale>hundred|thousand|million|billion|trillion|mn|bn|tn)\b"
    r"|(?<=\d)(?P<short>[kmKM])\b)?"
)


# --- parsing ---------------------------------------------------------------------------------

_CN_DIGIT_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                   "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNIT = {"万": 10**4, "亿": 10**8}
_MULT_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}


def parse_arabic(text: str) -> Decimal:
    """'1,000,000' -> 1000000; '180.2' -> 180.2; '3万2000' -> 32000; '12万6千' -> 126000."""
    if "万" in text:
        high, low = text.split("万", 1)
        unit = _CN_SMALL_UNIT.get(low[-1:], 1)
        return Decimal(high) * 10**4 + Decimal(low.rstrip("千百")) * unit
    return Decimal(text.replace(",", ""))


def parse_chinese(text: str) -> tuple[Decimal, Decimal] | None:
    """A Chinese numeral as (low, high): 二十一 -> 21, 一百零五 -> 105, 七八 -> (7, 8), 二〇二五 -> 2025."""
    if not text or any(ch not in _CN_DIGIT_VALUE and ch not in _MULT_VALUE for ch in text):
        return None
    if all(ch in _CN_DIGIT_VALUE for ch in text):
        return _parse_digit_string(text)
    value = _parse_positional(text)
    return None if value is None else (Decimal(value), Decimal(value))


def _parse_digit_string(text: str) -> tuple[Decimal, Decimal]:
    """七八 is 'seven or eight'; 二〇二五 is read digit by digit."""
    digits = [_CN_DIGIT_VALUE[ch] for ch in text]
    if len(digits) == 2 and 0 < digits[0] < digits[1] and "〇" not in text and "零" not in text:
        return Decimal(digits[0]), Decimal(digits[1])
    value = Decimal("".join(str(d) for d in digits))
    return value, value


def _parse_positional(text: str) -> int | None:
    """十二, 一百零五, 三亿五千万, 一万亿, and the colloquial 一千二 (=1200)."""
    total = 0  # completed 万 / 亿 sections
    section = 0  # the part below the current 万
    digit: int | None = None
    last_unit = 1
    last_big = 1
    after_zero = False
    for ch in text:
        if ch in _CN_DIGIT_VALUE:
            if digit is not None:
                return None  # two digits in a row inside a positional numeral
            value = _CN_DIGIT_VALUE[ch]
            after_zero = after_zero or value == 0
            digit = None if value == 0 else value
        elif ch in _CN_SMALL_UNIT:
            unit = _CN_SMALL_UNIT[ch]
            section += (1 if digit is None else digit) * unit
            digit, last_unit, after_zero = None, unit, False
        else:
            big = _CN_BIG_UNIT[ch]
            part = section + (digit or 0)
            if big > last_big:  # 一万亿: everything so far is scaled by the larger unit
                total = ((total + part) or 1) * big
            else:
                total += (part or 1) * big
            section, digit, last_unit, last_big, after_zero = 0, None, big, big, False
    if digit is not None:
        # 一千二 means 1200: a trailing digit right after a unit counts in the next unit down.
        section += digit * (last_unit // 10 if last_unit >= 10 and not after_zero else 1)
    return total + section


def apply_multipliers(value: Decimal, mult: str) -> Decimal:
    """180.2 with '万' -> 1802000; 1 with '万亿' -> 1e12."""
    for ch in mult:
        value *= _MULT_VALUE[ch]
    return value


def parse_english(base: str, scale: str | None) -> Decimal | None:
    """'2' + 'million' -> 2000000; 'twenty-one' -> 21; '300,000' -> 300000."""
    word = base.lower()
    if word[0].isdigit():
        try:
            value = parse_arabic(word)
        except InvalidOperation:
            return None
    elif "-" in word:
        tens, ones = word.split("-", 1)
        value = Decimal(EN_WORD_NUMBERS.get(tens, 0) + EN_WORD_NUMBERS.get(ones, 0))
    elif word in EN_WORD_NUMBERS:
        value = Decimal(EN_WORD_NUMBERS[word])
    else:
        return None
    if scale:
        value *= EN_SCALES[scale.lower()]
    return value


def format_number(value: Decimal | float) -> str:
    """1802000 -> '1802000'; 12.50 -> '12.5' (no exponent, no trailing zeros)."""
    dec = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format(dec.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


_CN_NUM_RE = re.compile(CN_NUM)


def is_cn_numeral(text: str) -> bool:
    """True when the whole text is a Chinese numeral (not Arabic digits)."""
    return bool(_CN_NUM_RE.fullmatch(text))
