"""The input sheets (Data Anggaran, Data Kinerja): the data file's own values, or blanks to fill.

They are laid out as ``lkjip impor`` reads them, so a workbook made here and imported back
changes nothing, and a value typed into it changes exactly that value.
"""

from __future__ import annotations

from typing import Any

from lkjip_gen.excel.match import budget_nodes, indicators
from lkjip_gen.excel.write import Cell, Column, Table

SHEET_ANGGARAN = "Data Anggaran"
SHEET_KINERJA = "Data Kinerja"
TINGKAT = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan"}
ROMAWI = ("I", "II", "III", "IV")

PETUNJUK = [
    "Cara mengisi buku kerja ini",
    "",
    "1. Lembar Data Anggaran: isi Pagu, Realisasi dan (bila perlu) Sumber Dana setiap sub kegiatan",
    "   (atau kegiatan/program yang tidak dirinci). Angka boleh ditulis 1.234.567 atau 1234567.",
    "2. Lembar Data Kinerja: isi Realisasi setiap indikator; untuk indikator rasio isi Pembilang",
    "   dan Penyebut; untuk laporan triwulan isi kolom TW I–IV.",
    "3. Sel yang dibiarkan kosong tidak mengubah apa pun di berkas data.",
    "4. Jangan mengubah kolom Kode, Uraian dan ID: baris dicocokkan dengan data lewat kolom itu.",
    "5. Periksa dulu hasilnya:  lkjip impor anggaran lkjip-TAHUN.yaml BUKU.xlsx",
    "   lalu simpan ke berkas data:  lkjip impor anggaran lkjip-TAHUN.yaml BUKU.xlsx --tulis",
    "   (sama untuk lkjip impor kinerja).",
]


def _funds(value: Any) -> str | None:
    if not value:
        return None
    return value if isinstance(value, str) else " & ".join(value)


def budget_table(data: dict[str, Any], *, blank: bool = False) -> Table:
    """Every program, kegiatan and sub kegiatan with the amounts written on it in the data."""
    rows = []
    counters: list[int] = []
    for node in budget_nodes(data):
        depth = (len(node.path) - 2) // 2
        counters = counters[:depth] + [counters[depth] + 1 if len(counters) > depth else 1]
        own = node.data
        values = (
            [None, None, None]
            if blank
            else [
                own.get("pagu"),
                own.get("realisasi"),
                _funds(own.get("sumber_dana")),
            ]
        )
        rows.append(
            [
                ".".join(map(str, counters)),
                TINGKAT[node.level],
                own.get("kode"),
                "   " * depth + str(own["nama"]),
                *values,
            ]
        )
    columns = [
        Column("No"),
        Column("Tingkat"),
        Column("Kode"),
        Column("Uraian"),
        Column("Pagu (Rp)", "rupiah"),
        Column("Realisasi (Rp)", "rupiah"),
        Column("Sumber Dana"),
    ]
    return Table("Data Anggaran (isian lkjip impor anggaran)", columns, rows)


def kinerja_table(data: dict[str, Any], *, blank: bool = False) -> Table:
    """Every Renstra indicator with this year's target and what ``kinerja:`` holds for it."""
    year = str((data.get("laporan") or {}).get("tahun"))
    kinerja = data.get("kinerja") or {}
    with_targets = any("target_triwulan" in (e or {}) for e in kinerja.values()) or (
        (data.get("pengaturan") or {}).get("target_triwulan") == "rencana_aksi"
    )
    rows = []
    for ind in indicators(data):
        entry = kinerja.get(ind.id) or {}
        satuan = ind.data.get("satuan")
        target = entry.get("target", (ind.data.get("target") or {}).get(year))
        quarters = [None] * 4 if blank else (list(entry.get("triwulan") or []) + [None] * 4)[:4]
        planned = (list(entry.get("target_triwulan") or []) + [None] * 4)[:4]
        values = (
            [None] * 3
            if blank
            else [
                Cell(entry.get("realisasi"), satuan),
                entry.get("pembilang"),
                entry.get("penyebut"),
            ]
        )
        row = [ind.id, ind.data.get("nama"), satuan, Cell(target, satuan), *values, *quarters]
        if with_targets:
            row += [None] * 4 if blank else planned
        rows.append(row)
    columns = [
        Column("ID"),
        Column("Indikator Kinerja"),
        Column("Satuan"),
        Column("Target", "nilai"),
        Column("Realisasi", "nilai"),
        Column("Pembilang", "nilai"),
        Column("Penyebut", "nilai"),
        *(Column(f"TW {r}", "nilai", "Realisasi Triwulan") for r in ROMAWI),
    ]
    if with_targets:
        columns += [Column(f"TW {r}", "nilai", "Target Triwulan") for r in ROMAWI]
    return Table("Data Kinerja (isian lkjip impor kinerja)", columns, rows)


def add_input_sheets(wb: Any, data: dict[str, Any], *, blank: bool = False) -> None:
    """Append the two input sheets to ``wb``."""
    from lkjip_gen.excel.write import write

    for name, table in (
        (SHEET_KINERJA, kinerja_table(data, blank=blank)),
        (SHEET_ANGGARAN, budget_table(data, blank=blank)),
    ):
        write(wb.create_sheet(name), table)
