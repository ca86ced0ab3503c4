"""Answered warnings: the office writes why, beside the data a warning is about.

A warning is answered by a ``catatan`` in the nearest object around the value it concerns that
may hold one (a kinerja entry, an indicator, a budget row, ``laporan``, a pejabat, the file
itself …), keyed by the warning's code without ``cek.``::

    kinerja:
      PENEMPATAN:
        target: 17.19
        catatan:
          target_pk: PK 2022 ditandatangani sebelum Renstra diubah …

An answered warning stays in the list (marked ``dijawab``, with its reason) but no longer fails
``--strict``; the documents print the reasons where they explain the number. A ``catatan`` that
answers nothing is itself a warning, so a fixed number does not keep an outdated explanation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from functools import cache
from typing import Any

from lkjip_gen.checks.checker import Checker, quoted
from lkjip_gen.data import fieldref
from lkjip_gen.data.load import Path_
from lkjip_gen.errors import Problem

KEY = "catatan"


def answerable() -> tuple[str, ...]:
    """The warning codes a catatan may answer (without ``cek.``), as the schema lists them."""
    spec = fieldref.deref({"$ref": "#/$defs/catatan"})
    return tuple(spec["propertyNames"]["enum"])


@cache
def _holds(shape: tuple[str, ...]) -> bool:
    node = fieldref.lookup(shape)
    return node is not None and fieldref.ref_name(fieldref.child(node, KEY)) == KEY


def holder(path: Path_) -> Path_:
    """The nearest object around ``path`` (itself included) whose ``catatan`` answers it."""
    for size in range(len(path), 0, -1):
        prefix = path[:size]
        if _holds(tuple(fieldref.ITEM if isinstance(p, int) else str(p) for p in prefix)):
            return prefix
    return ()


def apply(c: Checker) -> list[Problem]:
    """Every problem of ``c``, answered warnings carrying their reason; stale answers warned."""
    used: set[tuple[Path_, str]] = set()
    result = []
    for path, problem in c.found:
        if problem.severity != "error":
            where = holder(path)
            code = problem.code.removeprefix("cek.")
            reasons = c.get((*where, KEY))
            if isinstance(reasons, dict) and isinstance(reasons.get(code), str):
                problem = dataclasses.replace(problem, catatan=reasons[code])
                used.add((where, code))
        result.append(problem)
    if not c.partial.removed:  # a check skipped for a schema error would look unanswered
        for where, code in _written(c.data, ()):
            if (where, code) not in used:
                c.warn(
                    (*where, KEY, code),
                    f"catatan {quoted(code)} tidak menjawab peringatan apa pun di sini — hapus, "
                    "atau pindahkan ke tempat peringatan itu ditunjukkan",
                    "cek.catatan",
                    prefer_key=True,
                )
                result.append(c.found[-1][1])
    return result


def _written(node: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    """Every (holder, code) answered in the data."""
    if isinstance(node, dict):
        reasons = node.get(KEY)
        if isinstance(reasons, dict) and holder(path) == path:
            yield from ((path, code) for code in reasons)
        for key, value in node.items():
            if key != KEY:
                yield from _written(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _written(value, (*path, i))
