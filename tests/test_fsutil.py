"""Atomic writes, locked appends and setting corrupt files aside."""

import os
import threading

from reader.fsutil import atomic_write_bytes, atomic_write_text, locked_append_text, set_aside


def test_atomic_write_replaces_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "sub" / "a.txt"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["a.txt"]


def test_atomic_write_keeps_an_existing_files_mode(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("x")
    os.chmod(target, 0o640)
    atomic_write_bytes(target, b"y")
    assert target.stat().st_mode & 0o777 == 0o640


def test_new_files_are_not_made_private(tmp_path):
    target = tmp_path / "new.txt"
    atomic_write_text(target, "x")
    assert target.stat().st_mode & 0o044  # readable by group or others, as with open()


def test_concurrent_appends_never_interleave(tmp_path):
    target = tmp_path / "log.md"
    records = [f"record {n} " + "x" * 5000 + "\n" for n in range(40)]
    threads = [threading.Thread(target=locked_append_text, args=(target, r)) for r in records]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(target.read_text().splitlines(keepends=True)) == sorted(records)


def test_set_aside_moves_a_corrupt_file_to_a_free_name(tmp_path):
    target = tmp_path / "state.json"
    target.write_text("{")
    first = set_aside(target)
    target.write_text("[")
    second = set_aside(target)
    assert (first.name, second.name) == ("state.json.corrupt-1", "state.json.corrupt-2")
    assert not target.exists() and second.read_text() == "["


def test_a_durable_write_waits_for_the_disk_and_a_cache_write_does_not(tmp_path, monkeypatch):
    synced = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd))
    atomic_write_text(tmp_path / "kept.txt", "kept")
    assert len(synced) == 1
    atomic_write_text(tmp_path / "cache.json", "{}", durable=False)
    assert len(synced) == 1
    assert (tmp_path / "cache.json").read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.json", "kept.txt"]
