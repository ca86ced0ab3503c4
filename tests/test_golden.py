"""Every example builds to .docx and PDF; the document text equals its reviewed golden file and
the .docx passes the OOXML schema check.

A change to a number, a table or a heading shows up here as a text diff in review. After an
intended change, regenerate with ``LKJIP_UPDATE_GOLDEN=1 make test`` and review the diff of
``tests/golden/`` like any other change.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lkjip_gen.build import build
from lkjip_gen.output.pdf import find_soffice
from lkjip_gen.output.textconv import docx_text
from tests.ooxml import schema_errors

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = sorted(ROOT.glob("examples/*/lkjip-*.yaml"))
CHAPTERS = ("BAB I", "BAB II", "BAB III", "BAB IV")


def normalise(text: str) -> str:
    """One line per paragraph/row, trailing spaces and runs of blanks folded."""
    lines = (re.sub(r"[ \u00a0]+", " ", line).rstrip() for line in text.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
@pytest.mark.parametrize("document", ["lkjip", "pk"])
def test_document_text_matches_golden(example: Path, document: str, tmp_path: Path) -> None:
    (docx,) = build(example, tmp_path, document=document)
    text = normalise(docx_text(docx))
    golden = GOLDEN / f"{example.parent.name}-{document}.txt"
    if os.environ.get("LKJIP_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"{golden} missing: run LKJIP_UPDATE_GOLDEN=1 make test"
    assert text == golden.read_text(encoding="utf-8")
    assert schema_errors(docx) == []


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


@pytest.mark.libreoffice
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_pdf_has_chapters_and_a_filled_table_of_contents(example: Path, tmp_path: Path) -> None:
    if find_soffice() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice is missing on CI: .ci/run must install it")
        pytest.skip("LibreOffice (soffice) is not installed")
    docx, pdf = build(example, tmp_path, formats=("docx", "pdf"))
    assert docx.is_file()
    text = pdf_text(pdf)
    for chapter in CHAPTERS:
        assert chapter in text
    toc = text.split("DAFTAR ISI", 1)[1].split("DAFTAR TABEL", 1)[0]
    # Every chapter line of the table of contents ends in its page number.
    for chapter in CHAPTERS:
        assert re.search(rf"^\s*{chapter} [A-Z ]+?\.{{3,}}\s*\d+\s*$", toc, re.MULTILINE), (
            f"{chapter} has no page number in the table of contents:\n{toc[:2000]}"
        )
