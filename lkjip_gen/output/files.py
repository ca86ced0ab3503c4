"""Write output files safely: byte-reproducible .docx packages and atomic file replacement."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path
from typing import Any

from docx.opc.pkgwriter import PackageWriter

from lkjip_gen.output.replace import replace_all

_CONTENT_TYPES = "[Content_Types].xml"
_PACKAGE_RELS = "_rels/.rels"
# Fixed ZIP attributes: create_system 3 (Unix) with mode 0644, so the bytes do not depend on the
# operating system or on the permissions of whatever wrote the original package.
_CREATE_SYSTEM = 3
_EXTERNAL_ATTR = (stat.S_IFREG | 0o644) << 16
_COMPRESSLEVEL = 6


def _entry_order(name: str) -> tuple[int, str]:
    # File-type sniffers (libmagic, mail filters) look for the content types as the first entry;
    # the package relationships next is the order Word itself writes.
    if name == _CONTENT_TYPES:
        return (0, name)
    if name == _PACKAGE_RELS:
        return (1, name)
    return (2, name)


def normalize_docx(
    data: bytes, *, timestamp: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)
) -> bytes:
    """Re-zip a .docx so that the same parts always give the same bytes.

    python-docx stamps every entry with the current time, so two renders of the same data differ.
    Here every entry gets ``timestamp``, fixed attributes and a fixed compression level, in a fixed
    order (``[Content_Types].xml``, ``_rels/.rels``, then by name). Deflate output may still differ
    between zlib builds, so identical bytes are promised per platform only.

    Args:
        data: The .docx (any OOXML package) as bytes.
        timestamp: The ZIP date and time for every entry; ZIP cannot store years before 1980.

    Returns:
        The normalized package.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    return zip_parts(parts, timestamp=timestamp)


def zip_parts(
    parts: dict[str, bytes],
    *,
    timestamp: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0),
) -> bytes:
    """The package of ``parts`` (entry name → bytes), normalized as :func:`normalize_docx` says."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in sorted(parts, key=_entry_order):
            info = zipfile.ZipInfo(name, date_time=timestamp)
            info.create_system = _CREATE_SYSTEM
            info.external_attr = _EXTERNAL_ATTR
            target.writestr(
                info, parts[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=_COMPRESSLEVEL
            )
    return buffer.getvalue()


def docx_bytes(document: Any) -> bytes:
    """A python-docx document as a normalized .docx, compressed once.

    ``document.save()`` compresses every part and :func:`normalize_docx` would decompress and
    compress them again; here python-docx's package writer hands the parts over directly.
    """
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    entries: dict[str, bytes] = {}

    class Collect:
        def write(self, uri: Any, blob: bytes) -> None:
            entries[uri.membername] = blob

    writer: Any = Collect()
    packager: Any = PackageWriter  # its steps are untyped; write() would open a zip file
    packager._write_content_types_stream(writer, parts)
    packager._write_pkg_rels(writer, package.rels)
    packager._write_parts(writer, parts)
    return zip_parts(entries)


def atomic_write(path: Path, data: bytes, *, has_output_option: bool = True) -> None:
    """Replace ``path`` with ``data`` in one step, creating parent directories as needed.

    Readers see either the old file or the complete new one, never a half-written file; if
    anything fails the old file is left untouched and the temporary file is removed. An existing
    file keeps its permission bits; a new one gets 0644 (a plain temporary file would be 0600).

    Raises:
        OutputError: the file could not be written; the message says why and what to do
            (see :func:`lkjip_gen.output.replace.replace_all` for ``has_output_option``).
    """
    replace_all({path: data}, has_output_option=has_output_option)
