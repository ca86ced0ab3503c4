"""Commands between the data and Excel: impor anggaran/kinerja, templat-excel."""

from __future__ import annotations

from pathlib import Path

import click

from lkjip_gen.build import (
    check_file,
    input_workbook,
)
from lkjip_gen.cli.app import CONTEXT, F, handle_errors, main


@main.group("impor", context_settings=CONTEXT)
def impor() -> None:
    """Ambil nilai dari buku kerja Excel (.xlsx) ke berkas data YAML.

    Baris buku kerja dicocokkan dengan data lewat kode, lalu lewat nama. Tanpa --tulis hanya
    ditampilkan apa yang akan berubah; berkas data tidak disentuh. Komentar, urutan dan tata
    letak berkas data tetap seperti aslinya; hanya nilai yang berubah yang ditulis ulang.

    \b
    Contoh:
      lkjip impor anggaran lkjip-2024.yaml realisasi-sipd.xlsx
      lkjip impor anggaran lkjip-2024.yaml realisasi-sipd.xlsx --tulis
      lkjip impor kinerja lkjip-2024.yaml capaian.xlsx --lembar "TW IV" --tulis
    """


def _import_options(func: F) -> F:
    for option in reversed(
        (
            click.argument("data", metavar="DATA", type=click.Path(path_type=Path)),
            click.argument("buku", metavar="BUKU", type=click.Path(path_type=Path)),
            click.option(
                "--lembar", metavar="NAMA", help="Nama lembar (sheet) yang dibaca; bawaan: dicari."
            ),
            click.option("--tulis", is_flag=True, help="Simpan perubahan ke berkas data."),
            click.option("--rinci", is_flag=True, help="Tampilkan juga setiap baris yang cocok."),
        )
    ):
        func = option(func)
    return func


@impor.command("anggaran", context_settings=CONTEXT)
@_import_options
@handle_errors
def impor_anggaran(data: Path, buku: Path, lembar: str | None, tulis: bool, rinci: bool) -> None:
    """Pagu, realisasi dan sumber dana per program/kegiatan/sub kegiatan.

    Dibaca dari ekspor realisasi anggaran (SIPD dan sejenisnya) atau lembar Data Anggaran:
    baris judul dengan kolom Kode Rekening, Uraian, Anggaran/Pagu, Realisasi, Sumber Dana.
    Jumlah program, kegiatan dan baris JUMLAH diperiksa terhadap rinciannya.
    """
    _import("anggaran", data, buku, lembar, tulis, rinci)


@impor.command("kinerja", context_settings=CONTEXT)
@_import_options
@handle_errors
def impor_kinerja(data: Path, buku: Path, lembar: str | None, tulis: bool, rinci: bool) -> None:
    """Target, realisasi, pembilang/penyebut dan nilai triwulan per indikator (kinerja:).

    Dibaca dari lembar dengan kolom ID (atau Indikator), Target, Realisasi, Pembilang,
    Penyebut, TW I–TW IV, misalnya lembar Data Kinerja buatan lkjip templat-excel.
    """
    _import("kinerja", data, buku, lembar, tulis, rinci)


def _import(
    kind: str, data: Path, buku: Path, lembar: str | None, tulis: bool, rinci: bool
) -> None:
    from lkjip_gen.excel import report
    from lkjip_gen.excel.update import import_budget, import_kinerja

    result = (import_budget if kind == "anggaran" else import_kinerja)(data, buku, lembar)
    written = result.write() if tulis else None
    click.echo(report.text(result, detail=rinci, written=written))
    if written:
        checked = check_file(data)
        for problem in checked.problems:
            click.echo(str(problem), err=True)
        click.echo(
            f"{data}: {'TIDAK SAH' if checked.errors else 'sah'} setelah impor "
            f"({len(checked.errors)} kesalahan, {len(checked.warnings)} peringatan)"
        )


@main.command("templat-excel", context_settings=CONTEXT)
@click.argument("file", metavar="BERKAS", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    metavar="BERKAS",
    type=click.Path(path_type=Path),
    help="Berkas hasil (bawaan: <nama berkas data>-isian.xlsx di sebelahnya).",
)
@handle_errors
def templat_excel(file: Path, out: Path | None) -> None:
    """Buat buku kerja isian (.xlsx) kosong untuk diisi kantor, lalu diimpor dengan lkjip impor.

    Lembar Data Anggaran memuat setiap program/kegiatan/sub kegiatan dan lembar Data Kinerja
    setiap indikator dari berkas data; kolom nilainya kosong. Sel yang dibiarkan kosong tidak
    mengubah apa pun saat diimpor.

    \b
    Contoh:
      lkjip templat-excel lkjip-2024.yaml
      lkjip impor anggaran lkjip-2024.yaml lkjip-2024-isian.xlsx --tulis
    """
    click.echo(f"ditulis: {input_workbook(file, out)}")
