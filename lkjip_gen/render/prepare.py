"""Templates made ready for Jinja once per process: assembled, patched, kept for the next build.

Assembling a pack's parts and patching the result for Jinja (docxtpl's clean-up of tags split
across runs, our ``{% vmerge %}`` cell tag) give the same text for every report built with the
same pack, and cost more than rendering a report. A batch builds many reports with one pack, so
the result is kept per process, keyed by the content of the pack's parts — an edited part is a
new key, never a stale template. Compiled Jinja code is kept the same way (see
:class:`lkjip_gen.render.sandbox.LkjipEnvironment`).
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from lxml import etree

from lkjip_gen import diskcache
from lkjip_gen.render.assemble import PART_STARTS, assemble
from lkjip_gen.render.pack import Pack

# Our own cell tag: ``{% vmerge EXPR %}`` inside a table cell merges it with the cell above when
# EXPR is "continue" and starts a merge when it is "restart". The context decides, row by row,
# so templates need neither docxtpl's loop-bound {% vm %} nor nested loops.
_VMERGE_TAG = re.compile(
    r"(<w:tc[ >](?:(?!<w:tc[ >]).)*?<w:tcPr>)((?:(?!<w:tc[ >]).)*?)"
    r"{%\s*vmerge\s+((?:(?!%}).)+?)\s*%}",
    re.DOTALL,
)
_VMERGE_FILTER = r"\1{{ (\3)|vmerge }}\2"
_PARAGRAPH = re.compile(r"<w:p([ >])")
_START_TAG = re.compile(r"<[^>]+>")
_XMLNS = re.compile(r' xmlns:(\w+)="([^"]*)"')
_BODY = re.compile(r"<w:body\b[^>]*>.*</w:body>|<w:body\b[^>]*/>", re.DOTALL)
_KEPT = 8  # packs × documents kept per process: a batch uses one or two
_KEPT_PARTS = 128  # body parts, headers and footers: a few dozen per pack


@dataclass(frozen=True)
class Prepared:
    """An assembled template, ready to render many times.

    ``package`` is the assembled .docx with an empty body (styles, numbering, headers, media);
    ``body`` is the body's XML patched for Jinja, each paragraph on its own line so that Jinja's
    line numbers point at a paragraph in error messages.
    """

    package: bytes
    body: str


_prepared: OrderedDict[str, Prepared] = OrderedDict()
_patched: OrderedDict[str, str] = OrderedDict()


def prepared(pack: Pack, document: str) -> Prepared:
    """``document`` of ``pack`` assembled and patched, from this process's cache when it can.

    Raises:
        TemplateError: a part is not a Word document (see :func:`assemble`).
    """
    key = _fingerprint(pack, document)
    found = _prepared.get(key)
    if found is None:
        found = _from_disk(key) or _prepare(pack, document)
        _remember(_prepared, key, found, _KEPT)
    else:
        _prepared.move_to_end(key)
    return found


def _prepare(pack: Pack, document: str) -> Prepared:
    template = assemble(pack, document).document
    body = etree.tostring(template.element.body, encoding="unicode")
    for child in list(template.element.body):
        template.element.body.remove(child)
    buffer = io.BytesIO()
    template.save(buffer)
    # Patched part by part (each patch stays within a paragraph, row or cell): the parts an
    # office's pack shares with the default, or with the pack of the last build, are patched once.
    result = Prepared(buffer.getvalue(), lined("".join(map(patched, PART_STARTS.split(body)))))
    name = diskcache.key(_fingerprint(pack, document))
    diskcache.write("templat", f"{name}.docx", result.package)
    diskcache.write("templat", f"{name}.xml", result.body.encode("utf-8", "surrogatepass"))
    return result


def _from_disk(fingerprint: str) -> Prepared | None:
    """The template prepared by an earlier lkjip run, when the disk cache has it."""
    name = diskcache.key(fingerprint)
    package = diskcache.read("templat", f"{name}.docx")
    body = diskcache.read("templat", f"{name}.xml")
    if package is None or body is None:
        return None
    return Prepared(package, body.decode("utf-8", "surrogatepass"))


def _fingerprint(pack: Pack, document: str) -> str:
    """What the assembled template depends on: the parts' bytes and templat.yaml's settings."""
    digest = hashlib.sha256(document.encode())
    manifest = pack.manifest
    digest.update(repr((manifest.huruf, manifest.ukuran, sorted(manifest.margin.items()))).encode())
    for name in sorted(pack.parts):
        digest.update(f"\0{name}\0".encode())
        digest.update(hashlib.sha256(pack.parts[name].blob).digest())
    return digest.hexdigest()


def patched(xml: str) -> str:
    """:func:`patch` with this process's cache (parts, headers and footers repeat)."""
    found = _patched.get(xml)
    if found is None:
        found = patch(xml)
        _remember(_patched, xml, found, _KEPT_PARTS)
    return found


def patch(xml: str) -> str:
    """A part's XML patched for Jinja: docxtpl's clean-up, then our ``{% vmerge %}`` tags."""
    xml = str(DocxTemplate.patch_xml(None, xml))
    # Each substitution moves a tag into its cell's tcPr; the next tag can only be found at or
    # after the start of the last match (a match never spans two cells), so the search resumes
    # there instead of rescanning the document from its start for every merge.
    start = 0
    while (match := _VMERGE_TAG.search(xml, start)) is not None:
        xml = xml[: match.start()] + match.expand(_VMERGE_FILTER) + xml[match.end() :]
        start = match.start()
    return xml


def lined(xml: str) -> str:
    """Every paragraph on its own line, as docxtpl feeds a part to Jinja."""
    return _PARAGRAPH.sub(r"\n<w:p\1", xml)


def with_body(root: Any, body: Any) -> Any:
    """A new document root: ``root`` with its body replaced by ``body`` (from another tree).

    docxtpl moves the rendered body into the document (``root.replace``), and moving elements
    between two lxml documents costs time quadratic in the body's size — minutes for a budget of
    thousands of rows. Serialising and parsing once gives the same document, as lxml leaves it
    after the move (see :func:`splice`). None when :func:`splice` is.
    """
    body_xml = etree.tostring(body, encoding="unicode")
    spliced = splice(root, body_xml)
    if spliced is None:
        return None
    head, start, tail = spliced
    return parse_xml(head + body_xml[start:] + tail)


def splice(root: Any, body_xml: str) -> tuple[str, int, str] | None:
    """How ``body_xml`` (a serialized w:body) reads in ``root``'s XML in place of its body.

    The document is ``head + body_xml[start:] + tail``: ``head`` is the root's XML up to its body
    and the body's start tag without the namespace declarations the root already makes (lxml
    drops them when it moves a body into the root), ``tail`` the root's XML after its body. None
    when the body declares a namespace of the root under another prefix (never seen; the caller
    then moves the body as docxtpl does).
    """
    start = _START_TAG.match(body_xml)
    assert start is not None, "a serialized element starts with its tag"
    declared = {uri: prefix for prefix, uri in root.nsmap.items()}
    kept = []
    for prefix, uri in _XMLNS.findall(start.group()):
        if uri not in declared:
            kept.append(f' xmlns:{prefix}="{uri}"')
        elif declared[uri] != prefix:
            return None
    tag = _XMLNS.sub("", start.group()).rstrip("/> ")
    closing = "/>" if start.group().endswith("/>") else ">"
    root_xml = etree.tostring(root, encoding="unicode")
    match = _BODY.search(root_xml)
    assert match is not None, "a serialized w:document always has a body"
    head = root_xml[: match.start()] + tag + "".join(kept) + closing
    return head, start.end(), root_xml[match.end() :]


def _remember(cache: OrderedDict[str, Any], key: str, value: Any, kept: int) -> None:
    cache[key] = value
    while len(cache) > kept:
        cache.popitem(last=False)
