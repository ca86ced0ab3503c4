"""Budget arithmetic: sums up program → kegiatan → sub kegiatan, serapan, sisa, shares, groups.

Money is only ever entered at the lowest level; every higher amount is a sum, so a report built
from our data cannot print a total that does not add up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from lkjip_gen.compute.anggaran_types import (
    BarisAnggaran,
    Belanja,
    Efisiensi,
    IndikatorAnggaran,
    JenisBelanja,
    Jumlah,
    Level,
    Rincian,
)
from lkjip_gen.compute.capaian import Hasil, hitung, persen
from lkjip_gen.compute.indikator import dec, num
from lkjip_gen.data.settings import Settings

LEVELS = ("program", "kegiatan", "sub_kegiatan")
CHILDREN: dict[str, Level] = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}
JENIS_BELANJA: dict[JenisBelanja, str] = {
    "pegawai": "Belanja Pegawai",
    "barang_jasa": "Belanja Barang dan Jasa",
    "modal": "Belanja Modal",
    "lainnya": "Belanja Lainnya",
}


def as_list(value: str | list[str] | None) -> list[str]:
    """A scalar-or-list field as a list (``sasaran: S1`` and ``sasaran: [S1, S2]`` alike)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def add(values: Iterable[Decimal | None]) -> Decimal | None:
    """Sum that stays ``None`` only when nothing was measured at all (a January PK)."""
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


class Amounts:
    """Pagu and realisasi of a group, with everything derived from them."""

    def __init__(self, settings: Settings, pagu: Decimal | None, realisasi: Decimal | None) -> None:
        self.settings = settings
        self.pagu = pagu
        self.realisasi = realisasi

    def fields(self, total_pagu: Decimal | None = None) -> Jumlah:
        serapan = persen(self.realisasi, self.pagu)
        share = persen(self.pagu, total_pagu) if total_pagu is not None else None
        sisa = None if self.pagu is None or self.realisasi is None else self.pagu - self.realisasi
        return {
            "pagu": self.pagu,
            "realisasi": self.realisasi,
            "sisa": sisa,
            "serapan_tepat": serapan,
            "serapan": self.round(serapan),
            "persen_total": self.round(share),
            "persen_total_tepat": share,
        }

    def round(self, value: Decimal | None) -> Decimal | None:
        return self.settings.round_anggaran(value)


def efisiensi(
    settings: Settings, capaian_tepat: Decimal | None, serapan_tepat: Decimal | None
) -> Efisiensi:
    """Tingkat efisiensi by the office's formula, unrounded and rounded, with its verdict."""
    if serapan_tepat is None:
        value = None
    elif settings.efisiensi == "seratus_dikurangi_serapan":
        value = Decimal(100) - serapan_tepat
    elif capaian_tepat is None:
        value = None
    else:
        value = capaian_tepat - serapan_tepat
    return {
        "efisiensi_tepat": value,
        "efisiensi": settings.round_anggaran(value),
        "efisien": None if value is None else value > settings.ambang_efisien,
    }


def indikator_baris(settings: Settings, indikator: Mapping[str, Any]) -> IndikatorAnggaran:
    """A program/kegiatan/sub kegiatan indicator with its capaian (numeric targets only)."""
    target, realisasi = num(indikator.get("target")), num(indikator.get("realisasi"))
    hasil: Hasil = hitung(
        target,
        realisasi,
        polaritas=indikator.get("polaritas", "positif"),
        rumus_negatif=settings.rumus_negatif,
        minimum_nol=settings.capaian_negatif_nol,
    )
    band = settings.kategori(hasil.nilai)
    return {
        "nama": indikator["nama"],
        "satuan": indikator.get("satuan"),
        "target": target,
        "realisasi": realisasi,
        "capaian_tepat": hasil.nilai,
        "capaian": settings.round_capaian(hasil.nilai),
        "kategori": band.label if band else None,
        "alasan": hasil.alasan,
    }


def flatten(settings: Settings, programs: list[dict[str, Any]]) -> list[BarisAnggaran]:
    """Every budget row, depth first, with sums, inherited sasaran/sumber dana and numbering."""
    rows: list[BarisAnggaran] = []
    for index, program in enumerate(programs, start=1):
        _walk(settings, program, "program", str(index), [], [], rows)
    total = add(r["pagu"] for r in rows if r["level"] == "program")
    finished: list[BarisAnggaran] = []
    for row in rows:
        amounts = Amounts(settings, row["pagu"], row["realisasi"]).fields(total)
        first = row["indikator"][0]["capaian_tepat"] if row["indikator"] else None
        finished.append({**row, **amounts, **efisiensi(settings, first, amounts["serapan_tepat"])})
    return finished


def _walk(
    settings: Settings,
    node: dict[str, Any],
    level: Level,
    nomor: str,
    sasaran: list[str],
    sumber: list[str],
    rows: list[BarisAnggaran],
) -> tuple[Decimal | None, Decimal | None]:
    own_sasaran = as_list(node.get("sasaran")) or sasaran
    own_sumber = as_list(node.get("sumber_dana")) or sumber
    row: BarisAnggaran = {
        "level": level,
        "nomor": nomor,
        "kode": node.get("kode"),
        "nama": node["nama"],
        "sasaran": own_sasaran,
        "sumber_dana": own_sumber,
        "keterangan": node.get("keterangan"),
        "indikator": [indikator_baris(settings, i) for i in node.get("indikator", [])],
        "daun": True,
        **Amounts(settings, None, None).fields(),
        **efisiensi(settings, None, None),
    }
    rows.append(row)
    children = node.get(CHILDREN[level], []) if level in CHILDREN else []
    if children:
        row["daun"] = False
        first_child = len(rows)
        sums = [
            _walk(settings, child, CHILDREN[level], f"{nomor}.{i}", own_sasaran, own_sumber, rows)
            for i, child in enumerate(children, start=1)
        ]
        row["pagu"] = add(p for p, _ in sums)
        row["realisasi"] = add(r for _, r in sums)
        if not own_sumber:
            # Nothing declared above: show the funds the rows below it actually use.
            below = (r["sumber_dana"] for r in rows[first_child:] if r["daun"])
            row["sumber_dana"] = list(dict.fromkeys(f for funds in below for f in funds))
    else:
        row["pagu"] = dec(node.get("pagu"))
        row["realisasi"] = dec(node.get("realisasi"))
    return row["pagu"], row["realisasi"]


def group(
    settings: Settings,
    rows: list[BarisAnggaran],
    key: Callable[[BarisAnggaran], list[str]],
    total: Decimal | None,
) -> dict[str, Jumlah]:
    """Sum leaf rows into groups; a leaf serving several groups counts in each of them."""
    sums: dict[str, list[Decimal | None]] = {}
    reals: dict[str, list[Decimal | None]] = {}
    for row in rows:
        if not row["daun"]:
            continue
        for name in key(row):
            sums.setdefault(name, []).append(row["pagu"])
            reals.setdefault(name, []).append(row["realisasi"])
    return {
        name: Amounts(settings, add(sums[name]), add(reals[name])).fields(total) for name in sums
    }


def belanja(
    settings: Settings, entries: list[dict[str, Any]], total: Decimal | None
) -> list[Belanja]:
    """Budget by jenis belanja, each with its rincian rows."""
    result: list[Belanja] = []
    for entry in entries:
        rincian: list[Rincian] = [
            {
                "uraian": r["uraian"],
                **Amounts(settings, dec(r["pagu"]), dec(r["realisasi"])).fields(),
            }
            for r in entry.get("rincian", [])
        ]
        pagu = add(r["pagu"] for r in rincian) if rincian else dec(entry.get("pagu"))
        realisasi = add(r["realisasi"] for r in rincian) if rincian else dec(entry.get("realisasi"))
        result.append(
            {
                "jenis": entry["jenis"],
                "nama": entry.get("nama") or JENIS_BELANJA[entry["jenis"]],
                "rincian": rincian,
                **Amounts(settings, pagu, realisasi).fields(total),
            }
        )
    return result
