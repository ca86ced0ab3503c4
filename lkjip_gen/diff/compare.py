"""Two versions of a data file compared: the data that changed and the document it changes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lkjip_gen.build import report
from lkjip_gen.compute.periode import Periode
from lkjip_gen.compute.types import Model
from lkjip_gen.data.source import Reader
from lkjip_gen.diff import document as document_diff
from lkjip_gen.diff import inputs
from lkjip_gen.diff.document import LineChange
from lkjip_gen.diff.inputs import InputChange
from lkjip_gen.errors import LkjipError


@dataclass(frozen=True)
class Version:
    """One side of a comparison: a data file, read from disk or at a git revision."""

    path: Path
    label: str
    """How the output names it: ``lkjip-2024.yaml`` or ``lkjip-2024.yaml@HEAD~1``."""
    read: Reader | None = None


@dataclass(frozen=True)
class Diff:
    """What changed from ``old`` to ``new``."""

    old: str
    new: str
    document: str
    """The document compared (``lkjip``, ``pk`` …)."""
    inputs: list[InputChange]
    lines: list[LineChange]

    @property
    def numbers(self) -> list[tuple[str, str]]:
        """Every changed span of the document, before and after, in reading order."""
        return [(s.old, s.new) for line in self.lines for s in line.spans]


def compare(
    old: Version, new: Version, *, document: str = "lkjip", periode: Periode | None = None
) -> Diff:
    """Compute both versions' models, render ``document`` from each, compare.

    Raises:
        ValidationFailed: a version has errors (it cannot be computed).
        LkjipError: neither version can make ``document`` (its data is absent).
    """
    old_doc, old_model = report(old.path, periode=periode, read=old.read)
    new_doc, new_model = report(new.path, periode=periode, read=new.read)
    texts = [_text(m, document) for m in (old_model, new_model)]
    if texts == [None, None]:
        from lkjip_gen.render.cycle_tables import missing

        raise LkjipError(f"dokumen {document} tidak dapat dibuat: {missing(new_model, document)}")
    old_text, new_text = (t or "" for t in texts)
    return Diff(
        old.label,
        new.label,
        document,
        inputs.changes(old_doc, new_doc),
        document_diff.changes(old_text, new_text, old_model, new_model),
    )


def _text(model: Model, document: str) -> str | None:
    """The document's text, or None when the version lacks its data."""
    from lkjip_gen.output.textconv import bytes_text
    from lkjip_gen.render.cycle_tables import missing
    from lkjip_gen.render.document import render_docx

    if missing(model, document) is not None:
        return None
    return bytes_text(render_docx(model, document=document, pack=model["pengaturan"]["templat"]))
