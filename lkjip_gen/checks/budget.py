"""The budget adds up: declared totals against their parts, leaves without pagu, spending above
pagu, the PK amounts against the budget, and jenis belanja against the programs.

A total is only compared with its parts when none of them was cut out for a schema error.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_gen.checks.checker import Checker, child_of, quoted
from lkjip_gen.data.load import Path_
from lkjip_gen.formatting import rupiah

Amounts = tuple[Decimal, Decimal | None]


def run(c: Checker) -> None:
    """Every budget total; warnings and errors go to ``c``."""
    pagu, real = Decimal(0), Decimal(0)
    for path, program in c.each(("program",)):
        p, r = _sums(c, program, path, "program")
        pagu, real = pagu + p, real + (r or 0)
        signed = program.get("pagu_pk")
        if signed is not None and c.intact(path) and Decimal(signed) != p:
            c.warn(
                (*path, "pagu_pk"),
                f"anggaran di Perjanjian Kinerja {rupiah(Decimal(signed))} berbeda dengan pagu "
                f"program {rupiah(p)} (selisih {rupiah(Decimal(signed) - p)}) — lampiran PK "
                "mencetak angka PK; bila anggaran berubah sesudah PK ditandatangani, tulis "
                "alasannya di catatan: {pagu_pk: …}, atau buat PK Perubahan",
                "cek.pagu_pk",
            )
    if c.get(("program",)) and c.intact(("program",)):
        _belanja(c, {"pagu": pagu, "realisasi": real})
    else:
        _belanja(c, None)


def _sums(c: Checker, node: dict[str, Any], path: Path_, level: str) -> Amounts:
    """Declared amounts against the sum of the children; returns the node's amounts."""
    child = child_of(level) or ""
    if not (node.get(child) if child else None):
        return _leaf(c, node, path, level)
    sums = [_sums(c, sub, sub_path, child) for sub_path, sub in c.each((*path, child))]
    total = sum((p for p, _ in sums), Decimal(0))
    reals = [r for _, r in sums if r is not None]
    total_real = sum(reals, Decimal(0)) if reals else None
    for field, computed in (("pagu", total), ("realisasi", total_real)):
        declared = node.get(field)
        if declared is None or computed is None or not c.intact((*path, child)):
            continue
        if Decimal(declared) != computed:
            c.warn(
                (*path, field),
                f"{field} yang ditulis {rupiah(Decimal(declared))} tidak sama dengan jumlah "
                f"{child.replace('_', ' ')}-nya {rupiah(computed)} (selisih "
                f"{rupiah(Decimal(declared) - computed)}) — laporan memakai jumlahnya",
                "cek.jumlah",
            )
    return total, total_real


def _leaf(c: Checker, node: dict[str, Any], path: Path_, level: str) -> Amounts:
    if node.get("pagu") is None and c.intact(path):
        c.add(
            path,
            f"pagu {level.replace('_', ' ')} {quoted(node['nama'])} belum diisi — isi pagu di "
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


def _belanja(c: Checker, programs: dict[str, Decimal] | None) -> None:
    """Each jenis against its rincian, then all jenis against the programs."""
    rows: list[tuple[Path_, dict[str, Any]]] = []
    for path, entry in c.each(("belanja",)):
        rincian = list(c.each((*path, "rincian")))
        if entry.get("rincian"):
            rows += rincian
            total = sum((Decimal(r["pagu"]) for _, r in rincian), Decimal(0))
            declared = entry.get("pagu")
            if declared is not None and c.intact(path) and Decimal(declared) != total:
                c.warn(
                    (*path, "pagu"),
                    f"pagu {rupiah(Decimal(declared))} tidak sama dengan jumlah rinciannya "
                    f"{rupiah(total)}",
                    "cek.jumlah",
                )
        elif entry.get("pagu") is None:
            c.add(
                path, "isi pagu dan realisasi, atau rinciannya", "cek.pagu_wajib", prefer_key=True
            )
        else:
            rows.append((path, entry))
    for path, row in rows:
        if row.get("realisasi") is not None and Decimal(row["realisasi"]) > Decimal(row["pagu"]):
            c.warn(
                (*path, "realisasi"),
                f"realisasi {rupiah(Decimal(row['realisasi']))} melebihi pagu "
                f"{rupiah(Decimal(row['pagu']))}",
                "cek.melebihi_pagu",
            )
    if not rows or programs is None or not c.intact(("belanja",)):
        return
    for field in ("pagu", "realisasi"):
        values = [(path, row[field]) for path, row in rows if row.get(field) is not None]
        if len(values) < len(rows):
            continue
        total = sum((Decimal(v) for _, v in values), Decimal(0))
        if total != programs[field]:
            _mismatch(c, field, total, programs[field], values)


def _mismatch(
    c: Checker, field: str, total: Decimal, programs: Decimal, rows: list[tuple[Path_, Any]]
) -> None:
    """Point at the one row whose typo explains the difference, when there is exactly one.

    A row is a suspect when its amount, corrected by the difference, is one typing slip away and
    still possible (a pagu not below its realisasi, a realisasi not above its pagu).
    """
    difference = total - programs
    suspects = []
    for path, value in rows:
        written = Decimal(value)
        meant = written - difference
        if written != difference and not (
            one_typo(written, meant) and _possible(c, path, field, meant)
        ):
            continue
        suspects.append((path, written))
    message = (
        f"jumlah {field} menurut jenis belanja {rupiah(total)} tidak sama dengan jumlah {field} "
        f"program {rupiah(programs)} (selisih {rupiah(difference)})"
    )
    if len(suspects) != 1:
        c.warn(("belanja",), message, "cek.jumlah_belanja")
        return
    path, value = suspects[0]
    fix = (
        "baris ini sama dengan selisihnya: tertulis dua kali, atau bukan belanja program?"
        if value == difference
        else f"bila yang benar {rupiah(value - difference)}, jumlahnya cocok"
    )
    c.warn((*path, field), f"{message} — {fix}", "cek.jumlah_belanja")


def _possible(c: Checker, path: Path_, field: str, meant: Decimal) -> bool:
    other = c.get((*path, "realisasi" if field == "pagu" else "pagu"))
    if other is None:
        return True
    return meant >= Decimal(other) if field == "pagu" else meant <= Decimal(other)


def one_typo(written: Decimal, meant: Decimal) -> bool:
    """``written`` is ``meant`` with one digit mistyped, added, dropped or two digits swapped."""
    if meant < 0 or written == meant:
        return False
    a, b = f"{written:f}", f"{meant:f}"
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(
        long_[:i] + long_[i + 1 :] == short for i in range(len(long_))
    )
