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


def planning(model: Mapping[str, Any], t: Mapping[str, Any]) -> list[Sheet]:
    """SDM, sarana, kondisi umum, IKU and Perjanjian Kinerja tables."""
    out: list[Sheet] = [(f"SDM {n}", _sdm(k)) for n, k in enumerate(t["sdm"], start=1)]
    if t["sarana"]:
        out.append(("Sarana", _sarana(t["sarana"])))
    out += [(f"Kondisi {n}", _kondisi(k)) for n, k in enumerate(t["kondisi"], start=1)]
    if t["iku"]:
        out.append(("IKU", _iku(t["iku"])))
    out.append(("Perjanjian Kinerja", _pk(t["pk"], model["laporan"]["periode"])))
    if t["pk_program"]:
        out.append(("PK Program", _pk_program(t["pk_program"])))
    return out


def _sdm(k: Mapping[str, Any]) -> Table:
    columns = cols("No", k["kelompok"] or "Uraian", *((h, N) for h in k["kepala"]))
    rows = [[b["no"], b["label"], *b["sel"]] for b in k["baris"]]
    return Table(k["judul"], columns, rows, [["JUMLAH", "", *k["total"]]])


def _sarana(s: Mapping[str, Any]) -> Table:
    counts = ("jumlah", "baik", "kurang_baik", "rusak_berat")
    group = "Kondisi Barang"
    columns = cols(
        "No", "Jenis Barang", ("Jumlah", B), ("Baik", B, group), ("Kurang Baik", B, group),
        ("Rusak Berat", B, group), "Keterangan",
    )  # fmt: skip
    rows = [[b["no"], b["nama"], *(b[c] for c in counts), b["keterangan"]] for b in s["baris"]]
    total = [["JUMLAH", "", *(s["total"][c] for c in counts), ""]]
    return Table(s["judul"], columns, rows, total, s.get("catatan"))


def _kondisi(k: Mapping[str, Any]) -> Table:
    columns = cols("No", "Uraian", "Satuan", *((y, N) for y in k["tahun"]))
    rows = [[b["no"], b["uraian"], b["satuan"], *b["sel"]] for b in k["baris"]]
    return Table(k["judul"], columns, rows, note=k.get("sumber"))


def _iku(iku: Mapping[str, Any]) -> Table:
    years = ((y, N, "Target per Tahun") for y in iku["tahun"])
    columns = cols("No", "Indikator", "Satuan", ("Kondisi Awal", N), *years, ("Target Akhir", N))
    rows = [
        [b["no"], b["nama"], b["satuan"], b["awal"], *b["target"], b["akhir"]] for b in iku["baris"]
    ]
    return Table("Indikator Kinerja Utama", columns, rows)


def _pk(pk: Mapping[str, Any], period: str) -> Table:
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
    return Table(f"Perjanjian Kinerja {period}", columns, rows, totals)


def _pk_program(p: Mapping[str, Any]) -> Table:
    columns = cols("No", "Program", ("Anggaran (Rp)", R), "Keterangan")
    rows = [[b["no"], b["nama"], b["pagu"], b["keterangan"]] for b in p["baris"]]
    title = "Lampiran Perjanjian Kinerja: Program dan Anggaran"
    return Table(title, columns, rows, [["Jumlah Anggaran", "", p["jumlah"], ""]])
