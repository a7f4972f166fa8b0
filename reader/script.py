"""Chinese scripts: the display-script choice, language detection, and (later) conversion.

OpenCC's character dictionaries are read lazily from the installed ``opencc`` package, never at
import time, so importing this module stays cheap.
"""

from __future__ import annotations

import functools
from enum import StrEnum
from pathlib import Path


class Script(StrEnum):
    """A display script; the values are the command line's ``--script`` choices."""

    ORIGINAL = "original"
    HANS = "hans"
    HANT = "hant"
    TW = "tw"
    HK = "hk"

    @property
    def label(self) -> str:
        """The short label shown in the interface."""
        return _LABELS[self]


_LABELS = {
    Script.ORIGINAL: "原文",
    Script.HANS: "简",
    Script.HANT: "繁",
    Script.TW: "臺灣",
    Script.HK: "香港",
}

# Less text than this (a Han character weighs three letters) and a guess would be noise.
_MIN_WEIGHT = 12
# Traditional wins only when its tell-tale characters clearly outnumber simplified ones,
# so a simplified text quoting one traditional name stays simplified.
_TRADITIONAL_RATIO = 2.0


def opencc_dictionary_dir() -> Path:
    """The folder of the installed ``opencc`` package that holds its dictionary text files."""
    import opencc  # lazy: only needed when a dictionary is first read

    return Path(opencc.__file__).resolve().parent / "dictionary"


@functools.cache
def read_dictionary(name: str) -> dict[str, tuple[str, ...]]:
    """One OpenCC dictionary file as ``{key: (candidate, ...)}``, first candidate = OpenCC's choice."""
    table: dict[str, tuple[str, ...]] = {}
    path = opencc_dictionary_dir() / name
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            key, _, values = line.rstrip("\n").partition("\t")
            if key and values:
                table[key] = tuple(values.split(" "))
    return table


@functools.cache
def _script_tell_tales() -> tuple[frozenset[str], frozenset[str]]:
    """Characters only simplified text uses, and characters only traditional text uses."""
    s2t = read_dictionary("STCharacters.txt")
    t2s = read_dictionary("TSCharacters.txt")
    changed_by_s2t = {key for key, values in s2t.items() if key not in values}
    changed_by_t2s = {key for key, values in t2s.items() if key not in values}
    simplified_only = frozenset(changed_by_s2t - changed_by_t2s)
    traditional_only = frozenset(changed_by_t2s - changed_by_s2t)
    return simplified_only, traditional_only


def is_han(char: str) -> bool:
    """True for a CJK ideograph (the unified blocks and their extensions)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x3134F
        or 0xF900 <= code <= 0xFAFF
    )


def detect_language(text: str) -> str | None:
    """``"zh-Hans"``, ``"zh-Hant"``, ``"en"``, or None when there is too little text to tell.

    Han characters against Latin letters decide Chinese against English (one Han character
    carries about as much as a short English word, so it counts for three letters). For Chinese,
    characters that only one script uses are counted; machine-converted traditional text keeps
    some simplified leftovers, so traditional needs a clear majority, not unanimity.
    """
    han = [char for char in text if is_han(char)]
    latin = sum(1 for char in text if char.isascii() and char.isalpha())
    if 3 * len(han) + latin < _MIN_WEIGHT:
        return None
    if latin > 3 * len(han):
        return "en"
    simplified_only, traditional_only = _script_tell_tales()
    simplified = sum(1 for char in han if char in simplified_only)
    traditional = sum(1 for char in han if char in traditional_only)
    if traditional > 0 and traditional >= _TRADITIONAL_RATIO * simplified:
        return "zh-Hant"
    return "zh-Hans"
