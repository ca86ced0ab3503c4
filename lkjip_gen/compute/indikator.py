"""One indicator measured: this period's target and realisasi, capaian, kategori and history.

Pure functions over validated data; the numbers stay Decimal and unrounded in the ``*_tepat``
fields, rounded with the office's mode in their twins.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_gen.compute.capaian import Hasil, hitung, persen, predikat_scale
from lkjip_gen.data.settings import Settings
from lkjip_gen.formatting import round_decimal


def rounded(settings: Settings, value: Decimal | None) -> Decimal | None:
    """A percentage rounded the way the office rounds capaian."""
    if value is None:
        return None
    return round_decimal(value, settings.desimal, settings.pembulatan)


def num(value: Any) -> Any:
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
        return num(entry["realisasi"]), None
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
        return num(entry["target"])
    return num(definisi.get("target", {}).get(str(laporan["tahun"])))


def measure(
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
    target_akhir = num(
        targets.get(akhir_tahun)
        if akhir_tahun in targets
        else (targets[max(targets)] if targets else None)
    )
    capaian_akhir = measure(target_akhir, realisasi).nilai

    riwayat = _riwayat(entry.get("riwayat", {}), prior.get(definisi["id"], {}), targets, measure)
    for past in riwayat:
        past["capaian"] = rounded(settings, past["capaian_tepat"])
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
        # A realisasi derived from pembilang/penyebut or quarters is printed rounded; capaian is
        # always measured from the unrounded value.
        "realisasi_tepat": realisasi,
        "realisasi": realisasi
        if "realisasi" in entry and entry["realisasi"] is not None
        else rounded(settings, realisasi),
        "pembilang": num(entry.get("pembilang")),
        "penyebut": num(entry.get("penyebut")),
        "label_pembilang": definisi.get("pembilang"),
        "label_penyebut": definisi.get("penyebut"),
        "triwulan": [num(v) for v in entry.get("triwulan", [])],
        "capaian_tepat": hasil.nilai,
        "capaian": rounded(settings, hasil.nilai),
        "kategori": band.label if band else None,
        "warna": band.warna if band else None,
        "status": status,
        "alasan": alasan_realisasi or hasil.alasan,
        "keterangan": entry.get("keterangan"),
        # The office's answers to validator warnings, by code (target_pk is printed in Bab II).
        "catatan": entry.get("catatan") or {},
        "sumber_data": definisi.get("sumber_data"),
        "renstra": {
            "kondisi_awal": num(definisi.get("kondisi_awal")),
            "target_tahunan": [
                {"tahun": int(y), "target": num(v)} for y, v in sorted(targets.items())
            ],
            "target_akhir": target_akhir,
            "capaian_akhir_tepat": capaian_akhir,
            "capaian_akhir": rounded(settings, capaian_akhir),
        },
        "riwayat": riwayat,
        "perubahan": _change(settings, last, realisasi, hasil.nilai),
        "nasional": None
        if nasional is None
        else {
            "nilai": num(nasional["nilai"]),
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
                "target": num(value.get("target")),
                "realisasi": num(value.get("realisasi")),
                "capaian_tepat": num(value.get("capaian")),
            }
        else:
            entry = {"target": None, "realisasi": num(value), "capaian_tepat": None}
        if entry["target"] is None:
            entry["target"] = num(targets.get(str(year)))
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
        "capaian": rounded(settings, d_cap),
    }


def previous_values(previous: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
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
