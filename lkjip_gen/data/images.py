"""The images a report embeds (logo, bagan): PNG or JPEG, told by their bytes, not their name.

The validator reports a bad image at the data line that names it; the renderer asks the same
question again (the file may have changed since) and needs the pixel size to fit the image. The
pixel bound applies to a template pack's own images too (render/lint_parts.py).
"""

from __future__ import annotations

from pathlib import Path

from lkjip_gen.data.limits import count
from lkjip_gen.errors import LkjipError

_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
MAX_PIKSEL = 100_000_000
"""Pixels (width × height) of one image. LibreOffice 7.4 leaves an image of 1.6 billion pixels
out of the PDF without a word (one of 900 million it shrinks, in 35 s and 1 GB); 100 million is
10,000 × 10,000, far more than the widest print (16 cm at 600 dpi is 3,800 pixels) needs."""


class ImageError(LkjipError):
    """An image named in the data cannot be embedded; the message says why and what to do."""


def image_size(file: Path) -> tuple[int, int]:
    """The pixel width and height of a PNG or JPEG image.

    Raises:
        ImageError: the file is missing, is not PNG or JPEG (whatever its name says), or is
            damaged.
    """
    if not file.is_file():
        raise ImageError(
            f"berkas gambar '{file.name}' tidak ditemukan — jalurnya dibaca relatif terhadap "
            "folder berkas yang menyebutnya"
        )
    with file.open("rb") as stream:
        head = stream.read(8)
    if not head.startswith(_SIGNATURES):
        raise ImageError(f"'{file.name}' bukan PNG atau JPEG — simpan ulang gambarnya sebagai PNG")
    # python-docx reads the size the way Word will; imported here so validation stays light.
    from docx.image.image import Image

    try:
        image = Image.from_file(str(file))
        if image.px_width <= 0 or image.px_height <= 0:
            raise ValueError("ukuran gambar 0 piksel")
    except Exception as e:  # python-docx raises several kinds for a damaged header
        detail = f" ({e})" if str(e) else ""
        raise ImageError(
            f"gambar '{file.name}' rusak atau tidak dapat dibaca{detail} — simpan ulang "
            "gambarnya sebagai PNG"
        ) from e
    width, height = int(image.px_width), int(image.px_height)
    if (wrong := too_large(width, height)) is not None:
        raise ImageError(f"gambar '{file.name}' {wrong}")
    return width, height


def too_large(width: int, height: int) -> str | None:
    """What to say of an image over :data:`MAX_PIKSEL`, after its name; None when it is not."""
    if width * height <= MAX_PIKSEL:
        return None
    return (
        f"berukuran {count(width)} × {count(height)} piksel, lebih dari {count(MAX_PIKSEL)} "
        "piksel — perkecil gambarnya: lebar 4.000 piksel sudah tajam untuk dicetak, dan gambar "
        "yang jauh lebih besar hilang dari PDF"
    )
