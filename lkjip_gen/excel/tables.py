"""Every computed table of the report as a worksheet table, from the rows the Word tables use.

The rows come from render.planning_tables and render.result_tables unchanged (nothing is
computed here); the headers are those of the document (tools/make_templates.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lkjip_gen.excel.write import Cell, Column, Table

C, R, P, N, B = "teks", "rupiah", "persen", "nilai", "bilangan"
PROGRAM_KEGIATAN = "Program / Kegiatan / Sub Kegiatan"


def _indicator(with_kategori: bool) -> list[Column]:
    return [
        Column("Satuan"),
        Column("Target", N),
        Column("Realisasi", N),
        Column("Capaian (%)", P),
        *([Column("Kategori")] if with_kategori else []),
    ]


def _ind_cells(b: Mapping[str, Any], with_kategori: bool) -> list[Any]:
    cells = [b["satuan"], b["target"], b["realisasi"], b["capaian"]]
    return cells + [b["kategori"]] if with_kategori else cells


def _money(prefix: str = "") -> list[Column]:
    return [
        Column(f"{prefix}Pagu (Rp)", R),
        Column("Realisasi (Rp)", R),
        Column("Sisa (Rp)", R),
        Column("Serapan (%)", P),
    ]


def _money_cells(b: Mapping[str, Any]) -> list[Any]:
    return [b["pagu"], b["realisasi"], b["sisa"], b["serapan"]]


def planning(
    model: Mapping[str, Any], t: Mapping[str, Any]
) -> list[tuple[str, Table | list[Table]]]:
    """Bab I and II tables: SDM, sarana, kondisi umum, IKU, Perjanjian Kinerja."""
    out: list[tuple[str, Table | list[Table]]] = []
    for n, k in enumerate(t["sdm"], start=1):
        columns = [Column("No"), Column(k["kelompok"] or "Uraian")]
        columns += [Column(h, N) for h in k["kepala"]]
        rows = [[b["no"], b["label"], *b["sel"]] for b in k["baris"]]
        out.append((f"SDM {n}", Table(k["judul"], columns, rows, [["JUMLAH", "", *k["total"]]])))
    if t["sarana"]:
        s = t["sarana"]
        counts = ("jumlah", "baik", "kurang_baik", "rusak_berat")
        columns = [Column("No"), Column("Jenis Barang"), Column("Jumlah", B)]
        columns += [Column(h, B, "Kondisi Barang") for h in ("Baik", "Kurang Baik", "Rusak Berat")]
        columns.append(Column("Keterangan"))
        rows = [[b["no"], b["nama"], *(b[c] for c in counts), b["keterangan"]] for b in s["baris"]]
        total = [["JUMLAH", "", *(s["total"][c] for c in counts), ""]]
        out.append(("Sarana", Table(s["judul"], columns, rows, total, s.get("catatan"))))
    for n, k in enumerate(t["kondisi"], start=1):
        columns = [Column("No"), Column("Uraian"), Column("Satuan")]
        columns += [Column(y, N) for y in k["tahun"]]
        rows = [[b["no"], b["uraian"], b["satuan"], *b["sel"]] for b in k["baris"]]
        out.append((f"Kondisi {n}", Table(k["judul"], columns, rows, note=k.get("sumber"))))
    if t["iku"]:
        iku = t["iku"]
        columns = [Column("No"), Column("Indikator"), Column("Satuan"), Column("Kondisi Awal", N)]
        columns += [Column(y, N, "Target per Tahun") for y in iku["tahun"]]
        columns.append(Column("Target Akhir", N))
        rows = [
            [b["no"], b["nama"], b["satuan"], b["awal"], *b["target"], b["akhir"]]
            for b in iku["baris"]
        ]
        out.append(("IKU", Table("Indikator Kinerja Utama", columns, rows)))
    period = model["laporan"]["periode"]
    pk = t["pk"]
    columns = [
        Column("No"),
        Column("Sasaran Strategis"),
        Column("Indikator Kinerja"),
        Column("Target", N),
        Column("Program"),
        Column("Anggaran (Rp)", R),
        Column("Ket."),
    ]
    rows = [
        [
            b["no"],
            b["sasaran"],
            b["indikator"],
            Cell(b["target"], b["satuan"]),
            b["program"],
            b["pagu"],
            b["sumber_dana"],
        ]
        for b in pk["baris"]
    ]
    totals = [["JUMLAH", "", "", "", "", pk["jumlah"], ""]] if pk["jumlah"] is not None else []
    out.append(("Perjanjian Kinerja", Table(f"Perjanjian Kinerja {period}", columns, rows, totals)))
    if t["pk_program"]:
        p = t["pk_program"]
        columns = [
            Column("No"),
            Column("Program"),
            Column("Anggaran (Rp)", R),
            Column("Keterangan"),
        ]
        rows = [[b["no"], b["nama"], b["pagu"], b["keterangan"]] for b in p["baris"]]
        totals = [["Jumlah Anggaran", "", p["jumlah"], ""]]
        out.append(
            (
                "PK Program",
                Table("Lampiran Perjanjian Kinerja: Program dan Anggaran", columns, rows, totals),
            )
        )
    return out


def results(
    model: Mapping[str, Any],
    t: Mapping[str, Any],
    ada_kategori: bool,
    sections: Sequence[Mapping[str, Any]],
) -> list[tuple[str, Table | list[Table]]]:
    """Bab III and IV tables: measurement, analyses, sasaran, efficiency, budget, categories."""
    period = model["laporan"]["periode"]
    ringkasan = model["ringkasan"]
    out: list[tuple[str, Table | list[Table]]] = []
    kat = ada_kategori
    if t["pembilang"]:
        columns = [
            Column("No"),
            Column("Indikator Kinerja"),
            Column("Pembilang", N),
            Column("Penyebut", N),
            Column("Realisasi", N),
        ]
        rows = [
            [b["no"], b["nama"], b["pembilang"], b["penyebut"], Cell(b["realisasi"], b["satuan"])]
            for b in t["pembilang"]["baris"]
        ]
        out.append(
            (
                "Perhitungan Realisasi",
                Table(f"Perhitungan Realisasi Indikator {period}", columns, rows),
            )
        )
    columns = [
        Column("No"),
        Column("Tujuan / Sasaran Strategis"),
        Column("Indikator Kinerja"),
        *_indicator(kat),
    ]
    rows = []
    for b in (t["pengukuran"] or {"baris": []})["baris"]:
        if b.get("judul") or b.get("misi"):
            rows.append([b.get("judul") or b.get("misi")])
        else:
            rows.append([b["no"], b["induk"], b["nama"], *_ind_cells(b, kat)])
    totals = []
    if ringkasan["jumlah_terukur"]:
        totals = [
            [
                "Rata-rata capaian indikator sasaran",
                "",
                "",
                "",
                "",
                "",
                ringkasan["rata_rata"],
                *([ringkasan["kategori"]] if kat else []),
            ]
        ]
    out.append(("Pengukuran Kinerja", Table(f"Pengukuran Kinerja {period}", columns, rows, totals)))
    if t["riwayat"]:
        h = t["riwayat"]
        columns = [Column("No"), Column("Indikator Kinerja (Satuan)")]
        for year in h["tahun"]:
            columns += [Column("Realisasi", N, year), Column("Capaian (%)", P, year)]
        columns.append(Column("Perubahan Capaian (poin)", P))
        rows = [[b["no"], b["nama"], *b["sel"], b["perubahan"]] for b in h["baris"]]
        out.append(
            (
                "Perbandingan Tahun",
                Table(
                    "Perbandingan Realisasi dan Capaian Kinerja dengan Tahun Sebelumnya",
                    columns,
                    rows,
                ),
            )
        )
    if t["renstra_akhir"]:
        year, end = model["laporan"]["tahun"], model["renstra"]["periode_akhir"]
        columns = [
            Column("No"),
            Column("Indikator Kinerja"),
            Column("Satuan"),
            Column("Kondisi Awal", N),
            Column(f"Realisasi {year}", N),
            Column(f"Target Akhir ({end})", N),
            Column("Capaian thd Target Akhir (%)", P),
        ]
        rows = [
            [b["no"], b["nama"], b["satuan"], b["awal"], b["realisasi"], b["akhir"], b["capaian"]]
            for b in t["renstra_akhir"]["baris"]
        ]
        out.append(
            (
                "Target Akhir Renstra",
                Table("Capaian Kinerja terhadap Target Akhir Renstra", columns, rows),
            )
        )
    if t["nasional"]:
        columns = [
            Column("No"),
            Column("Indikator Kinerja"),
            Column("Satuan"),
            Column("Realisasi", N),
            Column("Nasional / Standar", N),
            Column("Selisih", N),
            Column("Keterangan"),
        ]
        rows = [
            [
                b["no"],
                b["nama"],
                b["satuan"],
                b["realisasi"],
                b["nilai"],
                b["selisih"],
                b["keterangan"],
            ]
            for b in t["nasional"]["baris"]
        ]
        out.append(
            (
                "Capaian Nasional",
                Table(
                    "Perbandingan Realisasi Kinerja dengan Capaian Nasional atau Standar",
                    columns,
                    rows,
                ),
            )
        )
    out += [_sasaran(s, kat) for s in sections]
    out += _budget(model, t, period)
    if ringkasan["jumlah_terukur"] and kat and t["kategori"]:
        columns = [Column("No"), Column("Kategori"), Column("Jumlah Indikator", B)]
        rows = [[b["no"], b["label"], b["jumlah"]] for b in t["kategori"]["baris"]]
        out.append(
            (
                "Rekap Kategori",
                Table(
                    "Rekapitulasi Kategori Capaian Indikator Kinerja",
                    columns,
                    rows,
                    [["Jumlah", "", ringkasan["jumlah_terukur"]]],
                ),
            )
        )
    return out


def _sasaran(s: Mapping[str, Any], kat: bool) -> tuple[str, Table | list[Table]]:
    columns = [Column("No"), Column("Indikator Kinerja"), *_indicator(kat)]
    rows = [[b["no"], b["nama"], *_ind_cells(b, kat)] for b in s["baris"]]
    totals = []
    if s["rata_rata"] is not None:
        totals = [
            ["Rata-rata capaian", "", "", "", "", s["rata_rata"], *([s["kategori"]] if kat else [])]
        ]
    title = f"Realisasi dan Capaian Indikator Sasaran {s['nomor']}: {s['uraian']}"
    programs = _sasaran_programs(s)
    table = Table(title, columns, rows, totals)
    return (f"Sasaran {s['nomor']}", [table, programs] if programs else table)


def _sasaran_programs(s: Mapping[str, Any]) -> Table | None:
    """The programs and kegiatan behind one sasaran (written under its indicator table)."""
    if not s["program"]:
        return None
    columns = [
        Column("No"),
        Column(PROGRAM_KEGIATAN),
        Column("Indikator"),
        Column("Target", N),
        Column("Realisasi", N),
        Column("Capaian (%)", P),
    ]
    rows = [
        [
            b["no"],
            b["nama"],
            b["indikator"],
            Cell(b["target"], b["satuan"]),
            Cell(b["realisasi"], b["satuan"]),
            b["capaian"],
        ]
        for b in s["program"]
    ]
    return Table(f"Program dan Kegiatan Penunjang Sasaran {s['nomor']}", columns, rows)


def _budget(
    model: Mapping[str, Any], t: Mapping[str, Any], period: str
) -> list[tuple[str, Table | list[Table]]]:
    out: list[tuple[str, Table | list[Table]]] = []
    if t["efisiensi"]:
        e = t["efisiensi"]
        columns = [
            Column("No"),
            Column("Sasaran Strategis"),
            Column("Indikator Kinerja"),
            Column("Target", N, "Kinerja"),
            Column("Realisasi", N, "Kinerja"),
            Column("Capaian (%)", P, "Kinerja"),
            Column("Rata-rata Sasaran (%)", P, "Kinerja"),
            Column("Pagu (Rp)", R, "Anggaran"),
            Column("Realisasi (Rp)", R, "Anggaran"),
            Column("Serapan (%)", P, "Anggaran"),
            Column("Tingkat Efisiensi", P),
            Column("Ket."),
        ]
        rows = [
            [
                b["no"],
                b["sasaran"],
                b["nama"],
                b["target"],
                b["realisasi"],
                b["capaian"],
                b["rata_rata"],
                b["pagu"],
                b["realisasi_anggaran"],
                b["serapan"],
                b["efisiensi"],
                b["verdict"],
            ]
            for b in e["baris"]
        ]
        tot = e["total"]
        totals = [
            [
                "JUMLAH",
                "",
                "",
                "",
                "",
                "",
                tot["rata_rata"],
                tot["pagu"],
                tot["realisasi"],
                tot["serapan"],
                tot["efisiensi"],
                tot["verdict"],
            ]
        ]
        out.append(
            (
                "Efisiensi",
                Table(f"Efisiensi Penggunaan Sumber Daya {period}", columns, rows, totals),
            )
        )
    for key, sheet, title, label, names in (
        (
            "anggaran_sasaran",
            "Anggaran per Sasaran",
            "Anggaran dan Realisasi per Sasaran Strategis",
            "Sasaran Strategis",
            True,
        ),
        (
            "sumber_dana",
            "Anggaran per Sumber Dana",
            "Anggaran dan Realisasi per Sumber Dana",
            "Sumber Dana",
            False,
        ),
    ):
        if not t[key]:
            continue
        columns = [
            Column("No"),
            Column(label),
            *([Column("Indikator Kinerja")] if names else []),
            *_money(),
            Column("% dari Total", P),
        ]
        rows = [
            [
                b["no"],
                b["nama"],
                *(["\n".join(b["indikator"])] if names else []),
                *_money_cells(b),
                b["persen_total"],
            ]
            for b in t[key]["baris"]
        ]
        tot = t[key]["total"]
        totals = [[tot["label"], "", *([""] if names else []), *_money_cells(tot), None]]
        out.append((sheet, Table(f"{title} {period}", columns, rows, totals)))
    if t["belanja"]:
        columns = [Column("No"), Column("Jenis Belanja"), *_money()]
        rows = [[b["no"], b["nama"], *_money_cells(b)] for b in t["belanja"]["baris"]]
        tot = t["belanja"]["total"]
        out.append(
            (
                "Anggaran per Jenis Belanja",
                Table(
                    f"Anggaran dan Realisasi per Jenis Belanja {period}",
                    columns,
                    rows,
                    [[tot["label"], "", *_money_cells(tot)]],
                ),
            )
        )
    if t["anggaran"]:
        out.append(("Realisasi Anggaran", _program_table(model, t["anggaran"], period)))
    return out


def _program_table(model: Mapping[str, Any], a: Mapping[str, Any], period: str) -> Table:
    kode, ket = a["kode"], a["keterangan"]
    columns = [
        Column("No"),
        *([Column("Kode")] if kode else []),
        Column(PROGRAM_KEGIATAN),
        Column("Indikator", C, "Kinerja"),
        Column("Target", N, "Kinerja"),
        Column("Realisasi", N, "Kinerja"),
        Column("Capaian (%)", P, "Kinerja"),
        Column("Pagu (Rp)", R, "Anggaran"),
        Column("Realisasi (Rp)", R, "Anggaran"),
        Column("Serapan (%)", P, "Anggaran"),
        Column("Sumber Dana"),
        *([Column("Keterangan")] if ket else []),
    ]
    rows = [
        [
            b["no"],
            *([b["kode"]] if kode else []),
            b["nama"],
            b["indikator"],
            Cell(b["target"], b["satuan"]),
            Cell(b["realisasi"], b["satuan"]),
            b["capaian"],
            b["pagu"],
            b["realisasi_anggaran"],
            b["serapan"],
            b["sumber_dana"],
            *([b["keterangan"]] if ket else []),
        ]
        for b in a["baris"]
    ]
    total = model["anggaran"]["total"]
    lead = ["JUMLAH"] + [""] * (6 if kode else 5)
    totals = [
        [*lead, total["pagu"], total["realisasi"], total["serapan"], "", *([""] if ket else [])]
    ]
    return Table(
        f"Realisasi Anggaran dan Kinerja Program, Kegiatan dan Sub Kegiatan {period}",
        columns,
        rows,
        totals,
    )
