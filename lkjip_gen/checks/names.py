"""Near-duplicate names: one fund, indicator or program spelt two ways becomes two in the report.

Two names are *near* when they differ only in case, spacing and punctuation, or by typing slips
that leave every word recognisable, while their numbers and one-letter labels agree (Tahap I and
Tahap II, Bidang A and Bidang B are two things). A slip is judged per word, because official
names often differ in one whole word (Pencegahan … / Penyelesaian Perselisihan …):

- names shorter than ``SHORT`` (12) characters — codes such as DAU, DAK, DBHCHT, where one
  changed letter is another fund — only by two neighbouring letters swapped or a letter doubled;
- longer names by at most ``WORDS`` (2) words, each one slip away (a letter added, dropped,
  changed, or two neighbours swapped; two slips in a word of 8 letters or more), or by one word
  dropped from a name of at least 4 words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import combinations

from lkjip_gen.checks.checker import Checker, quoted
from lkjip_gen.compute.anggaran import as_list
from lkjip_gen.data.load import Path_

SHORT = 12
WORDS = 2
LONG_WORD = 8
# Names are compared all with all up to this many; above it, only names that share their first
# or last letters, so a file with thousands of rows stays fast.
ALL_PAIRS = 300
_LABEL = re.compile(r"^([0-9]+|[ivxlc]+|[a-z])$")


@cache
def simplify(name: str) -> str:
    """Lower case, punctuation as spaces, single spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", name.casefold()).split())


_Shape = tuple[str, str, list[str]]


def _shape(name: str) -> _Shape:
    """What :func:`near` compares first: the simplified name, without spaces, and its labels."""
    simple = simplify(name)
    return simple, simple.replace(" ", ""), sorted(t for t in simple.split() if _LABEL.match(t))


def near(a: str, b: str) -> bool:
    """``a`` and ``b`` are most likely one name typed twice (see the module docstring)."""
    return _near(a, b, _shape(a), _shape(b))


def _near(a: str, b: str, shape_a: _Shape, shape_b: _Shape) -> bool:
    if a.strip() == b.strip():
        return False
    (x, x_joined, x_labels), (y, y_joined, y_labels) = shape_a, shape_b
    if x == y or x_joined == y_joined:
        return True
    if x_labels != y_labels:
        return False
    if min(len(x), len(y)) < SHORT:
        return _swapped(x, y) or _doubled(x, y)
    wx, wy = x.split(), y.split()
    if len(wx) == len(wy):
        diffs = [(u, v) for u, v in zip(wx, wy, strict=True) if u != v]
        return len(diffs) <= WORDS and all(_word_slip(u, v) for u, v in diffs)
    short, long_ = sorted((wx, wy), key=len)
    return (
        len(long_) == len(short) + 1
        and len(short) >= 4
        and any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
    )


def _word_slip(u: str, v: str) -> bool:
    limit = 2 if min(len(u), len(v)) >= LONG_WORD else 1
    return distance(u, v, limit) is not None


def _swapped(x: str, y: str) -> bool:
    if len(x) != len(y):
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]]


def _doubled(x: str, y: str) -> bool:
    short, long_ = sorted((x, y), key=len)
    if len(long_) != len(short) + 1:
        return False
    return any(
        long_[:i] + long_[i + 1 :] == short and i > 0 and long_[i] == long_[i - 1]
        for i in range(len(long_))
    )


def distance(x: str, y: str, limit: int) -> int | None:
    """Edit distance (with swaps of neighbours) when it is at most ``limit``, else None.

    Only the band of the table within ``limit`` of the diagonal is computed.
    """
    if abs(len(x) - len(y)) > limit:
        return None
    big = limit + 1
    prev2: dict[int, int] = {}
    prev = {j: j for j in range(min(len(y), limit) + 1)}
    for i in range(1, len(x) + 1):
        row = {0: i} if i <= limit else {}
        for j in range(max(1, i - limit), min(len(y), i + limit) + 1):
            cost = 0 if x[i - 1] == y[j - 1] else 1
            best = min(prev.get(j, big) + 1, row.get(j - 1, big) + 1, prev.get(j - 1, big) + cost)
            if i > 1 and j > 1 and x[i - 1] == y[j - 2] and x[i - 2] == y[j - 1]:
                best = min(best, prev2.get(j - 2, big) + 1)
            row[j] = best
        if min(row.values(), default=big) > limit:
            return None
        prev2, prev = prev, row
    result = prev.get(len(y), big)
    return result if result <= limit else None


def near_pairs(names: list[str]) -> Iterator[tuple[str, str]]:
    """Every pair of distinct names (in the order given) that are near each other.

    Up to ``ALL_PAIRS`` names are compared all with all. Above that, only names that share a key
    are compared — the same words but one (changed or dropped), the same letters — and a key
    shared by more than ``ALL_PAIRS`` names (a generated list) is skipped, so thousands of rows
    stay fast.
    """
    unique = list(dict.fromkeys(names))
    if len(unique) <= ALL_PAIRS:
        candidates: Iterable[tuple[str, str]] = combinations(unique, 2)
    else:
        blocks: dict[tuple[str, ...], list[str]] = {}
        for name in unique:
            for key in _keys(name):
                blocks.setdefault(key, []).append(name)
        candidates = (
            pair
            for group in blocks.values()
            if len(group) <= ALL_PAIRS
            for pair in combinations(group, 2)
        )
    # Each name is shaped once, not once per pair it is in (hundreds in a long generated list).
    shapes = {name: _shape(name) for name in unique}
    # Names sharing several keys meet more than once: each near pair is given where first met.
    # Only near pairs are remembered — all candidate pairs of a long list take gigabytes.
    found: set[tuple[str, str]] = set()
    for a, b in candidates:
        if (a, b) not in found and _near(a, b, shapes[a], shapes[b]):
            found.add((a, b))
            yield a, b


def _keys(name: str) -> set[tuple[str, ...]]:
    """Keys two near names share (see near): letters alone, or all words but one."""
    simple = simplify(name)
    keys: set[tuple[str, ...]] = {("letters", "".join(sorted(set(simple.replace(" ", "")))))}
    words = simple.split()
    keys.add(("without", *words))
    for i, word in enumerate(words):
        keys.add(("without", *words[:i], *words[i + 1 :]))
        if not _LABEL.match(word):
            keys.add(("but", *words[:i], "*", *words[i + 1 :]))
    return keys


def run(c: Checker) -> None:
    """Sumber dana, Renstra indicators and program/kegiatan/sub kegiatan names."""
    _funds(c)
    indicators = [(path, ind["nama"]) for path, ind in c.indicators.values()]
    _later_one(c, indicators, "indikator")
    for level in ("program", "kegiatan", "sub_kegiatan"):
        named = [(p, n["nama"]) for p, n in c.budget_nodes() if p[-2] == level]
        _later_one(c, named, level.replace("_", " "))


def _funds(c: Checker) -> None:
    where: dict[str, list[Path_]] = {}
    for path, node in c.budget_nodes():
        value = node.get("sumber_dana")
        for k, fund in enumerate(as_list(value)):
            spot = (*path, "sumber_dana") if isinstance(value, str) else (*path, "sumber_dana", k)
            where.setdefault(fund, []).append(spot)
    count = Counter({fund: len(spots) for fund, spots in where.items()})
    for a, b in near_pairs(list(where)):
        # The rarer spelling is the slip; on a tie either may be, so both are shown.
        if count[a] == count[b]:
            pairs = [(a, b), (b, a)]
        else:
            pairs = [(a, b)] if count[a] < count[b] else [(b, a)]
        for rare, common in pairs:
            for spot in where[rare]:
                c.warn(
                    spot,
                    f"sumber dana {quoted(rare)} mirip {quoted(common)} (baris "
                    f"{c.line(where[common][0])}) — bila dana yang sama, tulis persis sama; bila "
                    "tidak, tabel per sumber dana memisahkannya",
                    "cek.nama_mirip",
                )


def _later_one(c: Checker, named: list[tuple[Path_, str]], kind: str) -> None:
    first: dict[str, Path_] = {}
    for path, name in named:
        first.setdefault(name, path)
    for a, b in near_pairs([name for _, name in named]):
        c.warn(
            (*first[b], "nama"),
            f"nama {kind} {quoted(b)} mirip {quoted(a)} (baris {c.line(first[a])}) — bila yang "
            "sama, tulis persis sama; bila berbeda, bedakan namanya dengan jelas",
            "cek.nama_mirip",
        )
