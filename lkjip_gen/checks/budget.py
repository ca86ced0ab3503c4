"""Cross-checks of the budget: declared totals against their parts, leaves without pagu, a program
written twice, a program indicator that contradicts an IKU, jenis belanja against the programs.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from lkjip_gen.checks.checker import Checker
from lkjip_gen.compute.anggaran import Node, budget_tree, walk
from lkjip_gen.compute.capaian import agrees_as_written, realisasi_rasio
from lkjip_gen.data.load import Path_
from lkjip_gen.formatting import rupiah


def run(c: Checker, indicators: dict[str, dict[str, Any]]) -> None:
    """Every budget check; warnings and errors go to ``c``."""
    programs = c.data.get("program", [])
    total = Decimal(0)
    for node in budget_tree(programs):
        pagu, _ = _sums(c, node)
        total += pagu
        signed = node.data.get("pagu_pk")
        if signed is not None and Decimal(signed) != pagu:
            c.warn(
                (*node.path, "pagu_pk"),
                f"anggaran di Perjanjian Kinerja {rupiah(Decimal(signed))} berbeda dengan pagu "
                f"program {rupiah(pagu)} (selisih {rupiah(Decimal(signed) - pagu)}) — lampiran PK "
                "mencetak angka PK; pertimbangkan PK Perubahan",
                "cek.pagu_pk",
            )
    _rows(c, indicators)
    _belanja(c, total if programs else None)


def nodes(data: dict[str, Any]) -> Iterator[tuple[Path_, Any]]:
    """Every program, kegiatan and sub kegiatan with its data path, depth first."""
    for node in walk(budget_tree(data.get("program", []))):
        yield node.path, node.data


def _rows(c: Checker, indicators: dict[str, dict[str, Any]]) -> None:
    seen: dict[str, tuple[Path_, dict[str, Any]]] = {}
    measured = _measured(c, indicators)
    for path, node in nodes(c.data):
        level = path[-2]
        ident = f"{level}:{node.get('kode') or node['nama'].strip().lower()}"
        if ident in seen and _fingerprint(seen[ident][1]) != _fingerprint(node):
            first = c.doc.locate(seen[ident][0])
            c.warn(
                path,
                f"'{node['nama']}' sudah ditulis di baris {first.line} dengan indikator atau "
                "anggaran yang berbeda — satu program/kegiatan seharusnya punya satu realisasi",
                "cek.ganda",
            )
        seen.setdefault(ident, (path, node))
        for j, ind in enumerate(node.get("indikator", [])):
            for field in ("target", "realisasi"):
                value = ind.get(field)
                if isinstance(value, Decimal):
                    c.fraction((*path, "indikator", j, field), ind.get("satuan"), value)
            _same_indicator(c, (*path, "indikator", j), ind, measured)


def _measured(c: Checker, indicators: dict[str, dict[str, Any]]) -> dict[str, Decimal]:
    """This year's realisasi of each Renstra indicator, by normalised name."""
    result = {}
    for key, entry in c.data.get("kinerja", {}).items():
        value = entry.get("realisasi")
        if value is None:
            value = realisasi_rasio(entry)
        if isinstance(value, (int, Decimal)) and key in indicators:
            result[_norm(indicators[key]["nama"])] = Decimal(value)
    return result


def _same_indicator(
    c: Checker, path: Path_, ind: dict[str, Any], measured: dict[str, Decimal]
) -> None:
    """A program indicator that is also an IKU must report the same realisasi."""
    value = ind.get("realisasi")
    other = measured.get(_norm(ind["nama"]))
    if not isinstance(value, (int, Decimal)) or other is None:
        return
    if not agrees_as_written(other, Decimal(value)):
        c.warn(
            (*path, "realisasi"),
            f"indikator '{ind['nama']}' juga indikator kinerja (kinerja:) dengan realisasi "
            f"{other.quantize(Decimal('0.01')).normalize():f}, tetapi di sini {value} — satu "
            "indikator seharusnya punya satu realisasi",
            "cek.realisasi_beda",
        )


def _sums(c: Checker, tree_node: Node) -> tuple[Decimal, Decimal | None]:
    """Declared amounts against the sum of the children; returns the node's amounts."""
    node, path, level = tree_node.data, tree_node.path, tree_node.level
    if not tree_node.children:
        if node.get("pagu") is None:
            c.add(
                path,
                f"pagu {level.replace('_', ' ')} '{node['nama']}' belum diisi — isi pagu di "
                "tingkat terbawah (atau tambahkan rinciannya)",
                "cek.pagu_wajib",
                prefer_key=True,
            )
        pagu = Decimal(node.get("pagu") or 0)
        real = None if node.get("realisasi") is None else Decimal(node["realisasi"])
        if real is not None and node.get("pagu") is not None and real > pagu:
            c.warn(
                (*path, "realisasi"),
                f"realisasi {rupiah(real)} melebihi pagu {rupiah(pagu)}",
                "cek.melebihi_pagu",
            )
        return pagu, real
    child = tree_node.children[0].level
    sums = [_sums(c, sub) for sub in tree_node.children]
    total = sum((p for p, _ in sums), Decimal(0))
    reals = [r for _, r in sums if r is not None]
    total_real = sum(reals, Decimal(0)) if reals else None
    for field, computed in (("pagu", total), ("realisasi", total_real)):
        declared = node.get(field)
        if declared is not None and computed is not None and Decimal(declared) != computed:
            c.warn(
                (*path, field),
                f"{field} yang ditulis {rupiah(Decimal(declared))} tidak sama dengan jumlah "
                f"{child.replace('_', ' ')}-nya {rupiah(computed)} (selisih "
                f"{rupiah(Decimal(declared) - computed)}) — laporan memakai jumlahnya",
                "cek.jumlah",
            )
    return total, total_real


def _belanja(c: Checker, programs_total: Decimal | None) -> None:
    entries = c.data.get("belanja", [])
    grand = Decimal(0)
    for i, entry in enumerate(entries):
        rincian = entry.get("rincian", [])
        if rincian:
            total = sum((Decimal(r["pagu"]) for r in rincian), Decimal(0))
            if entry.get("pagu") is not None and Decimal(entry["pagu"]) != total:
                c.warn(
                    ("belanja", i, "pagu"),
                    f"pagu {rupiah(Decimal(entry['pagu']))} tidak sama dengan jumlah "
                    f"rinciannya {rupiah(total)}",
                    "cek.jumlah",
                )
        elif entry.get("pagu") is None:
            c.add(
                ("belanja", i),
                "isi pagu dan realisasi, atau rinciannya",
                "cek.pagu_wajib",
                prefer_key=True,
            )
            total = Decimal(0)
        else:
            total = Decimal(entry["pagu"])
        grand += total
    if entries and programs_total is not None and grand != programs_total:
        c.warn(
            ("belanja",),
            f"jumlah pagu menurut jenis belanja {rupiah(grand)} tidak sama dengan jumlah pagu "
            f"program {rupiah(programs_total)}",
            "cek.jumlah_belanja",
        )


def _fingerprint(node: dict[str, Any]) -> tuple[Any, ...]:
    return (
        tuple((i.get("target"), i.get("realisasi")) for i in node.get("indikator", [])),
        node.get("pagu"),
        node.get("realisasi"),
    )


def _norm(name: str) -> str:
    return " ".join(name.lower().split())
