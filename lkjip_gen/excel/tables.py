"""Bab I and II tables as worksheet tables, from the rows the Word tables use.

The rows come from render.planning_tables and render.result_tables unchanged (nothing is
computed in this package); the headers are those of the document (tools/make_templates.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lkjip_gen.excel.write import Cell, Column, Table

R, P, N, B = "rupiah", "persen", "nilai", "bilangan"
Sheet = tuple[str, Table | list[Table]]


def cols(*items: str | tuple[str, ...]) -> list[Column]:
    """Columns from "Header" (text) or ("Header", kind[, group]) items."""
    return [Column(i) if isinstance(i, str) else Column(*i) for i in items]


def trimmed(
    table: Table, kolom: Mapping[str, bool], headers: Mapping[str, tuple[str, ...]]
) -> Table:
    """``table`` without the columns the document leaves out: those of ``headers`` whose
    ``kolom`` flag (the shaped table's) is false. Title rows shorter than the table stay."""
    gone = {h for key, names in headers.items() if not kolom[key] for h in names}
    drop = {i for i, column in enumerate(table.columns) if column.header in gone}

    def keep(row: list[Any]) -> list[Any]:
        if len(row) != len(table.columns):
            return row
        return [value for i, value in enumerate(row) if i not in drop]

    return Table(
        table.title,
        [c for i, c in enumerate(table.columns) if i not in drop],
        [keep(r) for r in table.rows],
        [keep(r) for r in table.totals],
        table.note,
    )


def planning(model: Mapping[str, Any], t: Mapping[str, Any]) -> list[Sheet]:
    """SDM, sarana, kondisi umum, IKU and Perjanjian Kinerja tables."""
    out: list[Sheet] = [(f"SDM {n}", _sdm(k)) for n, k in enumerate(t["sdm"], start=1)]
    if t["sarana"]:
        out.append(("Sarana", _sarana(t["sarana"])))
    out += [(f"Kondisi {n}", _kondisi(k)) for n, k in enumerate(t["kondisi"], start=1)]
    if t["iku"]:
        out.append(("IKU", _iku(t["iku"])))
    if t["pk"]:
        out.append(("Perjanjian Kinerja", _pk(t["pk"])))
    if t["pk_program"]:
        out.append(("PK Program", _pk_program(t["pk_program"])))
    return out


def _sdm(k: Mapping[str, Any]) -> Table:
    columns = cols("No", k["kelompok"] or "Uraian", *((h, N) for h in k["kepala"]))
    rows = [[b["no"], b["label"], *b["sel"]] for b in k["baris"]]
    totals = [["JUMLAH", "", *k["total"]]] if k["total"] is not None else []
    return Table(k["judul"], columns, rows, totals)


def _sarana(s: Mapping[str, Any]) -> Table:
    states = ("baik", "kurang_baik", "rusak_berat")
    group = "Kondisi Barang"
    columns = cols(
        "No", "Jenis Barang", "Jumlah", ("Baik", B, group), ("Kurang Baik", B, group),
        ("Rusak Berat", B, group), ("Nilai (Rp)", R), "Keterangan",
    )  # fmt: skip
    rows = [
        [b["no"], b["nama"], b["jumlah"], *(b[c] for c in states), b["nilai"], b["keterangan"]]
        for b in s["baris"]
    ]
    total = [["JUMLAH", "", "", "", "", "", s["total"]["nilai"], ""]]
    table = Table(s["judul"], columns, rows, total if s["total"]["nilai"] is not None else [])
    table.note = s.get("catatan")
    headers = {
        "jumlah": ("Jumlah",),
        "kondisi": ("Baik", "Kurang Baik", "Rusak Berat"),
        "nilai": ("Nilai (Rp)",),
        "keterangan": ("Keterangan",),
    }
    return trimmed(table, s["kolom"], headers)


def _kondisi(k: Mapping[str, Any]) -> Table:
    columns = cols("No", "Uraian", "Satuan", *((y, N) for y in k["tahun"]))
    rows = [[b["no"], b["uraian"], b["satuan"], *b["sel"]] for b in k["baris"]]
    table = Table(k["judul"], columns, rows, note=k.get("sumber"))
    return trimmed(table, k["kolom"], {"satuan": ("Satuan",)})


def _iku(iku: Mapping[str, Any]) -> Table:
    years = ((y, N, "Target per Tahun") for y in iku["tahun"])
    columns = cols("No", "Indikator", "Satuan", ("Kondisi Awal", N), *years, ("Target Akhir", N))
    rows = [
        [b["no"], b["nama"], b["satuan"], b["awal"], *b["target"], b["akhir"]] for b in iku["baris"]
    ]
    headers = {"kondisi_awal": ("Kondisi Awal",), "target_akhir": ("Target Akhir",)}
    return trimmed(Table(iku["judul"], columns, rows), iku["kolom"], headers)


def _pk(pk: Mapping[str, Any]) -> Table:
    columns = cols(
        "No", "Sasaran Strategis", "Indikator Kinerja", ("Target", N), "Program",
        ("Anggaran (Rp)", R), "Ket.",
    )  # fmt: skip
    rows = [
        [b["no"], b["sasaran"], b["indikator"], Cell(b["target"], b["satuan"]), b["program"],
         b["pagu"], b["sumber_dana"]]
        for b in pk["baris"]
    ]  # fmt: skip
    totals = [["JUMLAH", "", "", "", "", pk["jumlah"], ""]] if pk["jumlah"] is not None else []
    headers = {"program": ("Program",), "anggaran": ("Anggaran (Rp)",), "sumber_dana": ("Ket.",)}
    return trimmed(Table(pk["judul"], columns, rows, totals), pk["kolom"], headers)


def _pk_program(p: Mapping[str, Any]) -> Table:
    columns = cols("No", "Program", ("Anggaran (Rp)", R), "Keterangan")
    rows = [[b["no"], b["nama"], b["pagu"], b["keterangan"]] for b in p["baris"]]
    title = "Lampiran Perjanjian Kinerja: Program dan Anggaran"
    table = Table(title, columns, rows, [["Jumlah Anggaran", "", p["jumlah"], ""]])
    return trimmed(table, p["kolom"], {"keterangan": ("Keterangan",)})
