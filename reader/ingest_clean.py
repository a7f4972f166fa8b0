"""Character-level cleaning: what is not text goes, and pinyin glosses after Han characters.

Article text is data, never terminal control: escape sequences, C0/C1 controls (but newline and
tab), bidi overrides, isolates and marks, and zero-width characters are removed; line ends become
``\\n``; no-break spaces become spaces; the result is NFC. Every step leaves text it has already
cleaned unchanged, so cleaning twice gives what cleaning once gave.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# CSI (ESC [ or the 8-bit CSI) with parameters and a final byte; OSC/DCS/SOS/PM/APC strings up
# to BEL or ST (ESC \ or 8-bit ST), or to the end of the line when never terminated; then
# two-character escapes (ESC + one byte), then a lone ESC.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]P^_X]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u180e]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_NO_BREAK_SPACES = re.compile("[\u00a0\u202f\u2007]")

_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_LETTERS = f"a-zü{_TONE_VOWELS}"
# A pinyin syllable: optional initial, then a final made of vowels with an optional n/ng/r coda.
_SYLLABLE = (
    rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv{_TONE_VOWELS}]{{1,4}}(?:ng|n|r)?"
    rf"|[{_TONE_VOWELS[-4:]}]g?"  # the syllabic nasals ń ň ǹ ḿ
)
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_GLOSS = re.compile(rf"(?<=[{_HAN}])[(（]({_SYLLABLE})[)）]")
# A gloss whose character was lost: a replacement mark or question mark, the syllable, the
# closing bracket, and a stray bracket the damage left behind.
_DAMAGED_GLOSS = re.compile(rf"[?？\ufffd]+[(（]?(?:{_SYLLABLE})[)）][\]\)）]?")
# Unmarked syllables (neutral tone: de, men) count as glosses only in a text glossed throughout.
_MIN_MARKED_GLOSSES = 3


@dataclass(frozen=True)
class Gloss:
    """One removed pinyin gloss, or a damaged run replaced by U+FFFD (``damaged``)."""

    text: str
    damaged: bool = False


def clean_characters(text: str) -> str:
    """The text without escapes, controls, bidi and zero-width characters; LF line ends; NFC."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _BIDI.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _NO_BREAK_SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    # NFC can compose nothing that the steps above remove, so the result is stable.
    return text


def count_removed_characters(before: str, after: str) -> int:
    """How many characters character cleaning took out (for the dry-run report)."""
    return max(0, len(_LINE_BREAKS.sub("\n", before)) - len(after))


def remove_glosses(text: str) -> tuple[str, list[Gloss]]:
    """The text without pinyin glosses like ``內(nèi)``; damaged gloss runs become U+FFFD."""
    removed: list[Gloss] = []
    marked = sum(1 for m in _GLOSS.finditer(text) if _has_tone(m.group(1)))
    glossed_throughout = marked >= _MIN_MARKED_GLOSSES

    def gloss(match: re.Match[str]) -> str:
        syllable = match.group(1)
        if not syllable.islower() or not (_has_tone(syllable) or glossed_throughout):
            return match.group(0)
        removed.append(Gloss(match.group(0)))
        return ""

    def damaged(match: re.Match[str]) -> str:
        if not _has_tone(match.group(0)):
            return match.group(0)
        removed.append(Gloss(match.group(0), damaged=True))
        return "\ufffd"

    # Repeat until stable: removing one gloss can bring a bracketed syllable next to a Han char.
    while True:
        before = text
        text = _GLOSS.sub(gloss, text)
        if glossed_throughout:
            text = _DAMAGED_GLOSS.sub(damaged, text)
        if text == before:
            return text, removed


def _has_tone(text: str) -> bool:
    return any(char in _TONE_VOWELS for char in text)
