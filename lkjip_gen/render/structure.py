"""Checks of a rendered document's structure, so that no broken template yields a document.

docxtpl re-parses what Jinja wrote with a recovering parser: a tag misplaced in a table row
leaves text between cells, a narrative printed without ``{{p }}`` nests paragraphs, a row loses
all its cells — and Word then refuses the file or silently drops content. These checks find
such content in the wrong place and name the template part it came from; section properties
that are merely out of the schema's order are put in order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from lkjip_gen.errors import Problem
from lkjip_gen.render.assemble import part_at
from lkjip_gen.render.pack import Pack

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# CT_SectPr's sequence (ECMA-376 §17.6.17); header/footer references come first in any order.
SECTPR_ORDER = [
    f"{W}{n}"
    for n in (
        "footnotePr",
        "endnotePr",
        "type",
        "pgSz",
        "pgMar",
        "paperSrc",
        "pgBorders",
        "lnNumType",
        "pgNumType",
        "cols",
        "formProt",
        "vAlign",
        "noEndnote",
        "titlePg",
        "textDirection",
        "bidi",
        "rtlGutter",
        "docGrid",
        "printerSettings",
        "sectPrChange",
    )
]
_RANGES = {
    f"{W}{n}"
    for n in (
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "permStart",
        "permEnd",
        "proofErr",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "customXml",
        "sdt",
        "ins",
        "del",
    )
}
# What each container may hold (WordprocessingML elements only; other vocabularies pass).
_ALLOWED = {
    f"{W}body": {f"{W}{n}" for n in ("p", "tbl", "sectPr", "altChunk")},
    f"{W}tbl": {f"{W}{n}" for n in ("tblPr", "tblGrid", "tr")},
    f"{W}tr": {f"{W}{n}" for n in ("trPr", "tblPrEx", "tc")},
    f"{W}tc": {f"{W}{n}" for n in ("tcPr", "p", "tbl", "altChunk")},
}
_NOT_IN_PARAGRAPH = {f"{W}{n}" for n in ("p", "tbl", "tr", "tc", "body")}
_TEXT_HOLDERS = {f"{W}{n}" for n in ("t", "instrText", "delText", "delInstrText")}
_NAMES = {
    f"{W}body": "isi dokumen",
    f"{W}tbl": "tabel",
    f"{W}tr": "baris tabel",
    f"{W}tc": "sel tabel",
    f"{W}p": "paragraf",
    f"{W}r": "teks (run)",
}


def _suspects() -> list[etree.XPath]:
    """Searches that find everything :func:`_misplaced` could report, and possibly more (it then
    decides): text right inside a container (its own text or a child's tail), an element its
    parent does not allow, a block inside a paragraph, a table without rows, a row without cells.
    """
    names = {*_NAMES, *_RANGES, *_NOT_IN_PARAGRAPH, *(t for a in _ALLOWED.values() for t in a)}
    name = {tag: f"w:{tag[len(W) :]}" for tag in names}

    def one_of(axis: str, tags: set[str] | dict[str, str]) -> str:
        # The most frequent elements first: libxml2 stops at the first test that holds.
        ordered = sorted(tags, key=lambda t: (_FREQUENT.index(t) if t in _FREQUENT else 99, t))
        return " or ".join(f"{axis}::{name[t]}" for t in ordered)

    paths = [f"descendant-or-self::text()[normalize-space()][{one_of('parent', _NAMES)}]"]
    for parent, allowed in sorted(_ALLOWED.items()):
        allowed_here = one_of("self", allowed | _RANGES)
        paths.append(f"descendant-or-self::{name[parent]}/w:*[not({allowed_here})]")
    paths.append(f"descendant::w:p[{one_of('descendant', _NOT_IN_PARAGRAPH)}]")
    paths += ["descendant-or-self::w:tbl[not(w:tr)]", "descendant-or-self::w:tr[not(w:tc)]"]
    return [etree.XPath(path, namespaces={"w": W[1:-1]}) for path in paths]


_HEADINGS = ("Heading1", "Heading2", "Heading3", "JudulBagian", "JudulTabel", "JudulSampul")


_FREQUENT = [f"{W}{n}" for n in ("p", "r", "tc", "tr", "tcPr", "trPr", "tbl", "tblPr", "tblGrid")]
_SUSPECTS = _suspects()


def order_sections(document: Document) -> None:
    """Put every section's properties in the order the schema requires, keeping their content.

    A template may legally carry page borders, a paper tray or line numbers; a property added
    later (finishing adds page numbering) must not land before them.
    """
    rank = {tag: i for i, tag in enumerate(SECTPR_ORDER)}
    for sect in document.element.body.iter(f"{W}sectPr"):
        children = [c for c in sect if isinstance(c.tag, str)]
        ordered = sorted(
            children,
            key=lambda c: (
                -1
                if c.tag in (f"{W}headerReference", f"{W}footerReference")
                else (rank.get(c.tag, len(rank)))
            ),
        )
        if ordered != children:
            for child in ordered:
                sect.append(child)


def check(document: Document, pack: Pack) -> list[Problem]:
    """Every piece of content in a place Word does not allow, each named by its part."""
    problems: list[Problem] = []
    if not any(search(document.element.body) for search in _SUSPECTS):
        return problems  # the usual case, found by a few XPath searches instead of a Python walk
    for element, message in _misplaced(document.element.body):
        name = part_at(element)
        part = pack.parts.get(name or "")
        where = _near(element)
        problems.append(
            Problem(
                part.shown if part else pack.shown,
                0,
                0,
                where,
                f"{message} — templat rusak di sekitar sini: biasanya tag {{%tr %}}, {{%tc %}}, "
                "{%p %} yang tidak sendirian di baris/sel/paragrafnya, atau isian narasi tanpa "
                "{{p }}; jalankan lkjip templat periksa untuk letak tepatnya",
                "templat.struktur",
            )
        )
    return problems


def _text(element: Any) -> str:
    # python-docx's paragraph and run classes override .text with their whole text; the XML
    # text node right inside the element is lxml's.
    return (etree._Element.text.__get__(element) or "").strip()  # noqa: SLF001


def _misplaced(body: Any) -> Iterator[tuple[Any, str]]:
    for element in body.iter():
        if not isinstance(element.tag, str) or not element.tag.startswith(W):
            continue
        parent = element.getparent()
        text = _text(element)
        if text and element.tag not in _TEXT_HOLDERS and element.tag in _NAMES:
            yield element, f"teks «{_short(text)}» langsung di {_NAMES[element.tag]}"
        tail = (element.tail or "").strip()
        if tail and parent is not None and parent.tag in _NAMES:
            yield element, f"teks «{_short(tail)}» langsung di {_NAMES[parent.tag]}"
        if parent is None:
            continue
        allowed = _ALLOWED.get(parent.tag)
        if allowed is not None and element.tag not in allowed and element.tag not in _RANGES:
            yield element, f"{_label(element)} tidak boleh berada langsung di {_NAMES[parent.tag]}"
        elif (
            element.tag in _NOT_IN_PARAGRAPH
            and next(element.iterancestors(f"{W}p"), None) is not None
        ):
            yield element, f"{_label(element)} di dalam paragraf lain"
        if element.tag == f"{W}tbl" and element.find(f"{W}tr") is None:
            yield element, "tabel tanpa baris"
        if element.tag == f"{W}tr" and element.find(f"{W}tc") is None:
            yield element, "baris tabel tanpa sel"


def _label(element: Any) -> str:
    return _NAMES.get(element.tag, f"unsur <w:{etree.QName(element).localname}>")


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def _near(element: Any) -> str:
    """ "setelah «B. Tujuan dan Sasaran»": the nearest heading or table title above."""
    node = element
    while node.getparent() is not None and node.getparent().tag != f"{W}body":
        node = node.getparent()
    while node is not None:
        if node.tag == f"{W}p":
            style = node.find(f"{W}pPr/{W}pStyle")
            if style is not None and style.get(qn("w:val")) in _HEADINGS:
                text = "".join(t.text or "" for t in node.iter(f"{W}t")).strip()
                if text:
                    return f"dokumen, setelah «{_short(text)}»"
        node = node.getprevious()
    return "dokumen"
