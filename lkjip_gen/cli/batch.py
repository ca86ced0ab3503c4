"""Commands over many offices: the batch half of ``lkjip build``, and ``lkjip rekap``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from lkjip_gen.batch import Job, Options, build_many, collect, output_folders
from lkjip_gen.batch.progress import Progress, summary
from lkjip_gen.cli.app import CONTEXT, handle_errors, main, strict_option
from lkjip_gen.rekap.write import FORMATS, build_rekap

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


@main.command("rekap", context_settings=CONTEXT)
@click.argument("file", metavar="BERKAS", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    metavar="FOLDER",
    type=click.Path(path_type=Path),
    help="Folder hasil (bawaan: folder berkas rekap).",
)
@click.option(
    "-f",
    "--format",
    "formats",
    type=click.Choice(FORMATS),
    multiple=True,
    help="docx (bawaan), pdf dan/atau json (angka rekap); boleh diulang.",
)
@click.option(
    "--pdf-timeout",
    type=click.FloatRange(min=1, max=86_400),
    metavar="DETIK",
    help="Batas waktu LibreOffice membuat PDF (bawaan: LKJIP_PDF_TIMEOUT atau 180).",
)
@strict_option
@handle_errors
def rekap_command(
    file: Path,
    out_dir: Path | None,
    formats: tuple[str, ...],
    pdf_timeout: float | None,
    strict: bool,
) -> None:
    """Buat rekap LKjIP seluruh perangkat daerah dari satu berkas rekap (rekap.yaml).

    Berkas rekap menyebut pemda, tahun dan berkas tahunan setiap kantor. Per kantor: jumlah
    sasaran dan indikator, rata-rata capaian dan kategorinya, jumlah indikator per kategori,
    pagu, realisasi, serapan dan efisiensi — diambil dari hasil hitung LKjIP kantor itu sendiri,
    diurutkan dan dijumlahkan. Kantor yang datanya belum sah tercantum dengan masalah pertamanya
    (kode keluar 1 dengan --strict).

    \b
    Contoh:
      lkjip rekap rekap.yaml
      lkjip rekap rekap.yaml -f docx -f pdf -f json -o hasil
    """
    model, written = build_rekap(
        file, out_dir, formats=formats or ("docx",), pdf_timeout=pdf_timeout
    )
    for path in written:
        click.echo(f"ditulis: {path}")
    for gagal in model["gagal"]:
        click.echo(f"belum direkap: {gagal['masalah']}", err=True)
    for note in model["peringatan"]:
        click.echo(f"catatan: {note}", err=True)
    sys.exit(1 if strict and (model["gagal"] or model["peringatan"]) else 0)
