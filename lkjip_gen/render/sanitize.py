"""Find what in a Word template could load content from outside the document or run code.

Templates are shared between offices, and LibreOffice (which makes the PDF) follows links Word
would first ask about. ``find_hostile`` lists everything of that kind; ``render_docx`` refuses a
template with any finding, and the template linter (``lkjip templat periksa``) reports them.

Refused: relationships to targets outside the package other than web/mail hyperlinks (external
images, attached templates, sub-documents, frames, OLE links, mail-merge sources), macros
(``vbaProject.bin``), ActiveX controls, embedded OLE objects, ``altChunk`` imports, and field
codes that load or link content (DDE, DDEAUTO, INCLUDETEXT, INCLUDEPICTURE, LINK, IMPORT, RD,
DATABASE), whether written as simple or complex fields. Hyperlinks to ``http``, ``https`` and
``mailto`` addresses are fine: a report may cite a web page, and following one needs a click.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from lkjip_gen.disk import ZIP_DAMAGED

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_SAFE_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_LOADING_FIELDS = {"DDE", "DDEAUTO", "INCLUDETEXT", "INCLUDEPICTURE", "LINK", "IMPORT", "RD"}
_LOADING_FIELDS |= {"DATABASE", "INCLUDE"}
_MAX_UNPACKED = 200_000_000
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

# Relationship types by their last path segment → what users call them.
_KINDS = {
    "image": "gambar",
    "attachedTemplate": "templat terlampir (attachedTemplate)",
    "subDocument": "subdokumen",
    "frame": "bingkai (frame)",
    "oleObject": "objek OLE",
    "package": "paket tertanam",
    "mailMergeSource": "sumber mail merge",
    "hyperlink": "tautan",
}
# Parts that carry code or foreign content, by a pattern on the part name.
_PARTS = (
    (re.compile(r"(^|/)vbaProject\.bin$", re.I), "makro VBA (vbaProject.bin)"),
    (re.compile(r"(^|/)vbaData\.xml$", re.I), "data makro VBA (vbaData.xml)"),
    (re.compile(r"^word/activeX/", re.I), "kontrol ActiveX"),
    (re.compile(r"^word/embeddings/", re.I), "objek OLE tertanam"),
)
# Elements of document parts that import or run something.
_ELEMENTS = {
    f"{{{_W}}}altChunk": "sisipan altChunk (isi dokumen lain yang diimpor)",
    f"{{{_W}}}object": "objek OLE",
    f"{{{_W}}}control": "kontrol ActiveX",
    f"{{{_W}}}subDoc": "subdokumen",
}
_REMEDY = {
    "part": "buka templat di Word, hapus isi itu, lalu simpan sebagai Dokumen Word (.docx) biasa",
    "rel": "hapus gambar/tautan itu, lalu sisipkan ulang gambarnya dengan Sisipkan → Gambar → "
    "Perangkat Ini (tersimpan di dalam dokumen)",
    "template": "Word: Pengembang → Templat Dokumen → kosongkan 'Templat dokumen', lalu simpan",
    "field": "klik kanan bidang itu → Alihkan Kode Bidang, hapus bidangnya, lalu simpan",
    "element": "hapus objek itu di Word, lalu simpan sebagai Dokumen Word (.docx) biasa",
}


@dataclass(frozen=True)
class Finding:
    """One thing in a template that must go: where (``part``), what, and how to remove it."""

    part: str
    what: str
    remedy: str

    def __str__(self) -> str:
        return f"{self.part}: {self.what} — {self.remedy}"


UNREADABLE = Finding(
    "(berkas)",
    "bukan dokumen Word (.docx) yang dapat dibaca, atau rusak",
    "simpan ulang bagian itu di Word sebagai Dokumen Word (.docx)",
)
"""The finding of a template that cannot be checked, so is not to be used."""


def find_hostile(template: Path | str | bytes) -> list[Finding]:
    """Everything in the .docx ``template`` (a path or its bytes) that loads or runs content.

    Returns an empty list for a clean template. A file that is not a readable .docx gives one
    finding saying so (the template cannot be checked, so it is not to be used).
    """
    source = io.BytesIO(template) if isinstance(template, bytes) else Path(template)
    try:
        with zipfile.ZipFile(source) as package:
            return _findings(package)
    except (*ZIP_DAMAGED, OSError, KeyError):
        return [UNREADABLE]


def _findings(package: zipfile.ZipFile) -> list[Finding]:
    infos = package.infolist()
    if sum(info.file_size for info in infos) > _MAX_UNPACKED:
        return [Finding("(berkas)", "isi templat terlalu besar setelah dibuka", _REMEDY["part"])]
    found: list[Finding] = []
    for info in infos:
        name = info.filename
        for pattern, what in _PARTS:
            if pattern.search(name):
                found.append(Finding(name, what, _REMEDY["part"]))
        if name.endswith(".rels"):
            found.extend(_relationships(name, package.read(info)))
        elif name.startswith("word/") and name.endswith(".xml"):
            found.extend(_document_part(name, package.read(info)))
    return found


def _parse(name: str, data: bytes) -> etree._Element | Finding:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        return Finding(name, f"XML rusak ({exc.msg})", _REMEDY["part"])


def _relationships(name: str, data: bytes) -> list[Finding]:
    root = _parse(name, data)
    if isinstance(root, Finding):
        return [root]
    found = []
    for rel in root.iter(f"{{{_REL}}}Relationship"):
        kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
        target = str(rel.get("Target", ""))
        if kind in ("vbaProject", "control", "aFChunk"):
            continue  # reported by part name or element, where the user can find it
        if rel.get("TargetMode") != "External":
            continue
        if kind == "hyperlink" and _SAFE_LINK.match(target):
            continue
        label = _KINDS.get(kind, f"tautan '{kind}'")
        remedy = _REMEDY["template" if kind == "attachedTemplate" else "rel"]
        found.append(Finding(_owner(name), f"{label} diambil dari luar dokumen: {target}", remedy))
    return found


def _owner(rels_name: str) -> str:
    """``word/_rels/document.xml.rels`` → ``word/document.xml``: the part users know."""
    path = PurePosixPath(rels_name)
    if path.parent.name != "_rels":
        return rels_name
    return str(path.parent.parent / path.name.removesuffix(".rels")).lstrip("./") or rels_name


def _document_part(name: str, data: bytes) -> list[Finding]:
    root = _parse(name, data)
    if isinstance(root, Finding):
        return [root]
    found = []
    for element in root.iter(*_ELEMENTS):
        found.append(Finding(name, _ELEMENTS[element.tag], _REMEDY["element"]))
    for instruction in _field_codes(root):
        field = _field_name(instruction)
        if field in _LOADING_FIELDS:
            shown = " ".join(instruction.split())[:120]
            what = f"kode bidang {field} memuat isi dari luar dokumen: {{ {shown} }}"
            found.append(Finding(name, what, _REMEDY["field"]))
    return found


def _field_codes(root: etree._Element) -> list[str]:
    """Every field instruction: simple fields, and complex fields (instrText between begin and
    separate/end, possibly spread over many runs and nested)."""
    codes = [str(el.get(f"{{{_W}}}instr", "")) for el in root.iter(f"{{{_W}}}fldSimple")]
    stack: list[list[str]] = []
    for el in root.iter(f"{{{_W}}}fldChar", f"{{{_W}}}instrText"):
        if el.tag == f"{{{_W}}}instrText":
            if stack:
                stack[-1].append(el.text or "")
            continue
        kind = el.get(f"{{{_W}}}fldCharType")
        if kind == "begin":
            stack.append([])
        elif kind == "end" and stack:
            codes.append("".join(stack.pop()))
    codes.extend("".join(parts) for parts in stack)  # a field never closed still counts
    return codes


def _field_name(instruction: str) -> str:
    words = instruction.strip().lstrip("\\").split()
    return words[0].strip('"').upper() if words else ""
