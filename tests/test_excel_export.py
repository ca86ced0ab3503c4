"""lkjip build -f xlsx: every computed table as a sheet, headers as in the document, same bytes."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from lkjip_gen.build import build, report_model
from lkjip_gen.errors import LkjipError
from lkjip_gen.excel.cells import parse_number
from lkjip_gen.output.pdf import find_soffice

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/lkjip-*.yaml"))
CONTOH = ROOT / "examples/contoh-minimal/lkjip-2024.yaml"


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("xlsx")
    return {p.parent.name: build(p, out / p.parent.name, formats=("xlsx",))[0] for p in EXAMPLES}


def _header_lines(ws: Any) -> list[str]:
    """The header rows of a sheet's first table as the golden texts write table rows."""
    lines = []
    for row in ws.iter_rows(min_row=2, max_row=ws.freeze_panes and ws[ws.freeze_panes].row - 1):
        lines.append("\t".join(str(v) for v in (c.value for c in row) if v is not None))
    return lines


@pytest.mark.parametrize("example", [p.parent.name for p in EXAMPLES])
def test_headers_are_the_documents(books: dict[str, Path], example: str) -> None:
    golden = ROOT / "tests/golden" / f"{example}-lkjip.txt"
    table_rows = {
        "\t".join(cell for cell in line.split("\t") if cell)
        for line in golden.read_text(encoding="utf-8").splitlines()
    }
    wb = load_workbook(books[example])
    checked = 0
    for name in wb.sheetnames:
        if name.startswith(("Data ", "SDM", "Kondisi")):
            continue  # input sheets; SDM/kondisi headers come from the data
        for line in _header_lines(wb[name]):
            assert line in table_rows, (name, line)
            checked += 1
    assert checked > 10


def test_sheets_numbers_formats_and_frozen_headers(books: dict[str, Path]) -> None:
    wb = load_workbook(books["contoh-minimal"])
    assert wb.sheetnames == [
        "IKU",
        "Perjanjian Kinerja",
        "PK Program",
        "Perhitungan Realisasi",
        "Pengukuran Kinerja",
        "Perbandingan Tahun",
        "Target Akhir Renstra",
        "Capaian Nasional",
        "Sasaran 1",
        "Sasaran 2",
        "Efisiensi",
        "Anggaran per Sasaran",
        "Anggaran per Sumber Dana",
        "Realisasi Anggaran",
        "Rekap Kategori",
        "Data Kinerja",
        "Data Anggaran",
    ]
    ws = wb["Realisasi Anggaran"]
    assert ws.freeze_panes == "A4"
    assert [c.value for c in ws[4]] == [
        "1",
        "2.07.04",
        "Program Penempatan Tenaga Kerja",
        "Persentase pencari kerja yang ditempatkan",
        48,
        48.5,
        101.04,
        150000000,
        142500000,
        95,
        "DAU",
    ]
    assert ws["H4"].number_format == "[$-421]#,##0"
    assert ws["F4"].number_format == '[$-421]#,##0.0"%"'  # shown 48,5% like the document
    assert ws["G4"].number_format == ws["J4"].number_format == "[$-421]#,##0.00"
    assert [c.value for c in ws[13]][:11] == ["JUMLAH"] + [None] * 6 + [
        2650000000,
        2542500000,
        95.94,
        None,
    ]
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width


def test_same_data_same_bytes_with_dates_from_the_data(
    books: dict[str, Path], tmp_path: Path
) -> None:
    [again] = build(CONTOH, tmp_path, formats=("xlsx",))
    assert again.read_bytes() == books["contoh-minimal"].read_bytes()
    with zipfile.ZipFile(again) as z:
        core = z.read("docProps/core.xml").decode()
        assert {i.date_time for i in z.infolist()} == {(2025, 2, 20, 0, 0, 0)}
    assert core.count("2025-02-20T00:00:00Z") == 2
    assert "<dc:title" in core and "LKjIP Dinas Tenaga Kerja Tahun 2024" in core


@pytest.mark.parametrize(("words", "written"), [(4_675, True), (4_676, False)])
def test_a_text_longer_than_a_cell_holds_is_refused_not_cut(
    tmp_path: Path, words: int, written: bool
) -> None:
    """openpyxl cuts a text to Excel's 32,767 characters without a word; the workbook (and
    the rest of the build) is then not written at all."""
    office = tmp_path / "kantor"
    office.mkdir()
    for f in CONTOH.parent.iterdir():
        (office / f.name).write_bytes(f.read_bytes())
    long = (
        "Meningkatnya penyerapan angkatan kerja" + " sangat" * words
    )  # 32,763 / 32,770 characters
    profile = office / "profil.yaml"
    text = profile.read_text(encoding="utf-8")
    old = "      uraian: Meningkatnya penyerapan angkatan kerja\n"
    assert old in text
    profile.write_text(text.replace(old, f"      uraian: {long}\n"), encoding="utf-8")
    out = tmp_path / "hasil"
    if written:
        [book] = build(office / "lkjip-2024.yaml", out, formats=("xlsx",))
        cells = [c for ws in load_workbook(book) for row in ws.values for c in row]
        assert long in cells
        return
    with pytest.raises(LkjipError) as refused:
        build(office / "lkjip-2024.yaml", out, formats=("docx", "xlsx"))
    assert str(refused.value) == (
        "buku kerja Excel, lembar «Pengukuran Kinerja»: teks 'Meningkatnya penyerapan angkatan "
        "kerja sangat sangat sangat '… (32.770 karakter) lebih panjang dari 32.767 karakter "
        "yang dapat dimuat satu sel Excel — pendekkan teks itu di data, atau buat dokumennya "
        "tanpa -f xlsx"
    )
    assert not out.exists()


def _calc_csv(book: Path, tmp_path: Path) -> dict[str, list[list[str]]]:
    """Every sheet as LibreOffice Calc shows it, through a headless CSV conversion."""
    soffice = find_soffice()
    if soffice is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice tidak ditemukan, padahal CI seharusnya memasangnya.")
        pytest.skip("LibreOffice tidak terpasang")
    out = tmp_path / "csv"
    # Tokens: comma, double quote, UTF-8, from line 1, …, cells as shown, every sheet (-1).
    options = "44,34,76,1,,0,false,true,true,false,false,-1"
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}",
            "--convert-to",
            f"csv:Text - txt - csv (StarCalc):{options}",
            "--outdir",
            str(out),
            str(book.resolve()),
        ],
        check=True,
        timeout=240,
        capture_output=True,
    )
    sheets = {}
    for f in out.glob("*.csv"):
        rows = list(csv.reader(io.StringIO(f.read_text(encoding="utf-8"))))
        sheets[f.stem.removeprefix(book.stem + "-")] = rows
    if not sheets:
        pytest.skip("LibreOffice tanpa Calc (paket libreoffice-calc) tidak dapat membuka .xlsx")
    return sheets


def _number(text: str) -> Decimal | None:
    return parse_number(text.removesuffix("%"))


@pytest.mark.libreoffice
def test_calc_opens_the_workbook_and_its_numbers_equal_compute(
    books: dict[str, Path], tmp_path: Path
) -> None:
    example = ROOT / "examples/pasaman-barat-2022/lkjip-2022.yaml"
    model = report_model(example)
    sheets = _calc_csv(books["pasaman-barat-2022"], tmp_path)
    # Budget rows: pagu, realisasi, serapan of every numbered row, shown the Indonesian way.
    budget = {r[0]: r for r in sheets["Realisasi Anggaran"][3:] if r and r[0]}
    for row in model["anggaran"]["baris"]:
        shown = budget[row["nomor"]]
        assert [_number(x) for x in shown[6:9]] == [row["pagu"], row["realisasi"], row["serapan"]]
    total = budget["JUMLAH"]
    assert total[6:9] == ["5.197.839.192", "4.904.388.885", "94,35"]
    # Indicators: capaian per indicator as compute gives it (tujuan on their own sheet, as the
    # example prints them in a table of their own).
    measured = sheets["Pengukuran Kinerja"][3:] + sheets["Pengukuran Tujuan"][3:]
    shown = {r[2]: r for r in measured if len(r) > 6 and r[2]}
    for ind in model["indikator"]:
        if ind["capaian"] is not None:
            assert _number(shown[ind["nama"]][6]) == ind["capaian"], ind["nama"]
    # Efficiency totals and the per-sasaran table (the office prints none per sumber dana).
    assert sheets["Efisiensi"][-1][6:11] == [
        "100,28",
        "5.197.839.192",
        "4.904.388.885",
        "94,35",
        "5,65",
    ]
    assert "Anggaran per Sumber Dana" not in sheets
    money = {r[1]: r for r in sheets["Anggaran per Sasaran"][2:] if len(r) > 1}
    for group in model["anggaran"]["per_sasaran"]:
        assert _number(money[group["uraian"]][3]) == group["pagu"]
