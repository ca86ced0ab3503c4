"""Every example renders to .docx and PDF; the document text equals its reviewed golden file and
the .docx passes the OOXML schema check.

A change to a number, a table or a heading shows up here as a text diff in review. After an
intended change, regenerate with ``LKJIP_UPDATE_GOLDEN=1 make test`` and review the diff of
``tests/golden/`` like any other change. (Writing the files through ``build`` is tested in
``test_build.py``.)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from examples import EXAMPLES, model, rendered
from lkjip_gen.output.pdf import find_soffice
from lkjip_gen.output.textconv import docx_text
from lkjip_gen.output.warm import WarmOffice
from lkjip_gen.render.outline import Shape
from tests.ooxml import schema_errors

GOLDEN = Path(__file__).resolve().parent / "golden"


def normalise(text: str) -> str:
    """One line per paragraph/row, trailing spaces and runs of blanks folded."""
    lines = (re.sub(r"[ \u00a0]+", " ", line).rstrip() for line in text.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
@pytest.mark.parametrize("document", ["lkjip", "pk"])
def test_document_text_matches_golden(example: Path, document: str, tmp_path: Path) -> None:
    docx = tmp_path / f"{document}.docx"
    docx.write_bytes(rendered(example, document))
    text = normalise(docx_text(docx))
    golden = GOLDEN / f"{example.parent.name}-{document}.txt"
    if os.environ.get("LKJIP_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"{golden} missing: run LKJIP_UPDATE_GOLDEN=1 make test"
    assert text == golden.read_text(encoding="utf-8")
    assert schema_errors(docx) == []


# The plan documents of the examples that hold their data (the others refuse to build them).
PLANS = [("pasaman-barat-2022", "rencana-aksi"), ("pasaman-barat-2022", "rkt")]


@pytest.mark.parametrize(("name", "document"), PLANS, ids=["-".join(p) for p in PLANS])
def test_plan_document_text_matches_golden(name: str, document: str, tmp_path: Path) -> None:
    example = next(p for p in EXAMPLES if p.parent.name == name)
    test_document_text_matches_golden(example, document, tmp_path)


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, in reading layout."""
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def office() -> Iterator[WarmOffice]:
    """One LibreOffice for the examples' PDFs: a one-shot conversion, which starts its own, is
    test_pdf's; the conversion itself is the same (see lkjip_gen.output.warm)."""
    if find_soffice() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice is missing on CI: .ci/run must install it")
        pytest.skip("LibreOffice (soffice) is not installed")
    with WarmOffice() as office:
        yield office


# Converting is LibreOffice's work, the same for every example but for what the office shows: the
# largest example lists tables and charts, lumajang hides the list of tables (so does sumenep);
# contoh-minimal shows what pasaman shows, on fewer pages.
PDF_EXAMPLES = [p for p in EXAMPLES if p.parent.name in ("pasaman-barat-2022", "lumajang-2023-tw1")]


@pytest.mark.libreoffice
@pytest.mark.xdist_group("pdf-contoh")  # one worker, so that it starts LibreOffice once
@pytest.mark.parametrize("example", PDF_EXAMPLES, ids=[p.parent.name for p in PDF_EXAMPLES])
def test_pdf_has_chapters_and_a_filled_table_of_contents(
    example: Path, tmp_path: Path, office: WarmOffice
) -> None:
    pdf = tmp_path / "lkjip.pdf"
    pdf.write_bytes(office.convert(rendered(example), pdf))
    pages = pdf_pages(pdf)
    toc_index = next(i for i, p in enumerate(pages) if "DAFTAR ISI" in p and "BAB I" in p)
    toc = pages[toc_index].split("DAFTAR TABEL", 1)[0]
    bodies = pages[toc_index + 1 :]
    shape = Shape(model(example))  # the chapter titles as the office words them
    for chapter in (shape.text(f"bab{n}") or "" for n in range(1, 5)):
        # Every chapter line of the table of contents ends in its page number, and the page
        # showing that number (arabic numbering restarts at Bab I) carries the chapter.
        listed = re.search(
            rf"^\s*{re.escape(chapter)}[ .]*?\.{{3,}}\s*(\d+)\s*$", toc, re.MULTILINE
        )
        assert listed, f"{chapter} has no page number in the table of contents:\n{toc[:2000]}"
        assert any(
            chapter in " ".join(p.split()) and p.rstrip().endswith(listed.group(1)) for p in bodies
        ), f"{chapter} is not on page {listed.group(1)}"
    if shape.hidden("depan.daftar_tabel"):
        assert not any("DAFTAR TABEL" in p for p in pages)
        return
    tables = next(p for p in pages if "DAFTAR TABEL" in p)
    assert re.search(r"Tabel 1\.1 .*\.{3,}\s*[ivx\d]+\s*$", tables, re.MULTILINE), tables[:2000]
    assert "Klik kanan" not in toc and "Perbarui" not in toc
    # Daftar Grafik lists every chart caption with the page the chart is on.
    charts = next(p for p in pages if "DAFTAR GRAFIK" in p).split("DAFTAR GRAFIK", 1)[1]
    listed = re.findall(r"^\s*(Grafik \d\.\d+) .*?\.{3,}\s*(\d+)\s*$", charts, re.MULTILINE)
    assert len(listed) >= 4 and "Perbarui" not in charts, charts[:2000]
    for caption, page in listed:
        assert any(f"{caption} " in p and p.rstrip().endswith(page) for p in bodies), (
            f"{caption} is not on page {page}"
        )
