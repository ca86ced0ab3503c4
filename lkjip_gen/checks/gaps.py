"""What is missing or out of place for the report year: an indicator without realisasi or
without a target (it silently leaves the average), a Renstra target for a year outside the plan.
"""

from __future__ import annotations

from typing import Any

from lkjip_gen.checks.checker import Checker, quoted
from lkjip_gen.checks.laporan import report_quarter
from lkjip_gen.data.load import Path_


def run(c: Checker) -> None:
    """Realisasi and target of every indicator for the report year; quarters; target years."""
    tahun = c.data["laporan"]["tahun"]
    quarter = report_quarter(c)
    kinerja = c.get(("kinerja",)) or {}
    renstra = c.data["renstra"]
    in_period = renstra["periode_awal"] <= tahun <= renstra["periode_akhir"]
    # An entry under an unknown (or invalid) id is most likely this indicator's, mistyped.
    mistyped = any(key not in c.indicators for key in kinerja) or not c.intact(("kinerja",))
    for key, (path, ind) in c.indicators.items():
        if not (c.intact(("kinerja", key)) and c.intact(path)):
            continue  # a value failed the schema and is already reported
        entry: dict[str, Any] = kinerja.get(key) or {}
        _target_years(c, path, ind)
        if in_period:  # else cek.periode says what is wrong
            _target(c, key, path, ind, entry, tahun, quarter)
        if not _measured(entry, quarter) and not (mistyped and key not in kinerja):
            _unmeasured(c, key, path, ind, entry)


def _measured(entry: dict[str, Any], quarter: int | None) -> bool:
    """Realisasi is written for the file's period, or quarter by quarter up to it.

    Values of later quarters are no concern here: one year file holds every quarter, each
    report reads those up to its own (compute/periode.py).
    """
    if entry.get("realisasi") is not None:
        return True
    if entry.get("pembilang") is not None and entry.get("penyebut") is not None:
        return True
    upto = quarter or 4
    quarters = (entry.get("triwulan") or [])[:upto]
    pairs = zip(
        (entry.get("pembilang_triwulan") or [])[:upto],
        (entry.get("penyebut_triwulan") or [])[:upto],
        strict=False,
    )
    return any(v is not None for v in quarters) or any(None not in pair for pair in pairs)


def _unmeasured(
    c: Checker, key: str, path: Path_, ind: dict[str, Any], entry: dict[str, Any]
) -> None:
    if "realisasi" in entry:
        where: Path_ = ("kinerja", key, "realisasi")
    elif entry:
        where = ("kinerja", key)
    else:
        where = (*path, "id")
    counted = c.get(("pengaturan", "realisasi_kosong")) == "nol"
    effect = "dihitung 0 dalam" if counted else "tidak ikut"
    c.warn(
        where,
        f"realisasi {quoted(ind['nama'])} belum diisi — indikator ini {effect} rata-rata capaian, "
        f"sehingga rata-rata dan kategorinya berubah; isi kinerja: {key}: realisasi: …, atau bila "
        "memang belum dapat diukur, tulis alasannya di catatan: {realisasi_kosong: …}",
        "cek.realisasi_kosong",
        prefer_key=True,  # an empty value's own position is the line after its key
    )


def _target(
    c: Checker,
    key: str,
    path: Path_,
    ind: dict[str, Any],
    entry: dict[str, Any],
    tahun: int,
    quarter: int | None,
) -> None:
    targets = ind.get("target") or {}
    if str(tahun) in targets:
        return
    planned = bool(entry.get("target_triwulan")) and quarter is not None
    if entry.get("target") is None and not planned:
        where: Path_ = (*path, "target") if "target" in ind else (*path, "id")
        c.warn(
            where,
            f"{quoted(ind['nama'])} tidak punya target tahun {tahun} (Renstra maupun PK), sehingga "
            f"capaiannya tidak dapat dihitung — tambahkan {tahun}: … pada target Renstranya, "
            f"atau target pada kinerja: {key}",
            "cek.target_kosong",
            prefer_key=True,
        )
    elif targets:
        c.warn(
            (*path, "target"),
            f"target Renstra tahun {tahun} belum diisi (ada untuk {', '.join(sorted(targets))}) "
            f"— tambahkan {tahun}: … agar tabel IKU dan perbandingan dengan Renstra lengkap",
            "cek.target_renstra",
            prefer_key=True,
        )


def _target_years(c: Checker, path: Path_, ind: dict[str, Any]) -> None:
    renstra = c.data["renstra"]
    first, last = renstra["periode_awal"], renstra["periode_akhir"]
    for year in ind.get("target") or {}:
        if not first <= int(year) <= last:
            c.warn(
                (*path, "target", year),
                f"target tahun {year} di luar periode Renstra {first}–{last} — periksa tahunnya",
                "cek.tahun_target",
                prefer_key=True,
            )
