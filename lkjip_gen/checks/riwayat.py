"""History typed by hand (``kinerja.<id>.riwayat``) against the earlier year files.

Earlier years come from the chain of ``tahun_lalu`` files; a year typed again in ``riwayat``
wins (an office may correct a figure BPS revised), but when it disagrees with the file of that
year the office must know: one of the two is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from lkjip_gen.compute.capaian import agrees_as_written
from lkjip_gen.compute.indikator import Prior
from lkjip_gen.data.load import Document, Path_
from lkjip_gen.errors import Problem

_FIELDS = (("target", "target"), ("realisasi", "realisasi"), ("capaian", "capaian_tepat"))


def conflicts(
    doc: Document, prior: Mapping[str, Prior], sources: Mapping[int, str]
) -> list[Problem]:
    """Every ``riwayat`` value that contradicts the year file ``sources`` names for its year.

    ``prior`` holds the earlier files' values by indicator id and year (as
    :func:`lkjip_gen.compute.indikator.previous_values` gives them).
    """
    problems = []
    for key, entry in (doc.data.get("kinerja") or {}).items():
        for year, value in (entry.get("riwayat") or {}).items():
            known = prior.get(key, {}).get(int(year))
            if known is None:
                continue
            written = value if isinstance(value, dict) else {"realisasi": value}
            for field, model_key in _FIELDS:
                if field not in written or _agrees(known[model_key], written[field]):
                    continue
                path: Path_ = ("kinerja", key, "riwayat", year)
                if isinstance(value, dict):
                    path = (*path, field)
                message = (
                    f"{field} {year} ditulis {doc.source_text.get(path, written[field])}, "
                    f"sedangkan berkas tahun {year} ({sources.get(int(year), 'tahun_lalu')}) "
                    f"mencatat {_shown(known[model_key])} — hapus riwayat tahun ini agar diambil "
                    "dari berkas itu, atau perbaiki yang salah"
                )
                problems.append(doc.problem(path, message, "cek.riwayat", "peringatan"))
    return problems


def _agrees(known: Any, written: Any) -> bool:
    """Equal as the office wrote it: a number to its decimals, a predikat in any case."""
    if known is None:
        return True  # the earlier file does not know it: nothing to contradict
    if isinstance(written, str) or isinstance(known, str):
        return str(written).strip().upper() == str(known).strip().upper()
    if isinstance(written, dict) or isinstance(known, dict):
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
