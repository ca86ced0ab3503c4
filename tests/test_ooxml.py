"""The schema check's shortcut (tests/ooxml.py) reports what the whole check reports."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from lxml import etree

from tests.ooxml import W, schema_errors

GAYA = Path(__file__).resolve().parents[1] / "templates" / "default" / "gaya.docx"


def _document(target: Path, change: Callable[[etree._Element], None]) -> Path:
    """A document of repeated paragraphs and rows, its body changed by ``change``."""
    document = docx.Document(str(GAYA))
    body = document.element.body
    for element in body[:-1]:  # all but the section properties
        body.remove(element)
    for text in ("satu", "dua", "tiga"):
        document.add_paragraph(text)
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{r}.{c}"
    change(body)
    document.save(str(target))
    return target


def test_a_document_of_repeated_shapes_passes(tmp_path: Path) -> None:
    assert schema_errors(_document(tmp_path / "baik.docx", lambda body: None)) == []


def _repeat_a_paragraph_after_the_section_properties(body: etree._Element) -> None:
    body.append(copy.deepcopy(body.find(W + "p")))


def _misplace_a_property_in_the_last_row(body: etree._Element) -> None:
    cell = body.findall(f".//{W}tr")[-1].find(W + "tc")
    cell.append(cell.find(W + "tcPr"))  # after the cell's paragraph


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_repeat_a_paragraph_after_the_section_properties, "/body[1]: Unexpected element 'p'"),
        (_misplace_a_property_in_the_last_row, "/tr[4]/tc[1]: Unexpected element 'tcPr'"),
    ],
    ids=["p-setelah-sectPr", "tcPr-salah-tempat"],
)
def test_an_error_in_a_repeated_shape_is_found_where_it_is(
    change: Callable[[etree._Element], None], expected: str, tmp_path: Path
) -> None:
    errors = schema_errors(_document(tmp_path / "rusak.docx", change))
    assert len(errors) == 1 and expected in errors[0], errors


def test_a_style_sheet_is_checked_unless_the_same_one_passed_before(tmp_path: Path) -> None:
    assert schema_errors(_document(tmp_path / "baik.docx", lambda body: None)) == []
    document = docx.Document(str(_document(tmp_path / "gaya-rusak.docx", lambda body: None)))
    document.styles.element.insert(0, etree.Element(W + "p"))  # a paragraph among the styles
    document.save(str(tmp_path / "gaya-rusak.docx"))
    errors = schema_errors(tmp_path / "gaya-rusak.docx")
    assert errors == ["[schema] /word/styles.xml:/styles[1]: Unexpected element 'p' found"]
