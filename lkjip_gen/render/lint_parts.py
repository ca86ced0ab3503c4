"""Template linter checks of a pack's parts beyond their tags: required styles, LibreOffice saves,
pictures too large for the PDF.

Also the two helpers every lint check shares: a located problem and a part's style names.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document
from docx.oxml.ns import qn

from lkjip_gen.data.images import too_large
from lkjip_gen.disk import ZIP_DAMAGED
from lkjip_gen.errors import Problem, Severity
from lkjip_gen.render.contract import REQUIRED_STYLES
from lkjip_gen.render.pack import Part, open_pack


def style_names(document: Document) -> dict[str, str]:
    return {
        s.get(qn("w:styleId")): str(s.find(qn("w:name")).get(qn("w:val"))).lower()
        for s in document.styles.element.iterchildren(qn("w:style"))
        if s.find(qn("w:name")) is not None
    }


def problem(
    part: Part, where: str, message: str, code: str = "templat.berkas", severity: Severity = "error"
) -> Problem:
    return Problem(part.shown, 0, 0, where, message, code, severity)


def styles(part: Part, document: Document) -> list[Problem]:
    """The styles lkjip needs must exist in gaya by name (any language of Word keeps it)."""
    names = style_names(document)
    by_id = {sid: name for sid, name in names.items()}
    problems = []
    for name, sid in REQUIRED_STYLES.items():
        if name in names.values():
            continue
        shown = name.title() if name.startswith(("heading", "body", "list")) else name.title()
        renamed = f" (gaya ber-id {sid} kini bernama «{by_id[sid]}»)" if sid in by_id else ""
        problems.append(
            problem(
                part,
                "gaya",
                f"gaya «{shown}» tidak ada{renamed} — penomoran bab dan tabel, daftar isi dan "
                "narasi memerlukannya: kembalikan nama gaya itu (ubah tampilannya saja, jangan "
                "namanya), atau ambil ulang gaya.docx dari templat bawaan",
                "templat.gaya",
            )
        )
    return problems


def images(part: Part, document: Document) -> list[Problem]:
    """The part's own pictures (a kop's logo) within the pixel bound of the data's images: a
    larger one is left out of the PDF without a word."""
    from docx.image.image import Image

    problems = []
    for media in document.part.package.iter_parts():
        if not media.content_type.startswith("image/"):
            continue
        try:
            image = Image.from_blob(media.blob)
        except Exception:  # a format python-docx cannot measure (EMF, SVG…): LibreOffice draws it
            continue
        wrong = too_large(int(image.px_width), int(image.px_height))
        if wrong is not None:
            name = media.partname.lstrip("/")
            problems.append(problem(part, name, f"gambar {wrong}", "templat.gambar"))
    return problems


def libreoffice(part: Part, document: Document) -> list[Problem]:
    """A part saved by LibreOffice: a lost section break breaks the page layout."""
    try:
        with zipfile.ZipFile(io.BytesIO(part.blob)) as z:
            app = z.read("docProps/app.xml").decode("utf-8", "replace")
    except (KeyError, *ZIP_DAMAGED):
        return []
    if "LibreOffice" not in app:
        return []
    problems = []
    default = open_pack("default").parts.get(part.name)
    count = len(list(document.element.body.iter(qn("w:sectPr"))))
    if default is not None:
        expected = len(
            list(docx.Document(io.BytesIO(default.blob)).element.body.iter(qn("w:sectPr")))
        )
        if count < expected:
            problems.append(
                problem(
                    part,
                    "dokumen",
                    f"disimpan dengan LibreOffice dan kehilangan {expected - count} pemisah "
                    "bagian (section break) dibanding templat bawaan — halaman lanskap dan nomor "
                    "halaman akan salah; sisipkan lagi di Word (Layout › Breaks › Next Page) "
                    "seperti di templat bawaan, atau ubah bagian ini dengan Word",
                    "templat.libreoffice",
                )
            )
    if part.name == "gaya" and document.settings.element.find(qn("w:updateFields")) is None:
        problems.append(
            problem(
                part,
                "pengaturan",
                "disimpan dengan LibreOffice: pengaturan agar Word memperbarui daftar isi saat "
                "dibuka hilang — lkjip menambahkannya kembali pada setiap dokumen, tidak perlu "
                "tindakan",
                "templat.libreoffice",
                "peringatan",
            )
        )
    return problems
