"""Tables of Bab III and IV (capaian, analyses, budget), shaped for the templates."""

from __future__ import annotations

from lkjip_gen.compute.data_types import Pita
from lkjip_gen.compute.types import (
    Indikator,
    JumlahKategori,
    LevelIndikator,
    Model,
    Sasaran,
    Tujuan,
)
from lkjip_gen.data.settings import Rumus
from lkjip_gen.formatting import angka, nilai
from lkjip_gen.render import layout, narrative
from lkjip_gen.render.budget_tables import BudgetBlock
from lkjip_gen.render.column_types import KolomNasional, KolomPengukuran, KolomRenstraAkhir
from lkjip_gen.render.context_types import BagianSasaran
from lkjip_gen.render.outline import Shape
from lkjip_gen.render.result_types import (
    BarisKategori,
    BarisNasional,
    BarisPembilang,
    BarisPengukuran,
    BarisRenstraAkhir,
    BarisRiwayat,
    BarisSkala,
    TabelHasil,
    TabelKategori,
    TabelNasional,
    TabelPembilang,
    TabelPengukuran,
    TabelRenstraAkhir,
    TabelRiwayat,
    TabelSkala,
)

RUMUS_JUDUL: dict[Rumus, str] = {
    "positif": "Indikator positif (makin tinggi makin baik)",
    "selisih": "Indikator negatif (makin rendah makin baik)",
    "rasio": "Indikator negatif (makin rendah makin baik)",
    "langsung": "Indikator negatif (makin rendah makin baik)",
    "predikat": "Indikator kualitatif (predikat)",
    "rentang": "Indikator dengan target berupa rentang",
}
# Years of the comparison table: the report year and at most this many before it.
TAHUN_PEMBANDING = 3


def tables(model: Model, shape: Shape) -> TabelHasil:
    """The tables of Bab III and IV but the budget ones; absent ones are None.

    With ``dokumen.tujuan_terpisah`` the tujuan indicators have measurement, history and
    Renstra tables of their own (seed 000); otherwise they open the sasaran tables.
    """
    p = model["pengaturan"]
    scale = _scale(p["skala"])
    negative = _scale(p["skala_negatif"] or [])
    ratios = _ratios(model["indikator"])
    national = _nasional(model["indikator"])
    categories = _categories(
        model["ringkasan"]["per_kategori"], p["skala"] + (p["skala_negatif"] or [])
    )
    main: Levels = ("tujuan", "sasaran")
    tujuan: Levels = ()
    if model["dokumen"]["tujuan_terpisah"]:
        main, tujuan = ("sasaran",), ("tujuan",)
    caption = shape.caption
    return {
        "rumus": [{"judul": RUMUS_JUDUL[r["jenis"]], "teks": r["teks"]} for r in p["rumus"]],
        "skala": TabelSkala(judul=caption("tabel.skala"), baris=scale) if scale else None,
        "skala_negatif": TabelSkala(judul=caption("tabel.skala_negatif"), baris=negative)
        if negative
        else None,
        "pembilang": TabelPembilang(judul=caption("tabel.pembilang"), baris=ratios)
        if ratios
        else None,
        "pengukuran": _pengukuran(model, main, shape, "tabel.pengukuran"),
        "pengukuran_tujuan": _pengukuran(model, tujuan, shape, "tabel.pengukuran_tujuan"),
        "riwayat": _history(model, main, caption("tabel.riwayat")),
        "riwayat_tujuan": _history(model, tujuan, caption("tabel.riwayat_tujuan")),
        "renstra_akhir": _final(model, main, shape, "tabel.renstra_akhir"),
        "renstra_akhir_tujuan": _final(model, tujuan, shape, "tabel.renstra_akhir_tujuan"),
        "nasional": TabelNasional(
            judul=caption("tabel.nasional"),
            kolom=shape.columns(
                "tabel.nasional", national, {"keterangan": lambda r: r["keterangan"]}, KolomNasional
            ),
            baris=national,
        )
        if national
        else None,
        "kategori": TabelKategori(judul=caption("tabel.kategori"), baris=categories)
        if categories
        else None,
    }


Levels = tuple[LevelIndikator, ...]
"""The indicators a table holds: tujuan, sasaran or both."""
_INDUK: dict[LevelIndikator, str] = {"tujuan": "Tujuan", "sasaran": "Sasaran Strategis"}


def _pengukuran(model: Model, levels: Levels, shape: Shape, key: str) -> TabelPengukuran | None:
    measurement = _measurement(model, levels)
    if not measurement:
        return None
    return {
        "judul": shape.caption(key),
        "kepala_induk": " / ".join(_INDUK[level] for level in levels),
        "kolom": shape.columns(
            key,
            [r for r in measurement if not (r["judul"] or r["misi"])],
            {"satuan": lambda r: r["satuan"]},
            KolomPengukuran,
        ),
        "baris": measurement,
        "catatan": [
            f"{i['nama']}: {i['alasan']}"
            for i in model["indikator"]
            if i["level"] in levels and i["status"] in ("tidak_dapat_dihitung", "tidak_dinilai")
        ],
    }


def _final(model: Model, levels: Levels, shape: Shape, key: str) -> TabelRenstraAkhir | None:
    final = _renstra_akhir([i for i in model["indikator"] if i["level"] in levels])
    if not final:
        return None
    return {
        "judul": shape.caption(key),
        "kolom": shape.columns(
            key, final, {"kondisi_awal": lambda r: r["awal"]}, KolomRenstraAkhir
        ),
        "baris": final,
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


def _measurement(model: Model, levels: Levels) -> list[BarisPengukuran]:
    """Target against realisasi: tujuan indicators, then sasaran indicators (of ``levels``).

    Within each group a "Misi N: …" row opens the rows of the tujuan and sasaran serving that
    misi, as seed 002 Tabel 3.2.1 prints them; there is none when the data names no misi.
    """
    rows: list[BarisPengukuran] = []
    groups: list[tuple[str, list[Tujuan] | list[Sasaran]]] = [
        (title, parents)
        for title, level, parents in (
            ("TUJUAN", "tujuan", model["tujuan"]),
            ("SASARAN STRATEGIS", "sasaran", model["sasaran"]),
        )
        if level in levels
    ]
    with_tujuan = len(groups) == 2 and any(t["indikator"] for t in model["tujuan"])
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
                        "terus": False,
                    }
                )
                owners.append(parent)
        layout.apply_merge(block, [o["id"] for o in owners], "vm", ["no", "induk"])
        layout.chain(block, [o["id"] for o in owners])
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
        "terus": False,
    }


def _history(model: Model, levels: Levels, judul: str) -> TabelRiwayat | None:
    """Realisasi and capaian of earlier years beside this year's (analysis 2)."""
    p = model["pengaturan"]
    year = model["laporan"]["tahun"]
    items = [i for i in model["indikator"] if i["level"] in levels]
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
        "judul": judul,
        "tahun": [str(y) for y in years],
        "sub": ["Realisasi", "Capaian (%)"] * len(years),
        "nomor": layout.numbers(2 * len(years) + 3),
        "baris": rows,
    }


def section(s: Sasaran, ke: int, budget: list[BudgetBlock], shape: Shape) -> BagianSasaran:
    """One sasaran's section of Bab III A: its indicators, narratives and supporting programs.

    ``ke`` is its place (1, 2, …) for headings that count sasaran rather than number them.
    """
    analisis = s["analisis"]
    item = {"nomor": s["nomor"], "ke": str(ke), "uraian": s["uraian"]}
    return {
        "judul": shape.text("bab3.sasaran", **item),
        "judul_tabel": None
        if shape.hidden("tabel.sasaran")
        else shape.caption("tabel.sasaran", **item),
        "judul_tabel_program": None
        if shape.hidden("tabel.program_sasaran")
        else shape.caption("tabel.program_sasaran", **item),
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


def _categories(counts: list[JumlahKategori], bands: list[Pita]) -> list[BarisKategori]:
    colours: dict[str, str] = {}
    for band in bands:
        colours.setdefault(band["label"], layout.fill(band["warna"]))
    return [
        {
            "no": str(n),
            "label": c["label"],
            "jumlah": c["jumlah"],
            "warna": colours.get(c["label"], "auto"),
        }
        for n, c in enumerate(counts, start=1)
    ]
