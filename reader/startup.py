"""Start-up tuning of the cyclic garbage collector.

Start-up creates a few hundred thousand objects that live as long as the program (modules,
classes, styles, widgets). The collector, at its usual pace, scans them over and over before the
first frame, only to find them alive: a tenth of the start-up. So it rests during start-up, and
at its end the objects made so far are frozen (``gc.freeze``): later collections, the last one
at exit included, skip them instead of scanning them again. Objects made afterwards are collected
at the usual pace.
"""

from __future__ import annotations

import gc

_resting = False


def begin() -> None:
    """Rest the collector until ``end`` (nothing to do when it is already off)."""
    global _resting
    if not _resting and gc.isenabled():
        # a program that runs main more than once (the tests) lets its earlier frozen objects be
        # collected again: they may be garbage now
        gc.unfreeze()
        gc.disable()
        _resting = True


def end() -> None:
    """Freeze what start-up made and collect at the usual pace again (nothing to do when
    ``begin`` was not called)."""
    global _resting
    if _resting:
        gc.freeze()
        gc.enable()
        _resting = False


def resting() -> bool:
    """True between ``begin`` and ``end``."""
    return _resting
