"""Tables of Bab III B (budget) and the efficiency analysis, shaped for the templates."""

from __future__ import annotations

from collections.abc import Iterable

from lkjip_gen.compute.anggaran import TIDAK_DISEBUT
from lkjip_gen.compute.anggaran_types import (
    BarisAnggaran,
    Belanja,
    IndikatorAnggaran,
    Jumlah,
    JumlahEfisiensi,
)
from lkjip_gen.compute.types import Model, Ringkasan, Sasaran
from lkjip_gen.render import layout, narrative
from lkjip_gen.render.budget_types import (
    BarisAnggaranCetak,
    BarisBelanja,
    BarisEfisiensi,
    BarisUang,
    NarasiEfisiensi,
    TabelAnggaran,
    TabelEfisiensi,
    TabelKeuangan,
    TabelUang,
)
from lkjip_gen.render.column_types import KolomAnggaran, KolomUang
from lkjip_gen.render.outline import Shape


def tables(model: Model, budget: list[BarisAnggaranCetak], shape: Shape) -> TabelKeuangan:
    """The budget tables, absent ones None; ``budget`` holds the rows of :func:`budget_blocks`."""
    anggaran = model["anggaran"]
    belanja = _belanja(anggaran["per_jenis_belanja"])
    return {
        "efisiensi": _efficiency(
            model["sasaran"], anggaran["per_sasaran_jumlah"], model["ringkasan"], shape
        ),
        "anggaran": _budget_table(budget, shape),
        # Each sasaran beside its indicator names (seed 001 Tabel 3.6); the support programs
        # serve no sasaran, so their row names none.
        "anggaran_sasaran": _money_table(
            "tabel.anggaran_sasaran",
            [(s["uraian"], s, s["indikator"]) for s in anggaran["per_sasaran"]]
            + [("Program tanpa sasaran langsung (penunjang)", anggaran["tanpa_sasaran"], [])],
            anggaran["total"],
            shape,
        ),
        # A table saying only "Tidak disebut" says nothing (the validator notes it).
        "sumber_dana": _money_table(
            "tabel.sumber_dana",
            [(g["sumber_dana"], g, []) for g in anggaran["per_sumber_dana"]],
            anggaran["total"],
            shape,
        )
        if any(g["sumber_dana"] != TIDAK_DISEBUT for g in anggaran["per_sumber_dana"])
        else None,
        "belanja": {
            "judul": shape.caption("tabel.belanja"),
            "baris": belanja,
            "total": {**_amounts(anggaran["per_jenis_belanja_jumlah"]), "label": "JUMLAH"},
        }
        if belanja
        else None,
    }


BudgetBlock = tuple[list[str], list[BarisAnggaranCetak]]
"""A budget row's sasaran and its printed rows."""


def budget_blocks(rows: list[BarisAnggaran]) -> list[BudgetBlock]:
    """Program → kegiatan → sub kegiatan rows, one per indicator, the row's own cells merged."""
    out: list[BudgetBlock] = []
    for row in rows:
        indicators: list[IndikatorAnggaran | None] = [*row["indikator"]] or [None]
        block: list[BarisAnggaranCetak] = [
            {
                "level": row["level"],
                "no": row["nomor"],
                "kode": row["kode"] or "",
                "nama": row["nama"],
                "pagu": row["pagu"],
                "realisasi_anggaran": row["realisasi"],
                "serapan": row["serapan"],
                "sumber_dana": layout.funds(row["sumber_dana"]),
                "keterangan": row["keterangan"] or "",
                "indikator": ind["nama"] if ind else "",
                "satuan": ind["satuan"] if ind else None,
                "target": ind["target"] if ind else "",
                "realisasi": ind["realisasi"] if ind else "",
                "capaian": ind["capaian"] if ind else "",
                "vm": None,
                "terus": False,
            }
            for ind in indicators
        ]
        layout.apply_merge(block, [True] * len(block), "vm", _BUDGET_ROW_CELLS)
        # A row's indicators stay together; a program or kegiatan stays with its first child.
        layout.chain(block, [True] * len(block))
        block[-1]["terus"] = not row["daun"]
        out.append((row["sasaran"], block))
    return out


# The cells of a budget row that run down beside its indicators.
_BUDGET_ROW_CELLS = (
    "no",
    "kode",
    "nama",
    "pagu",
    "realisasi_anggaran",
    "serapan",
    "sumber_dana",
    "keterangan",
)
# The cells of a sasaran that run down beside its indicators in the efficiency table.
_SASARAN_CELLS = (
    "no",
    "sasaran",
    "rata_rata",
    "pagu",
    "realisasi_anggaran",
    "serapan",
    "efisiensi",
    "verdict",
)


def _efficiency(
    sasaran: list[Sasaran], jumlah: JumlahEfisiensi, ringkasan: Ringkasan, shape: Shape
) -> TabelEfisiensi | None:
    """Capaian against serapan per sasaran (analysis 6); sasaran without budget are left out.

    The JUMLAH row counts each budget row once however many sasaran it serves, and its
    efficiency comes from the overall average capaian, both as the model gives them.
    """
    rows: list[BarisEfisiensi] = []
    for s in sasaran:
        money = s["anggaran"]
        if money["pagu"] is None:
            continue
        block: list[BarisEfisiensi] = [
            {
                **layout.indicator(i),
                "no": s["nomor"],
                "sasaran": s["uraian"],
                "rata_rata": s["rata_rata"],
                "pagu": money["pagu"],
                "realisasi_anggaran": money["realisasi"],
                "serapan": money["serapan"],
                "efisiensi": s["efisiensi"],
                "verdict": _verdict(s["efisien"]),
                "vm_sasaran": None,
                "terus": False,
            }
            for i in s["indikator"]
        ]
        layout.apply_merge(block, [True] * len(block), "vm_sasaran", _SASARAN_CELLS)
        layout.chain(block, [True] * len(block))
        rows += block
    if not rows:
        return None
    notes: list[NarasiEfisiensi] = [
        {
            "nomor": s["nomor"],
            "uraian": s["uraian"],
            "teks": narrative.render(s["analisis"]["efisiensi"]),
        }
        for s in sasaran
    ]
    return {
        "judul": shape.caption("tabel.efisiensi"),
        "baris": rows,
        "narasi": [n for n in notes if n["teks"]],
        "total": {
            "rata_rata": ringkasan["rata_rata"],
            "pagu": jumlah["pagu"],
            "realisasi": jumlah["realisasi"],
            "serapan": jumlah["serapan"],
            "efisiensi": jumlah["efisiensi"],
            "verdict": _verdict(jumlah["efisien"]),
        },
    }


def _verdict(efisien: bool | None) -> str | None:
    if efisien is None:
        return None
    return "Efisien" if efisien else "Tidak efisien"


def _money_table(
    key: str, groups: list[tuple[str, Jumlah, list[str]]], total: Jumlah, shape: Shape
) -> TabelUang | None:
    """Groups of budget rows with their amounts; groups without pagu are left out."""
    rows: list[BarisUang] = [
        {**_amounts(fields), "no": str(n), "nama": name, "indikator": indikator}
        for n, (name, fields, indikator) in enumerate(
            (g for g in groups if g[1]["pagu"] is not None), start=1
        )
    ]
    if not rows:
        return None
    return {
        "judul": shape.caption(key),
        "kolom": shape.columns(
            key, rows, {"indikator": lambda r: r["indikator"] or None}, KolomUang
        ),
        "baris": rows,
        "total": {**_amounts(total), "label": "JUMLAH"},
    }


def _amounts(fields: Jumlah) -> Jumlah:
    """Only the amounts of a group that carries more (a sasaran's id, its efficiency …)."""
    return {
        "pagu": fields["pagu"],
        "realisasi": fields["realisasi"],
        "sisa": fields["sisa"],
        "serapan_tepat": fields["serapan_tepat"],
        "serapan": fields["serapan"],
        "persen_total": fields["persen_total"],
        "persen_total_tepat": fields["persen_total_tepat"],
    }


def _belanja(entries: Iterable[Belanja]) -> list[BarisBelanja]:
    rows: list[BarisBelanja] = []
    for n, entry in enumerate(entries, start=1):
        rows.append({**_amounts(entry), "no": str(n), "nama": entry["nama"], "induk": True})
        rows += [
            {**_amounts(r), "nama": r["uraian"], "no": f"{n}.{m}", "induk": False}
            for m, r in enumerate(entry["rincian"], start=1)
        ]
    return rows


def _budget_table(budget: list[BarisAnggaranCetak], shape: Shape) -> TabelAnggaran | None:
    """The budget table; its optional columns only when the data fills them.

    Seed 000 has no codes; seed 002 explains its low serapan beside the rows.
    """
    if not budget:
        return None
    kolom = shape.columns(
        "tabel.anggaran",
        budget,
        {
            "kode": lambda r: r["kode"],
            "kinerja": lambda r: r["indikator"],
            "sumber_dana": lambda r: r["sumber_dana"],
            "keterangan": lambda r: r["keterangan"],
        },
        KolomAnggaran,
    )
    # No, name and the three amounts, then the optional columns (kinerja is four).
    count = 5 + kolom["kode"] + 4 * kolom["kinerja"] + kolom["sumber_dana"] + kolom["keterangan"]
    return {
        "judul": shape.caption("tabel.anggaran"),
        "baris": budget,
        "kolom": kolom,
        "nomor": layout.numbers(count),
        "lebar_jumlah": 2 + kolom["kode"] + 4 * kolom["kinerja"],
    }
