"""Tables of Bab III and IV (capaian, analyses, budget), shaped for the templates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lkjip_gen.formatting import angka, nilai
from lkjip_gen.render import layout, narrative
from lkjip_gen.render.layout import Row

RUMUS_JUDUL = {
    "positif": "Indikator positif (makin tinggi makin baik)",
    "selisih": "Indikator negatif (makin rendah makin baik)",
    "rasio": "Indikator negatif (makin rendah makin baik)",
    "predikat": "Indikator kualitatif (predikat)",
    "rentang": "Indikator dengan target berupa rentang",
}
# Years of the comparison table: the report year and at most this many before it.
TAHUN_PEMBANDING = 3


def tables(model: Mapping[str, Any], budget: list[Row]) -> dict[str, Any]:
    """The tables of Bab III and IV; absent ones are None."""
    p = model["pengaturan"]
    anggaran = model["anggaran"]
    indicators = model["indikator"]
    with_kode = any(r["kode"] for r in budget)
    with_keterangan = any(r["keterangan"] for r in budget)
    return {
        "rumus": [{"judul": RUMUS_JUDUL[r["jenis"]], "teks": r["teks"]} for r in p["rumus"]],
        "skala": layout.table(_scale(p["skala"])),
        "pembilang": layout.table(
            [
                {
                    **layout.indicator(i),
                    "no": str(n),
                    "pembilang": i["pembilang"],
                    "penyebut": i["penyebut"],
                    "label_pembilang": i["label_pembilang"],
                    "label_penyebut": i["label_penyebut"],
                }
                for n, i in enumerate(_ratio_indicators(model), start=1)
            ]
        ),
        "pengukuran": layout.table(
            _measurement(model),
            catatan=[
                f"{i['nama']}: {i['alasan']}"
                for i in indicators
                if i["status"] == "tidak_dapat_dihitung"
            ],
        ),
        "riwayat": _history(model),
        "renstra_akhir": layout.table(
            [
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
        ),
        "nasional": layout.table(
            [
                {**layout.indicator(i), "no": str(n), **i["nasional"]}
                for n, i in enumerate((i for i in indicators if i["nasional"]), start=1)
            ]
        ),
        "efisiensi": _efficiency(
            model["sasaran"], anggaran["per_sasaran_jumlah"], model["ringkasan"]
        ),
        # The Kode and Keterangan columns are printed only when the data fills them (seed 000
        # has no codes; seed 002 explains its low serapan beside the rows).
        "anggaran": layout.table(
            budget,
            kode=with_kode,
            keterangan=with_keterangan,
            nomor=layout.numbers(10 + with_kode + with_keterangan),
            lebar_jumlah=7 if with_kode else 6,
        ),
        # Each sasaran beside its indicator names (seed 001 Tabel 3.6); the support programs
        # serve no sasaran, so their row names none.
        "anggaran_sasaran": _money_table(
            [(s["uraian"], s) for s in anggaran["per_sasaran"]]
            + [
                (
                    "Program tanpa sasaran langsung (penunjang)",
                    {**anggaran["tanpa_sasaran"], "indikator": []},
                )
            ],
            anggaran["total"],
        ),
        "sumber_dana": _money_table(
            [(g["sumber_dana"], g) for g in anggaran["per_sumber_dana"]], anggaran["total"]
        ),
        "belanja": layout.table(
            _belanja(anggaran["per_jenis_belanja"]),
            total={**anggaran["per_jenis_belanja_jumlah"], "label": "JUMLAH"},
        ),
        "kategori": layout.table(_categories(model["ringkasan"]["per_kategori"], p["skala"])),
    }


def _scale(bands: list[Mapping[str, Any]]) -> list[Row]:
    """Each band with the range the model writes for it ("76 ≤ x < 91") and its colour."""
    return [
        {
            "no": str(n),
            "rentang": band["rentang"],
            "label": band["label"],
            "warna": layout.fill(band.get("warna")),
        }
        for n, band in enumerate(bands, start=1)
    ]


def _ratio_indicators(model: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [
        i for i in model["indikator"] if i["pembilang"] is not None and i["penyebut"] is not None
    ]


def _measurement(model: Mapping[str, Any]) -> list[Row]:
    """Target against realisasi: tujuan indicators, then sasaran indicators.

    Within each group a "Misi N: …" row opens the rows of the tujuan and sasaran serving that
    misi, as seed 002 Tabel 3.2.1 prints them; there is none when the data names no misi.
    """
    rows: list[Row] = []
    groups = [("TUJUAN", model["tujuan"]), ("SASARAN STRATEGIS", model["sasaran"])]
    with_tujuan = any(t["indikator"] for t in model["tujuan"])
    misi = {m["id"]: f"Misi {m['nomor']}: {m['uraian']}" for m in model["misi"]}
    for title, parents in groups:
        if not any(x["indikator"] for x in parents):
            continue
        if with_tujuan:
            rows.append({"judul": title})
        block: list[Row] = []
        for parent in parents:
            for ind in parent["indikator"]:
                block.append(
                    {
                        **layout.indicator(ind),
                        "judul": None,
                        "misi": None,
                        "no": parent["nomor"],
                        "induk": parent["uraian"],
                        "_g": parent["id"],
                        "_misi": parent.get("misi"),
                    }
                )
        layout.apply_merge(block, lambda r: r["_g"], "vm", ["no", "induk"])
        # A misi changes only where the parent changes, so no merged cell spans a misi row.
        shown = None
        for row in block:
            if row["_misi"] in misi and row["_misi"] != shown:
                shown = row["_misi"]
                rows.append({"judul": None, "misi": misi[shown]})
            rows.append(row)
    return rows


def _history(model: Mapping[str, Any]) -> dict[str, Any] | None:
    """Realisasi and capaian of earlier years beside this year's (analysis 2)."""
    p = model["pengaturan"]
    year = model["laporan"]["tahun"]
    items = model["indikator"]
    earlier = sorted({r["tahun"] for i in items for r in i["riwayat"] if r["tahun"] < year})
    if not earlier:
        return None
    years = earlier[-TAHUN_PEMBANDING:] + [year]
    rows = []
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


def section(s: Mapping[str, Any], budget: list[Row]) -> dict[str, Any]:
    """One sasaran's section of Bab III A: its indicators, narratives and supporting programs."""
    analisis = s.get("analisis") or {}
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
            key: narrative.render(analisis.get(key))
            for key in ("penyebab", "solusi", "program_pendukung", "efisiensi", "lainnya")
        },
        "program": [r for r in budget if s["id"] in r["_sasaran"]],
    }


def budget_rows(rows: list[Mapping[str, Any]]) -> list[Row]:
    """Program → kegiatan → sub kegiatan rows, one per indicator, the row's own cells merged."""
    out: list[Row] = []
    for row in rows:
        indicators = row["indikator"] or [None]
        block = []
        for ind in indicators:
            block.append(
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
                    "_sasaran": row["sasaran"],
                }
            )
        layout.apply_merge(
            block,
            lambda r: True,
            "vm",
            [
                "no",
                "kode",
                "nama",
                "pagu",
                "realisasi_anggaran",
                "serapan",
                "sumber_dana",
                "keterangan",
            ],
        )
        out += block
    return out


def _efficiency(
    sasaran: list[Mapping[str, Any]], jumlah: Mapping[str, Any], ringkasan: Mapping[str, Any]
) -> dict[str, Any] | None:
    """Capaian against serapan per sasaran (analysis 6); sasaran without budget are left out.

    The JUMLAH row counts each budget row once however many sasaran it serves, and its
    efficiency comes from the overall average capaian, both as the model gives them.
    """
    rows: list[Row] = []
    for s in sasaran:
        money = s["anggaran"]
        if money["pagu"] is None:
            continue
        block = [
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
            }
            for i in s["indikator"]
        ]
        layout.apply_merge(
            block,
            lambda r: True,
            "vm_sasaran",
            [
                "no",
                "sasaran",
                "rata_rata",
                "pagu",
                "realisasi_anggaran",
                "serapan",
                "efisiensi",
                "verdict",
            ],
        )
        rows += block
    notes = [
        {
            "nomor": s["nomor"],
            "uraian": s["uraian"],
            "teks": narrative.render((s.get("analisis") or {}).get("efisiensi")),
        }
        for s in sasaran
    ]
    return layout.table(
        rows,
        narasi=[n for n in notes if n["teks"]],
        total={
            "rata_rata": ringkasan["rata_rata"],
            "pagu": jumlah["pagu"],
            "realisasi": jumlah["realisasi"],
            "serapan": jumlah["serapan"],
            "efisiensi": jumlah["efisiensi"],
            "verdict": _verdict(jumlah["efisien"]),
        },
    )


def _verdict(efisien: bool | None) -> str | None:
    if efisien is None:
        return None
    return "Efisien" if efisien else "Tidak efisien"


def _money_table(
    groups: list[tuple[str, Mapping[str, Any]]], total: Mapping[str, Any]
) -> dict[str, Any] | None:
    rows = [
        {"no": str(n), "nama": name, **fields}
        for n, (name, fields) in enumerate(
            ((name, f) for name, f in groups if f["pagu"] is not None), start=1
        )
    ]
    return layout.table(rows, total={**total, "label": "JUMLAH"})


def _belanja(entries: list[Mapping[str, Any]]) -> list[Row]:
    rows: list[Row] = []
    for n, entry in enumerate(entries, start=1):
        rows.append({**entry, "no": str(n), "induk": True})
        rows += [
            {**r, "nama": r["uraian"], "no": f"{n}.{m}", "induk": False}
            for m, r in enumerate(entry["rincian"], start=1)
        ]
    return rows


def _categories(counts: list[Mapping[str, Any]], bands: list[Mapping[str, Any]]) -> list[Row]:
    colours = {b["label"]: layout.fill(b.get("warna")) for b in bands}
    return [
        {
            "no": str(n),
            "label": c["label"],
            "jumlah": c["jumlah"],
            "warna": colours.get(c["label"], "auto"),
        }
        for n, c in enumerate(counts, start=1)
    ]
