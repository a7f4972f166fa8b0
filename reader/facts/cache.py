"""The alignment of a story cached on disk, keyed by its content and the algorithm version.

``cache_dir()/facts/<sha256>.json``; the key covers every article's id, body, published date and
language (what alignment reads), so any edit misses the cache. A file that cannot be read back
is ignored (and rewritten by the caller). Writes are atomic.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from reader.fsutil import atomic_write_text
from reader.models import Article, Fact, Mention
from reader.paths import cache_dir

ALGORITHM_VERSION = "align-93"


def cache_key(articles: Iterable[Article]) -> str:
    """sha256 over the algorithm version and the articles in id order."""
    digest = hashlib.sha256(ALGORITHM_VERSION.encode())
    for article in sorted(articles, key=lambda a: a.id):
        for part in (article.id, article.body, article.published or "", article.language or ""):
            digest.update(len(part.encode()).to_bytes(8, "big"))
            digest.update(part.encode())
    return digest.hexdigest()


def cache_path(key: str) -> Path:
    return cache_dir() / "facts" / f"{key}.json"


def read_cached(key: str) -> list[Fact] | None:
    """The cached facts, or None when absent or unreadable."""
    try:
        data = json.loads(cache_path(key).read_text(encoding="utf-8"))
        return [_fact_from_json(f) for f in data["facts"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_cached(key: str, facts: list[Fact]) -> None:
    """Store the facts; a cache that cannot be written only costs the next run some time."""
    payload = {"version": ALGORITHM_VERSION, "facts": [_fact_to_json(f) for f in facts]}
    with contextlib.suppress(OSError):
        atomic_write_text(cache_path(key), json.dumps(payload, ensure_ascii=False), durable=False)


def _fact_to_json(fact: Fact) -> dict:
    data = fact.to_json()
    for mention, out in zip(fact.mentions, data["mentions"], strict=True):
        out["display"] = mention.display
    return data


def _fact_from_json(data: dict) -> Fact:
    mentions = tuple(
        Mention(
            article_id=str(m["article"]),
            sentence=str(m["sentence"]),
            start=int(m["start"]),
            end=int(m["end"]),
            value=m["value"],
            display=m.get("display"),
        )
        for m in data["mentions"]
    )
    if data["status"] not in ("agree", "conflict", "single"):
        raise ValueError(f"unknown status {data['status']!r}")
    return Fact(id=str(data["id"]), label=str(data["label"]), status=data["status"], mentions=mentions)
