"""Which data row a workbook row is: by kode first, then by name within the row's parent."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from lkjip_gen.compute.anggaran import budget_tree, walk
from lkjip_gen.data.load import Path_, format_path
from lkjip_gen.excel.read import Row
from lkjip_gen.excel.rows import LEVELS, BudgetRow

_PREFIX = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[a-z][.)]|[ivx]+\.|[-•*])\s+", re.IGNORECASE)
_WORDS = re.compile(r"[0-9a-z]+")


def name_key(text: str) -> str:
    """A name as compared: case, punctuation, spacing and a leading "1.1." or "a." ignored."""
    return " ".join(_WORDS.findall(_PREFIX.sub("", text).casefold()))


@dataclass(eq=False)
class Node:
    """A program, kegiatan or sub kegiatan of the data file."""

    path: Path_
    level: str
    data: dict[str, Any]
    parent: Node | None
    leaf: bool = True

    @property
    def name(self) -> str:
        return format_path(self.path)


@dataclass
class Placed:
    """A workbook row and the data row it was matched to, and how."""

    row: Any  # BudgetRow or Row
    node: Any  # Node or Indicator
    how: str  # "kode", "id" or "nama"


@dataclass
class Matching:
    placed: list[Placed] = field(default_factory=list)
    unplaced: list[tuple[Any, str]] = field(default_factory=list)


def budget_nodes(data: dict[str, Any]) -> list[Node]:
    """Every budget node of the data, depth first, each knowing its parent."""
    out: list[Node] = []
    by_path: dict[Path_, Node] = {}
    for tree_node in walk(budget_tree(data.get("program", []))):
        path, node = tree_node.path, cast(dict[str, Any], tree_node.data)
        parent = by_path.get(path[:-2]) if len(path) > 2 else None
        item = Node(path, str(path[-2]), node, parent)
        if parent is not None:
            parent.leaf = False
        by_path[path] = item
        out.append(item)
    return out


class _BudgetIndex:
    def __init__(self, nodes: list[Node]) -> None:
        self.by_kode: dict[str, list[Node]] = {}
        self.by_name: dict[str, list[Node]] = {}
        for n in nodes:
            if n.data.get("kode"):
                self.by_kode.setdefault(str(n.data["kode"]).strip(), []).append(n)
            self.by_name.setdefault(name_key(n.data["nama"]), []).append(n)
        self.used: dict[int, BudgetRow] = {}

    def free(self, nodes: list[Node]) -> list[Node]:
        return [n for n in nodes if id(n) not in self.used]


def match_budget(rows: list[BudgetRow], nodes: list[Node]) -> Matching:
    """Place every budget row; rows of other kinds are left to the caller."""
    index = _BudgetIndex(nodes)
    context: dict[str, Node | None] = dict.fromkeys(LEVELS)
    result = Matching()
    for b in rows:
        if b.kind != "baris":
            continue
        node, how, reason = _find(b, index, context)
        if node is not None and id(node) in index.used:
            first = index.used[id(node)]
            reason = f"{node.name} sudah diisi dari {first.row.where()}; baris ini diabaikan"
            node = None
        if node is None:
            result.unplaced.append((b, reason or _why_not(b, context)))
            if b.level:
                _enter(context, b.level, None)
            continue
        index.used[id(node)] = b
        result.placed.append(Placed(b, node, how))
        _enter(context, node.level, node)
    return result


def _enter(context: dict[str, Node | None], level: str, node: Node | None) -> None:
    depth = LEVELS.index(level)
    context[level] = node
    for deeper in LEVELS[depth + 1 :]:
        context[deeper] = None


def _parent(context: dict[str, Node | None], level: str | None) -> Node | None:
    if level is None or level == LEVELS[0]:
        return None
    return context[LEVELS[LEVELS.index(level) - 1]]


def _find(
    b: BudgetRow, index: _BudgetIndex, context: dict[str, Node | None]
) -> tuple[Node | None, str, str | None]:
    parent = _parent(context, b.level)
    if b.kode:
        codes = [b.kode]
        if parent is not None and parent.data.get("kode"):
            codes.append(f"{parent.data['kode']}.{b.kode}")
        for code in codes:
            found = index.free(index.by_kode.get(code, [])) or index.by_kode.get(code, [])
            if found:
                return found[0], "kode", None
    if not b.uraian:
        return None, "", None
    candidates = index.by_name.get(name_key(b.uraian), [])
    if b.level:
        candidates = [n for n in candidates if n.level == b.level]
    local = [n for n in candidates if parent is not None and n.parent is parent]
    free = index.free(local or candidates)
    if local and free:
        return free[0], "nama", None
    if len(free) == 1:
        return free[0], "nama", None
    if len(free) > 1:
        names = ", ".join(n.name for n in free[:4])
        return None, "", f"namanya cocok dengan {len(free)} baris data ({names}) — tambahkan kode"
    if candidates:
        return (local or candidates)[0], "nama", None
    return None, "", None


def _why_not(b: BudgetRow, context: dict[str, Node | None]) -> str:
    for level in LEVELS:
        above = context[level]
        deeper = b.level is None or LEVELS.index(level) < LEVELS.index(b.level)
        if above is not None and above.leaf and deeper:
            return (
                f"rincian dari {above.level.replace('_', ' ')} '{above.data['nama']}' yang di "
                "data tidak dirinci — dilewati"
            )
    what = f"kode {b.kode} dan nama" if b.kode else "namanya"
    return f"{what} tidak ada di data — tambahkan ke program: bila baris ini memang baru"


def _text(value: Any) -> str | None:
    if isinstance(value, Decimal):
        return format(value, "f")
    return value if isinstance(value, str) else None


@dataclass(eq=False)
class Indicator:
    """A Renstra indicator (of a tujuan or sasaran) that ``kinerja:`` reports on."""

    id: str
    data: dict[str, Any]


def indicators(data: dict[str, Any]) -> list[Indicator]:
    renstra = data.get("renstra") or {}
    return [
        Indicator(str(i["id"]), i)
        for group in ("tujuan", "sasaran")
        for parent in renstra.get(group) or []
        for i in parent.get("indikator") or []
        if isinstance(i, dict) and i.get("id")
    ]


def match_kinerja(rows: list[Row], items: list[Indicator]) -> Matching:
    """Place indicator rows by id (exact, then ignoring case), then by unique name."""
    by_id = {i.id: i for i in items}
    by_folded = {i.id.casefold(): i for i in items}
    by_name: dict[str, list[Indicator]] = {}
    for i in items:
        by_name.setdefault(name_key(str(i.data.get("nama", ""))), []).append(i)
    used: dict[str, Row] = {}
    result = Matching()
    for row in rows:
        ident = _text(row.cells.get("id"))
        name = _text(row.cells.get("indikator"))
        found = by_id.get(ident or "") or by_folded.get((ident or "").casefold())
        how = "id"
        if found is None and name:
            same = by_name.get(name_key(name), [])
            found, how = (same[0], "nama") if len(same) == 1 else (None, "")
        if found is None:
            what = f"id {ident!r}" if ident else f"indikator {name!r}" if name else "baris ini"
            result.unplaced.append((row, f"{what} tidak ada di renstra — periksa id/nama"))
        elif found.id in used:
            result.unplaced.append(
                (row, f"{found.id} sudah diisi dari {used[found.id].where()}; baris ini diabaikan")
            )
        else:
            used[found.id] = row
            result.placed.append(Placed(row, found, how))
    return result
