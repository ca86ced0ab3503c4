"""Indicator values: numbers where numbers belong, predikat on their scale, ranges the right way
round, the PK target against the Renstra, realisasi against its pembilang/penyebut.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_gen.checks.checker import Checker, is_number, quoted
from lkjip_gen.checks.plan import INDICATOR_HOLDERS
from lkjip_gen.compute.capaian import (
    agrees_as_written,
    predikat_scale,
    realisasi_rasio,
    skor_predikat,
)
from lkjip_gen.data.load import Path_
from lkjip_gen.data.schema import number_hint


def run(c: Checker) -> None:
    """Every value of the Renstra indicators and of ``kinerja``."""
    for kind in INDICATOR_HOLDERS:
        for path, _ in c.each(("renstra", kind)):
            for base, ind in c.each((*path, "indikator")):
                _value(c, ind, (*base, "kondisi_awal"), ind.get("kondisi_awal"))
                for year, value in (ind.get("target") or {}).items():
                    _value(c, ind, (*base, "target", year), value)
    for key, entry in (c.get(("kinerja",)) or {}).items():
        if key not in c.indicators:
            continue
        ind = c.indicators[key][1]
        for field in ("target", "realisasi"):
            _value(c, ind, ("kinerja", key, field), entry.get(field))
        for year, value in (entry.get("riwayat") or {}).items():
            if isinstance(value, dict):
                for field in ("target", "realisasi"):
                    path = ("kinerja", key, "riwayat", year, field)
                    _value(c, ind, path, value.get(field))
            else:
                _value(c, ind, ("kinerja", key, "riwayat", year), value)
        _pk_target(c, ind, key, entry)
        _ratio(c, key, entry)


def _value(c: Checker, ind: dict[str, Any], path: Path_, value: Any) -> None:
    if value is None:
        return
    scale = predikat_scale(ind.get("skala_predikat"))
    if isinstance(value, str):
        if not scale:
            c.add(
                path,
                number_hint(c.text(path, value))
                + " (untuk target berupa huruf, isi skala_predikat pada indikatornya)",
                "cek.bukan_angka",
            )
        elif skor_predikat(value, scale) is None:
            c.add(
                path,
                f"predikat {quoted(value)} tidak ada dalam skala — pilih salah satu: "
                f"{', '.join(scale)}",
                "cek.predikat",
            )
        return
    if isinstance(value, dict):
        if Decimal(value["min"]) > Decimal(value["maks"]):
            c.add(
                path,
                f"rentang terbalik: min {value['min']} lebih besar dari maks {value['maks']}",
                "cek.rentang",
            )
        return
    if scale:
        c.add(
            path,
            f"indikator ini berskala predikat ({', '.join(scale)}) — tulis predikatnya, misalnya B",
            "cek.predikat",
        )
        return
    c.fraction(path, ind.get("satuan"), value)


def _pk_target(c: Checker, ind: dict[str, Any], key: str, entry: dict[str, Any]) -> None:
    tahun = c.tahun
    renstra_target = (ind.get("target") or {}).get(str(tahun))
    pk = entry.get("target")
    if renstra_target is None or pk is None or same_value(pk, renstra_target):
        return
    c.warn(
        ("kinerja", key, "target"),
        f"target PK {show(pk)} berbeda dengan target Renstra tahun {tahun} "
        f"({show(renstra_target)}) — pastikan target yang diukur sama dengan yang "
        "diperjanjikan; bila memang berbeda, tulis alasannya di catatan: {target_pk: …} "
        "(dicetak di bawah tabel Perjanjian Kinerja)",
        "cek.target_pk",
    )


def _ratio(c: Checker, key: str, entry: dict[str, Any]) -> None:
    has_p, has_q = entry.get("pembilang") is not None, entry.get("penyebut") is not None
    for field in ("pembilang", "penyebut"):
        c.whole(("kinerja", key, field), entry.get(field))
    if has_p != has_q:
        missing = "penyebut" if has_p else "pembilang"
        c.add(
            ("kinerja", key),
            f"{missing} belum diisi — pembilang dan penyebut harus diisi bersama",
            "cek.pembilang",
            prefer_key=True,
        )
        return
    if not has_p:
        return
    if Decimal(entry["penyebut"]) == 0:
        c.warn(
            ("kinerja", key, "penyebut"),
            "penyebut 0 — realisasi tidak dapat dihitung",
            "cek.penyebut_nol",
        )
        return
    computed = realisasi_rasio(entry)
    written = entry.get("realisasi")
    if (
        is_number(written)
        and computed is not None
        and not agrees_as_written(computed, Decimal(written))
    ):
        c.warn(
            ("kinerja", key, "realisasi"),
            f"realisasi {written} tidak sama dengan pembilang/penyebut × 100 = "
            f"{computed:.2f} — yang dipakai adalah realisasi; perbaiki salah satunya",
            "cek.realisasi_ganda",
        )


def same_value(a: Any, b: Any) -> bool:
    """Two target values are the same (letters ignoring case, numbers by value)."""
    if isinstance(a, str) and isinstance(b, str):
        return a.strip().upper() == b.strip().upper()
    if isinstance(a, dict) or isinstance(b, dict):
        return bool(a == b)
    if isinstance(a, str) or isinstance(b, str):
        return False
    return Decimal(a) == Decimal(b)


def show(value: Any) -> str:
    """A target as the message prints it: ``17.79``, ``B`` or ``80–90``."""
    if isinstance(value, dict):
        return f"{value['min']}–{value['maks']}"
    return str(value)
