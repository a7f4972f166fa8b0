"""Shared output helpers of the sub-commands: JSON to stdout, warnings to stderr."""

from __future__ import annotations

import json
import sys
from typing import Any

from reader.models import Story


def print_json(data: Any) -> None:
    """JSON on stdout, UTF-8, non-ASCII kept as is."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def warn_problems(story: Story) -> None:
    """One line on stderr per file of the story that could not be read."""
    for problem in story.problems:
        print(f"reader: warning: {story.id}/{problem}", file=sys.stderr)
