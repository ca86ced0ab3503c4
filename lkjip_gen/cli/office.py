"""Commands that set an office up: init, and its own template pack (templat salin/periksa)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lkjip_gen.cli.app import CONTEXT, handle_errors, main
from lkjip_gen.data import scaffold


@main.command("init", context_settings=CONTEXT)
@click.argument(
    "directory", metavar="[FOLDER]", required=False, default=".", type=click.Path(path_type=Path)
)
@click.option(
    "--jenis",
    type=click.Choice(("tahunan", "triwulan")),
    help="Jenis laporan (bawaan: tahunan, atau triwulan bila --triwulan diisi).",
)
@click.option("--triwulan", type=click.IntRange(1, 4), metavar="N", help="Nomor triwulan 1–4.")
@click.option(
    "--skala",
    type=click.Choice(scaffold.scales()),
    default="permendagri_86",
    show_default=True,
    help="Skala kategori capaian siap pakai.",
)
@click.option(
    "--tahun",
    type=click.IntRange(2000, 2100),
    metavar="TAHUN",
    help="Tahun laporan (bawaan: tahun lalu untuk laporan tahunan, tahun ini untuk "
    "laporan triwulan).",
)
@click.option(
    "--hanya-skema",
    is_flag=True,
    help="Tulis ulang hanya skema editor (skema-lkjip.json), misalnya setelah lkjip "
    "diperbarui; berkas data tidak disentuh.",
)
def init_command(
    directory: Path,
    jenis: str | None,
    triwulan: int | None,
    skala: str,
    tahun: int | None,
    hanya_skema: bool,
) -> None:
    """Mulai berkas data perangkat daerah baru: profil.yaml dan berkas tahunan.

    Setiap kunci diberi petunjuk berbahasa Indonesia (apa isinya, contoh, dan letaknya di
    LKjIP). Berkas yang sudah ada tidak pernah ditimpa. Juga ditulis skema-lkjip.json (agar
    editor seperti VS Code memeriksa sambil mengetik) dan .gitattributes.

    \b
    Contoh:
      lkjip init disnaker --tahun 2024
      lkjip init disnaker --jenis triwulan --triwulan 1 --tahun 2025 --skala lumajang
    """
    if jenis == "tahunan" and triwulan is not None:
        raise click.UsageError("--triwulan hanya untuk laporan triwulan (--jenis triwulan).")
    if jenis == "triwulan" and triwulan is None:
        raise click.UsageError("laporan triwulan memerlukan nomor triwulan, misalnya --triwulan 1.")
    _init(
        directory,
        tahun if tahun is not None else scaffold.default_year(triwulan),
        triwulan,
        skala,
        hanya_skema,
    )


@handle_errors
def _init(directory: Path, year: int, triwulan: int | None, skala: str, hanya_skema: bool) -> None:
    # Usage errors are raised before this point: handle_errors would take them for a bug.
    written = scaffold.init(
        directory, tahun=year, triwulan=triwulan, skala=skala, only_schema=hanya_skema
    )
    for path in written:
        click.echo(f"ditulis: {path}")
    if hanya_skema:
        return
    year_file = directory / scaffold.year_file_name(year, triwulan)
    click.echo(
        "\nLangkah berikutnya:\n"
        "  1. Buka profil.yaml dan berkas tahunan; ganti isian berhuruf KAPITAL dengan data Anda.\n"
        f"  2. lkjip validate {year_file}\n"
        f"  3. lkjip build {year_file}"
    )


@main.group("templat", context_settings=CONTEXT)
def templat_group() -> None:
    """Templat Word sendiri: salin templat bawaan, lalu periksa hasil ubahan Anda.

    Templat adalah folder (atau .zip) berisi templat.yaml dan bagian-bagian Word: gaya, sampul,
    depan, bab1–bab4, lampiran, pk. Panduan: docs/templat.md.

    \b
    Contoh:
      lkjip templat salin templat-kantor
      lkjip templat periksa templat-kantor --data lkjip-2024.yaml
    """


@templat_group.command("salin", context_settings=CONTEXT)
@click.argument(
    "folder", metavar="[FOLDER]", required=False, default="templat", type=click.Path(path_type=Path)
)
@handle_errors
def templat_salin(folder: Path) -> None:
    """Salin templat bawaan ke FOLDER (bawaan: templat) sebagai awal templat sendiri.

    Berkas yang sudah ada tidak pernah ditimpa. Hapus bagian yang tidak Anda ubah agar
    diambil dari templat bawaan, lalu tulis di profil.yaml: pengaturan: templat: FOLDER.

    \b
    Contoh:
      lkjip templat salin templat-kantor
    """
    from lkjip_gen.render.pack import copy_default

    for path in copy_default(folder):
        click.echo(f"ditulis: {path}")


@templat_group.command("periksa", context_settings=CONTEXT)
@click.argument("pack", metavar="TEMPLAT", type=click.Path(path_type=Path))
@click.option(
    "--data",
    "data_files",
    multiple=True,
    metavar="BERKAS",
    type=click.Path(path_type=Path),
    help="Berkas data kantor Anda; templat juga dicoba dengan data ini (boleh diulang).",
)
@handle_errors
def templat_periksa(pack: Path, data_files: tuple[Path, ...]) -> None:
    """Periksa TEMPLAT (folder atau .zip): semua masalah sekaligus, dengan letaknya.

    Tag, blok, nama isian, filter, gaya wajib dan versi model diperiksa; lalu templat dicoba
    dengan setiap contoh data bawaan (dan --data). Kode keluar 1 bila ada kesalahan.

    \b
    Contoh:
      lkjip templat periksa templat-kantor
      lkjip templat periksa templat-kantor --data lkjip-2024.yaml
    """
    from lkjip_gen.render.lint import lint_pack

    problems = lint_pack(pack, data_files)
    for problem in problems:
        click.echo(str(problem), err=True)
    errors = sum(1 for p in problems if p.severity == "error")
    status = "TIDAK SAH" if errors else "sah"
    click.echo(f"{pack}: {status} ({errors} kesalahan, {len(problems) - errors} peringatan)")
    sys.exit(1 if errors else 0)
