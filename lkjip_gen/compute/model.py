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
from lkjip_gen.compute.anggaran_types import BarisAnggaran, Jumlah, Pk
from lkjip_gen.compute.capaian import mean
from lkjip_gen.compute.data_types import Dokumen, Laporan, Pengaturan, Pita
from lkjip_gen.compute.indikator import ReportInputs, measure_indikator
from lkjip_gen.compute.periode import Periode, for_period
from lkjip_gen.compute.rencana import Plan, rencana_aksi
from lkjip_gen.compute.rencana_types import RencanaAksi
from lkjip_gen.compute.rkt import rkt
from lkjip_gen.compute.types import Indikator, Misi, Model, Ringkasan, Sasaran, Tujuan
from lkjip_gen.data.load import Document
from lkjip_gen.data.settings import EFFICIENCY_TEXT, FORMULA_TEXT, Band, Settings, resolve

Data = Mapping[str, Any]


def compute(
    doc: Document | Data,
    previous: Model | None = None,
    *,
    periode: Periode | None = None,
    peringatan: Sequence[str] = (),
    paths: Mapping[tuple[str, ...], str] | None = None,
) -> Model:
    """Build the whole report model: what ``lkjip compute`` prints is what the renderer gets.

    ``doc`` is the validated data (profile merged in), ``previous`` last year's model (its values
    fill this year's history), ``periode`` the period to report (None: the one ``laporan``
    names), ``peringatan`` the validation warnings as printed, ``paths`` the absolute paths of
    the files the data names by data path (``("instansi", "logo")``).
    """
    data, paths = for_period(doc.data if isinstance(doc, Document) else doc, periode), paths or {}
    settings = resolve(data.get("pengaturan"))
    instansi = profile.instansi(data["instansi"], paths)
    laporan = profile.laporan(data["laporan"], instansi)
    renstra, inputs = data["renstra"], _inputs(settings, laporan, data, previous)
    tujuan = [_tujuan(inputs, t, n) for n, t in enumerate(renstra.get("tujuan", []), start=1)]
    tree = anggaran.budget_tree(data.get("program", []))
    rows = anggaran.flatten(settings, tree)
    # Amounts per sasaran only count for an office without program rows (the validator warns).
    direct = None if data.get("program") else data.get("anggaran_sasaran")
    money = anggaran.per_sasaran(settings, rows, tree, direct)
    analisis = data.get("analisis", {})
    sasaran = [
        _sasaran(inputs, s, n, tujuan, money, analisis.get(s["id"]))
        for n, s in enumerate(renstra["sasaran"], start=1)
    ]
    misi = [_misi(settings, m, n, sasaran) for n, m in enumerate(renstra.get("misi", []), start=1)]
    measured = [i for parent in (*tujuan, *sasaran) for i in parent["indikator"]]
    ringkasan = _ringkasan(settings, sasaran, misi)
    dokumen = profile.dokumen(data.get("dokumen"), data.get("pengaturan"))
    return {
        "instansi": instansi,
        "laporan": laporan,
        "pengaturan": _settings_view(settings, measured, paths, dokumen),
        "dokumen": dokumen,
        "narasi": profile.narasi(data.get("narasi")),
        "dasar_hukum": list(data.get("dasar_hukum", [])),
        "organisasi": profile.organisasi(data.get("organisasi"), paths),
        "sdm": [profile.sdm_table(settings, t) for t in data.get("sdm", [])],
        "sarana": profile.sarana(data.get("sarana")),
        "kondisi_umum": [profile.kondisi_umum(t) for t in data.get("kondisi_umum", [])],
        "renstra": profile.renstra(renstra),
        "misi": misi,
        "tujuan": tujuan,
        "sasaran": sasaran,
        "indikator": measured,
        "ringkasan": ringkasan,
        "anggaran": anggaran.anggaran(
            settings, rows, sasaran, ringkasan["rata_rata_tepat"], data.get("belanja", []), direct
        ),
        "pk": _pk(sasaran, rows, tree, bool(direct)),
        "rencana_aksi": _plan(settings, data, laporan, (rows, tree), measured),
        "rkt": rkt(settings, data),
        "peringatan": list(peringatan),
    }


def _inputs(
    settings: Settings, laporan: Laporan, data: Data, previous: Model | None
) -> ReportInputs:
    """What every indicator is measured with: this period's entries and last year's values."""
    prior = indikator.previous_values(previous)
    end = data["renstra"]["periode_akhir"]
    return ReportInputs(settings, laporan, end, data.get("kinerja", {}), prior)


def _plan(
    settings: Settings,
    data: Data,
    laporan: Laporan,
    budget: tuple[list[BarisAnggaran], list[anggaran.Node]],
    measured: list[Indikator],
) -> RencanaAksi | None:
    """This year's Rencana Aksi, with the quarters up to the period reported."""
    plan = Plan(laporan["tahun"], data.get("kinerja", {}), *budget, laporan["triwulan"] or 4)
    return rencana_aksi(settings, data["renstra"], plan, {i["id"]: i for i in measured})


def _tujuan(inputs: ReportInputs, tujuan: Data, nomor: int) -> Tujuan:
    return {
        "id": tujuan["id"],
        "nomor": tujuan.get("nomor", str(nomor)),
        "misi": tujuan.get("misi"),
        "uraian": tujuan["uraian"],
        "indikator": [
            measure_indikator(inputs, d, "tujuan", tujuan["id"])
            for d in tujuan.get("indikator", [])
        ],
    }


def _sasaran(
    inputs: ReportInputs,
    sasaran: Data,
    nomor: int,
    tujuan: list[Tujuan],
    money: dict[str, Jumlah],
    analisis: Data | None,
) -> Sasaran:
    """A sasaran with its measured indicators, their mean, its budget and its efficiency."""
    settings = inputs.settings
    items = [measure_indikator(inputs, d, "sasaran", sasaran["id"]) for d in sasaran["indikator"]]
    rata_rata = _mean(settings, items)
    band = settings.kategori(rata_rata)
    budget = money.get(sasaran["id"]) or anggaran.Amounts(settings, None, None).fields()
    tujuan_id = sasaran.get("tujuan")
    return {
        "id": sasaran["id"],
        "nomor": sasaran.get("nomor", str(nomor)),
        "tujuan": tujuan_id,
        "misi": next((t["misi"] for t in tujuan if t["id"] == tujuan_id), None),
        "uraian": sasaran["uraian"],
        "strategi": sasaran.get("strategi", []),
        "arah_kebijakan": sasaran.get("arah_kebijakan", []),
        "indikator": items,
        "rata_rata_tepat": rata_rata,
        "rata_rata": settings.round_capaian(rata_rata),
        "kategori": band.label if band else None,
        "anggaran": budget,
        **anggaran.efisiensi(settings, rata_rata, budget["serapan_tepat"]),
        "analisis": profile.analisis(analisis),
    }


def _misi(settings: Settings, misi: Data, nomor: int, sasaran: list[Sasaran]) -> Misi:
    """A misi with the mean capaian of the sasaran indicators serving it."""
    items = [ind for s in sasaran if s["misi"] == misi["id"] for ind in s["indikator"]]
    rata_rata = _mean(settings, items)
    band = settings.kategori(rata_rata)
    return {
        "id": misi["id"],
        "nomor": misi.get("nomor", str(nomor)),
        "uraian": misi["uraian"],
        "rata_rata_tepat": rata_rata,
        "rata_rata": settings.round_capaian(rata_rata),
        "kategori": band.label if band else None,
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
    return mean(values)


def _ringkasan(settings: Settings, sasaran: list[Sasaran], misi: list[Misi]) -> Ringkasan:
    """The figures quoted in the Ikhtisar Eksekutif and Bab IV (sasaran indicators only)."""
    items = [ind for s in sasaran for ind in s["indikator"]]
    if settings.rata_rata == "sasaran":
        overall = mean([s["rata_rata_tepat"] for s in sasaran if s["rata_rata_tepat"] is not None])
    else:
        overall = _mean(settings, items)
    measured = [i for i in items if i["capaian_tepat"] is not None]
    unscored = sum(1 for i in items if i["status"] == "tidak_dinilai")
    band = settings.kategori(overall)
    # Negative indicators may have a scale of their own: count in every label of both.
    counts = {b.label: 0 for b in (*settings.skala, *(settings.skala_negatif or ()))}
    for item in measured:
        if item["kategori"] is not None and item["kategori"] in counts:
            counts[item["kategori"]] += 1
    return {
        "jumlah_sasaran": len(sasaran),
        "jumlah_indikator": len(items),
        "jumlah_terukur": len(measured),
        "jumlah_belum_terukur": len(items) - len(measured) - unscored,
        "jumlah_tidak_dinilai": unscored,
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
    settings: Settings,
    indikator: list[Indikator],
    paths: Mapping[tuple[str, ...], str],
    dokumen: Dokumen,
) -> Pengaturan:
    """Settings as the document prints them: the formulas actually used and the scale."""
    used = sorted({i["rumus"] for i in indikator})
    return {
        "skala_nama": settings.skala_nama,
        "skala": _bands(settings.skala),
        "skala_negatif": None if settings.skala_negatif is None else _bands(settings.skala_negatif),
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
        "penomoran": dokumen["penomoran"],
        "judul_anggaran": dokumen["judul"].get("bab3.anggaran", "Realisasi Anggaran"),
        "templat": paths.get(("pengaturan", "templat"), settings.templat),
        "grafik": {
            "tampil": list(settings.grafik.tampil),
            "warna": dict(settings.grafik.warna),  # type: ignore[typeddict-item]
            "huruf": paths.get(("pengaturan", "grafik", "huruf"), settings.grafik.huruf),
        },
        "lampiran": list(settings.lampiran),
    }


def _bands(bands: tuple[Band, ...]) -> list[Pita]:
    """A scale as printed: each band with its rule and its range."""
    return [
        {
            "label": b.label,
            "batas": b.batas,
            "inklusif": b.inklusif,
            "skor": b.skor,
            "warna": b.warna,
            "uraian": b.uraian,
            "rentang": b.rentang(bands[k - 1] if k else None),
        }
        for k, b in enumerate(bands)
    ]


def _pk(
    sasaran: list[Sasaran], rows: list[BarisAnggaran], tree: list[anggaran.Node], direct: bool
) -> Pk:
    """Rows of the PK annex: sasaran → indikator → target, then program → anggaran.

    A program's amount is the one the signed PK states (``pagu_pk``) where the office entered
    it, else its budget; the PK total adds up what the annex prints. An office budgeting per
    sasaran only (``direct``) agrees each sasaran's amount instead.
    """
    programs = [r for r in rows if r["level"] == "program"]
    amounts = [
        Decimal(node.data["pagu_pk"]) if node.data.get("pagu_pk") is not None else row["pagu"]
        for row, node in zip(programs, tree, strict=True)
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
                "pagu": s["anggaran"]["pagu"] if direct else None,
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
        "jumlah": anggaran.add(amounts)
        if not direct
        else anggaran.add(s["anggaran"]["pagu"] for s in sasaran),
    }
