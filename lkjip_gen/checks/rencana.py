"""The year's cycle: quarterly targets against the annual target, quarterly values against the
annual ones, the RKT's references, and annexes asked for without data.

Values of any quarter are checked the same way whichever period is reported: one year file
holds them all, and a quarter after the report's is never an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from lkjip_gen.checks.checker import Checker, child_of, is_number, quoted
from lkjip_gen.compute.anggaran import as_list
from lkjip_gen.compute.periode import TRIWULAN_TAHUNAN, Periode, up_to
from lkjip_gen.compute.rencana import PLAN_KEYS
from lkjip_gen.data.load import Path_
from lkjip_gen.formatting import angka


def run(c: Checker) -> None:
    """Every check of this module (on the schema-valid parts); problems go to ``c``."""
    tahun = c.data["laporan"]["tahun"]
    rkt = c.get(("rkt",)) or {}
    for prefix, year in (((), tahun), (("rkt",), rkt.get("tahun") or tahun + 1)):
        for key, entry in (c.get((*prefix, "kinerja")) or {}).items():
            if not isinstance(entry, dict):
                continue
            found = c.indicators.get(key)
            if found is None:
                if prefix and all(c.intact(("renstra", k)) for k in ("tujuan", "sasaran")):
                    where = (*prefix, "kinerja", key)
                    c.add(where, _unknown(c, key), "cek.referensi", prefer_key=True)
                continue
            definisi = found[1]
            target = entry.get("target", (definisi.get("target") or {}).get(str(year)))
            _quarter_targets(c, (*prefix, "kinerja", key), entry, target, definisi.get("sifat"))
    for prefix in ((), ("rkt",)):
        for path, node in _nodes(c, (*prefix, "program")):
            for ind_path, ind in c.each((*path, "indikator")):
                _quarter_targets(c, ind_path, ind, ind.get("target"), ind.get("sifat"))
            if prefix:
                _rkt_sasaran(c, path, node)
    _quarter_pairs(c)
    if Periode.of(c.data["laporan"]) == Periode("tahunan"):
        _annual_against_quarters(c)
    _annexes(c, rkt)


def _quarter_targets(
    c: Checker, path: Path_, entry: Mapping[str, Any], target: Any, sifat: Any
) -> None:
    """A complete quarterly plan adds up to (kumulatif) or ends at (akhir periode) the target."""
    quarters = entry.get("target_triwulan") or []
    if len(quarters) < TRIWULAN_TAHUNAN or not is_number(target):
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


def _nodes(c: Checker, path: Path_) -> Iterator[tuple[Path_, dict[str, Any]]]:
    """Programs, kegiatan and sub kegiatan under ``path`` that passed the schema, depth first."""
    for node_path, node in c.each(path):
        yield node_path, node
        below = child_of(node_path[-2])
        if below is not None:
            yield from _nodes(c, (*node_path, below))


def _rkt_sasaran(c: Checker, path: Path_, node: dict[str, Any]) -> None:
    """The RKT's programs serve sasaran of the Renstra."""
    if not c.intact(("renstra", "sasaran")):
        return
    known = {s["id"] for _, s in c.each(("renstra", "sasaran"))}
    for k, ref in enumerate(as_list(node.get("sasaran"))):
        if ref not in known:
            where = (*path, "sasaran", *(() if isinstance(node["sasaran"], str) else (k,)))
            choices = ", ".join(sorted(known))
            c.add(
                where,
                f"sasaran {quoted(ref)} tidak ada — pilih salah satu id sasaran: {choices}",
                "cek.referensi",
            )


def _quarter_pairs(c: Checker) -> None:
    """A quarter's pembilang needs its penyebut and the other way round."""
    for key, entry in (c.get(("kinerja",)) or {}).items():
        if not isinstance(entry, dict):
            continue
        pembilang = list(entry.get("pembilang_triwulan") or [])
        penyebut = list(entry.get("penyebut_triwulan") or [])
        for q in range(max(len(pembilang), len(penyebut))):
            p = pembilang[q] if q < len(pembilang) else None
            d = penyebut[q] if q < len(penyebut) else None
            if (p is None) != (d is None):
                missing, present = (
                    ("penyebut_triwulan", "pembilang_triwulan")
                    if d is None
                    else ("pembilang_triwulan", "penyebut_triwulan")
                )
                c.add(
                    ("kinerja", key, present, q),
                    f"triwulan {q + 1}: {missing} belum diisi — pembilang dan penyebut setiap "
                    "triwulan harus diisi bersama",
                    "cek.pembilang",
                )


def _annual_against_quarters(c: Checker) -> None:
    """An annual realisasi written beside all four quarters must be what the quarters give."""
    for key, entry in (c.get(("kinerja",)) or {}).items():
        definisi = (c.indicators.get(key) or ((), {}))[1]
        if isinstance(entry, dict):
            kumulatif = definisi.get("sifat") == "kumulatif"
            _compare(c, ("kinerja", key), entry, "triwulan", kumulatif)
    for path, node in c.budget_nodes():
        if child_of(path[-2]) is None or not node.get(child_of(path[-2]) or ""):
            _compare(c, path, node, "realisasi_triwulan", True)


def _compare(c: Checker, path: Path_, entry: Mapping[str, Any], key: str, kumulatif: bool) -> None:
    written = entry.get("realisasi")
    quarters = up_to(entry.get(key), TRIWULAN_TAHUNAN, kumulatif)
    if not is_number(written) or quarters is None or quarters == written:
        return
    how = "jumlah" if kumulatif else "nilai triwulan IV"
    c.warn(
        (*path, "realisasi"),
        f"realisasi tahunan {angka(Decimal(written))} berbeda dengan {how} {key} "
        f"({angka(quarters)}) — yang dipakai laporan tahunan adalah realisasi; perbaiki salah "
        "satunya",
        "cek.realisasi_triwulan",
    )


def _annexes(c: Checker, rkt: Mapping[str, Any]) -> None:
    """An annex asked for in ``pengaturan.lampiran`` needs its data."""
    asked = c.get(("pengaturan", "lampiran")) or []
    this_year, next_year = _has_plan(c, ()), _has_plan(c, ("rkt",))
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


def _has_plan(c: Checker, prefix: Path_) -> bool:
    """A plan year (``kinerja`` and ``program``, or ``rkt``'s) has an action or quarterly target."""
    entries = [e for e in (c.get((*prefix, "kinerja")) or {}).values() if isinstance(e, dict)]
    for path, _ in _nodes(c, (*prefix, "program")):
        entries += [ind for _, ind in c.each((*path, "indikator"))]
    return any(entry.get(key) for entry in entries for key in PLAN_KEYS)


def _unknown(c: Checker, key: str) -> str:
    choices = ", ".join(sorted(c.indicators)) or "(belum ada)"
    return f"indikator {quoted(key)} tidak ada — pilih salah satu id indikator: {choices}"
