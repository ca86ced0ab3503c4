"""Write the roll-up's outputs: the document (.docx, .pdf) and the figures (.json)."""

from __future__ import annotations

import json
from pathlib import Path

from lkjip_gen.build import to_jsonable
from lkjip_gen.output.replace import replace_all
from lkjip_gen.rekap.compute import rekap
from lkjip_gen.rekap.types import Rekap

FORMATS = ("docx", "pdf", "json")


def rekap_json(model: Rekap) -> str:
    """The roll-up as ``lkjip compute`` prints it."""
    return json.dumps(to_jsonable(model), ensure_ascii=False, indent=2) + "\n"


def build_rekap(
    path: Path | str,
    out_dir: Path | str | None = None,
    *,
    formats: tuple[str, ...] = ("docx",),
    pdf_timeout: float | None = None,
) -> tuple[Rekap, list[Path]]:
    """The roll-up of ``path`` and the files written (named after ``path``, all or none).

    Raises:
        ValidationFailed: the roll-up file is not valid.
        LkjipError: the PDF could not be made, or an output could not be written.
    """
    path = Path(path)
    model = rekap(path)
    target = (Path(out_dir) if out_dir is not None else path.parent) / path.stem
    outputs: dict[Path, bytes] = {}
    if "docx" in formats or "pdf" in formats:
        from lkjip_gen.rekap.document import render_rekap

        data = render_rekap(model)
        if "docx" in formats:
            outputs[target.with_suffix(".docx")] = data
        if "pdf" in formats:
            from lkjip_gen.output.pdf import convert

            pdf = target.with_suffix(".pdf")
            outputs[pdf] = convert(data, pdf, timeout=pdf_timeout)
    if "json" in formats:
        outputs[target.with_suffix(".json")] = rekap_json(model).encode("utf-8")
    replace_all(outputs)
    return model, list(outputs)
