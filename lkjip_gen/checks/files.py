"""Files the data names: images exist and are PNG or JPEG, an own template pack exists (its
contents are linted by render/lint.py).
"""

from __future__ import annotations

from lkjip_gen.checks.checker import Checker
from lkjip_gen.resources import shipped_templates


def run(c: Checker) -> None:
    """Logo, organisation chart and the template folder."""
    for path in (("instansi", "logo"), ("organisasi", "bagan")):
        if not isinstance(c.get(path), str):
            continue
        file = c.doc.file_at(path)
        if file is None:
            continue
        if not file.is_file():
            c.add(
                path,
                f"berkas gambar '{file.name}' tidak ditemukan — jalurnya dibaca relatif "
                "terhadap folder berkas yang menyebutnya",
                "cek.gambar",
            )
        elif file.suffix.lower() not in (".png", ".jpg", ".jpeg"):
            c.add(
                path,
                f"'{file.name}' bukan PNG atau JPEG — simpan ulang gambarnya sebagai PNG",
                "cek.gambar",
            )
    path = ("pengaturan", "templat")
    name = c.get(path)
    folder = c.doc.file_at(path) if isinstance(name, str) else None
    if folder is None or shipped_templates(str(name)):
        return
    if not folder.exists():
        c.add(
            path,
            f"templat '{name}' bukan templat bawaan (default) dan {folder} tidak ditemukan — "
            "jalurnya dibaca relatif terhadap berkas ini; buat dengan: lkjip templat salin "
            "FOLDER",
            "cek.templat",
        )
