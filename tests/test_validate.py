"""Bad input gets one exact message at the right file:line:col — never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lkjip_gen.build import check_file
from lkjip_gen.errors import ValidationFailed
from tests.hostile import png_header

BASE = """\
instansi:
  pemda: Kabupaten Uji
  nama: Dinas Tenaga Kerja
  kepala:
    nama: BUDI
    nip: "197001011995031001"
  atasan: {nama: SITI, jabatan: Bupati Uji}
laporan:
  jenis: tahunan
  tahun: 2022
renstra:
  periode_awal: 2021
  periode_akhir: 2026
  sasaran:
    - id: S1
      uraian: Meningkatnya penempatan
      indikator:
        - id: IKU1
          nama: Jumlah pencari kerja ditempatkan
          satuan: orang
          target: {2022: 400}
kinerja:
  IKU1:
    realisasi: 410
program:
  - nama: Program Penempatan
    sasaran: S1
    kegiatan:
      - nama: Kegiatan A
        pagu: 1000000
        realisasi: 900000
        sumber_dana: DAU
      - nama: Kegiatan B
        pagu: 500000
        realisasi: 500000
"""


@pytest.fixture
def write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)

    def _write(text: str, name: str = "data.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return Path(name)

    return _write


def messages(path: Path) -> list[str]:
    try:
        return [str(p) for p in check_file(path).problems]
    except ValidationFailed as exc:
        return [str(p) for p in exc.problems]


def test_base_is_valid(write) -> None:
    assert messages(write(BASE)) == []


CASES = [
    (
        "yaml syntax error",
        ("  nama: Dinas Tenaga Kerja\n", "  nama: [Dinas Tenaga Kerja\n"),
        "data.yaml:4:9: YAML tidak dapat dibaca (expected ',' or ']', but got ':') — periksa "
        "indentasi, titik dua setelah kunci, dan tanda kutip yang belum ditutup "
        "di sekitar baris ini [yaml.sintaks]",
    ),
    (
        "a tab used for indentation",
        ("    nama: BUDI\n", "\tnama: BUDI\n"),
        "data.yaml:5:1: ada karakter Tab di awal baris — YAML hanya menerima spasi untuk "
        "indentasi [yaml.sintaks]",
    ),
    (
        "duplicate key",
        ("  nama: Dinas Tenaga Kerja\n", "  nama: Dinas Tenaga Kerja\n  nama: Disnaker\n"),
        "data.yaml:4:3: instansi.nama: kunci 'nama' ditulis dua kali (pertama di baris 3) — "
        "hapus salah satunya [yaml.kunci_ganda]",
    ),
    (
        "word where a number belongs",
        ("    realisasi: 410\n", "    realisasi: empat ratus\n"),
        'data.yaml:24:16: kinerja.IKU1.realisasi: "empat ratus" bukan angka — tulis angka, '
        "misalnya 74.24 (untuk target berupa huruf, isi skala_predikat pada indikatornya) "
        "[cek.bukan_angka]",
    ),
    (
        "decimal comma",
        ("    realisasi: 410\n", "    realisasi: 74,24\n"),
        'data.yaml:24:16: kinerja.IKU1.realisasi: "74,24" bukan angka — tulis tanpa pemisah '
        "ribuan dan dengan titik desimal: 74.24 (untuk target berupa huruf, isi skala_predikat "
        "pada indikatornya) [cek.bukan_angka]",
    ),
    (
        "thousands separators in a pagu",
        ("        pagu: 1000000\n", "        pagu: 1.000.000\n"),
        'data.yaml:30:15: program[0].kegiatan[0].pagu: "1.000.000" bukan angka — tulis tanpa '
        "pemisah ribuan dan dengan titik desimal: 1000000 [skema.type]",
    ),
    (
        "unknown sasaran reference",
        ("    sasaran: S1\n", "    sasaran: S9\n"),
        "data.yaml:27:14: program[0].sasaran: sasaran 'S9' tidak ada — pilih salah satu id "
        "sasaran: S1 [cek.referensi]",
    ),
    (
        "declared total differs from the sum of its parts",
        ("    sasaran: S1\n", "    sasaran: S1\n    pagu: 1600000\n"),
        "data.yaml:28:11: peringatan: program[0].pagu: pagu yang ditulis Rp1.600.000,00 tidak "
        "sama dengan jumlah kegiatan-nya Rp1.500.000,00 (selisih Rp100.000,00) — laporan "
        "memakai jumlahnya [cek.jumlah]",
    ),
    (
        "count with a fraction",
        ("    realisasi: 410\n", "    realisasi: 4.405\n"),
        "data.yaml:24:16: peringatan: kinerja.IKU1.realisasi: 4.405 orang bukan bilangan bulat — "
        "bila maksudnya 4405 orang, tulis 4405 tanpa titik [cek.pecahan]",
    ),
    (
        "PK target differs from the Renstra target",
        ("    realisasi: 410\n", "    target: 420\n    realisasi: 410\n"),
        "data.yaml:24:13: peringatan: kinerja.IKU1.target: target PK 420 berbeda dengan target "
        "Renstra tahun 2022 (400) — pastikan target yang diukur sama dengan yang diperjanjikan; "
        "bila memang berbeda, tulis alasannya di catatan: {target_pk: …} (dicetak di bawah tabel "
        "Perjanjian Kinerja) [cek.target_pk]",
    ),
    (
        "unknown key with a close match",
        ("  tahun: 2022\n", "  tahun: 2022\n  tangal: 2023-02-01\n"),
        "data.yaml:11:3: laporan.tangal: kunci 'tangal' tidak dikenal — mungkin maksudnya "
        "'tanggal' [skema.additionalProperties]",
    ),
    (
        "NIP typed as a number",
        ('    nip: "197001011995031001"\n', "    nip: 197001011995031001\n"),
        "data.yaml:6:10: instansi.kepala.nip: harus berupa teks — tulis dengan tanda kutip: "
        '"197001011995031001" [skema.type]',
    ),
    (
        "missing required key",
        ("  jenis: tahunan\n", ""),
        "data.yaml:8:1: laporan: kunci wajib 'jenis' belum diisi — tambahkan jenis: … "
        "[skema.required]",
    ),
    (
        "enum value",
        ("  jenis: tahunan\n", "  jenis: bulanan\n"),
        "data.yaml:9:10: laporan.jenis: 'bulanan' tidak dikenal — pilih salah satu: tahunan, "
        "triwulan [skema.enum]",
    ),
    (
        "kinerja for an unknown indicator",
        ("  IKU1:\n", "  IKU9:\n"),
        "data.yaml:23:3: kinerja.IKU9: indikator 'IKU9' tidak ada — pilih salah satu id "
        "indikator: IKU1 [cek.referensi]",
    ),
    (
        "leaf without pagu",
        ("        pagu: 500000\n", ""),
        "data.yaml:33:9: program[0].kegiatan[1]: pagu kegiatan 'Kegiatan B' belum diisi — isi "
        "pagu di tingkat terbawah (atau tambahkan rinciannya) [cek.pagu_wajib]",
    ),
    (
        "a YAML tag",
        ("    realisasi: 410\n", "    realisasi: !!python/object:os.system 410\n"),
        "data.yaml:24:16: kinerja.IKU1.realisasi: tag YAML '!!python/object:os.system' tidak "
        "diizinkan — hapus tag itu dan tulis nilainya biasa saja [yaml.tag]",
    ),
]


@pytest.mark.parametrize(("name", "change", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_message(write, name: str, change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in BASE
    assert messages(write(BASE.replace(old, new, 1))) == [expected]


def test_duplicate_id_breaks_references_too(write) -> None:
    found = messages(write(BASE.replace("        - id: IKU1\n", "        - id: S1\n")))
    assert found == [
        "data.yaml:18:15: renstra.sasaran[0].indikator[0].id: id indikator 'S1' sudah dipakai di "
        "baris 15 — setiap id harus unik [cek.id_ganda]",
        "data.yaml:23:3: kinerja.IKU1: indikator 'IKU1' tidak ada — pilih salah satu id "
        "indikator: S1 [cek.referensi]",
    ]


def test_every_schema_problem_is_reported_at_once(write) -> None:
    text = BASE.replace("  tahun: 2022\n", "  tahun: dua ribu\n").replace(
        "        pagu: 1000000\n", "        pagu: satu juta\n"
    )
    found = messages(write(text))
    assert [m.split(": ")[0] for m in found] == ["data.yaml:10:10", "data.yaml:30:15"]


def test_profile_problems_point_into_the_profile(write) -> None:
    profile, year = BASE.split("kinerja:\n")
    write(
        profile.replace("satuan: orang", "satuan: orang\n          polaritas: naik"), "profil.yaml"
    )
    found = messages(write("profil: profil.yaml\nkinerja:\n" + year))
    assert found == [
        "profil.yaml:21:22: renstra.sasaran[0].indikator[0].polaritas: 'naik' tidak dikenal — "
        "pilih salah satu: positif, negatif [skema.enum]"
    ]


def test_year_file_overrides_profile(write) -> None:
    profile, year = BASE.split("kinerja:\n")
    write(profile, "profil.yaml")
    path = write(
        "profil: profil.yaml\nlaporan:\n  tahun: 2023\n  jenis: tahunan\nkinerja:\n" + year
    )
    checked = check_file(path)
    assert checked.doc.data["laporan"]["tahun"] == 2023
    assert checked.doc.data["instansi"]["pemda"] == "Kabupaten Uji"
    assert checked.doc.locate(("laporan", "tahun")).file == "data.yaml"
    assert checked.doc.locate(("instansi", "pemda")).file == "profil.yaml"


def test_missing_file_and_missing_profile(write) -> None:
    assert messages(Path("tidak-ada.yaml")) == [
        "tidak-ada.yaml:1:1: berkas tidak ditemukan — periksa nama dan foldernya [berkas.tidak_ada]"
    ]
    found = messages(write("profil: hilang.yaml\n" + BASE))
    assert found[-1] == (
        "data.yaml:1:9: profil: berkas profil 'hilang.yaml' tidak dapat dimuat [berkas.profil]"
    )


def test_input_is_never_modified(write) -> None:
    path = write(BASE)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    messages(path)
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


def test_folded_text_loads_as_plain_text(write) -> None:
    path = write(BASE + "narasi:\n  penutup: >-\n    satu\n    dua\n\n    tiga\n")
    assert check_file(path).doc.data["narasi"]["penutup"] == "satu dua\ntiga"


def test_program_indicator_that_is_also_an_iku_must_agree(write) -> None:
    text = BASE.replace(
        "    sasaran: S1\n",
        "    sasaran: S1\n    indikator:\n"
        "      - {nama: jumlah pencari kerja  DITEMPATKAN, satuan: orang, realisasi: 395}\n",
    )
    assert messages(write(text)) == [
        "data.yaml:29:77: peringatan: program[0].indikator[0].realisasi: indikator 'jumlah "
        "pencari kerja  DITEMPATKAN' juga indikator kinerja (kinerja:) dengan realisasi 410, "
        "tetapi di sini 395 — satu indikator seharusnya punya satu realisasi [cek.realisasi_beda]"
    ]


CHECK_CASES = [
    (
        "realisasi differs from pembilang/penyebut",
        ("    realisasi: 410\n", "    realisasi: 410\n    pembilang: 40\n    penyebut: 10\n"),
        "data.yaml:24:16: peringatan: kinerja.IKU1.realisasi: realisasi 410 tidak sama dengan "
        "pembilang/penyebut × 100 = 400.00 — yang dipakai adalah realisasi; perbaiki salah "
        "satunya [cek.realisasi_ganda]",
    ),
    (
        "PK amount differs from the budget",
        ("    sasaran: S1\n", "    sasaran: S1\n    pagu_pk: 1400000\n"),
        "data.yaml:28:14: peringatan: program[0].pagu_pk: anggaran di Perjanjian Kinerja "
        "Rp1.400.000,00 berbeda dengan pagu program Rp1.500.000,00 (selisih -Rp100.000,00) — "
        "lampiran PK mencetak angka PK; bila anggaran berubah sesudah PK ditandatangani, tulis "
        "alasannya di catatan: {pagu_pk: …}, atau buat PK Perubahan [cek.pagu_pk]",
    ),
    (
        "penyebut zero",
        ("    realisasi: 410\n", "    pembilang: 4\n    penyebut: 0\n"),
        "data.yaml:25:15: peringatan: kinerja.IKU1.penyebut: penyebut 0 — realisasi tidak dapat "
        "dihitung [cek.penyebut_nol]",
    ),
    (
        "pembilang without penyebut",
        ("    realisasi: 410\n", "    realisasi: 410\n    pembilang: 4\n"),
        "data.yaml:23:3: kinerja.IKU1: penyebut belum diisi — pembilang dan penyebut harus diisi "
        "bersama [cek.pembilang]",
    ),
    (
        "program written twice",
        ("      - nama: Kegiatan B\n", "      - nama: Kegiatan A\n"),
        "data.yaml:33:9: peringatan: program[0].kegiatan[1]: 'Kegiatan A' sudah ditulis di baris "
        "29 dengan indikator atau anggaran yang berbeda — satu program/kegiatan seharusnya punya "
        "satu realisasi [cek.ganda]",
    ),
    (
        "realisasi above pagu",
        ("        realisasi: 500000\n", "        realisasi: 600000\n"),
        "data.yaml:35:20: peringatan: program[0].kegiatan[1].realisasi: realisasi Rp600.000,00 "
        "melebihi pagu Rp500.000,00 [cek.melebihi_pagu]",
    ),
    (
        "belanja differs from programs",
        (
            "program:\n",
            "belanja:\n  - {jenis: pegawai, pagu: 1465433, realisasi: 1400000}\nprogram:\n",
        ),
        "data.yaml:26:3: peringatan: belanja: jumlah pagu menurut jenis belanja Rp1.465.433,00 "
        "tidak sama dengan jumlah pagu program Rp1.500.000,00 (selisih -Rp34.567,00) "
        "[cek.jumlah_belanja]",
    ),
    (
        "belanja row with a typo explaining the difference",
        (
            "program:\n",
            "belanja:\n  - jenis: pegawai\n    rincian:\n"
            "      - {uraian: Gaji, pagu: 1093412, realisasi: 1090000}\n"
            "      - {uraian: Honor, pagu: 416588, realisasi: 310000}\nprogram:\n",
        ),
        "data.yaml:29:31: peringatan: belanja[0].rincian[1].pagu: jumlah pagu menurut jenis "
        "belanja Rp1.510.000,00 tidak sama dengan jumlah pagu program Rp1.500.000,00 (selisih "
        "Rp10.000,00) — bila yang benar Rp406.588,00, jumlahnya cocok [cek.jumlah_belanja]",
    ),
    (
        "sdm row width",
        (
            "program:\n",
            "sdm:\n  - judul: Pendidikan\n    kelompok: Pendidikan\n"
            "    kolom: [PNS, Non PNS]\n    baris:\n      - {label: S1, nilai: [3]}\n"
            "program:\n",
        ),
        "data.yaml:30:28: sdm[0].baris[0].nilai: berisi 1 angka, padahal tabel punya 2 kolom "
        "(PNS, Non PNS) [cek.kolom]",
    ),
    (
        "scale without catch-all",
        (
            "program:\n",
            "pengaturan:\n  skala_kategori:\n    - {label: Baik, batas: 80}\n"
            "    - {label: Kurang, batas: 50}\nprogram:\n",
        ),
        "data.yaml:28:30: pengaturan.skala_kategori[1].batas: pita terakhir harus tanpa batas "
        "(batas: null) agar setiap capaian punya kategori [cek.skala]",
    ),
    (
        "year outside the renstra period",
        ("  tahun: 2022\n", "  tahun: 2030\n"),
        "data.yaml:10:10: peringatan: laporan.tahun: tahun 2030 di luar periode Renstra "
        "2021–2026 [cek.periode]",
    ),
    (
        "triwulan on an annual report",
        ("  tahun: 2022\n", "  tahun: 2022\n  triwulan: 2\n"),
        "data.yaml:11:13: peringatan: laporan.triwulan: triwulan diabaikan untuk laporan "
        "tahunan — hapus, atau ubah jenis menjadi triwulan [cek.triwulan]",
    ),
    (
        "missing image",
        ("  nama: Dinas Tenaga Kerja\n", "  nama: Dinas Tenaga Kerja\n  logo: logo.png\n"),
        "data.yaml:4:9: instansi.logo: berkas gambar 'logo.png' tidak ditemukan — jalurnya "
        "dibaca relatif terhadap folder berkas yang menyebutnya [cek.gambar]",
    ),
    (
        "a date that does not exist",
        ("  tahun: 2022\n", "  tahun: 2022\n  tanggal: 2023-02-30\n"),
        "data.yaml:11:12: laporan.tanggal: tanggal '2023-02-30' tidak ada di kalender — periksa "
        "bulan dan harinya [cek.tanggal]",
    ),
    (
        "reversed range",
        ("          target: {2022: 400}\n", "          target: {2022: {min: 90, maks: 80}}\n"),
        "data.yaml:21:26: renstra.sasaran[0].indikator[0].target.2022: rentang terbalik: min 90 "
        "lebih besar dari maks 80 [cek.rentang]",
    ),
    (
        "a number for a predikat indicator",
        (
            "          satuan: orang\n          target: {2022: 400}\n",
            "          satuan: predikat\n          skala_predikat: sakip\n"
            "          target: {2022: B}\n",
        ),
        "data.yaml:25:16: kinerja.IKU1.realisasi: indikator ini berskala predikat (D, C, CC, B, "
        "BB, A, AA) — tulis predikatnya, misalnya B [cek.predikat]",
    ),
    (
        "a predikat not on the scale",
        (
            "          satuan: orang\n          target: {2022: 400}\n",
            "          satuan: predikat\n          skala_predikat: sakip\n"
            "          target: {2022: E}\n",
        ),
        "data.yaml:22:26: renstra.sasaran[0].indikator[0].target.2022: predikat 'E' tidak ada "
        "dalam skala — pilih salah satu: D, C, CC, B, BB, A, AA [cek.predikat]",
    ),
]


@pytest.mark.parametrize(
    ("name", "change", "expected"), CHECK_CASES, ids=[c[0] for c in CHECK_CASES]
)
def test_cross_check_message(write, name: str, change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in BASE
    found = messages(write(BASE.replace(old, new, 1)))
    assert expected in found
    assert [m for m in found if m != expected and "[cek.predikat]" not in m] == []


TOO_LARGE = (
    "data.yaml:4:9: instansi.logo: gambar 'logo.png' berukuran 10.001 × 10.000 piksel, lebih dari "
    "100.000.000 piksel — perkecil gambarnya: lebar 4.000 piksel sudah tajam untuk dicetak, dan "
    "gambar yang jauh lebih besar hilang dari PDF [cek.gambar]"
)


@pytest.mark.parametrize(
    ("width", "expected"), [(10_000, []), (10_001, [TOO_LARGE])], ids=["at-the-bound", "over"]
)
def test_an_image_larger_than_a_pdf_holds_is_refused_at_its_line(
    write, tmp_path: Path, width: int, expected: list[str]
) -> None:
    """LibreOffice leaves an image of over a billion pixels out of the PDF without a word."""
    (tmp_path / "logo.png").write_bytes(png_header(width, 10_000))
    path = write(
        BASE.replace(
            "  nama: Dinas Tenaga Kerja\n", "  nama: Dinas Tenaga Kerja\n  logo: logo.png\n", 1
        )
    )
    assert messages(path) == expected


def test_an_image_is_judged_by_its_bytes_as_the_renderer_judges_it(write, tmp_path: Path) -> None:
    """A GIF named .png fails at validation, at the line naming it, not later at rendering."""
    (tmp_path / "logo.png").write_bytes(b"GIF89a\x01\x00\x01\x00")
    path = write(
        BASE.replace(
            "  nama: Dinas Tenaga Kerja\n", "  nama: Dinas Tenaga Kerja\n  logo: logo.png\n", 1
        )
    )
    assert messages(path) == [
        "data.yaml:4:9: instansi.logo: 'logo.png' bukan PNG atau JPEG — simpan ulang gambarnya "
        "sebagai PNG [cek.gambar]"
    ]
