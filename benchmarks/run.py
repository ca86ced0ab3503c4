"""Benchmarks (`make bench`): ratios measured side by side in one run, with min/median/max.

* build: one build of the largest example against a bare docxtpl render of the same assembled
  template and context (templates cached, as in a batch, and not);
* batch: N reports with one and with two workers (reports per second);
* pdf: a warm LibreOffice against one LibreOffice per document;
* scale: load, validate, compute and render per budget row at 10×, 100× (1000×: --factors)
  the base data, with each size's peak memory;
* stages, excel: stage times on the examples; Excel export and import.

Prints ratios, not verdicts; tests never assert timings. Run before and after a change that
touches the hot path: `make bench`, or e.g. `python benchmarks/run.py --only build --runs 9`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_batch  # noqa: E402
import bench_build  # noqa: E402
import bench_pdf  # noqa: E402
import bench_scale  # noqa: E402
from timing import peak_mb  # noqa: E402

from lkjip_gen import checks  # noqa: E402
from lkjip_gen.build import report_model  # noqa: E402
from lkjip_gen.compute import compute  # noqa: E402
from lkjip_gen.data import schema  # noqa: E402
from lkjip_gen.data.load import load  # noqa: E402
from lkjip_gen.render.document import render_docx  # noqa: E402

EXAMPLES = sorted(ROOT.glob("examples/*/lkjip-*.yaml"))
MINIMAL = ROOT / "examples" / "contoh-minimal" / "lkjip-2024.yaml"


def excel_import(tmp: Path, programs: int) -> tuple[int, int, float, float]:
    """Rows, changes, seconds to export and seconds to import (dry run with diff) a workbook
    whose every realisasi differs from the data."""
    from openpyxl import load_workbook

    from lkjip_gen.build import build
    from lkjip_gen.excel.update import import_budget

    path = tmp / f"impor-{programs}.yaml"
    path.write_text(synthetic(programs), encoding="utf-8")
    start = time.perf_counter()
    [book] = build(path, tmp, formats=("xlsx",))
    exported = time.perf_counter() - start
    wb = load_workbook(book)
    ws = wb["Data Anggaran"]
    for r in range(3, ws.max_row + 1):
        if isinstance(ws.cell(r, 6).value, int):
            ws.cell(r, 6).value += 1
    wb.save(book)
    imported = best_of(lambda: _import(import_budget, path, book), repeat=2)
    result = import_budget(path, book)
    return result.rows, len(result.changes), exported, imported


def _import(func: Callable[..., Any], path: Path, book: Path) -> None:
    func(path, book).diff()


def best_of(func: Callable[[], Any], repeat: int = 3) -> float:
    """Fastest of a few runs: the least disturbed by whatever else the machine does."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def stages(path: Path) -> dict[str, float]:
    doc = load(path)
    model = report_model(path)
    return {
        "load": best_of(lambda: load(path)),
        "schema": best_of(lambda: schema.validate(doc)),
        "checks": best_of(lambda: checks.check(doc)),
        "compute": best_of(lambda: compute(doc)),
        "render": best_of(lambda: render_docx(model), repeat=2),
    }


def chart_cost(path: Path) -> tuple[float, float]:
    """Seconds to render with every chart drawn afresh, and without charts.

    Drawings are cached per process, so the cache is cleared before each run with charts;
    matplotlib's import is paid once per process and timed apart (``main``).
    """
    import copy

    from lkjip_gen.render import chart_draw

    model = report_model(path)
    plain = copy.deepcopy(model)
    plain["pengaturan"]["grafik"]["tampil"] = []

    def drawn() -> None:
        chart_draw.png.cache_clear()
        render_docx(model)

    return best_of(drawn, repeat=2), best_of(lambda: render_docx(plain), repeat=2)


def matplotlib_import() -> float:
    """Seconds a fresh process spends importing matplotlib for its first chart."""
    code = (
        "import time; from lkjip_gen.render import chart_draw; t = time.perf_counter(); "
        "chart_draw._matplotlib(); print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(out.stdout)


def synthetic(programs: int, kegiatan: int = 3, sub: int = 3) -> str:
    """A year file with programs × kegiatan × sub kegiatan rows, built on the minimal example."""
    base = (ROOT / "examples" / "contoh-minimal" / "lkjip-2024.yaml").read_text(encoding="utf-8")
    head = base.split("\nprogram:\n")[0]
    profile = (ROOT / "examples" / "contoh-minimal" / "profil.yaml").resolve()
    lines = [head.replace("profil: profil.yaml", f"profil: {profile}"), "", "program:"]
    for p in range(programs):
        lines += [f"  - nama: Program {p}", f"    sasaran: S{p % 2 + 1}", "    kegiatan:"]
        for k in range(kegiatan):
            lines += [f"      - nama: Kegiatan {p}.{k}", "        sub_kegiatan:"]
            for s in range(sub):
                lines += [
                    f"          - nama: Sub kegiatan {p}.{k}.{s}",
                    "            indikator:",
                    "              - {nama: Jumlah peserta, satuan: orang, target: 40, "
                    "realisasi: 38}",
                    f"            pagu: {1000000 + s}",
                    f"            realisasi: {900000 + s}",
                    "            sumber_dana: DAU",
                ]
    return "\n".join(lines) + "\n"


def stage_table() -> None:
    print("Stage times on the examples (seconds, best of runs; ratio to load):")
    for path in EXAMPLES:
        times = stages(path)
        shown = "  ".join(f"{k} {v:.3f} (×{v / times['load']:.1f})" for k, v in times.items())
        print(f"  {path.parent.name:22} {shown}")


def chart_table() -> None:
    print(f"Charts: matplotlib import, paid once per build: {matplotlib_import():.3f}s")
    print("  render seconds with every chart drawn afresh / without charts:")
    for path in EXAMPLES:
        drawn, plain = chart_cost(path)
        print(
            f"  {path.parent.name:22} with {drawn:.3f}  without {plain:.3f}  ×{drawn / plain:.2f}"
        )


def excel_table() -> None:
    print("Excel (lkjip build -f xlsx; lkjip impor anggaran, dry run with diff):")
    with tempfile.TemporaryDirectory() as tmp:
        for programs in (8, 77):
            rows, changes, exported, imported = excel_import(Path(tmp), programs)
            timing = f"export {exported:.2f}s, import {imported:.2f}s"
            print(f"  {rows:5d} rows, {changes} changes: {timing}")


SECTIONS = ("build", "batch", "pdf", "scale", "stages", "charts", "excel")


def main() -> None:
    parser = argparse.ArgumentParser(description="lkjip_gen benchmarks (ratios, not verdicts)")
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="pairs per comparison")
    parser.add_argument("--reports", type=int, default=40, help="offices in the batch (a regency)")
    parser.add_argument("--factors", default="1,10,100", help="data sizes × 65 budget rows")
    parser.add_argument("--render-rows", type=int, default=6500, help="render up to this size")
    args = parser.parse_args()
    only = args.only.split(",")
    if "build" in only:
        bench_build.run(EXAMPLES, args.runs)
    if "batch" in only:
        bench_batch.run(EXAMPLES, args.reports, max(1, args.runs // 2))
    if "pdf" in only:
        from lkjip_gen.output.pdf import find_soffice

        if find_soffice() is None:
            print("PDF: LibreOffice is not installed, skipped")
        else:
            bench_pdf.run(bench_build.largest(EXAMPLES), max(2, args.runs // 2))
            bench_pdf.run(MINIMAL, max(2, args.runs // 2))
    if "scale" in only:
        factors = tuple(int(f) for f in args.factors.split(","))
        bench_scale.run(factors, args.render_rows)
    if "stages" in only:
        stage_table()
    if "charts" in only:
        chart_table()
    if "excel" in only:
        excel_table()
    print(f"(peak memory of this process: {peak_mb():.0f} MB)")


if __name__ == "__main__":
    main()
