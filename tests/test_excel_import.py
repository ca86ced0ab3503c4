"""lkjip impor: messy workbooks give the right rows and one precise message per unplaced row."""

from __future__ import annotations

import datetime
import io
import random
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook
from openpyxl.styles import Alignment

from lkjip_gen.cli import main
from lkjip_gen.errors import LkjipError
from lkjip_gen.excel import report
from lkjip_gen.excel.update import import_budget, import_kinerja
from tests.hostile import scrambled

EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture
def contoh(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES / "contoh-minimal", tmp_path / "contoh")
    return tmp_path / "contoh" / "lkjip-2024.yaml"


def _messy(path: Path) -> Path:
    """A realisation export as regional finance systems give it, with every usual oddity."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Laporan Realisasi"
    ws["A1"] = "PEMERINTAH KABUPATEN CONTOH"
    ws.merge_cells("A1:H1")
    ws["A2"] = "LAPORAN REALISASI ANGGARAN TAHUN 2024"
    ws.merge_cells("A2:H2")
    for col, text in zip(
        "ABEFGH", ["Kode Rekening", "Uraian", "Realisasi", "Sisa", "%", "Sumber Dana"], strict=True
    ):
        ws[f"{col}4"] = text
        ws.merge_cells(f"{col}4:{col}5")
    ws["C4"] = "Anggaran"
    ws.merge_cells("C4:D4")
    ws["C5"], ws["D5"] = "Sebelum Perubahan", "Setelah Perubahan"
    for i in range(1, 9):
        ws.cell(row=6, column=i, value=i)
    rows = [
        (7, ["2", "URUSAN PEMERINTAHAN WAJIB", 1, 1, 1]),
        (8, ["2.07", "Urusan Pemerintahan Bidang Tenaga Kerja", 1, 1, 1]),
        (
            9,
            [
                "2.07.04",
                "Program Penempatan Tenaga Kerja",
                "140.000.000",
                "150.000.000",
                "145.000.000,00",
            ],
        ),
        (
            10,
            [
                "2.07.04.2.01",
                "Pelayanan Antarkerja di Daerah Kabupaten/Kota",
                140000000,
                150000000,
                145000000,
            ],
        ),
        (
            11,
            [
                "2.07.04.2.01.0001",
                "Penyuluhan dan Bimbingan Jabatan bagi Pencari Kerja",
                140000000,
                150000000,
                "145.000.000,00",
                None,
                None,
                "DAU",
            ],
        ),
        (12, ["5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 1000, 1000, 900]),
        (
            14,
            [
                "2.07.03",
                "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja",
                None,
                "510.000.000",
                "(1.000)",
            ],
        ),
        (
            15,
            [
                "2.07.03.2.02",
                "Pelaksanaan Pelatihan berdasarkan Unit Kompetensi",
                None,
                510000000,
                None,
            ],
        ),
        (
            16,
            [
                "2.07.03.2.02.0003",
                "Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan",
                None,
                500000000,
                "#REF!",
                None,
                None,
                "DBHCHT",
            ],
        ),
        (17, ["2.07.03.2.02.0099", "Sub Kegiatan Baru", None, "10.000.000", "0"]),
        (18, ["JUMLAH", None, None, "670.000.000", None]),
        (21, ["REKAPITULASI PER SUMBER DANA"]),
        (22, ["No", "Sumber Dana", "Anggaran", "Realisasi"]),
        (23, ["1", "DAU", "150.000.000", "145.000.000"]),
    ]
    for r, values in rows:
        for c, value in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=value)
    ws.merge_cells("A18:B18")
    wb.save(path)
    return path


def test_messy_export(contoh: Path, tmp_path: Path) -> None:
    result = import_budget(contoh, _messy(tmp_path / "sipd.xlsx"))
    assert result.sheet == "Laporan Realisasi"
    assert result.how == {"kode": 4, "nama": 2}
    assert result.unplaced == [
        "Laporan Realisasi baris 17: 2.07.03.2.02.0099 'Sub Kegiatan Baru': kode 2.07.03.2.02.0099 "
        "dan nama tidak ada di data — tambahkan ke program: bila baris ini memang baru"
    ]
    assert result.notes == [
        "Laporan Realisasi!E16: sel berisi galat Excel #REF! — perbaiki rumusnya; nilai sel ini "
        "diabaikan",
        "Laporan Realisasi baris 22: tabel lain (kolomnya bukan kolom impor ini); baris di "
        "bawahnya dilewati sampai ada judul kolom yang dikenali",
        "Laporan Realisasi!E14: -1.000 negatif — pagu dan realisasi tidak boleh negatif; nilai "
        "ini diabaikan",
        "2 baris urusan/bidang dan 1 baris rincian rekening belanja dilewati (tingkatnya di atas "
        "program atau di bawah sub kegiatan)",
    ]
    assert result.totals == [
        "Laporan Realisasi!D18: baris jumlah: pagu 670.000.000 tidak sama dengan jumlah baris "
        "rincian di atasnya 660.000.000 (selisih 10.000.000)",
        "Laporan Realisasi!D14: program[1] 'Program Pelatihan Kerja dan Produktivitas Tenaga "
        "Kerja': pagu di buku kerja 510.000.000 tidak sama dengan jumlah rinciannya di data "
        "500.000.000 (selisih 10.000.000)",
        "Laporan Realisasi!D15: program[1].kegiatan[0] 'Pelaksanaan Pelatihan berdasarkan Unit "
        "Kompetensi': pagu di buku kerja 510.000.000 tidak sama dengan jumlah rinciannya di data "
        "500.000.000 (selisih 10.000.000)",
    ]
    assert result.missing == [
        "program[2].kegiatan[0].sub_kegiatan[0] 'Penyediaan Gaji dan Tunjangan ASN'"
    ]
    # The one value that differs: the realisasi written as text with Indonesian separators.
    changed = [line for line in result.diff().splitlines() if line[:1] in "+-"][2:]
    assert changed == ["-            realisasi: 142500000", "+            realisasi: 145000000"]
    assert contoh.read_text(encoding="utf-8") == (
        EXAMPLES / "contoh-minimal/lkjip-2024.yaml"
    ).read_text(encoding="utf-8")


def test_numbers_the_data_file_cannot_hold_are_left_out_with_a_note(
    contoh: Path, tmp_path: Path
) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws.append(["Kode Rekening", "Uraian", "Realisasi"])
    ws.append(["2.07.04", "Program Penempatan Tenaga Kerja", 1e-300])
    ws.append(["2.07.04.2.01", "Pelayanan Antarkerja di Daerah Kabupaten/Kota", 10**16])
    ws.append(["2.07.04.2.01.0001", "Penyuluhan dan Bimbingan Jabatan", "0," + "0" * 30 + "1"])
    wb.save(tmp_path / "kecil.xlsx")
    result = import_budget(contoh, tmp_path / "kecil.xlsx")
    assert result.notes == [
        "Realisasi!C2: angka 1E-300 terlalu kecil atau terlalu panjang (paling kecil 10^-18, "
        "paling banyak 24 digit) — nilai sel ini diabaikan",
        "Realisasi!C3: angka 1E+16 terlalu besar (lebih dari 15 digit) — nilai sel ini diabaikan",
        f"Realisasi!C4: '0,{'0' * 30}1' bukan angka rupiah — nilai ini diabaikan",
    ]
    assert result.write() == []
    assert contoh.read_text(encoding="utf-8") == (
        EXAMPLES / "contoh-minimal/lkjip-2024.yaml"
    ).read_text(encoding="utf-8")


def test_report_and_write(contoh: Path, tmp_path: Path) -> None:
    result = import_budget(contoh, _messy(tmp_path / "sipd.xlsx"))
    text = report.text(result)
    assert (
        "  12 baris dibaca; 6 cocok (4 lewat kode, 2 lewat nama), 1 tidak ditempatkan; "
        "1 nilai berubah." in text
    )
    assert (
        "  Laporan Realisasi!E11 → program[0].kegiatan[0].sub_kegiatan[0].realisasi: "
        "142.500.000 → 145.000.000 (lewat kode)" in text
    )
    assert text.endswith(
        "Belum ada yang ditulis. Periksa perubahan di atas, lalu jalankan ulang dengan --tulis."
    )
    assert result.write() == [contoh]
    assert "            realisasi: 145000000\n" in contoh.read_text(encoding="utf-8")


def test_level_from_indentation_tells_same_names_apart(tmp_path: Path) -> None:
    """Lumajang has a kegiatan and a sub kegiatan both named "Pembinaan Lembaga Pelatihan …"."""
    shutil.copytree(EXAMPLES / "lumajang-2023-tw1", tmp_path / "lmj")
    data = tmp_path / "lmj" / "lkjip-2023-tw1.yaml"
    wb = Workbook()
    ws = wb.active
    ws.append(["Uraian", "Pagu", "Realisasi"])
    for indent, name, pagu, real in (
        (0, "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja", None, None),
        (1, "Pembinaan Lembaga Pelatihan Kerja Swasta", 10575000, 8000000),
        (2, "Pembinaan Lembaga Pelatihan Kerja Swasta", 10575000, 8000000),
    ):
        ws.append([name, pagu, real])
        ws.cell(row=ws.max_row, column=1).alignment = Alignment(indent=indent)
    wb.save(tmp_path / "indent.xlsx")
    result = import_budget(data, tmp_path / "indent.xlsx")
    assert [c.path for c in result.changes] == [
        ("program", 0, "kegiatan", 1, "sub_kegiatan", 0, "realisasi")
    ]
    assert result.how == {"nama": 3}
    assert result.unplaced == []


def test_kinerja_by_id_and_name(contoh: Path, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Capaian"
    ws.append(["Kode Indikator", "Indikator Kinerja", "Target", "Realisasi", "TW 1", "TW 2"])
    ws.append(["tpt", None, "4,4", "4,25", None, None])
    ws.append([None, "Jumlah Tenaga Kerja yang Dilatih", 380, None, "100", 150])
    ws.append(["IKU9", "Indikator yang tidak ada", None, 5, None, None])
    ws.append([None, None, None, None, None, None])
    ws.append(["IKU1", None, 48, "B", None, None])
    wb.save(tmp_path / "kinerja.xlsx")
    result = import_kinerja(contoh, tmp_path / "kinerja.xlsx")
    assert result.how == {"id": 2, "nama": 1}
    assert result.unplaced == ["Capaian baris 4: id 'IKU9' tidak ada di renstra — periksa id/nama"]
    assert [(c.path, c.new) for c in result.changes] == [
        (("kinerja", "TPT", "realisasi"), pytest.approx(4.25)),
        (("kinerja", "IKU2", "triwulan"), [100, 150]),
        (("kinerja", "IKU1", "realisasi"), "B"),
    ]
    text = result.files[contoh].text
    assert "  TPT:\n    realisasi: 4.25\n" in text
    assert "  IKU2:\n    realisasi: 372\n    triwulan: [100, 150]\n" in text
    assert "  IKU1:\n    realisasi: B\n    pembilang: 97\n" in text


def test_value_held_in_the_profile_is_written_there(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    shutil.copytree(EXAMPLES / "contoh-minimal", folder)
    year, profile = folder / "lkjip-2024.yaml", folder / "profil.yaml"
    text = year.read_text(encoding="utf-8")
    cut = text.index("program:")
    year.write_text(text[:cut], encoding="utf-8")
    profile.write_text(profile.read_text(encoding="utf-8") + "\n" + text[cut:], encoding="utf-8")
    wb = Workbook()
    wb.active.append(["Kode", "Uraian", "Realisasi"])
    wb.active.append(["2.07.04.2.01.0001", None, 1000])
    wb.save(tmp_path / "a.xlsx")
    result = import_budget(year, tmp_path / "a.xlsx")
    assert list(result.files) == [profile]
    assert result.write() == [profile]
    assert year.read_text(encoding="utf-8") == text[:cut]


RUSAK = "berkas rusak atau bukan buku kerja Excel (.xlsx) yang sah — buka dan simpan ulang"
DOCX = (Path(__file__).resolve().parents[1] / "templates" / "default" / "bab1.docx").read_bytes()


def workbook_bytes() -> bytes:
    buffer = io.BytesIO()
    book = Workbook()
    book.active.append(["Kode", "Uraian", "Pagu"])
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "format Excel lama (.xls)"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "buku kerja dilindungi kata sandi",
        ),
        (b"Kode;Uraian;Pagu\n1;A;2\n", "bukan buku kerja Excel (.xlsx)"),
        (b"PK\x03\x04 rusak", RUSAK),
        (None, "berkas LibreOffice (.ods)"),
        (DOCX, "dokumen Word, bukan buku kerja Excel (.xlsx) — sebutkan buku kerja yang berisi "),
        (scrambled(workbook_bytes(), "xl/styles.xml"), RUSAK),
    ],
    ids=["xls", "xls-sandi", "csv", "zip-rusak", "ods", "word", "isi-rusak"],
)
def test_files_that_are_not_workbooks(
    contoh: Path, tmp_path: Path, content: bytes | None, message: str
) -> None:
    book = tmp_path / "buku.xlsx"
    if content is None:
        with zipfile.ZipFile(book, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    else:
        book.write_bytes(content)
    with pytest.raises(LkjipError) as caught:
        import_budget(contoh, book)
    assert str(caught.value).startswith(f"{book}: {message}")
    outcome = CliRunner().invoke(main, ["impor", "anggaran", str(contoh), str(book)])
    assert outcome.exit_code == 1
    assert outcome.output.startswith(f"lkjip: {book}: {message}")
    assert "Traceback" not in outcome.output


def test_missing_sheet_and_header(contoh: Path, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Catatan"
    wb.active.append(["Ini bukan tabel anggaran"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(LkjipError, match="lembar 'Anggaran' tidak ada — lembar yang ada: Catatan"):
        import_budget(contoh, tmp_path / "x.xlsx", "Anggaran")
    with pytest.raises(LkjipError, match="tidak ada lembar dengan baris judul kolom yang dikenali"):
        import_budget(contoh, tmp_path / "x.xlsx")


def test_cli_dry_run_then_write(contoh: Path, tmp_path: Path) -> None:
    book = _messy(tmp_path / "sipd.xlsx")
    before = contoh.read_bytes()
    dry = CliRunner().invoke(main, ["impor", "anggaran", str(contoh), str(book)])
    assert dry.exit_code == 0, dry.output
    assert "+            realisasi: 145000000" in dry.output
    assert contoh.read_bytes() == before
    done = CliRunner().invoke(main, ["impor", "anggaran", str(contoh), str(book), "--tulis"])
    assert done.exit_code == 0, done.output
    assert "sah setelah impor" in done.output
    assert contoh.read_bytes() == before.replace(b"realisasi: 142500000", b"realisasi: 145000000")


CELLS = [
    None, "", "-", "#REF!", "JUMLAH", "1.234.567,00", "(1.000)", 3.5, -7, 0, 10**16, 1e300,
    "2.07.04", "2.07.04.2.01.0001", "5.1.02.01", "Program Penempatan Tenaga Kerja",
    "Penyediaan Gaji dan Tunjangan ASN", "IKU1", "TPT", "B", "80–90", datetime.date(2024, 1, 1),
    True, "Kode", "Uraian", "Pagu", "Realisasi", "DAU & DBHCHT", "TW I", "=SUM(A1:A2)", "x: y",
    "#", "a" * 300,
]  # fmt: skip
HEADERS = [
    "Kode Rekening", "Uraian", "Anggaran", "Realisasi", "Sumber Dana", "Tingkat", "ID",
    "Indikator Kinerja", "Target", "TW I", "TW II", "Pembilang", "Penyebut", "%", "No",
]  # fmt: skip


def test_random_workbooks_give_a_message_or_a_report_never_a_traceback(
    contoh: Path, tmp_path: Path
) -> None:
    rng = random.Random(14)
    for i in range(25):
        wb = Workbook()
        ws = wb.active
        heads = rng.sample(HEADERS, k=rng.randint(2, 8))
        top = rng.randint(1, 4)
        for c, head in enumerate(heads, start=1):
            ws.cell(top, c, head)
        for r in range(top + 1, top + rng.randint(2, 25)):
            for c in range(1, len(heads) + 2):
                ws.cell(r, c, rng.choice(CELLS))
        book = tmp_path / f"acak-{i}.xlsx"
        wb.save(book)
        for func in (import_budget, import_kinerja):
            try:
                result = func(contoh, book)
            except LkjipError:
                continue
            report.text(result)  # renders, and the edited text reads back as intended
