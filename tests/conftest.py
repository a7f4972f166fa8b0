"""Every test run gets its own user folders, so no test reads or writes a real user's files.

Set before any test (and inherited by the subprocesses tests start); a test that needs a fresh
folder of its own still sets the variable itself.
"""

from __future__ import annotations

import os
import shutil
import tempfile

_USER_DIRS = ("READER_STATE_DIR", "READER_CONFIG_DIR", "READER_DATA_DIR", "READER_CACHE_DIR")
_root: str | None = None


def pytest_configure(config) -> None:
    global _root
    _root = tempfile.mkdtemp(prefix="reader-tests-")
    for name in _USER_DIRS:
        os.environ[name] = os.path.join(_root, name.removeprefix("READER_").removesuffix("_DIR").lower())


def pytest_unconfigure(config) -> None:
    if _root:
        shutil.rmtree(_root, ignore_errors=True)
