"""Check that LibreOffice wrote a whole PDF of the document before it replaces the old one.

A file that merely starts with ``%PDF-`` proves nothing: a conversion that crashed half-way, or a
document LibreOffice could only partly read, gives a truncated or tiny PDF. The check reads the
cross-reference data a PDF ends with, follows it to real objects, and counts the pages, which
must be at least the number of page and section breaks the .docx asks for (LibreOffice writes
every page object uncompressed, so they can be counted without a PDF library).
"""

from __future__ import annotations

import io
import re
import zipfile

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_PAGE_BREAK = re.compile(r'<w:br\b[^>]*w:type="page"')
_SECTION = re.compile(r"<w:sectPr\b.*?</w:sectPr>", re.DOTALL)
_TAIL = 2048


def problem(pdf: bytes, docx: bytes) -> str | None:
    """Why ``pdf`` is not a complete PDF of ``docx`` (in Indonesian), or None when it is."""
    if not pdf.startswith(b"%PDF-"):
        return "berkas yang dihasilkan bukan PDF"
    end = _STARTXREF.search(pdf[-_TAIL:])
    if end is None:
        return "PDF terpotong (akhir berkas tidak ada)"
    offset = int(end.group(1))
    if offset >= len(pdf) or not (pdf.startswith(b"xref", offset) or _OBJECT.match(pdf, offset)):
        return "PDF rusak (tabel rujukan silang tidak ditemukan)"
    pages = len(_PAGE.findall(pdf))
    expected = minimum_pages(docx)
    if pages < expected:
        return (
            f"PDF hanya berisi {pages} halaman, padahal dokumen paling sedikit {expected} halaman"
        )
    return None


def minimum_pages(docx: bytes) -> int:
    """The fewest pages ``docx`` can have: one, plus one per explicit page break or one per
    section starting on a new page, whichever is more (a break and a section may coincide)."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            body = package.read("word/document.xml").decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, KeyError):
        return 1
    sections = [s for s in _SECTION.findall(body) if 'w:val="continuous"' not in s]
    return 1 + max(len(_PAGE_BREAK.findall(body)), len(sections) - 1)
