"""The quotations of an article body, cached on disk: opening a story reads them back instead of
importing the finder and running it again.

``cache_dir()/quotes/<sha256>.json``. The key covers the body and the source of the modules the
finder's answer depends on (``quotes``, ``text``, ``script``) and reader's version, so an edited
article or a changed finder misses the cache without anyone remembering to bump a number. A file
that cannot be read back is ignored and written anew; writes are atomic.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
from pathlib import Path

from reader import __version__
from reader.fsutil import atomic_write_text
from reader.models import Quote
from reader.paths import cache_dir

_FINDER_MODULES = ("reader.quotes", "reader.text", "reader.script")
_FIELDS = ("start", "end", "text", "kind", "speaker", "sentence", "depth")


def find_quotes(body: str, article_id: str = "") -> list[Quote]:
    """``reader.quotes.find_quotes``, from the cache when it holds this body's answer."""
    path = cache_dir() / "quotes" / f"{_key(body)}.json"
    cached = _read(path, article_id)
    if cached is not None:
        return cached
    from reader.quotes import find_quotes as finder  # lazy: compiling its patterns takes a while

    quotes = finder(body, article_id)
    with contextlib.suppress(OSError):
        rows = [[getattr(q, f) for f in _FIELDS] for q in quotes]
        atomic_write_text(path, json.dumps(rows, ensure_ascii=False), durable=False)
    return quotes


def _key(body: str) -> str:
    digest = hashlib.sha256(_finder_fingerprint().encode())
    digest.update(body.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@functools.cache
def _finder_fingerprint() -> str:
    """reader's version and a hash of the finder's source (its version when the source is not on disk)."""
    digest = hashlib.sha256(__version__.encode())
    for name in _FINDER_MODULES:
        spec = importlib.util.find_spec(name)
        origin = Path(spec.origin) if spec and spec.origin else None
        try:
            digest.update(origin.read_bytes() if origin else name.encode())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()


def _read(path: Path, article_id: str) -> list[Quote] | None:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return [Quote(article_id, *_checked(row)) for row in rows]
    except (OSError, ValueError, TypeError):
        return None


def _checked(row: list) -> tuple:
    """A stored row as Quote fields; ValueError when it is not one."""
    start, end, text, kind, speaker, sentence, depth = row
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(text, str) and kind in ("speech", "term")):
        raise ValueError("not a stored quotation")
    return start, end, text, kind, speaker, sentence, int(depth)
