"""Tables of Bab III and IV (capaian, analyses, budget), shaped for the templates."""

from __future__ import annotations

from collections.abc import Iterable

from lkjip_gen.compute.anggaran_types import (
    BarisAnggaran,
    Belanja,
    IndikatorAnggaran,
    Jumlah,
    JumlahEfisiensi,
)
from lkjip_gen.compute.data_types import Pita
from lkjip_gen.compute.types import (
    Indikator,
    JumlahKategori,
    Model,
    Ringkasan,
    Sasaran,
    Tujuan,
)
from lkjip_gen.data.settings import Rumus
from lkjip_gen.formatting import angka, nilai
from lkjip_gen.render import layout, narrative
from lkjip_gen.render.context_types import BagianSasaran
from lkjip_gen.render.result_types import (
    BarisAnggaranCetak,
    BarisBelanja,
    BarisEfisiensi,
    BarisKategori,
    BarisNasional,
    BarisPembilang,
    BarisPengukuran,
    BarisRenstraAkhir,
    BarisRiwayat,
    BarisSkala,
    BarisUang,
    NarasiEfisiensi,
    TabelAnggaran,
    TabelBelanja,
    TabelEfisiensi,
    TabelHasil,
    TabelKategori,
    TabelNasional,
    TabelPembilang,
    TabelPengukuran,
    TabelRenstraAkhir,
    TabelRiwayat,
    TabelSkala,
    TabelUang,
)

RUMUS_JUDUL: dict[Rumus, str] = {
    "positif": "Indikator positif (makin tinggi makin baik)",
    "selisih": "Indikator negatif (makin rendah makin baik)",
    "rasio": "Indikator negatif (makin rendah makin baik)",
    "predikat": "Indikator kualitatif (predikat)",
    "rentang": "Indikator dengan target berupa rentang",
}
# Years of the comparison table: the report year and at most this many before it.
TAHUN_PEMBANDING = 3


def tables(model: Model, budget: list[BarisAnggaranCetak]) -> TabelHasil:
    """The tables of Bab III and IV; absent ones are None."""
    p = model["pengaturan"]
    anggaran = model["anggaran"]
    scale = _scale(p["skala"])
    ratios = _ratios(model["indikator"])
    measurement = _measurement(model)
    final = _renstra_akhir(model["indikator"])
    national = _nasional(model["indikator"])
    belanja = _belanja(anggaran["per_jenis_belanja"])
    categories = _categories(model["ringkasan"]["per_kategori"], p["skala"])
    return {
        "rumus": [{"judul": RUMUS_JUDUL[r["jenis"]], "teks": r["teks"]} for r in p["rumus"]],
        "skala": TabelSkala(baris=scale) if scale else None,
        "pembilang": TabelPembilang(baris=ratios) if ratios else None,
        "pengukuran": TabelPengukuran(
            baris=measurement,
            catatan=[
                f"{i['nama']}: {i['alasan']}"
                for i in model["indikator"]
                if i["status"] == "tidak_dapat_dihitung"
            ],
        )
        if measurement
        else None,
        "riwayat": _history(model),
        "renstra_akhir": TabelRenstraAkhir(baris=final) if final else None,
        "nasional": TabelNasional(baris=national) if national else None,
        "efisiensi": _efficiency(
            model["sasaran"], anggaran["per_sasaran_jumlah"], model["ringkasan"]
        ),
        "anggaran": _budget_table(budget),
        # Each sasaran beside its indicator names (seed 001 Tabel 3.6); the support programs
        # serve no sasaran, so their row names none.
        "anggaran_sasaran": _money_table(
            [(s["uraian"], s, s["indikator"]) for s in anggaran["per_sasaran"]]
            + [
                (
                    "Program tanpa sasaran langsung (penunjang)",
                    anggaran["tanpa_sasaran"],
                    [],
                )
            ],
            anggaran["total"],
        ),
        "sumber_dana": _money_table(
            [(g["sumber_dana"], g, []) for g in anggaran["per_sumber_dana"]], anggaran["total"]
        ),
        "belanja": TabelBelanja(
            baris=belanja, total={**anggaran["per_jenis_belanja_jumlah"], "label": "JUMLAH"}
        )
        if belanja
        else None,
        "kategori": TabelKategori(baris=categories) if categories else None,
    }


def _ratios(indicators: list[Indikator]) -> list[BarisPembilang]:
    return [
        {
            **layout.indicator(i),
            "no": str(n),
            "pembilang": i["pembilang"],
            "penyebut": i["penyebut"],
            "label_pembilang": i["label_pembilang"],
            "label_penyebut": i["label_penyebut"],
        }
        for n, i in enumerate(
            (i for i in indicators if i["pembilang"] is not None and i["penyebut"] is not None),
            start=1,
        )
    ]


def _renstra_akhir(indicators: list[Indikator]) -> list[BarisRenstraAkhir]:
    return [
        {
            **layout.indicator(i),
            "no": str(n),
            "awal": i["renstra"]["kondisi_awal"],
            "akhir": i["renstra"]["target_akhir"],
            "capaian": i["renstra"]["capaian_akhir"],
        }
        for n, i in enumerate(
            (i for i in indicators if i["renstra"]["target_akhir"] is not None), start=1
        )
    ]


def _nasional(indicators: list[Indikator]) -> list[BarisNasional]:
    rows: list[BarisNasional] = []
    for i in indicators:
        if i["nasional"]:
            rows.append({**layout.indicator(i), "no": str(len(rows) + 1), **i["nasional"]})
    return rows


def _budget_table(budget: list[BarisAnggaranCetak]) -> TabelAnggaran | None:
    """The budget table; its Kode and Keterangan columns only when the data fills them.

    Seed 000 has no codes; seed 002 explains its low serapan beside the rows.
    """
    if not budget:
        return None
    with_kode = any(r["kode"] for r in budget)
    with_keterangan = any(r["keterangan"] for r in budget)
    return {
        "baris": budget,
        "kode": with_kode,
        "keterangan": with_keterangan,
        "nomor": layout.numbers(10 + with_kode + with_keterangan),
        "lebar_jumlah": 7 if with_kode else 6,
    }


def _scale(bands: list[Pita]) -> list[BarisSkala]:
    """Each band with the range the model writes for it ("76 ≤ x < 91") and its colour."""
    return [
        {
            "no": str(n),
            "rentang": band["rentang"],
            "label": band["label"],
            "warna": layout.fill(band["warna"]),
        }
        for n, band in enumerate(bands, start=1)
    ]


def _measurement(model: Model) -> list[BarisPengukuran]:
    """Target against realisasi: tujuan indicators, then sasaran indicators.

    Within each group a "Misi N: …" row opens the rows of the tujuan and sasaran serving that
    misi, as seed 002 Tabel 3.2.1 prints them; there is none when the data names no misi.
    """
    rows: list[BarisPengukuran] = []
    groups: list[tuple[str, list[Tujuan] | list[Sasaran]]] = [
        ("TUJUAN", model["tujuan"]),
        ("SASARAN STRATEGIS", model["sasaran"]),
    ]
    with_tujuan = any(t["indikator"] for t in model["tujuan"])
    misi = {m["id"]: f"Misi {m['nomor']}: {m['uraian']}" for m in model["misi"]}
    for title, parents in groups:
        if not any(x["indikator"] for x in parents):
            continue
        if with_tujuan:
            rows.append(_heading(judul=title))
        block: list[BarisPengukuran] = []
        owners: list[Tujuan | Sasaran] = []
        for parent in parents:
            for ind in parent["indikator"]:
                block.append(
                    {
                        **layout.indicator(ind),
                        "judul": None,
                        "misi": None,
                        "no": parent["nomor"],
                        "induk": parent["uraian"],
                        "vm": None,
                    }
                )
                owners.append(parent)
        layout.apply_merge(block, [o["id"] for o in owners], "vm", ["no", "induk"])
        # A misi changes only where the parent changes, so no merged cell spans a misi row.
        shown = None
        for row, owner in zip(block, owners, strict=True):
            if owner["misi"] in misi and owner["misi"] != shown:
                shown = owner["misi"]
                rows.append(_heading(misi=misi[shown]))
            rows.append(row)
    return rows


def _heading(*, judul: str | None = None, misi: str | None = None) -> BarisPengukuran:
    """A group title row or a misi row: only ``judul`` or ``misi`` is printed."""
    return {
        "nama": "",
        "satuan": "",
        "target": None,
        "realisasi": None,
        "capaian": None,
        "kategori": None,
        "warna": "auto",
        "no": "",
        "judul": judul,
        "misi": misi,
        "induk": "",
        "vm": None,
    }


def _history(model: Model) -> TabelRiwayat | None:
    """Realisasi and capaian of earlier years beside this year's (analysis 2)."""
    p = model["pengaturan"]
    year = model["laporan"]["tahun"]
    items = model["indikator"]
    earlier = sorted({r["tahun"] for i in items for r in i["riwayat"] if r["tahun"] < year})
    if not earlier:
        return None
    years = earlier[-TAHUN_PEMBANDING:] + [year]
    rows: list[BarisRiwayat] = []
    for n, i in enumerate(items, start=1):
        by_year = {r["tahun"]: (r["realisasi"], r["capaian"]) for r in i["riwayat"]}
        by_year[year] = (i["realisasi"], i["capaian"])
        cells: list[str] = []
        for y in years:
            realisasi, capaian = by_year.get(y, (None, None))
            cells += [
                nilai(realisasi)
                if not isinstance(realisasi, dict)
                else f"{angka(realisasi['min'])}–{angka(realisasi['maks'])}",
                angka(capaian, p["desimal"]),
            ]
        change = i["perubahan"]
        rows.append(
            {
                "no": str(n),
                "nama": f"{i['nama']} ({i['satuan']})",
                "sel": cells,
                "perubahan": change["capaian"] if change else None,
            }
        )
    return {
        "tahun": [str(y) for y in years],
        "sub": ["Realisasi", "Capaian (%)"] * len(years),
        "nomor": layout.numbers(2 * len(years) + 3),
        "baris": rows,
    }


BudgetBlock = tuple[list[str], list[BarisAnggaranCetak]]
"""A budget row's sasaran and its printed rows."""


def section(s: Sasaran, budget: list[BudgetBlock]) -> BagianSasaran:
    """One sasaran's section of Bab III A: its indicators, narratives and supporting programs."""
    analisis = s["analisis"]
    return {
        "nomor": s["nomor"],
        "uraian": s["uraian"],
        "jumlah_indikator": len(s["indikator"]),
        "rata_rata": s["rata_rata"],
        "kategori": s["kategori"],
        "baris": [
            {**layout.indicator(i), "no": str(n)} for n, i in enumerate(s["indikator"], start=1)
        ],
        "narasi": {
            "penyebab": narrative.render(analisis["penyebab"]),
            "solusi": narrative.render(analisis["solusi"]),
            "program_pendukung": narrative.render(analisis["program_pendukung"]),
            "efisiensi": narrative.render(analisis["efisiensi"]),
            "lainnya": narrative.render(analisis["lainnya"]),
        },
        "program": [r for sasaran, block in budget if s["id"] in sasaran for r in block],
    }


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
            }
            for ind in indicators
        ]
        layout.apply_merge(block, [True] * len(block), "vm", _BUDGET_ROW_CELLS)
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
    sasaran: list[Sasaran], jumlah: JumlahEfisiensi, ringkasan: Ringkasan
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
            }
            for i in s["indikator"]
        ]
        layout.apply_merge(block, [True] * len(block), "vm_sasaran", _SASARAN_CELLS)
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


def _money_table(groups: list[tuple[str, Jumlah, list[str]]], total: Jumlah) -> TabelUang | None:
    """Groups of budget rows with their amounts; groups without pagu are left out."""
    rows: list[BarisUang] = [
        {**_amounts(fields), "no": str(n), "nama": name, "indikator": indikator}
        for n, (name, fields, indikator) in enumerate(
            (g for g in groups if g[1]["pagu"] is not None), start=1
        )
    ]
    if not rows:
        return None
    return {"baris": rows, "total": {**_amounts(total), "label": "JUMLAH"}}


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


def _categories(counts: list[JumlahKategori], bands: list[Pita]) -> list[BarisKategori]:
    colours = {b["label"]: layout.fill(b["warna"]) for b in bands}
    return [
        {
            "no": str(n),
            "label": c["label"],
            "jumlah": c["jumlah"],
            "warna": colours.get(c["label"], "auto"),
        }
        for n, c in enumerate(counts, start=1)
    ]
