"""The library entry points: load → validate → compute → render → write (used by CLI and tests)."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from lkjip_gen import checks
from lkjip_gen.checks import lke
from lkjip_gen.checks.lke import Kriteria
from lkjip_gen.compute import compute
from lkjip_gen.data.load import Document, load
from lkjip_gen.data.partial import partition
from lkjip_gen.errors import LkjipError, Problem, ValidationFailed
from lkjip_gen.output.files import atomic_write
from lkjip_gen.resources import shipped_templates

DOCUMENTS = ("lkjip", "pk")
FORMATS = ("docx", "pdf")


@dataclass
class Checked:
    """A loaded file and everything found wrong with it."""

    doc: Document
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Warnings the office has not answered (the ones ``--strict`` refuses)."""
        return [p for p in self.problems if p.severity != "error" and not p.dijawab]

    @property
    def answered(self) -> list[Problem]:
        return [p for p in self.problems if p.dijawab]


def check_file(path: Path | str) -> Checked:
    """Load ``path`` and collect every schema and cross-check problem, all in one run.

    The cross-checks run on every part of the data that passed the schema.

    Raises:
        ValidationFailed: the file cannot be read as YAML at all.
    """
    doc = load(path)
    partial = partition(doc)
    problems = partial.problems + checks.check(doc, partial)
    return Checked(doc, sorted(problems, key=lambda p: (p.file, p.line, p.col, p.path)))


def check_with_template(path: Path | str) -> Checked:
    """:func:`check_file`, then the office's own template pack linted with this data too."""
    checked = check_file(path)
    folder = checked.doc.file_at(("pengaturan", "templat"))
    name = str((checked.doc.data.get("pengaturan") or {}).get("templat"))
    if checked.errors or folder is None or shipped_templates(name):
        return checked
    from lkjip_gen.render.lint import lint_pack

    checked.problems += lint_pack(folder.resolve(), [Path(path)])
    return checked


def valid_document(path: Path | str, *, strict: bool = False) -> Checked:
    """A document fit for computing; ``ValidationFailed`` on errors (and warnings if strict)."""
    checked = check_file(path)
    if checked.errors or (strict and checked.warnings):
        raise ValidationFailed(checked.problems)
    return checked


def report_model(
    path: Path | str,
    *,
    strict: bool = False,
    notes: list[Problem] | None = None,
    _seen: frozenset[Path] = frozenset(),
) -> dict[str, Any]:
    """The computed report model of ``path``, with last year's file (``tahun_lalu``) folded in.

    ``notes``, when given, receives the warnings of ``path`` (answered ones included), so a
    caller that only builds still shows them.
    """
    checked = valid_document(path, strict=strict)
    if notes is not None:
        notes.extend(p for p in checked.problems if p.severity != "error")
    return _model(checked, strict, _seen)


def _model(checked: Checked, strict: bool, seen: frozenset[Path]) -> dict[str, Any]:
    doc = checked.doc
    previous = None
    ref = doc.data.get("tahun_lalu")
    if isinstance(ref, str):
        prev_path = (doc.base_dir(("tahun_lalu",)) / ref).resolve()
        here = doc.main_file.resolve()
        if prev_path in seen | {here}:
            problem = doc.problem(
                ("tahun_lalu",),
                "rujukan tahun_lalu berputar kembali ke berkas ini",
                "berkas.tahun_lalu",
            )
            raise ValidationFailed([problem])
        previous = report_model(prev_path, strict=strict, _seen=seen | {here})
    model = compute(doc, previous)
    model["peringatan"] = [str(p) for p in checked.warnings]
    _resolve_paths(doc, model)
    return model


def lke_checklist(path: Path | str) -> list[Kriteria]:
    """The LKE self-check (Pelaporan Kinerja) of ``path``; ``ValidationFailed`` on errors."""
    checked = valid_document(path)
    return lke.evaluate(checked.doc, _model(checked, False, frozenset()))


def _resolve_paths(doc: Document, model: dict[str, Any]) -> None:
    """Paths are written relative to the file that names them; the renderer gets absolute ones.

    A template pack named like a shipped one (``default``) stays a name.
    """
    for section, key in (("instansi", "logo"), ("organisasi", "bagan")):
        file = doc.file_at((section, key))
        if file is not None:
            model[section] = {**model[section], key: str(file.resolve())}
    folder = doc.file_at(("pengaturan", "templat"))
    if folder is not None and not shipped_templates(model["pengaturan"]["templat"]):
        model["pengaturan"]["templat"] = str(folder.resolve())


def to_jsonable(value: Any) -> Any:
    """Decimals become JSON numbers (int when whole); everything else as JSON knows it."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def model_json(model: dict[str, Any]) -> str:
    return json.dumps(to_jsonable(model), ensure_ascii=False, indent=2) + "\n"


def build(
    path: Path | str,
    out_dir: Path | str | None = None,
    *,
    formats: tuple[str, ...] = ("docx",),
    document: str = "lkjip",
    strict: bool = False,
    notes: list[Problem] | None = None,
) -> list[Path]:
    """Write the document(s) for ``path``; returns the files written.

    Nothing is written when the data has errors; every file is replaced atomically, so a failed
    build leaves earlier outputs untouched. ``notes`` receives the warnings (see report_model).
    """
    from lkjip_gen.render.document import render_docx

    path = Path(path)
    if document not in DOCUMENTS:
        raise LkjipError(f"dokumen '{document}' tidak dikenal — pilih: {', '.join(DOCUMENTS)}")
    model = report_model(path, strict=strict, notes=notes)
    data = render_docx(model, document=document, pack=model["pengaturan"]["templat"])
    target_dir = Path(out_dir) if out_dir is not None else path.parent
    stem = path.stem if document == "lkjip" else f"{path.stem}-pk"
    outputs: dict[Path, bytes] = {}
    if "docx" in formats:
        outputs[target_dir / f"{stem}.docx"] = data
    if "pdf" in formats:
        from lkjip_gen.output.pdf import docx_to_pdf

        # Convert before writing anything, so a failed conversion leaves every output as it was.
        with tempfile.TemporaryDirectory(prefix="lkjip-") as tmp:
            source, pdf = Path(tmp) / f"{stem}.docx", Path(tmp) / f"{stem}.pdf"
            source.write_bytes(data)
            docx_to_pdf(source, pdf)
            outputs[target_dir / f"{stem}.pdf"] = pdf.read_bytes()
    for target, content in outputs.items():
        atomic_write(target, content)
    return list(outputs)
