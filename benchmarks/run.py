"""Every performance figure of reader with its budget: ``.venv/bin/python benchmarks/run.py [--quick]``.

Prints each figure, its budget and PASS or FAIL, and exits 0 when every budget holds, 1 otherwise.
The machine may be shared and noisy, so every figure is a median of several runs, and figures
that compare two programs are medians of ratios measured side by side, in alternating order.
Benchmarks are not tests: no test asserts a time. Every run uses its own state, config, data
and cache folders under a temporary folder, never the user's.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
READER = [PYTHON, "-m", "reader"]
SIZE = "120x40"
USER_DIRS = ("READER_STATE_DIR", "READER_CONFIG_DIR", "READER_DATA_DIR", "READER_CACHE_DIR")


@dataclass(frozen=True)
class Figure:
    """One measured figure against its budget."""

    name: str
    value: float
    unit: str
    budget: float
    note: str = ""

    @property
    def holds(self) -> bool:
        return self.value <= self.budget

    def line(self) -> str:
        verdict = "PASS" if self.holds else "FAIL"
        shown = f"{self.value:.2f} {self.unit}".strip()
        limit = f"<= {self.budget:g} {self.unit}".strip()
        return f"  {verdict}  {self.name:<52} {shown:>12}   budget {limit}" + (f"   ({self.note})" if self.note else "")


@dataclass
class Plan:
    """How many repetitions each measurement gets."""

    startup_rounds: int
    key_presses: int
    big_presses: int
    search_rounds: int
    align_small: int
    align_64: int
    align_256: int
    facts_cli_runs: int
    memory_runs: int


FULL = Plan(7, 15, 3, 3, 5, 3, 2, 3, 3)
QUICK = Plan(5, 7, 2, 2, 3, 2, 0, 2, 2)


# ---------------------------------------------------------------- helpers


def median(values: list[float]) -> float:
    return statistics.median(values)


def say(text: str = "") -> None:
    print(text, flush=True)


class Sandbox:
    """Temporary user folders; ``env()`` is the environment of a subprocess using them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dirs = {name: root / name.lower() for name in USER_DIRS}
        for path in self.dirs.values():
            path.mkdir(parents=True, exist_ok=True)
        self._fresh = 0

    def env(self, cache: Path | None = None) -> dict[str, str]:
        env = dict(os.environ)
        # as on a user's machine, both programs may keep compiled bytecode between runs
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update({name: str(path) for name, path in self.dirs.items()})
        if cache is not None:
            env["READER_CACHE_DIR"] = str(cache)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        return env

    def fresh_cache(self) -> Path:
        """A new, empty cache folder."""
        self._fresh += 1
        path = self.root / f"empty-cache-{self._fresh}"
        path.mkdir()
        return path

    def use_in_this_process(self) -> None:
        os.environ.update({name: str(path) for name, path in self.dirs.items()})


def timed_run(command: list[str], env: dict[str, str]) -> float:
    """Wall-clock seconds of a subprocess that must succeed."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{done.stderr.strip()}")
    return seconds


_MEASURE_CHILD = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_rss_mib(command: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of a command, in MiB.

    A small helper process starts it and reads its children's rusage, so the figure is the
    command's own, not this (large) benchmark process's memory inherited at fork.
    """
    done = subprocess.run([PYTHON, "-c", _MEASURE_CHILD, *command], env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{done.stderr.strip()}")
    return int(done.stdout.split()[-1]) / 1024  # kilobytes on Linux


# ---------------------------------------------------------------- start-up


def timed_startup(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds of a screenshot command to its first line of output (printed once the
    SVG is saved) and to its exit; the command must succeed."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    child.stdout.readline()
    saved = time.perf_counter() - start
    _out, err = child.communicate()
    ended = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{err.strip()}")
    return saved, ended


def bench_startup(box: Sandbox, plan: Plan) -> list[Figure]:
    """``reader screenshot`` against the bare app, warm and empty cache, alternating order.

    Start-up runs to the first full frame saved as SVG: both programs print the path once it is
    saved, before they take their app down. To their exit, as information: that adds the app's
    and the interpreter's shut-down.
    """
    out = box.root / "shot.svg"
    bare = [PYTHON, str(HERE / "bare_app.py"), str(out), "--size", SIZE]
    reader = [*READER, "screenshot", str(out), "--size", SIZE]
    runs: dict[str, Callable[[], tuple[float, float]]] = {
        "bare": lambda: timed_startup(bare, box.env()),
        "warm": lambda: timed_startup(reader, box.env()),
        "empty": lambda: timed_startup(reader, box.env(box.fresh_cache())),
    }
    for run in runs.values():  # warm-up: the cache, the byte-code and the file system
        run()
    saved: dict[str, list[float]] = {name: [] for name in runs}
    ended: dict[str, list[float]] = {name: [] for name in runs}
    names = list(runs)
    for round_ in range(plan.startup_rounds):
        order = names[round_ % 3 :] + names[: round_ % 3]
        seconds = {name: runs[name]() for name in order}
        for name in ("warm", "empty"):
            saved[name].append(seconds[name][0] / seconds["bare"][0])
            ended[name].append(seconds[name][1] / seconds["bare"][1])
        saved["bare"].append(seconds["bare"][0])
        ended["bare"].append(seconds["bare"][1])
    say(f"    to the exit (adds the shut-down; not budgeted): facts from the cache {median(ended['warm']):.2f} x, "
        f"empty cache {median(ended['empty']):.2f} x the bare app ({median(ended['bare']):.2f} s)")
    note = (f"to the SVG saved; median of {plan.startup_rounds} alternated rounds; "
            f"bare app median {median(saved['bare']):.2f} s")  # fmt: skip
    return [
        Figure("start-up, facts from the cache / bare Textual app", median(saved["warm"]), "x", 1.5, note),
        Figure("start-up, empty cache / bare Textual app", median(saved["empty"]), "x", 3.0, note),
    ]


# ---------------------------------------------------------------- inside the app


def forget_conversions(cold: bool = False) -> None:
    """Drop converted text cached in memory, so the next switch converts again.

    With ``cold`` the OpenCC dictionaries are dropped too, as in a session's first switch.
    """
    from reader import script
    from reader.tui import app as app_module

    script._convert_cached.cache_clear()
    getattr(app_module, "_converted", None) and app_module._converted.cache_clear()
    if cold:
        for name in ("read_dictionary", "_load_dictionary", "_chain", "_fold_table"):
            cached = getattr(script, name, None)
            if cached is not None and hasattr(cached, "cache_clear"):
                cached.cache_clear()


async def _settled(app, pilot) -> None:
    """Wait until the facts are lined up (or unavailable), as the screenshot command does."""
    deadline = time.monotonic() + 300
    while app.facts is None and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    await _laid_out(app)
    await pilot.pause()


async def _laid_out(app) -> None:
    """Wait until the reading pane has its layout (long articles are laid out in a thread)."""
    pane = app.query_one("#reading")
    deadline = time.monotonic() + 300
    while getattr(pane, "doc", True) is None and time.monotonic() < deadline:
        await asyncio.sleep(0.005)


@dataclass(frozen=True)
class Press:
    """One key press: CPU seconds the app spent on it, and wall seconds until its last frame."""

    cpu: float
    drawn: float


class FrameClock:
    """Records when the app last sent a frame to its (headless) display."""

    def __init__(self, app) -> None:
        self.last = 0.0
        display = app._display

        def timed_display(*args, **kwargs):
            result = display(*args, **kwargs)
            self.last = time.perf_counter()
            return result

        app._display = timed_display


async def _press(pilot, clock: FrameClock, key: str) -> Press:
    """Press a key and wait until the app is idle again (Pilot's idle wait sleeps 20 ms at a time)."""
    clock.last = 0.0
    wall, cpu = time.perf_counter(), time.process_time()
    await pilot.press(key)
    await pilot.pause()
    if key == "t":
        await _laid_out(pilot.app)
        await pilot.pause()
    return Press(time.process_time() - cpu, max(0.0, clock.last - wall))


async def _presses(pilot, clock: FrameClock, key: str, count: int, before=None) -> list[Press]:
    presses = []
    for _ in range(count):
        if before is not None:
            await before()
        presses.append(await _press(pilot, clock, key))
    return presses


def _beyond(presses: list[Press], noop: list[Press]) -> tuple[float, float]:
    """Median milliseconds (CPU, until drawn) of the presses beyond the median no-op press."""
    cpu = median([p.cpu for p in presses]) - median([p.cpu for p in noop])
    drawn = median([p.drawn for p in presses]) - median([p.drawn for p in noop])
    return 1000 * cpu, 1000 * drawn


async def switch_times(story_dir: Path, article_id: str, presses: int, cold_first: bool) -> dict[str, tuple]:
    """Milliseconds of ``t`` (simplified -> traditional) beyond a no-op key: (CPU, until drawn)."""
    from reader.script import Script
    from reader.tui.app import ReaderApp

    app = ReaderApp([story_dir], article_id=article_id)
    result: dict[str, tuple] = {}
    async with app.run_test(size=(120, 40), notifications=False) as pilot:
        clock = FrameClock(app)
        await _settled(app, pilot)
        result["facts"] = (len(app.facts or []), 0.0)
        noop = await _presses(pilot, clock, "x", max(7, presses))

        async def back_to_simplified(cold: bool = False) -> None:
            app.set_script(Script.HANS)
            await pilot.pause()
            forget_conversions(cold)

        if cold_first:
            result["ever"] = _beyond(await _presses(pilot, clock, "t", 1, lambda: back_to_simplified(True)), noop)
            # each a session's first switch: the tables dropped from memory, read from the disk cache
            firsts = await _presses(pilot, clock, "t", FIRST_SWITCHES, lambda: back_to_simplified(True))
            result["first"] = _beyond(firsts, noop)
        result["again"] = _beyond(await _presses(pilot, clock, "t", presses, back_to_simplified), noop)
        result["noop"] = (1000 * median([p.cpu for p in noop]), 1000 * median([p.drawn for p in noop]))
    return result


PRESS_METHOD = "CPU ms of key + redraw beyond a no-op key"
FIRST_SWITCHES = 5  # a session's first switch, repeated with the tables dropped each time


def _drawn(pair: tuple[float, float]) -> str:
    return f"wall {pair[1]:.0f} ms to the last frame"


def bench_switch(box: Sandbox, plan: Plan, big_dir: Path, big_id: str) -> list[Figure]:
    from stories import bundled_story, longest_chinese

    from reader.tui import core_bridge as core

    base = bundled_story()
    longest = longest_chinese(base)
    small = asyncio.run(switch_times(base.path, longest.id, plan.key_presses, cold_first=True))
    align = core.align_story
    core.align_story = lambda story, progress=None: []  # the 5 MB story's alignment would only compete for the CPU
    try:
        start = time.perf_counter()
        big = asyncio.run(switch_times(big_dir, big_id, plan.big_presses, cold_first=False))
        big_total = time.perf_counter() - start
    finally:
        core.align_story = align
    size_mb = len(next(iter(big_dir.glob("*.md"))).read_bytes()) / 1e6
    if not small["facts"][0]:
        say("    WARNING: the app showed no facts for the bundled story (its alignment failed or found none), "
            "so start-up figures did not include filling the facts panel")
    say(f"    first switch ever (OpenCC tables built, then kept on disk): {small['ever'][0]:.0f} ms CPU "
        "(once per installation, not budgeted)")
    say(f"    method: {PRESS_METHOD} (no-op key: {small['noop'][0]:.0f} ms CPU); conversions are "
        "dropped from memory before each press, so each one converts and lays out again")  # fmt: skip
    return [
        Figure(f"t on {longest.id}, first switch of a session", small["first"][0], "ms", 50,
               f"median of {FIRST_SWITCHES}, OpenCC tables read from the disk cache each time; "
               f"{_drawn(small['first'])}"),
        Figure(f"t on {longest.id}, re-rendered", small["again"][0], "ms", 50,
               f"median of {plan.key_presses}; {_drawn(small['again'])}"),
        Figure(f"t on a {size_mb:.1f} MB article, re-rendered", big["again"][0], "ms", 500,
               f"median of {plan.big_presses}; alignment off; {_drawn(big['again'])}; "
               f"{big_total:.0f} s in all"),
    ]


# ---------------------------------------------------------------- search

QUERIES = ("王騰", "小米", "xiaomi", "2025", "雷军")


def core_search_times(story_dir: Path, rounds: int) -> list[float]:
    """Seconds of ``reader.search.search_story`` per keystroke (every prefix of every query)."""
    from reader.content import load_story
    from reader.script import fold
    from reader.search import search_story
    from reader.text import split_sentences

    story = load_story(story_dir)
    pairs = [(a, split_sentences(a.body, a.id)) for a in story.articles]
    search_story(pairs, "x", fold)  # the fold table is built once per session
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                start = time.perf_counter()
                search_story(pairs, query[:end], fold)
                times.append(time.perf_counter() - start)
    return times


async def widget_search_times(story_dir: Path, rounds: int) -> dict[str, tuple[float, float]]:
    """Milliseconds per keystroke typed in the search screen beyond a no-op key: (CPU, until drawn)."""
    from reader.tui.app import ReaderApp

    app = ReaderApp([story_dir])
    async with app.run_test(size=(120, 40), notifications=False) as pilot:
        clock, noop = await _open_search(app, pilot)
        await _press(pilot, clock, QUERIES[0][0])  # finds every article's sentences first
        await pilot.press("backspace")
        await pilot.pause()
        typed: list[Press] = []
        for _ in range(rounds):
            for query in QUERIES:
                for char in query:
                    typed.append(await _press(pilot, clock, char))
                for _ in query:
                    await pilot.press("backspace")
                await pilot.pause()
        cpu_noop = 1000 * median([p.cpu for p in noop])
        return {"typed": _beyond(typed, noop), "noop": (cpu_noop, 0.0)}


async def first_search_time(story_dir: Path) -> tuple[float, float]:
    """Milliseconds of a session's first keystroke in the search screen beyond a no-op key, with
    no quotation cached: every article's sentences and quotations are found then."""
    from reader.paths import cache_dir
    from reader.tui.app import ReaderApp

    shutil.rmtree(cache_dir() / "quotes", ignore_errors=True)
    app = ReaderApp([story_dir])
    async with app.run_test(size=(120, 40), notifications=False) as pilot:
        clock, noop = await _open_search(app, pilot)
        return _beyond([await _press(pilot, clock, QUERIES[0][0])], noop)


async def _open_search(app, pilot) -> tuple[FrameClock, list[Press]]:
    """The search screen opened once the app has settled, and no-op presses measured in it."""
    clock = FrameClock(app)
    await _settled(app, pilot)
    await pilot.press("slash")
    await pilot.pause()
    return clock, await _presses(pilot, clock, "end", 7)


def bench_search(plan: Plan, story64: Path) -> list[Figure]:
    core_ms = 1000 * median(core_search_times(story64, plan.search_rounds))
    widget = asyncio.run(widget_search_times(story64, plan.search_rounds))
    firsts = [asyncio.run(first_search_time(story64)) for _ in range(plan.search_rounds)]
    first = (median([f[0] for f in firsts]), median([f[1] for f in firsts]))
    keystrokes = plan.search_rounds * sum(len(q) for q in QUERIES)
    say(f"    method: {PRESS_METHOD} (no-op key: {widget['noop'][0]:.0f} ms CPU)")
    return [
        Figure("search keystroke, 64 articles: reader.search core", core_ms, "ms", 100,
               f"median of {keystrokes} keystrokes: {', '.join(QUERIES)}"),
        Figure("search keystroke, 64 articles: search screen", widget["typed"][0], "ms", 100,
               f"median of {keystrokes}; results listed; {_drawn(widget['typed'])}"),
        Figure("search, first keystroke of a session", first[0], "ms", 100,
               f"median of {len(firsts)} sessions, no quotation cached: every article's sentences and "
               f"quotations found then; {_drawn(first)}"),
    ]


# ---------------------------------------------------------------- facts


def align_seconds(story_dir: Path, box: Sandbox) -> float:
    """Seconds of ``align_story`` with an empty cache folder (so it computes and writes)."""
    from reader.content import load_story
    from reader.facts import align_story

    story = load_story(story_dir)
    os.environ["READER_CACHE_DIR"] = str(box.fresh_cache())
    try:
        start = time.perf_counter()
        align_story(story)
        return time.perf_counter() - start
    finally:
        os.environ["READER_CACHE_DIR"] = str(box.dirs["READER_CACHE_DIR"])


def bench_facts(box: Sandbox, plan: Plan, stories: dict[int, Path]) -> list[Figure]:
    align_seconds(stories[2], box)  # warm-up: lazy imports (pypinyin, OpenCC tables)
    small, large, ratios = [], [], []
    for round_ in range(max(plan.align_small, plan.align_64)):
        pair = [8, 64] if round_ % 2 == 0 else [64, 8]
        seconds = {n: align_seconds(stories[n], box) for n in pair if n == 8 or round_ < plan.align_64}
        small.append(seconds[8])
        if 64 in seconds:
            large.append(seconds[64])
            ratios.append(seconds[64] / seconds[8])
    huge = [align_seconds(stories[256], box) for _ in range(plan.align_256)]
    story64 = stories[64]
    cli = [timed_run([*READER, "facts", str(story64), "--json"], box.env(box.fresh_cache()))
           for _ in range(plan.facts_cli_runs)]  # fmt: skip
    t256 = f"t(256) = {median(huge):.2f} s (median of {len(huge)})" if huge else "t(256) skipped (--quick)"
    say(f"    align_story, empty cache: t(8) = {median(small):.2f} s (median of {len(small)}), "
        f"t(64) = {median(large):.2f} s (median of {len(large)}), {t256}")  # fmt: skip
    figures = [
        Figure("reader facts: t(64)/t(8), align_story, empty cache", median(ratios), "x", 12,
               f"median of {len(ratios)} paired ratios"),
        Figure("reader facts on 64 articles, empty cache", median(cli), "s", 10,
               f"`reader facts --json` in a subprocess, median of {len(cli)}"),
    ]
    return figures


# ---------------------------------------------------------------- memory


def bench_memory(box: Sandbox, plan: Plan, story64: Path) -> list[Figure]:
    out = box.root / "shot64.svg"
    command = [*READER, "screenshot", str(out), str(story64), "--size", SIZE]
    empty = [peak_rss_mib(command, box.env(box.fresh_cache())) for _ in range(plan.memory_runs)]
    peak_rss_mib(command, box.env())  # fills the shared cache
    warm = [peak_rss_mib(command, box.env()) for _ in range(plan.memory_runs)]
    return [
        Figure("peak memory, 64-article story open, facts cached", median(warm), "MiB", 150,
               f"`reader screenshot` peak RSS, median of {len(warm)}"),
        Figure("peak memory, 64-article story open, empty cache", median(empty), "MiB", 150,
               "the same while it lines up the facts itself"),
    ]


# ---------------------------------------------------------------- main


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, no 256-article story (smoke use)")
    parser.add_argument("--only", nargs="+", choices=("startup", "switch", "search", "facts", "memory"),
                        help="run only these benchmarks")  # fmt: skip
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    chosen = set(args.only or ("startup", "switch", "search", "facts", "memory"))
    sys.path.insert(0, str(HERE))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        box = Sandbox(Path(tmp))
        box.use_in_this_process()
        from stories import build_big_story, build_story

        sizes = (2, 8, 64, 256) if plan.align_256 else (2, 8, 64)
        stories = {n: build_story(box.root / "stories", n) for n in sizes}
        big_dir, big_id = build_big_story(box.root / "stories", 5.0)
        say(f"reader benchmarks ({'quick' if args.quick else 'full'}); {os.cpu_count()} cores, "
            f"load average {os.getloadavg()[0]:.1f}; figures are medians, ratios side by side")  # fmt: skip
        figures: list[Figure] = []
        steps: list[tuple[str, Callable[[], list[Figure]]]] = [
            ("startup", lambda: bench_startup(box, plan)),
            ("switch", lambda: bench_switch(box, plan, big_dir, big_id)),
            ("search", lambda: bench_search(plan, stories[64])),
            ("facts", lambda: bench_facts(box, plan, stories)),
            ("memory", lambda: bench_memory(box, plan, stories[64])),
        ]
        for name, step in steps:
            if name not in chosen:
                continue
            say(f"\n{name}:")
            step_start = time.perf_counter()
            found = step()
            for figure in found:
                say(figure.line())
            say(f"    ({time.perf_counter() - step_start:.0f} s)")
            figures += found
    failed = [f for f in figures if not f.holds]
    say(f"\n{len(figures) - len(failed)} of {len(figures)} budgets hold"
        f"{': FAIL' if failed else ': PASS'} ({time.perf_counter() - started:.0f} s in all)")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
