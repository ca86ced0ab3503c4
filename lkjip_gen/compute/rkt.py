"""The Rencana Kerja Tahunan (next year's plan, ``rkt:``): targets, programs and their budget.

Laid out as offices print it: per sasaran, its indicators with their targets, then the
programs, kegiatan and sub kegiatan serving it with their indicators and planned amounts (sums
upward, as in the budget of the report).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lkjip_gen.compute import anggaran
from lkjip_gen.compute.anggaran_types import BarisAnggaran, IndikatorAnggaran
from lkjip_gen.compute.indikator import num
from lkjip_gen.compute.rencana import Plan, rencana_aksi
from lkjip_gen.compute.rencana_types import BarisRkt, Rkt
from lkjip_gen.data.settings import Settings

Data = Mapping[str, Any]


def rkt(settings: Settings, data: Data) -> Rkt | None:
    """The RKT of the data; None when the data has none."""
    raw = data.get("rkt")
    if not raw:
        return None
    tahun = raw.get("tahun") or data["laporan"]["tahun"] + 1
    tree = anggaran.budget_tree(raw.get("program") or [])
    rows = anggaran.flatten(settings, tree)
    kinerja = raw.get("kinerja") or {}
    renstra = data["renstra"]
    baris: list[BarisRkt] = []
    for n, s in enumerate(renstra["sasaran"], start=1):
        group = (s["id"], s.get("nomor", str(n)), s["uraian"])
        for definisi in s["indikator"]:
            target = (kinerja.get(definisi["id"]) or {}).get("target")
            if target is None:
                target = definisi.get("target", {}).get(str(tahun))
            baris.append(
                _line(group, "sasaran", None, definisi["nama"], definisi.get("satuan"), num(target))
            )
        baris += _budget(group, [r for r in rows if s["id"] in r["sasaran"]])
    baris += _budget((None, None, None), [r for r in rows if not r["sasaran"]])
    plan = Plan(tahun, kinerja, rows, tree, 0)
    return {
        "tahun": tahun,
        "baris": baris,
        "jumlah": anggaran.total(settings, rows)["pagu"],
        "rencana_aksi": rencana_aksi(settings, renstra, plan, {}),
    }


def _budget(
    group: tuple[str | None, str | None, str | None], rows: list[BarisAnggaran]
) -> list[BarisRkt]:
    """A row per indicator of each program/kegiatan/sub kegiatan; its amount on the first."""
    result = []
    for row in rows:
        items: list[IndikatorAnggaran | None] = [*row["indikator"]] or [None]
        for k, item in enumerate(items):
            line = _line(
                group,
                row["level"],
                row,
                item["nama"] if item else None,
                item["satuan"] if item else None,
                item["target"] if item else None,
            )
            line["anggaran"] = row["pagu"] if k == 0 else None
            result.append(line)
    return result


def _line(
    group: tuple[str | None, str | None, str | None],
    level: Any,
    row: BarisAnggaran | None,
    indikator: str | None,
    satuan: str | None,
    target: Any,
) -> BarisRkt:
    names: dict[str, str | None] = {key: None for key in ("program", "kegiatan", "sub_kegiatan")}
    if row is not None:
        names[row["level"]] = row["nama"]
    return {
        "sasaran": group[0],
        "sasaran_nomor": group[1],
        "sasaran_uraian": group[2],
        "level": level,
        "kode": row["kode"] if row else None,
        "program": names["program"],
        "kegiatan": names["kegiatan"],
        "sub_kegiatan": names["sub_kegiatan"],
        "indikator": indikator,
        "satuan": satuan,
        "target": target,
        "anggaran": None,
    }
