"""Whether an image named in the data can go into the document (exists, real PNG or JPEG)."""

from __future__ import annotations

from pathlib import Path

from docx.image.image import Image

_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def image_problem(file: Path) -> str | None:
    """Why ``file`` cannot be placed in the document (in Indonesian), or None when it can.

    The content decides, not the name: python-docx reads the same header when rendering, so an
    image accepted here is one the build can place.
    """
    if not file.is_file():
        return (
            f"berkas gambar '{file.name}' tidak ditemukan — jalurnya dibaca relatif "
            "terhadap folder berkas yang menyebutnya"
        )
    try:
        with file.open("rb") as f:
            head = f.read(8)
        if not head.startswith(_SIGNATURES):
            return f"'{file.name}' bukan PNG atau JPEG — simpan ulang gambarnya sebagai PNG"
        image = Image.from_file(str(file))
        if image.px_width <= 0 or image.px_height <= 0:
            raise ValueError("ukuran gambar 0 piksel")
    except Exception as e:  # python-docx raises several kinds for a damaged header
        return (
            f"gambar '{file.name}' rusak atau tidak dapat dibaca ({e}) — simpan ulang sebagai PNG"
        )
    return None
