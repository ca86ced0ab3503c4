"""Budget rows: one program/kegiatan/sub kegiatan written once, kode unique and under its parent's
kode, and a program indicator that is also an IKU reporting the IKU's realisasi.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_gen.checks.checker import Checker, child_of, is_number, norm, quoted
from lkjip_gen.checks.names import near
from lkjip_gen.compute.capaian import agrees_as_written, realisasi_rasio
from lkjip_gen.data.load import Path_
from lkjip_gen.formatting import rupiah


def run(c: Checker) -> None:
    """Duplicates, kode and the indicators of the budget rows."""
    _duplicates(c)
    _kode_under_parent(c)
    _rincian_twice(c)
    measured = _measured(c)
    for path, _ in c.budget_nodes():
        for ind_path, ind in c.each((*path, "indikator")):
            for field in ("target", "realisasi"):
                value = ind.get(field)
                if isinstance(value, Decimal):
                    c.fraction((*ind_path, field), ind.get("satuan"), value)
            _same_indicator(c, ind_path, ind, measured)


def _duplicates(c: Checker) -> None:
    by_ident: dict[str, tuple[Path_, dict[str, Any]]] = {}
    by_kode: dict[str, tuple[Path_, dict[str, Any]]] = {}
    for path, node in c.budget_nodes():
        level = str(path[-2])
        kode = node.get("kode")
        if kode:
            first_kode = by_kode.setdefault(f"{level}:{kode}", (path, node))
            if first_kode[0] != path and norm(first_kode[1]["nama"]) != norm(node["nama"]):
                c.warn(
                    (*path, "kode"),
                    f"kode {quoted(kode)} sudah dipakai untuk {quoted(first_kode[1]['nama'])} "
                    f"(baris {c.line(first_kode[0])}) — setiap {level.replace('_', ' ')} punya "
                    "kode sendiri; periksa kodenya",
                    "cek.kode_ganda",
                )
                continue
        ident = f"{level}:{kode or norm(node['nama'])}"
        first = by_ident.setdefault(ident, (path, node))
        if first[0] == path:
            continue
        if _frozen(first[1]) == _frozen(node):
            c.warn(
                path,
                f"{quoted(node['nama'])} ditulis dua kali dengan isi yang sama (pertama di baris "
                f"{c.line(first[0])}) — pagu {rupiah(_pagu(node, level))} terhitung dua kali; "
                "hapus salah satunya",
                "cek.baris_ganda",
                prefer_key=True,
            )
        else:
            c.warn(
                path,
                f"{quoted(node['nama'])} sudah ditulis di baris {c.line(first[0])} dengan "
                "indikator atau anggaran yang berbeda — satu program/kegiatan seharusnya punya "
                "satu realisasi",
                "cek.ganda",
            )


def _kode_under_parent(c: Checker) -> None:
    for path, node in c.budget_nodes():
        child = child_of(path[-2])
        kode = node.get("kode")
        if not child or not kode:
            continue
        for sub_path, sub in c.each((*path, child)):
            sub_kode = sub.get("kode")
            if sub_kode and not str(sub_kode).startswith(f"{kode}."):
                c.warn(
                    (*sub_path, "kode"),
                    f"kode {quoted(sub_kode)} tidak berawalan kode induknya {quoted(kode)} (baris "
                    f"{c.line((*path, 'kode'))}) — periksa kodenya",
                    "cek.kode_induk",
                )


def _rincian_twice(c: Checker) -> None:
    for path, _ in c.each(("belanja",)):
        seen: dict[Any, Path_] = {}
        for row_path, row in c.each((*path, "rincian")):
            first = seen.setdefault(_frozen(row), row_path)
            if first != row_path:
                c.warn(
                    row_path,
                    f"rekening {quoted(row['uraian'])} ditulis dua kali dengan angka yang sama "
                    f"(pertama di baris {c.line(first)}) — hapus salah satunya",
                    "cek.baris_ganda",
                )


def _frozen(value: Any) -> Any:
    """A hashable copy of a data tree, for comparing two rows whole."""
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def _pagu(node: dict[str, Any], level: str) -> Decimal:
    child = child_of(level)
    subs = [s for s in node.get(child) or [] if isinstance(s, dict)] if child else []
    if not subs:
        return Decimal(node.get("pagu") or 0)
    return sum((_pagu(s, str(child)) for s in subs), Decimal(0))


def _measured(c: Checker) -> list[tuple[str, Decimal]]:
    """This year's realisasi of each Renstra indicator, with its name."""
    result = []
    for key, entry in (c.get(("kinerja",)) or {}).items():
        if key not in c.indicators:
            continue
        value = entry.get("realisasi")
        if value is None:
            value = realisasi_rasio(entry)
        if is_number(value):
            result.append((c.indicators[key][1]["nama"], Decimal(value)))
    return result


def _same_indicator(
    c: Checker, path: Path_, ind: dict[str, Any], measured: list[tuple[str, Decimal]]
) -> None:
    """A program indicator that is also an IKU (same name, or one typo away) agrees with it."""
    value = ind.get("realisasi")
    if not is_number(value):
        return
    for name, other in measured:
        same = norm(name) == norm(ind["nama"])
        if not (same or near(name, ind["nama"])) or agrees_as_written(other, Decimal(value)):
            continue
        shown = f"{other.quantize(Decimal('0.01')).normalize():f}"
        what = "juga" if same else f"mirip {quoted(name)}, yaitu"
        c.warn(
            (*path, "realisasi"),
            f"indikator {quoted(ind['nama'])} {what} indikator kinerja (kinerja:) dengan realisasi "
            f"{shown}, tetapi di sini {value} — satu indikator seharusnya punya satu realisasi",
            "cek.realisasi_beda",
        )
        return
