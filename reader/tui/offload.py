"""Slow pure work of the core (quotations of a very long article, the alignment of a big story)
in another process.

A thread would hold the interpreter lock for seconds at a time and make every key press wait;
another process leaves the screen's thread free. Multiprocessing is imported on first use: a
story whose facts are cached starts without it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from reader.models import Fact, Story

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.process import BaseProcess

T = TypeVar("T")
_pool: ProcessPoolExecutor | None = None


def _executor() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn: forking a process that runs threads (Textual's) is unsafe
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    return _pool


async def run(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in the helper process (function and arguments must pickle)."""
    import asyncio  # here, not at import: the early alignment child is forked before asyncio loads

    return await asyncio.get_running_loop().run_in_executor(_executor(), function, *args)


def prepare() -> None:
    """Start multiprocessing's resource tracker now, while stderr is still the real one.

    Child processes need it, and it cannot start once Textual has replaced ``sys.stderr``
    (its stand-in has no file descriptor).
    """
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()


def stop() -> None:
    """End the helper process now, finished or not (at the app's exit)."""
    global _pool
    stop_children()
    if _pool is None:
        return
    processes = list(getattr(_pool, "_processes", {}).values())  # no public way to stop a busy worker
    _pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    _pool = None


def stop_children() -> None:
    """End any alignment still running in a child process, and those started early, unused."""
    for child in list(_children):
        child.terminate()
    _early.clear()


# ---------------------------------------------------------------- the fact alignment of a story

_children: list[BaseProcess] = []
_early: dict[str, AlignmentJob] = {}  # by the story's cache key: jobs started before the app


def _align_child(story: Story, queue: Any) -> None:
    """In the child: line the facts up, sending progress, then the facts (or the failure)."""
    from reader import facts as core_facts
    from reader import startup

    startup.end()  # a forked child starts inside the parent's start-up; its own work is not start-up

    try:
        facts = core_facts.align_story(story, progress=lambda f, stage="": queue.put(("progress", f)))
        queue.put(("done", facts))
    except Exception as exc:  # noqa: BLE001 - the parent turns it into one line
        queue.put(("error", f"{type(exc).__name__}: {exc}"))


class AlignmentJob:
    """A story's alignment running in a child process, from the moment it is made."""

    def __init__(self, story: Story) -> None:
        import multiprocessing

        context = multiprocessing.get_context(_start_method())
        self._queue = context.Queue()
        self._child = context.Process(target=_align_child, args=(story, self._queue), daemon=True)
        self._child.start()
        _children.append(self._child)

    def result(self, on_progress: Callable[[float], None]) -> list[Fact]:
        """The facts, reporting progress meanwhile; blocks, so call it from a thread."""
        from queue import Empty

        try:
            while True:
                try:
                    kind, payload = self._queue.get(timeout=0.5)
                except Empty:
                    if not self._child.is_alive():
                        raise RuntimeError("the alignment process ended without an answer") from None
                    continue
                if kind == "progress":
                    on_progress(float(payload))
                elif kind == "done":
                    return list(payload)
                else:
                    raise RuntimeError(payload)
        finally:
            self._let_go()

    def _let_go(self) -> None:
        """Forget the child without waiting for its interpreter to shut down (tens of
        milliseconds the facts need not wait for): multiprocessing reaps it once it has
        (``active_children``), and ends it at exit should it hang (it is a daemon)."""
        import multiprocessing

        if self._child in _children:
            _children.remove(self._child)
        multiprocessing.active_children()


def _start_method() -> str:
    """``fork`` while this process runs a single thread on Linux (before the app starts): the
    child starts at once with what is already imported. Otherwise ``spawn``: forking a process
    that runs threads (Textual's) is unsafe."""
    import multiprocessing
    import sys
    import threading

    single = threading.active_count() == 1
    if single and sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def start_early(story_dir: Path) -> None:
    """Start lining up a story's facts before the app is even imported, when the cache lacks
    them: the child works while the screen is put together, on another core."""
    from reader.content import load_story
    from reader.facts import cache

    try:
        story = load_story(story_dir)
        key = cache.cache_key(story.articles)
        if story.articles and key not in _early and not cache.cache_path(key).exists():
            _early[key] = AlignmentJob(story)
    except Exception:  # noqa: BLE001 - the app reads the story itself and reports what is wrong
        return


def align_in_process(story: Story, on_progress: Callable[[float], None]) -> list[Fact]:
    """The story's facts, lined up in a child process (one started early, if there is one);
    call from a thread (it blocks)."""
    from reader.facts import cache

    job = _early.pop(cache.cache_key(story.articles), None) or AlignmentJob(story)
    return job.result(on_progress)
