"""Cross-checks of the year's cycle: quarterly targets against the annual target, quarterly
values against the annual ones, the RKT's references, and annexes asked for without data.

Values of any quarter are checked the same way whichever period is reported: one year file
holds them all, and a quarter after the report's is never an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from lkjip_gen.checks.checker import Checker
from lkjip_gen.compute.anggaran import as_list, budget_tree, walk
from lkjip_gen.compute.periode import TRIWULAN_TAHUNAN, Periode, up_to
from lkjip_gen.compute.rencana import has_plan
from lkjip_gen.data.load import Path_
from lkjip_gen.formatting import angka


def run(c: Checker, indicators: dict[str, dict[str, Any]]) -> None:
    """Every check of this module; problems go to ``c``."""
    tahun = c.data["laporan"]["tahun"]
    rkt = c.data.get("rkt") or {}
    for prefix, kinerja, year in (
        ((), c.data.get("kinerja") or {}, tahun),
        (("rkt",), rkt.get("kinerja") or {}, rkt.get("tahun") or tahun + 1),
    ):
        for key, entry in kinerja.items():
            definisi = indicators.get(key)
            if definisi is None:
                if prefix:
                    c.add(
                        (*prefix, "kinerja", key),
                        _unknown(key, indicators),
                        "cek.referensi",
                        prefer_key=True,
                    )
                continue
            target = entry.get("target", definisi.get("target", {}).get(str(year)))
            sifat = definisi.get("sifat")
            _quarter_targets(c, (*prefix, "kinerja", key), entry, target, sifat)
    for path, indikator in _budget_indicators(c.data.get("program") or [], ()):
        _quarter_targets(c, path, indikator, indikator.get("target"), indikator.get("sifat"))
    for path, indikator in _budget_indicators(rkt.get("program") or [], ("rkt",)):
        _quarter_targets(c, path, indikator, indikator.get("target"), indikator.get("sifat"))
    _rkt_sasaran(c, rkt)
    _quarter_pairs(c)
    if Periode.of(c.data["laporan"]) == Periode("tahunan"):
        _annual_against_quarters(c, indicators)
    _annexes(c)


def _quarter_targets(
    c: Checker, path: Path_, entry: dict[str, Any], target: Any, sifat: Any
) -> None:
    """A complete quarterly plan adds up to (kumulatif) or ends at (akhir periode) the target."""
    quarters = entry.get("target_triwulan") or []
    if len(quarters) < TRIWULAN_TAHUNAN or not isinstance(target, (int, Decimal)):
        return
    where: Path_ = (*path, "target_triwulan")
    if sifat == "kumulatif":
        planned = sum((Decimal(q) for q in quarters if q is not None), Decimal(0))
        if planned != Decimal(target):
            c.warn(
                where,
                f"jumlah target triwulan {angka(planned)} tidak sama dengan target tahunan "
                f"{angka(Decimal(target))} — indikator kumulatif: target keempat triwulan "
                "dijumlahkan; perbaiki salah satunya",
                "cek.target_triwulan",
            )
    elif quarters[-1] is not None and Decimal(quarters[-1]) != Decimal(target):
        c.warn(
            (*where, len(quarters) - 1),
            f"target triwulan IV {angka(Decimal(quarters[-1]))} tidak sama dengan target tahunan "
            f"{angka(Decimal(target))} — indikator akhir periode: target triwulan IV adalah "
            "target tahunan (bila indikatornya dijumlahkan per triwulan, tulis sifat: kumulatif)",
            "cek.target_triwulan",
        )


def _budget_indicators(
    programs: list[dict[str, Any]], prefix: Path_
) -> Iterator[tuple[Path_, dict[str, Any]]]:
    for node in walk(budget_tree(programs)):
        for j, indikator in enumerate(node.data.get("indikator") or []):
            yield (*prefix, *node.path, "indikator", j), indikator


def _rkt_sasaran(c: Checker, rkt: dict[str, Any]) -> None:
    """The RKT's programs serve sasaran of the Renstra."""
    known = {s["id"] for s in c.data["renstra"]["sasaran"]}
    for node in walk(budget_tree(rkt.get("program") or [])):
        for k, ref in enumerate(as_list(node.data.get("sasaran"))):
            if ref not in known:
                single = isinstance(node.data["sasaran"], str)
                where = ("rkt", *node.path, "sasaran", *(() if single else (k,)))
                choices = ", ".join(sorted(known))
                c.add(
                    where,
                    f"sasaran '{ref}' tidak ada — pilih salah satu id sasaran: {choices}",
                    "cek.referensi",
                )


def _quarter_pairs(c: Checker) -> None:
    """A quarter's pembilang needs its penyebut and the other way round."""
    for key, entry in (c.data.get("kinerja") or {}).items():
        pembilang = list(entry.get("pembilang_triwulan") or [])
        penyebut = list(entry.get("penyebut_triwulan") or [])
        for q in range(max(len(pembilang), len(penyebut))):
            p = pembilang[q] if q < len(pembilang) else None
            d = penyebut[q] if q < len(penyebut) else None
            if (p is None) != (d is None):
                missing = "penyebut_triwulan" if d is None else "pembilang_triwulan"
                present = "pembilang_triwulan" if d is None else "penyebut_triwulan"
                c.add(
                    ("kinerja", key, present, q),
                    f"triwulan {q + 1}: {missing} belum diisi — pembilang dan penyebut setiap "
                    "triwulan harus diisi bersama",
                    "cek.pembilang",
                )


def _annual_against_quarters(c: Checker, indicators: dict[str, dict[str, Any]]) -> None:
    """An annual realisasi written beside all four quarters must be what the quarters give."""
    for key, entry in (c.data.get("kinerja") or {}).items():
        kumulatif = (indicators.get(key) or {}).get("sifat") == "kumulatif"
        _compare(c, ("kinerja", key), entry, "triwulan", kumulatif)
    for node in walk(budget_tree(c.data.get("program") or [])):
        if not node.children:
            _compare(c, node.path, node.data, "realisasi_triwulan", True)


def _compare(c: Checker, path: Path_, entry: Mapping[str, Any], key: str, kumulatif: bool) -> None:
    written = entry.get("realisasi")
    quarters = up_to(entry.get(key), TRIWULAN_TAHUNAN, kumulatif)
    if not isinstance(written, (int, Decimal)) or quarters is None or quarters == written:
        return
    how = "jumlah" if kumulatif else "nilai triwulan IV"
    c.warn(
        (*path, "realisasi"),
        f"realisasi tahunan {angka(Decimal(written))} berbeda dengan {how} {key} "
        f"({angka(quarters)}) — yang dipakai laporan tahunan adalah realisasi; perbaiki salah "
        "satunya",
        "cek.realisasi_triwulan",
    )


def _annexes(c: Checker) -> None:
    """An annex asked for in ``pengaturan.lampiran`` needs its data."""
    asked = list((c.data.get("pengaturan") or {}).get("lampiran") or [])
    rkt = c.data.get("rkt") or {}
    this_year = has_plan(c.data.get("kinerja") or {}, budget_tree(c.data.get("program") or []))
    next_year = has_plan(rkt.get("kinerja") or {}, budget_tree(rkt.get("program") or []))
    missing = {
        "rencana-aksi": not (this_year or next_year),
        "realisasi-rencana-aksi": not this_year,
        "rkt": not rkt,
    }
    for k, name in enumerate(asked):
        if missing.get(name):
            c.warn(
                ("pengaturan", "lampiran", k),
                f"lampiran {name} diminta, tetapi datanya belum ada (rencana_aksi/target_triwulan "
                "pada kinerja atau indikator program, atau rkt:) — lampiran itu tidak dicetak",
                "cek.lampiran",
            )


def _unknown(key: str, indicators: dict[str, dict[str, Any]]) -> str:
    choices = ", ".join(sorted(indicators)) or "(belum ada)"
    return f"indikator '{key}' tidak ada — pilih salah satu id indikator: {choices}"
