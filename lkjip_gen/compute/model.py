"""Validated data → the report model: every number of the document, computed once, in Decimal.

The model is plain data (dicts, lists, Decimal, str, None) described in docs/model.md; templates
and ``lkjip compute`` read it and never compute. No I/O happens here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_gen.compute import anggaran, indikator
from lkjip_gen.compute.capaian import persen, rerata
from lkjip_gen.data.load import Document
from lkjip_gen.data.settings import EFFICIENCY_TEXT, FORMULA_TEXT, Settings, resolve

ROMAWI = ("I", "II", "III", "IV")


def compute(
    doc: Document | dict[str, Any], previous: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Build the report model.

    Args:
        doc: validated (schema and cross-checks) data, profile merged in; a loaded Document or
            its ``data``.
        previous: last year's report model, whose indicator values fill this year's history.
    """
    data = doc.data if isinstance(doc, Document) else doc
    settings = resolve(data.get("pengaturan"))
    laporan = _laporan(data)
    renstra = data["renstra"]
    kinerja = data.get("kinerja", {})
    prior = indikator.previous_values(previous)

    misi = [
        {"id": m["id"], "nomor": m.get("nomor", str(i)), "uraian": m["uraian"]}
        for i, m in enumerate(renstra.get("misi", []), start=1)
    ]
    indikator_all: list[dict[str, Any]] = []

    def measure(definitions: list[dict[str, Any]], level: str, induk: str) -> list[dict[str, Any]]:
        items = [
            indikator.measure(
                settings, laporan, renstra, ind, kinerja.get(ind["id"], {}), prior, level, induk
            )
            for ind in definitions
        ]
        indikator_all.extend(items)
        return items

    tujuan = [
        {
            "id": t["id"],
            "nomor": t.get("nomor", str(i)),
            "misi": t.get("misi"),
            "uraian": t["uraian"],
            "indikator": measure(t.get("indikator", []), "tujuan", t["id"]),
        }
        for i, t in enumerate(renstra.get("tujuan", []), start=1)
    ]

    rows = anggaran.flatten(settings, data.get("program", []))
    programs = [r for r in rows if r["level"] == "program"]
    total = anggaran.Amounts(
        settings,
        anggaran.add(r["pagu"] for r in programs),
        anggaran.add(r["realisasi"] for r in programs),
    )
    total_fields = total.fields()
    per_sasaran = anggaran.group(settings, rows, lambda r: r["sasaran"], total.pagu)
    tanpa = anggaran.group(settings, rows, lambda r: [] if r["sasaran"] else ["-"], total.pagu)
    # Each leaf once, however many sasaran it serves: the total under a per-sasaran table.
    with_sasaran = anggaran.group(
        settings, rows, lambda r: ["+"] if r["sasaran"] else [], total.pagu
    )
    belanja = anggaran.belanja(settings, data.get("belanja", []), total.pagu)
    nothing = anggaran.Amounts(settings, None, None).fields()  # a group no budget row serves

    sasaran = []
    for i, s in enumerate(renstra["sasaran"], start=1):
        items = measure(s["indikator"], "sasaran", s["id"])
        mean = _mean(settings, items)
        band = settings.kategori(mean)
        money = per_sasaran.get(s["id"]) or nothing
        tujuan_id = s.get("tujuan")
        sasaran.append(
            {
                "id": s["id"],
                "nomor": s.get("nomor", str(i)),
                "tujuan": tujuan_id,
                "misi": next((t["misi"] for t in tujuan if t["id"] == tujuan_id), None),
                "uraian": s["uraian"],
                "strategi": s.get("strategi", []),
                "arah_kebijakan": s.get("arah_kebijakan", []),
                "indikator": items,
                "rata_rata_tepat": mean,
                "rata_rata": indikator.rounded(settings, mean),
                "kategori": band.label if band else None,
                "anggaran": money,
                **anggaran.efisiensi(settings, mean, money["serapan_tepat"]),
                "program": [r for r in rows if s["id"] in r["sasaran"]],
                "analisis": data.get("analisis", {}).get(s["id"], {}),
            }
        )

    for m in misi:
        items = [ind for s in sasaran if s["misi"] == m["id"] for ind in s["indikator"]]
        m["rata_rata_tepat"] = _mean(settings, items)
        m["rata_rata"] = indikator.rounded(settings, m["rata_rata_tepat"])
        band = settings.kategori(m["rata_rata_tepat"])
        m["kategori"] = band.label if band else None

    ringkasan = _ringkasan(settings, sasaran, misi)
    return {
        "instansi": data["instansi"],
        "laporan": laporan,
        "pengaturan": _settings_view(settings, indikator_all),
        "narasi": data.get("narasi", {}),
        "dasar_hukum": data.get("dasar_hukum", []),
        "organisasi": data.get("organisasi", {}),
        "sdm": [_tabel_hitung(settings, t) for t in data.get("sdm", [])],
        "sarana": _sarana(data.get("sarana")),
        "kondisi_umum": data.get("kondisi_umum", []),
        "renstra": {
            "dokumen": renstra.get("dokumen"),
            "periode_awal": renstra["periode_awal"],
            "periode_akhir": renstra["periode_akhir"],
            "tahun": list(range(renstra["periode_awal"], renstra["periode_akhir"] + 1)),
            "visi": renstra.get("visi"),
            "penjelasan_visi": renstra.get("penjelasan_visi"),
        },
        "misi": misi,
        "tujuan": tujuan,
        "sasaran": sasaran,
        "indikator": indikator_all,
        "ringkasan": ringkasan,
        "anggaran": {
            "baris": rows,
            "total": total_fields,
            "per_sasaran": [
                {
                    "id": s["id"],
                    "nomor": s["nomor"],
                    "uraian": s["uraian"],
                    "indikator": [ind["nama"] for ind in s["indikator"]],
                    **s["anggaran"],
                    **anggaran.efisiensi(
                        settings, s["rata_rata_tepat"], s["anggaran"]["serapan_tepat"]
                    ),
                }
                for s in sasaran
            ],
            "tanpa_sasaran": {
                **(tanpa.get("-") or nothing),
                "program": [r for r in programs if not r["sasaran"]],
            },
            "per_sumber_dana": [
                {"sumber_dana": name, **fields}
                for name, fields in anggaran.group(
                    settings,
                    rows,
                    lambda r: [" & ".join(r["sumber_dana"]) or "Tidak disebut"],
                    total.pagu,
                ).items()
            ],
            "per_sasaran_jumlah": {
                **(with_sasaran.get("+") or nothing),
                **anggaran.efisiensi(
                    settings,
                    ringkasan["rata_rata_tepat"],
                    (with_sasaran.get("+") or {}).get("serapan_tepat"),
                ),
            },
            "per_jenis_belanja": belanja,
            "per_jenis_belanja_jumlah": anggaran.Amounts(
                settings,
                anggaran.add(b["pagu"] for b in belanja),
                anggaran.add(b["realisasi"] for b in belanja),
            ).fields(total.pagu),
            "jumlah_program": len(programs),
            "jumlah_kegiatan": sum(1 for r in rows if r["level"] == "kegiatan"),
            "jumlah_sub_kegiatan": sum(1 for r in rows if r["level"] == "sub_kegiatan"),
        },
        "pk": _pk(sasaran, programs, data.get("program", [])),
    }


def _laporan(data: dict[str, Any]) -> dict[str, Any]:
    laporan = dict(data["laporan"])
    tahun = laporan["tahun"]
    if laporan["jenis"] == "triwulan":
        laporan["periode"] = f"Triwulan {ROMAWI[laporan['triwulan'] - 1]} Tahun {tahun}"
    else:
        laporan["periode"] = f"Tahun {tahun}"
    laporan.setdefault("tempat", data["instansi"].get("kota") or data["instansi"]["pemda"])
    laporan.setdefault("tanggal_pk", f"{tahun}-01")
    if not laporan.get("tanggal"):
        laporan["tanggal"] = _signing_month(laporan)
    return laporan


def _signing_month(laporan: dict[str, Any]) -> str:
    """Month (no day) a report is due when none is given: offices leave the day blank anyway."""
    tahun = laporan["tahun"]
    if laporan["jenis"] == "triwulan" and laporan["triwulan"] < 4:
        return f"{tahun}-{laporan['triwulan'] * 3 + 1:02d}"
    return f"{tahun + 1}-02" if laporan["jenis"] == "tahunan" else f"{tahun + 1}-01"


def _mean(settings: Settings, items: list[dict[str, Any]]) -> Decimal | None:
    """Mean capaian by the office's rule: missing realisasi skipped or 0, optional cap at 100."""
    values = []
    for item in items:
        value = item["capaian_tepat"]
        if value is None:
            if item["status"] == "belum_diukur" and settings.realisasi_kosong == "nol":
                value = Decimal(0)
            else:
                continue
        if settings.rata_rata_maks_100:
            value = min(value, Decimal(100))
        values.append(value)
    return rerata(values)


def _ringkasan(
    settings: Settings, sasaran: list[dict[str, Any]], misi: list[dict[str, Any]]
) -> dict[str, Any]:
    """The figures quoted in the Ikhtisar Eksekutif and Bab IV (sasaran indicators only)."""
    items = [ind for s in sasaran for ind in s["indikator"]]
    if settings.rata_rata == "sasaran":
        overall = rerata(
            [s["rata_rata_tepat"] for s in sasaran if s["rata_rata_tepat"] is not None]
        )
    else:
        overall = _mean(settings, items)
    measured = [i for i in items if i["capaian_tepat"] is not None]
    band = settings.kategori(overall)
    counts = {b.label: 0 for b in settings.skala}
    for item in measured:
        if item["kategori"] in counts:
            counts[item["kategori"]] += 1
    return {
        "jumlah_sasaran": len(sasaran),
        "jumlah_indikator": len(items),
        "jumlah_terukur": len(measured),
        "rata_rata_tepat": overall,
        "rata_rata": indikator.rounded(settings, overall),
        "kategori": band.label if band else None,
        "tertinggi": max(measured, key=lambda i: i["capaian_tepat"], default=None),
        "terendah": min(measured, key=lambda i: i["capaian_tepat"], default=None),
        "per_kategori": [{"label": label, "jumlah": n} for label, n in counts.items()],
        "per_misi": [m for m in misi if m["rata_rata_tepat"] is not None],
    }


def _settings_view(settings: Settings, indikator: list[dict[str, Any]]) -> dict[str, Any]:
    """Settings as the document prints them: the formulas actually used and the scale."""
    used = sorted({i["rumus"] for i in indikator})
    return {
        "skala_nama": settings.skala_nama,
        "skala": [
            {
                "label": b.label,
                "batas": b.batas,
                "inklusif": b.inklusif,
                "skor": b.skor,
                "warna": b.warna,
                "uraian": b.uraian,
                "rentang": b.rentang(settings.skala[k - 1] if k else None),
            }
            for k, b in enumerate(settings.skala)
        ],
        "ambang_efisien": settings.ambang_efisien,
        "rumus": [{"jenis": r, "teks": FORMULA_TEXT[r]} for r in used],
        "rumus_efisiensi": EFFICIENCY_TEXT[settings.efisiensi],
        "efisiensi": settings.efisiensi,
        "pembulatan": settings.pembulatan,
        "pembulatan_anggaran": settings.pembulatan_anggaran,
        "desimal": settings.desimal,
        "rata_rata": settings.rata_rata,
        "rata_rata_maks_100": settings.rata_rata_maks_100,
        "realisasi_kosong": settings.realisasi_kosong,
        "target_triwulan": settings.target_triwulan,
        "rupiah": settings.rupiah,
        "kertas": settings.kertas,
        "penomoran": settings.penomoran,
        "judul_anggaran": settings.judul_anggaran,
        "templat": settings.templat,
    }


def _tabel_hitung(settings: Settings, table: dict[str, Any]) -> dict[str, Any]:
    """SDM table: row totals, column totals and each cell's share of its column."""
    columns = len(table["kolom"])
    rows = []
    for row in table["baris"]:
        values = [Decimal(v) for v in row["nilai"]] + [Decimal(0)] * (columns - len(row["nilai"]))
        rows.append({"label": row["label"], "nilai": values, "jumlah": sum(values, Decimal(0))})
    col_totals = [sum((r["nilai"][c] for r in rows), Decimal(0)) for c in range(columns)]
    grand = sum(col_totals, Decimal(0))
    for row in rows:
        row["persen"] = [
            indikator.rounded(settings, persen(v, t))
            for v, t in zip(row["nilai"], col_totals, strict=True)
        ]
        row["persen_jumlah"] = indikator.rounded(settings, persen(row["jumlah"], grand))
    return {
        **{k: v for k, v in table.items() if k not in ("baris", "jumlah")},
        "persen": table.get("persen", False),
        "jumlah_baris": table.get("jumlah_baris", columns > 1),
        "baris": rows,
        "total": {
            "nilai": col_totals,
            "jumlah": grand,
            "persen": [Decimal(100) if t else None for t in col_totals],
            "persen_jumlah": Decimal(100) if grand else None,
        },
    }


def _sarana(sarana: dict[str, Any] | None) -> dict[str, Any] | None:
    if not sarana:
        return None
    rows = []
    for item in sarana["barang"]:
        parts = [item.get(k) for k in ("baik", "kurang_baik", "rusak_berat")]
        jumlah = item.get("jumlah")
        if jumlah is None:
            jumlah = sum(p or 0 for p in parts)
        rows.append({**item, "jumlah": jumlah})
    totals = {
        k: sum(r.get(k) or 0 for r in rows)
        for k in ("jumlah", "baik", "kurang_baik", "rusak_berat")
    }
    return {
        "judul": sarana.get("judul"),
        "catatan": sarana.get("catatan"),
        "barang": rows,
        "total": totals,
    }


def _pk(
    sasaran: list[dict[str, Any]], programs: list[dict[str, Any]], entered: list[dict[str, Any]]
) -> dict[str, Any]:
    """Rows of the PK annex: sasaran → indikator → target, then program → anggaran.

    A program's amount is the one the signed PK states (``pagu_pk``) where the office entered
    it, else its budget; the PK total adds up what the annex prints.
    """
    amounts = [
        Decimal(source["pagu_pk"]) if source.get("pagu_pk") is not None else row["pagu"]
        for row, source in zip(programs, entered, strict=True)
    ]
    return {
        "sasaran": [
            {
                "id": s["id"],
                "nomor": s["nomor"],
                "uraian": s["uraian"],
                "indikator": [
                    {"nama": i["nama"], "satuan": i["satuan"], "target": i["target"]}
                    for i in s["indikator"]
                ],
            }
            for s in sasaran
        ],
        "program": [
            {
                "nomor": p["nomor"],
                "kode": p["kode"],
                "nama": p["nama"],
                "pagu": amount,
                "sumber_dana": p["sumber_dana"],
                "sasaran": p["sasaran"],
            }
            for p, amount in zip(programs, amounts, strict=True)
        ],
        "jumlah": anggaran.add(amounts),
    }
