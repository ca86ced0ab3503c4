"""Bab I tables: rows as wide as their columns, declared totals equal to their rows, and two
staff tables that count the same people agreeing on how many there are.
"""

from __future__ import annotations

from typing import Any

from lkjip_gen.checks.checker import Checker, norm, quoted
from lkjip_gen.data.load import Path_

# Tables that break down the whole staff (a diklat or eselon table counts only some of them).
WHOLE_STAFF = ("pendidikan", "golongan", "status", "jabatan")


def run(c: Checker) -> None:
    """SDM, sarana and kondisi umum tables."""
    for path, table in c.each(("sdm",)):
        _sdm(c, path, table)
    _staff_totals(c)
    for path, item in c.each(("sarana", "barang")):
        parts = [item.get(k) for k in ("baik", "kurang_baik", "rusak_berat")]
        if item.get("jumlah") is not None and any(p is not None for p in parts):
            total = sum(p or 0 for p in parts)
            if total != item["jumlah"]:
                c.warn(
                    (*path, "jumlah"),
                    f"jumlah {item['jumlah']} tidak sama dengan baik + kurang baik + rusak berat "
                    f"= {total}",
                    "cek.jumlah",
                )
    for path, table in c.each(("kondisi_umum",)):
        for row_path, row in c.each((*path, "baris")):
            if len(row["nilai"]) != len(table["tahun"]):
                c.add(
                    (*row_path, "nilai"),
                    f"berisi {len(row['nilai'])} nilai, padahal ada {len(table['tahun'])} tahun",
                    "cek.kolom",
                )


def _sdm(c: Checker, path: Path_, table: dict[str, Any]) -> None:
    width = len(table["kolom"])
    for row_path, row in c.each((*path, "baris")):
        if len(row["nilai"]) != width:
            c.add(
                (*row_path, "nilai"),
                f"berisi {len(row['nilai'])} angka, padahal tabel punya {width} kolom "
                f"({', '.join(table['kolom'])})",
                "cek.kolom",
            )
    grouped = sum(g["kolom"] for g in table.get("grup_kolom") or [] if isinstance(g, dict))
    if grouped > width:
        c.add(
            (*path, "grup_kolom"),
            f"grup mencakup {grouped} kolom, padahal tabel punya {width} kolom",
            "cek.kolom",
        )
    declared = table.get("jumlah")
    sums = column_sums(c, path, table)
    if declared is not None and sums is not None and list(declared) != sums:
        c.warn(
            (*path, "jumlah"),
            f"jumlah yang ditulis {declared} tidak sama dengan jumlah baris {sums}",
            "cek.jumlah",
        )


def column_sums(c: Checker, path: Path_, table: dict[str, Any]) -> list[int] | None:
    """The total of each column, or None when a row was cut out for a schema error."""
    if not c.intact(path):
        return None
    rows = table["baris"]
    return [
        sum(r["nilai"][k] for r in rows if k < len(r["nilai"])) for k in range(len(table["kolom"]))
    ]


def _staff_totals(c: Checker) -> None:
    """A column named alike in two whole-staff tables counts the same people."""
    seen: dict[str, tuple[Path_, int]] = {}
    for path, table in c.each(("sdm",)):
        sums = column_sums(c, path, table)
        if table.get("jenis") not in WHOLE_STAFF or sums is None:
            continue
        for k, (name, total) in enumerate(zip(table["kolom"], sums, strict=True)):
            # Two one-column tables of the whole staff count the same people whatever the names.
            key = "*" if len(sums) == 1 else norm(name)
            first = seen.setdefault(key, ((*path, "kolom", k), total))
            if first[1] != total:
                c.warn(
                    (*path, "baris"),
                    f"kolom {quoted(name)} berjumlah {total} orang, tetapi tabel di baris "
                    f"{c.line(first[0])} menghitung {first[1]} orang untuk kolom yang sama — "
                    "periksa angka kedua tabel",
                    "cek.sdm",
                    prefer_key=True,
                )
