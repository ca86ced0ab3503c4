"""Files shipped with lkjip_gen (schema, default templates); which template folder a report uses."""

from __future__ import annotations

from pathlib import Path

DOCUMENTS = {"lkjip": "Laporan Kinerja Instansi Pemerintah", "pk": "Perjanjian Kinerja"}
"""The documents lkjip writes, by the name of their template, with their title."""
TEMPLATE_FILES = tuple(f"{name}.docx" for name in DOCUMENTS)


def resource_dir(name: str) -> Path:
    """The folder ``schemas`` or ``templates``: in the installed package, else the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / name, here.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"folder {name} tidak ditemukan di instalasi lkjip_gen")


def schema_path() -> Path:
    return resource_dir("schemas") / "lkjip.schema.json"


def shipped_templates(name: str) -> Path | None:
    """The shipped template set called ``name`` (``default``), or None when there is none."""
    folder = resource_dir("templates") / name
    return folder if folder.is_dir() else None


def template_folder(name: str) -> Path:
    """``pengaturan.templat`` as a folder: a shipped set by name wins over a folder of that name.

    An office's own folder reaches here already resolved to an absolute path (see
    ``lkjip_gen.build``), so a relative name can only mean a shipped set.
    """
    return shipped_templates(name) or Path(name)
