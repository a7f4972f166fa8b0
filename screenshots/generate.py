"""Regenerate the screenshots of the README with `reader screenshot`.

Run from anywhere: ``python screenshots/generate.py``. User folders point at a temporary folder,
so remembered positions and settings of whoever runs it never show in the pictures.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
READER = Path(sys.executable).parent / "reader"
# The sentence of the first article with the Weibo-followers figures the outlets disagree on.
SENTENCE = "8"

VIEWS = {
    "main-simplified.svg": ["--size", "160x45", "--script", "hans", "--sentence", SENTENCE],
    "main-traditional.svg": ["--size", "160x45", "--script", "hant", "--sentence", SENTENCE],
    "facts-matrix.svg": ["--size", "160x45", "--facts", "story", "--sentence", SENTENCE],
    "search.svg": ["--size", "160x45", "--search", "王騰"],
    "narrow-60x20.svg": ["--size", "60x20", "--sentence", SENTENCE],
}


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ)
        for kind in ("STATE", "CONFIG", "DATA", "CACHE"):
            env[f"READER_{kind}_DIR"] = str(Path(home) / kind.lower())
        for name, options in VIEWS.items():
            command = [str(READER), "screenshot", str(HERE / name), *options]
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
            if done.returncode != 0:
                print(f"{name}: {done.stderr.strip()}", file=sys.stderr)
                return 1
            print(HERE / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
