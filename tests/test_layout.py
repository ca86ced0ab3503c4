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


# ---------------------------------------------------------------- words and rows that must not part


def test_a_long_word_widens_its_narrow_column_at_the_expense_of_wide_ones() -> None:
    from lkjip_gen.render.widths import respect, word_width

    need = [word_width("No"), word_width("Perusahaan"), word_width("Persentase")]
    widths = respect([600, 700, 4000], need)
    assert sum(widths) == 5300 and widths[1] == word_width("Perusahaan") > 700
    assert widths[0] == 600  # a column wide enough keeps its width
    # When the words cannot all fit, every column gets its share of what it needs.
    assert respect([100, 100], [300, 100]) == [150, 50]


def test_a_unit_column_is_as_wide_as_its_longest_word() -> None:
    from examples import model
    from lkjip_gen.render.document import render_docx
    from lkjip_gen.render.widths import word_width

    m = model()
    for ind in m["indikator"]:
        ind["satuan"] = "Perusahaan"
    document = docx.Document(io.BytesIO(render_docx(m)))
    table = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "No" and "Satuan" in [c.text for c in t.rows[0].cells]
    )
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]  # noqa: SLF001
    column = [c.text for c in table.rows[0].cells].index("Satuan")
    assert grid[column] >= word_width("Perusahaan")


def keeps(row: object) -> bool:
    """Every paragraph of the row keeps with the next: the row never ends a page."""
    paragraphs = list(row.iter(qn("w:p")))  # type: ignore[attr-defined]
    return all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in paragraphs)


def test_a_sasaran_block_of_the_pk_table_never_parts_at_a_page_break() -> None:
    from examples import SUMENEP, model
    from lkjip_gen.render.document import render_docx

    # Sumenep's PK table with the program and anggaran columns its seed leaves out.
    data = model(SUMENEP)
    data["dokumen"]["kolom"] = {}
    document = docx.Document(io.BytesIO(render_docx(data)))
    table = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "No" and "Program" in [c.text for c in t.rows[0].cells]
    )
    body = [
        tr
        for tr in table._tbl.iterchildren(qn("w:tr"))  # noqa: SLF001
        if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
    ]
    first = [
        ("".join(t.text or "" for t in tr.find(qn("w:tc")).iter(qn("w:t"))), keeps(tr))
        for tr in body
    ]
    # Sasaran 1: two indicators beside five programs; sasaran 2's program runs down over
    # sasaran 3, so the two stay together; then the support programs.
    assert first == [
        ("1", True),
        ("", True),
        ("", True),
        ("", True),
        ("", False),
        ("2", True),
        ("3", False),
        ("", True),
        ("", True),
        ("", False),
        ("JUMLAH", False),
    ]
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in body)


@pytest.mark.parametrize(
    ("path", "document"), DOCUMENTS, ids=[f"{p.parent.name}-{d}" for p, d in DOCUMENTS]
)
def test_signature_titles_keep_with_the_names(path: Path, document: str) -> None:
    """A signature block is never split: name and NIP alone on the next page."""
    blocks = [
        t
        for t in tables(rendered(path, document))
        if t.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}").get(qn("w:val")) == "TabelTanpaGaris"  # type: ignore[attr-defined]
        and len(t.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")) == 2  # type: ignore[attr-defined]
    ]
    assert blocks
    for block in blocks:
        titles, names = block.findall(qn("w:tr"))  # type: ignore[attr-defined]
        assert keeps(titles) and not keeps(names)
