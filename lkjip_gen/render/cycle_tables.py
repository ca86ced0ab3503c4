"""The plan documents' tables (Rencana Aksi, its realisasi, RKT) in print order, and which of
them a document prints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lkjip_gen.compute.rencana_types import BarisAksi, RencanaAksi, Rkt, TriwulanAksi
from lkjip_gen.compute.types import Model
from lkjip_gen.data.periode import ROMAWI
from lkjip_gen.formatting import angka, nilai
from lkjip_gen.render.cycle_types import (
    BarisAksiCetak,
    BarisRktCetak,
    Cetak,
    TabelAksi,
    TabelRktCetak,
    TabelSiklus,
)

TANPA_SASARAN = "Program penunjang (tidak mendukung sasaran tertentu)"
# The documents of this module, by the Cetak flag that prints them.
DOKUMEN = {
    "rencana-aksi": "rencana_aksi",
    "realisasi-rencana-aksi": "realisasi_rencana_aksi",
    "rkt": "rkt",
}


def tables(model: Model) -> TabelSiklus:
    """The plan tables of the model; absent ones are None (or empty)."""
    desimal = model["pengaturan"]["desimal"]
    laporan = model["laporan"]
    own, rkt = model["rencana_aksi"], model["rkt"]
    # This year's plan is signed with the PK; next year's is annexed on the report's date.
    plans = [
        (own, laporan["tanggal_pk"]),
        (rkt["rencana_aksi"] if rkt else None, laporan["tanggal"]),
    ]
    return {
        "rencana_aksi": [_aksi(p, desimal, signed) for p, signed in plans if p is not None],
        "realisasi_aksi": _aksi(own, desimal, laporan["tanggal"]) if own else None,
        "rkt": _rkt(rkt) if rkt else None,
    }


def missing(model: Model, document: str) -> str | None:
    """Why ``document`` cannot be built from ``model`` (its data is absent), or None."""
    own, rkt = model["rencana_aksi"], model["rkt"]
    if document == "rencana-aksi" and own is None and not (rkt and rkt["rencana_aksi"]):
        return (
            "data Rencana Aksi belum ada — isi rencana_aksi (aksi, jadwal, penanggung_jawab) atau "
            "target_triwulan pada kinerja:, pada indikator program/kegiatan/sub kegiatan, atau "
            "pada rkt:"
        )
    if document == "realisasi-rencana-aksi" and own is None:
        return (
            f"data Rencana Aksi tahun {model['laporan']['tahun']} belum ada — isi rencana_aksi "
            "atau target_triwulan pada kinerja: atau pada indikator program/kegiatan/sub kegiatan"
        )
    if document == "rkt" and rkt is None:
        return "data Rencana Kerja Tahunan belum ada — isi rkt: (target dan program tahun depan)"
    return None


def cetak(model: Model, document: str) -> Cetak:
    """Which plan documents ``document`` prints: itself, or the LKjIP's annexes the office asked
    for in ``pengaturan.lampiran`` whose data exists."""
    asked = set(model["pengaturan"]["lampiran"]) if document == "lkjip" else {document}
    flags = {flag: name in asked and missing(model, name) is None for name, flag in DOKUMEN.items()}
    return {
        "rencana_aksi": flags["rencana_aksi"],
        "realisasi_rencana_aksi": flags["realisasi_rencana_aksi"],
        "rkt": flags["rkt"],
    }


def _aksi(plan: RencanaAksi, desimal: int, tanggal: str) -> TabelAksi:
    n = plan["sampai_triwulan"]
    rows = [_aksi_row(b, desimal) for b in plan["baris"]]
    _merge(rows, [b["sasaran"] for b in plan["baris"]])
    return {
        "tahun": plan["tahun"],
        "sampai": f"Triwulan {ROMAWI[n - 1]}" if n else "",
        "tanggal": tanggal,
        "baris": rows,
    }


def _aksi_row(b: BarisAksi, desimal: int) -> BarisAksiCetak:
    return {
        "no": b["sasaran_nomor"] or "",
        "vm": None,
        "sasaran": b["sasaran_uraian"] or TANPA_SASARAN,
        "indikator": b["indikator"],
        "satuan": b["satuan"],
        "target": b["target"],
        "aksi": [f"- {a}" for a in b["aksi"]] if len(b["aksi"]) > 1 else b["aksi"],
        "tw": [_planned(q) for q in b["triwulan"]],
        "sel": [cell for q in b["triwulan"] for cell in _done(q, desimal)],
        "realisasi": b["realisasi"],
        "capaian": b["capaian"],
        "kategori": b["kategori"],
        "kendala": b["kendala"] or "",
        "tindak_lanjut": b["tindak_lanjut"] or "",
        "kegiatan": b["kegiatan"] or "",
        "penanggung_jawab": b["penanggung_jawab"] or "",
    }


def _planned(q: TriwulanAksi) -> str:
    """A quarter of the plan: its target, or the mark of a scheduled action."""
    if q["target"] is not None:
        return nilai(q["target"])
    return "v" if q["jadwal"] else ""


def _done(q: TriwulanAksi, desimal: int) -> list[str]:
    target = nilai(q["target"]) if q["target"] is not None else ("v" if q["jadwal"] else "")
    realisasi = nilai(q["realisasi"]) if q["realisasi"] is not None else ""
    return [target, realisasi, angka(q["capaian"], desimal) if q["capaian"] is not None else ""]


def _rkt(rkt: Rkt) -> TabelRktCetak:
    rows: list[BarisRktCetak] = [
        {
            "no": b["sasaran_nomor"] or "",
            "vm": None,
            "sasaran": b["sasaran_uraian"] or TANPA_SASARAN,
            "indikator": b["indikator"] or "",
            "satuan": b["satuan"],
            "target": b["target"] if b["indikator"] else "",
            "program": b["program"] or "",
            "kegiatan": b["kegiatan"] or "",
            "sub_kegiatan": b["sub_kegiatan"] or "",
            "anggaran": b["anggaran"] if b["anggaran"] is not None else "",
        }
        for b in rkt["baris"]
    ]
    _merge(rows, [b["sasaran"] for b in rkt["baris"]])
    return {"tahun": rkt["tahun"], "baris": rows, "jumlah": rkt["jumlah"]}


def _merge(rows: Sequence[Any], groups: list[str | None]) -> None:
    """Rows of one sasaran share its number and name cells (merged vertically)."""
    for k, row in enumerate(rows):
        first = k == 0 or groups[k - 1] != groups[k]
        last = k == len(rows) - 1 or groups[k + 1] != groups[k]
        if first and last:
            continue
        row["vm"] = "restart" if first else "continue"
        if not first:
            row["no"] = ""
