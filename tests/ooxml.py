"""The OOXML schema check every built document must pass (openxml-audit, the Open XML SDK's
schema data in pure Python; it runs offline).

Checking the body against the schema is most of the audit's time, and a report repeats the same
row, cell, paragraph and run shapes hundreds of times with other text. The schema check runs on a
copy of the body that keeps one of each shape among neighbouring siblings: a ``w:p``, ``w:tbl``,
``w:tr``, ``w:tc`` or ``w:r`` is dropped when an earlier sibling in the same unbroken stretch of
such elements is the same markup once text is set aside. That loses no schema error: each of
these stretches is a repeated choice in its parent's content model (body and cell content, table
rows, row cells, paragraph content), where any member may stand anywhere and any number of times,
so an error of a dropped element is one of the element kept, and the stretch stays where it was.
Text (``w:t``) is any string. Relationships, identifiers and the other semantic checks see the
whole document; when either check finds something, the whole document is checked again so that
the messages point into it, not into the copy.

A part's schema errors depend on its bytes alone. The style sheet, about half of the copy's
schema check, is the same in every document of a pack: once a process has found a style sheet
clean, the copy of a later document with the very same bytes carries an empty one instead.
"""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
from pathlib import Path

from lxml import etree
from openxml_audit import OpenXmlValidator

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REPEATED = frozenset(W + name for name in ("p", "tbl", "tr", "tc", "r"))
BODY = "word/document.xml"
STYLES = "word/styles.xml"
EMPTY_STYLES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
)
_clean_styles: set[bytes] = set()
"""Digests of the style sheets this process found schema-clean."""


def schema_errors(docx: Path) -> list[str]:
    semantic = OpenXmlValidator(schema_validation=False).validate(str(docx)).errors
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / docx.name
        styles = _write_shapes(docx, copy)
        schema = OpenXmlValidator(semantic_validation=False).validate(str(copy)).errors
    if not schema and styles:
        _clean_styles.add(styles)
    if not semantic and not schema:
        return []
    return [str(e) for e in OpenXmlValidator().validate(str(docx)).errors]


def _write_shapes(docx: Path, copy: Path) -> bytes:
    """``docx`` with its body reduced to one element of each shape and a style sheet found
    clean before left empty (see the module's note); the digest of its style sheet."""
    styles = b""
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(copy, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == BODY:
                data = shapes(data)
            elif info.filename == STYLES:
                styles = hashlib.sha256(data).digest()
                data = EMPTY_STYLES if styles in _clean_styles else data
            target.writestr(info, data)
    return styles


def shapes(xml: bytes) -> bytes:
    """A body's markup with text set aside and repeated shapes dropped (see the module's note)."""
    root = etree.fromstring(xml)
    for text in root.iter(W + "t"):
        text.text = ""
    _drop_repeats(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_repeats(parent: etree._Element) -> None:
    seen: set[bytes] = set()
    for child in list(parent):
        _drop_repeats(child)
        if child.tag not in REPEATED:
            seen = set()  # the stretch ends here
            continue
        markup = etree.tostring(child)
        if markup in seen:
            parent.remove(child)
        else:
            seen.add(markup)
