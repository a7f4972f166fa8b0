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

import yaml

from reader.errors import ReaderError
from reader.ingest_clean import Gloss, clean_characters, count_removed_characters, remove_glosses
from reader.ingest_debris import Removal, clean_line, remove_debris
from reader.ingest_decode import decode_bytes
from reader.ingest_meta import article_id, extract_metadata, parse_date, slugify
from reader.ingest_wrap import build_paragraphs
from reader.models import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
LANGUAGES = ("zh-Hans", "zh-Hant", "en")
MARKDOWN_SUFFIXES = (".md", ".markdown")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
# A YAML front-matter block at the very start of a Markdown file (at most 200 lines long).
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n((?:.*\r?\n){0,200}?)---[ \t]*(?:\r?\n|\Z)")
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
    """Decode a text file's bytes and clean them; ReaderError when there is no text.

    A Markdown file's YAML front matter is metadata, not body: valid fields fill gaps in what
    the text states, and a block that is not valid YAML is left out (the raw copy keeps it).
    """
    text, encoding = decode_bytes(data, name)
    front, removal = Metadata(), None
    if markdown:
        front, removal, text = split_front_matter(text)
    cleaned = clean_text(text, markdown=markdown)
    if not cleaned.body.strip():
        raise ReaderError(f"{name}: no article text left after cleaning")
    removals = (removal, *cleaned.removals) if removal else cleaned.removals
    return replace(cleaned, found=front.over(cleaned.found), removals=removals, encoding=encoding)


def split_front_matter(text: str) -> tuple[Metadata, Removal | None, str]:
    """A Markdown text's front-matter metadata, the removal record of the block, and the rest."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return Metadata(), None, text
    rest = text[match.end() :]
    try:  # cleaned first: YAML refuses control characters that cleaning would drop anyway
        meta = yaml.safe_load(clean_characters(match.group(1)))
    except yaml.YAMLError:
        return Metadata(), Removal("front matter that is not valid YAML", match.group(1)), rest
    if not isinstance(meta, dict):
        return Metadata(), Removal("front matter that is not a mapping", match.group(1)), rest
    fields = {f: _front_value(meta.get(f)) for f in METADATA_FIELDS}
    fields["published"] = parse_date(fields["published"] or "")
    fields["language"] = fields["language"] if fields["language"] in LANGUAGES else None
    return Metadata(**fields), Removal("front matter, read as metadata", match.group(1)), rest


def _front_value(value: object) -> str | None:
    """A front-matter value as one clean line of text, or None."""
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None
    line = " ".join(clean_characters(str(value)).split())
    return line or None


def load_source(source: str) -> LoadedSource:
    """Read a file (read-only) or fetch a URL, and clean it; ReaderError when that fails."""
    if re.match(r"https?://", source, re.IGNORECASE):
        return _load_url(source)
    path = Path(source)
    if not path.is_file():
        raise ReaderError(f"{source}: {_not_a_file(path)}")
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


def _not_a_file(path: Path) -> str:
    """Why a path that is not a regular file cannot be imported (never opened: a FIFO would block)."""
    if path.is_dir():
        return "is a folder, not a file"
    if path.exists():
        return "not a regular file (a device, socket or pipe)"
    return "no such file"


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
