"""The collector every cross-check writes to: located problems for one loaded document.

Checks read ``Checker.data``: the parts of the document that passed the schema (see
data/partial.py). A list item the schema rejected is ``None`` there, so checks walk lists with
:meth:`Checker.each`, and ask :meth:`Checker.intact` before comparing a total with its parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeGuard

from lkjip_gen.compute.anggaran import CHILDREN
from lkjip_gen.compute.indikator import Prior
from lkjip_gen.data import limits
from lkjip_gen.data.load import Document, Path_
from lkjip_gen.data.partial import Partial
from lkjip_gen.errors import Problem, Severity

COUNT_UNITS = re.compile(
    r"\b(orang|peserta|perusahaan|kk|dokumen|unit|kasus|lembaga|jorong|paket|kelompok|laporan|"
    r"perkara|kali|desa|nagari|bangunan|asosiasi|jiwa|pekerja|buruh|kegiatan|pencaker|sp/sb|"
    r"buah|izin|sertifikat)\b",
    re.IGNORECASE,
)


def quoted(value: Any) -> str:
    """A data value quoted in a message, cut to a readable length: a pasted paragraph (or a
    fuzzed kode) must not flood the message that points at it."""
    return limits.shown(str(value))


def is_number(value: Any) -> TypeGuard[int | Decimal]:
    """A number as loaded from YAML (ints and Decimals; never a bool)."""
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def child_of(level: str | int) -> str | None:
    """The level below ``level`` in the budget tree (None below sub kegiatan)."""
    return next((child for parent, child in CHILDREN.items() if parent == level), None)


def norm(name: str) -> str:
    """A name as a reader compares it: case and spacing do not matter."""
    return " ".join(name.lower().split())


@dataclass(frozen=True)
class Earlier:
    """The years before this one, from the chain of ``tahun_lalu`` files (build.check_file)."""

    values: Mapping[str, Prior]
    """Target, realisasi and capaian by indicator id and year."""
    files: Mapping[int, str]
    """The file reporting each year, as shown in messages."""


class Checker:
    """Holds the document under check and the problems found so far."""

    def __init__(
        self,
        doc: Document,
        partial: Partial | None = None,
        previous: Document | None = None,
        earlier: Earlier | None = None,
    ) -> None:
        self.doc = doc
        self.previous = previous  # last year's file, loaded (not necessarily valid)
        self.earlier = earlier or Earlier({}, {})
        self.partial = partial if partial is not None else Partial([], doc.data)
        self.data = self.partial.data
        # Every problem with the data path it concerns (answers.py finds its catatan by path).
        self.found: list[tuple[Path_, Problem]] = []
        # Indicator definitions of the Renstra by id, with where each is written (plan.ids).
        self.indicators: dict[str, tuple[Path_, dict[str, Any]]] = {}

    def add(
        self,
        path: Path_,
        message: str,
        code: str,
        severity: Severity = "error",
        prefer_key: bool = False,
    ) -> None:
        problem = self.doc.problem(path, message, code, severity, prefer_key=prefer_key)
        self.found.append((path, problem))

    def warn(self, path: Path_, message: str, code: str, prefer_key: bool = False) -> None:
        self.add(path, message, code, "peringatan", prefer_key=prefer_key)

    def line(self, path: Path_) -> int:
        """The line ``path`` is written on, for messages that point at a second place."""
        return self.doc.locate(path).line

    def get(self, path: Path_) -> Any:
        """The (schema-valid) value at ``path``; None when absent or cut out."""
        node: Any = self.data
        for part in path:
            if isinstance(node, dict):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                return None
        return node

    def each(self, path: Path_) -> Iterator[tuple[Path_, dict[str, Any]]]:
        """The objects of the list at ``path`` with their own paths; cut-out items skipped."""
        items = self.get(path)
        if not isinstance(items, list):
            return
        for i, item in enumerate(items):
            if isinstance(item, dict):
                yield (*path, i), item

    def budget_nodes(self) -> list[tuple[Path_, dict[str, Any]]]:
        """Every program, kegiatan and sub kegiatan that passed the schema, depth first.

        A node's level is ``path[-2]`` (``program``, ``kegiatan`` or ``sub_kegiatan``).
        """
        found: list[tuple[Path_, dict[str, Any]]] = []
        for path, program in self.each(("program",)):
            found.append((path, program))
            for k_path, kegiatan in self.each((*path, "kegiatan")):
                found.append((k_path, kegiatan))
                found.extend(self.each((*k_path, "sub_kegiatan")))
        return found

    def intact(self, path: Path_) -> bool:
        """Nothing at or below ``path`` failed the schema, so its parts can be added up."""
        return self.partial.intact(path)

    def text(self, path: Path_, value: Any) -> str:
        """A value as the user typed it (``4.405``, not ``4.405`` normalised to ``4.405``)."""
        return self.doc.source_text.get(path, str(value))

    @property
    def tahun(self) -> int | None:
        """The report year, when the laporan section passed the schema."""
        value = self.get(("laporan", "tahun"))
        return value if isinstance(value, int) else None

    def fraction(self, path: Path_, satuan: str | None, value: Any) -> None:
        """A count with a fraction is almost always a thousands separator typed as a dot."""
        if not satuan or not COUNT_UNITS.search(satuan) or "%" in satuan:
            return
        self.whole(path, value, f" {satuan}")

    def whole(self, path: Path_, value: Any, unit: str = "") -> None:
        """Warn when a number that counts things has a fraction (``1.637`` typed for 1637)."""
        if isinstance(value, Decimal) and value != value.to_integral_value():
            text = self.text(path, value)
            meant = text.replace(".", "")
            self.warn(
                path,
                f"{text}{unit} bukan bilangan bulat — bila maksudnya {meant}{unit}, tulis "
                f"{meant} tanpa titik",
                "cek.pecahan",
            )
