"""PDF with a warm LibreOffice against one LibreOffice per document.

The same .docx (an example report) is converted in turn by ``pdf.convert`` (a LibreOffice
started, given a fresh profile and stopped for that one document: what ``lkjip build -f pdf``
does for one file) and by a :class:`WarmOffice` started once (what every worker of a batch
does). Per document, the warm instance's start is counted once over the whole batch.
"""

from __future__ import annotations

import time
from pathlib import Path

from timing import paired, spread

from lkjip_gen.build import report_model
from lkjip_gen.output.pdf import convert
from lkjip_gen.output.warm import WarmOffice
from lkjip_gen.render.document import render_docx


def run(example: Path, runs: int) -> None:
    data = render_docx(report_model(example))
    shown = Path("bench.pdf")
    start = time.perf_counter()
    with WarmOffice() as office:
        office.convert(data, shown)
        started = time.perf_counter() - start

        def cold() -> None:
            convert(data, shown)

        def warm() -> None:
            office.convert(data, shown)

        print(f"PDF of {example.parent.name} ({runs} pairs; cold = one LibreOffice per document):")
        c, w, ratios = paired(cold, warm, runs)
    print(f"  one LibreOffice per document: {spread(c)}")
    print(f"  warm LibreOffice            : {spread(w)}")
    print(f"  warm: start and first document {started:.2f}s")
    print(f"  ratio cold/warm per document: {spread(ratios, unit='×', digits=2)}")
    for batch in (10, 40):
        amortised = (started + (batch - 1) * sorted(w)[len(w) // 2]) / batch
        ratio = sorted(c)[len(c) // 2] / amortised
        print(f"  batch of {batch}, start included: {amortised:.2f}s per document → {ratio:.1f}×")
