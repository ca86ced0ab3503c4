"""The library entry points: load → validate → compute → render → write (used by CLI and tests)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from lkjip_gen import checks, formatting
from lkjip_gen.checks import lke
from lkjip_gen.checks.checker import Earlier
from lkjip_gen.checks.lke import Kriteria
from lkjip_gen.compute import compute
from lkjip_gen.compute.indikator import previous_values
from lkjip_gen.compute.periode import Periode
from lkjip_gen.compute.types import Model
from lkjip_gen.data.load import Document, display_name, load
from lkjip_gen.data.partial import partition
from lkjip_gen.data.source import Reader
from lkjip_gen.disk import resolved
from lkjip_gen.errors import LkjipError, Problem, ValidationFailed
from lkjip_gen.output.files import atomic_write
from lkjip_gen.output.replace import replace_all
from lkjip_gen.resources import DOCUMENTS, shipped_templates

FORMATS = ("docx", "pdf", "xlsx")
Converter = Callable[[bytes, Path], bytes]
"""Makes the PDF of a .docx; the path is the PDF's as the user knows it (for messages)."""


@dataclass
class Checked:
    """A loaded file, everything found wrong with it and, when it is sound, its report model.

    ``problems`` includes the errors of last year's file (``tahun_lalu``), located in that file,
    so that ``lkjip validate`` finds everything ``lkjip build`` would stumble on.
    """

    doc: Document
    problems: list[Problem] = field(default_factory=list)
    model: Model | None = None
    previous: Checked | None = None

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

    def fails(self, strict: bool) -> bool:
        """The file is unfit to build: it has errors, or warnings under ``--strict``."""
        return bool(self.errors) or (strict and bool(self.warnings))


MAX_TAHUN_LALU = 100
"""Files a chain of ``tahun_lalu`` references may reach back (a century of reports); each is
checked in turn, one level deeper, so a longer chain would exhaust Python's stack."""


def check_file(
    path: Path | str,
    *,
    periode: Periode | None = None,
    read: Reader | None = None,
    _seen: frozenset[Path] = frozenset(),
) -> Checked:
    """Load ``path``, collect every problem and, if there is no error, compute its model.

    Problems are last year's file's (exists, is valid, no cycle of ``tahun_lalu`` references),
    the schema's, the cross-checks' — run on every part of the data that passed the schema, so
    all problems show in one run — a ``riwayat`` that contradicts an earlier year's file, and
    amounts the document cannot print (terbilang). The model is the report of ``periode`` (None:
    the period the file names); the checks do not depend on it: one year file holds every
    period's values. ``read`` reads the data files (this one, its profile, last year's) another
    way than from disk: an earlier version, from git.

    Raises:
        ValidationFailed: the file cannot be read as YAML at all.
    """
    checked = Checked(load(path, read))
    doc = checked.doc
    checked.previous = _previous_year(checked, _seen, read)
    partial = partition(doc)
    last_year = checked.previous.doc if checked.previous else None
    previous_model = checked.previous.model if checked.previous else None
    earlier = Earlier(previous_values(previous_model), _sources(checked))
    checked.problems += partial.problems + checks.check(doc, partial, last_year, earlier)
    checked.problems.sort(key=lambda p: p.order)
    if checked.errors:
        return checked
    # Every warning is known by now (what follows can only add errors), so the model carries them.
    checked.model = compute(
        doc,
        previous_model,
        periode=periode,
        peringatan=[str(p) for p in checked.warnings],
        paths=_absolute_paths(doc),
    )
    checked.problems += _amount_problems(doc, checked.model)
    return checked


def check_with_template(path: Path | str) -> Checked:
    """:func:`check_file`, then the office's own template pack linted with this data too."""
    checked = check_file(path)
    folder = checked.doc.file_at(("pengaturan", "templat"))
    name = str((checked.doc.data.get("pengaturan") or {}).get("templat"))
    if checked.errors or folder is None or shipped_templates(name):
        return checked
    from lkjip_gen.render.lint import lint_pack

    checked.problems += lint_pack(resolved(folder), [Path(path)])
    return checked


def _previous_year(
    checked: Checked, seen: frozenset[Path], read: Reader | None = None
) -> Checked | None:
    """Last year's file checked in turn; its errors join ``checked.problems``."""
    doc = checked.doc
    ref = doc.data.get("tahun_lalu")
    if not isinstance(ref, str):
        return None
    where = ("tahun_lalu",)
    path = resolved(doc.base_dir(where) / ref)
    here = resolved(doc.main_file)
    if path in seen | {here}:
        message = "rujukan tahun_lalu berputar kembali ke berkas ini"
        checked.problems.append(doc.problem(where, message, "berkas.tahun_lalu"))
        return None
    if len(seen | {here}) >= MAX_TAHUN_LALU:
        message = (
            f"rujukan tahun_lalu bersambung lebih dari {MAX_TAHUN_LALU} berkas — hapus "
            "tahun_lalu di berkas tahun tertua yang masih diperlukan"
        )
        checked.problems.append(doc.problem(where, message, "berkas.tahun_lalu"))
        return None
    if not _exists(path, read):
        message = f"berkas tahun lalu {ref!r} tidak ditemukan — periksa nama dan foldernya"
        checked.problems.append(doc.problem(where, message, "berkas.tahun_lalu"))
        return None
    try:
        previous = check_file(path, read=read, _seen=seen | {here})
    except ValidationFailed as failed:
        previous = Checked(Document(data={}), failed.problems)
    if previous.errors:
        checked.problems += previous.errors
        message = (
            f"berkas tahun lalu {ref!r} berisi {len(previous.errors)} kesalahan (lihat di atas) "
            "— perbaiki berkas itu dulu"
        )
        checked.problems.append(doc.problem(where, message, "berkas.tahun_lalu"))
    return previous


def _exists(path: Path, read: Reader | None) -> bool:
    if read is None:
        return path.is_file()
    try:
        read(path)
    except FileNotFoundError:
        return False
    return True


def _sources(checked: Checked) -> dict[int, str]:
    """The earlier year files of the ``tahun_lalu`` chain, by the year each reports."""
    sources = {}
    previous = checked.previous
    while previous is not None and previous.model is not None:
        sources[previous.model["laporan"]["tahun"]] = display_name(previous.doc.main_file)
        previous = previous.previous
    return sources


def _amount_problems(doc: Document, model: Model) -> list[Problem]:
    """Budget totals the document writes out in words must be within terbilang's range."""
    problems = []
    total = model["anggaran"]["total"]
    for key in ("pagu", "realisasi", "sisa"):
        try:
            formatting.terbilang_rupiah(total[key])
        except ValueError as e:
            message = f"jumlah {key} seluruh program: {e} — periksa angka pagu dan realisasinya"
            problems.append(doc.problem(("program",), message, "cek.terbilang"))
    return problems


def valid_document(
    path: Path | str,
    *,
    strict: bool = False,
    periode: Periode | None = None,
    read: Reader | None = None,
) -> Checked:
    """A document fit for rendering; ``ValidationFailed`` on errors (and warnings if strict)."""
    checked = check_file(path, periode=periode, read=read)
    if checked.fails(strict):
        raise ValidationFailed(checked.problems)
    previous = checked.previous
    while strict and previous is not None:
        if previous.warnings:
            raise ValidationFailed(previous.problems)
        previous = previous.previous
    return checked


def report_model(
    path: Path | str,
    *,
    strict: bool = False,
    notes: list[Problem] | None = None,
    periode: Periode | None = None,
) -> Model:
    """The computed report model of ``path``, with last year's file (``tahun_lalu``) folded in.

    This is the whole model: the renderer and ``lkjip compute`` get exactly what it returns.
    ``notes``, when given, receives the warnings of ``path`` (answered ones included), so a
    caller that only builds still shows them. ``periode`` chooses the quarter or the year to
    report (None: the one the file names).
    """
    return report(path, strict=strict, notes=notes, periode=periode)[1]


def report(
    path: Path | str,
    *,
    strict: bool = False,
    notes: list[Problem] | None = None,
    periode: Periode | None = None,
    read: Reader | None = None,
) -> tuple[Document, Model]:
    """The loaded document and its report model (see :func:`report_model`)."""
    checked = valid_document(path, strict=strict, periode=periode, read=read)
    if notes is not None:
        notes.extend(p for p in checked.problems if p.severity != "error")
    assert checked.model is not None  # a file without errors always has its model
    return checked.doc, checked.model


def lke_checklist(path: Path | str) -> list[Kriteria]:
    """The LKE self-check (Pelaporan Kinerja) of ``path``; ``ValidationFailed`` on errors."""
    doc, model = report(path)
    return lke.evaluate(doc, model)


def _absolute_paths(doc: Document) -> dict[tuple[str, ...], str]:
    """Paths are written relative to the file that names them; the renderer gets absolute ones.

    A template pack named like a shipped one (``default``) stays a name.
    """
    paths: dict[tuple[str, ...], str] = {}
    for where in (
        ("instansi", "logo"),
        ("organisasi", "bagan"),
        ("pengaturan", "templat"),
        ("pengaturan", "grafik", "huruf"),
    ):
        file = doc.file_at(where)
        if file is not None:
            paths[where] = str(resolved(file))
    templat = (doc.data.get("pengaturan") or {}).get("templat")
    if isinstance(templat, str) and shipped_templates(templat):
        del paths["pengaturan", "templat"]
    return paths


def to_jsonable(value: Any) -> Any:
    """Decimals become JSON numbers (int when whole); everything else as JSON knows it."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def model_json(model: Model) -> str:
    """The model as ``lkjip compute`` prints it."""
    return json.dumps(to_jsonable(model), ensure_ascii=False, indent=2) + "\n"


def build(
    path: Path | str,
    out_dir: Path | str | None = None,
    *,
    formats: tuple[str, ...] = ("docx",),
    document: str = "lkjip",
    strict: bool = False,
    pdf_timeout: float | None = None,
    converter: Converter | None = None,
    notes: list[Problem] | None = None,
    periode: Periode | None = None,
) -> list[Path]:
    """Write the document(s) for ``path``; returns the files written.

    ``periode`` builds the report of another period than the file's own (a quarter, or the
    year); its files are named after it (``lkjip-2024-tw2.docx``) so they never replace the
    file's own report.

    Nothing is written when the data has errors; all outputs are replaced together or not at all
    (see :func:`lkjip_gen.output.replace.replace_all`), so a failed build leaves earlier outputs
    untouched. ``pdf_timeout`` is the seconds LibreOffice may take (default: ``LKJIP_PDF_TIMEOUT``
    or 180); ``converter`` makes the PDF instead of a LibreOffice started for this document (a
    batch passes a warm one, see :class:`lkjip_gen.output.warm.WarmOffice`). ``notes`` receives
    the warnings (see :func:`report_model`).
    """
    path = Path(path)
    if document not in DOCUMENTS:
        raise LkjipError(f"dokumen '{document}' tidak dikenal — pilih: {', '.join(DOCUMENTS)}")
    doc, model = report(path, strict=strict, notes=notes, periode=periode)
    return write_report(
        path,
        doc,
        model,
        out_dir,
        formats=formats,
        document=document,
        pdf_timeout=pdf_timeout,
        converter=converter,
        periode=periode,
    )


def write_report(
    path: Path,
    doc: Document,
    model: Model,
    out_dir: Path | str | None = None,
    *,
    formats: tuple[str, ...] = ("docx",),
    document: str = "lkjip",
    pdf_timeout: float | None = None,
    converter: Converter | None = None,
    periode: Periode | None = None,
) -> list[Path]:
    """The writing half of :func:`build`, for callers that hold the checked report already."""
    from lkjip_gen.render.cycle_tables import missing
    from lkjip_gen.render.document import render_docx

    absent = missing(model, document)
    if absent is not None:
        raise LkjipError(f"{path}: dokumen {document} tidak dapat dibuat: {absent}")
    target_dir = Path(out_dir) if out_dir is not None else path.parent
    base = period_stem(path.stem, Periode.of(doc.data["laporan"]), periode)
    stem = base if document == "lkjip" else f"{base}-{document}"
    outputs: dict[Path, bytes] = {}
    if "docx" in formats or "pdf" in formats:
        data = render_docx(model, document=document, pack=model["pengaturan"]["templat"])
        if "docx" in formats:
            outputs[target_dir / f"{stem}.docx"] = data
    if "pdf" in formats:
        from lkjip_gen.output.pdf import convert

        # Convert before writing anything, so a failed conversion leaves every output as it was.
        pdf = target_dir / f"{stem}.pdf"
        outputs[pdf] = (
            converter(data, pdf) if converter else convert(data, pdf, timeout=pdf_timeout)
        )
    if "xlsx" in formats:
        from lkjip_gen.excel.export import report_workbook

        # The workbook holds every table of the report, whichever document was asked for.
        outputs[target_dir / f"{base}.xlsx"] = report_workbook(model, doc.data)
    replace_all(outputs)
    return list(outputs)


def period_stem(stem: str, own: Periode, periode: Periode | None) -> str:
    """The output name of a period's report: the file's own keeps ``stem``; another period's
    is the stem without its quarter suffix, plus ``-tw<N>`` for a quarter."""
    if periode is None or periode == own:
        return stem
    base = re.sub(r"-tw[1-4]$", "", stem, flags=re.IGNORECASE)
    return base if periode.triwulan is None else f"{base}-tw{periode.triwulan}"


def input_workbook(path: Path | str, out: Path | str | None = None) -> Path:
    """Write the blank input workbook for ``path`` (``<stem>-isian.xlsx`` beside it by default)."""
    from lkjip_gen.excel.export import input_workbook as blank

    path = Path(path)
    doc, model = report(path)
    target = Path(out) if out is not None else path.with_name(f"{path.stem}-isian.xlsx")
    atomic_write(target, blank(model, doc.data))
    return target
