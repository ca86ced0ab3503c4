"""``lkjip tahun-baru``: next year's data file written from this year's, ready to fill in.

The year advances and ``tahun_lalu`` names this file, so next year's history comes from here.
Everything measured is cleared (realisasi, pembilang/penyebut, quarterly values, budget spent,
the national figure and typed history); targets become the Renstra's for the new year (or the
RKT's, whose programs also become the new year's); narratives, actions and comments stay for
editing. The file is edited as text (``data.edit``), so every comment and the order of keys
survive. The new file must validate, or it is not left behind; an existing file is never
overwritten.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lkjip_gen.build import check_file, valid_document
from lkjip_gen.data.edit import YamlFile
from lkjip_gen.disk import resolved
from lkjip_gen.errors import LkjipError, ValidationFailed
from lkjip_gen.output.files import atomic_write

# What a kinerja entry measured this year; none of it belongs to next year.
MEASURED = (
    "realisasi",
    "pembilang",
    "penyebut",
    "triwulan",
    "pembilang_triwulan",
    "penyebut_triwulan",
    "target_triwulan",
    "riwayat",
    "nasional",
    "keterangan",
    "catatan",  # answers to this year's warnings
)
# Dates of this year's report and PK.
DATES = ("tanggal", "tanggal_pk", "tanggal_triwulan", "pk_perubahan")


@dataclass
class NewYear:
    """The file written and what was done to it, for the message shown to the user."""

    path: Path
    tahun: int
    notes: list[str] = field(default_factory=list)


def next_year(source: Path, target: Path | None = None) -> NewYear:
    """Write next year's file from ``source`` to ``target`` (a file, or a folder to write it
    into; beside ``source`` by default); never overwrites.

    Raises:
        ValidationFailed: ``source`` has errors (fix them first).
        LkjipError: the target exists, or the file written would not validate.
    """
    checked = valid_document(source)
    data = checked.doc.data
    tahun = data["laporan"]["tahun"] + 1
    name = new_name(source.name, tahun - 1, tahun)
    if target is None:
        target = source.with_name(name)
    elif target.is_dir():  # -o 2025: a folder to write next year's file into
        target = target / name
    if target.exists():
        raise LkjipError(f"{target} sudah ada — lkjip tahun-baru tidak pernah menimpa berkas")
    f = YamlFile(source)
    result = NewYear(target, tahun)
    _laporan(f, source, target, tahun)
    _kinerja(f, data, tahun, result)
    _budget(f, result)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, f.text.encode("utf-8"))
    try:
        problems = check_file(target).errors
    except ValidationFailed as failed:
        problems = failed.problems
    if problems:
        target.unlink()
        lines = "\n".join(str(p) for p in problems)
        raise LkjipError(f"berkas tahun {tahun} tidak sah, jadi tidak ditulis:\n{lines}")
    return result


def new_name(name: str, tahun: int, baru: int) -> str:
    """``lkjip-2024.yaml`` → ``lkjip-2025.yaml``; a name without its year gets ``-2025``."""
    if str(tahun) in name:
        return name.replace(str(tahun), str(baru))
    stem, dot, ext = name.rpartition(".")
    return f"{stem}-{baru}.{ext}" if dot else f"{name}-{baru}"


def _laporan(f: YamlFile, source: Path, target: Path, tahun: int) -> None:
    f.set(("laporan", "tahun"), tahun)
    for key in DATES:
        f.delete(("laporan", key))
    f.set(("tahun_lalu",), _relative(source, target.parent), after="profil")
    profil = f.value(("profil",))
    if isinstance(profil, str):
        f.set(("profil",), _relative(source.parent / profil, target.parent))


def _kinerja(f: YamlFile, data: dict[str, Any], tahun: int, result: NewYear) -> None:
    """Measured values cleared; targets from the RKT, else the Renstra, else kept to edit."""
    rkt = data.get("rkt") or {}
    planned = rkt.get("kinerja") or {}
    renstra = {
        ind["id"]: ind.get("target", {})
        for kind in ("tujuan", "sasaran")
        for parent in data["renstra"].get(kind) or []
        for ind in parent.get("indikator") or []
    }
    kept = []
    for key, entry in (f.value(("kinerja",)) or {}).items():
        new = {k: v for k, v in entry.items() if k not in MEASURED}
        new.update(planned.get(key) or {})
        if "target" not in (planned.get(key) or {}):
            if str(tahun) in renstra.get(key, {}):
                new.pop("target", None)
            elif "target" in new:
                kept.append(key)
        f.set(("kinerja", key), {**new, "realisasi": None})
    if kept:
        result.notes.append(
            f"target {', '.join(kept)} tetap seperti tahun lalu (Renstra tidak memuat target "
            f"{tahun}) — perbarui bila berubah"
        )


def _budget(f: YamlFile, result: NewYear) -> None:
    """The RKT's programs become the year's; else this year's programs without realisasi."""
    rkt = f.value(("rkt",)) or {}
    if rkt.get("program") and f.has(("program",)):
        f.copy_from(("rkt", "program"), ("program",))
        result.notes.append("program, kegiatan dan sub kegiatan diambil dari rkt")
    else:
        for path, node in _nodes(f.value(("program",)) or [], ("program",)):
            for key in ("realisasi", "realisasi_triwulan", "pagu_pk"):
                f.delete((*path, key))
            for j, indikator in enumerate(node.get("indikator") or []):
                for key in ("realisasi", "triwulan", "target_triwulan"):
                    if key in indikator:
                        f.delete((*path, "indikator", j, key))
    f.delete(("rkt",))
    if f.has(("belanja",)):
        f.delete(("belanja",))
        result.notes.append("belanja per jenis dihapus: isi dari DPA tahun baru")


def _nodes(items: list[dict[str, Any]], path: tuple[Any, ...]) -> list[tuple[Any, Any]]:
    found = []
    for i, node in enumerate(items):
        here = (*path, i)
        found.append((here, node))
        for below in ("kegiatan", "sub_kegiatan"):
            found += _nodes(node.get(below) or [], (*here, below))
    return found


def _relative(path: Path, folder: Path) -> str:
    """``path`` as written in a file in ``folder``: relative, with forward slashes."""
    try:
        text = os.path.relpath(resolved(path), resolved(folder))
    except ValueError:  # another drive on Windows
        text = str(resolved(path))
    return text.replace("\\", "/")
