"""The document's properties (title, author, dates, company) from the data, never the clock."""

from __future__ import annotations

from datetime import datetime, time
from xml.sax.saxutils import escape

from docx.document import Document

from lkjip_gen.compute.types import Model
from lkjip_gen.formatting import parse_tanggal
from lkjip_gen.render.narrative import xml_safe

PROPERTY_CHARS = 255
"""The most characters a core property (title, author …) holds: Word's limit, which python-docx
enforces; an office's name may be longer, and the document itself prints it whole."""


def set_properties(document: Document, model: Model, title: str, templat: str) -> None:
    """Title, author and dates from the data, never from the clock, so renders are identical.

    The description records the template pack and its version(s), e.g. "templat: kantor 1.2 ←
    default 1.0", so a document says what made it.
    """
    instansi, laporan = model["instansi"], model["laporan"]
    office = xml_safe(f"{instansi['nama']} {instansi['pemda']}")
    # "2021-02" (a month without a day, as seed 000 signs) dates the file on the 1st.
    signed = datetime.combine(parse_tanggal(laporan["tanggal"])[0], time())
    core = document.core_properties
    core.title = core_text(f"{title} {office} {laporan['periode']}")
    core.author = core.last_modified_by = core_text(office)
    core.subject = core_text(f"{title} {laporan['periode']}")
    core.keywords = "LKjIP, SAKIP, Perjanjian Kinerja"
    core.created = core.modified = signed
    core.revision = 1
    core.comments = core_text(f"Dibuat dengan lkjip_gen; templat: {templat}")
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            xml = part.blob.decode("utf-8")
            xml = xml.replace("<Company/>", f"<Company>{escape(office)}</Company>")
            part._blob = xml.encode("utf-8")  # noqa: SLF001 - a plain Part has no setter


def core_text(text: str) -> str:
    """``text`` as a core property holds it: cut to :data:`PROPERTY_CHARS` with "…"."""
    return text if len(text) <= PROPERTY_CHARS else text[: PROPERTY_CHARS - 1] + "…"
