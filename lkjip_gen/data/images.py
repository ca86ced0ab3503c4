"""The images a report embeds (logo, bagan): PNG or JPEG, told by their bytes, not their name.

The validator reports a bad image at the data line that names it; the renderer asks the same
question again (the file may have changed since) and needs the pixel size to fit the image.
"""

from __future__ import annotations

from pathlib import Path

from lkjip_gen.errors import LkjipError

_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


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
    return int(image.px_width), int(image.px_height)
