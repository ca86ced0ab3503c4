"""Validated data → the report model: every number of the document, computed once, in Decimal.

The model is plain data (dicts, lists, Decimal, str, None) described in docs/model.md; templates
and ``lkjip compute`` read it and never compute. No I/O happens here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from . import anggaran
from .capaian import Hasil, hitung, persen, predikat_scale, rerata
from .formatting import round_decimal
from .load import Document
from .settings import EFFICIENCY_TEXT, FORMULA_TEXT, Settings, resolve

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
    prior = _previous_values(previous)

    misi = [
        {"id": m["id"], "nomor": m.get("nomor", str(i)), "uraian": m["uraian"]}
        for i, m in enumerate(renstra.get("misi", []), start=1)
    ]
    indikator_all: list[dict[str, Any]] = []

    def measure(definitions: list[dict[str, Any]], level: str, induk: str) -> list[dict[str, Any]]:
        items = [
            _indikator(
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

    sasaran = []
    for i, s in enumerate(renstra["sasaran"], start=1):
        items = measure(s["indikator"], "sasaran", s["id"])
        mean = _mean(settings, items)
        band = settings.kategori(mean)
        money = per_sasaran.get(s["id"]) or anggaran.Amounts(settings, None, None).fields()
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
                "rata_rata": _round(settings, mean),
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
        m["rata_rata"] = _round(settings, m["rata_rata_tepat"])
        band = settings.kategori(m["rata_rata_tepat"])
        m["kategori"] = band.label if band else None

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
        "ringkasan": _ringkasan(settings, sasaran, misi),
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
                **(tanpa.get("-") or anggaran.Amounts(settings, None, None).fields()),
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
            "per_jenis_belanja": anggaran.belanja(settings, data.get("belanja", []), total.pagu),
            "jumlah_program": len(programs),
            "jumlah_kegiatan": sum(1 for r in rows if r["level"] == "kegiatan"),
            "jumlah_sub_kegiatan": sum(1 for r in rows if r["level"] == "sub_kegiatan"),
        },
        "pk": _pk(sasaran, programs, total_fields),
    }


def _laporan(data: dict[str, Any]) -> dict[str, Any]:
    laporan = dict(data["laporan"])
    tahun = laporan["tahun"]
    if laporan["jenis"] == "triwulan":
        laporan["periode"] = f"Triwulan {ROMAWI[laporan['triwulan'] - 1]} Tahun {tahun}"
    else:
        laporan["periode"] = f"Tahun {tahun}"
    laporan.setdefault("tempat", data["instansi"].get("kota") or data["instansi"]["pemda"])
    laporan.setdefault("tanggal_pk", f"{tahun}-01-02")
    if not laporan.get("tanggal"):
        laporan["tanggal"] = _signing_month(laporan)
    return laporan


def _signing_month(laporan: dict[str, Any]) -> str:
    """Month (no day) a report is due when none is given: offices leave the day blank anyway."""
    tahun = laporan["tahun"]
    if laporan["jenis"] == "triwulan" and laporan["triwulan"] < 4:
        return f"{tahun}-{laporan['triwulan'] * 3 + 1:02d}"
    return f"{tahun + 1}-02" if laporan["jenis"] == "tahunan" else f"{tahun + 1}-01"


def _round(settings: Settings, value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    return round_decimal(value, settings.desimal, settings.pembulatan)


def _num(value: Any) -> Any:
    """Numbers as Decimal; predikat strings and ranges as they are."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, dict):
        return {k: Decimal(v) for k, v in value.items()}
    return value


def _realisasi(
    laporan: dict[str, Any], definisi: dict[str, Any], entry: dict[str, Any]
) -> tuple[Any, str | None]:
    """This period's realisasi: as entered, else from pembilang/penyebut or the quarters.

    An entered realisasi wins over pembilang/penyebut: it is the official figure (BPS publishes
    TPT as 4,97, not 29158/586536); the validator warns when the two disagree.
    """
    if entry.get("realisasi") is not None:
        return _num(entry["realisasi"]), None
    if entry.get("pembilang") is not None and entry.get("penyebut") is not None:
        value = persen(Decimal(entry["pembilang"]), Decimal(entry["penyebut"]))
        if value is None:
            return None, "penyebut 0: realisasi tidak dapat dihitung"
        return value, None
    quarters = entry.get("triwulan")
    if laporan["jenis"] == "triwulan" and quarters:
        return _sampai_triwulan(quarters, laporan["triwulan"], definisi), None
    return None, None


def _sampai_triwulan(values: list[Any], n: int, definisi: dict[str, Any]) -> Decimal | None:
    """Kumulatif indicators add the quarters up to ``n``; the others keep the latest value."""
    known = [Decimal(v) for v in values[:n] if v is not None]
    if not known:
        return None
    if definisi.get("sifat") == "kumulatif":
        return sum(known, Decimal(0))
    return known[-1]


def _target(
    settings: Settings, laporan: dict[str, Any], definisi: dict[str, Any], entry: dict[str, Any]
) -> Any:
    quarters = entry.get("target_triwulan")
    if laporan["jenis"] == "triwulan" and settings.target_triwulan == "rencana_aksi" and quarters:
        return _sampai_triwulan(quarters, laporan["triwulan"], definisi)
    if entry.get("target") is not None:
        return _num(entry["target"])
    return _num(definisi.get("target", {}).get(str(laporan["tahun"])))


def _indikator(
    settings: Settings,
    laporan: dict[str, Any],
    renstra: dict[str, Any],
    definisi: dict[str, Any],
    entry: dict[str, Any],
    prior: dict[str, dict[str, Any]],
    level: str,
    induk: str,
) -> dict[str, Any]:
    scale = predikat_scale(definisi.get("skala_predikat"))
    rumus_negatif = definisi.get("rumus_negatif", settings.rumus_negatif)
    polaritas = definisi.get("polaritas", "positif")

    def measure(target: Any, realisasi: Any) -> Hasil:
        return hitung(
            target,
            realisasi,
            polaritas=polaritas,
            rumus_negatif=rumus_negatif,
            minimum_nol=settings.capaian_negatif_nol,
            skala_predikat=scale,
        )

    target = _target(settings, laporan, definisi, entry)
    realisasi, alasan_realisasi = _realisasi(laporan, definisi, entry)
    hasil = measure(target, realisasi)
    if realisasi is None and alasan_realisasi is None:
        status = "belum_diukur"
    elif hasil.nilai is None:
        status = "tidak_dapat_dihitung"
    else:
        status = "terukur"
    band = settings.kategori(hasil.nilai)

    targets = definisi.get("target", {})
    akhir_tahun = str(renstra["periode_akhir"])
    target_akhir = _num(
        targets.get(akhir_tahun)
        if akhir_tahun in targets
        else (targets[max(targets)] if targets else None)
    )
    capaian_akhir = measure(target_akhir, realisasi).nilai

    riwayat = _riwayat(entry.get("riwayat", {}), prior.get(definisi["id"], {}), targets, measure)
    last = next((r for r in riwayat if r["tahun"] == laporan["tahun"] - 1), None)
    nasional = entry.get("nasional")
    return {
        "id": definisi["id"],
        "nomor": definisi.get("nomor"),
        "nama": definisi["nama"],
        "satuan": definisi["satuan"],
        "definisi": definisi.get("definisi"),
        "level": level,
        "induk": induk,
        "iku": definisi.get("iku", True),
        "polaritas": polaritas,
        "rumus": hasil.rumus
        if status != "belum_diukur"
        else _formula(definisi, scale, rumus_negatif, target),
        "sifat": definisi.get("sifat", "akhir_periode"),
        "target": target,
        "realisasi": realisasi,
        "pembilang": _num(entry.get("pembilang")),
        "penyebut": _num(entry.get("penyebut")),
        "label_pembilang": definisi.get("pembilang"),
        "label_penyebut": definisi.get("penyebut"),
        "triwulan": [_num(v) for v in entry.get("triwulan", [])],
        "capaian_tepat": hasil.nilai,
        "capaian": _round(settings, hasil.nilai),
        "kategori": band.label if band else None,
        "warna": band.warna if band else None,
        "status": status,
        "alasan": alasan_realisasi or hasil.alasan,
        "keterangan": entry.get("keterangan"),
        "sumber_data": definisi.get("sumber_data"),
        "renstra": {
            "kondisi_awal": _num(definisi.get("kondisi_awal")),
            "target_tahunan": [
                {"tahun": int(y), "target": _num(v)} for y, v in sorted(targets.items())
            ],
            "target_akhir": target_akhir,
            "capaian_akhir_tepat": capaian_akhir,
            "capaian_akhir": _round(settings, capaian_akhir),
        },
        "riwayat": riwayat,
        "perubahan": _change(settings, last, realisasi, hasil.nilai),
        "nasional": None
        if nasional is None
        else {
            "nilai": _num(nasional["nilai"]),
            "keterangan": nasional.get("keterangan"),
            "selisih": realisasi - Decimal(nasional["nilai"])
            if isinstance(realisasi, Decimal)
            else None,
        },
    }


def _formula(definisi: dict[str, Any], scale: tuple[str, ...], negatif: str, target: Any) -> str:
    if scale:
        return "predikat"
    if isinstance(target, dict):
        return "rentang"
    return negatif if definisi.get("polaritas") == "negatif" else "positif"


def _riwayat(
    inline: dict[str, Any], prior: dict[str, Any], targets: dict[str, Any], measure: Any
) -> list[dict[str, Any]]:
    """Earlier years: the inline history, completed by last year's file where inline is silent.

    A year written with its realisasi only is measured against that year's Renstra target.
    """
    years: dict[int, dict[str, Any]] = {}
    if prior:
        years[prior["tahun"]] = {k: prior[k] for k in ("target", "realisasi", "capaian_tepat")}
    for year, value in inline.items():
        if isinstance(value, dict):
            entry = {
                "target": _num(value.get("target")),
                "realisasi": _num(value.get("realisasi")),
                "capaian_tepat": _num(value.get("capaian")),
            }
        else:
            entry = {"target": None, "realisasi": _num(value), "capaian_tepat": None}
        if entry["target"] is None:
            entry["target"] = _num(targets.get(str(year)))
        years[int(year)] = entry
    result = []
    for tahun in sorted(years):
        entry = years[tahun]
        if entry["capaian_tepat"] is None:
            entry["capaian_tepat"] = measure(entry["target"], entry["realisasi"]).nilai
        result.append({"tahun": tahun, **entry})
    return result


def _change(
    settings: Settings, last: dict[str, Any] | None, realisasi: Any, capaian: Decimal | None
) -> dict[str, Any] | None:
    """Year-on-year change (tingkat kemajuan) of realisasi and of capaian."""
    if last is None:
        return None
    both_numbers = isinstance(realisasi, Decimal) and isinstance(last["realisasi"], Decimal)
    d_real = realisasi - last["realisasi"] if both_numbers else None
    d_cap = (
        capaian - last["capaian_tepat"]
        if capaian is not None and last["capaian_tepat"] is not None
        else None
    )
    return {
        "tahun": last["tahun"],
        "realisasi": d_real,
        "capaian_tepat": d_cap,
        "capaian": _round(settings, d_cap),
    }


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
        "rata_rata": _round(settings, overall),
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
            }
            for b in settings.skala
        ],
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
            _round(settings, persen(v, t)) for v, t in zip(row["nilai"], col_totals, strict=True)
        ]
        row["persen_jumlah"] = _round(settings, persen(row["jumlah"], grand))
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
    sasaran: list[dict[str, Any]], programs: list[dict[str, Any]], total: dict[str, Any]
) -> dict[str, Any]:
    """Rows of the PK annex: sasaran → indikator → target, then program → anggaran."""
    return {
        "sasaran": [
            {
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
                "pagu": p["pagu"],
                "sumber_dana": p["sumber_dana"],
                "sasaran": p["sasaran"],
            }
            for p in programs
        ],
        "jumlah": total["pagu"],
    }


def _previous_values(previous: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    if not previous:
        return {}
    year = previous["laporan"]["tahun"]
    return {
        ind["id"]: {
            "tahun": year,
            "target": ind["target"],
            "realisasi": ind["realisasi"],
            "capaian_tepat": ind["capaian_tepat"],
        }
        for ind in previous["indikator"]
    }
