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
    kat = bool(model["pengaturan"]["skala"])
    out: list[Sheet] = []
    if t["pembilang"]:
        out.append(("Perhitungan Realisasi", _pembilang(t["pembilang"])))
    # With dokumen.tujuan_terpisah the tujuan indicators have tables of their own.
    for key, name in (
        ("pengukuran", "Pengukuran Kinerja"),
        ("pengukuran_tujuan", "Pengukuran Tujuan"),
    ):
        if t[key]:
            out.append((name, _pengukuran(model, t[key], kat, average=key == "pengukuran")))
    for key, name in (
        ("riwayat", "Perbandingan Tahun"),
        ("riwayat_tujuan", "Perbandingan Tahun Tujuan"),
    ):
        if t[key]:
            out.append((name, _riwayat(t[key])))
    for key, name in (
        ("renstra_akhir", "Target Akhir Renstra"),
        ("renstra_akhir_tujuan", "Target Akhir Renstra Tujuan"),
    ):
        if t[key]:
            out.append((name, _renstra_akhir(model, t[key])))
    if t["nasional"]:
        out.append(("Capaian Nasional", _nasional(t["nasional"])))
    return out + [sheet for s in sections if (sheet := _sasaran(s, kat))[1]]


def categories(model: Mapping[str, Any], t: Mapping[str, Any]) -> list[Sheet]:
    """Bab IV: how many indicators fall in each category."""
    ringkasan = model["ringkasan"]
    if not (ringkasan["jumlah_terukur"] and model["pengaturan"]["skala"] and t["kategori"]):
        return []
    columns = cols("No", "Kategori", ("Jumlah Indikator", "bilangan"))
    rows = [[b["no"], b["label"], b["jumlah"]] for b in t["kategori"]["baris"]]
    total = [["Jumlah", "", ringkasan["jumlah_terukur"]]]
    return [("Rekap Kategori", Table(t["kategori"]["judul"], columns, rows, total))]


def _indicator(kat: bool) -> list[Column]:
    kategori = ("Kategori",) if kat else ()
    return cols("Satuan", ("Target", N), ("Realisasi", N), ("Capaian (%)", P), *kategori)


def _ind_cells(b: Mapping[str, Any], kat: bool) -> list[Any]:
    cells = [b["satuan"], b["target"], b["realisasi"], b["capaian"]]
    return cells + [b["kategori"]] if kat else cells


def _pembilang(table: Mapping[str, Any]) -> Table:
    columns = cols("No", "Indikator Kinerja", ("Pembilang", N), ("Penyebut", N), ("Realisasi", N))
    rows = [
        [b["no"], b["nama"], b["pembilang"], b["penyebut"], Cell(b["realisasi"], b["satuan"])]
        for b in table["baris"]
    ]
    return Table(table["judul"], columns, rows)


def _pengukuran(
    model: Mapping[str, Any], table: Mapping[str, Any], kat: bool, *, average: bool
) -> Table:
    """The measurement table; ``average`` adds the sasaran average (not under tujuan)."""
    columns = cols("No", table["kepala_induk"], "Indikator Kinerja") + _indicator(kat)
    rows = []
    for b in table["baris"]:
        title = b.get("judul") or b.get("misi")
        rows.append([title] if title else [b["no"], b["induk"], b["nama"], *_ind_cells(b, kat)])
    ringkasan = model["ringkasan"]
    totals = []
    if average and ringkasan["jumlah_terukur"]:
        label = "Rata-rata capaian indikator sasaran"
        kategori = [ringkasan["kategori"]] if kat else []
        totals = [[label, "", "", "", "", "", ringkasan["rata_rata"], *kategori]]
    out = Table(table["judul"], columns, rows, totals)
    return trimmed(out, table["kolom"], {"satuan": ("Satuan",)})


def _riwayat(h: Mapping[str, Any]) -> Table:
    years = [
        (label, kind, y)
        for y in h["tahun"]
        for label, kind in (("Realisasi", N), ("Capaian (%)", P))
    ]
    columns = cols("No", "Indikator Kinerja (Satuan)", *years, ("Perubahan Capaian (poin)", P))
    rows = [[b["no"], b["nama"], *b["sel"], b["perubahan"]] for b in h["baris"]]
    return Table(h["judul"], columns, rows)


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
    out = Table(table["judul"], columns, rows)
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
    out = Table(table["judul"], columns, rows)
    return trimmed(out, table["kolom"], {"keterangan": ("Keterangan",)})


def _sasaran(s: Mapping[str, Any], kat: bool) -> Sheet:
    """One sasaran's indicators, then the programs and kegiatan behind it, on one sheet."""
    columns = cols("No", "Indikator Kinerja") + _indicator(kat)
    rows = [[b["no"], b["nama"], *_ind_cells(b, kat)] for b in s["baris"]]
    totals = []
    if s["rata_rata"] is not None:
        kategori = [s["kategori"]] if kat else []
        totals = [["Rata-rata capaian", "", "", "", "", s["rata_rata"], *kategori]]
    title = f"Realisasi dan Capaian Indikator Sasaran {s['nomor']}: {s['uraian']}"
    tables = [Table(s["judul_tabel"] or title, columns, rows, totals)]
    if s["judul_tabel"] is None:
        tables = []  # the office prints no indicator table per sasaran
    if s["program"] and s["judul_tabel_program"] is not None:
        columns = cols(
            "No", PROGRAM_KEGIATAN, "Indikator", ("Target", N), ("Realisasi", N),
            ("Capaian (%)", P),
        )  # fmt: skip
        rows = [
            [b["no"], b["nama"], b["indikator"], Cell(b["target"], b["satuan"]),
             Cell(b["realisasi"], b["satuan"]), b["capaian"]]
            for b in s["program"]
        ]  # fmt: skip
        tables.append(Table(s["judul_tabel_program"], columns, rows))
    return (f"Sasaran {s['nomor']}", tables)
