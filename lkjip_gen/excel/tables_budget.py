"""Bab III budget tables as worksheet tables: efficiency, money per sasaran/sumber dana/jenis
belanja, and the program → kegiatan → sub kegiatan realisation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lkjip_gen.excel.tables import N, P, R, Sheet, cols, trimmed
from lkjip_gen.excel.tables_results import PROGRAM_KEGIATAN
from lkjip_gen.excel.write import Cell, Table

MONEY = (("Pagu (Rp)", R), ("Realisasi (Rp)", R), ("Sisa (Rp)", R), ("Serapan (%)", P))


def _money(b: Mapping[str, Any]) -> list[Any]:
    return [b["pagu"], b["realisasi"], b["sisa"], b["serapan"]]


def budget(model: Mapping[str, Any], t: Mapping[str, Any]) -> list[Sheet]:
    out: list[Sheet] = []
    if t["efisiensi"]:
        out.append(("Efisiensi", _efisiensi(t["efisiensi"])))
    if t["anggaran_sasaran"]:
        table = _money_table(t["anggaran_sasaran"], "Sasaran Strategis", True)
        out.append(("Anggaran per Sasaran", table))
    if t["sumber_dana"]:
        out.append(("Anggaran per Sumber Dana", _money_table(t["sumber_dana"], "Sumber Dana")))
    if t["belanja"]:
        columns = cols("No", "Jenis Belanja", *MONEY)
        rows = [[b["no"], b["nama"], *_money(b)] for b in t["belanja"]["baris"]]
        total = t["belanja"]["total"]
        table = Table(t["belanja"]["judul"], columns, rows, [[total["label"], "", *_money(total)]])
        out.append(("Anggaran per Jenis Belanja", table))
    if t["anggaran"]:
        out.append(("Realisasi Anggaran", _program_table(model, t["anggaran"])))
    return out


def _efisiensi(e: Mapping[str, Any]) -> Table:
    k, a = "Kinerja", "Anggaran"
    columns = cols(
        "No", "Sasaran Strategis", "Indikator Kinerja", ("Target", N, k), ("Realisasi", N, k),
        ("Capaian (%)", P, k), ("Rata-rata Sasaran (%)", P, k), ("Pagu (Rp)", R, a),
        ("Realisasi (Rp)", R, a), ("Serapan (%)", P, a), ("Tingkat Efisiensi", P), "Ket.",
    )  # fmt: skip
    rows = [
        [b["no"], b["sasaran"], b["nama"], b["target"], b["realisasi"], b["capaian"],
         b["rata_rata"], b["pagu"], b["realisasi_anggaran"], b["serapan"], b["efisiensi"],
         b["verdict"]]
        for b in e["baris"]
    ]  # fmt: skip
    tot = e["total"]
    totals = [
        ["JUMLAH", "", "", "", "", "", tot["rata_rata"], tot["pagu"], tot["realisasi"],
         tot["serapan"], tot["efisiensi"], tot["verdict"]]
    ]  # fmt: skip
    return Table(e["judul"], columns, rows, totals)


def _money_table(t: Mapping[str, Any], label: str, names: bool = False) -> Table:
    """Pagu, realisasi, sisa, serapan and share per group; sasaran rows list their indicators."""
    extra = ["Indikator Kinerja"] if names else []
    columns = cols("No", label, *extra, *MONEY, ("% dari Total", P))
    rows = [
        [b["no"], b["nama"], *(["\n".join(b["indikator"])] if names else []), *_money(b),
         b["persen_total"]]
        for b in t["baris"]
    ]  # fmt: skip
    tot = t["total"]
    totals = [[tot["label"], "", *([""] if names else []), *_money(tot), None]]
    table = Table(t["judul"], columns, rows, totals)
    return trimmed(table, t["kolom"], {"indikator": tuple(extra)})


def _program_table(model: Mapping[str, Any], a: Mapping[str, Any]) -> Table:
    kode, ket = a["kolom"]["kode"], a["kolom"]["keterangan"]
    k, g = "Kinerja", "Anggaran"
    columns = cols(
        "No", *(["Kode"] if kode else []), PROGRAM_KEGIATAN, ("Indikator", "teks", k),
        ("Target", N, k), ("Realisasi", N, k), ("Capaian (%)", P, k), ("Pagu (Rp)", R, g),
        ("Realisasi (Rp)", R, g), ("Serapan (%)", P, g), "Sumber Dana",
        *(["Keterangan"] if ket else []),
    )  # fmt: skip
    rows = [
        [b["no"], *([b["kode"]] if kode else []), b["nama"], b["indikator"],
         Cell(b["target"], b["satuan"]), Cell(b["realisasi"], b["satuan"]), b["capaian"],
         b["pagu"], b["realisasi_anggaran"], b["serapan"], b["sumber_dana"],
         *([b["keterangan"]] if ket else [])]
        for b in a["baris"]
    ]  # fmt: skip
    total = model["anggaran"]["total"]
    lead = ["JUMLAH"] + [""] * (6 if kode else 5)
    money = [total["pagu"], total["realisasi"], total["serapan"], ""]
    table = Table(a["judul"], columns, rows, [[*lead, *money, *([""] if ket else [])]])
    headers = {
        "kinerja": ("Indikator", "Target", "Realisasi", "Capaian (%)"),
        "sumber_dana": ("Sumber Dana",),
    }
    return trimmed(table, a["kolom"], headers)
