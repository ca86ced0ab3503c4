"""The disk cache keeps the newest entries of each kind within a budget of bytes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lkjip_gen import diskcache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(diskcache.ENV_VAR, str(tmp_path))
    return tmp_path


def test_a_regencys_charts_are_all_kept_for_the_rebuild(folder: Path) -> None:
    drawn = {f"kantor-{i}-grafik-{j}": os.urandom(75_000) for i in range(40) for j in range(5)}
    for name, png in drawn.items():
        diskcache.write("grafik", name, png)
    assert all(diskcache.read("grafik", name) == png for name, png in drawn.items())


def test_the_oldest_entries_beyond_the_budget_go_first(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(diskcache, "_KEPT_BYTES", 3 * 1_032)  # three entries with their hash
    for i in range(5):
        diskcache.write("templat", f"e{i}", bytes(1_000))
        os.utime(folder / "templat" / f"e{i}", ns=(i * 10**9, i * 10**9))
    diskcache.write("templat", "baru", bytes(1_000))
    assert sorted(p.name for p in (folder / "templat").iterdir()) == ["baru", "e3", "e4"]
    assert diskcache.read("jinja", "e4") is None  # kinds are kept apart
