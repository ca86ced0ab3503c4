"""The collector every cross-check writes to: located problems for one loaded document."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from lkjip_gen.data.load import Document, Path_
from lkjip_gen.errors import Problem, Severity

COUNT_UNITS = re.compile(
    r"\b(orang|peserta|perusahaan|kk|dokumen|unit|kasus|lembaga|jorong|paket|kelompok|laporan|"
    r"perkara|kali|desa|nagari|bangunan|asosiasi|jiwa|pekerja|buruh|kegiatan|pencaker|sp/sb|"
    r"buah|izin|sertifikat)\b",
    re.IGNORECASE,
)


class Checker:
    """Holds the document under check and the problems found so far."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.data = doc.data
        self.problems: list[Problem] = []

    def add(
        self,
        path: Path_,
        message: str,
        code: str,
        severity: Severity = "error",
        prefer_key: bool = False,
    ) -> None:
        self.problems.append(self.doc.problem(path, message, code, severity, prefer_key=prefer_key))

    def warn(self, path: Path_, message: str, code: str) -> None:
        self.add(path, message, code, "peringatan")

    def fraction(self, path: Path_, satuan: str | None, value: Any) -> None:
        """A count with a fraction is almost always a thousands separator typed as a dot."""
        if not satuan or not COUNT_UNITS.search(satuan) or "%" in satuan:
            return
        if isinstance(value, Decimal) and value != value.to_integral_value():
            text = self.doc.source_text.get(path, str(value))
            meant = text.replace(".", "")
            self.warn(
                path,
                f"{text} {satuan} bukan bilangan bulat — bila maksudnya "
                f"{meant} {satuan}, tulis {meant} tanpa titik",
                "cek.pecahan",
            )
