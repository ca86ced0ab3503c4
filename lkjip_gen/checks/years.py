"""The years agree: the report year, the signing dates, ``riwayat`` and last year's file.

A file copied from last year and not fully updated is the commonest way a valid file publishes
wrong numbers: history that already holds the report year, a signing date a year too late. When
the evidence points at ``laporan.tahun`` the warning is there; a single stray year is reported
where it is written. Last year's file (``tahun_lalu``, loaded by build.check_file, which reports
when it is missing or broken) gives its year and the realisasi ``riwayat`` must agree with.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_gen.checks.checker import Checker, is_number
from lkjip_gen.checks.laporan import parse, period_end, report_quarter, shown
from lkjip_gen.compute.capaian import agrees_as_written, realisasi_rasio
from lkjip_gen.data.load import Document

# A report signed this many months or more after its period ended was most likely written for
# the next period (an annual report is due two months after the year ends).
LATE_MONTHS = 12


def run(c: Checker) -> None:
    """Evidence about the report year, stray riwayat years, and last year's file."""
    tahun = c.data["laporan"]["tahun"]
    previous = c.previous
    reasons = _late_signing(c, tahun)
    late = {
        key: sorted(y for y in entry.get("riwayat") or {} if int(y) >= tahun)
        for key, entry in (c.get(("kinerja",)) or {}).items()
        if entry.get("riwayat")
    }
    stray = {key: years for key, years in late.items() if years}
    if stray and 2 * len(stray) > len(late):
        reasons.append(f"riwayat {', '.join(sorted(stray))} sudah memuat tahun {tahun}")
        stray = {}
    prev_year = _year_of(previous)
    if prev_year is not None and prev_year >= tahun:
        reasons.append(f"berkas tahun_lalu adalah laporan tahun {prev_year}")
    pk_year = _pk_year(c)
    if reasons and pk_year is not None and pk_year > tahun:
        reasons.append(f"Perjanjian Kinerja bertanggal tahun {pk_year}")
    if reasons:
        c.warn(
            ("laporan", "tahun"),
            f"tahun laporan {tahun} tampaknya belum diperbarui: {'; '.join(reasons)} — "
            "bila berkas ini disalin dari tahun lalu, perbarui laporan.tahun",
            "cek.tahun",
        )
        return
    if pk_year is not None and pk_year not in (tahun - 1, tahun):
        c.warn(
            ("laporan", "tanggal_pk"),
            f"Perjanjian Kinerja bertanggal tahun {pk_year}, padahal laporan ini tahun {tahun} — "
            "PK ditandatangani pada awal tahun yang dilaporkan",
            "cek.tanggal_pk",
        )
    for key, years in stray.items():
        for year in years:
            c.warn(
                ("kinerja", key, "riwayat", year),
                f"riwayat tahun {year} tidak boleh sama dengan atau sesudah tahun laporan "
                f"{tahun} — periksa tahunnya",
                "cek.riwayat",
                prefer_key=True,
            )
    if prev_year is not None and prev_year != tahun - 1:
        c.warn(
            ("tahun_lalu",),
            f"berkas tahun lalu adalah laporan tahun {prev_year}, bukan {tahun - 1}",
            "cek.tahun_lalu",
        )
    if previous is not None and prev_year is not None:
        _against_previous(c, previous, prev_year)


def _late_signing(c: Checker, tahun: int) -> list[str]:
    text = c.get(("laporan", "tanggal"))
    signed = parse(text) if isinstance(text, str) else None
    quarter = report_quarter(c)
    if signed is None or (c.get(("laporan", "jenis")) == "triwulan" and quarter is None):
        return []
    end = period_end(tahun, quarter)
    months = (signed.year - end.year) * 12 + signed.month - end.month
    if months < LATE_MONTHS:
        return []
    return [
        f"laporan ditandatangani {shown(str(text))}, {months} bulan sesudah periodenya berakhir"
    ]


def _pk_year(c: Checker) -> int | None:
    text = c.get(("laporan", "tanggal_pk"))
    signed = parse(text) if isinstance(text, str) else None
    return None if signed is None else signed.year


def _year_of(previous: Document | None) -> int | None:
    laporan = previous.data.get("laporan") if previous is not None else None
    year = laporan.get("tahun") if isinstance(laporan, dict) else None
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def _against_previous(c: Checker, previous: Document, year: int) -> None:
    """Last year's realisasi typed into ``riwayat`` equals the one in last year's file."""
    kinerja = previous.data.get("kinerja")
    if not isinstance(kinerja, dict):
        return
    for key, entry in (c.get(("kinerja",)) or {}).items():
        typed = (entry.get("riwayat") or {}).get(str(year))
        field: tuple[str, ...] = ()
        if isinstance(typed, dict):
            typed, field = typed.get("realisasi"), ("realisasi",)
        known = _realisasi(kinerja.get(key))
        if not is_number(typed) or known is None or agrees_as_written(known, Decimal(typed)):
            continue
        c.warn(
            ("kinerja", key, "riwayat", str(year), *field),
            f"realisasi {year} ditulis {typed}, tetapi berkas tahun lalu mencatat "
            f"{known.quantize(Decimal('0.01')).normalize():f} — hapus riwayat {year} (diambil "
            "dari berkas tahun lalu) atau samakan angkanya",
            "cek.riwayat",
        )


def _realisasi(entry: Any) -> Decimal | None:
    if not isinstance(entry, dict):
        return None
    value = entry.get("realisasi")
    if is_number(value):
        return Decimal(value)
    # Last year's file is read, not validated: only numbers are divided.
    if is_number(entry.get("pembilang")) and is_number(entry.get("penyebut")):
        return realisasi_rasio(entry)
    return None
