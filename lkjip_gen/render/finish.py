"""Finish a rendered Word document: numbering, page numbers, table widths, paper, properties.

These are page-layout matters that depend on what the data left in the document (an absent
section shifts the letters of the next ones), so they are settled after rendering, in document
order, the same way for Word and LibreOffice.
"""

from __future__ import annotations

import string
from collections.abc import Container, Iterator
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from lkjip_gen.compute.types import Model
from lkjip_gen.render.properties import set_properties
from lkjip_gen.render.widths import needed, respect, shrink

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W}"'

# Paper sizes in twips (1/20 pt): A4 210 × 297 mm, F4 215 × 330 mm.
PAPER = {"A4": (11906, 16838), "F4": (12189, 18709)}

# Schema order of a table cell's properties; docxtpl's colspan/cellbg and our vmerge tag insert
# theirs at the front, and Word refuses a file whose tcPr children are out of order.
_TCPR_ORDER = [
    qn(f"w:{n}")
    for n in (
        "cnfStyle",
        "tcW",
        "gridSpan",
        "hMerge",
        "vMerge",
        "tcBorders",
        "shd",
        "noWrap",
        "tcMar",
        "textDirection",
        "tcFitText",
        "vAlign",
        "hideMark",
        "headers",
        "cellIns",
        "cellDel",
        "cellMerge",
        "tcPrChange",
    )
]
# pPr children that come before numPr in the schema.
_BEFORE_NUMPR = {
    qn(f"w:{n}")
    for n in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")
}

# Paths and attribute names looked up for every paragraph and cell, spelled out once.
_PSTYLE = f"{qn('w:pPr')}/{qn('w:pStyle')}"
_VAL = qn("w:val")
_TC, _TCPR, _P = qn("w:tc"), qn("w:tcPr"), qn("w:p")
_GRID_SPAN, _TBL_GRID = qn("w:gridSpan"), qn("w:tblGrid")
_TR, _TCW_NAME, _GRID_COL = qn("w:tr"), qn("w:tcW"), qn("w:gridCol")
_HEADER = f"{qn('w:trPr')}/{qn('w:tblHeader')}"
_TBLW = f"{qn('w:tblPr')}/{qn('w:tblW')}"
_W, _TYPE = qn("w:w"), qn("w:type")
_NUMPR, _ILVL, _NUMID = qn("w:numPr"), qn("w:ilvl"), qn("w:numId")
_TBL, _SECTPR, _PPR_SECTPR = qn("w:tbl"), qn("w:sectPr"), f"{qn('w:pPr')}/{qn('w:sectPr')}"
_PPR_NUMPR = f"{qn('w:pPr')}/{qn('w:numPr')}"
_PSTYLES = etree.XPath(".//w:pPr/w:pStyle", namespaces={"w": W})
_TCPR_RANK = {tag: i for i, tag in enumerate(_TCPR_ORDER)}
_LAST = len(_TCPR_ORDER)

CAPTION_STYLES = {"JudulTabel": "Tabel", "JudulGambar": "Gambar", "JudulGrafik": "Grafik"}
FRONT_STYLE = "JudulBagian"


def finish(document: Document, model: Model, title: str, *, templat: str) -> None:
    """Apply every finishing step to a rendered document, in place."""
    pengaturan = model["pengaturan"]
    number_headings(document, model["dokumen"]["penomoran"])
    number_pages(document)
    restart_lists(document)
    set_paper(document, pengaturan["kertas"])
    fit_tables(document)
    set_properties(document, model, title, templat)


def number_headings(document: Document, style: str) -> None:
    """Prefix section headings and table titles with their numbers, chapter by chapter.

    Heading 2 gets "A." (``huruf``), "3.1" (``angka``), "3.1." (``angka_titik``) or nothing
    (``tanpa``); Heading 3 "1.", "3.1.1", "3.1.1." or nothing; a table title "Tabel 3.2", a
    figure title "Gambar 1.1" and a chart title "Grafik 3.1" whatever the style, each kind
    counted on its own. Chapters are the Heading 1 paragraphs; the front matter and the annex
    (Judul Bagian) are not numbered.
    """
    chapter = section = subsection = 0
    captions: dict[str, int] = {}
    in_chapter = False
    for p in document.element.body.iterchildren(qn("w:p")):
        kind = _style(p)
        if kind == "Heading1":
            chapter, section, subsection, in_chapter = chapter + 1, 0, 0, True
            captions.clear()
        elif kind == FRONT_STYLE:
            in_chapter = False
        elif not in_chapter:
            continue
        elif kind == "Heading2":
            section, subsection = section + 1, 0
            number = f"{_letter(section)}." if style == "huruf" else f"{chapter}.{section}"
            _number(p, number, style)
        elif kind == "Heading3":
            subsection += 1
            number = f"{subsection}." if style == "huruf" else f"{chapter}.{section}.{subsection}"
            _number(p, number, style)
        elif kind in CAPTION_STYLES:
            captions[kind] = captions.get(kind, 0) + 1
            _prefix(p, f"{CAPTION_STYLES[kind]} {chapter}.{captions[kind]} ", tab=False)


def _number(p: Any, number: str, style: str) -> None:
    """Put a heading's number before it, as the numbering style writes it."""
    if style == "tanpa":
        return
    _prefix(p, f"{number}." if style == "angka_titik" else number, tab=True)


def number_pages(document: Document) -> None:
    """Start arabic page numbers at 1 in the section holding Bab I.

    Which section that is depends on the data (a landscape table before it may be absent), so
    the template cannot say it.
    """
    started = False
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p") and _style(child) == "Heading1":
            started = True
        sect = (
            child if child.tag == qn("w:sectPr") else child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        )
        if started and sect is not None:
            numbering = sect.find(qn("w:pgNumType"))
            if numbering is None:
                numbering = parse_xml(f"<w:pgNumType {NSDECL}/>")
                sect.find(qn("w:pgMar")).addnext(numbering)
            numbering.set(qn("w:fmt"), "decimal")
            numbering.set(qn("w:start"), "1")
            return


def _style(p: Any) -> str | None:
    style = p.find(_PSTYLE)
    return None if style is None else style.get(_VAL)


def _letter(n: int) -> str:
    letters = string.ascii_uppercase
    return letters[n - 1] if n <= 26 else letters[(n - 1) // 26 - 1] + letters[(n - 1) % 26]


def _prefix(p: Any, text: str, *, tab: bool) -> None:
    tab_xml = "<w:tab/>" if tab else ""
    run = parse_xml(f'<w:r {NSDECL}><w:t xml:space="preserve">{escape(text)}</w:t>{tab_xml}</w:r>')
    ppr = p.find(qn("w:pPr"))
    p.insert(0 if ppr is None else list(p).index(ppr) + 1, run)


def restart_lists(document: Document) -> None:
    """Give every numbered list its own numbering, so that each starts again at 1 (or a).

    A list is a run of consecutive paragraphs in a numbered list style at the same level;
    deeper list items inside it do not interrupt it, anything else (a paragraph, a table) ends
    it. Lists written with explicit numbering in the template are left alone.
    """
    numbering = document.part.numbering_part.element
    abstract_of = {
        n.get(qn("w:numId")): n.find(qn("w:abstractNumId")).get(qn("w:val"))
        for n in numbering.iterchildren(qn("w:num"))
    }
    bullets = {
        a.get(qn("w:abstractNumId"))
        for a in numbering.iterchildren(qn("w:abstractNum"))
        if a.find(f"{qn('w:lvl')}/{qn('w:numFmt')}") is not None
        and a.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val")) == "bullet"
    }
    lists: dict[str, tuple[int, str | None]] = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num is None:
            continue
        name = style.find(qn("w:name")).get(qn("w:val"))
        abstract = abstract_of.get(num.get(qn("w:val")))
        level = 2 if name.rstrip().endswith(" 2") else 1
        lists[style.get(qn("w:styleId"))] = (level, None if abstract in bullets else abstract)
    next_id = max((int(n) for n in abstract_of), default=0) + 1

    for container in _containers(document, lists):
        open_lists: dict[int, tuple[str, str | None]] = {}
        for child in container.iterchildren():
            style = _style(child) if child.tag == _P else None
            if style not in lists or child.find(_PPR_NUMPR) is not None:
                open_lists.clear()
                continue
            level, abstract = lists[style]
            for deeper in [lv for lv in open_lists if lv > level]:
                del open_lists[deeper]
            current = open_lists.get(level)
            if abstract is None:
                open_lists[level] = (style, None)
                continue
            if current is None or current[0] != style:
                numbering.append(
                    parse_xml(
                        f'<w:num {NSDECL} w:numId="{next_id}"><w:abstractNumId w:val="{abstract}"/>'
                        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
                        "</w:num>"
                    )
                )
                current = (style, str(next_id))
                open_lists[level] = current
                next_id += 1
            _set_num(child, current[1])


def _containers(document: Document, styles: Container[str]) -> Iterator[Any]:
    """The body and the table cells, in document order, that hold a paragraph in one of
    ``styles`` (found by one search, rather than walking every cell of every table)."""
    body = document.element.body
    holding = {
        p.getparent()
        for style in _PSTYLES(body)
        if style.get(_VAL) in styles and (p := style.getparent().getparent()).tag == _P
    }
    if body in holding:
        yield body
    if any(c.tag == _TC for c in holding):
        yield from (cell for cell in body.iter(_TC) if cell in holding)


def _set_num(p: Any, num_id: str | None) -> None:
    ppr = p.find(qn("w:pPr"))
    position = sum(1 for child in ppr if child.tag in _BEFORE_NUMPR)
    # Built in place rather than parsed: one list item after another, it adds up.
    numpr = ppr.makeelement(_NUMPR, {})
    etree.SubElement(numpr, _ILVL).set(_VAL, "0")
    etree.SubElement(numpr, _NUMID).set(_VAL, str(num_id))
    ppr.insert(position, numpr)


def set_paper(document: Document, paper: str) -> None:
    """Every section on A4 or F4, keeping each section's orientation."""
    short, long = PAPER[paper]
    for sect in document.element.body.iter(qn("w:sectPr")):
        size = sect.find(qn("w:pgSz"))
        landscape = size.get(qn("w:orient")) == "landscape" or (
            int(size.get(qn("w:w"))) > int(size.get(qn("w:h")))
        )
        width, height = (long, short) if landscape else (short, long)
        size.set(qn("w:w"), str(width))
        size.set(qn("w:h"), str(height))


def fit_tables(document: Document) -> None:
    """Make each table's grid agree with its cells and fit the text width of its section.

    Column loops change the number of cells per row; docxtpl then guesses the grid. Here the
    grid is taken from the widest body row and scaled to the table's width in the template (or
    the page, when that is narrower), so a table keeps its width when optional columns are left
    out or added; every cell's width is then set from the grid so Word and LibreOffice draw the
    same table.
    """
    for cell in document.element.body.iter(_TC):
        tcpr = cell.find(_TCPR)
        if tcpr is not None and not _in_order(tcpr):
            for _, _, child in sorted(
                (_TCPR_RANK.get(c.tag, _LAST), i, c) for i, c in enumerate(tcpr)
            ):
                tcpr.append(child)
        # A paragraph loop over an empty list leaves a cell without paragraphs, which Word
        # reports as a damaged file.
        if cell.find(_P) is None:
            cell.append(parse_xml(f"<w:p {NSDECL}/>"))
    pending: list[Any] = []
    for child in document.element.body.iterchildren():
        if child.tag == _TBL:
            pending.append(child)
        sect = child if child.tag == _SECTPR else child.find(_PPR_SECTPR)
        if sect is not None:
            width = _text_width(sect)
            for table in pending:
                _fit(table, width)
            pending = []


def _in_order(tcpr: Any) -> bool:
    rank = -1
    for child in tcpr:
        following = _TCPR_RANK.get(child.tag, _LAST)
        if following < rank:
            return False
        rank = following
    return True


def _text_width(sect: Any) -> int:
    size, margin = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    return int(size.get(qn("w:w"))) - int(margin.get(qn("w:left"))) - int(margin.get(qn("w:right")))


def _fit(table: Any, available: int) -> None:
    rows = [_Row(row) for row in table.iterchildren(_TR)]
    if not rows:
        return
    most = max(len(r.cells) for r in rows)
    candidates = [r for r in rows if len(r.cells) == most and all(n == 1 for n in r.spans)]
    reference = ([r for r in candidates if r.row.find(_HEADER) is None] or candidates or rows)[-1]
    widths = [_cell_width(tcw) for tcw in reference.widths]
    total = sum(widths)
    table_width = table.find(_TBLW)
    target = available
    if table_width is not None and table_width.get(_TYPE) == "dxa":
        target = min(int(table_width.get(_W)), available)
    widths = shrink(widths, target) if total > target else [w * target // total for w in widths]
    widths = respect(widths, needed(((r.cells, r.spans) for r in rows), len(widths)))
    grid = table.find(_TBL_GRID)
    for col in list(grid):
        grid.remove(col)
    for w in widths:
        etree.SubElement(grid, _GRID_COL).set(_W, str(w))
    if table_width is not None:
        table_width.set(_W, str(sum(widths)))
        table_width.set(_TYPE, "dxa")
    for r in rows:
        column = 0
        for tcw, n in zip(r.widths, r.spans, strict=True):
            if tcw is not None and column + n <= len(widths):
                tcw.set(_W, str(sum(widths[column : column + n])))
                tcw.set(_TYPE, "dxa")
            column += n


class _Row:
    """A table row's cells with their spans and width elements, looked up once."""

    __slots__ = ("row", "cells", "spans", "widths")

    def __init__(self, row: Any) -> None:
        self.row = row
        self.cells = row.findall(_TC)
        self.spans: list[int] = []
        self.widths: list[Any] = []
        for cell in self.cells:
            tcpr = cell.find(_TCPR)
            span = None if tcpr is None else tcpr.find(_GRID_SPAN)
            self.spans.append(1 if span is None else int(span.get(_VAL)))
            self.widths.append(None if tcpr is None else tcpr.find(_TCW_NAME))


def _cell_width(tcw: Any) -> int:
    if tcw is None or tcw.get(_TYPE) not in (None, "dxa"):
        return 1000
    return int(tcw.get(_W))
