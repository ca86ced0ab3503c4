"""Parse every rendered part strictly, so a document is never silently cut short.

docxtpl re-parses the rendered body with ``XMLParser(recover=True)``: broken markup, a character
XML cannot carry or a text node over 10 MB makes libxml2 stop there and return the document so
far, without an error. Parsing the rendered text strictly first turns every such case into an
error that names the part and the text around the fault.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from docx.oxml.parser import element_class_lookup
from lxml import etree

from lkjip_gen.errors import Problem, TemplateFailed
from lkjip_gen.render.assemble import MARKER

_PARSER = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
_XML_TAG = re.compile(r"<[^>]+>")
_MARKER = re.compile(r"<!--" + re.escape(MARKER) + r"(\w+)-->")
_AROUND = 60
_CHUNK = 1 << 20  # characters encoded and fed to the parser at a time


def check_xml(xml: str, pack: str, files: Mapping[str, str], where: str) -> Any:
    """Raise when ``xml`` (the rendered ``where`` of an assembled pack) is not well-formed XML;
    the parsed element when it is.

    ``files`` maps each part name to the file shown in messages; the part is found by the
    assembly's marker before the fault (``pack`` is named when there is none).

    Raises:
        TemplateFailed: says where the XML breaks and quotes the text just before it.
    """
    try:
        return etree.fromstring(xml.encode("utf-8", errors="surrogatepass"), _PARSER)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position
        lines = xml.split("\n")
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        offset = sum(len(item) + 1 for item in lines[: max(line - 1, 0)]) + max(col - 1, 0)
        markers = [m.group(1) for m in _MARKER.finditer(xml, 0, offset)]
        file = files.get(markers[-1], pack) if markers else pack
        problem = Problem(file, 0, 0, where, _message(text, col, exc), "templat.render")
        raise TemplateFailed([problem]) from exc


def parse_document(head: str, body_xml: str, start: int, tail: str) -> Any:
    """The document ``head + body_xml[start:] + tail`` parsed as strictly as :func:`check_xml`,
    into python-docx's element classes (as :func:`docx.oxml.parse_xml` gives them).

    The body is fed to the parser a slice at a time: neither the joined text nor its UTF-8
    bytes (each the size of the rendered body) are ever held whole.

    Raises:
        etree.XMLSyntaxError: the text is not well-formed XML.
    """
    parser = etree.XMLParser(
        remove_blank_text=True, recover=False, resolve_entities=False, no_network=True
    )
    parser.set_element_class_lookup(element_class_lookup)
    parser.feed(head.encode("utf-8"))
    for offset in range(start, len(body_xml), _CHUNK):
        parser.feed(body_xml[offset : offset + _CHUNK].encode("utf-8", errors="surrogatepass"))
    parser.feed(tail.encode("utf-8"))
    return parser.close()


def _message(text: str, col: int, exc: etree.XMLSyntaxError) -> str:
    before = _XML_TAG.sub("", text[: max(col - 1, 0)])[-_AROUND:].strip()
    where = f" — sesudah teks «{before}»" if before else ""
    return (
        f"hasil templat bukan XML yang utuh ({exc.msg}){where}. Dokumen tidak ditulis: periksa "
        "tag di bagian itu (misalnya |safe yang menyisipkan XML, atau tag yang memecah paragraf "
        "atau tabel)"
    )
