"""Cross-checks of budgets tied to sasaran: amounts per sasaran only, and a row's split.

An office with no program breakdown writes ``anggaran_sasaran``; a program serving several
sasaran may split its amount with ``bagi_sasaran``. The parts of a split must add up to the
row's own amount, or every per-sasaran table and efficiency figure would be wrong.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_gen.checks.checker import Checker
from lkjip_gen.compute.anggaran import Node, as_list, budget_tree, walk
from lkjip_gen.data.load import Path_
from lkjip_gen.formatting import rupiah


def run(c: Checker, sasaran: list[str]) -> None:
    """Every check of per-sasaran amounts; ``sasaran`` are the Renstra's sasaran ids."""
    direct = c.data.get("anggaran_sasaran") or {}
    if direct and c.data.get("program"):
        c.warn(
            ("anggaran_sasaran",),
            "diabaikan karena anggaran sudah ditulis per program (program:) — hapus salah "
            "satunya: program: untuk anggaran rinci, anggaran_sasaran: bila hanya per sasaran",
            "cek.bagi_sasaran",
        )
    for key in direct:
        _known(c, ("anggaran_sasaran", key), key, sasaran)
    for node in walk(budget_tree(c.data.get("program", []))):
        if node.data.get("bagi_sasaran"):
            _split(c, node, sasaran)


def _known(c: Checker, path: Path_, ident: str, sasaran: list[str]) -> bool:
    if ident in sasaran:
        return True
    c.add(
        path,
        f"sasaran '{ident}' tidak ada — pilih salah satu id sasaran: {', '.join(sasaran)}",
        "cek.referensi",
        prefer_key=True,
    )
    return False


def _split(c: Checker, node: Node, sasaran: list[str]) -> None:
    """The parts name the row's sasaran and add up to its pagu and realisasi."""
    split: dict[str, Any] = node.data["bagi_sasaran"]
    path: Path_ = (*node.path, "bagi_sasaran")
    if not all([_known(c, (*path, key), key, sasaran) for key in split]):
        return
    missing = [s for s in as_list(node.data.get("sasaran")) if s not in split]
    if missing:
        c.add(
            path,
            f"sasaran {', '.join(missing)} baris ini tidak mendapat bagian — tambahkan bagiannya, "
            "atau hapus dari sasaran: baris ini",
            "cek.bagi_sasaran",
            prefer_key=True,
        )
    for inner in walk(node.children):
        if inner.data.get("bagi_sasaran"):
            c.add(
                (*inner.path, "bagi_sasaran"),
                f"'{node.data['nama']}' di atasnya sudah membagi anggarannya — cukup satu "
                "pembagian; hapus salah satunya",
                "cek.bagi_sasaran",
                prefer_key=True,
            )
    for key in ("pagu", "realisasi"):
        parts = [part.get(key) for part in split.values()]
        whole = _sum(node, key)
        if key == "realisasi" and any(p is None for p in parts):
            if any(p is not None for p in parts):
                c.add(
                    path,
                    "isi realisasi di setiap bagian, atau tidak di satu bagian pun",
                    "cek.bagi_sasaran",
                    prefer_key=True,
                )
            continue
        total = sum((Decimal(str(p)) for p in parts), Decimal(0))
        if whole is not None and total != whole:
            c.add(
                path,
                f"jumlah {key} bagiannya {rupiah(total)} tidak sama dengan {key} baris ini "
                f"{rupiah(whole)} (selisih {rupiah(total - whole)}) — perbaiki pembagiannya",
                "cek.bagi_sasaran",
                prefer_key=True,
            )


def _sum(node: Node, key: str) -> Decimal | None:
    """A row's amount: its own at the lowest level, else the sum of the rows below it."""
    if not node.children:
        value = node.data.get(key)
        return None if value is None else Decimal(str(value))
    parts = [_sum(child, key) for child in node.children]
    present = [p for p in parts if p is not None]
    return sum(present, Decimal(0)) if present else None
