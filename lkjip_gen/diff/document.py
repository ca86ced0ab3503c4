"""What a reader of the document sees change: lines of the two renders compared word by word,
each changed number, kategori or phrase traced back to the model values that print it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lkjip_gen.data.load import format_path
from lkjip_gen.diff.inputs import leaves
from lkjip_gen.formatting import angka, terbilang_rupiah

# Numbers (with Indonesian separators) stand alone, so "99,47%" changes as "99,47".
_TOKEN = re.compile(r"\d[\d.,]*\d|\d|[^\W\d_]+|\S")
_HEADING = re.compile(r"^(Tabel|Gambar|Grafik|BAB|LAMPIRAN|[A-Z]\.|\d+(\.\d+)*\.?) \S")
_FRONT = ("Kata Pengantar", "Ikhtisar Eksekutif", "RENCANA", "REALISASI RENCANA")
_MODEL_PATHS_SHOWN = 2


@dataclass(frozen=True)
class Span:
    """Words or a number of one line, before and after."""

    old: str
    new: str
    model: tuple[str, ...]
    """Model values (``lkjip compute`` paths) that print as these, shortest first."""


@dataclass(frozen=True)
class LineChange:
    """One paragraph or table row that reads differently."""

    bagian: str
    """The heading or table title it stands under."""
    label: str
    """The row's first cells, or the paragraph's beginning."""
    old: str | None
    new: str | None
    spans: tuple[Span, ...]


def changes(old_text: str, new_text: str, old_model: Any, new_model: Any) -> list[LineChange]:
    """The lines of ``new_text`` that differ from ``old_text``, with their changed spans."""
    old_lines, new_lines = old_text.splitlines(), new_text.splitlines()
    trace = _Trace(old_model, new_model)
    headings = _headings(new_lines)
    result = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = list(zip(range(i1, i2), range(j1, j2), strict=False))
        for i, j in pairs:
            spans = tuple(trace.span(a, b) for a, b in _spans(old_lines[i], new_lines[j]))
            result.append(
                LineChange(headings[j], _label(new_lines[j]), old_lines[i], new_lines[j], spans)
            )
        for i in range(i1 + len(pairs), i2):
            where = headings[min(j1, len(new_lines) - 1)] if new_lines else ""
            result.append(LineChange(where, _label(old_lines[i]), old_lines[i], None, ()))
        for j in range(j1 + len(pairs), j2):
            result.append(LineChange(headings[j], _label(new_lines[j]), None, new_lines[j], ()))
    return result


def _spans(old: str, new: str) -> Iterator[tuple[str, str]]:
    """The changed words of a line; a table row cell by cell, so neighbours stay apart."""
    cells_a, cells_b = old.split("\t"), new.split("\t")
    if len(cells_a) != len(cells_b):
        cells_a, cells_b = [old], [new]
    for cell_a, cell_b in zip(cells_a, cells_b, strict=True):
        a, b = _TOKEN.findall(cell_a), _TOKEN.findall(cell_b)
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal":
                yield " ".join(a[i1:i2]), " ".join(b[j1:j2])


def _headings(lines: list[str]) -> list[str]:
    """For each line, the nearest heading or table title at or above it."""
    current, result = "", []
    for line in lines:
        if (
            "\t" not in line
            and len(line) < 150
            and (_HEADING.match(line) or line.startswith(_FRONT))
        ):
            current = line
        result.append(current)
    return result


def _label(line: str) -> str:
    if "\t" in line:
        cells = [c for c in line.split("\t") if c and not re.fullmatch(r"[\d.,%–-]*", c)]
        return " / ".join(cells[:2])[:100]
    return line if len(line) <= 70 else line[:67] + "…"


class _Trace:
    """Model values that changed, by how they print, to name what a changed span shows."""

    def __init__(self, old: Any, new: Any) -> None:
        desimal = new["pengaturan"]["desimal"]
        before = dict(leaves(old))
        self.changed: list[tuple[str, set[str], set[str]]] = []
        self.values: dict[str, tuple[Any, Any]] = {}
        for path, value in leaves(new):
            previous = before.get(path, value)
            if previous != value:
                shown = format_path(path)
                self.values[shown] = (previous, value)
                self.changed.append((shown, _forms(previous, desimal), _forms(value, desimal)))
        self.changed.sort(key=lambda item: (len(item[0]), item[0]))
        # Amounts are also written out in words: a changed phrase may be part of one.
        self.words = [
            (f"{p} (terbilang)", f" {_words(a)} ", f" {_words(b)} ")
            for p, _, _ in self.changed
            for a, b in [self.values[p]]
            if _words(a) and _words(b)
        ]

    def span(self, old: str, new: str) -> Span:
        paths = [p for p, a, b in self.changed if old in a and new in b]
        if not paths and old.replace(" ", "").isalpha() and new.replace(" ", "").isalpha():
            paths = [p for p, a, b in self.words if f" {old} " in a and f" {new} " in b]
        # An unrounded twin (capaian_tepat) prints the same as its rounded value: name one.
        paths = [p for p in paths if not (p.endswith("_tepat") and p[: -len("_tepat")] in paths)]
        return Span(old, new, tuple(paths[:_MODEL_PATHS_SHOWN]))


def _forms(value: Any, desimal: int) -> set[str]:
    """How a model value may print: a number in Indonesian notation, rounded or not; text."""
    if isinstance(value, bool) or value is None:
        return set()
    if isinstance(value, (int, Decimal)):
        number = Decimal(value)
        return {angka(number), angka(number, desimal), angka(number, 0), angka(number, 2)}
    return {" ".join(_TOKEN.findall(str(value)))}


def _words(value: Any) -> str:
    """An amount of rupiah in words, as the document writes it; "" for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or value < 1000:
        return ""
    try:
        return terbilang_rupiah(value)
    except ValueError:
        return ""
