"""Names of people, organisations, places and products, matched across scripts and languages.

No list of names: a name is a capitalised Latin word sequence (``Wang Teng``, ``Henan``,
``Huazhong University``) or a Latin token inside Chinese text (``REDMI``, ``K50``). A run of
Han characters is the same entity when its toneless pinyin, joined, spells the Latin name
(王騰 -> 王腾 -> wangteng = ``Wang Teng``); traditional text is folded to simplified first, so
王腾 = 王騰 = Wang Teng. Readings come from pypinyin's per-character table, read on first use.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.script import fold, is_han

# The most common Chinese surnames (simplified): a matched two- or three-character name that
# starts with one of them is a person, so a lone "Wang" later in an English text can be Wang Teng.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
MIN_KEY_LETTERS = 4  # shorter Latin keys ("Li", "Jun") match too many Han runs by chance
MAX_HAN_NAME = 8

_CAP_TOKEN = r"(?:[A-Z][A-Za-z0-9]*|[0-9]+[A-Z][A-Za-z0-9]*)"
_CONNECTOR = r"(?:of|and|the|for|de)"
_CAP_SEQUENCE = re.compile(rf"\b{_CAP_TOKEN}(?:[ \u00a0](?:{_CONNECTOR}[ \u00a0])?{_CAP_TOKEN})*\b")
_LATIN_IN_HAN = re.compile(r"[A-Za-z][A-Za-z0-9]+|[0-9]+[A-Za-z][A-Za-z0-9]*")
_STOPWORDS = frozenset(
    """a an the this that these those it its in on at of for to from by with as and or but if when while
    after before during since until within without about above below over under into through between
    he she they we you i his her their our my your them him us me who whom which what where why how
    later recently earlier then there here such some any all each every no not one two three first
    according however although though because so yet also even only still just many much more most
    former current new old known under prior due based while is was were are be been has had have
    do does did will would can could should may might must shall i ii iii iv v vi vii viii ix x
    event similar posts conclusions takeaways source sources image photo""".split()
)


@dataclass(frozen=True)
class NameSpan:
    """An entity found in a sentence: its key, where it is, and how it is written there."""

    key: str
    start: int
    end: int
    text: str


def latin_key(name: str) -> str:
    """The comparison key of a Latin name: its letters and digits, lower-cased, no spaces."""
    return "".join(ch for ch in name.lower() if ch.isalnum() and ch.isascii())


def latin_names(text: str) -> list[NameSpan]:
    """Capitalised word sequences of ``text`` and, within them, every run of one to three words.

    A lone function word ("The", "In", "Later") is not a name.
    """
    found: list[NameSpan] = []
    for match in _CAP_SEQUENCE.finditer(text):
        words = list(re.finditer(r"\S+", match.group()))
        for size in range(1, min(3, len(words)) + 1):
            for first in range(len(words) - size + 1):
                part = words[first : first + size]
                if re.fullmatch(_CONNECTOR, part[0].group()) or re.fullmatch(_CONNECTOR, part[-1].group()):
                    continue
                start, end = match.start() + part[0].start(), match.start() + part[-1].end()
                name = text[start:end]
                if size == 1 and name.lower() in _STOPWORDS:
                    continue
                found.append(NameSpan(latin_key(name), start, end, name))
    return found


def latin_tokens(text: str) -> list[NameSpan]:
    """Latin words inside Chinese text (``REDMI``, ``Redmi``, ``K50``), keyed like names."""
    return [NameSpan(latin_key(m.group()), m.start(), m.end(), m.group()) for m in _LATIN_IN_HAN.finditer(text)]


@functools.cache
def readings(char: str) -> tuple[str, ...]:
    """Toneless pinyin readings of one Han character (all of them: 重 is zhong and chong); ü is
    given both as v and as u (绿: lv, lu), as English texts write it either way."""
    options: list[str] = []
    raw = _char_table().get(str(ord(char)), "") if is_han(char) else ""
    for reading in raw.split(",") if raw else ():
        reading = _toneless(reading).lower()
        for form in (reading.replace("ü", "v"), reading.replace("ü", "u")):
            if form.isascii() and form.isalpha() and form not in options:
                options.append(form)
    return tuple(options)


_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0304\u030c"))  # grave, acute, macron, caron


def _toneless(reading: str) -> str:
    """A pinyin syllable without its tone mark (lǜ -> lü, ê̄ -> ê)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", reading).translate(_TONE_MARKS))


@functools.cache
def _char_table() -> dict[str, str]:
    """Decimal code point -> comma-separated readings with tones, pypinyin's per-character table.

    The table file is read directly: importing pypinyin itself loads its phrase dictionary too
    (about 50 MB and a tenth of a second), which single characters never need.
    """
    import importlib.util
    import json

    spec = importlib.util.find_spec("pypinyin")
    folders = list(spec.submodule_search_locations or []) if spec else []
    table = Path(folders[0], "pinyin_dict.json") if folders else None
    if table is None or not table.is_file():
        return _char_table_from_api()
    return json.loads(table.read_text(encoding="utf-8"))


def _char_table_from_api() -> dict[str, str]:
    """The same table through pypinyin's own module, should its data file move."""
    from pypinyin.pinyin_dict import pinyin_dict

    return {str(code): value for code, value in pinyin_dict.items()}


def romanise(han: str) -> str:
    """The first toneless pinyin reading of every character, joined: 王騰 -> wangteng."""
    return "".join((readings(ch) or ("",))[0] for ch in fold(han))


def latin_display(han: str) -> str:
    """A Han name as an English text would write it: 王腾 -> Wang Teng, 河南 -> Henan."""
    folded = fold(han)
    syllables = [(readings(ch) or ("",))[0] for ch in folded]
    if is_person_name(folded):
        return f"{syllables[0].capitalize()} {''.join(syllables[1:]).capitalize()}"
    return "".join(syllables).capitalize()


def pinyin_matches(han: str, latin: str) -> bool:
    """True when some reading of every character of ``han`` spells ``latin`` (case, spaces ignored)."""
    key = latin_key(latin)
    return bool(key) and _spells(fold(han), key)


def _spells(han: str, key: str) -> bool:
    if not han:
        return not key
    return any(key.startswith(r) and _spells(han[1:], key[len(r) :]) for r in readings(han[0]))


class HanNameMatcher:
    """Finds, in Chinese text, runs of Han characters that spell one of a set of Latin names."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = frozenset(k for k in keys if len(k) >= MIN_KEY_LETTERS and k.isalpha())
        self.prefixes = frozenset(k[:i] for k in self.keys for i in range(1, len(k) + 1))

    def find(self, text: str) -> list[NameSpan]:
        """Leftmost-longest non-overlapping matches in ``text`` (any script; folded here)."""
        if not self.keys:
            return []
        folded = fold(text)
        found: list[NameSpan] = []
        pos = 0
        while pos < len(folded):
            match = self._longest_at(folded, pos) if is_han(folded[pos]) else None
            if match is None:
                pos += 1
                continue
            end, key = match
            found.append(NameSpan(key, pos, end, text[pos:end]))
            pos = end
        return found

    def _longest_at(self, folded: str, start: int) -> tuple[int, str] | None:
        """End of the longest Han run from ``start`` (two characters or more) spelling a key, and
        the key it spells (the first in sorted order, for determinism)."""
        best: tuple[int, str] | None = None
        frontier = {""}
        prefixes = self.prefixes
        for end in range(start, min(len(folded), start + MAX_HAN_NAME)):
            if not is_han(folded[end]):
                break
            frontier = {s + r for s in frontier for r in readings(folded[end]) if s + r in prefixes}
            if not frontier:
                break
            if end > start:
                spelled = frontier & self.keys
                if spelled:
                    best = (end + 1, min(spelled))
        return best


def romanise_matching(han: str, keys: frozenset[str]) -> str:
    """The key among ``keys`` that ``han`` spells (the first in sorted order, for determinism)."""
    for key in sorted(keys):
        if _spells(han, key):
            return key
    return romanise(han)


def is_person_name(han: str) -> bool:
    """A two- or three-character Han name starting with a common surname."""
    folded = fold(han)
    return 2 <= len(folded) <= 3 and folded[0] in SURNAMES and all(is_han(ch) for ch in folded)
