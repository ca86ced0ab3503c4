"""Sections the data left empty are dropped, so that no blank page is printed.

A part that must start on its own page setup (a landscape annex) ends the section before it,
whether or not that section already ended; a document whose last part is landscape ends with
an empty body section. Both leave a section without content, which Word prints as a blank
page: the first is removed, the second takes the page setup of the section before it.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.oxml.ns import qn

# Elements that print something even in a paragraph without text.
_VISIBLE = (qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:fldChar"), qn("w:instrText"))


def drop_empty(document: Document) -> None:
    """Remove every section without content; the body's own last section keeps its headers and
    footers but takes the page size and margins of the last section with content."""
    body = document.element.body
    empty, last_break = True, None
    for child in list(body.iterchildren()):
        if child.tag == qn("w:sectPr"):
            if empty and last_break is not None:
                _take_page_setup(child, _break_of(last_break))
                _remove_break(last_break)
            return
        if _break_of(child) is None:
            empty = empty and _blank(child)
        elif empty and _blank(child):
            _remove_break(child)  # its section holds nothing: the content runs on
        else:
            empty, last_break = True, child


def _break_of(element: Any) -> Any | None:
    if element.tag != qn("w:p"):
        return None
    return element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")


def _blank(element: Any) -> bool:
    """Nothing printed: no text, no table, no picture, no field."""
    if element.tag == qn("w:tbl"):
        return False
    if element.tag != qn("w:p"):
        return True
    if any(t.text and t.text.strip() for t in element.iter(qn("w:t"))):
        return False
    return next(element.iter(*_VISIBLE), None) is None


def _remove_break(paragraph: Any) -> None:
    """Drop a section break; its paragraph too when it holds nothing else."""
    sect = _break_of(paragraph)
    if sect is not None:
        sect.getparent().remove(sect)
    if _blank(paragraph):
        paragraph.getparent().remove(paragraph)


def _take_page_setup(target: Any, source: Any) -> None:
    for tag in (qn("w:pgSz"), qn("w:pgMar")):
        new, old = source.find(tag), target.find(tag)
        if new is not None and old is not None:
            old.addnext(new)
            target.remove(old)
