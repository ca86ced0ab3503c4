"""A rendered example through LibreOffice: the PDF has the chapters and a filled contents list."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from lkjip_gen.build import report_model
from lkjip_gen.output.pdf import docx_to_pdf, find_soffice
from lkjip_gen.render.document import render_docx

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "examples" / "contoh-minimal" / "lkjip-2024.yaml"
CHAPTERS = [
    "BAB I PENDAHULUAN",
    "BAB II PERENCANAAN KINERJA",
    "BAB III AKUNTABILITAS KINERJA",
    "BAB IV PENUTUP",
]


@pytest.mark.libreoffice
def test_example_pdf_has_chapters_and_toc_page_numbers(tmp_path: Path) -> None:
    if find_soffice() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice tidak ditemukan, padahal CI seharusnya memasangnya.")
        pytest.skip("LibreOffice tidak terpasang")
    source = tmp_path / "lkjip-2024.docx"
    source.write_bytes(render_docx(report_model(MINIMAL)))
    target = tmp_path / "lkjip-2024.pdf"

    docx_to_pdf(source, target)

    pages = [page.extract_text() for page in PdfReader(target).pages]
    toc = next(p for p in pages if "DAFTAR ISI" in p and "BAB I" in p)
    bodies = pages[pages.index(toc) + 1 :]
    for chapter in CHAPTERS:
        listed = re.search(re.escape(chapter) + r"[ .]*(\d+)\s*$", toc, re.MULTILINE)
        assert listed, f"{chapter!r} tidak ada di daftar isi:\n{toc}"
        # Page numbers restart at 1 in Bab I; the page that shows it also carries the chapter.
        page = next(p for p in bodies if chapter in p and p.rstrip().endswith(listed.group(1)))
        assert page
    tables = next(p for p in pages if "DAFTAR TABEL" in p)
    assert re.search(r"Tabel 2\.1 Hubungan Misi[^\n]*\d+\s*$", tables, re.MULTILINE)
    assert "Klik kanan" not in toc and "Perbarui" not in toc
