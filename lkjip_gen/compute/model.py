"""Validated data → the report model: every number of the document, computed once, in Decimal.

The model is plain data (dicts, lists, Decimal, str, None) typed by ``compute.types.Model`` and
described in docs/model.md; templates and ``lkjip compute`` read it and never compute. No I/O
happens here: paths are resolved by the caller.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from lkjip_gen.compute import anggaran, indikator, profile
from lkjip_gen.compute.anggaran_types import BarisAnggaran, Pk
from lkjip_gen.compute.capaian import rerata
from lkjip_gen.compute.data_types import Pengaturan
from lkjip_gen.compute.types import (
    Indikator,
    LevelIndikator,
    Misi,
    Model,
    Ringkasan,
    Sasaran,
    Tujuan,
)
from lkjip_gen.data.load import Document
from lkjip_gen.data.settings import EFFICIENCY_TEXT, FORMULA_TEXT, Settings, resolve


def compute(
    doc: Document | Mapping[str, Any],
    previous: Model | None = None,
    *,
    peringatan: Sequence[str] = (),
    paths: Mapping[tuple[str, str], str] | None = None,
) -> Model:
    """Build the whole report model: what ``lkjip compute`` prints is what the renderer gets.

    Args:
        doc: validated (schema and cross-checks) data, profile merged in; a loaded Document or
            its ``data``.
        previous: last year's report model, whose indicator values fill this year's history.
        peringatan: the validation warnings, as printed.
        paths: absolute paths of the files the data names, by data path (``("instansi",
            "logo")``, ``("organisasi", "bagan")``, ``("pengaturan", "templat")``); absent ones
            stay as written.
    """
    data = doc.data if isinstance(doc, Document) else doc
    paths = paths or {}
    settings = resolve(data.get("pengaturan"))
    instansi = profile.instansi(data["instansi"], paths)
    laporan = profile.laporan(data["laporan"], instansi["kota"], instansi["pemda"])
    renstra = profile.renstra(data["renstra"])
    definitions = data["renstra"]
    kinerja = data.get("kinerja", {})
    prior = indikator.previous_values(previous)

    misi: list[Misi] = [
        {
            "id": m["id"],
            "nomor": m.get("nomor", str(i)),
            "uraian": m["uraian"],
            "rata_rata_tepat": None,
            "rata_rata": None,
            "kategori": None,
        }
        for i, m in enumerate(definitions.get("misi", []), start=1)
    ]
    indikator_all: list[Indikator] = []

    def measure(
        items_data: list[dict[str, Any]], level: LevelIndikator, induk: str
    ) -> list[Indikator]:
        items = [
            indikator.measure(
                settings, laporan, renstra, ind, kinerja.get(ind["id"], {}), prior, level, induk
            )
            for ind in items_data
        ]
        indikator_all.extend(items)
        return items

    tujuan: list[Tujuan] = [
        {
            "id": t["id"],
            "nomor": t.get("nomor", str(i)),
            "misi": t.get("misi"),
            "uraian": t["uraian"],
            "indikator": measure(t.get("indikator", []), "tujuan", t["id"]),
        }
        for i, t in enumerate(definitions.get("tujuan", []), start=1)
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

    sasaran: list[Sasaran] = []
    for i, s in enumerate(definitions["sasaran"], start=1):
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
                "rata_rata": settings.round_capaian(mean),
                "kategori": band.label if band else None,
                "anggaran": money,
                **anggaran.efisiensi(settings, mean, money["serapan_tepat"]),
                "analisis": profile.analisis(data.get("analisis", {}).get(s["id"])),
            }
        )

    for m in misi:
        items = [ind for s in sasaran if s["misi"] == m["id"] for ind in s["indikator"]]
        m["rata_rata_tepat"] = _mean(settings, items)
        m["rata_rata"] = settings.round_capaian(m["rata_rata_tepat"])
        band = settings.kategori(m["rata_rata_tepat"])
        m["kategori"] = band.label if band else None

    ringkasan = _ringkasan(settings, sasaran, misi)
    return {
        "instansi": instansi,
        "laporan": laporan,
        "pengaturan": _settings_view(settings, indikator_all, paths),
        "narasi": profile.narasi(data.get("narasi")),
        "dasar_hukum": list(data.get("dasar_hukum", [])),
        "organisasi": profile.organisasi(data.get("organisasi"), paths),
        "sdm": [profile.tabel_sdm(settings, t) for t in data.get("sdm", [])],
        "sarana": profile.sarana(data.get("sarana")),
        "kondisi_umum": [profile.kondisi_umum(t) for t in data.get("kondisi_umum", [])],
        "renstra": renstra,
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
                    (with_sasaran.get("+") or nothing)["serapan_tepat"],
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
        "peringatan": list(peringatan),
    }


def _mean(settings: Settings, items: list[Indikator]) -> Decimal | None:
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


def _ringkasan(settings: Settings, sasaran: list[Sasaran], misi: list[Misi]) -> Ringkasan:
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
        if item["kategori"] is not None and item["kategori"] in counts:
            counts[item["kategori"]] += 1
    return {
        "jumlah_sasaran": len(sasaran),
        "jumlah_indikator": len(items),
        "jumlah_terukur": len(measured),
        "rata_rata_tepat": overall,
        "rata_rata": settings.round_capaian(overall),
        "kategori": band.label if band else None,
        "tertinggi": max(measured, key=_capaian, default=None),
        "terendah": min(measured, key=_capaian, default=None),
        "per_kategori": [{"label": label, "jumlah": n} for label, n in counts.items()],
        "per_misi": [m for m in misi if m["rata_rata_tepat"] is not None],
    }


def _capaian(item: Indikator) -> Decimal:
    """The sort key of measured indicators."""
    return item["capaian_tepat"] or Decimal(0)


def _settings_view(
    settings: Settings, indikator: list[Indikator], paths: Mapping[tuple[str, str], str]
) -> Pengaturan:
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
        "templat": paths.get(("pengaturan", "templat"), settings.templat),
    }


def _pk(sasaran: list[Sasaran], programs: list[BarisAnggaran], entered: list[dict[str, Any]]) -> Pk:
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
