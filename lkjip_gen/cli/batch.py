"""Commands over many offices: the batch half of ``lkjip build``, and ``lkjip rekap``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from lkjip_gen.batch import Job, Options, build_many, collect, output_folders
from lkjip_gen.batch.progress import Progress, summary

EXIT_INTERNAL = 70


def build_batch(
    arguments: tuple[Path, ...], out_dir: Path | None, options: Options, jobs: int | None
) -> int:
    """Build every report named by ``arguments``; the exit code (0, 1 when any failed, 70 when
    lkjip itself failed on one)."""
    files = collect(arguments)
    folders = output_folders(files, out_dir)
    work = [Job(i, path, folders[path]) for i, path in enumerate(files)]
    workers = jobs or os.cpu_count() or 1
    progress = Progress(len(work), sys.stderr)
    results = []
    for result in build_many(work, options, workers):
        results.append(result)
        progress.update(result)
    progress.finish()
    click.echo(summary(results), nl=False)
    if any(r.internal for r in results):
        return EXIT_INTERNAL
    return 1 if any(not r.ok for r in results) else 0
