"""Where things live: the bundled content, and the user's state, config and data folders.

``READER_DATA_DIR``, ``READER_STATE_DIR``, ``READER_CONFIG_DIR`` and ``READER_CACHE_DIR``
override the platform folders, so tests and scripts never touch a real user's files.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reader"
BUNDLED_STORY_ID = "xiaomi-wang-teng-dismissal"


def bundled_content_dir() -> Path:
    """The bundled ``content/`` folder: inside an installed wheel, else the checkout's."""
    installed = Path(__file__).resolve().parent / "_content"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "content"


def _user_dir(env: str, kind: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    import platformdirs  # lazy: only needed when a user folder is first asked for

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Where clippings are kept."""
    return _user_dir("READER_DATA_DIR", "data")


def state_dir() -> Path:
    """Where reading positions are kept."""
    return _user_dir("READER_STATE_DIR", "state")


def config_dir() -> Path:
    """Where the user's configuration (citation style, phrase table, keys) is kept."""
    return _user_dir("READER_CONFIG_DIR", "config")


def cache_dir() -> Path:
    """Where results computed from content (alignment, conversions) are cached."""
    return _user_dir("READER_CACHE_DIR", "cache")
