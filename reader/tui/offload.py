"""Slow pure work of the core (quotations of a very long article) in another process.

A thread would hold the interpreter lock for seconds at a time and make every key press wait;
another process leaves the screen's thread free.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
_pool: ProcessPoolExecutor | None = None


def _executor() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # spawn: forking a process that runs threads (Textual's) is unsafe
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    return _pool


async def run(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in the helper process (function and arguments must pickle)."""
    return await asyncio.get_running_loop().run_in_executor(_executor(), function, *args)


def stop() -> None:
    """End the helper process now, finished or not (at the app's exit)."""
    global _pool
    if _pool is None:
        return
    processes = list(getattr(_pool, "_processes", {}).values())  # no public way to stop a busy worker
    _pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    _pool = None
