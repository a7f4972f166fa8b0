"""Slow pure work of the core (quotations of a very long article, the alignment of a big story)
in another process.

A thread would hold the interpreter lock for seconds at a time and make every key press wait;
another process leaves the screen's thread free. Multiprocessing is imported on first use: a
story whose facts are cached starts without it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from queue import Empty
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
    """End any alignment still running in a child process."""
    for child in list(_children):
        child.terminate()


# ---------------------------------------------------------------- the fact alignment of a big story

_children: list[BaseProcess] = []


def _align_child(story: Story, queue: Any) -> None:
    """In the child: line the facts up, sending progress, then the facts (or the failure)."""
    from reader import facts as core_facts

    try:
        facts = core_facts.align_story(story, progress=lambda f, stage="": queue.put(("progress", f)))
        queue.put(("done", facts))
    except Exception as exc:  # noqa: BLE001 - the parent turns it into one line
        queue.put(("error", f"{type(exc).__name__}: {exc}"))


def align_in_process(story: Story, on_progress: Callable[[float], None]) -> list[Fact]:
    """The story's facts, lined up in a child process; call from a thread (it blocks)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_align_child, args=(story, queue), daemon=True)
    child.start()
    _children.append(child)
    try:
        while True:
            try:
                kind, payload = queue.get(timeout=0.5)
            except Empty:
                if not child.is_alive():
                    raise RuntimeError("the alignment process ended without an answer") from None
                continue
            if kind == "progress":
                on_progress(float(payload))
            elif kind == "done":
                return list(payload)
            else:
                raise RuntimeError(payload)
    finally:
        child.join(timeout=1)
        if child.is_alive():
            child.terminate()
        _children.remove(child)
