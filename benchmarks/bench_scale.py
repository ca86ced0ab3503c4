"""Cost per budget row as the data grows tenfold, and the peak memory of each size.

Each size runs in its own process (``python bench_scale.py PROGRAMS``), so its peak memory is
its own. ``data/limits.py`` refuses files over 2 MB or 100,000 values, far above any real LKjIP
(the largest example has 1,200 values) and a guard against hostile files; 65,000 budget rows
are ~13 MB and ~650,000 values, so this benchmark raises those two bounds (and the sandbox's
bounds on the size of a rendered document) for its own process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROWS_PER_PROGRAM = 13  # a program, 3 kegiatan, 9 sub kegiatan


def measure(programs: int, render: bool) -> dict[str, float]:
    """Stage times of one synthetic file (in this process) and the process's peak memory."""
    sys.path.insert(0, str(HERE.parent))
    from run import synthetic
    from timing import peak_mb

    from lkjip_gen import checks
    from lkjip_gen.compute import compute
    from lkjip_gen.data import limits, schema
    from lkjip_gen.data.load import load

    limits.MAX_FILE_BYTES = limits.MAX_VALUES = 10**9
    # The sandbox caps a rendered part at 64 million characters (about 17,000 budget rows), a
    # render at 2 million loop steps and 2 GB more memory: raised too, to measure beyond them.
    from lkjip_gen.render import sandbox

    sandbox.MAX_OUTPUT = sandbox.MAX_STEPS = sandbox.MAX_MEMORY = 10**12
    _warm_up(render)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lkjip-2024.yaml"
        path.write_text(synthetic(programs), encoding="utf-8")
        times: dict[str, float] = {}

        def stage(name: str, work: Any, *args: Any) -> Any:
            """Run one stage; its time, and the process's peak memory once it is done."""
            start = time.perf_counter()
            result = work(*args)
            times[name] = time.perf_counter() - start
            times[f"peak_{name}"] = peak_mb()
            return result

        doc = stage("load", load, path)
        problems = stage("validate", lambda d: schema.validate(d) or checks.check(d), doc)
        assert not [p for p in problems if p.severity == "error"], problems[:3]
        model = stage("compute", compute, doc)
        if render:
            from lkjip_gen.render.document import render_docx

            del doc  # as a build drops it: rendering needs only the model
            stage("render", render_docx, model)
    return times


def _warm_up(render: bool) -> None:
    """Every stage once on the minimal example: the schema validator and, for rendering, the
    prepared template and compiled Jinja are per-process costs, not per-row ones."""
    from lkjip_gen.build import report_model

    model = report_model(HERE.parent / "examples" / "contoh-minimal" / "lkjip-2024.yaml")
    if render:
        from lkjip_gen.render.document import render_docx

        render_docx(model)


def run(factors: tuple[int, ...], render_up_to: int) -> None:
    print("Scaling with synthetic budgets (base 5 programs = 65 rows; per-row ms; peak memory):")
    previous: dict[str, float] | None = None
    for factor in factors:
        programs = 5 * factor
        rows = programs * ROWS_PER_PROGRAM
        command = [sys.executable, str(Path(__file__)), str(programs)]
        if rows > render_up_to:
            command.append("--no-render")
        result = subprocess.run(command, check=True, capture_output=True, text=True)
        times = json.loads(result.stdout.strip().splitlines()[-1])
        per_row = {k: v / rows * 1000 for k, v in times.items() if not k.startswith("peak_")}
        shown = "  ".join(f"{k} {v:.3f}" for k, v in per_row.items())
        peaks = "  ".join(f"{k} {times[f'peak_{k}']:.0f}" for k in per_row)
        print(f"  {rows:6d} rows ({factor:4d}×): {shown} ms/row; peak MB after {peaks}")
        if previous:
            ratios = {k: per_row[k] / previous[k] for k in per_row if k in previous}
            shown = "  ".join(f"{k} {v:.2f}" for k, v in ratios.items())
            print(f"      per-row cost vs 10× fewer rows (1.00 = linear): {shown}")
        previous = per_row


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    print(json.dumps(measure(int(sys.argv[1]), "--no-render" not in sys.argv)))
