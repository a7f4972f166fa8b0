"""Bytes to a clean Article: decode, strip what is not text, remove pinyin glosses, undo hard
wrapping, remove page debris, and read the metadata the text states.

The steps live in ``ingest_decode`` (encodings), ``ingest_clean`` (characters, glosses),
``ingest_wrap`` (lines to paragraphs), ``ingest_debris`` (captions, notices, lists) and
``ingest_meta`` (labelled lines, title, ids); this module runs them in order and builds the
Article. Explicit options always win over what a page or the text says; what nobody says
stays None.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from reader.errors import ReaderError
from reader.ingest_clean import Gloss, clean_characters, count_removed_characters, remove_glosses
from reader.ingest_debris import Removal, clean_line, remove_debris
from reader.ingest_decode import decode_bytes
from reader.ingest_meta import article_id, extract_metadata, slugify
from reader.ingest_wrap import build_paragraphs
from reader.models import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
METADATA_FIELDS = ("outlet", "title", "url", "published", "language", "author")


@dataclass(frozen=True)
class Metadata:
    """Article metadata from one origin (options, a web page, or the text itself)."""

    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    author: str | None = None

    def over(self, other: Metadata) -> Metadata:
        """These values, with ``other``'s filling the gaps."""
        return Metadata(**{f: getattr(self, f) or getattr(other, f) for f in METADATA_FIELDS})


@dataclass(frozen=True)
class Cleaned:
    """The cleaned body, the metadata the text states, and a record of what was removed."""

    body: str
    found: Metadata
    removals: tuple[Removal, ...] = ()
    glosses: tuple[Gloss, ...] = ()
    controls_removed: int = 0
    encoding: str | None = None

    def report_lines(self) -> list[str]:
        """The dry-run report: one line per removal, reason first."""
        lines = []
        if self.controls_removed:
            lines.append(f"control, escape, bidi or zero-width characters: {self.controls_removed} removed")
        plain = [g.text for g in self.glosses if not g.damaged]
        if plain:
            sample = ", ".join(dict.fromkeys(plain[:8]))
            lines.append(f"pinyin glosses: {len(plain)} removed ({sample}{', …' if len(plain) > 8 else ''})")
        lines.extend(f"damaged gloss run, replaced by U+FFFD: {g.text}" for g in self.glosses if g.damaged)
        lines.extend(r.line() for r in self.removals)
        return lines


@dataclass(frozen=True)
class LoadedSource:
    """A source read and cleaned: its bytes (for the raw copy) and what the page said."""

    source: str  # file name or URL, as recorded in the article
    raw_name: str
    data: bytes
    cleaned: Cleaned
    page: Metadata = field(default_factory=Metadata)
    stem: str = "article"


def clean_text(text: str, *, markdown: bool = False) -> Cleaned:
    """Clean decoded text into a body of paragraphs separated by blank lines."""
    characters = clean_characters(text)
    controls = count_removed_characters(text, characters)
    characters, glosses = remove_glosses(characters)
    removals: list[Removal] = []
    lines = [clean_line(line, removals) for line in characters.split("\n")]
    if markdown:
        lines = [_MARKDOWN_HEADING.sub(r"\1", line) for line in lines]
    paragraphs, found = extract_metadata(build_paragraphs(lines))
    removals.extend(Removal(reason, text) for reason, text in found.removed)
    paragraphs, debris = remove_debris(paragraphs, found.title)
    removals.extend(debris)
    meta = Metadata(
        outlet=found.outlet, title=found.title, url=found.url, published=found.published, author=found.author
    )
    return Cleaned("\n\n".join(paragraphs), meta, tuple(removals), tuple(glosses), controls)


def clean_bytes(data: bytes, name: str = "source", *, markdown: bool = False) -> Cleaned:
    """Decode a text file's bytes and clean them; ReaderError when there is no text."""
    text, encoding = decode_bytes(data, name)
    cleaned = clean_text(text, markdown=markdown)
    if not cleaned.body.strip():
        raise ReaderError(f"{name}: no article text left after cleaning")
    return replace(cleaned, encoding=encoding)


def load_source(source: str) -> LoadedSource:
    """Read a file (read-only) or fetch a URL, and clean it; ReaderError when that fails."""
    if re.match(r"https?://", source, re.IGNORECASE):
        return _load_url(source)
    path = Path(source)
    if not path.is_file():
        raise ReaderError(f"{source}: no such file")
    try:
        with path.open("rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ReaderError(f"{path.name}: cannot read ({exc.strerror or exc})") from exc
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        cleaned, page = _clean_html(data, path.name, None)
        return LoadedSource(path.name, path.name, data, cleaned, page, path.stem)
    cleaned = clean_bytes(data, path.name, markdown=suffix in MARKDOWN_SUFFIXES)
    return LoadedSource(path.name, path.name, data, cleaned, Metadata(), path.stem)


def make_article(
    loaded: LoadedSource, options: Metadata, *, taken: set[str], id_override: str | None = None, raw: str | None = None
) -> Article:
    """The Article: options over the page's metadata over the text's; a new readable id."""
    meta = options.over(loaded.page).over(loaded.cleaned.found)
    body = loaded.cleaned.body
    language = meta.language or _detect_language(body)
    new_id = id_override or article_id(
        url=meta.url, outlet=meta.outlet, stem=loaded.stem, published=meta.published, taken=taken
    )
    return Article(
        id=new_id,
        body=body,
        outlet=meta.outlet,
        title=meta.title,
        url=meta.url,
        published=meta.published,
        language=language,
        author=meta.author,
        raw=raw,
        imported=dt.date.today().isoformat(),
        source=loaded.source,
        content_hash=content_hash(body),
    )


def content_hash(body: str) -> str:
    """sha256 of a cleaned body: the same text imported twice has the same hash."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _detect_language(body: str) -> str | None:
    from reader.script import detect_language  # lazy: reads OpenCC dictionaries on first use

    return detect_language(body)


def _clean_html(
    data: bytes, name: str, url: str | None, content_type: str | None = None
) -> tuple[Cleaned, Metadata]:
    from reader.web import extract_html  # lazy: trafilatura is slow to import

    extracted = extract_html(data, url, content_type=content_type)
    cleaned = clean_text(extracted.text)
    if not cleaned.body.strip():
        raise ReaderError(f"{name}: no article text found in the page")
    page = Metadata(
        outlet=extracted.outlet,
        title=extracted.title,
        url=extracted.url or url,
        published=extracted.published,
        author=extracted.author,
    )
    return cleaned, page


def _load_url(url: str) -> LoadedSource:
    from reader.web import fetch  # lazy: network code only for URLs

    fetched = fetch(url)
    parts = urlsplit(fetched.url)
    stem = slugify(f"{parts.hostname or ''} {parts.path}")[:80] or "page"
    if "html" in fetched.content_type.lower() or fetched.data.lstrip()[:1] == b"<":
        cleaned, page = _clean_html(fetched.data, url, fetched.url, fetched.content_type)
        return LoadedSource(url, f"{stem}.html", fetched.data, cleaned, page, stem)
    cleaned = clean_bytes(fetched.data, url)
    return LoadedSource(url, f"{stem}.txt", fetched.data, cleaned, Metadata(url=fetched.url), stem)
