"""Bab III and IV tables as worksheet tables: measurement, analyses, each sasaran, categories."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lkjip_gen.excel.tables import N, P, Sheet, cols, trimmed
from lkjip_gen.excel.write import Cell, Column, Table

PROGRAM_KEGIATAN = "Program / Kegiatan / Sub Kegiatan"


def results(
    model: Mapping[str, Any], t: Mapping[str, Any], sections: Sequence[Mapping[str, Any]]
) -> list[Sheet]:
    """The tables of Bab III A and Bab IV, in document order (the budget ones are separate)."""
    period = model["laporan"]["periode"]
    kat = bool(model["pengaturan"]["skala"])
    out: list[Sheet] = []
    if t["pembilang"]:
        out.append(("Perhitungan Realisasi", _pembilang(t["pembilang"], period)))
    out.append(("Pengukuran Kinerja", _pengukuran(model, t["pengukuran"], period, kat)))
    if t["riwayat"]:
        out.append(("Perbandingan Tahun", _riwayat(t["riwayat"])))
    if t["renstra_akhir"]:
        out.append(("Target Akhir Renstra", _renstra_akhir(model, t["renstra_akhir"])))
    if t["nasional"]:
        out.append(("Capaian Nasional", _nasional(t["nasional"])))
    return out + [_sasaran(s, kat) for s in sections]


def categories(model: Mapping[str, Any], t: Mapping[str, Any]) -> list[Sheet]:
    """Bab IV: how many indicators fall in each category."""
    ringkasan = model["ringkasan"]
    if not (ringkasan["jumlah_terukur"] and model["pengaturan"]["skala"] and t["kategori"]):
        return []
    columns = cols("No", "Kategori", ("Jumlah Indikator", "bilangan"))
    rows = [[b["no"], b["label"], b["jumlah"]] for b in t["kategori"]["baris"]]
    title = "Rekapitulasi Kategori Capaian Indikator Kinerja"
    total = [["Jumlah", "", ringkasan["jumlah_terukur"]]]
    return [("Rekap Kategori", Table(title, columns, rows, total))]


def _indicator(kat: bool) -> list[Column]:
    kategori = ("Kategori",) if kat else ()
    return cols("Satuan", ("Target", N), ("Realisasi", N), ("Capaian (%)", P), *kategori)


def _ind_cells(b: Mapping[str, Any], kat: bool) -> list[Any]:
    cells = [b["satuan"], b["target"], b["realisasi"], b["capaian"]]
    return cells + [b["kategori"]] if kat else cells


def _pembilang(table: Mapping[str, Any], period: str) -> Table:
    columns = cols("No", "Indikator Kinerja", ("Pembilang", N), ("Penyebut", N), ("Realisasi", N))
    rows = [
        [b["no"], b["nama"], b["pembilang"], b["penyebut"], Cell(b["realisasi"], b["satuan"])]
        for b in table["baris"]
    ]
    return Table(f"Perhitungan Realisasi Indikator {period}", columns, rows)


def _pengukuran(
    model: Mapping[str, Any], table: Mapping[str, Any] | None, period: str, kat: bool
) -> Table:
    columns = cols("No", "Tujuan / Sasaran Strategis", "Indikator Kinerja") + _indicator(kat)
    rows = []
    for b in (table or {"baris": []})["baris"]:
        title = b.get("judul") or b.get("misi")
        rows.append([title] if title else [b["no"], b["induk"], b["nama"], *_ind_cells(b, kat)])
    ringkasan = model["ringkasan"]
    totals = []
    if ringkasan["jumlah_terukur"]:
        label = "Rata-rata capaian indikator sasaran"
        kategori = [ringkasan["kategori"]] if kat else []
        totals = [[label, "", "", "", "", "", ringkasan["rata_rata"], *kategori]]
    out = Table(f"Pengukuran Kinerja {period}", columns, rows, totals)
    return trimmed(out, (table or {}).get("kolom", {"satuan": True}), {"satuan": ("Satuan",)})


def _riwayat(h: Mapping[str, Any]) -> Table:
    years = [
        (label, kind, y)
        for y in h["tahun"]
        for label, kind in (("Realisasi", N), ("Capaian (%)", P))
    ]
    columns = cols("No", "Indikator Kinerja (Satuan)", *years, ("Perubahan Capaian (poin)", P))
    rows = [[b["no"], b["nama"], *b["sel"], b["perubahan"]] for b in h["baris"]]
    title = "Perbandingan Realisasi dan Capaian Kinerja dengan Tahun Sebelumnya"
    return Table(title, columns, rows)


def _renstra_akhir(model: Mapping[str, Any], table: Mapping[str, Any]) -> Table:
    year, end = model["laporan"]["tahun"], model["renstra"]["periode_akhir"]
    columns = cols(
        "No", "Indikator Kinerja", "Satuan", ("Kondisi Awal", N), (f"Realisasi {year}", N),
        (f"Target Akhir ({end})", N), ("Capaian thd Target Akhir (%)", P),
    )  # fmt: skip
    rows = [
        [b["no"], b["nama"], b["satuan"], b["awal"], b["realisasi"], b["akhir"], b["capaian"]]
        for b in table["baris"]
    ]
    out = Table("Capaian Kinerja terhadap Target Akhir Renstra", columns, rows)
    return trimmed(out, table["kolom"], {"kondisi_awal": ("Kondisi Awal",)})


def _nasional(table: Mapping[str, Any]) -> Table:
    columns = cols(
        "No", "Indikator Kinerja", "Satuan", ("Realisasi", N), ("Nasional / Standar", N),
        ("Selisih", N), "Keterangan",
    )  # fmt: skip
    rows = [
        [b["no"], b["nama"], b["satuan"], b["realisasi"], b["nilai"], b["selisih"],
         b["keterangan"]]
        for b in table["baris"]
    ]  # fmt: skip
    title = "Perbandingan Realisasi Kinerja dengan Capaian Nasional atau Standar"
    return trimmed(Table(title, columns, rows), table["kolom"], {"keterangan": ("Keterangan",)})


def _sasaran(s: Mapping[str, Any], kat: bool) -> Sheet:
    """One sasaran's indicators, then the programs and kegiatan behind it, on one sheet."""
    columns = cols("No", "Indikator Kinerja") + _indicator(kat)
    rows = [[b["no"], b["nama"], *_ind_cells(b, kat)] for b in s["baris"]]
    totals = []
    if s["rata_rata"] is not None:
        kategori = [s["kategori"]] if kat else []
        totals = [["Rata-rata capaian", "", "", "", "", s["rata_rata"], *kategori]]
    title = f"Realisasi dan Capaian Indikator Sasaran {s['nomor']}: {s['uraian']}"
    tables = [Table(title, columns, rows, totals)]
    if s["program"]:
        columns = cols(
            "No", PROGRAM_KEGIATAN, "Indikator", ("Target", N), ("Realisasi", N),
            ("Capaian (%)", P),
        )  # fmt: skip
        rows = [
            [b["no"], b["nama"], b["indikator"], Cell(b["target"], b["satuan"]),
             Cell(b["realisasi"], b["satuan"]), b["capaian"]]
            for b in s["program"]
        ]  # fmt: skip
        tables.append(Table(f"Program dan Kegiatan Penunjang Sasaran {s['nomor']}", columns, rows))
    return (f"Sasaran {s['nomor']}", tables)
