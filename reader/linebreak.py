"""Line breaking for Chinese, English and mixed text, measured in terminal cells.

``wrap`` returns line spans into the text, so offsets (cursor, highlights, matches) stay valid.
Rules: a break may fall between two Chinese characters or at spaces; English words, numbers,
dates and URLs stay whole (split hard only when wider than a line); no line starts with a
closing mark (。，」” ...) and none ends with an opening one (「“（ ...): the mark travels with
its neighbour (kinsoku). Explicit newlines force breaks. One pass, linear time.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

# Characters that must not start a line: they stay with the character before them.
NO_LINE_START = frozenset(
    "。，、；：？！）」』”’…》〉】〕〗〙〟—％‰℃・ー々〻ゝゞヽヾ"
    "．，：；？！）］｝｠～"
    ",.;:!?)]}%"
    "›»"
)
# Characters that must not end a line: they stay with the character after them.
NO_LINE_END = frozenset("（「『“‘《〈【〔〖〘〝［｛｟" + "([{" + "‹«")
# Break opportunities: the space is not part of either line.
BREAK_SPACES = frozenset(" \t\u3000\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u200b")

_WIDE, _WORD, _OPEN, _CLOSE, _ZERO, _SPACE = range(6)


class _CharInfo(NamedTuple):
    cells: int
    kind: int


_INFO: dict[str, _CharInfo] = {}


def _char_info(char: str) -> _CharInfo:
    info = _INFO.get(char)
    if info is None:
        info = _INFO[char] = _classify(char)
    return info


def _cells(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _classify(char: str) -> _CharInfo:
    if char in BREAK_SPACES:
        return _CharInfo(0 if char == "\u200b" else _cells(char), _SPACE)
    cells = _cells(char)
    if char in NO_LINE_START:
        return _CharInfo(cells, _CLOSE)
    if char in NO_LINE_END:
        return _CharInfo(cells, _OPEN)
    if cells == 0:
        return _CharInfo(0, _ZERO)
    return _CharInfo(cells, _WIDE if cells == 2 else _WORD)


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes (wide and fullwidth 2, combining marks 0)."""
    return sum(_char_info(char).cells for char in text)


def _joins(before: int, after: int) -> bool:
    """True when no break is allowed between two adjacent characters of these kinds.

    ``before`` is ``_WIDE`` for a wide closing mark too: after 。 or ， a line may break.
    """
    if after in (_CLOSE, _ZERO) or before == _OPEN:
        return True
    # narrow letters, digits and marks join: one word, number or URL
    return before != _WIDE and after != _WIDE


class _Cluster(NamedTuple):
    """An unbreakable run: [start, end), its width, and the width of spaces before it."""

    start: int
    end: int
    cells: int
    gap: int


def _clusters(text: str, lo: int, hi: int) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    start = -1
    cells = gap = pending_gap = 0
    before, ended_open = _SPACE, False
    for index in range(lo, hi):
        width, kind = _char_info(text[index])
        if kind == _SPACE:
            if start >= 0:
                clusters.append(_Cluster(start, index, cells, gap))
                start = -1
                ended_open = before == _OPEN
            pending_gap += width
            before = _SPACE
            continue
        if start >= 0 and _joins(before, kind):
            cells += width
        elif before == _SPACE and (kind == _CLOSE or ended_open) and clusters:
            # across a space, a closing mark still may not start a line, nor an opening one end it
            last = clusters.pop()
            start, cells, gap = last.start, last.cells + pending_gap + width, last.gap
            pending_gap = 0
        else:
            if start >= 0:
                clusters.append(_Cluster(start, index, cells, gap))
            start, cells, gap, pending_gap = index, width, pending_gap, 0
        if kind != _ZERO:
            before = _WIDE if kind == _CLOSE and width == 2 else kind
    if start >= 0:
        clusters.append(_Cluster(start, hi, cells, gap))
    return clusters


def _split_hard(text: str, start: int, end: int, width: int, lines: list[tuple[int, int]]) -> tuple[int, int]:
    """Cut ``text[start:end]`` into full lines (at least one character each); return the rest."""
    line_start, cells = start, 0
    for index in range(start, end):
        char_cells = _char_info(text[index]).cells
        if cells + char_cells > width and index > line_start:
            lines.append((line_start, index))
            line_start, cells = index, 0
        cells += char_cells
    return line_start, cells


def _wrap_paragraph(text: str, lo: int, hi: int, width: int) -> list[tuple[int, int]]:
    clusters = _clusters(text, lo, hi)
    if not clusters:
        return [(lo, lo)]
    lines: list[tuple[int, int]] = []
    first = clusters[0]
    # keep the paragraph's indentation when it fits
    if first.gap and first.gap + first.cells <= width:
        line_start, line_cells = lo, first.gap + first.cells
    else:
        line_start, line_cells = first.start, first.cells
    line_end = first.end
    for cluster in clusters[1:]:
        if line_cells > width:
            line_start, line_cells = _split_hard(text, line_start, line_end, width, lines)
        if line_cells + cluster.gap + cluster.cells <= width:
            line_cells += cluster.gap + cluster.cells
        else:
            lines.append((line_start, line_end))
            line_start, line_cells = cluster.start, cluster.cells
        line_end = cluster.end
    if line_cells > width:
        line_start, line_cells = _split_hard(text, line_start, line_end, width, lines)
    lines.append((line_start, line_end))
    return lines


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Line spans ``(start, end)`` of ``text`` wrapped to ``width`` cells, end exclusive.

    Spaces where a line breaks belong to no line; each explicit newline ends a line (a final
    newline adds no empty line). A line is wider than ``width`` only when one character is.
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, not {width}")
    lines: list[tuple[int, int]] = []
    start = 0
    size = len(text)
    while True:
        newline = text.find("\n", start)
        end = size if newline < 0 else newline
        stop = end - 1 if end > start and text[end - 1] == "\r" else end
        lines.extend(_wrap_paragraph(text, start, stop, width))
        if newline < 0 or newline + 1 == size:
            return lines
        start = newline + 1
