"""The disk cache keeps the newest entries of each kind within a budget of bytes, checked every
so many writes of a process."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from lkjip_gen import diskcache

CHART = 75_000  # a chart's PNG, about
ENTRY = 1_000 + diskcache._DIGEST  # a small entry as stored: its content and its hash


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(diskcache.ENV_VAR, str(tmp_path))
    return tmp_path


def test_a_regencys_charts_are_all_kept_for_the_rebuild(folder: Path) -> None:
    drawn = {f"kantor-{i}-grafik-{j}": os.urandom(CHART) for i in range(40) for j in range(5)}
    for name, png in drawn.items():
        diskcache.write("grafik", name, png)
    assert all(diskcache.read("grafik", name) == png for name, png in drawn.items())
    # A batch of 500 distinct reports (about five charts of ~75 KB each) fits as well.
    stored = CHART + diskcache._DIGEST
    assert (500 * 5 + diskcache._PRUNE_EVERY) * stored < diskcache._KEPT_BYTES


def test_the_oldest_entries_beyond_the_budget_go_first(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(diskcache, "_KEPT_BYTES", 3 * ENTRY)  # three entries
    monkeypatch.setattr(diskcache, "_PRUNE_EVERY", 1)
    for i in range(5):
        diskcache.write("templat", f"e{i}", bytes(1_000))
        os.utime(folder / "templat" / f"e{i}", ns=(i * 10**9, i * 10**9))
    diskcache.write("templat", "baru", bytes(1_000))
    assert sorted(p.name for p in (folder / "templat").iterdir()) == ["baru", "e3", "e4"]
    assert diskcache.read("jinja", "e4") is None  # kinds are kept apart


def test_the_budget_is_checked_every_so_many_writes(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(diskcache, "_KEPT_BYTES", ENTRY)
    monkeypatch.setattr(diskcache, "_PRUNE_EVERY", 4)
    monkeypatch.setattr(diskcache, "_writes", Counter({"templat": 3}))
    for i in range(4):
        diskcache.write("grafik", f"e{i}", bytes(1_000))
        os.utime(folder / "grafik" / f"e{i}", ns=(i * 10**9, i * 10**9))
    assert len(list((folder / "grafik").iterdir())) == 4  # pruned at the first write only
    diskcache.write("templat", "t", bytes(1_000))  # another kind's writes count apart
    assert len(list((folder / "grafik").iterdir())) == 4
    diskcache.write("grafik", "e4", bytes(1_000))  # the fifth write of the kind prunes it
    assert [p.name for p in (folder / "grafik").iterdir()] == ["e4"]


@pytest.mark.skipif(os.name == "nt", reason="the cache lives in LOCALAPPDATA on Windows")
def test_a_home_that_does_not_exist_is_never_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A service account's HOME=/nonexistent (Debian) is there so that nothing is written."""
    for name in (diskcache.ENV_VAR, "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "nonexistent"))
    assert diskcache.folder() is None
    diskcache.write("grafik", diskcache.key("x"), b"png")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setenv("HOME", str(tmp_path))
    assert diskcache.folder() == tmp_path / ".cache" / "lkjip"
