"""What the reading pane shows, without any widget: an article in a script, laid out in lines.

An ``ArticleText`` holds what does not depend on the script (sentences, quotations); a
``Document`` is the article converted to a display script and wrapped to a width. A document is
a list of paragraphs, each converted and wrapped on its own when first needed and kept, so a
very long article shows its first screen at once: paragraphs not yet laid out count an
estimated number of lines, corrected when they are. Every paragraph keeps its own offset maps,
so cursor, quotations and matches (spans in body offsets) land on the right characters whatever
the conversion did to lengths.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from reader.models import Article, Quote, Sentence
from reader.script import Converted, Script
from reader.tui import core_bridge as core

TITLE, META, BODY = 0, 1, 2
# Long lines tire the eye: the text column stops growing at this many cells.
MAX_MEASURE = 100
LARGE_ARTICLE = 200_000  # characters: longer articles are laid out paragraph by paragraph, as needed
Span = tuple[int, int, str]


@dataclass
class ArticleText:
    """An article's sentences, and its quotations once looked for (on first use, or handed in)."""

    article: Article
    sentences: list[Sentence]
    _quotes: list[Quote] | None = None
    find_on_use: bool = True  # False: the quotations come later, by ``add_quotes``

    @classmethod
    def build(cls, article: Article, with_quotes: bool = True) -> ArticleText:
        """Sentences now; quotations when first asked for, unless they are to be found elsewhere."""
        return cls(article, core.split_sentences(article.body, article.id), None, with_quotes)

    @property
    def quotes(self) -> list[Quote]:
        if self._quotes is None and self.find_on_use:
            self.add_quotes(find_quotes(self.article))
        return self._quotes or []

    @property
    def quotes_ready(self) -> bool:
        return self._quotes is not None or self.find_on_use

    def add_quotes(self, quotes: list[Quote]) -> None:
        self._quotes = sorted(quotes, key=lambda q: (q.start, -q.end))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding (or last starting before) a body offset; 0 when none."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def quotes_in(self, sentence: Sentence) -> list[int]:
        """Indices of the quotations that start inside a sentence."""
        return [i for i, q in enumerate(self.quotes) if sentence.start <= q.start < sentence.end]


QUOTE_CHUNK = 20_000  # characters: quotations are looked for in runs of whole paragraphs this long


def find_quotes(article: Article) -> list[Quote]:
    """The article's quotations, looked for in runs of whole paragraphs.

    A quotation never crosses a paragraph, and the finder's cost grows faster than the text,
    so a very long article is cut at paragraph breaks and the spans moved back to body offsets.
    """
    body = article.body
    if len(body) <= QUOTE_CHUNK:
        return list(core.find_quotes(body, article.id))
    quotes: list[Quote] = []
    start = 0
    while start < len(body):
        cut = body.find("\n\n", start + QUOTE_CHUNK)
        end = len(body) if cut < 0 else cut
        for quote in core.find_quotes(body[start:end], article.id):
            quotes.append(replace(quote, start=quote.start + start, end=quote.end + start))
        start = end
    return quotes


@dataclass(frozen=True)
class Line:
    """One screen line: ``text[start:end]`` of the title, the meta line or a body paragraph.

    Body lines count ``start`` and ``end`` in their paragraph's displayed text.
    """

    block: int
    start: int
    end: int
    paragraph: int = -1


BLANK = Line(META, 0, 0)


@dataclass(frozen=True)
class LaidParagraph:
    """One paragraph in the display script (with its offset maps) and its lines."""

    converted: Converted
    breaks: tuple[tuple[int, int], ...]

    @cached_property
    def line_starts(self) -> list[int]:
        return [s for s, _ in self.breaks]


class Document:
    """An article in a display script, wrapped to a width, paragraph by paragraph."""

    def __init__(self, article: Article, script: Script, width: int) -> None:
        self.body = article.body
        self.script, self.language, self.width = script, article.language, width
        headline = _headline_length(article)
        # a body that opens with its headline shows it once, as the first paragraph
        self.title = "" if headline else self._convert(article.title or article.id).text
        meta = " · ".join(p for p in (article.display_name, article.published or "date ?", article.url) if p)
        self.meta = self._convert(meta).text
        self.headline_end = headline  # body offset where a body that opens with its headline leaves it
        head = [Line(TITLE, s, e) for s, e in core.wrap(self.title, width)] if self.title else []
        head += [Line(META, s, e) for s, e in core.wrap(self.meta, width)]
        self.head = [*head, BLANK]
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.body) if m.group().strip()]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self._laid: list[LaidParagraph | None] = [None] * len(spans)
        self._counts = [self._estimate(s, e) for s, e in spans]
        self._firsts: list[int] | None = None
        self._waiting = len(spans)  # paragraphs not laid out yet

    @classmethod
    def build(cls, article: Article, script: Script, width: int) -> Document:
        """The document, its paragraphs laid out as the screen reaches them (a switch converts what shows)."""
        return cls(article, script, width)

    def _convert(self, text: str) -> Converted:
        return core.convert(text, self.script, source_language=self.language)

    def _estimate(self, start: int, end: int) -> int:
        """Lines a paragraph will take, from its cells (wide characters count two) before wrapping."""
        piece = self.body[start:end]
        cells = len(piece) + (len(piece.encode("utf-8")) - len(piece)) // 2
        return max(1, math.ceil(cells / max(1, self.width)))

    # ------------------------------------------------------------ laying out

    def lay_out(self, index: int) -> LaidParagraph:
        """Paragraph ``index`` converted and wrapped (pure: safe in a thread; ``apply`` keeps it)."""
        converted = self._convert(self.body[self.starts[index] : self.ends[index]])
        return LaidParagraph(converted, tuple(core.wrap(converted.text, self.width)) or ((0, 0),))

    def apply(self, laid: Iterable[tuple[int, LaidParagraph]]) -> None:
        """Keep laid-out paragraphs; the lines after them move if their estimates were wrong."""
        for index, paragraph in laid:
            if self._laid[index] is None:
                self._laid[index] = paragraph
                self._waiting -= 1
                if self._counts[index] != len(paragraph.breaks):
                    self._counts[index] = len(paragraph.breaks)
                    self._firsts = None

    def paragraph(self, index: int) -> LaidParagraph:
        laid = self._laid[index]
        if laid is None:
            laid = self.lay_out(index)
            self.apply([(index, laid)])
        return laid

    def pending(self) -> Iterator[int]:
        """Indices of the paragraphs not laid out yet."""
        return (i for i, laid in enumerate(self._laid) if laid is None)

    def is_laid_line(self, number: int) -> bool:
        """True when screen line ``number`` is exact: a head line, or in a laid-out paragraph."""
        index, _ = self.anchor(number)
        return index < 0 or self._laid[index] is not None

    @property
    def complete(self) -> bool:
        return self._waiting == 0

    # ------------------------------------------------------------ lines

    @property
    def firsts(self) -> list[int]:
        """The first screen line of each paragraph (a blank line separates paragraphs)."""
        if self._firsts is None:
            base = len(self.head)
            self._firsts = [base + i + n for i, n in enumerate(itertools.accumulate(self._counts, initial=0))][:-1]
        return self._firsts

    @property
    def line_count(self) -> int:
        if not self.starts:
            return len(self.head)
        return self.firsts[-1] + self._counts[-1]

    def line(self, number: int) -> Line:
        """Screen line ``number`` (laying its paragraph out if needed)."""
        if number < len(self.head):
            return self.head[number]
        firsts = self.firsts
        index = bisect.bisect_right(firsts, number) - 1
        if index < 0 or number < firsts[index]:
            return BLANK
        breaks = self.paragraph(index).breaks
        within = number - firsts[index]
        if within >= len(breaks):
            return self.line(number) if self._firsts is None else BLANK  # the estimate was too high
        return Line(BODY, *breaks[within], index)

    @property
    def lines(self) -> list[Line]:
        """Every line (lays the whole article out)."""
        return [self.line(n) for n in range(self.line_count)] if self.complete else self._all_lines()

    def _all_lines(self) -> list[Line]:
        self.apply((i, self.lay_out(i)) for i in list(self.pending()))
        return self.lines

    def line_text(self, line: Line) -> str:
        if line.block == BODY:
            return self.paragraph(line.paragraph).converted.text[line.start : line.end]
        return (self.title if line.block == TITLE else self.meta)[line.start : line.end]

    # ------------------------------------------------------------ body offsets

    def paragraph_of(self, offset: int) -> int:
        """The paragraph holding a body offset (or the last one before it)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def line_of_body(self, offset: int) -> int:
        """The screen line showing a body offset."""
        if not self.starts:
            return 0
        index = self.paragraph_of(offset)
        laid = self.paragraph(index)
        local = min(max(0, offset - self.starts[index]), len(laid.converted.original))
        shown = laid.converted.to_converted(local)
        within = max(0, bisect.bisect_right(laid.line_starts, shown) - 1)
        return self.firsts[index] + within

    def body_offset_of_line(self, number: int) -> int:
        """The body offset at the start of a screen line (the nearest body line below it)."""
        if not self.starts:
            return len(self.body)
        if number < len(self.head):
            return self.starts[0]
        index = bisect.bisect_right(self.firsts, number) - 1
        if index < 0:
            return self.starts[0]
        line = self.line(number)
        if line.block != BODY:
            return self.starts[index + 1] if index + 1 < len(self.starts) else len(self.body)
        return self.starts[index] + self.paragraph(index).converted.to_original(line.start)

    @property
    def first_body_line(self) -> int:
        return self.firsts[0] if self.starts else 0

    def body_span(self, line: Line) -> tuple[int, int]:
        """The body offsets a body line shows."""
        converted, base = self.paragraph(line.paragraph).converted, self.starts[line.paragraph]
        return base + converted.to_original(line.start), base + converted.to_original(line.end)

    def display_spans(self, line: Line, spans: Iterable[Span]) -> list[Span]:
        """Body spans moved onto a body line's paragraph, kept when they touch the line."""
        index = line.paragraph
        converted, base = self.paragraph(index).converted, self.starts[index]
        size = len(converted.original)
        out = []
        for start, end, role in spans:
            if end < base or start > base + size:
                continue
            left, right = core.convert_span(converted, min(max(0, start - base), size), min(max(0, end - base), size))
            if right > line.start and left < max(line.end, line.start + 1):
                out.append((left, right, role))
        for position in converted.ambiguous:
            if line.start <= position < line.end:
                out.append((position, position + 1, "ambiguous"))
        return out

    def shown(self, start: int, end: int) -> str:
        """The displayed text of a body span inside one paragraph."""
        index = self.paragraph_of(start)
        converted, base = self.paragraph(index).converted, self.starts[index]
        left, right = core.convert_span(converted, max(0, start - base), min(end - base, len(converted.original)))
        return converted.text[left:right]

    # ------------------------------------------------------------ keeping the view still

    def anchor(self, number: int) -> tuple[int, int]:
        """A screen line as (paragraph, line within it): where it stays when estimates change."""
        if number < len(self.head) or not self.starts:
            return -1, number
        index = bisect.bisect_right(self.firsts, number) - 1
        return index, number - self.firsts[index]

    def line_of_anchor(self, anchor: tuple[int, int]) -> int:
        index, within = anchor
        return within if index < 0 else self.firsts[index] + within


def _headline_length(article: Article) -> int:
    """The length of the body's first paragraph when it is the article's title, else 0."""
    first = article.body.split("\n", 1)[0]
    return len(first) if article.title and first.strip() == article.title.strip() else 0


class SpanIndex:
    """Spans ``(start, end, role)`` sorted by start, to find those touching one line quickly."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans)
        self._starts = [s[0] for s in self.spans]
        self._longest = max((e - s for s, e, _ in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans that share at least one character with ``[start, end)``."""
        hi = bisect.bisect_left(self._starts, end)
        lo = bisect.bisect_left(self._starts, start - self._longest)
        return [s for s in self.spans[lo:hi] if s[1] > start]
