"""Commands on one report: validate, compute, build, periksa-lke, textconv."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lkjip_gen.batch import Options, is_batch
from lkjip_gen.build import (
    FORMATS,
    build,
    check_with_template,
    lke_checklist,
    model_json,
    report_model,
)
from lkjip_gen.checks import lke
from lkjip_gen.cli.app import CONTEXT, handle_errors, main, period_options, strict_option
from lkjip_gen.cli.batch import build_batch
from lkjip_gen.compute.periode import Periode
from lkjip_gen.data.load import load
from lkjip_gen.errors import Problem, ValidationFailed, summary, warning_lines
from lkjip_gen.output.textconv import docx_text
from lkjip_gen.rekap import is_rekap, rekap_of
from lkjip_gen.rekap.write import rekap_json
from lkjip_gen.resources import DOCUMENTS


@main.command(context_settings=CONTEXT)
@click.argument(
    "files", nargs=-1, required=True, metavar="BERKAS...", type=click.Path(path_type=Path)
)
@strict_option
@handle_errors
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
@click.argument("file", metavar="BERKAS", type=click.Path(path_type=Path))
@strict_option
@period_options
@handle_errors
def compute(file: Path, strict: bool, periode: Periode | None) -> None:
    """Cetak seluruh model laporan (semua angka yang dihitung) sebagai JSON.

    Untuk dasbor atau e-SAKIP daerah: setiap indikator dengan target, realisasi, capaian dan
    kategori; setiap baris anggaran dengan pagu, realisasi dan serapan; dan rekapitulasinya.
    Pada berkas rekap (lkjip rekap) dicetak rekap seluruh perangkat daerahnya.

    \b
    Contoh:
      lkjip compute lkjip-2024.yaml > model.json
      lkjip compute rekap.yaml > rekap.json
      lkjip compute lkjip-2024.yaml --triwulan 2 > model-tw2.json
    """
    doc = load(file)
    if is_rekap(doc):
        click.echo(rekap_json(rekap_of(doc)), nl=False)
        return
    notes: list[Problem] = []
    model = report_model(file, strict=strict, notes=notes, periode=periode)
    click.echo(model_json(model), nl=False)
    click.echo(warning_lines(notes), err=True, nl=bool(notes))


@main.command("build", context_settings=CONTEXT)
@click.argument(
    "files", nargs=-1, required=True, metavar="BERKAS...", type=click.Path(path_type=Path)
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    metavar="FOLDER",
    type=click.Path(path_type=Path),
    help="Folder hasil (bawaan: folder berkas data).",
)
@click.option(
    "-f",
    "--format",
    "formats",
    type=click.Choice(FORMATS),
    multiple=True,
    help="docx (bawaan), pdf dan/atau xlsx (semua tabel dalam buku kerja Excel); boleh diulang. "
    "PDF memerlukan LibreOffice.",
)
@click.option(
    "-d",
    "--document",
    type=click.Choice(tuple(DOCUMENTS)),
    default="lkjip",
    show_default=True,
    help="lkjip: laporan lengkap; pk: Perjanjian Kinerja saja; rencana-aksi, "
    "realisasi-rencana-aksi (per triwulan) atau rkt (Rencana Kerja Tahunan).",
)
@click.option(
    "--pdf-timeout",
    type=click.FloatRange(min=1, max=86_400),
    metavar="DETIK",
    help="Batas waktu LibreOffice membuat PDF (bawaan: LKJIP_PDF_TIMEOUT atau 180).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1, max=256),
    metavar="N",
    help="Banyak laporan yang dibuat bersamaan (bawaan: banyaknya inti prosesor).",
)
@strict_option
@period_options
@handle_errors
def build_command(
    files: tuple[Path, ...],
    out_dir: Path | None,
    formats: tuple[str, ...],
    document: str,
    strict: bool,
    pdf_timeout: float | None,
    jobs: int | None,
    periode: Periode | None,
) -> None:
    """Buat dokumen Word (.docx), PDF dan/atau buku kerja Excel (.xlsx) dari berkas data.

    Data diperiksa dulu; berkas yang masih salah tidak dibuatkan dokumen. Dokumen lama tidak
    tersentuh bila pembuatan gagal. Buku kerja Excel memuat setiap tabel laporan pada lembarnya
    sendiri, ditambah lembar Data Kinerja dan Data Anggaran (dapat diimpor kembali). Dengan
    --triwulan N atau --tahunan, laporan periode itu dibuat dari berkas yang memuat nilai setahun;
    nama berkasnya menyebut periodenya (lkjip-2024-tw2.docx).

    Banyak laporan sekaligus: sebutkan beberapa berkas, folder (semua lkjip-*.yaml di
    dalamnya) atau pola. Laporan yang gagal tidak menghentikan yang lain; di akhir tampil
    ringkasan, dan kode keluar 1 bila ada yang gagal. Dengan -o, berkas yang bernama sama
    (lkjip-2024.yaml setiap kantor) ditulis ke sub-folder per kantor.

    \b
    Contoh:
      lkjip build lkjip-2024.yaml
      lkjip build lkjip-2024.yaml -f docx -f pdf -o hasil
      lkjip build lkjip-2024.yaml -f xlsx
      lkjip build lkjip-2024.yaml --document pk
      lkjip build kantor/ -f docx -f pdf -o hasil -j 2
      lkjip build "kantor/*/lkjip-2024.yaml"
      lkjip build lkjip-2024.yaml --triwulan 2
    """
    options = Options(formats or ("docx",), document, strict, pdf_timeout, periode)
    if is_batch(files):
        sys.exit(build_batch(files, out_dir, options, jobs))
    notes: list[Problem] = []
    for path in build(
        files[0],
        out_dir,
        formats=formats or ("docx",),
        document=document,
        strict=strict,
        pdf_timeout=pdf_timeout,
        notes=notes,
        periode=periode,
    ):
        click.echo(f"ditulis: {path}")
    click.echo(warning_lines(notes), err=True, nl=bool(notes))


@main.command("periksa-lke", context_settings=CONTEXT)
@click.argument("file", metavar="BERKAS", type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Kode keluar 1 bila ada kriteria belum terpenuhi.")
@handle_errors
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


@main.command("textconv", context_settings=CONTEXT)
@click.argument("file", metavar="BERKAS", type=click.Path(path_type=Path))
@handle_errors
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
