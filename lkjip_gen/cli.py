"""The ``lkjip`` command: options in, library calls, messages and exit codes out (0/1/2)."""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from lkjip_gen import __version__
from lkjip_gen.build import (
    FORMATS,
    build,
    check_with_template,
    lke_checklist,
    model_json,
    report_model,
)
from lkjip_gen.checks import lke
from lkjip_gen.data import scaffold
from lkjip_gen.errors import LkjipError, Problem, ValidationFailed, summary, warning_lines
from lkjip_gen.output.textconv import docx_text
from lkjip_gen.resources import DOCUMENTS

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _handle_errors(func: F) -> F:
    """The one place where library exceptions become messages and exit codes."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ValidationFailed as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
        except LkjipError as exc:
            click.echo(f"lkjip: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            # Ctrl+C or SIGTERM (see run): work folders and LibreOffice are gone by now.
            click.echo("lkjip: dibatalkan; dokumen lama tidak diubah.", err=True)
            sys.exit(130)
        except Exception:  # a bug in lkjip_gen, never the user's data
            if os.environ.get("LKJIP_DEBUG"):
                raise
            click.echo(
                "lkjip: terjadi kesalahan internal (bukan kesalahan data Anda). Jalankan ulang "
                "dengan LKJIP_DEBUG=1 dan laporkan keluarannya kepada pengembang.",
                err=True,
            )
            click.echo(traceback.format_exc(limit=-3), err=True)
            sys.exit(70)

    return wrapper  # type: ignore[return-value]


def run() -> None:
    """The ``lkjip`` program: SIGTERM (a service stopping, a closed terminal) ends the run the
    way Ctrl+C does, so work folders are removed and LibreOffice is stopped before exiting."""
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _interrupt)
    main()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@click.group(context_settings=CONTEXT)
@click.version_option(
    __version__, "-V", "--version", message="lkjip %(version)s", help="Tampilkan versi lalu keluar."
)
def main() -> None:
    """lkjip — Laporan Kinerja Instansi Pemerintah (LKjIP) dari satu berkas YAML.

    Setiap tabel dan angka dihitung dari data. Alur kerja: ubah berkas YAML → lkjip validate →
    lkjip build → buka dokumennya.

    \b
    Contoh:
      lkjip init disnaker --tahun 2024
      lkjip validate lkjip-2024.yaml
      lkjip build lkjip-2024.yaml --format docx --format pdf -o hasil
    """


_strict = click.option(
    "--strict", is_flag=True, help="Anggap peringatan sebagai kesalahan (keluar dengan kode 1)."
)


@main.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_strict
@_handle_errors
def validate(files: tuple[Path, ...], strict: bool) -> None:
    """Periksa berkas data: skema, rujukan, jumlah, satuan — dan templat sendiri bila ada.

    Setiap masalah ditulis sebagai berkas:baris:kolom: jalur: pesan [kode]; masalah templat
    sendiri (pengaturan.templat) sebagai bagian templat: letak: pesan [kode]. Kode keluar 0 bila
    sah, 1 bila ada kesalahan (atau peringatan dengan --strict), 2 bila perintah salah tulis.

    \b
    Contoh:
      lkjip validate lkjip-2024.yaml
      lkjip validate --strict data/*.yaml
    """
    failed = False
    for file in files:
        try:
            checked = check_with_template(file)
        except ValidationFailed as exc:
            click.echo(str(exc), err=True)
            failed = True
            continue
        for problem in checked.problems:
            click.echo(str(problem), err=True)
        bad = checked.fails(strict)
        failed = failed or bad
        status = "TIDAK SAH" if bad else "sah"
        click.echo(f"{file}: {status} ({summary(checked.problems)})")
    sys.exit(1 if failed else 0)


@main.command(context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path))
@_strict
@_handle_errors
def compute(file: Path, strict: bool) -> None:
    """Cetak seluruh model laporan (semua angka yang dihitung) sebagai JSON.

    Untuk dasbor atau e-SAKIP daerah: setiap indikator dengan target, realisasi, capaian dan
    kategori; setiap baris anggaran dengan pagu, realisasi dan serapan; dan rekapitulasinya.

    \b
    Contoh:
      lkjip compute lkjip-2024.yaml > model.json
    """
    notes: list[Problem] = []
    click.echo(model_json(report_model(file, strict=strict, notes=notes)), nl=False)
    click.echo(warning_lines(notes), err=True, nl=bool(notes))


@main.command("build", context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Folder hasil (bawaan: folder berkas data).",
)
@click.option(
    "-f",
    "--format",
    "formats",
    type=click.Choice(FORMATS),
    multiple=True,
    help="docx (bawaan) dan/atau pdf; boleh diulang. PDF memerlukan LibreOffice.",
)
@click.option(
    "-d",
    "--document",
    type=click.Choice(tuple(DOCUMENTS)),
    default="lkjip",
    show_default=True,
    help="lkjip: laporan lengkap; pk: Perjanjian Kinerja saja.",
)
@click.option(
    "--pdf-timeout",
    type=click.FloatRange(min=1, max=86_400),
    metavar="DETIK",
    help="Batas waktu LibreOffice membuat PDF (bawaan: LKJIP_PDF_TIMEOUT atau 180).",
)
@_strict
@_handle_errors
def build_command(
    file: Path,
    out_dir: Path | None,
    formats: tuple[str, ...],
    document: str,
    strict: bool,
    pdf_timeout: float | None,
) -> None:
    """Buat dokumen Word (.docx) dan/atau PDF dari berkas data.

    Data diperiksa dulu; berkas yang masih salah tidak dibuatkan dokumen. Dokumen lama tidak
    tersentuh bila pembuatan gagal.

    \b
    Contoh:
      lkjip build lkjip-2024.yaml
      lkjip build lkjip-2024.yaml -f docx -f pdf -o hasil
      lkjip build lkjip-2024.yaml --document pk
    """
    notes: list[Problem] = []
    for path in build(
        file,
        out_dir,
        formats=formats or ("docx",),
        document=document,
        strict=strict,
        pdf_timeout=pdf_timeout,
        notes=notes,
    ):
        click.echo(f"ditulis: {path}")
    click.echo(warning_lines(notes), err=True, nl=bool(notes))


@main.command("periksa-lke", context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Kode keluar 1 bila ada kriteria belum terpenuhi.")
@_handle_errors
def lke_command(file: Path, strict: bool) -> None:
    """Periksa laporan terhadap kriteria LKE SAKIP (PermenPAN-RB 88/2021, Pelaporan Kinerja).

    Kriteria yang belum terpenuhi ditulis dengan kunci yang perlu diisi dan letaknya.

    \b
    Contoh:
      lkjip periksa-lke lkjip-2024.yaml
    """
    criteria = lke_checklist(file)
    click.echo(lke.render(criteria, str(file)), nl=False)
    sys.exit(1 if strict and not all(k.terpenuhi for k in criteria) else 0)


@main.command("init", context_settings=CONTEXT)
@click.argument("directory", required=False, default=".", type=click.Path(path_type=Path))
@click.option(
    "--jenis",
    type=click.Choice(("tahunan", "triwulan")),
    help="Jenis laporan (bawaan: tahunan, atau triwulan bila --triwulan diisi).",
)
@click.option("--triwulan", type=click.IntRange(1, 4), help="Nomor triwulan 1–4.")
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


@_handle_errors
def _init(directory: Path, year: int, triwulan: int | None, skala: str, hanya_skema: bool) -> None:
    # Usage errors are raised before this point: _handle_errors would take them for a bug.
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


@main.command("textconv", context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path))
@_handle_errors
def textconv_command(file: Path) -> None:
    """Cetak isi dokumen Word (.docx) sebagai teks, agar git diff dapat dibaca.

    Satu baris per paragraf; baris tabel dengan sel dipisah tab. Dipakai git lewat
    .gitattributes (*.docx diff=lkjip) dan: git config diff.lkjip.textconv "lkjip textconv".

    \b
    Contoh:
      lkjip textconv hasil/lkjip-2024.docx
      git config diff.lkjip.textconv "lkjip textconv"
    """
    # Bytes go to the binary stream as they are: git reads UTF-8, whatever the console code page
    # is on Windows.
    click.echo(docx_text(file).encode("utf-8"), nl=False)


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
@click.argument("folder", required=False, default="templat", type=click.Path(path_type=Path))
@_handle_errors
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
@click.argument("pack", type=click.Path(path_type=Path))
@click.option(
    "--data",
    "data_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Berkas data kantor Anda; templat juga dicoba dengan data ini (boleh diulang).",
)
@_handle_errors
def templat_periksa(pack: Path, data_files: tuple[Path, ...]) -> None:
    """Periksa templat PACK (folder atau .zip): semua masalah sekaligus, dengan letaknya.

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
