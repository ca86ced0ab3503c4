"""The template linter: every problem of a pack at once, each with its part and place.

Static checks read each part as its author wrote it (tags, blocks, names, filters, styles);
then the pack is rendered with every shipped example and the office's own data, and the result
is checked like a build checks it, so that a tag that fails only with some data is found before
an office meets it. Entry points: :func:`lint_pack` (everything) and :func:`static_problems`
(what a build checks before rendering).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import docx
import jinja2
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from jinja2 import nodes

from lkjip_gen.errors import LkjipError, Problem, Severity, TemplateFailed
from lkjip_gen.render import lint_parts, lint_tags, sanitize
from lkjip_gen.render.contract import NARRATIVE_PREFIXES, PART_NAMES, TEMPLATE_NAMES
from lkjip_gen.render.jinja_text import jinja_message
from lkjip_gen.render.lint_tags import LEVELS, Paragraph, Tag
from lkjip_gen.render.pack import Pack, Part, open_pack
from lkjip_gen.resources import shipped_examples

_BLOCKS = ("if", "for", "with", "macro", "call", "filter", "raw", "autoescape")
_MIDDLES = {"else": ("if", "for"), "elif": ("if",)}
_OURS = ("vmerge", "colspan", "cellbg", "vm", "hm")  # cell tags docxtpl or lkjip rewrite


def lint_pack(pack: Pack | str | Path, data_files: Iterable[Path] = ()) -> list[Problem]:
    """Every problem of ``pack``: its manifest, each part, and rendering it with every shipped
    example and ``data_files`` (the office's own data)."""
    if not isinstance(pack, Pack):
        pack = open_pack(pack)
    problems = list(pack.problems)
    if pack.errors:
        return problems
    found = static_problems(pack)
    problems += found
    if not any(p.severity == "error" for p in found):
        problems += _rendered(pack, [*shipped_examples(), *data_files])
    return _unique(problems)


def static_problems(pack: Pack) -> list[Problem]:
    """What can be seen without data: tags, blocks, names, filters, styles, re-save losses."""
    found = [_part_findings(part) for part in pack.parts.values()]
    gaya = _part_findings(pack.parts["gaya"])
    problems = [p for f in found for p in f.hostile]
    problems += gaya.head
    for findings in found:
        problems += findings.body
    return problems


@dataclass(frozen=True)
class _Findings:
    """One part's static problems: hostile content, gaya's own (unreadable, missing styles),
    and the rest (unreadable, LibreOffice losses, tags), in the order they are reported."""

    hostile: tuple[Problem, ...]
    head: tuple[Problem, ...]
    body: tuple[Problem, ...]


def _part_findings(part: Part) -> _Findings:
    """A part's findings, named by its place: linted once per process for its name and bytes,
    so a pack's parts taken from its base or copied from the default (usually all but one or
    two) are linted once for every build and check of a batch, whatever folder holds them."""
    found = _findings(part.name, part.blob)
    if part.shown == _PLACE:
        return found

    def placed(problems: tuple[Problem, ...]) -> tuple[Problem, ...]:
        return tuple(replace(p, file=part.shown) for p in problems)

    return _Findings(placed(found.hostile), placed(found.head), placed(found.body))


# The place of a part while it is linted: every problem found names it (lint_parts.problem).
_PLACE = "\0bagian"


@lru_cache(maxsize=64)
def _findings(name: str, blob: bytes) -> _Findings:
    part = Part(name, blob, _PLACE)
    head: list[Problem] = []
    problems: list[Problem] = []
    document = _document(part, head if part.name == "gaya" else problems)
    hostile = tuple(
        lint_parts.problem(part, f.part, f"{f.what} — {f.remedy}", "templat.berbahaya")
        for f in sanitize.find_hostile(part.blob)
        # A part python-docx cannot open is reported once, as not a Word document.
        if not (f is sanitize.UNREADABLE and document is None)
    )
    if document is not None:
        if part.name == "gaya":
            head += lint_parts.styles(part, document)
        problems += lint_parts.libreoffice(part, document)
        problems += lint_parts.images(part, document)
        for label, root, names in _roots(part, document):
            checker = _PartChecker(part, label)
            checker.run(lint_tags.paragraphs(root, names, label))
            problems += checker.problems
    return _Findings(hostile, tuple(head), tuple(problems))


def _document(part: Part, problems: list[Problem]) -> Document | None:
    try:
        return docx.Document(io.BytesIO(part.blob))
    except Exception:  # a corrupt or non-Word file: python-docx raises many kinds
        problems.append(
            lint_parts.problem(
                part, "dokumen", "bukan dokumen Word (.docx) — simpan ulang sebagai Dokumen Word"
            )
        )
        return None


def _roots(part: Part, document: Document) -> Iterator[tuple[str, Any, dict[str, str]]]:
    """The body (skipped for gaya, whose body is never printed), headers and footers."""
    names = lint_parts.style_names(document)
    if part.name != "gaya":
        yield "dokumen", document.element.body, names
        return
    for rel in document.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER):
            kind = "kepala halaman" if rel.reltype == RT.HEADER else "kaki halaman"
            file = str(rel.target_part.partname).rsplit("/", 1)[-1]
            yield f"{kind} ({file})", rel.target_part.element, names


# ---------------------------------------------------------------- tags


class _PartChecker:
    """Walks one part's tags in order with a stack of open blocks."""

    def __init__(self, part: Part, label: str) -> None:
        self.part, self.label = part, label
        self.env = lint_tags.environment()  # the one tags are parsed in (lint_tags.tree)
        self.problems: list[Problem] = []
        self.stack: list[tuple[str, Tag, set[str]]] = []
        # Names a `set` or `macro` outside any block defines for the rest of the part.
        self.defined: set[str] = set()

    def add(
        self, tag: Tag | Paragraph, message: str, code: str, severity: Severity = "error"
    ) -> None:
        paragraph = tag.paragraph if isinstance(tag, Tag) else tag
        self.problems.append(
            lint_parts.problem(self.part, paragraph.where, message, code, severity)
        )

    def run(self, paragraphs: Iterable[Paragraph]) -> None:
        for paragraph in paragraphs:
            self._layout(paragraph)
            for tag in lint_tags.tags(paragraph):
                self._tag(tag)
        for keyword, tag, _ in self.stack:
            self.add(
                tag,
                f"blok «{keyword}» dibuka di tag {tag.text} dan tidak pernah ditutup — tambahkan "
                f"{_closer(tag, keyword)} di tempat blok itu berakhir",
                "templat.blok",
            )

    def _layout(self, paragraph: Paragraph) -> None:
        opened = lint_tags.unclosed_opener(paragraph)
        if opened:
            self.add(
                paragraph,
                f"tag «{opened.strip()}» tidak ditutup di paragraf yang sama — tag harus utuh "
                "dalam satu paragraf: ketik ulang tag lengkap dengan }} atau %} di baris yang sama",
                "templat.tag_terpisah",
            )
        for text, broken in lint_tags.split_tags(paragraph):
            if broken:
                self.add(
                    paragraph,
                    f"tag {text} terpotong oleh bidang (field), tautan atau lacak perubahan — "
                    "terima semua perubahan (Review › Accept All) lalu ketik ulang tag itu",
                    "templat.tag_terpisah",
                )

    def _tag(self, tag: Tag) -> None:
        if tag.kind == "{#":
            return
        self._alone(tag)
        if tag.kind == "{{":
            self._expression(tag)
        else:
            self._statement(tag)

    def _alone(self, tag: Tag) -> None:
        """docxtpl replaces a p/tr/tc tag's whole paragraph, row or cell: nothing else may be
        there, or it silently disappears."""
        if tag.level == "r":
            return
        place = LEVELS[tag.level]
        if tag.level in ("tr", "tc") and tag.paragraph.cell is None:
            self.add(tag, f"tag {tag.text} harus berada di dalam tabel", "templat.tag_struktur")
            return
        other = (
            tag.paragraph.text.replace(tag.text, "", 1).strip()
            if tag.level == "p"
            else lint_tags.row_text_besides(tag)
        )
        if other:
            self.add(
                tag,
                f"tag {tag.text} tidak sendirian di {place}nya (ada juga «{other[:40]}») — "
                f"isi lain di {place} itu akan hilang; pindahkan tag ke {place} tersendiri",
                "templat.tag_struktur",
            )

    def _parse(self, tag: Tag, source: str) -> nodes.Template | None:
        try:
            return lint_tags.tree(source)
        except jinja2.TemplateSyntaxError as e:
            self.add(tag, f"sintaks salah di tag {tag.text}: {jinja_message(e)}", "templat.sintaks")
            return None

    def _expression(self, tag: Tag) -> None:
        ast = self._parse(tag, tag.body)
        if ast is None:
            return
        self._names(tag, ast)
        path = _dotted(next(iter(ast.find_all(nodes.Output))).nodes[0])
        if tag.level != "p" and path and path.startswith(NARRATIVE_PREFIXES):
            self.add(
                tag,
                f"{path} berisi paragraf (narasi): tulis {{{{p {path} }}}} sendirian di "
                f"paragrafnya, bukan {tag.text}",
                "templat.narasi",
            )

    def _statement(self, tag: Tag) -> None:
        words = tag.body[2:-2].split()
        keyword = words[0] if words else ""
        if keyword in _OURS:
            return
        if keyword.startswith("end"):
            self._close(tag, keyword[3:])
            return
        if keyword in _MIDDLES:
            top = self.stack[-1] if self.stack else None
            if top is None or top[0] not in _MIDDLES[keyword]:
                self.add(tag, f"{tag.text} tanpa blok pembukanya", "templat.blok")
                return
            ast = self._parse(tag, "{% if true %}" + tag.body + "{% endif %}")
        else:
            block = keyword in _BLOCKS or (keyword == "set" and "=" not in tag.body)
            ast = self._parse(tag, tag.body + (f"{{% end{keyword} %}}" if block else ""))
            if block:
                self.stack.append((keyword, tag, _declared(ast)))
            if keyword in ("set", "macro") and ast is not None:
                # A set's target and a macro's name belong to the scope around the tag.
                names = _declared(ast) if keyword == "set" else _macro_names(ast)
                outer = self.stack[:-1] if block else self.stack
                (outer[-1][2] if outer else self.defined).update(names)
        if ast is not None:
            self._names(tag, ast)

    def _close(self, tag: Tag, keyword: str) -> None:
        if not any(k == keyword for k, _, _ in self.stack):
            wanted = _closer(tag, keyword).replace("end", "", 1).replace(" %}", " … %}")
            self.add(tag, f"{tag.text} tanpa {wanted} pembukanya", "templat.blok")
            return
        while self.stack:
            opened, opener, _ = self.stack.pop()
            if opened == keyword:
                break
            self.add(
                opener,
                f"blok «{opened}» dibuka di tag {opener.text} dan tidak ditutup sebelum "
                f"{tag.text} — tambahkan {_closer(opener, opened)}",
                "templat.blok",
            )
        if opener.level != tag.level:
            self.add(
                opener,
                f"blok {opener.text} … {tag.text} melintasi {LEVELS[opener.level]} dan "
                f"{LEVELS[tag.level]}: pembuka dan penutup blok harus sejenis — {{%p … %}} untuk "
                "blok yang melewati paragraf, {%tr … %} untuk yang melewati baris tabel",
                "templat.blok_lintas",
            )
        elif tag.level == "r" and opener.paragraph.element is not tag.paragraph.element:
            self.add(
                opener,
                f"blok {opener.text} … {tag.text} tanpa huruf p melintasi beberapa paragraf "
                "(atau tabel): tulis {%p "
                + opener.text[2:-2].strip()
                + " %} dan "
                + _closer(tag, keyword).replace("{%", "{%p", 1)
                + ", masing-masing sendirian di paragrafnya",
                "templat.blok_lintas",
            )

    def _names(self, tag: Tag, ast: nodes.Template) -> None:
        unknown = False
        for node in ast.find_all((nodes.Filter, nodes.Test)):
            known = self.env.filters if isinstance(node, nodes.Filter) else self.env.tests
            if node.name not in known:
                unknown = True
                self.add(
                    tag,
                    f"filter «{node.name}» di tag {tag.text} tidak dikenal — filter lkjip: "
                    "angka, persen, desimal, rupiah, tanggal, terbilang, nilai, nilai_satuan, "
                    "baris, gabung, upper … (lihat docs/referensi-templat.md)",
                    "templat.filter",
                )
        if unknown:
            return  # Jinja cannot analyse names in a tag with an unknown filter
        scope = {"loop", *self.defined}.union(*(names for _, _, names in self.stack))
        for name in sorted(lint_tags.undeclared(ast) - scope - set(self.env.globals)):
            allowed = PART_NAMES.get(self.part.name, TEMPLATE_NAMES)
            if name not in allowed:
                self.add(
                    tag,
                    f"«{name}» di tag {tag.text} bukan isian templat — isian yang ada: "
                    f"{', '.join(sorted(allowed))} (lihat docs/referensi-templat.md)",
                    "templat.nama",
                )


def _closer(tag: Tag, keyword: str) -> str:
    """The closing tag of ``keyword`` at ``tag``'s level: ``{%p endif %}``, ``{% endfor %}``."""
    prefix = "" if tag.level == "r" else tag.level
    return f"{{%{prefix} end{keyword} %}}"


def _declared(ast: nodes.Template | None) -> set[str]:
    """Names a block introduces: loop targets, ``set`` and ``with`` names, macro arguments."""
    if ast is None:
        return set()
    names = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    return names


def _macro_names(ast: nodes.Template) -> set[str]:
    return {node.name for node in ast.find_all(nodes.Macro)}


def _dotted(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        base = _dotted(node.node)
        return f"{base}.{node.attr}" if base else None
    return None


# ---------------------------------------------------------------- rendering with data


def _rendered(pack: Pack, data_files: list[Path]) -> list[Problem]:
    """Build both documents with every data file; their problems, named by part."""
    from lkjip_gen.build import report_model
    from lkjip_gen.render.document import check_render

    problems: list[Problem] = []
    for path in data_files:
        try:
            model = report_model(path)
        except LkjipError:
            continue  # the data's own problems are the validator's to report
        for document in ("lkjip", "pk"):
            try:
                check_render(model, document=document, pack=pack)
            except TemplateFailed as e:
                problems += [_with_data(p, path) for p in e.problems]
    return problems


def _with_data(problem: Problem, path: Path) -> Problem:
    message = f"{problem.message} (saat dibuat dengan data {path.parent.name}/{path.name})"
    return Problem(problem.file, 0, 0, problem.path, message, problem.code, problem.severity)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: dict[tuple[str, str, str], Problem] = {}
    for p in problems:
        key = (p.file, p.path, p.message.split(" (saat dibuat dengan data")[0])
        seen.setdefault(key, p)
    return list(seen.values())
