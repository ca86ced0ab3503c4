"""Rencana Aksi: each indicator of a plan year with its quarterly targets, actions and results.

A plan year is this year (``kinerja`` and ``program`` of the data) or the RKT's (``rkt``). Its
rows follow the sasaran: the sasaran's indicators, then the indicators of the programs,
kegiatan and sub kegiatan serving it; programs serving no sasaran come last. The monitoring
version reads the quarters up to the report's period.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from lkjip_gen.compute.anggaran import Node, walk
from lkjip_gen.compute.anggaran_types import BarisAnggaran
from lkjip_gen.compute.capaian import CapaianRule, capaian_rule, persen
from lkjip_gen.compute.data_types import Nilai
from lkjip_gen.compute.indikator import dec, num
from lkjip_gen.compute.rencana_types import BarisAksi, LevelRencana, RencanaAksi, TriwulanAksi
from lkjip_gen.compute.types import Indikator
from lkjip_gen.data.settings import Settings

Data = Mapping[str, Any]
# The keys that make an entry part of a Rencana Aksi.
PLAN_KEYS = ("rencana_aksi", "target_triwulan")


@dataclass(frozen=True)
class Plan:
    """What one plan year holds: targets and actions by indicator id, and its budget rows."""

    tahun: int
    kinerja: Mapping[str, Data]
    """Entries by Renstra indicator id (``kinerja`` or ``rkt.kinerja``)."""
    rows: list[BarisAnggaran]
    """Budget rows, computed (``anggaran.flatten``)."""
    tree: list[Node]
    """The budget tree the rows were computed from, in the same order."""
    sampai: int
    """The last quarter whose realisasi is read (0: a plan not started)."""


class _Head(NamedTuple):
    """What names a row: its level, and the program/kegiatan and indicator it is about."""

    level: LevelRencana
    kode: str | None
    kegiatan: str | None
    indikator: str


@dataclass(frozen=True)
class _Sasaran:
    id: str | None
    nomor: str | None
    uraian: str | None


def rencana_aksi(
    settings: Settings,
    renstra: Data,
    plan: Plan,
    measured: Mapping[str, Indikator],
) -> RencanaAksi | None:
    """The Rencana Aksi of ``plan``; None when the plan has no action or quarterly target.

    ``measured`` holds this period's indicators by id (empty for a plan not started yet).
    """
    if not has_plan(plan.kinerja, plan.tree):
        return None
    pairs = list(zip(plan.rows, walk(plan.tree), strict=True))
    baris: list[BarisAksi] = []
    for n, s in enumerate(renstra["sasaran"], start=1):
        group = _Sasaran(s["id"], s.get("nomor", str(n)), s["uraian"])
        serving = [p for p in pairs if s["id"] in p[0]["sasaran"]]
        # A sasaran indicator's row names the programs serving the sasaran, as offices print it.
        programs = "; ".join(r["nama"] for r, _ in serving if r["level"] == "program") or None
        for definisi in s["indikator"]:
            entry = plan.kinerja.get(definisi["id"], {})
            baris.append(_iku_row(settings, group, definisi, entry, plan, measured, programs))
        baris += _budget_rows(settings, group, serving, plan)
    alone = [p for p in pairs if not p[0]["sasaran"]]
    baris += _budget_rows(settings, _Sasaran(None, None, None), alone, plan)
    return {"tahun": plan.tahun, "sampai_triwulan": plan.sampai, "baris": baris}


def has_plan(kinerja: Mapping[str, Data], tree: list[Node]) -> bool:
    """A plan year (its ``kinerja`` entries and budget tree) has an action or a quarterly
    target somewhere."""
    entries: Iterable[Data] = [
        *kinerja.values(),
        *(i for node in walk(tree) for i in node.data.get("indikator") or []),
    ]
    return any(entry.get(key) for entry in entries for key in PLAN_KEYS)


def _iku_row(
    settings: Settings,
    group: _Sasaran,
    definisi: Data,
    entry: Data,
    plan: Plan,
    measured: Mapping[str, Indikator],
    programs: str | None,
) -> BarisAksi:
    """A sasaran indicator: its PK target (else the Renstra's), its period's realisasi."""
    target = entry.get("target")
    if target is None:
        target = definisi.get("target", {}).get(str(plan.tahun))
    done = measured.get(definisi["id"])
    realisasi: Nilai = done["realisasi_tepat"] if done else None
    shown: Nilai = done["realisasi"] if done else None
    quarters = entry.get("triwulan") or _ratios(entry)
    return _row(
        settings,
        group,
        capaian_rule(settings, definisi),
        _Head("sasaran", None, programs, definisi["nama"]),
        {**entry, "satuan": definisi.get("satuan"), "sifat": definisi.get("sifat")},
        (num(target), quarters, realisasi, shown),
        plan.sampai,
    )


def _budget_rows(
    settings: Settings, group: _Sasaran, pairs: list[tuple[BarisAnggaran, Node]], plan: Plan
) -> list[BarisAksi]:
    """The indicators of the budget rows serving one sasaran."""
    result = []
    for row, node in pairs:
        for computed, data in zip(row["indikator"], node.data.get("indikator") or [], strict=True):
            head = _Head(row["level"], row["kode"], row["nama"], computed["nama"])
            values = (computed["target"], data.get("triwulan"), computed["realisasi"], None)
            rule = capaian_rule(settings, data)
            result.append(_row(settings, group, rule, head, data, values, plan.sampai))
    return result


def _row(
    settings: Settings,
    group: _Sasaran,
    rule: CapaianRule,
    head: _Head,
    data: Data,
    values: tuple[Nilai, list[Any] | None, Nilai, Nilai],
    sampai: int,
) -> BarisAksi:
    """One row: the quarters, the actions, and the realisasi up to the period."""
    target, quarters, realisasi, shown = values
    plan = data.get("rencana_aksi") or {}
    hasil = rule(target, realisasi).nilai if realisasi is not None else None
    band = settings.kategori(hasil)
    return {
        "sasaran": group.id,
        "sasaran_nomor": group.nomor,
        "sasaran_uraian": group.uraian,
        "level": head.level,
        "kode": head.kode,
        "kegiatan": head.kegiatan,
        "indikator": head.indikator,
        "satuan": data.get("satuan"),
        "sifat": data.get("sifat") or "akhir_periode",
        "target": target,
        "triwulan": _quarters(
            settings, rule, data.get("target_triwulan"), quarters, plan.get("jadwal"), sampai
        ),
        "aksi": list(plan.get("aksi") or []),
        "penanggung_jawab": plan.get("penanggung_jawab"),
        "kendala": plan.get("kendala"),
        "tindak_lanjut": plan.get("tindak_lanjut"),
        "realisasi": shown if shown is not None else realisasi,
        "capaian_tepat": hasil,
        "capaian": settings.round_capaian(hasil),
        "kategori": band.label if band else None,
    }


def _quarters(
    settings: Settings,
    rule: CapaianRule,
    targets: list[Any] | None,
    realisasi: list[Any] | None,
    jadwal: list[int] | None,
    sampai: int,
) -> list[TriwulanAksi]:
    """Triwulan I–IV: each quarter's target and realisasi as written, and its capaian."""
    targets, realisasi, scheduled = list(targets or []), list(realisasi or []), set(jadwal or [])
    result: list[TriwulanAksi] = []
    for q in range(1, 5):
        target = num(targets[q - 1]) if q <= len(targets) else None
        value = dec(realisasi[q - 1]) if q <= min(sampai, len(realisasi)) else None
        hasil = rule(target, value).nilai if value is not None else None
        band = settings.kategori(hasil)
        result.append(
            {
                "triwulan": q,
                "jadwal": q in scheduled,
                "target": target,
                "realisasi": value,
                "capaian_tepat": hasil,
                "capaian": settings.round_capaian(hasil),
                "kategori": band.label if band else None,
            }
        )
    return result


def _ratios(entry: Data) -> list[Decimal | None]:
    """Quarterly realisasi from quarterly pembilang/penyebut (× 100), where both are written."""
    pembilang = entry.get("pembilang_triwulan") or []
    penyebut = entry.get("penyebut_triwulan") or []
    return [
        persen(Decimal(p), Decimal(q)) if p is not None and q is not None else None
        for p, q in zip(pembilang, penyebut, strict=False)
    ]
