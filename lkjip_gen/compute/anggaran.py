"""Budget arithmetic: sums up program → kegiatan → sub kegiatan, serapan, sisa, shares, groups.

Money is only ever entered at the lowest level; every higher amount is a sum, so a report built
from our data cannot print a total that does not add up. :func:`budget_tree` is the one walk
over the nesting of the data, for this module and for the budget checks alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lkjip_gen.compute.anggaran_types import (
    Anggaran,
    BarisAnggaran,
    Belanja,
    Efisiensi,
    IndikatorAnggaran,
    JenisBelanja,
    Jumlah,
    Level,
    Rincian,
)
from lkjip_gen.compute.capaian import capaian_rule, persen
from lkjip_gen.compute.indikator import dec, num
from lkjip_gen.compute.types import Sasaran
from lkjip_gen.data.load import Path_
from lkjip_gen.data.settings import Settings

# The key under which each level lists the level below it.
CHILDREN: dict[Level, Level] = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}
# The group of budget rows that name no sumber dana.
TIDAK_DISEBUT = "Tidak disebut"
JENIS_BELANJA: dict[JenisBelanja, str] = {
    "pegawai": "Belanja Pegawai",
    "barang_jasa": "Belanja Barang dan Jasa",
    "modal": "Belanja Modal",
    "lainnya": "Belanja Lainnya",
}


@dataclass(frozen=True)
class Node:
    """A program, kegiatan or sub kegiatan as written in the data, with its place in the tree."""

    level: Level
    path: Path_
    """Its data path, e.g. ``("program", 0, "kegiatan", 1)``."""
    nomor: str
    """Its number in the document, e.g. ``1.2``."""
    data: Mapping[str, Any]
    children: tuple[Node, ...]


def budget_tree(programs: Sequence[Mapping[str, Any]]) -> list[Node]:
    """The programs of the data as a tree of :class:`Node`."""
    return [_node(p, "program", ("program", i), str(i + 1)) for i, p in enumerate(programs)]


def _node(data: Mapping[str, Any], level: Level, path: Path_, nomor: str) -> Node:
    if level not in CHILDREN:
        return Node(level, path, nomor, data, ())
    below = CHILDREN[level]
    children = tuple(
        _node(child, below, (*path, below, i), f"{nomor}.{i + 1}")
        for i, child in enumerate(data.get(below, []))
    )
    return Node(level, path, nomor, data, children)


def walk(tree: Iterable[Node]) -> Iterator[Node]:
    """Every node of ``tree``, depth first."""
    for node in tree:
        yield node
        yield from walk(node.children)


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
            "serapan": self.settings.round_anggaran(serapan),
            "persen_total": self.settings.round_anggaran(share),
            "persen_total_tepat": share,
        }


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


def row_indikator(settings: Settings, indikator: Mapping[str, Any]) -> IndikatorAnggaran:
    """A program/kegiatan/sub kegiatan indicator with its capaian (numeric targets only)."""
    target, realisasi = num(indikator.get("target")), num(indikator.get("realisasi"))
    hasil = capaian_rule(settings, indikator)(target, realisasi)
    band = settings.kategori(hasil.nilai, indikator.get("polaritas", "positif"))
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


def flatten(settings: Settings, tree: list[Node]) -> list[BarisAnggaran]:
    """Every budget row, depth first, with sums, inherited sasaran/sumber dana and numbering."""
    rows: list[BarisAnggaran] = []
    for program in tree:
        _rows(settings, program, [], [], rows)
    total = add(r["pagu"] for r in rows if r["level"] == "program")
    finished: list[BarisAnggaran] = []
    for row in rows:
        amounts = Amounts(settings, row["pagu"], row["realisasi"]).fields(total)
        first = row["indikator"][0]["capaian_tepat"] if row["indikator"] else None
        finished.append({**row, **amounts, **efisiensi(settings, first, amounts["serapan_tepat"])})
    return finished


def _rows(
    settings: Settings,
    node: Node,
    sasaran: list[str],
    sumber: list[str],
    rows: list[BarisAnggaran],
) -> tuple[Decimal | None, Decimal | None]:
    """Append ``node``'s row and those below it; returns its pagu and realisasi."""
    # A row splitting its amount (bagi_sasaran) serves every sasaran it gives a part to.
    declared = as_list(node.data.get("sasaran"))
    declared += [s for s in node.data.get("bagi_sasaran") or {} if s not in declared]
    own_sasaran = declared or sasaran
    own_sumber = as_list(node.data.get("sumber_dana")) or sumber
    row: BarisAnggaran = {
        "level": node.level,
        "nomor": node.nomor,
        "kode": node.data.get("kode"),
        "nama": node.data["nama"],
        "sasaran": own_sasaran,
        "sumber_dana": own_sumber,
        "keterangan": node.data.get("keterangan"),
        "indikator": [row_indikator(settings, i) for i in node.data.get("indikator", [])],
        "daun": not node.children,
        **Amounts(settings, None, None).fields(),
        **efisiensi(settings, None, None),
    }
    rows.append(row)
    if not node.children:
        row["pagu"] = dec(node.data.get("pagu"))
        row["realisasi"] = dec(node.data.get("realisasi"))
        return row["pagu"], row["realisasi"]
    first_child = len(rows)
    sums = [_rows(settings, child, own_sasaran, own_sumber, rows) for child in node.children]
    row["pagu"] = add(p for p, _ in sums)
    row["realisasi"] = add(r for _, r in sums)
    if not own_sumber:
        # Nothing declared above: show the funds the rows below it actually use.
        below = (r["sumber_dana"] for r in rows[first_child:] if r["daun"])
        row["sumber_dana"] = list(dict.fromkeys(f for funds in below for f in funds))
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


def per_sasaran(
    settings: Settings,
    rows: list[BarisAnggaran],
    tree: list[Node],
    direct: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Jumlah]:
    """The budget of each sasaran.

    An office budgeting per sasaran only (``anggaran_sasaran``) gives it directly. Otherwise a
    row splitting its amount between sasaran (``bagi_sasaran``) gives each its part, and a leaf
    row below no split counts in full for every sasaran it serves.
    """
    pagu: dict[str, list[Decimal | None]] = {}
    real: dict[str, list[Decimal | None]] = {}

    def count(sasaran: str, amounts: Mapping[str, Any]) -> None:
        pagu.setdefault(sasaran, []).append(dec(amounts.get("pagu")))
        real.setdefault(sasaran, []).append(dec(amounts.get("realisasi")))

    def visit(node: Node) -> None:
        split = node.data.get("bagi_sasaran")
        if split:
            for sasaran, part in split.items():
                count(sasaran, part)
        elif not node.children:
            row = by_nomor[node.nomor]
            for sasaran in row["sasaran"]:
                count(sasaran, row)
        for child in () if split else node.children:
            visit(child)

    by_nomor = {row["nomor"]: row for row in rows}
    for sasaran, amounts in (direct or {}).items():
        count(sasaran, amounts)
    for program in tree:
        visit(program)
    whole = add(p for ps in pagu.values() for p in ps) if direct else total(settings, rows)["pagu"]
    return {
        sasaran: Amounts(settings, add(pagu[sasaran]), add(real[sasaran])).fields(whole)
        for sasaran in pagu
    }


def total(settings: Settings, rows: list[BarisAnggaran]) -> Jumlah:
    """The amounts of all programs."""
    programs = [r for r in rows if r["level"] == "program"]
    return Amounts(
        settings, add(r["pagu"] for r in programs), add(r["realisasi"] for r in programs)
    ).fields()


def anggaran(
    settings: Settings,
    rows: list[BarisAnggaran],
    sasaran: list[Sasaran],
    rata_rata_tepat: Decimal | None,
    entries: list[dict[str, Any]],
    direct: Mapping[str, Mapping[str, Any]] | None = None,
) -> Anggaran:
    """Every budget figure of Bab III B; ``rata_rata_tepat`` is the overall mean capaian.

    An office budgeting per sasaran only (``direct``, ``anggaran_sasaran``) has no budget
    rows; its totals and sumber dana groups come from the sasaran amounts.
    """
    pool = rows or _sasaran_rows(settings, direct or {})
    total_fields = total(settings, pool)
    pagu = total_fields["pagu"]
    nothing = Amounts(settings, None, None).fields()  # a group no budget row serves
    tanpa = group(settings, pool, lambda r: [] if r["sasaran"] else ["-"], pagu)
    # Each leaf once, however many sasaran it serves: the total under a per-sasaran table.
    with_sasaran = group(settings, pool, lambda r: ["+"] if r["sasaran"] else [], pagu)
    spent = belanja(settings, entries, pagu)
    funds = group(settings, pool, lambda r: [" & ".join(r["sumber_dana"]) or TIDAK_DISEBUT], pagu)
    return {
        "baris": rows,
        "total": total_fields,
        "per_sasaran": [
            {
                "id": s["id"],
                "nomor": s["nomor"],
                "uraian": s["uraian"],
                "indikator": [ind["nama"] for ind in s["indikator"]],
                **s["anggaran"],
                **efisiensi(settings, s["rata_rata_tepat"], s["anggaran"]["serapan_tepat"]),
            }
            for s in sasaran
        ],
        "tanpa_sasaran": {
            **(tanpa.get("-") or nothing),
            "program": [r for r in rows if r["level"] == "program" and not r["sasaran"]],
        },
        "per_sumber_dana": [{"sumber_dana": name, **fields} for name, fields in funds.items()],
        "per_sasaran_jumlah": {
            **(with_sasaran.get("+") or nothing),
            **efisiensi(
                settings, rata_rata_tepat, (with_sasaran.get("+") or nothing)["serapan_tepat"]
            ),
        },
        "per_jenis_belanja": spent,
        "per_jenis_belanja_jumlah": Amounts(
            settings, add(b["pagu"] for b in spent), add(b["realisasi"] for b in spent)
        ).fields(pagu),
        "jumlah_program": sum(1 for r in rows if r["level"] == "program"),
        "jumlah_kegiatan": sum(1 for r in rows if r["level"] == "kegiatan"),
        "jumlah_sub_kegiatan": sum(1 for r in rows if r["level"] == "sub_kegiatan"),
    }


def _sasaran_rows(
    settings: Settings, direct: Mapping[str, Mapping[str, Any]]
) -> list[BarisAnggaran]:
    """One leaf per sasaran an office budgets directly, for the totals and groupings only."""
    return [
        {
            "level": "program",
            "nomor": sasaran,
            "kode": None,
            "nama": sasaran,
            "sasaran": [sasaran],
            "sumber_dana": as_list(entry.get("sumber_dana")),
            "keterangan": entry.get("keterangan"),
            "indikator": [],
            "daun": True,
            **Amounts(settings, dec(entry.get("pagu")), dec(entry.get("realisasi"))).fields(),
            **efisiensi(settings, None, None),
        }
        for sasaran, entry in direct.items()
    ]


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
