"""Hostile Word templates for the tests: external images, macros, DDE and include fields, altChunk.

Each is a minimal .docx built with python-docx and then patched part by part, as a template shared
by another office could be.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

import docx

IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
TEMPLATE_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
)
HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
CHUNK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"

_PICTURE = (
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
    'wordprocessingDrawing"><wp:extent cx="914400" cy="914400"/><wp:docPr id="{n}" name="Gambar '
    '{n}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData'
    ' uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://'
    'schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="{n}" name="g'
    '{n}.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="{rid}"/><a:stretch>'
    '<a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext '
    'cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
    "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
)


def _base(text: str) -> dict[str, bytes]:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        return {name: z.read(name) for name in z.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _add_rel(parts: dict[str, bytes], part: str, rid: str, kind: str, target: str) -> None:
    rels = parts[part].decode("utf-8")
    rel = f'<Relationship Id="{rid}" Type="{kind}" Target="{target}" TargetMode="External"/>'
    parts[part] = rels.replace("</Relationships>", rel + "</Relationships>").encode("utf-8")


def _append_body(parts: dict[str, bytes], xml: str) -> None:
    body = parts["word/document.xml"].decode("utf-8")
    head, sep, tail = body.rpartition("<w:sectPr")
    parts["word/document.xml"] = (head + xml + sep + tail).encode("utf-8")


def template(
    folder: Path,
    *,
    text: str = "Laporan {{ instansi.nama }}",
    images: tuple[str, ...] = (),
    attached: str | None = None,
    macro: bool = False,
    fields: tuple[str, ...] = (),
    simple_fields: tuple[str, ...] = (),
    alt_chunk: bool = False,
    hyperlink: str | None = None,
    name: str = "lkjip",
) -> Path:
    """Write ``folder/<name>.docx`` with the given hostile content; returns the file."""
    parts = _base(text)
    doc_rels = "word/_rels/document.xml.rels"
    for n, url in enumerate(images, start=1):
        _add_rel(parts, doc_rels, f"rIdX{n}", IMAGE_REL, url)
        _append_body(parts, _PICTURE.format(n=100 + n, rid=f"rIdX{n}"))
    if attached:
        parts["word/_rels/settings.xml.rels"] = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns='
            b'"http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
        )
        _add_rel(parts, "word/_rels/settings.xml.rels", "rIdT", TEMPLATE_REL, attached)
        settings = parts["word/settings.xml"].decode("utf-8")
        settings = settings.replace(
            "<w:defaultTabStop", '<w:attachedTemplate r:id="rIdT"/><w:defaultTabStop', 1
        )
        if 'xmlns:r="' not in settings[:2000]:
            settings = settings.replace(
                "<w:settings ",
                '<w:settings xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships" ',
                1,
            )
        parts["word/settings.xml"] = settings.encode("utf-8")
    if macro:
        parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 bukan makro sungguhan"
    for instruction in fields:
        _append_body(
            parts,
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space='
            f'"preserve"> {escape(instruction[:3])}</w:instrText></w:r><w:r><w:instrText '
            f'xml:space="preserve">{escape(instruction[3:])} </w:instrText></w:r><w:r>'
            '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>hasil</w:t></w:r><w:r>'
            '<w:fldChar w:fldCharType="end"/></w:r></w:p>',
        )
    for instruction in simple_fields:
        _append_body(
            parts,
            f'<w:p><w:fldSimple w:instr=" {escape(instruction, {chr(34): "&quot;"})} "><w:r>'
            "<w:t>hasil</w:t></w:r>"
            "</w:fldSimple></w:p>",
        )
    if alt_chunk:
        parts["word/afchunk.htm"] = b"<html><body>sisipan</body></html>"
        types = (
            parts["[Content_Types].xml"]
            .decode("utf-8")
            .replace("<Default ", '<Default Extension="htm" ContentType="text/html"/><Default ', 1)
        )
        parts["[Content_Types].xml"] = types.encode("utf-8")
        rels = (
            parts[doc_rels]
            .decode("utf-8")
            .replace(
                "</Relationships>",
                f'<Relationship Id="rIdC" Type="{CHUNK_REL}" Target="afchunk.htm"/>'
                "</Relationships>",
            )
        )
        parts[doc_rels] = rels.encode("utf-8")
        _append_body(parts, '<w:altChunk r:id="rIdC"/>')
    if hyperlink:
        _add_rel(parts, doc_rels, "rIdH", HYPERLINK_REL, hyperlink)
        _append_body(
            parts,
            '<w:p><w:hyperlink r:id="rIdH"><w:r><w:t>tautan</w:t></w:r></w:hyperlink></w:p>',
        )
    path = folder / f"{name}.docx"
    path.write_bytes(_zip(parts))
    return path


def png_header(width: int, height: int) -> bytes:
    """A PNG that says it is ``width`` × ``height`` pixels and holds none: the size lkjip and
    python-docx read, without the cost of the pixels (an image too large for LibreOffice)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data).to_bytes(4, "big")
        return len(data).to_bytes(4, "big") + kind + data + crc

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def scrambled(package: bytes, member: str) -> bytes:
    """``package`` (a zip) with 16 bytes in the middle of ``member``'s compressed data inverted,
    as a broken download or disk leaves it: the member no longer inflates."""
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        info = z.getinfo(member)
    raw = bytearray(package)
    lengths = int.from_bytes(raw[info.header_offset + 26 : info.header_offset + 30], "little")
    middle = info.header_offset + 30 + (lengths & 0xFFFF) + (lengths >> 16)
    middle += info.compress_size // 2
    raw[middle : middle + 16] = bytes(b ^ 0xFF for b in raw[middle : middle + 16])
    return bytes(raw)
