"""A .docx as plain text, one line per paragraph or table row, so ``git diff`` can show changes.

git calls ``lkjip textconv FILE`` for files marked ``diff=lkjip`` in ``.gitattributes``. Only the
standard library reads the document: the text must come out of any .docx, also one Word saved.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from lkjip_gen.data.limits import count
from lkjip_gen.disk import ZIP_DAMAGED, irregular, reason
from lkjip_gen.errors import LkjipError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML = 100 * 1024 * 1024
"""The largest body read (the largest example's is under 1 MB): a zip bomb of a few MB would
otherwise unpack into gigabytes."""
# Tabs and line breaks inside a paragraph read as spaces: one paragraph stays one diff line.
_SPACES = {f"{_W}{tag}" for tag in ("tab", "ptab", "br", "cr")}


def docx_text(path: Path | str) -> str:
    """The document body as text: paragraphs as lines, table rows as tab-separated cells.

    Empty paragraphs are left out, so a diff shows content rather than spacing.

    Raises:
        LkjipError: the file is missing or is not a Word document.
    """
    path = Path(path)
    if why := irregular(path):
        raise LkjipError(f"{path}: {why}")
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise LkjipError(f"{path}: berkas tidak ditemukan") from exc
    except OSError as exc:
        raise LkjipError(f"{path}: berkas tidak dapat dibaca: {reason(exc)}") from exc
    return bytes_text(data, str(path))


def bytes_text(data: bytes, name: str = "dokumen") -> str:
    """:func:`docx_text` of a document held in memory (``name`` for messages)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = archive.getinfo("word/document.xml").file_size
            if size > MAX_XML:
                raise LkjipError(
                    f"{name}: isi dokumen terlalu besar untuk dibaca ({count(size)} bita, paling "
                    f"besar {count(MAX_XML)})"
                )
            xml = archive.read("word/document.xml")
    except (*ZIP_DAMAGED, KeyError) as exc:
        raise LkjipError(f"{name}: bukan dokumen Word (.docx), atau rusak") from exc
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise LkjipError(f"{name}: isi dokumen Word rusak ({exc})") from exc
    body = root.find(f"{_W}body")
    lines = list(_blocks(body)) if body is not None else []
    return "".join(line + "\n" for line in lines)


def _blocks(parent: ElementTree.Element) -> Iterator[str]:
    """Paragraphs and table rows in document order; content controls (the TOC) are entered."""
    for element in parent:
        if element.tag == f"{_W}p":
            text = _paragraph(element)
            if text:
                yield text
        elif element.tag == f"{_W}tbl":
            yield from _table(element)
        elif element.tag == f"{_W}sdt":
            content = element.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _table(table: ElementTree.Element) -> Iterator[str]:
    """One line per row; rows wrapped in a content control count as rows of this table."""
    for element in table:
        if element.tag == f"{_W}tr":
            cells = [_cell(cell) for cell in element if cell.tag == f"{_W}tc"]
            yield "\t".join(cells).rstrip("\t")
        elif element.tag == f"{_W}sdt":
            content = element.find(f"{_W}sdtContent")
            if content is not None:
                yield from _table(content)


def _cell(cell: ElementTree.Element) -> str:
    """A cell's paragraphs joined with " / " (nested tables included), on one line."""
    parts = [_paragraph(p) for p in cell.iter(f"{_W}p")]
    return " / ".join(part for part in parts if part)


def _paragraph(paragraph: ElementTree.Element) -> str:
    pieces = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t":
            pieces.append(node.text or "")
        elif node.tag in _SPACES:
            pieces.append(" ")
        elif node.tag == f"{_W}noBreakHyphen":
            pieces.append("-")
    return " ".join("".join(pieces).split())
