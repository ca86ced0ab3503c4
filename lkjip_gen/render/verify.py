"""Parse every rendered part strictly, so a document is never silently cut short.

docxtpl re-parses the rendered body with ``XMLParser(recover=True)``: broken markup, a character
XML cannot carry or a text node over 10 MB makes libxml2 stop there and return the document so
far, without an error. Parsing the rendered text strictly first turns every such case into an
error that names the part and the text around the fault.
"""

from __future__ import annotations

import re

from lxml import etree

from lkjip_gen.errors import TemplateError

_PARSER = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
_XML_TAG = re.compile(r"<[^>]+>")
_AROUND = 60


def check_xml(xml: str, part: str) -> None:
    """Raise when ``xml`` (the rendered text of ``part``) is not well-formed XML.

    Raises:
        TemplateError: says where the XML breaks and quotes the text just before it.
    """
    try:
        etree.fromstring(xml.encode("utf-8", errors="surrogatepass"), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(_message(xml, part, exc)) from exc


def _message(xml: str, part: str, exc: etree.XMLSyntaxError) -> str:
    line, col = exc.position
    lines = xml.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    before = _XML_TAG.sub("", text[: max(col - 1, 0)])[-_AROUND:].strip()
    where = f" — sesudah teks «{before}»" if before else ""
    return (
        f"{part}: hasil templat bukan XML yang utuh ({exc.msg}){where}. Dokumen tidak ditulis: "
        "periksa tag di bagian itu (misalnya |safe yang menyisipkan XML, atau tag yang memecah "
        "paragraf atau tabel)"
    )
