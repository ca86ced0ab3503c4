"""Cross-checks of budgets tied to sasaran: amounts per sasaran only, and a row's split.

An office with no program breakdown writes ``anggaran_sasaran``; a program serving several
sasaran may split its amount with ``bagi_sasaran``. The parts of a split must add up to the
row's own amount, or every per-sasaran table and efficiency figure would be wrong.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_gen.checks.checker import Checker, child_of, quoted
from lkjip_gen.compute.anggaran import as_list
from lkjip_gen.data.load import Path_
from lkjip_gen.formatting import rupiah


def run(c: Checker) -> None:
    """Every check of per-sasaran amounts against the Renstra's sasaran."""
    sasaran = [s["id"] for _, s in c.each(("renstra", "sasaran"))]
    whole = c.intact(("renstra", "sasaran"))  # an id cut out is not reported again here
    direct = c.get(("anggaran_sasaran",)) or {}
    if direct and c.get(("program",)):
        c.warn(
            ("anggaran_sasaran",),
            "diabaikan karena anggaran sudah ditulis per program (program:) — hapus salah "
            "satunya: program: untuk anggaran rinci, anggaran_sasaran: bila hanya per sasaran",
            "cek.bagi_sasaran",
        )
    for key in direct:
        _known(c, ("anggaran_sasaran", key), key, sasaran, whole)
    nodes = c.budget_nodes()
    for path, node in nodes:
        if isinstance(node.get("bagi_sasaran"), dict):
            _split(c, path, node, sasaran, whole)


def _known(c: Checker, path: Path_, ident: str, sasaran: list[str], whole: bool) -> bool:
    if ident in sasaran or not whole:
        return ident in sasaran
    c.add(
        path,
        f"sasaran {quoted(ident)} tidak ada — pilih salah satu id sasaran: {', '.join(sasaran)}",
        "cek.referensi",
        prefer_key=True,
    )
    return False


def _split(c: Checker, path: Path_, node: dict[str, Any], sasaran: list[str], whole: bool) -> None:
    """The parts name the row's sasaran and add up to its pagu and realisasi."""
    split: dict[str, Any] = node["bagi_sasaran"]
    where: Path_ = (*path, "bagi_sasaran")
    if not all([_known(c, (*where, key), key, sasaran, whole) for key in split]):
        return
    missing = [s for s in as_list(node.get("sasaran")) if s not in split]
    if missing:
        c.add(
            where,
            f"sasaran {', '.join(missing)} baris ini tidak mendapat bagian — tambahkan bagiannya, "
            "atau hapus dari sasaran: baris ini",
            "cek.bagi_sasaran",
            prefer_key=True,
        )
    for inner_path, inner in _below(c, path):
        if inner.get("bagi_sasaran"):
            c.add(
                (*inner_path, "bagi_sasaran"),
                f"{quoted(node['nama'])} di atasnya sudah membagi anggarannya — cukup satu "
                "pembagian; hapus salah satunya",
                "cek.bagi_sasaran",
                prefer_key=True,
            )
    if c.intact(path):
        for key in ("pagu", "realisasi"):
            _adds_up(c, where, split, key, _sum(c, path, node, key))


def _adds_up(
    c: Checker, where: Path_, split: dict[str, Any], key: str, whole: Decimal | None
) -> None:
    parts = [part.get(key) for part in split.values() if isinstance(part, dict)]
    if key == "realisasi" and any(p is None for p in parts):
        if any(p is not None for p in parts):
            c.add(
                where,
                "isi realisasi di setiap bagian, atau tidak di satu bagian pun",
                "cek.bagi_sasaran",
                prefer_key=True,
            )
        return
    total = sum((Decimal(str(p)) for p in parts), Decimal(0))
    if whole is not None and total != whole:
        c.add(
            where,
            f"jumlah {key} bagiannya {rupiah(total)} tidak sama dengan {key} baris ini "
            f"{rupiah(whole)} (selisih {rupiah(total - whole)}) — perbaiki pembagiannya",
            "cek.bagi_sasaran",
            prefer_key=True,
        )


def _children(c: Checker, path: Path_) -> list[tuple[Path_, dict[str, Any]]]:
    below = child_of(path[-2])
    return list(c.each((*path, below))) if below else []


def _below(c: Checker, path: Path_) -> list[tuple[Path_, dict[str, Any]]]:
    """Every row under the row at ``path``, depth first."""
    found = []
    for child_path, child in _children(c, path):
        found += [(child_path, child), *_below(c, child_path)]
    return found


def _sum(c: Checker, path: Path_, node: dict[str, Any], key: str) -> Decimal | None:
    """A row's amount: its own at the lowest level, else the sum of the rows below it."""
    children = _children(c, path)
    if not children:
        value = node.get(key)
        return None if value is None else Decimal(str(value))
    parts = [_sum(c, p, child, key) for p, child in children]
    present = [p for p in parts if p is not None]
    return sum(present, Decimal(0)) if present else None
