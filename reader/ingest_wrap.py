"""Lines to paragraphs: undo hard wrapping without merging real paragraphs.

A hard-wrapped text has many lines of (nearly) the same display width that stop where no
sentence ends; such a line continues on the next line, even across blank lines. Texts with
one paragraph per line are left as they are, except that a line which leaves a quotation or
bracket open and stops mid-sentence is joined to the line that closes it. Han text joins
without a space, Latin text with one.
"""

from __future__ import annotations

import re
import unicodedata

_TERMINATORS = "。！？!?…．."
_CLOSERS = "”’」』）)》】〉\"'"
_OPENERS = {"“": "”", "「": "」", "『": "』", "《": "》", "（": "）", "【": "】"}
_LIST_ITEM = re.compile(
    r"(?:\d{1,3}(?:[.)．]\s|、)|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．]"
    r"|[IVX]{1,4}\.\s|[•·▪◦●○■□►▶✅✔☑※]|[*\-–—]\s)\s*\S"
)
# Wrapped lines must make up this share of the lines (and at least _MIN_WRAPPED of them).
_MIN_WRAPPED = 3
_MIN_WRAPPED_SHARE = 0.2
# Nobody wraps prose narrower than this; short lines of equal width are headings.
_MIN_WRAP_WIDTH = 30
# Lines may exceed the wrap width only rarely (an unbreakable URL, say).
_MAX_OVER_SHARE = 0.1


def display_width(text: str) -> int:
    """Terminal columns of ``text``: wide and fullwidth characters count two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with a sentence terminator, perhaps followed by closing marks."""
    stripped = text.rstrip()
    core = stripped.rstrip(_CLOSERS)
    if not core:
        return False
    if core != stripped and not core.endswith(tuple(_TERMINATORS)):
        return False
    return core[-1] in _TERMINATORS


def is_list_item(line: str) -> bool:
    """True for a numbered or bulleted line, which always starts its own paragraph."""
    return bool(_LIST_ITEM.match(line.lstrip()))


def is_wide_text(lines: list[str]) -> bool:
    """True when most characters are wide (Han, kana, fullwidth punctuation)."""
    chars = [c for line in lines for c in line if not c.isspace()]
    wide = sum(1 for c in chars if unicodedata.east_asian_width(c) in "WF")
    return bool(chars) and wide * 2 >= len(chars)


def wrap_tolerance(width: int, wide: bool) -> int:
    """How far short of the wrap width a wrapped line may stop (a word that did not fit)."""
    return 6 if wide else max(8, width // 4)


def hard_wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None when it is not hard-wrapped."""
    lines = [line for line in lines if line.strip()]
    if len(lines) < _MIN_WRAPPED + 1:
        return None
    wide = is_wide_text(lines)
    widths = [display_width(line) for line in lines]
    best, best_count = None, 0
    for width in sorted(w for w in set(widths) if w >= _MIN_WRAP_WIDTH):
        tolerance = wrap_tolerance(width, wide)
        count = sum(
            1
            for line, w in zip(lines, widths, strict=True)
            if width - tolerance <= w <= width and not ends_sentence(line)
        )
        over = sum(1 for w in widths if w > width + 1)
        if count > best_count and over <= _MAX_OVER_SHARE * len(lines):
            best, best_count = width, count
    if best is None or best_count < max(_MIN_WRAPPED, _MIN_WRAPPED_SHARE * len(lines)):
        return None
    return best


def join_lines(left: str, right: str) -> str:
    """Join two pieces of one paragraph: no space between Han text, one between Latin words."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if _is_wide(left[-1]) or _is_wide(right[0]) or left.endswith(("-", "/")):
        return left + right
    return f"{left} {right}"


def build_paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs from lines: every non-blank line, with wrapped lines joined to the next."""
    width = hard_wrap_width(lines)
    tolerance = wrap_tolerance(width, is_wide_text(lines)) if width else 0
    paragraphs: list[str] = []
    last_line = ""
    gap = False
    for raw in lines:
        line = raw.strip()
        if not line:
            gap = True
            continue
        if paragraphs and _continues(paragraphs[-1], last_line, line, width, tolerance, gap):
            paragraphs[-1] = join_lines(paragraphs[-1], line)
        else:
            paragraphs.append(line)
        last_line, gap = line, False
    return paragraphs


def _continues(paragraph: str, last: str, line: str, width: int | None, tolerance: int, gap: bool) -> bool:
    """True when ``line`` carries on the paragraph whose last line was ``last``."""
    if is_list_item(line):
        return False
    if width and display_width(last) >= width - tolerance and not (gap and ends_sentence(last)):
        return True
    return not ends_sentence(last) and _closes_open_quote(paragraph, line)


def _closes_open_quote(paragraph: str, line: str) -> bool:
    """True when the paragraph leaves a quote or bracket open and ``line`` closes it first."""
    for opener, closer in _OPENERS.items():
        if paragraph.count(opener) > paragraph.count(closer):
            close_at = line.find(closer)
            open_at = line.find(opener)
            if close_at != -1 and (open_at == -1 or close_at < open_at):
                return True
    return False


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"
