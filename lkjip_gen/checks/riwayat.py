"""History typed by hand (``kinerja.<id>.riwayat``) against the earlier year files.

Earlier years come from the chain of ``tahun_lalu`` files; a year typed again in ``riwayat``
wins (an office may correct a figure BPS revised), but when it disagrees with the file of that
year the office must know: one of the two is wrong. Last year's realisasi is checks.years' to
compare, with last year's file as written.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_gen.checks.checker import Checker, is_number
from lkjip_gen.compute.capaian import agrees_as_written
from lkjip_gen.data.load import Path_

_FIELDS = (("target", "target"), ("realisasi", "realisasi"), ("capaian", "capaian_tepat"))


def run(c: Checker) -> None:
    """Every ``riwayat`` value that contradicts the year file of its year."""
    files = c.earlier.files
    last_year = max(files, default=None)
    for key, entry in (c.get(("kinerja",)) or {}).items():
        if not isinstance(entry, dict):
            continue
        for year, value in (entry.get("riwayat") or {}).items():
            known = c.earlier.values.get(key, {}).get(int(year))
            if known is None:
                continue
            written = value if isinstance(value, dict) else {"realisasi": value}
            for field, model_key in _FIELDS:
                if field not in written or _agrees(known[model_key], written[field]):
                    continue
                if field == "realisasi" and int(year) == last_year:
                    continue
                path: Path_ = ("kinerja", key, "riwayat", year)
                if isinstance(value, dict):
                    path = (*path, field)
                c.warn(
                    path,
                    f"{field} {year} ditulis {c.text(path, written[field])}, sedangkan berkas "
                    f"tahun {year} ({files.get(int(year), 'tahun_lalu')}) mencatat "
                    f"{_shown(known[model_key])} — hapus riwayat tahun ini agar diambil dari "
                    "berkas itu, atau perbaiki yang salah",
                    "cek.riwayat",
                )


def _agrees(known: Any, written: Any) -> bool:
    """Equal as the office wrote it: a number to its decimals, a predikat in any case."""
    if known is None:
        return True  # the earlier file does not know it: nothing to contradict
    if isinstance(written, str) or isinstance(known, str):
        return str(written).strip().upper() == str(known).strip().upper()
    if not is_number(written) or not is_number(known):
        return bool(written == known)
    return agrees_as_written(Decimal(known), Decimal(written))


def _shown(value: Any) -> str:
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            value = value.quantize(Decimal("0.01"))  # a capaian computed unrounded
        return format(value, "f")
    if isinstance(value, dict):
        return f"{value['min']}–{value['maks']}"
    return str(value)
