"""Files shipped with lkjip_gen (schema, template packs, examples); shipped pack or an own one."""

from __future__ import annotations

from pathlib import Path

DOCUMENTS = {
    "lkjip": "Laporan Kinerja Instansi Pemerintah",
    "pk": "Perjanjian Kinerja",
    "rencana-aksi": "Rencana Aksi",
    "realisasi-rencana-aksi": "Realisasi Rencana Aksi",
    "rkt": "Rencana Kerja Tahunan",
}
"""The documents lkjip writes (``lkjip build --document``), with their titles."""

# The manifest every template pack holds (see lkjip_gen.render.pack).
PACK_MANIFEST = "templat.yaml"


def resource_dir(name: str) -> Path:
    """The folder ``schemas``, ``templates`` or ``examples``: in the installed package, else the
    source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / name, here.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"folder {name} tidak ditemukan di instalasi lkjip_gen")


def schema_path(name: str = "lkjip") -> Path:
    """The JSON Schema of a year file (``lkjip``) or of a regency roll-up file (``rekap``)."""
    return resource_dir("schemas") / f"{name}.schema.json"


def shipped_templates(name: str) -> Path | None:
    """The shipped template pack called ``name`` (``default``), or None when there is none.

    A shipped name wins over a folder of that name: an office's own pack reaches lkjip_gen
    already resolved to an absolute path (see ``lkjip_gen.build``), so a bare name can only
    mean a shipped pack.
    """
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    folder = resource_dir("templates") / name
    return folder if (folder / PACK_MANIFEST).is_file() else None


def shipped_examples() -> list[Path]:
    """The example data files shipped with lkjip_gen (the linter renders a pack with each)."""
    try:
        folder = resource_dir("examples")
    except FileNotFoundError:
        return []
    return sorted(folder.glob("*/lkjip-*.yaml"))
