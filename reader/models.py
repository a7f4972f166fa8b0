"""Plain data of the core: stories, articles, sentences, quotations and facts.

Every offset is a Python ``str`` index into an article's stored body (the text after the
front matter's closing ``---`` line), never a byte offset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

QuoteKind = Literal["speech", "term"]
FactStatus = Literal["agree", "conflict", "single"]


@dataclass(frozen=True)
class Article:
    """One outlet's telling of the story, as stored in ``content/<story>/<id>.md``."""

    id: str
    body: str
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    language: str | None = None  # BCP 47: zh-Hans, zh-Hant, en
    author: str | None = None
    raw: str | None = None  # path of the untouched original, relative to the story folder
    imported: str | None = None  # ISO date of the import, the citation's "accessed" date
    source: str | None = None  # file name or URL the article was imported from
    content_hash: str | None = None  # sha256 of the cleaned body, to skip duplicates
    path: Path | None = None  # the Markdown file, once stored

    @property
    def display_name(self) -> str:
        """What to call the article's source on screen: the outlet, else the url's host, else its title."""
        if self.outlet:
            return self.outlet
        host = _host(self.url)
        if host:
            return host
        if self.title:
            return f"“{self.title if len(self.title) <= 24 else self.title[:23] + '…'}”"
        return self.id

    def to_json(self) -> dict[str, Any]:
        """The article object of the JSON contracts."""
        return {
            "id": self.id,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "author": self.author,
            "path": str(self.path) if self.path else None,
        }


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


@dataclass(frozen=True)
class LoadProblem:
    """A file of a story folder that could not be read; the rest of the story still loads."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason}"


@dataclass(frozen=True)
class Story:
    """A story folder: its metadata and its articles, ordered by date (unknown dates last)."""

    id: str
    title: str
    path: Path
    articles: tuple[Article, ...] = ()
    summary: str = ""
    language: str | None = None
    problems: tuple[LoadProblem, ...] = ()

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or None."""
        return next((a for a in self.articles if a.id == article_id), None)


@dataclass(frozen=True)
class Sentence:
    """A sentence (or list item, or heading) of an article body: ``body[start:end] == text``."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Quote:
    """A quotation: ``body[start:end] == text`` holds the quoted words without the marks."""

    article_id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None
    sentence: str = ""  # the whole sentence the quote opens in
    depth: int = 0  # 0 for an outer quote, 1 for a quote nested inside another


@dataclass(frozen=True)
class Mention:
    """One article's statement of a fact: a whole sentence and the value it gives."""

    article_id: str
    sentence: str
    start: int
    end: int
    value: str | None = None
    display: str | None = None  # the value as the article writes it, e.g. "180.2万"


@dataclass(frozen=True)
class Fact:
    """The same fact as several outlets state it, with agree / conflict / single."""

    id: str
    label: str
    status: FactStatus
    mentions: tuple[Mention, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        """The fact object of ``reader facts --json``."""
        return {
            "id": self.id,
            "label": self.label,
            "status": self.status,
            "mentions": [
                {
                    "article": m.article_id,
                    "sentence": m.sentence,
                    "start": m.start,
                    "end": m.end,
                    "value": m.value,
                }
                for m in self.mentions
            ],
        }
