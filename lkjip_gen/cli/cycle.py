"""Commands of the office's yearly cycle: next year's file, and what changed between versions."""

from __future__ import annotations

from pathlib import Path

import click

from lkjip_gen.cli.app import CONTEXT, handle_errors, main, period_options
from lkjip_gen.compute.periode import Periode
from lkjip_gen.cycle.next_year import next_year
from lkjip_gen.diff import gitrev, show
from lkjip_gen.diff.compare import Version, compare
from lkjip_gen.resources import DOCUMENTS


@main.command("tahun-baru", context_settings=CONTEXT)
@click.argument("file", metavar="BERKAS", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "target",
    metavar="BERKAS",
    type=click.Path(path_type=Path),
    help="Berkas yang ditulis, atau folder tempat menulisnya (bawaan: nama berkas dengan tahun "
    "berikutnya, di folder yang sama).",
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


@main.command("diff", context_settings=CONTEXT)
@click.argument("old", metavar="LAMA", type=click.Path(path_type=Path))
@click.argument("new", metavar="[BARU]", type=click.Path(path_type=Path), required=False)
@click.option("--dari", metavar="REV", help="Bandingkan berkas LAMA pada revisi git ini (HEAD~1).")
@click.option(
    "--ke", metavar="REV", help="…dengan berkas itu pada revisi git ini (bawaan: berkas sekarang)."
)
@click.option(
    "-d",
    "--document",
    type=click.Choice(tuple(DOCUMENTS)),
    default="lkjip",
    show_default=True,
    help="Dokumen yang dibandingkan.",
)
@click.option("--markdown", is_flag=True, help="Tulis sebagai tabel Markdown (pull request).")
@period_options
def diff_command(
    old: Path,
    new: Path | None,
    dari: str | None,
    ke: str | None,
    document: str,
    markdown: bool,
    periode: Periode | None,
) -> None:
    """Tunjukkan apa yang berubah dalam bahasa laporan: data dan isi dokumen.

    Setiap nilai data yang berubah beserta letaknya (berkas:baris:kolom), lalu setiap angka,
    kategori dan kalimat dokumen yang ikut berubah (capaian 98,41 → 100,12; Tinggi → Sangat
    Tinggi; rata-rata, jumlah, terbilang), dengan nama nilai model yang mencetaknya. Dua berkas
    dibandingkan langsung; satu berkas dengan --dari REV dibandingkan dengan isinya pada revisi
    git itu (profil dan berkas tahun lalu juga dibaca pada revisi itu).

    \b
    Contoh:
      lkjip diff lkjip-2024-lama.yaml lkjip-2024.yaml
      lkjip diff lkjip-2024.yaml --dari HEAD~1
      lkjip diff lkjip-2024.yaml --dari v1 --ke v2 --markdown > perubahan.md
    """
    if new is not None and (dari or ke):
        raise click.UsageError("sebutkan dua berkas, atau satu berkas dengan --dari REV.")
    if new is None and not dari:
        raise click.UsageError("sebutkan berkas kedua, atau --dari REV untuk revisi git.")
    _diff(old, new, (dari, ke), document, markdown, periode)


@handle_errors
def _diff(
    old: Path,
    new: Path | None,
    revisions: tuple[str | None, str | None],
    document: str,
    markdown: bool,
    periode: Periode | None,
) -> None:
    dari, ke = revisions
    if new is not None:
        versions = (Version(old, str(old)), Version(new, str(new)))
    else:
        assert dari is not None
        versions = (
            Version(old, f"{old}@{dari}", gitrev.reader(old, dari)),
            Version(old, f"{old}@{ke}", gitrev.reader(old, ke)) if ke else Version(old, str(old)),
        )
    found = compare(*versions, document=document, periode=periode)
    click.echo((show.markdown if markdown else show.text)(found), nl=False)
