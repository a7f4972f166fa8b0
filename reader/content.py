"""Read and write the content folder: the only code that touches ``content/``.

A story is a folder ``<story-id>/`` with ``story.toml`` (title, summary, language), one Markdown
file per article with YAML front matter, and the untouched originals under ``raw/``. A broken
article file never stops the story from loading: it is reported by name in ``Story.problems``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.errors import ReaderError
from reader.fsutil import atomic_write_bytes, atomic_write_text
from reader.models import Article, LoadProblem, Story
from reader.paths import BUNDLED_STORY_ID, bundled_content_dir, cache_dir

STORY_FILE = "story.toml"
RAW_DIR = "raw"
_FRONT_BOUNDARY = re.compile(r"^-{3,}\s*$", re.MULTILINE)  # a line of three or more dashes
FRONT_MATTER_KEYS = (
    "id", "outlet", "title", "url", "published", "language", "author",
    "raw", "imported", "source", "content_hash",
)  # fmt: skip


# ---------------------------------------------------------------- articles


def parse_article(text: str, path: Path | None = None) -> Article:
    """An article from the text of its Markdown file; ValueError when it is not one."""
    if not text.startswith("---"):
        raise ValueError("no front matter (the file must start with a --- line)")
    pieces = _FRONT_BOUNDARY.split(text, 2)
    if len(pieces) < 3:
        raise ValueError("front matter is not closed by a --- line")
    _, front, body = pieces
    body = body[1:] if body.startswith("\n") else body
    body = body[:-1] if body.endswith("\n") else body
    fields = dict(_front_fields(front))
    if not fields["id"]:
        fields["id"] = path.stem if path else None
    if not fields["id"]:
        raise ValueError("front matter has no id")
    return Article(body=body, path=path, **fields)  # type: ignore[arg-type]


def _front_fields(front: str) -> dict[str, str | None]:
    """The front matter's fields as text, from the cache when this exact front matter was read
    before: opening a story then needs no YAML parser (importing one takes longer than the rest)."""
    path = cache_dir() / "front-matter" / f"{hashlib.sha256(front.encode('utf-8', 'surrogatepass')).hexdigest()}.json"
    with contextlib.suppress(OSError, ValueError):
        cached = json.loads(path.read_text(encoding="utf-8"))
        fields = {key: cached.get(key) for key in FRONT_MATTER_KEYS}
        if all(value is None or isinstance(value, str) for value in fields.values()):
            return fields
    fields = _parse_front(front)
    with contextlib.suppress(OSError):
        atomic_write_text(path, json.dumps(fields, ensure_ascii=False), durable=False)
    return fields


def _parse_front(front: str) -> dict[str, str | None]:
    """The fields of YAML front matter, as text; ValueError when it is not a YAML mapping."""
    import yaml  # lazy: see _front_fields

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, five times faster, same safe types
    try:
        meta = yaml.load(front, Loader=loader) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"front matter is not valid YAML ({_first_line(exc)})") from exc
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping")
    return {key: _as_text(meta.get(key)) for key in FRONT_MATTER_KEYS}


def render_article(article: Article) -> str:
    """The Markdown file of an article: front matter, then the body."""
    meta: dict[str, Any] = {}
    for key in FRONT_MATTER_KEYS:
        value = getattr(article, key)
        if key in ("published", "imported") and value:
            value = _as_date(value)
        meta[key] = value
    import yaml  # lazy: see _front_fields

    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n{article.body}\n"


def read_article(path: Path) -> Article:
    """Read one article file; ValueError or OSError when it cannot be read."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 (byte {exc.start})") from exc
    return parse_article(text, Path(path))


def write_article(story_dir: Path, article: Article, *, force: bool = False) -> Article:
    """Store an article as ``<id>.md``; never overwrite an existing one without ``force``."""
    target = Path(story_dir) / f"{article.id}.md"
    if target.exists() and not force:
        raise ReaderError(f"article {article.id!r} already exists in {story_dir}: use --force to overwrite")
    stored = replace(article, path=target)
    atomic_write_text(target, render_article(stored))
    return stored


def write_raw(story_dir: Path, name: str, data: bytes, *, force: bool = False) -> str:
    """Keep the untouched original under ``raw/``; return its path relative to the story folder."""
    target = Path(story_dir) / RAW_DIR / Path(name).name
    if target.exists() and target.read_bytes() != data and not force:
        raise ReaderError(f"raw/{target.name} already exists with other content: use --force to overwrite")
    if not target.exists() or force:
        atomic_write_bytes(target, data)
    return f"{RAW_DIR}/{target.name}"


# ---------------------------------------------------------------- stories


def is_story_dir(path: Path) -> bool:
    """A folder with a ``story.toml`` or at least one Markdown article."""
    path = Path(path)
    return path.is_dir() and ((path / STORY_FILE).is_file() or any(path.glob("*.md")))


def load_story(path: Path) -> Story:
    """Load a story folder; broken article files are skipped and listed in ``problems``."""
    path = Path(path)
    if not path.is_dir():
        raise ReaderError(f"no story folder at {path}")
    meta, problems = _read_story_meta(path)
    articles: list[Article] = []
    for file in sorted(path.glob("*.md")):
        if file.name.lower() == "readme.md":
            continue
        try:
            articles.append(read_article(file))
        except (OSError, ValueError) as exc:
            problems.append(LoadProblem(file, _first_line(exc)))
    return Story(
        id=path.name,
        title=str(meta.get("title") or path.name),
        summary=str(meta.get("summary") or ""),
        language=_as_text(meta.get("language")),
        path=path,
        articles=tuple(sorted(articles, key=_by_date)),
        problems=tuple(problems),
    )


def write_story_meta(story_dir: Path, title: str, summary: str = "", language: str | None = None) -> None:
    """Write ``story.toml`` atomically."""
    meta: dict[str, str] = {"title": title, "summary": summary}
    if language:
        meta["language"] = language
    import tomli_w  # lazy: only writing needs it

    atomic_write_text(Path(story_dir) / STORY_FILE, tomli_w.dumps(meta))


def list_stories(content_dir: Path) -> list[Story]:
    """Every story folder directly under a content folder, by id."""
    content_dir = Path(content_dir)
    if not content_dir.is_dir():
        raise ReaderError(f"no content folder at {content_dir}")
    return [load_story(p) for p in sorted(content_dir.iterdir()) if is_story_dir(p)]


def story_dirs(target: str | Path | None) -> list[Path]:
    """The story folders a command-line STORY/PATH argument names (a story, or a content folder)."""
    if target is None:
        return _bundled_story_dirs()
    path = Path(target)
    if path.is_dir():
        if is_story_dir(path):
            return [path]
        found = [p for p in sorted(path.iterdir()) if is_story_dir(p)]
        if not found:
            raise ReaderError(f"no story in {path}: it holds no story.toml and no .md article")
        return found
    if path.exists():
        raise ReaderError(f"{path} is a file, not a story folder")
    bundled = bundled_content_dir() / str(target)
    if "/" not in str(target) and is_story_dir(bundled):
        return [bundled]
    raise ReaderError(f"no story at {target!r}: not a folder, and not a bundled story id")


def resolve_story(target: str | Path | None) -> Story:
    """The story a STORY argument names; a content folder gives its first story."""
    return load_story(story_dirs(target)[0])


def find_article(story: Story, article_id: str) -> Article:
    """The article with this id in the story, or a ReaderError naming the ids there are."""
    article = story.article(article_id)
    if article is None:
        known = ", ".join(a.id for a in story.articles) or "none"
        raise ReaderError(f"no article {article_id!r} in story {story.id} (articles: {known})")
    return article


# ---------------------------------------------------------------- helpers


def _bundled_story_dirs() -> list[Path]:
    content = bundled_content_dir()
    preferred = content / BUNDLED_STORY_ID
    others = [p for p in sorted(content.iterdir()) if is_story_dir(p) and p != preferred] if content.is_dir() else []
    found = ([preferred] if is_story_dir(preferred) else []) + others
    if not found:
        raise ReaderError(f"the bundled story is missing from {content}")
    return found


def _read_story_meta(path: Path) -> tuple[dict[str, Any], list[LoadProblem]]:
    file = path / STORY_FILE
    if not file.is_file():
        return {}, []
    try:
        return tomllib.loads(file.read_text(encoding="utf-8")), []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [LoadProblem(file, _first_line(exc))]


def _by_date(article: Article) -> tuple[int, str, str]:
    return (0 if article.published else 1, article.published or "", article.id)


def _as_text(value: object) -> str | None:
    """Front-matter values as text: dates to ISO, empty to None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _as_date(value: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def article_ids(articles: Iterable[Article]) -> set[str]:
    """The ids of some articles (to choose a new id that is not taken)."""
    return {a.id for a in articles}
