"""Page layout of the built documents: grids, rows that must not part, words that must not break."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from examples import EXAMPLES, rendered

DOCUMENTS = [(path, name) for path in EXAMPLES for name in ("lkjip", "pk")]


def tables(data: bytes) -> list[object]:
    return list(docx.Document(io.BytesIO(data)).element.body.iter(qn("w:tbl")))


def span(cell: object) -> int:
    grid_span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")  # type: ignore[attr-defined]
    return 1 if grid_span is None else int(grid_span.get(qn("w:val")))


def grid_errors(data: bytes) -> list[str]:
    """Rows whose cells span more or fewer grid columns than their table has."""
    wrong = []
    for t, table in enumerate(tables(data), start=1):
        columns = len(table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))  # type: ignore[attr-defined]
        for r, row in enumerate(table.iterchildren(qn("w:tr")), start=1):  # type: ignore[attr-defined]
            spans = sum(span(c) for c in row.findall(qn("w:tc")))
            if spans != columns:
                text = "".join(x.text or "" for x in row.iter(qn("w:t")))[:40]
                wrong.append(f"tabel {t}, baris {r}: {spans}/{columns} {text}")
    return wrong


@pytest.mark.parametrize(
    ("path", "document"), DOCUMENTS, ids=[f"{p.parent.name}-{d}" for p, d in DOCUMENTS]
)
def test_every_row_spans_exactly_the_table_grid(path: Path, document: str) -> None:
    """Word and LibreOffice draw a row wider or narrower than its grid differently."""
    assert grid_errors(rendered(path, document)) == []


def test_a_row_wider_than_its_grid_is_found() -> None:
    document = docx.Document(io.BytesIO(rendered(EXAMPLES[0])))
    cell = document.tables[0].rows[0].cells[0]._tc  # noqa: SLF001
    cell.get_or_add_tcPr().append(
        docx.oxml.parse_xml(f'<w:gridSpan {docx.oxml.ns.nsdecls("w")} w:val="3"/>')
    )
    buffer = io.BytesIO()
    document.save(buffer)
    assert grid_errors(buffer.getvalue())[0].startswith("tabel 1, baris 1: ")
