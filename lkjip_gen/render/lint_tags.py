"""Read a Word part's Jinja tags where the author wrote them: paragraph, table row, heading.

The linter checks tags one by one (:mod:`lkjip_gen.render.lint`), so that it can report every
problem with its place instead of Jinja's first error at the end of the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
from docx.oxml.ns import qn
from jinja2 import meta, nodes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TAG = re.compile(r"{{.*?}}|{%.*?%}|{#.*?#}", re.DOTALL)
_OPENERS = re.compile(r"{[{%#]")
_HEADING_STYLES = ("heading", "judul bagian", "judul tabel", "judul sampul", "judul gambar")
# What docxtpl's tags replace: the paragraph, the table row, the cell, or nothing (a run).
LEVELS = {"p": "paragraf", "tr": "baris tabel", "tc": "sel tabel", "r": "teks"}
# Elements whose presence inside a tag breaks it: docxtpl strips everything between the pieces.
_BREAKERS = {f"{W}{n}" for n in ("fldChar", "instrText", "ins", "del", "fldSimple", "hyperlink")}


@dataclass
class Paragraph:
    """One paragraph of a part with its text and where it is."""

    element: Any
    text: str
    where: str  # "setelah «Judul», tabel 2, baris 3, kolom 1"
    row: Any  # the w:tr holding it, or None
    cell: Any  # the w:tc holding it, or None


@dataclass
class Tag:
    """One tag: ``kind`` is ``{{`` or ``{%``; ``level`` p/tr/tc/r (docxtpl's prefix)."""

    text: str
    kind: str
    level: str
    body: str  # what Jinja reads: the tag without docxtpl's prefix letter
    paragraph: Paragraph


def paragraphs(root: Any, style_names: dict[str, str], label: str) -> Iterator[Paragraph]:
    """Every paragraph under ``root`` in reading order, located for messages."""
    near, number, table, section = "", 0, 0, ""
    for child in root.iterchildren():
        if child.tag == f"{W}p":
            number += 1
            text = _text(child)
            opened = _SECTION.search(text)
            if opened:
                # A chapter's sections share the heading {{ bagian.judul }}: name the section.
                section = opened.group(1)
            if _is_heading(child, style_names) and text.strip():
                shown = (
                    f"subbab {section}" if "{{" in text and section else f"«{_short(text.strip())}»"
                )
                near = f"setelah {shown}, "
            yield Paragraph(child, text, f"{label}, {near}paragraf {number}", None, None)
        elif child.tag == f"{W}tbl":
            table += 1
            yield from _table(child, f"{label}, {near}tabel {table}", style_names)


# The tag that opens one section's block in a chapter part (``{%p elif bagian.id == 'x' %}``).
_SECTION = re.compile(r"bagian\.id == '(\w+)'")


def _table(tbl: Any, where: str, style_names: dict[str, str]) -> Iterator[Paragraph]:
    for r, row in enumerate(tbl.iterchildren(f"{W}tr"), 1):
        for c, cell in enumerate(row.iterchildren(f"{W}tc"), 1):
            for p in cell.iter(f"{W}p"):
                place = f"{where}, baris {r}, kolom {c}"
                yield Paragraph(p, _text(p), place, row, cell)


def _is_heading(p: Any, style_names: dict[str, str]) -> bool:
    style = p.find(f"{W}pPr/{W}pStyle")
    name = style_names.get(style.get(qn("w:val")), "") if style is not None else ""
    return name.startswith(_HEADING_STYLES)


def _text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "…"


def tags(paragraph: Paragraph) -> Iterator[Tag]:
    for m in TAG.finditer(paragraph.text):
        text = m.group(0)
        kind = text[:2]
        inner = text[2:-2]
        level = "r"
        prefix = re.match(r"(p|tr|tc|r)\s", inner)
        if kind in ("{{", "{%") and prefix:
            level, inner = prefix.group(1), inner[prefix.end() :]
        yield Tag(text, kind, level, f"{kind} {inner.strip()} {text[-2:]}", paragraph)


def unclosed_opener(paragraph: Paragraph) -> str | None:
    """A ``{{``/``{%`` opened in the paragraph and not closed in it (the tag spans paragraphs)."""
    rest = TAG.sub("", paragraph.text)
    m = _OPENERS.search(rest)
    return rest[m.start() : m.start() + 40] if m else None


def split_tags(paragraph: Paragraph) -> Iterator[tuple[str, bool]]:
    """Tags written across several runs; True when something else lies between the pieces
    (a field, a tracked change, a link), which docxtpl would destroy."""
    pieces: list[tuple[int, int, Any]] = []
    position = 0
    for t in paragraph.element.iter(f"{W}t"):
        length = len(t.text or "")
        pieces.append((position, position + length, t))
        position += length
    for m in TAG.finditer(paragraph.text):
        inside = [t for start, end, t in pieces if start < m.end() and end > m.start()]
        if len(inside) > 1:
            yield m.group(0), _broken_between(inside[0], inside[-1])


def _broken_between(first: Any, last: Any) -> bool:
    paragraph = first
    while paragraph is not None and paragraph.tag != f"{W}p":
        paragraph = paragraph.getparent()
    inside = False
    for element in paragraph.iter():
        if element is first:
            inside = True
        elif element is last:
            return False
        elif inside and element.tag in _BREAKERS:
            return True
    return False


def row_text_besides(tag: Tag) -> str:
    """Text in the tag's row (for ``{%tr``) or cell (for ``{%tc``) other than the tag itself."""
    holder = tag.paragraph.row if tag.level == "tr" else tag.paragraph.cell
    if holder is None:
        return ""
    text = "".join(t.text or "" for t in holder.iter(f"{W}t"))
    return text.replace(tag.text, "", 1).strip()


# ---------------------------------------------------------------- parsing

_STUB_MODEL = {"pengaturan": {"desimal": 2, "rupiah": "puebi"}}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The environment tags are checked in: lkjip's filters, tests and globals."""
    from lkjip_gen.render.document import environment as model_environment

    return model_environment(_STUB_MODEL)


# A tag's syntax tree and the names it reads, worked out once per process for its text: the same
# tags recur in every part an office edits and in every pack built from the default. The checks
# only read the trees.
@lru_cache(maxsize=8192)
def tree(source: str) -> nodes.Template:
    return environment().parse(source)


@lru_cache(maxsize=8192)
def undeclared(ast: nodes.Template) -> frozenset[str]:
    return frozenset(meta.find_undeclared_variables(ast))
