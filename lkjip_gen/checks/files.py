"""Files the data names: images exist and are real PNG or JPEG (data/images.py), the chart
font is TrueType/OpenType (data/fonts.py), an own template pack exists (its contents are linted
by render/lint.py).
"""

from __future__ import annotations

from lkjip_gen.checks.checker import Checker, quoted
from lkjip_gen.data.fonts import font_problem
from lkjip_gen.data.images import ImageError, image_size
from lkjip_gen.resources import shipped_templates


def run(c: Checker) -> None:
    """Logo, organisation chart, chart font and the template folder."""
    for path in (("instansi", "logo"), ("organisasi", "bagan")):
        file = c.doc.file_at(path) if isinstance(c.get(path), str) else None
        if file is None:
            continue
        try:
            image_size(file)
        except ImageError as wrong:
            c.add(path, str(wrong), "cek.gambar")
    huruf = ("pengaturan", "grafik", "huruf")
    font = c.doc.file_at(huruf) if isinstance(c.get(huruf), str) else None
    problem = font_problem(font) if font is not None else None
    if problem:
        c.add(huruf, problem, "cek.huruf")
    path = ("pengaturan", "templat")
    name = c.get(path)
    folder = c.doc.file_at(path) if isinstance(name, str) else None
    if folder is None or shipped_templates(str(name)):
        return
    if not folder.exists():
        c.add(
            path,
            f"templat {quoted(name)} bukan templat bawaan (default) dan {folder} tidak ditemukan — "
            "jalurnya dibaca relatif terhadap berkas ini; buat dengan: lkjip templat salin "
            "FOLDER",
            "cek.templat",
        )
