"""``reader cite ARTICLE_ID [--story S] [--style …] [--quote TEXT] [--script …] [--accessed DATE]``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from reader.cite import format_citation
from reader.commands.output import warn_problems
from reader.content import find_article, resolve_story
from reader.errors import ReaderError
from reader.models import Article
from reader.script import convert, fold


def run(args: argparse.Namespace) -> int:
    accessed = _checked_date(args.accessed)
    story = resolve_story(args.story)
    warn_problems(story)
    article = find_article(story, args.article)
    quote = shown_quote(article, args.quote, args.script) if args.quote else None
    if quote and fold(" ".join(args.quote.split())) not in fold(" ".join(article.body.split())):
        print(f"reader: warning: the quotation is not in article {article.id} as given", file=sys.stderr)
    print(format_citation(article, args.style, quote=quote, shown_script=args.script, accessed=accessed))
    return 0


def shown_quote(article: Article, quote: str, script: str) -> str:
    """The quotation in the script it is shown in (English and ``original`` stay as given)."""
    if script == "original" or not (article.language or "").startswith("zh"):
        return quote
    return convert(quote, script, source_language=article.language).text


def _checked_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ReaderError(f"--accessed {value!r} is not a date: use YYYY-MM-DD") from None
