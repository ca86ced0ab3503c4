"""The shipped examples, each computed and rendered once per test process and shared by modules."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

from lkjip_gen.build import report_model
from lkjip_gen.render.document import render_docx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(ROOT.glob("examples/*/lkjip-*.yaml"))
MINIMAL = ROOT / "examples" / "contoh-minimal" / "lkjip-2024.yaml"
PASAMAN = ROOT / "examples" / "pasaman-barat-2022" / "lkjip-2022.yaml"
SUMENEP = ROOT / "examples" / "sumenep-2020" / "lkjip-2020.yaml"


@cache
def _model(path: Path) -> dict[str, Any]:
    return report_model(path)


def model(path: Path = MINIMAL) -> dict[str, Any]:
    """A fresh copy of an example's report model: tests may change it."""
    return copy.deepcopy(_model(path))


@cache
def rendered(path: Path, document: str = "lkjip") -> bytes:
    """The .docx bytes of an example's document, rendered from its unchanged model."""
    return render_docx(_model(path), document=document)
