"""Bytes to text for the importer: BOMs first, then UTF-8, then a detected Chinese encoding.

A byte-order mark decides UTF-8 or UTF-16/32. Without one, valid UTF-8 wins (it is what almost
every file is, and short Chinese UTF-8 text can also look like other encodings). Otherwise the
detector (charset-normalizer) chooses; GB18030 stands in for GB2312 and GBK, since it decodes
every GBK file and more. NUL bytes without a mark mean UTF-16 when they sit on one side of the
code units (the high byte of ASCII characters) and the text decodes to printable characters;
otherwise a binary file.
"""

from __future__ import annotations

import codecs
import unicodedata

from reader.errors import ReaderError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The detector's names for encodings that a superset decodes the same way or better.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "cp950", "ascii": "utf-8"}
# Encodings a Chinese or English news text plausibly comes in when it is not UTF-8.
_CANDIDATES = ["gb18030", "big5", "cp950", "big5hkscs", "utf_16", "cp1252", "latin_1"]


def decode_bytes(data: bytes, name: str = "source") -> tuple[str, str]:
    """``(text, encoding)`` of a file's bytes; ReaderError for an empty or binary file."""
    if not data:
        raise ReaderError(f"{name}: the file is empty")
    if not data.strip():
        raise ReaderError(f"{name}: the file holds only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name), encoding
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise ReaderError(f"{name}: binary file (NUL bytes, no text encoding found)")
        return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = detect_encoding(data)
    if encoding is None:
        raise ReaderError(f"{name}: not text in any known encoding (binary file?)")
    return _strict(data, encoding, name), encoding


def detect_encoding(data: bytes) -> str | None:
    """The detector's choice among plausible encodings, or None when nothing decodes cleanly."""
    from charset_normalizer import from_bytes  # lazy: only for files that are not UTF-8

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        return None
    encoding = best.encoding.lower().replace("-", "_")
    return _SUPERSETS.get(encoding, encoding)


# Of all NUL bytes, the share that must sit on one side of the code units for UTF-16 text.
_UTF16_NUL_SIDE = 0.95
# Of all decoded characters, the share that must be printable (or newline, tab).
_UTF16_PRINTABLE = 0.98


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` reads as UTF-16 text without a mark, else None."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if max(even, odd) < _UTF16_NUL_SIDE * (even + odd):
        return None
    encoding = "utf-16-be" if even > odd else "utf-16-le"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for ch in text if ch in "\n\r\t" or unicodedata.category(ch)[0] not in "C")
    return encoding if "\x00" not in text and printable >= _UTF16_PRINTABLE * len(text) else None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReaderError(f"{name}: not valid {encoding} (byte {exc.start}); binary or damaged file") from exc
