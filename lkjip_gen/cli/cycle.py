"""Commands of the office's yearly cycle: next year's file, and what changed between versions."""

from __future__ import annotations

from pathlib import Path

import click

from lkjip_gen.cli.app import CONTEXT, handle_errors, main
from lkjip_gen.cycle.next_year import next_year


@main.command("tahun-baru", context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "target",
    type=click.Path(path_type=Path),
    help="Berkas yang ditulis (bawaan: nama berkas dengan tahun berikutnya, di folder yang sama).",
)
@handle_errors
def tahun_baru(file: Path, target: Path | None) -> None:
    """Tulis berkas data tahun berikutnya dari berkas tahun ini.

    Tahun maju satu dan tahun_lalu menunjuk berkas ini (riwayat tahun depan diambil dari sini).
    Realisasi, pembilang/penyebut, nilai triwulan, realisasi anggaran, riwayat dan pembanding
    nasional dikosongkan; target diambil dari Renstra tahun baru (atau dari rkt: bila ada,
    termasuk programnya). Narasi, analisis, rencana aksi dan komentar tetap untuk disunting.
    Berkas yang sudah ada tidak pernah ditimpa.

    \b
    Contoh:
      lkjip tahun-baru lkjip-2024.yaml
      lkjip tahun-baru 2024/lkjip-2024.yaml -o 2025/lkjip-2025.yaml
    """
    made = next_year(file, target)
    click.echo(f"ditulis: {made.path} (tahun {made.tahun})")
    for note in made.notes:
        click.echo(f"- {note}")
    click.echo("Periksa target dan narasinya, lalu isi realisasi sepanjang tahun.")
