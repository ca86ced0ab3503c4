"""The report's period and settings: a category scale that covers every value, dates that exist
and fall after the period they close, a year inside the Renstra.
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

from lkjip_gen.checks.checker import Checker
from lkjip_gen.data.load import Path_
from lkjip_gen.formatting import parse_tanggal, tanggal

ROMAWI = ("I", "II", "III", "IV")


def run(c: Checker) -> None:
    """Scale, dates, period and the quarter of the report."""
    _scale(c)
    laporan = c.data["laporan"]
    for key in ("tanggal", "tanggal_pk"):
        value = laporan.get(key)
        if isinstance(value, str) and parse(value) is None:
            c.add(
                ("laporan", key),
                f"tanggal {value!r} tidak ada di kalender — periksa bulan dan harinya",
                "cek.tanggal",
            )
    renstra = c.get(("renstra",)) or {}
    if "periode_awal" in renstra and not (
        renstra["periode_awal"] <= laporan["tahun"] <= renstra["periode_akhir"]
    ):
        c.warn(
            ("laporan", "tahun"),
            f"tahun {laporan['tahun']} di luar periode Renstra "
            f"{renstra['periode_awal']}–{renstra['periode_akhir']}",
            "cek.periode",
        )
    if laporan["jenis"] == "tahunan" and "triwulan" in laporan:
        c.warn(
            ("laporan", "triwulan"),
            "triwulan diabaikan untuk laporan tahunan — hapus, atau ubah jenis menjadi triwulan",
            "cek.triwulan",
        )
    _signing(c)


def parse(text: str) -> date | None:
    """``2021-02-28`` (or ``2021-02``, read as the 1st) as a date; None if it does not exist."""
    try:
        return parse_tanggal(text)[0]
    except ValueError:
        return None


def period_end(tahun: int, triwulan: int | None) -> date:
    """The last day of the year, or of quarter ``triwulan``."""
    month = 12 if triwulan is None else triwulan * 3
    return date(tahun, month, calendar.monthrange(tahun, month)[1])


def period_name(tahun: int, triwulan: int | None) -> str:
    return f"tahun {tahun}" if triwulan is None else f"Triwulan {ROMAWI[triwulan - 1]} {tahun}"


def report_quarter(c: Checker) -> int | None:
    """The quarter of a quarterly report; None for an annual one."""
    if c.get(("laporan", "jenis")) != "triwulan":
        return None
    value = c.get(("laporan", "triwulan"))
    return value if isinstance(value, int) else None


def _signing(c: Checker) -> None:
    """The report is signed after its period ends, and after the PK it reports on."""
    laporan = c.data["laporan"]
    quarter = report_quarter(c)
    if laporan["jenis"] == "triwulan" and quarter is None:
        return
    end = period_end(laporan["tahun"], quarter)
    text = laporan.get("tanggal")
    signed = parse(text) if isinstance(text, str) else None
    # A month without a day may be the last day of that month.
    has_day = signed is not None and parse_tanggal(str(text))[1]
    before_end = signed is not None and (
        signed < end if has_day else (signed.year, signed.month) < (end.year, end.month)
    )
    if before_end:
        c.warn(
            ("laporan", "tanggal"),
            f"laporan ditandatangani {shown(str(text))}, sebelum "
            f"{period_name(laporan['tahun'], quarter)} berakhir ({tanggal(end)}) — periksa "
            "tanggalnya (atau laporan.tahun)",
            "cek.tanggal_ttd",
        )
    pk_text = laporan.get("tanggal_pk")
    pk = parse(pk_text) if isinstance(pk_text, str) else None
    # A PK of another year is years.py's to explain (a stale copy, or a stale laporan.tahun).
    if pk is not None and signed is not None and pk > signed and pk.year <= laporan["tahun"]:
        c.warn(
            ("laporan", "tanggal_pk"),
            f"Perjanjian Kinerja bertanggal {shown(str(pk_text))}, sesudah laporan yang "
            f"melaporkannya ({shown(str(text))}) — periksa tanggal_pk",
            "cek.tanggal_pk",
        )


def shown(text: str) -> str:
    """A data date as the document prints it: 28 Februari 2021, or Februari 2021."""
    return tanggal(text)


def _scale(c: Checker) -> None:
    scale = c.get(("pengaturan", "skala_kategori"))
    if not isinstance(scale, list) or not c.intact(("pengaturan", "skala_kategori")):
        return
    path: Path_ = ("pengaturan", "skala_kategori")
    if scale[-1].get("batas") is not None:
        c.add(
            (*path, len(scale) - 1, "batas"),
            "pita terakhir harus tanpa batas (batas: null) agar setiap capaian punya kategori",
            "cek.skala",
        )
    previous: Decimal | None = None
    for k, band in enumerate(scale[:-1]):
        bound = band.get("batas")
        if bound is None:
            c.add(
                (*path, k),
                "hanya pita terakhir yang boleh tanpa batas",
                "cek.skala",
                prefer_key=True,
            )
            continue
        if previous is not None and Decimal(bound) >= previous:
            c.add(
                (*path, k, "batas"),
                f"batas {bound} tidak lebih kecil dari batas pita di atasnya ({previous}) — "
                "urutkan pita dari batas tertinggi ke terendah, tanpa batas yang sama",
                "cek.skala",
            )
        previous = Decimal(bound)
