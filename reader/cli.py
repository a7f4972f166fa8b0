"""The command line: sub-commands, exit codes (0 ok, 1 failure, 2 usage) and one-line errors.

Each sub-command's work lives in ``reader/commands/<name>.py`` as ``run(args) -> int``; this
module only parses arguments and turns failures into one clear line on stderr (a traceback only
with ``--debug``). ``reader [STORY]`` with no sub-command opens the TUI.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reader import __version__, startup
from reader.errors import ReaderError

SCRIPTS = ("original", "hans", "hant", "tw", "hk")
STYLES = ("gbt7714", "apa", "mla", "chicago", "markdown")
COMMANDS = ("open", "list", "import", "facts", "quotes", "cite", "screenshot")
APP_COMMANDS = ("open", "screenshot")  # they start the app, which ends the start-up at its first frame


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read one news story as several outlets told it: "
        "simplified and traditional Chinese and English, facts lined up, quotations cited.",
        epilog="With no command, `reader [STORY]` opens the reading app on STORY "
        "(a story folder, a content folder or a bundled story id; default: the bundled story).",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", help="open the reading app (the default command)")
    p.add_argument("story", nargs="?", help="story folder, content folder or bundled story id")
    p.add_argument("--article", help="article id to open first")
    p.add_argument("--script", choices=SCRIPTS, help="display script")

    p = sub.add_parser("list", help="stories and their articles with metadata")
    p.add_argument("path", nargs="?", help="story folder or content folder (default: bundled content)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("import", help="add articles from text, Markdown or HTML files, or http(s) URLs")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="file path or http(s) URL")
    p.add_argument("--story", required=True, help="story folder to add the articles to (created if new)")
    for name in ("outlet", "title", "url", "author", "id"):
        p.add_argument(f"--{name}", help=f"article {name} (overrides what the source says)")
    p.add_argument("--published", help="published date, YYYY-MM-DD")
    p.add_argument("--language", choices=("zh-Hans", "zh-Hant", "en"), help="article language")
    p.add_argument("--dry-run", action="store_true", help="print what would be removed and why; write nothing")
    p.add_argument("--force", action="store_true", help="overwrite an existing article")
    p.add_argument("--story-title", help="title for a new story's story.toml")

    p = sub.add_parser("facts", help="the same facts lined up across outlets")
    p.add_argument("story", nargs="?", help="story folder or bundled story id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--no-cache", action="store_true", help="recompute, ignoring the cache")

    p = sub.add_parser("quotes", help="quotations with kind and speaker")
    p.add_argument("story", nargs="?", help="story folder or bundled story id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--speaker", help="only quotations by this speaker (script-insensitive)")

    p = sub.add_parser("cite", help="a citation of an article, optionally with a quotation")
    p.add_argument("article", metavar="ARTICLE_ID")
    p.add_argument("--story", help="story folder or bundled story id")
    p.add_argument("--style", choices=STYLES, default="gbt7714")
    p.add_argument("--quote", help="quoted text to include")
    p.add_argument("--script", choices=SCRIPTS, default="original", help="script the quote is shown in")
    p.add_argument("--accessed", help="accessed date, YYYY-MM-DD (default: the import date)")

    p = sub.add_parser("screenshot", help="render the app's first frame headless to SVG")
    p.add_argument("out", metavar="OUT.svg")
    p.add_argument("story", nargs="?", help="story folder or bundled story id")
    p.add_argument("--article", help="article id to show")
    p.add_argument("--script", choices=SCRIPTS, default="original")
    p.add_argument("--size", default="120x40", help="terminal size WxH (default 120x40)")
    p.add_argument("--facts", choices=("sentence", "story"), default="sentence", help="facts panel mode")
    p.add_argument("--search", help="open the search with this query")
    p.add_argument("--sentence", type=int, help="put the cursor on this sentence index")
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    """``reader [STORY]`` means ``reader open [STORY]``."""
    for i, arg in enumerate(argv):
        if arg in ("-h", "--help", "--version"):
            return argv
        if arg == "--debug":
            continue
        if arg in COMMANDS:
            return argv
        return [*argv[:i], "open", *argv[i:]]
    return [*argv, "open"]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reader`` command."""
    startup.begin()  # the app ends it at its first frame, any other command once it is loaded
    try:
        return _run(argv)
    finally:
        startup.end()


def _run(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(_with_default_command(args_list))
    try:
        module = importlib.import_module(f"reader.commands.{args.command}_cmd")
        if args.command not in APP_COMMANDS:
            startup.end()  # its work is not start-up: it runs with the collector at its usual pace
        return int(module.run(args) or 0)
    except ReaderError as exc:
        return _fail(args, str(exc))
    except KeyboardInterrupt:
        return _fail(args, "interrupted")
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - any failure becomes one line unless --debug
        return _fail(args, f"unexpected {type(exc).__name__}: {exc}")


def _fail(args: argparse.Namespace, message: str) -> int:
    if args.debug:
        raise
    first = (message.strip().splitlines() or ["failed"])[0]
    print(f"reader: error: {first}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
