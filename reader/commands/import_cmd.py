"""``reader import SOURCE... --story PATH``: add articles from files or URLs to a story.

Each source is read read-only, cleaned and stored with its untouched original under ``raw/``.
The same text imported twice is skipped; an existing article is overwritten only with
``--force``. With several sources, progress goes to stderr, a failing source is reported and
the rest still imported, and a summary ends the run (exit 1 if any source was refused).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.content import RAW_DIR, STORY_FILE, load_story, write_article, write_raw, write_story_meta
from reader.errors import ReaderError
from reader.ingest import LoadedSource, Metadata, content_hash, load_source, make_article
from reader.models import Article

USAGE = 2


@dataclass
class Tally:
    """What a run did, for the summary line."""

    imported: int = 0
    duplicates: int = 0
    refused: int = 0
    ids: set[str] = field(default_factory=set)
    hashes: dict[str, str] = field(default_factory=dict)  # content hash -> article id
    sources: dict[str, str] = field(default_factory=dict)  # source name or URL -> article id


def run(args: argparse.Namespace) -> int:
    problem = _usage_problem(args)
    if problem:
        print(f"reader import: error: {problem}", file=sys.stderr)
        return USAGE
    story_dir = Path(args.story)
    tally = _existing(story_dir)
    options = Metadata(
        outlet=args.outlet, title=args.title, url=args.url, published=args.published,
        language=args.language, author=args.author,
    )  # fmt: skip
    many = len(args.sources) > 1
    for n, source in enumerate(args.sources, 1):
        if many:
            print(f"[{n}/{len(args.sources)}] {_short(source)}", file=sys.stderr)
        try:
            _import_one(source, story_dir, options, args, tally)
        except ReaderError as exc:
            if not many:
                raise
            tally.refused += 1
            print(f"reader: error: {exc}", file=sys.stderr)
    if many:
        verb = "would import" if args.dry_run else "imported"
        print(f"{verb} {tally.imported}, skipped {tally.duplicates} duplicate, refused {tally.refused}")
    return 1 if tally.refused else 0


def _import_one(source: str, story_dir: Path, options: Metadata, args: argparse.Namespace, tally: Tally) -> None:
    loaded = load_source(source)
    digest = content_hash(loaded.cleaned.body)
    same = tally.hashes.get(digest)
    if same and not args.force:
        tally.duplicates += 1
        print(f"skipped {loaded.source}: same text as article {same} (use --force to import it again)")
        return
    # With --force a re-import replaces the article it duplicates, or the one from the same source.
    replaces = (same or tally.sources.get(loaded.source)) if args.force else None
    article = make_article(loaded, options, taken=tally.ids, id_override=args.id or replaces)
    if args.dry_run:
        _report(loaded.source, article, loaded.cleaned.report_lines())
    else:
        _store(story_dir, loaded, article, args)
    tally.imported += 1
    tally.ids.add(article.id)
    tally.hashes[digest] = article.id
    tally.sources[loaded.source] = article.id


def _store(story_dir: Path, loaded: LoadedSource, article: Article, args: argparse.Namespace) -> None:
    target = story_dir / f"{article.id}.md"
    if target.exists() and not args.force:
        raise ReaderError(f"article {article.id!r} already exists in {story_dir}: use --force to overwrite")
    if not (story_dir / STORY_FILE).is_file():
        story_dir.mkdir(parents=True, exist_ok=True)
        write_story_meta(story_dir, args.story_title or story_dir.resolve().name)
    raw_name = loaded.raw_name if args.force else _raw_name(story_dir, loaded.raw_name, loaded.data)
    raw = write_raw(story_dir, raw_name, loaded.data, force=args.force)
    stored = write_article(story_dir, replace(article, raw=raw), force=args.force)
    print(f"imported {loaded.source} as {stored.id} ({_summary(stored)}) -> {stored.path}")


def _report(source: str, article: Article, lines: list[str]) -> None:
    print(f"would import {source} as {article.id} ({_summary(article)})")
    print(f"  title: {article.title or '(none)'}")
    print(f"  url: {article.url or '(none)'}")
    for line in lines:
        print(f"  remove {line}")


def _raw_name(story_dir: Path, name: str, data: bytes) -> str:
    """The source's file name, or ``stem-2.ext`` etc. when another original already has it."""
    path = Path(name)
    candidate, n = path.name, 1
    while (existing := story_dir / RAW_DIR / candidate).exists() and existing.read_bytes() != data:
        n += 1
        candidate = f"{path.stem}-{n}{path.suffix}"
    return candidate


def _summary(article: Article) -> str:
    return ", ".join(x or "?" for x in (article.outlet, article.language, article.published))


def _existing(story_dir: Path) -> Tally:
    """The ids and body hashes already in the story (none for a new story)."""
    tally = Tally()
    if story_dir.is_dir():
        for article in load_story(story_dir).articles:
            tally.ids.add(article.id)
            tally.hashes[article.content_hash or content_hash(article.body)] = article.id
            if article.source:
                tally.sources[article.source] = article.id
    return tally


def _usage_problem(args: argparse.Namespace) -> str | None:
    if args.id and len(args.sources) > 1:
        return "--id names one article: give a single SOURCE"
    if args.published:
        try:
            dt.date.fromisoformat(args.published)
        except ValueError:
            return f"--published {args.published!r} is not a date (YYYY-MM-DD)"
    story = Path(args.story)
    if story.exists() and not story.is_dir():
        return f"--story {args.story} is a file, not a folder"
    return None


def _short(source: str, width: int = 60) -> str:
    name = source if "://" in source else Path(source).name
    return name if len(name) <= width else name[: width - 1] + "…"
