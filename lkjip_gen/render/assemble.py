"""Lay a pack's parts into one Word package (gaya's) before rendering, remembering their origin.

The chapters, the cover and the PK are separate Word documents so that an office can replace
one of them and keep receiving fixes of the others; docxtpl still renders one document, so that
finishing (numbering, page numbers, table of contents) sees the whole report. Each part's body
is preceded by a marker comment naming the part, so that errors found while or after rendering
name the part they come from (see :func:`part_at`).
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from lkjip_gen.errors import TemplateError
from lkjip_gen.render.contract import REQUIRED_STYLES
from lkjip_gen.render.pack import Pack

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FRONT = "|depan"  # where the cover and front matter's section ends
# The parts of each document in reading order; the LKjIP's annex is the PK document's part.
LAYOUT = {
    "lkjip": (
        "sampul",
        "depan",
        FRONT,
        "bab1",
        "bab2",
        "bab3",
        "bab4",
        "lampiran",
        "pk",
        # The plan documents follow the PK where pengaturan.lampiran asks for them.
        "rencana_aksi",
        "realisasi_aksi",
        "rkt",
    ),
    "pk": ("pk",),
    "rekap": ("rekap",),
    "rencana-aksi": ("rencana_aksi",),
    "realisasi-rencana-aksi": ("realisasi_aksi",),
    "rkt": ("rkt",),
}
# Documents printed on landscape pages throughout (a wide table).
LANDSCAPE = ("rekap",)
# Documents with the report's footers (page numbers); the others stand alone.
NUMBERED = ("lkjip", "rekap")
MARKER = "lkjip-bagian:"
PART_STARTS = re.compile(r"(?=<!--" + re.escape(MARKER) + ")")
"""Where each part starts in an assembled body's XML: at the marker comment laid before it."""
_HDRFTR = (qn("w:headerReference"), qn("w:footerReference"))
_STYLE_REFS = (qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))
TWIPS_PER_CM = Decimal("566.929")


@dataclass
class Assembled:
    """The assembled template, ready for docxtpl, and the pack it came from."""

    document: Document
    pack: Pack


def assemble(pack: Pack, document: str) -> Assembled:
    """gaya's package with the bodies of ``document``'s parts laid in, in reading order.

    Raises:
        TemplateError: a part is not a Word document, or gaya lacks the section it must have.
    """
    gaya = _open(pack, "gaya")
    canonical_styles(gaya)
    body = gaya.element.body
    front, main = _sections(gaya, pack)
    for child in list(body):
        body.remove(child)
    for name in LAYOUT[document]:
        if name == FRONT:
            body.append(
                parse_xml(f'<w:p xmlns:w="{W}"><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>')
            )
            body[-1][0].append(copy.deepcopy(front))
            continue
        body.append(etree.Comment(f"{MARKER}{name}"))
        _Carrier(gaya, _open(pack, name, shared=True)).lay_into(body, _references(main))
    if document in LANDSCAPE:
        _turn(main)
    if document not in NUMBERED:
        # The PK and the plans stand alone: the page setup of the report's body, without its
        # footers.
        for child in [c for c in main if c.tag in _HDRFTR or c.tag == qn("w:pgNumType")]:
            main.remove(child)
    body.append(main)
    _apply_settings(gaya, pack)
    return Assembled(gaya, pack)


def _open(pack: Pack, name: str, *, shared: bool = False) -> Document:
    """The part as a Word document; ``shared``: one kept for its bytes, to be read only."""
    part = pack.parts[name]
    try:
        return _read_only(part.blob) if shared else docx.Document(io.BytesIO(part.blob))
    except Exception as e:  # a corrupt or non-Word file: python-docx raises many kinds
        raise TemplateError(
            f"{part.shown}: bukan dokumen Word (.docx) yang dapat dibaca — simpan ulang "
            f"sebagai Dokumen Word ({type(e).__name__})"
        ) from e


@lru_cache(maxsize=32)
def _read_only(blob: bytes) -> Document:
    """A part opened once per process for its bytes. Carrying a part into gaya only reads it
    (python-docx adds an empty numbering or styles part on first access, the same every time),
    and an office's pack shares most parts with the default and with each other."""
    return docx.Document(io.BytesIO(blob))


def _sections(gaya: Document, pack: Pack) -> tuple[Any, Any]:
    """The front matter's section (gaya's first) and the body's (its last)."""
    sections = list(gaya.element.body.iter(qn("w:sectPr")))
    if len(sections) < 2:
        raise TemplateError(
            f"{pack.parts['gaya'].shown}: harus berisi dua bagian (section): bagian pertama "
            "untuk sampul dan halaman depan, bagian terakhir untuk bab dan lampiran — pemisah "
            "bagian (section break) hilang, mungkin karena disimpan dengan LibreOffice; ambil "
            "ulang gaya.docx dari templat bawaan (lkjip templat salin)"
        )
    return copy.deepcopy(sections[0]), copy.deepcopy(sections[-1])


def _turn(sect: Any) -> None:
    """A portrait section turned to landscape, its margins turned with the page."""
    size, mar = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    if size is None or size.get(qn("w:orient")) == "landscape":
        return
    width, height = size.get(qn("w:w")), size.get(qn("w:h"))
    size.set(qn("w:w"), height)
    size.set(qn("w:h"), width)
    size.set(qn("w:orient"), "landscape")
    if mar is not None:
        top, bottom, left, right = (
            mar.get(qn(f"w:{s}")) for s in ("top", "bottom", "left", "right")
        )
        for side, value in (("left", top), ("right", bottom), ("top", left), ("bottom", right)):
            mar.set(qn(f"w:{side}"), value)


def _references(sect: Any) -> list[Any]:
    return [c for c in sect if c.tag in _HDRFTR]


def part_at(element: Any) -> str | None:
    """The name of the part an element of the assembled body came from."""
    node = element
    while (
        node is not None and node.getparent() is not None and node.getparent().tag != qn("w:body")
    ):
        node = node.getparent()
    while node is not None:
        if isinstance(node, etree._Comment) and str(node.text).startswith(MARKER):  # noqa: SLF001
            return str(node.text)[len(MARKER) :]
        node = node.getprevious()
    return None


def remove_markers(document: Document) -> None:
    for comment in list(document.element.body.iterchildren(etree.Comment)):
        document.element.body.remove(comment)


# ---------------------------------------------------------------- styles


def _style_names(document: Document) -> dict[str, str]:
    """styleId → name (lower case: Word writes built-in names so, whatever its language)."""
    names = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            names[style.get(qn("w:styleId"))] = str(name.get(qn("w:val"))).lower()
    return names


def canonical_styles(document: Document) -> None:
    """Give the styles lkjip_gen looks up the ids it looks them up by.

    A Word in another language saves "heading 1" under the id "Judul1"; the name stays.
    """
    by_name = {name: sid for sid, name in _style_names(document).items()}
    renames = {
        by_name[name]: sid
        for name, sid in REQUIRED_STYLES.items()
        if name in by_name and by_name[name] != sid and sid not in _style_names(document)
    }
    if not renames:
        return
    roots = [document.styles.element, document.element]
    roots += [document.part.numbering_part.element]
    roots += [rel.target_part.element for rel in _hdrftr_rels(document)]
    for root in roots:
        for node in root.iter(*_STYLE_REFS, qn("w:basedOn"), qn("w:next"), qn("w:link")):
            if node.get(qn("w:val")) in renames:
                node.set(qn("w:val"), renames[node.get(qn("w:val"))])
    for style in document.styles.element.iterchildren(qn("w:style")):
        if style.get(qn("w:styleId")) in renames:
            style.set(qn("w:styleId"), renames[style.get(qn("w:styleId"))])


def _hdrftr_rels(document: Document) -> Iterator[Any]:
    for rel in document.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER):
            yield rel


# ---------------------------------------------------------------- carrying a part's body


class _Carrier:
    """Copies one part's body into the target package with what it refers to: styles (by
    name), list numbering, images and hyperlinks, under ids that are free in the target."""

    def __init__(self, target: Document, source: Document) -> None:
        self.target, self.source = target, source
        self.target_ids = {name: sid for sid, name in _style_names(target).items()}
        self.source_names = _style_names(source)
        self.styles: dict[str, str] = {}
        self.nums: dict[str, str] = {}

    def lay_into(self, body: Any, references: list[Any]) -> None:
        for child in self.source.element.body.iterchildren():
            if child.tag == qn("w:sectPr"):
                continue  # the part's own last page setup: the report's comes from gaya
            node = copy.deepcopy(child)
            for sect in node.iter(qn("w:sectPr")):
                _set_references(sect, references)
            self._relink(node)
            body.append(node)

    def _relink(self, node: Any) -> None:
        for element in node.iter():
            if not isinstance(element.tag, str):
                continue
            if element.tag in _STYLE_REFS:
                element.set(qn("w:val"), self._style(element.get(qn("w:val"))))
            elif element.tag == qn("w:numId"):
                element.set(qn("w:val"), self._num(element.get(qn("w:val"))))
            for attr, value in element.attrib.items():
                if attr.startswith(f"{{{R}}}"):
                    element.set(attr, self._relationship(value))

    def _style(self, sid: str) -> str:
        """The target's id for the source style ``sid``: same name, else a copy of the style."""
        if sid in self.styles:
            return self.styles[sid]
        name = self.source_names.get(sid)
        if name is None:
            return sid  # undefined in the part too: the linter reports it
        if name in self.target_ids:
            self.styles[sid] = self.target_ids[name]
            return self.styles[sid]
        style = copy.deepcopy(self.source.styles.element.get_by_id(sid))
        new_id = sid
        while new_id in _style_names(self.target):
            new_id += "0"
        self.styles[sid] = self.target_ids[name] = new_id
        style.set(qn("w:styleId"), new_id)
        self._relink(style)
        for ref in style.iterchildren(qn("w:basedOn"), qn("w:next"), qn("w:link")):
            ref.set(qn("w:val"), self._style(ref.get(qn("w:val"))))
        self.target.styles.element.append(style)
        return new_id

    def _num(self, num_id: str) -> str:
        """A list of the part gets its own numbering definition in the target."""
        if num_id == "0" or num_id in self.nums:
            return self.nums.get(num_id, num_id)
        source = self.source.part.numbering_part.element
        target = self.target.part.numbering_part.element
        num = source.num_having_numId(int(num_id)) if _has_num(source, num_id) else None
        if num is None:
            return num_id
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = next(
            a
            for a in source.iterchildren(qn("w:abstractNum"))
            if a.get(qn("w:abstractNumId")) == abstract_id
        )
        new_abstract = copy.deepcopy(abstract)
        used = [int(a.get(qn("w:abstractNumId"))) for a in target.iterchildren(qn("w:abstractNum"))]
        new_abstract.set(qn("w:abstractNumId"), str(max(used, default=-1) + 1))
        firsts = list(target.iterchildren(qn("w:num")))
        if firsts:
            firsts[0].addprevious(new_abstract)
        else:
            target.append(new_abstract)
        new_num = target.add_num(int(new_abstract.get(qn("w:abstractNumId"))))
        self.nums[num_id] = str(new_num.numId)
        return self.nums[num_id]

    def _relationship(self, rid: str) -> str:
        rel = self.source.part.rels.get(rid)
        if rel is None:
            return rid
        if rel.is_external:
            return str(self.target.part.relate_to(rel.target_ref, rel.reltype, is_external=True))
        if rel.reltype == RT.IMAGE:
            new_rid, _ = self.target.part.get_or_add_image(io.BytesIO(rel.target_part.blob))
            return str(new_rid)
        raise TemplateError(
            f"{rel.target_ref}: objek jenis {rel.reltype.rsplit('/', 1)[-1]} di templat belum "
            "dapat dibawa — hapus objek itu, atau ganti dengan gambar PNG/JPEG"
        )


def _has_num(numbering: Any, num_id: str) -> bool:
    return any(n.get(qn("w:numId")) == num_id for n in numbering.iterchildren(qn("w:num")))


def _set_references(sect: Any, references: list[Any]) -> None:
    """A part's section break takes the report's headers and footers (gaya's)."""
    for child in [c for c in sect if c.tag in _HDRFTR]:
        sect.remove(child)
    for i, ref in enumerate(references):
        sect.insert(i, copy.deepcopy(ref))


# ---------------------------------------------------------------- templat.yaml settings


def _apply_settings(document: Document, pack: Pack) -> None:
    """``huruf``, ``ukuran`` and ``margin`` of templat.yaml; updateFields Word needs."""
    manifest = pack.manifest
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f'<w:docDefaults xmlns:w="{W}"/>')
        document.styles.element.insert(0, defaults)
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    if manifest.huruf:
        fonts = _child(rpr, "w:rFonts", first=True)
        fonts.attrib.clear()
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(qn(f"w:{attr}"), manifest.huruf)
    if manifest.ukuran:
        half = str(int(manifest.ukuran * 2))
        for tag in ("w:sz", "w:szCs"):
            _child(rpr, tag).set(qn("w:val"), half)
    if manifest.margin:
        for sect in document.element.body.iter(qn("w:sectPr")):
            _set_margin(sect, manifest.margin)
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        # LibreOffice drops it; Word then would not refresh the table of contents on opening.
        update = parse_xml(f'<w:updateFields xmlns:w="{W}" w:val="true"/>')
        compat = settings.find(qn("w:compat"))
        if compat is not None:
            compat.addprevious(update)


def _child(parent: Any, tag: str, *, first: bool = False) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = parse_xml(f'<{tag} xmlns:w="{W}"/>')
        parent.insert(0, found) if first else parent.append(found)
    return found


def _set_margin(sect: Any, margin: dict[str, Decimal]) -> None:
    """Portrait sections as written; landscape ones turned with the page (kiri stays bound)."""
    size, mar = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    if mar is None or size is None:
        return
    landscape = size.get(qn("w:orient")) == "landscape" or int(size.get(qn("w:w"), 0)) > int(
        size.get(qn("w:h"), 0)
    )
    sides = ("left", "right", "top", "bottom") if landscape else ("top", "bottom", "left", "right")
    for side, key in zip(sides, ("atas", "bawah", "kiri", "kanan"), strict=True):
        mar.set(qn(f"w:{side}"), str(round(margin[key] * TWIPS_PER_CM)))
