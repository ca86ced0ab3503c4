"""Totals that must agree: program = Σ kegiatan = Σ sub kegiatan, and the workbook's JUMLAH rows."""

from __future__ import annotations

from decimal import Decimal

from lkjip_gen.excel.match import Matching, Node
from lkjip_gen.excel.rows import LEVELS, BudgetRow
from lkjip_gen.formatting import rupiah

FIELDS = ("pagu", "realisasi")


def _differs(what: str, stated: Decimal, computed: Decimal, parts: str) -> str:
    return (
        f"{what} {rupiah(stated, 'tabel')} tidak sama dengan jumlah {parts} "
        f"{rupiah(computed, 'tabel')} (selisih {rupiah(stated - computed, 'tabel')})"
    )


def workbook(rows: list[BudgetRow]) -> list[str]:
    """Disagreements inside the workbook: a row against the rows under it, JUMLAH rows."""
    children: dict[int, list[BudgetRow]] = {}
    stack: list[BudgetRow] = []
    ranked: list[BudgetRow] = []
    messages: list[str] = []
    since_start: list[BudgetRow] = []
    since_total: list[BudgetRow] = []
    for b in rows:
        if b.kind == "jumlah":
            messages += _total(b, since_total, since_start)
            since_total, stack = [], []
            continue
        if b.kind != "baris":
            continue
        if b.level is None:
            since_total.append(b)
            since_start.append(b)
            continue
        depth = LEVELS.index(b.level)
        while stack and LEVELS.index(stack[-1].level or "") >= depth:
            stack.pop()
        if stack:
            children.setdefault(id(stack[-1]), []).append(b)
        stack.append(b)
        ranked.append(b)
        since_total.append(b)
        since_start.append(b)
    for b in ranked:
        for name in FIELDS:
            kids = children.get(id(b), [])
            stated = getattr(b, name)
            values = [getattr(k, name) for k in kids if getattr(k, name) is not None]
            if stated is None or not values or sum(values, Decimal(0)) == stated:
                continue
            parts = f"{(kids[0].level or '').replace('_', ' ')} di bawahnya"
            messages.append(
                f"{b.row.where(name)}: {b.label()}: "
                + _differs(name, stated, sum(values, Decimal(0)), parts)
            )
    return messages


def _total(b: BudgetRow, since_total: list[BudgetRow], since_start: list[BudgetRow]) -> list[str]:
    """A JUMLAH row must equal the lowest-level rows above it (since the last total, or all)."""
    out = []
    for name in FIELDS:
        stated = getattr(b, name)
        if stated is None:
            continue
        sums = [_leaf_sum(group, name) for group in (since_total, since_start)]
        if stated not in sums:
            out.append(
                f"{b.row.where(name)}: baris jumlah: "
                + _differs(name, stated, sums[0], "baris rincian di atasnya")
            )
    return out


def _leaf_sum(rows: list[BudgetRow], name: str) -> Decimal:
    """Σ of the rows that have no deeper row right below them (the rows holding the money)."""
    total = Decimal(0)
    for i, b in enumerate(rows):
        after = rows[i + 1] if i + 1 < len(rows) else None
        deeper = (
            after is not None
            and b.level is not None
            and after.level is not None
            and LEVELS.index(after.level) > LEVELS.index(b.level)
        )
        value = getattr(b, name)
        if not deeper and value is not None:
            total += value
    return total


def data(matching: Matching, nodes: list[Node], new: dict[int, dict[str, Decimal]]) -> list[str]:
    """A workbook program/kegiatan row against the sum of its sub kegiatan after the import."""
    children: dict[int, list[Node]] = {}
    for n in nodes:
        if n.parent is not None:
            children.setdefault(id(n.parent), []).append(n)

    def total(node: Node, name: str) -> Decimal | None:
        if node.leaf:
            value = new.get(id(node), {}).get(name, node.data.get(name))
            return None if value is None else Decimal(value)
        parts = [t for t in (total(c, name) for c in children.get(id(node), [])) if t is not None]
        return sum(parts, Decimal(0)) if parts else None

    out = []
    for p in matching.placed:
        node = p.node
        if not isinstance(node, Node) or node.leaf:
            continue
        for name in FIELDS:
            stated = getattr(p.row, name)
            computed = total(node, name)
            if stated is None or computed is None or stated == computed:
                continue
            out.append(
                f"{p.row.row.where(name)}: {node.name} '{node.data['nama']}': "
                + _differs(f"{name} di buku kerja", stated, computed, "rinciannya di data")
            )
    return out
