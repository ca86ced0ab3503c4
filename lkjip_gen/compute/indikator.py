"""One indicator measured: this period's target and realisasi, capaian, kategori and history.

Pure functions over validated data; the numbers stay Decimal and unrounded in the ``*_tepat``
fields, rounded with the office's mode in their twins.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lkjip_gen.compute.capaian import (
    Capaian,
    CapaianRule,
    capaian_rule,
    predikat_scale,
    realisasi_rasio,
)
from lkjip_gen.compute.data_types import Laporan, Nilai, Rentang
from lkjip_gen.compute.periode import up_to
from lkjip_gen.compute.types import (
    Indikator,
    LevelIndikator,
    Model,
    Nasional,
    Perubahan,
    RenstraIndikator,
    Riwayat,
    Status,
)
from lkjip_gen.data.settings import Rumus, RumusNegatif, Settings

Data = Mapping[str, Any]
Prior = dict[int, dict[str, Any]]
"""Earlier years of one indicator from the files before this one: year → its values."""


def num(value: Any) -> Nilai:
    """A target or realisasi from the data: numbers as Decimal, predikat and range as they are."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, dict):
        return Rentang(min=Decimal(value["min"]), maks=Decimal(value["maks"]))
    return value  # type: ignore[no-any-return]  # a predikat (str) or None, as validated


def dec(value: Any) -> Decimal | None:
    """A number from the data as Decimal; None stays None."""
    return None if value is None else Decimal(value)


@dataclass(frozen=True)
class ReportInputs:
    """What measuring an indicator needs from its report, beyond the indicator's definition."""

    settings: Settings
    laporan: Laporan
    periode_akhir: int
    """The last year of the Renstra, whose target is the end target."""
    kinerja: Mapping[str, Data]
    """This period's entries (``kinerja:``) by indicator id."""
    prior: Mapping[str, Prior]
    """Earlier years' values by indicator id (:func:`previous_values`)."""


def measure_indikator(
    inputs: ReportInputs, definisi: Data, level: LevelIndikator, induk: str
) -> Indikator:
    """A Renstra indicator measured for the period, beside the Renstra, past years and nation."""
    settings = inputs.settings
    entry = inputs.kinerja.get(definisi["id"], {})
    rule = capaian_rule(settings, definisi)
    target = _target(inputs, definisi, entry)
    realisasi, alasan_realisasi = _realisasi(entry)
    hasil = rule(target, realisasi)
    if definisi.get("dinilai") is False:
        # Shown with its target and realisasi, never scored: no capaian, kategori or average.
        hasil = Capaian(None, hasil.rumus, "tidak dinilai: ditampilkan tanpa capaian")
    status = _status(realisasi, alasan_realisasi, hasil, definisi.get("dinilai", True))
    polaritas = definisi.get("polaritas", "positif")
    band = settings.kategori(hasil.nilai, polaritas)
    riwayat = _riwayat(
        settings, entry.get("riwayat", {}), inputs.prior.get(definisi["id"], {}), definisi, rule
    )
    last = next((r for r in riwayat if r["tahun"] == inputs.laporan["tahun"] - 1), None)
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
        "rumus": _formula(settings, definisi, target) if status == "belum_diukur" else hasil.rumus,
        "sifat": definisi.get("sifat", "akhir_periode"),
        "target": target,
        # A realisasi derived from pembilang/penyebut or quarters is printed rounded; capaian is
        # always measured from the unrounded value.
        "realisasi_tepat": realisasi,
        "realisasi": realisasi
        if entry.get("realisasi") is not None or not isinstance(realisasi, Decimal)
        else settings.round_capaian(realisasi),
        "pembilang": dec(entry.get("pembilang")),
        "penyebut": dec(entry.get("penyebut")),
        "label_pembilang": definisi.get("pembilang"),
        "label_penyebut": definisi.get("penyebut"),
        "triwulan": [dec(v) for v in entry.get("triwulan", [])],
        "capaian_tepat": hasil.nilai,
        "capaian": settings.round_capaian(hasil.nilai),
        "kategori": band.label if band else None,
        "warna": band.warna if band else None,
        "status": status,
        "alasan": alasan_realisasi or hasil.alasan,
        "keterangan": entry.get("keterangan"),
        # The answer to cek.target_pk, printed under the Bab II PK table.
        "catatan_target_pk": (entry.get("catatan") or {}).get("target_pk"),
        "sumber_data": definisi.get("sumber_data"),
        "renstra": _renstra(inputs, definisi, realisasi, rule),
        "riwayat": riwayat,
        "perubahan": _change(settings, last, realisasi, hasil.nilai),
        "nasional": _nasional(entry.get("nasional"), realisasi),
        "grafik": entry.get("grafik", True),
    }


def _target(inputs: ReportInputs, definisi: Data, entry: Data) -> Nilai:
    """This period's target: the action plan's quarters, the PK's, else the Renstra's."""
    laporan, quarters = inputs.laporan, entry.get("target_triwulan")
    rencana_aksi = inputs.settings.target_triwulan == "rencana_aksi"
    if laporan["jenis"] == "triwulan" and rencana_aksi and quarters and laporan["triwulan"]:
        return up_to(quarters, laporan["triwulan"], definisi.get("sifat") == "kumulatif")
    if entry.get("target") is not None:
        return num(entry["target"])
    return num(definisi.get("target", {}).get(str(laporan["tahun"])))


def _realisasi(entry: Data) -> tuple[Nilai, str | None]:
    """This period's realisasi: as entered, else from pembilang/penyebut.

    An entered realisasi wins over pembilang/penyebut: it is the official figure (BPS publishes
    TPT as 4,97, not 29158/586536); the validator warns when the two disagree. A quarter's
    values reach here as these keys (``compute.periode``).
    """
    if entry.get("realisasi") is not None:
        return num(entry["realisasi"]), None
    if entry.get("pembilang") is not None and entry.get("penyebut") is not None:
        value = realisasi_rasio(entry)
        if value is None:
            return None, "penyebut 0: realisasi tidak dapat dihitung"
        return value, None
    return None, None


def _status(
    realisasi: Nilai, alasan_realisasi: str | None, hasil: Capaian, dinilai: bool
) -> Status:
    if not dinilai:
        return "tidak_dinilai"
    if realisasi is None and alasan_realisasi is None:
        return "belum_diukur"
    return "tidak_dapat_dihitung" if hasil.nilai is None else "terukur"


def _formula(settings: Settings, definisi: Data, target: Nilai) -> Rumus:
    """The formula an indicator not measured yet will be measured with."""
    if predikat_scale(definisi.get("skala_predikat")):
        return "predikat"
    if isinstance(target, dict):
        return "rentang"
    if definisi.get("polaritas") == "negatif":
        negatif: RumusNegatif = definisi.get("rumus_negatif", settings.rumus_negatif)
        return negatif
    return "positif"


def _renstra(
    inputs: ReportInputs, definisi: Data, realisasi: Nilai, rule: CapaianRule
) -> RenstraIndikator:
    """The indicator against the Renstra: yearly targets, and the end target reached so far."""
    targets = definisi.get("target", {})
    akhir_tahun = str(inputs.periode_akhir)
    target_akhir = num(
        targets.get(akhir_tahun)
        if akhir_tahun in targets
        else (targets[max(targets)] if targets else None)
    )
    capaian_akhir = rule(target_akhir, realisasi).nilai
    return {
        "kondisi_awal": num(definisi.get("kondisi_awal")),
        "target_tahunan": [{"tahun": int(y), "target": num(v)} for y, v in sorted(targets.items())],
        "target_akhir": target_akhir,
        "capaian_akhir_tepat": capaian_akhir,
        "capaian_akhir": inputs.settings.round_capaian(capaian_akhir),
    }


def _riwayat(
    settings: Settings, inline: Data, prior: Prior, definisi: Data, rule: CapaianRule
) -> list[Riwayat]:
    """Earlier years: those of the earlier files (``tahun_lalu``, and its own ``tahun_lalu`` …),
    with the inline history winning where both speak of a year (the validator warns when they
    disagree).

    A year written with its realisasi only is measured against that year's Renstra target.
    """
    targets = definisi.get("target", {})
    years: dict[int, dict[str, Any]] = {year: dict(values) for year, values in prior.items()}
    for year, value in inline.items():
        entry: dict[str, Any]
        if isinstance(value, dict):
            entry = {
                "target": num(value.get("target")),
                "realisasi": num(value.get("realisasi")),
                "capaian_tepat": dec(value.get("capaian")),
            }
        else:
            entry = {"target": None, "realisasi": num(value), "capaian_tepat": None}
        if entry["target"] is None:
            entry["target"] = num(targets.get(str(year)))
        years[int(year)] = entry
    result: list[Riwayat] = []
    for tahun in sorted(years):
        entry = years[tahun]
        capaian: Decimal | None = entry["capaian_tepat"]
        if capaian is None:
            capaian = rule(entry["target"], entry["realisasi"]).nilai
        result.append(
            {
                "tahun": tahun,
                "target": entry["target"],
                "realisasi": entry["realisasi"],
                "capaian_tepat": capaian,
                "capaian": settings.round_capaian(capaian),
            }
        )
    return result


def _nasional(nasional: Data | None, realisasi: Nilai) -> Nasional | None:
    """The national comparison, and how far realisasi lies from it."""
    if nasional is None:
        return None
    nilai = Decimal(nasional["nilai"])
    return {
        "nilai": nilai,
        "keterangan": nasional.get("keterangan"),
        "selisih": realisasi - nilai if isinstance(realisasi, Decimal) else None,
    }


def _change(
    settings: Settings, last: Riwayat | None, realisasi: Nilai, capaian: Decimal | None
) -> Perubahan | None:
    """Year-on-year change (tingkat kemajuan) of realisasi and of capaian."""
    if last is None:
        return None
    before, before_capaian = last["realisasi"], last["capaian_tepat"]
    d_real = (
        realisasi - before
        if isinstance(realisasi, Decimal) and isinstance(before, Decimal)
        else None
    )
    d_cap = capaian - before_capaian if capaian is not None and before_capaian is not None else None
    return {
        "tahun": last["tahun"],
        "realisasi": d_real,
        "capaian_tepat": d_cap,
        "capaian": settings.round_capaian(d_cap),
    }


def previous_values(previous: Model | None) -> dict[str, Prior]:
    """Target, realisasi and capaian of each indicator in every earlier year, by id.

    Last year's model carries its own history (from the file before it, and so on), so the
    chain of ``tahun_lalu`` files reaches back as far as files exist.
    """
    if not previous:
        return {}
    year = previous["laporan"]["tahun"]
    result: dict[str, Prior] = {}
    for ind in previous["indikator"]:
        history: Prior = {r["tahun"]: _values(r) for r in ind["riwayat"]}
        history[year] = _values(ind)
        result[ind["id"]] = history
    return result


def _values(item: Riwayat | Indikator) -> dict[str, Any]:
    return {
        "target": item["target"],
        "realisasi": item["realisasi"],
        "capaian_tepat": item["capaian_tepat"],
    }
