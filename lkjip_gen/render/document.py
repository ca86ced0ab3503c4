"""Render the report model into a Word document through a sandboxed docxtpl template."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any

import docx
import jinja2
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError
from lxml import etree
from markupsafe import Markup, escape

from lkjip_gen import formatting
from lkjip_gen.compute.types import Model
from lkjip_gen.errors import LkjipError, Problem, TemplateError, TemplateFailed
from lkjip_gen.output.files import docx_bytes
from lkjip_gen.render import context, finish, images, narrative, sections, structure, verify
from lkjip_gen.render.assemble import MARKER, PART_STARTS, remove_markers
from lkjip_gen.render.jinja_text import jinja_message
from lkjip_gen.render.pack import Pack, open_pack
from lkjip_gen.render.prepare import Prepared, lined, patched, prepared, splice, with_body
from lkjip_gen.render.sandbox import LimitError, LkjipEnvironment
from lkjip_gen.resources import DOCUMENTS

# Characters docxtpl's resolve_listing turns into tabs, breaks and paragraphs inside w:t.
_LISTING = ("\t", "\a", "\n", "\f")
_TAG = re.compile(r"{{.*?}}|{%.*?%}", re.DOTALL)
_XML_TAG = re.compile(r"<[^>]+>")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


class _TemplateCode(Exception):
    """Raised from what template code (Jinja compiling or running a part) raised: only that is
    the template's mistake; anything failing after it is lkjip's own."""


@contextlib.contextmanager
def _template_code() -> Iterator[None]:
    try:
        yield
    except LkjipError:
        # A chart placed where draw_charts did not see it is drawn during the render; a bad
        # font file is then still the data's problem, not the template's.
        raise
    except Exception as e:
        raise _TemplateCode from e


def _finalize(value: Any) -> Any:
    """What ``{{ x }}`` prints when the template applied no filter.

    ``None`` is printed as the dash for a missing value and a Decimal in Indonesian notation, so a
    forgotten filter can neither print "None" nor "74.24".
    """
    if value is None:
        return formatting.DASH
    if isinstance(value, Decimal):
        return formatting.angka(value)
    if isinstance(value, str) and not isinstance(value, Markup):
        # Escaped here rather than by autoescape, so that text XML cannot hold is dropped and
        # docxtpl's own "{_{" escape cannot alter user text.
        return Markup(narrative.xml_text(value))
    return value


def environment(model: Mapping[str, Any]) -> LkjipEnvironment:
    """The environment for one model: its decimals and rupiah style are the filter defaults."""
    pengaturan = model["pengaturan"]
    desimal = pengaturan["desimal"]
    filters: dict[str, Callable[..., Any]] = dict(formatting.FILTERS)
    filters.update(
        persen=partial(formatting.persen, places=desimal),
        # A percentage in a column headed "(%)": padded to the office's decimals, no sign.
        desimal=partial(formatting.angka, places=desimal),
        rupiah=partial(_rupiah, default=pengaturan["rupiah"]),
    )
    # An empty cell (a kegiatan row without an indicator) stays empty under every number filter.
    filters = {name: _keep_blank(f) for name, f in filters.items()}
    filters.update(baris=baris, gabung=gabung, vmerge=_vmerge)
    return LkjipEnvironment(filters, _finalize)


def _keep_blank(function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(value: Any, *args: Any, **kwargs: Any) -> Any:
        return "" if value == "" else function(value, *args, **kwargs)

    return wrapper


def _rupiah(value: Decimal | None, style: str | None = None, *, default: str) -> str:
    return formatting.rupiah(value, style or default)


def baris(lines: list[Any] | None) -> Markup:
    """Several lines in one table cell, separated by line breaks (each line escaped)."""
    texts = [escape(_finalize(line)) for line in (lines or [])]
    return Markup('</w:t><w:br/><w:t xml:space="preserve">').join(texts)


def gabung(items: list[Any]) -> str:
    """An Indonesian enumeration: ``a``, ``a dan b``, ``a, b, dan c``."""
    texts = [str(_finalize(item)) for item in items]
    if len(texts) <= 2:
        return " dan ".join(texts)
    return ", ".join(texts[:-1]) + ", dan " + texts[-1]


def _vmerge(state: str | None) -> Markup:
    if state == "restart":
        return Markup('<w:vMerge w:val="restart"/>')
    if state == "continue":
        return Markup("<w:vMerge/>")
    return Markup("")


class LkjipTemplate(DocxTemplate):  # type: ignore[misc]  # docxtpl ships no type hints
    """docxtpl over a prepared template (see :mod:`lkjip_gen.render.prepare`), with our
    ``{% vmerge %}`` cell tag and the source kept for error messages."""

    def __init__(self, template: Prepared, pack: Pack) -> None:
        super().__init__(io.BytesIO())
        self.docx = docx.Document(io.BytesIO(template.package))
        self.template = template
        self.pack = pack
        self.sources: dict[str, str] = {}
        self.rendered_root: Any = None
        self.line_offset = 0  # lines of the body before the part being compiled or rendered

    def build_xml(self, context: Any, jinja_env: Any = None) -> str:
        # The body was taken out, patched and lined when the template was prepared.
        rendered = self.render_xml_part(self.template.body, self.docx.part, context, jinja_env)
        # Parsed into the document already (render_xml_part): docxtpl keeps what this returns
        # alive until the body is in place, and it is as large as the rendered body.
        return "" if self.rendered_root is not None else rendered

    def render_properties(self, context: Any, jinja_env: Any = None) -> None:
        with _template_code():
            super().render_properties(context, jinja_env)

    def patch_xml(self, src_xml: str) -> str:
        return patched(src_xml)

    def render_xml_part(self, src_xml: str, part: Any, context: Any, jinja_env: Any = None) -> str:
        """docxtpl's rendering of one part, without repeating work a prepared body has done."""
        self.current_part = str(part.partname)
        self.current_rendering_part = part
        source = src_xml if part is self.docx.part else lined(src_xml)
        self.sources[self.current_part] = source
        self.line_offset = 0
        with _template_code():
            if part is self.docx.part:
                rendered = self._render_body(source, context, jinja_env)
            else:
                rendered = jinja_env.from_string(source).render(context)
        rendered = rendered.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        for escaped, tag in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
            rendered = rendered.replace(escaped, tag)
        if any(c in rendered for c in _LISTING):
            rendered = self.resolve_listing(rendered)
        # Before docxtpl's lenient re-parse can silently drop everything after a fault.
        files = {name: part.shown for name, part in self.pack.parts.items()}
        where = "dokumen" if self.current_part.endswith("/document.xml") else "kepala/kaki halaman"
        spliced = splice(self.docx.element, rendered) if part is self.docx.part else None
        if spliced is None:
            verify.check_xml(rendered, self.pack.shown, files, where)
            return rendered
        # The whole document parsed once, strictly, with the rendered body in place: one tree
        # instead of the body's, a copy in the document and their serialized texts.
        head, start, tail = spliced
        try:
            self.rendered_root = verify.parse_document(head, rendered, start, tail)
        except etree.XMLSyntaxError:
            # The body alone breaks at the same place; its message names it.
            verify.check_xml(rendered, self.pack.shown, files, where)
            raise
        return rendered

    def _render_body(self, source: str, context: Any, env: LkjipEnvironment) -> str:
        """The body rendered part by part, each part its own template.

        Compiled code is kept per text (:meth:`LkjipEnvironment.compile`), so an office's pack
        that changes one part compiles only that part, and the parts it shares with the default
        are compiled once for every pack. A block or name cannot reach from one part into
        another (the linter refuses both). Every part is compiled before any is run, so that a
        syntax error is reported before a runtime one, as for one template; ``line_offset``
        makes Jinja's line numbers, counted within a part, the body's.
        """
        templates = []
        for piece in PART_STARTS.split(source):
            templates.append((self.line_offset, env.from_string(piece)))
            self.line_offset += piece.count("\n")

        def parts() -> Iterator[str]:
            for self.line_offset, template in templates:
                yield template.render(context)

        # The environment's concat bounds the body as a whole, as it bounds each part.
        rendered = env.concat(parts())
        self.line_offset = 0  # the parts rendered: later templates (properties) count from 1
        return rendered

    def fix_tables(self, xml: str) -> Any:
        # docxtpl re-parses the body to repair table grids. The strict parse above gave the same
        # tree; when every table sits directly in the body, finishing rebuilds each grid from its
        # cells (finish.fit_tables) and docxtpl's repair would be overwritten anyway.
        root, self.rendered_root = self.rendered_root, None
        if root is None:
            return super().fix_tables(xml)
        body = root.find(f"{_W}body")
        if any(table.getparent().tag != body.tag for table in body.iter(f"{_W}tbl")):
            return super().fix_tables(etree.tostring(body, encoding="unicode"))
        return body

    def fix_docpr_ids(self, tree: Any) -> None:
        # docxtpl's renumbering, walking the tree: python-docx's elements take no XPath
        # namespaces, and the whole-document XPath node set overflows libxml2's limit of ten
        # million nodes at tens of thousands of table rows.
        for drawing in tree.iter(_DOC_PR):
            self.docx_ids_index += 1
            drawing.attrib["id"] = str(self.docx_ids_index)

    def map_tree(self, tree: Any) -> None:
        # The body parsed within the document (fix_tables), or docxtpl's repaired copy.
        root = tree.getparent()
        if root is None:
            root = with_body(self.docx.element, tree)
        if root is None:
            super().map_tree(tree)
            return
        self.docx.part._element = self.docx._element = root  # noqa: SLF001
        # python-docx caches a proxy of the old body.
        setattr(self.docx, "_Document__body", None)  # noqa: B010


def render_docx(
    model: Model,
    *,
    document: str = "lkjip",
    pack: Pack | str | Path = "default",
    lint: bool = True,
) -> bytes:
    """Render ``document`` for the report model with a template pack; the .docx bytes.

    An office's pack is linted first (``lint=False`` skips that: tests of the sandbox alone).

    The same model always gives the same bytes: document properties come from the data and the
    package is normalized (see :func:`lkjip_gen.output.normalize_docx`).

    Raises:
        TemplateFailed: the pack is broken (syntax, unknown name, content in the wrong place);
            every problem names the part and where in it.
        LkjipError: an image named in the data is missing or not PNG/JPEG.
    """
    pack = _usable(pack, document, lint=lint)
    tpl = _render_checked(model, pack, document, sketch=False)
    remove_markers(tpl.docx)
    sections.drop_empty(tpl.docx)
    finish.finish(tpl.docx, model, DOCUMENTS[document], templat=pack.label)
    structure.order_sections(tpl.docx)
    return docx_bytes(tpl.docx)


def check_render(model: Model, *, document: str, pack: Pack) -> None:
    """Render as :func:`render_docx` does, up to its last check, for the pack linter.

    Charts are blank placeholders and the document is neither finished nor packed: nothing
    after the checks can find a mistake of the template, and drawing and finishing cost most of
    a render.

    Raises:
        TemplateFailed: as :func:`render_docx`.
    """
    _render_checked(model, _usable(pack, document, lint=False), document, sketch=True)


def _usable(pack: Pack | str | Path, document: str, *, lint: bool) -> Pack:
    """The opened pack, refused when it cannot render ``document``."""
    if document not in DOCUMENTS:
        raise TemplateError(f"dokumen '{document}' tidak dikenal — pilih: {', '.join(DOCUMENTS)}")
    if not isinstance(pack, Pack):
        pack = open_pack(pack)
    if pack.errors:
        raise TemplateFailed(pack.errors)
    if lint and not pack.shipped:
        # The shipped pack is linted by the test suite; an office's is checked at every build.
        from lkjip_gen.render.lint import static_problems

        errors = [p for p in static_problems(pack) if p.severity == "error"]
        if errors:
            raise TemplateFailed(errors)
    return pack


def _render_checked(model: Model, pack: Pack, document: str, *, sketch: bool) -> LkjipTemplate:
    """The template rendered for ``model`` and its structure checked; ``sketch``: blank charts."""
    tpl = LkjipTemplate(prepared(pack, document), pack)
    env = environment(model)
    ctx = context.build(model, tpl, document)
    if sketch:
        images.sketch_charts(ctx["grafik"])
    else:
        images.draw_charts(ctx["grafik"], "".join(tpl.docx.element.body.itertext()))
    try:
        with env.bounded():
            tpl.render(ctx, jinja_env=env)
    except _TemplateCode as e:
        # Whatever template code raises is the template's mistake, not lkjip's: a filter applied
        # to a value it cannot format (|angka on text), division by zero, recursion, a bound.
        error = e.__cause__
        assert isinstance(error, Exception), "raised from the template's exception"
        raise TemplateFailed([_template_problem(pack, tpl, error, error.__traceback__)]) from error
    problems = structure.check(tpl.docx, pack)
    if problems:
        raise TemplateFailed(problems)
    return tpl


def _template_problem(
    pack: Pack, tpl: LkjipTemplate, error: Exception, tb: TracebackType | None
) -> Problem:
    """The failing tag, its part and the nearest heading above it."""
    part_name = getattr(tpl, "current_part", "")
    source = tpl.sources.get(part_name, "")
    line = getattr(error, "lineno", None) or _template_line(tb)
    if line:
        line += tpl.line_offset
    lines = source.splitlines()
    where, near, name = "", "", "gaya"
    if line and 0 < line <= len(lines):
        text = lines[line - 1]
        tags = _TAG.findall(text)
        where = (
            " — di tag " + ", ".join(tags)
            if tags
            else f" — di teks «{_XML_TAG.sub('', text).strip()[:120]}»"
        )
        # A part's marker may follow the previous part's last paragraph on one source line.
        name, near = _origin([*lines[: line - 1], text.split("{", 1)[0]])
    label = next((v for k, v in _KINDS.items() if isinstance(error, k)), "templat gagal")
    file = pack.parts[name].shown if name in pack.parts else pack.shown
    if not part_name.endswith("/document.xml"):
        file = pack.parts["gaya"].shown
        near = "kepala halaman" if "header" in part_name else "kaki halaman"
    return Problem(file, 0, 0, near, f"{label}: {jinja_message(error)}{where}", "templat.render")


_KINDS: dict[type[Exception], str] = {
    jinja2.TemplateSyntaxError: "sintaks templat salah",
    jinja2.UndefinedError: "variabel tidak dikenal",
    LimitError: "templat gagal",
    SecurityError: "akses terlarang",
    jinja2.TemplateNotFound: "akses berkas terlarang",
}
_MARKER_LINE = re.compile(r"<!--" + re.escape(MARKER) + r"(\w+)-->")
_HEADING_LINE = re.compile(r'<w:pStyle w:val="(?:Heading\d|JudulBagian|JudulTabel)"/>')


def _origin(lines: list[str]) -> tuple[str, str]:
    """The part a source line belongs to and the nearest heading above it in that part."""
    near = ""
    for text in reversed(lines):
        marker = _MARKER_LINE.search(text)
        heading = _XML_TAG.sub("", text).strip() if _HEADING_LINE.search(text) else ""
        if not near and heading:
            near = f", setelah «{heading[:80]}»"
        if marker:
            return marker.group(1), f"dokumen{near}"
    return "gaya", f"dokumen{near}"


def _template_line(tb: TracebackType | None) -> int | None:
    """The template line of a runtime error: Jinja maps the innermost template frame to it."""
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
