"""The font file a report's charts may use: TrueType or OpenType, told by its bytes, not its name.

The validator reports a bad file at the data line that names it; drawing a chart reports it
again should the file have changed since.
"""

from __future__ import annotations

from pathlib import Path

# TrueType (version 1.0 or Apple's "true") and OpenType with CFF outlines.
_SIGNATURES = (b"\x00\x01\x00\x00", b"true", b"OTTO")
MAX_FONT_BYTES = 50_000_000
"""Larger than any single font face (CJK fonts reach 20 MB)."""


def font_problem(file: Path) -> str | None:
    """What is wrong with ``file`` as a chart font, or None when it is a TrueType/OpenType font."""
    if not file.is_file():
        return (
            f"berkas huruf '{file.name}' tidak ditemukan — jalurnya dibaca relatif terhadap "
            "folder berkas yang menyebutnya"
        )
    if file.stat().st_size > MAX_FONT_BYTES:
        return f"berkas huruf '{file.name}' lebih dari 50 MB — pilih satu berkas .ttf atau .otf"
    with file.open("rb") as stream:
        head = stream.read(4)
    if head not in _SIGNATURES:
        return (
            f"'{file.name}' bukan berkas huruf TrueType atau OpenType — pilih berkas .ttf atau "
            ".otf (koleksi .ttc dan huruf web .woff tidak dapat dipakai)"
        )
    return None
