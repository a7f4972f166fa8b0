"""The baseline of the start-up budget: a bare Textual app that shows one line.

    python benchmarks/bare_app.py OUT.svg [--size 120x40]

It starts headless, waits for its first frame and saves it as SVG, as ``reader screenshot``
does for the reading app, so the two start-up times compare like with like.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

SETTLE_ROUNDS = 3  # as reader.tui.screenshot.SETTLE_ROUNDS (not imported: the baseline loads no reader code)


class BareApp(App[None]):
    """One line of text, nothing else."""

    def compose(self) -> ComposeResult:
        yield Static("reader benchmark: one line")


async def screenshot(size: tuple[int, int], out: Path) -> None:
    """Save the SVG of the app's first frame, waited for as ``reader screenshot`` waits (its
    ``settle``: messages handled and the screen updated, a few rounds; no waiting for the CPU to
    idle), and print the path once it is saved, as ``reader screenshot`` does: before the app
    is taken down."""
    app = BareApp()
    async with app.run_test(size=size, notifications=False) as pilot:
        for _ in range(SETTLE_ROUNDS):
            await pilot.pause(0)
        out.write_text(app.export_screenshot(title="bare", simplify=True), encoding="utf-8")
        print(out, flush=True)


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    width, height = (int(n) for n in (argv[2] if argv[1:2] == ["--size"] else "120x40").split("x"))
    asyncio.run(screenshot((width, height), out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
