"""What each budget row of a workbook is: program, kegiatan, sub kegiatan, a total, or detail.

The level comes from a Tingkat column when there is one, else from the Permendagri 90/2019 code
(``U.BB.PP`` program, ``U.BB.PP.L.KK`` kegiatan, ``U.BB.PP.L.KK.SSSS`` sub kegiatan), else from
row numbering (1, 1.1, 1.1.1), else from the indentation of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from lkjip_gen.excel import cells
from lkjip_gen.excel.read import Row
from lkjip_gen.formatting import rupiah

LEVELS = ("program", "kegiatan", "sub_kegiatan")

_CODE_LEVELS = [
    (re.compile(r"^\d{1,2}$"), "urusan"),
    (re.compile(r"^\d{1,2}\.\d{2}$"), "urusan"),
    (re.compile(r"^\d{1,2}\.\d{2}\.\d{2}$"), "program"),
    (re.compile(r"^\d{1,2}\.\d{2}\.\d{2}\.\d\.\d{2}$"), "kegiatan"),
    (re.compile(r"^\d{1,2}\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{2,4}$"), "sub_kegiatan"),
]
_ACCOUNT = re.compile(r"^[4-6](\.\d+){2,}$")
_NUMBERING = re.compile(r"^(\d+)(\.\d+)*\.?$")
_TOTAL = re.compile(r"^(jumlah|total|sub ?total|grand total)\b", re.IGNORECASE)
_FUNDS = re.compile(r"\s*(?:&|,|;|\+|/|\bdan\b)\s*")


@dataclass
class BudgetRow:
    """A workbook row read as budget: its kind, level, name and amounts."""

    row: Row
    kind: str  # "baris", "jumlah", "rincian", "urusan", "judul"
    level: str | None
    kode: str | None
    uraian: str | None
    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    sumber_dana: list[str] | None = None
    notes: list[str] = field(default_factory=list)
    # Where the level came from: a strong clue (tingkat, kode, nomor) or a guess (nama).
    level_from: str | None = None

    def label(self) -> str:
        """How a message names the row: its code and name as written."""
        parts = [x for x in (self.kode, f"'{self.uraian}'" if self.uraian else None) if x]
        return " ".join(parts) or "(tanpa kode dan uraian)"


def classify(rows: list[Row]) -> list[BudgetRow]:
    """Every row with its kind and level (None when nothing tells the level)."""
    official = any(_code_level(_text(r, "kode")) == "program" for r in rows)
    out = [_classify(r, official) for r in rows]
    _levels_from_indent([b for b in out if b.kind == "baris" and b.level_from in (None, "nama")])
    return out


def _text(row: Row, name: str) -> str | None:
    value = row.cells.get(name)
    if isinstance(value, Decimal):
        return format(value, "f")
    return value if isinstance(value, str) else None


def _code_level(kode: str | None) -> str | None:
    if not kode:
        return None
    for pattern, level in _CODE_LEVELS:
        if pattern.match(kode):
            return level
    return "rincian" if _ACCOUNT.match(kode) or kode.count(".") >= 6 else None


def _classify(row: Row, official: bool) -> BudgetRow:
    kode = _text(row, "kode")
    uraian = _text(row, "uraian")
    b = BudgetRow(row, "baris", None, kode, uraian)
    b.pagu = _amount(row, "pagu", b.notes)
    b.realisasi = _amount(row, "realisasi", b.notes)
    funds = _text(row, "sumber_dana")
    b.sumber_dana = [f for f in _FUNDS.split(funds) if f] if funds else None
    first_text = next((v for v in (kode, uraian, _text(row, "no")) if v), None)
    by_code = _code_level(kode) if official else None
    if first_text is None or (_TOTAL.match(first_text) and by_code is None):
        b.kind = "jumlah"
    elif kode and not any(ch.isdigit() for ch in kode) and not uraian and not _has_values(b):
        b.kind = "judul"  # a title line such as "REKAPITULASI PER SUMBER DANA"
    elif by_code in ("rincian", "urusan"):
        b.kind = by_code
    else:
        for source, level in (
            ("tingkat", _tingkat(_text(row, "tingkat"))),
            ("kode", by_code),
            ("nomor", _numbered(row, kode, official)),
            ("nama", "program" if (uraian or "").lower().startswith("program ") else None),
        ):
            if level:
                b.level, b.level_from = level, source
                break
    return b


def _has_values(b: BudgetRow) -> bool:
    return b.pagu is not None or b.realisasi is not None or bool(b.sumber_dana)


def _tingkat(text: str | None) -> str | None:
    words = (text or "").lower().replace("_", " ").split()
    if "sub" in words or "subkegiatan" in words:
        return "sub_kegiatan"
    return "program" if "program" in words else "kegiatan" if "kegiatan" in words else None


def _numbered(row: Row, kode: str | None, official: bool) -> str | None:
    """Level from numbering "1", "1.1", "1.1.1" in the No column (or a kode that is numbering)."""
    for text in (_text(row, "no"), None if official else kode):
        if text and _NUMBERING.match(text):
            depth = text.rstrip(".").count(".")
            return LEVELS[depth] if depth < len(LEVELS) else None
    return None


def _amount(row: Row, name: str, notes: list[str]) -> Decimal | None:
    value = row.cells.get(name)
    if value is None or isinstance(value, cells.ExcelError):
        return None
    if cells.is_dash(value):
        return Decimal(0)
    amount = cells.number(value)
    if amount is None:
        notes.append(f"{row.where(name)}: {value!r} bukan angka rupiah — nilai ini diabaikan")
    elif amount < 0:
        notes.append(
            f"{row.where(name)}: {rupiah(amount, 'tabel')} negatif — pagu dan realisasi tidak "
            "boleh negatif; nilai ini diabaikan"
        )
        return None
    return amount


def _levels_from_indent(rows: list[BudgetRow]) -> None:
    """Rows with no other clue get a level from how far their name is indented, if it varies."""
    indents = sorted({b.row.indent for b in rows})
    if not 2 <= len(indents) <= len(LEVELS):
        return
    for b in rows:
        b.level, b.level_from = LEVELS[indents.index(b.row.indent)], "indentasi"
