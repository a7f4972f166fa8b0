"""What the reading pane shows, without any widget: an article in a script, laid out in lines.

An ``ArticleText`` holds what does not depend on the script (sentences, quotations); a
``Document`` is the article converted to a display script and wrapped to a width, with maps
from body offsets to display offsets so cursor, quotations and matches stay on the right
characters whatever the conversion did to lengths.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from reader.models import Article, Quote, Sentence
from reader.script import Converted, Script
from reader.tui import core_bridge as core

TITLE, META, BODY = 0, 1, 2
# Long lines tire the eye: the text column stops growing at this many cells.
MAX_MEASURE = 100


@dataclass
class ArticleText:
    """An article's sentences and quotations, found once and kept."""

    article: Article
    sentences: list[Sentence]
    quotes: list[Quote]

    quotes_ready: bool = True

    @classmethod
    def build(cls, article: Article, with_quotes: bool = True) -> ArticleText:
        """Sentences, and quotations unless they are to be found later (``add_quotes``)."""
        sentences = core.split_sentences(article.body, article.id)
        text = cls(article, sentences, [], quotes_ready=False)
        if with_quotes:
            text.add_quotes(find_quotes(article))
        return text

    def add_quotes(self, quotes: list[Quote]) -> None:
        self.quotes = sorted(quotes, key=lambda q: (q.start, -q.end))
        self.quotes_ready = True

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
    """One screen line: a part of the title, meta or body text, ``text[start:end]``."""

    block: int
    start: int
    end: int


@dataclass
class Document:
    """An article in a display script, wrapped to a width."""

    title: str
    meta: str
    body: str
    converted: Converted
    width: int
    lines: list[Line] = field(default_factory=list)
    headline_end: int = 0  # display offset where a body that opens with its headline leaves it

    @classmethod
    def build(cls, article: Article, script: Script, width: int) -> Document:
        language = article.language
        convert = _converter(script, language)
        converted = convert(article.body)
        headline = _headline_length(article)
        # a body that opens with its headline shows it once, as the first paragraph
        title = "" if headline else convert(article.title or article.id).text
        meta = " · ".join(p for p in (article.display_name, article.published or "date ?", article.url) if p)
        doc = cls(title, convert(meta).text, converted.text, converted, width)
        doc.headline_end = converted.to_converted(headline)
        doc.lines = doc._layout()
        return doc

    def block_text(self, block: int) -> str:
        return (self.title, self.meta, self.body)[block]

    def line_text(self, line: Line) -> str:
        return self.block_text(line.block)[line.start : line.end]

    def to_display(self, offset: int) -> int:
        """A body offset as an offset in the displayed body."""
        return self.converted.to_converted(offset)

    def to_body(self, offset: int) -> int:
        """A displayed-body offset as an offset in the stored body."""
        return self.converted.to_original(offset)

    @cached_property
    def _body_line_numbers(self) -> list[int]:
        return [n for n, line in enumerate(self.lines) if line.block == BODY]

    @cached_property
    def _body_line_starts(self) -> list[int]:
        return [self.lines[n].start for n in self._body_line_numbers]

    def line_of(self, display_offset: int) -> int:
        """The screen line showing a displayed-body offset."""
        numbers = self._body_line_numbers
        if not numbers:
            return 0
        i = max(0, bisect.bisect_right(self._body_line_starts, display_offset) - 1)
        return numbers[i]

    def _layout(self) -> list[Line]:
        lines = [Line(TITLE, s, e) for s, e in core.wrap(self.title, self.width)] if self.title else []
        lines += [Line(META, s, e) for s, e in core.wrap(self.meta, self.width)]
        lines.append(Line(META, 0, 0))
        for match in re.finditer(r"[^\n]+", self.body):
            paragraph = match.group()
            if not paragraph.strip():
                continue
            if lines[-1].block == BODY:
                lines.append(Line(META, 0, 0))  # a blank line between paragraphs
            base = match.start()
            lines += [Line(BODY, base + s, base + e) for s, e in core.wrap(paragraph, self.width)]
        return lines


def _headline_length(article: Article) -> int:
    """The length of the body's first paragraph when it is the article's title, else 0."""
    first = article.body.split("\n", 1)[0]
    return len(first) if article.title and first.strip() == article.title.strip() else 0


def _converter(script: Script, language: str | None):
    def convert(text: str):
        return core.convert(text, script, source_language=language)

    return convert


class SpanIndex:
    """Spans ``(start, end, role)`` sorted by start, to find those touching one line quickly."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s[0] for s in self.spans]
        self._longest = max((e - s for s, e, _ in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Spans that share at least one character with ``[start, end)``."""
        hi = bisect.bisect_left(self._starts, end)
        lo = bisect.bisect_left(self._starts, start - self._longest)
        return [s for s in self.spans[lo:hi] if s[1] > start]
