"""Table shapes as data: sarana groups and values, SDM column groups, periods as text, cover."""

from __future__ import annotations

from pathlib import Path

from tests.test_conventions import PROFILE, YEAR, document, office
from tests.test_render import table

SHAPES = """\
sarana:
  judul: Sarana dan Prasarana
  barang:
    - {kelompok: Tanah, nama: Tanah Kantor, jumlah: 1, satuan: bidang, nilai: 500000000}
    - {kelompok: Bangunan, nama: Gedung Kantor, jumlah: 1, satuan: unit, baik: 1, nilai: 900000000}
    - kelompok: Peralatan dan Mesin
      nama: Mobil
      satuan: unit
      baik: 3
      rusak_berat: 1
      nilai: 600000000
    - {kelompok: Peralatan dan Mesin, nama: Sepeda Motor, jumlah: 2, satuan: unit}
sdm:
  - judul: Pegawai menurut Golongan
    kelompok: Tahun
    kolom: [I, II, III, IV]
    grup_kolom: [{judul: Golongan, kolom: 4}]
    jumlah_kolom: false
    baris:
      - {label: 2021, nilai: [1, 7, 12, 9]}
      - {label: 2022, nilai: [1, 6, 13, 9]}
kondisi_umum:
  - judul: Kondisi Ketenagakerjaan
    tahun: [Agustus 2021, Agustus 2022]
    baris:
      - {uraian: TPT, satuan: "%", nilai: [4.5, null]}
"""


def test_sarana_groups_units_and_values_without_adding_unlike_counts(tmp_path: Path) -> None:
    rows = table(document(office(tmp_path, PROFILE + SHAPES)), "Sarana dan Prasarana")
    assert rows[0] == ["No", "Jenis Barang", "Jumlah", "Kondisi Barang", "Nilai (Rp)"]
    assert rows[1] == ["", "", "", "Baik", "Kurang Baik", "Rusak Berat", ""]
    assert rows[3:] == [
        ["A", "Tanah", "", "", "", "", "500.000.000"],
        ["1", "Tanah Kantor", "1 bidang", "–", "–", "–", "500.000.000"],
        ["B", "Bangunan", "", "", "", "", "900.000.000"],
        ["1", "Gedung Kantor", "1 unit", "1", "–", "–", "900.000.000"],
        ["C", "Peralatan dan Mesin", "", "", "", "", "600.000.000"],
        ["1", "Mobil", "4 unit", "3", "–", "1", "600.000.000"],
        ["2", "Sepeda Motor", "2 unit", "–", "–", "–", "–"],
        ["JUMLAH", "2.000.000.000"],
    ]


def test_sdm_years_by_golongan_under_a_group_without_a_meaningless_total(
    tmp_path: Path,
) -> None:
    rows = table(document(office(tmp_path, PROFILE + SHAPES)), "Pegawai menurut Golongan")
    assert rows[:3] == [
        ["No", "Tahun", "Golongan", ""],
        ["", "", "I", "II", "III", "IV", "Jumlah"],
        ["1", "2", "3", "4", "5", "6", "7"],
    ]
    assert rows[3:] == [
        ["1", "2021", "1", "7", "12", "9", "29"],
        ["2", "2022", "1", "6", "13", "9", "29"],
    ]


def test_periods_as_text_and_a_value_not_stated(tmp_path: Path) -> None:
    rows = table(document(office(tmp_path, PROFILE + SHAPES)), "Kondisi Ketenagakerjaan")
    assert rows[0] == ["No", "Uraian", "Satuan", "Agustus 2021", "Agustus 2022"]
    assert rows[2] == ["1", "TPT", "%", "4,5", "–"]


def test_cover_lists_every_contact_line(tmp_path: Path) -> None:
    profile = PROFILE.replace(
        '  telepon: "(0321) 123456"\n',
        '  telepon: "(0321) 123456"\n  kode_pos: "61111"\n  faks: "(0321) 123457"\n'
        "  email: disnaker@contoh.go.id\n  laman: disnaker.contoh.go.id\n"
        "  baris_sampul: [Kompleks Perkantoran Terpadu Blok C]\n",
    )
    built = document(office(tmp_path, profile, YEAR))
    cover = [p.text for p in built.paragraphs[:40]]
    start = cover.index("DINAS TENAGA KERJA")
    assert cover[start + 1 : start + 5] == [
        "Jl. Merdeka Nomor 1 61111",
        "Telp. (0321) 123456 Faks. (0321) 123457",
        "Surel disnaker@contoh.go.id, Laman disnaker.contoh.go.id",
        "Kompleks Perkantoran Terpadu Blok C",
    ]
