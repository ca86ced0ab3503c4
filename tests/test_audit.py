"""The validator as auditor: every problem in one run, the checks that catch wrong numbers, and
warnings answered in the data (exact messages on the small file of test_validate)."""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
import test_validate
from test_validate import BASE, messages

from lkjip_gen import checks
from lkjip_gen.build import check_file, valid_document
from lkjip_gen.checks import answers
from lkjip_gen.data.load import Path_, load
from lkjip_gen.data.partial import partition
from lkjip_gen.errors import ValidationFailed

ROOT = Path(__file__).resolve().parent.parent
write = test_validate.write  # the fixture that writes data.yaml under tmp_path
EXAMPLES = sorted((ROOT / "examples").glob("*/lkjip-*.yaml"))


def changed(*changes: tuple[str, str]) -> str:
    text = BASE
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_schema_errors_do_not_hide_cross_checks(write) -> None:
    text = changed(
        ("        pagu: 1000000\n", "        pagu: satu juta\n"),
        ("        realisasi: 500000\n", "        realisasi: 600000\n"),
        ("    sasaran: S1\n", "    sasaran: S9\n"),
    )
    assert messages(write(text)) == [
        "data.yaml:27:14: program[0].sasaran: sasaran 'S9' tidak ada — pilih salah satu id "
        "sasaran: S1 [cek.referensi]",
        'data.yaml:30:15: program[0].kegiatan[0].pagu: "satu juta" bukan angka — tulis angka, '
        "misalnya 74.24 [skema.type]",
        "data.yaml:35:20: peringatan: program[0].kegiatan[1].realisasi: realisasi Rp600.000,00 "
        "melebihi pagu Rp500.000,00 [cek.melebihi_pagu]",
    ]


def test_a_bad_key_is_cut_alone(write) -> None:
    """An id with a space is reported at the key; the rest of kinerja is still checked."""
    text = changed(
        ("  IKU1:\n", "  IKU 1:\n    realisasi: 1\n  IKU1:\n"),
        ("    realisasi: 410\n", "    realisasi: 4.405\n"),
    )
    found = messages(write(text))
    assert found[0].startswith("data.yaml:23:3: kinerja.IKU 1: pengenal 'IKU 1' tidak sah")
    assert found[1].startswith("data.yaml:26:16: peringatan: kinerja.IKU1.realisasi: 4.405 orang")
    assert len(found) == 2


CASES = [
    (
        "year not updated: signed two years later",
        [("  tahun: 2022\n", "  tahun: 2022\n  tanggal: 2024-02-10\n")],
        "data.yaml:10:10: peringatan: laporan.tahun: tahun laporan 2022 tampaknya belum "
        "diperbarui: "
        "laporan ditandatangani 10 Februari 2024, 14 bulan sesudah periodenya berakhir — bila "
        "berkas ini disalin dari tahun lalu, perbarui laporan.tahun [cek.tahun]",
    ),
    (
        "year not updated: history holds the report year",
        [("    realisasi: 410\n", "    realisasi: 410\n    riwayat: {2021: 380, 2022: 400}\n")],
        "data.yaml:10:10: peringatan: laporan.tahun: tahun laporan 2022 tampaknya belum "
        "diperbarui: "
        "riwayat IKU1 sudah memuat tahun 2022 — bila berkas ini disalin dari tahun lalu, perbarui "
        "laporan.tahun [cek.tahun]",
    ),
    (
        "signed before the year ends",
        [("  tahun: 2022\n", "  tahun: 2022\n  tanggal: 2022-11-30\n")],
        "data.yaml:11:12: peringatan: laporan.tanggal: laporan ditandatangani 30 November 2022, "
        "sebelum tahun 2022 berakhir (31 Desember 2022) — periksa tanggalnya (atau laporan.tahun) "
        "[cek.tanggal_ttd]",
    ),
    (
        "PK of another year",
        [("  tahun: 2022\n", "  tahun: 2022\n  tanggal_pk: 2020-01-05\n")],
        "data.yaml:11:15: peringatan: laporan.tanggal_pk: Perjanjian Kinerja bertanggal tahun "
        "2020, padahal laporan ini tahun 2022 — PK ditandatangani pada awal tahun yang dilaporkan "
        "[cek.tanggal_pk]",
    ),
    (
        "PK signed after the quarterly report",
        [
            ("  jenis: tahunan\n", "  jenis: triwulan\n  triwulan: 1\n"),
            ("  tahun: 2022\n", "  tahun: 2022\n  tanggal: 2022-04-10\n  tanggal_pk: 2022-05-02\n"),
        ],
        "data.yaml:13:15: peringatan: laporan.tanggal_pk: Perjanjian Kinerja bertanggal 2 Mei "
        "2022, sesudah laporan yang melaporkannya (10 April 2022) — periksa tanggal_pk "
        "[cek.tanggal_pk]",
    ),
    (
        "NIP one digit short",
        [('    nip: "197001011995031001"\n', '    nip: "19700101199503100"\n')],
        "data.yaml:6:10: peringatan: instansi.kepala.nip: NIP '19700101199503100' berisi 17 angka, "
        'padahal NIP 18 angka — periksa NIP-nya (contoh: "196105221986081001", dicetak 19610522 '
        "198608 1 001) [cek.nip]",
    ),
    (
        "NIP without a date of birth",
        [('    nip: "197001011995031001"\n', '    nip: "197013011995031001"\n')],
        "data.yaml:6:10: peringatan: instansi.kepala.nip: NIP '197013011995031001' diawali "
        "19701301, yang bukan tanggal lahir (TTTTBBHH) — periksa NIP-nya (contoh: "
        '"196105221986081001", dicetak 19610522 198608 1 001) [cek.nip]',
    ),
    (
        "realisasi left empty",
        [("    realisasi: 410\n", "    realisasi:\n")],
        "data.yaml:24:5: peringatan: kinerja.IKU1.realisasi: realisasi 'Jumlah pencari kerja "
        "ditempatkan' belum diisi — indikator ini tidak ikut rata-rata capaian, sehingga rata-rata "
        "dan kategorinya berubah; isi kinerja: IKU1: realisasi: …, atau bila memang belum dapat "
        "diukur, tulis alasannya di catatan: {realisasi_kosong: …} [cek.realisasi_kosong]",
    ),
    (
        "no target for the report year at all",
        [("          target: {2022: 400}\n", "          target: {2023: 420}\n")],
        "data.yaml:21:11: peringatan: renstra.sasaran[0].indikator[0].target: 'Jumlah pencari "
        "kerja ditempatkan' tidak punya target tahun 2022 (Renstra maupun PK), sehingga "
        "capaiannya tidak dapat dihitung — tambahkan 2022: … pada target Renstranya, atau target "
        "pada kinerja: IKU1 [cek.target_kosong]",
    ),
    (
        "Renstra target of the report year missing",
        [
            ("          target: {2022: 400}\n", "          target: {2023: 420}\n"),
            ("    realisasi: 410\n", "    target: 400\n    realisasi: 410\n"),
        ],
        "data.yaml:21:11: peringatan: renstra.sasaran[0].indikator[0].target: target Renstra tahun "
        "2022 belum diisi (ada untuk 2023) — tambahkan 2022: … agar tabel IKU dan perbandingan "
        "dengan Renstra lengkap [cek.target_renstra]",
    ),
    (
        "target year outside the Renstra",
        [("          target: {2022: 400}\n", "          target: {2022: 400, 2062: 500}\n")],
        "data.yaml:21:31: peringatan: renstra.sasaran[0].indikator[0].target.2062: target tahun "
        "2062 di luar periode Renstra 2021–2026 — periksa tahunnya [cek.tahun_target]",
    ),
    (
        "a share above 100",
        [
            ("          satuan: orang\n", '          satuan: "%"\n'),
            ("          target: {2022: 400}\n", "          target: {2022: 90}\n"),
            ("    realisasi: 410\n", "    realisasi: 104.5\n"),
        ],
        "data.yaml:24:16: peringatan: kinerja.IKU1.realisasi: 104.5% lebih dari 100 — 'Jumlah "
        "pencari kerja ditempatkan' adalah bagian dari keseluruhan, jadi tidak dapat melebihi "
        "100%; periksa angkanya (tanda desimal bergeser?) [cek.persen]",
    ),
    (
        "a digit too many against the target",
        [("    realisasi: 410\n", "    realisasi: 4100\n")],
        "data.yaml:24:16: peringatan: kinerja.IKU1.realisasi: realisasi 4100 jauh dari target 400 "
        "(lebih dari 8 kali) — periksa angkanya: salah ketik angka atau tanda desimal? "
        "[cek.lonjakan]",
    ),
    (
        "a digit missing against target and last year",
        [("    realisasi: 410\n", "    realisasi: 41\n    riwayat: {2021: 395}\n")],
        "data.yaml:24:16: peringatan: kinerja.IKU1.realisasi: realisasi 41 jauh dari target 400 "
        "dan realisasi tahun lalu 395 (lebih dari 8 kali) — periksa angkanya: salah ketik angka "
        "atau tanda desimal? [cek.lonjakan]",
    ),
    (
        "rupiah with one thousands dot",
        [
            ("        pagu: 500000\n", "        pagu: 500.000\n"),
            ("        realisasi: 500000\n", ""),
        ],
        "data.yaml:34:15: peringatan: program[0].kegiatan[1].pagu: 500.000 rupiah terlalu kecil "
        "untuk anggaran — bila maksudnya 500000, tulis tanpa titik pemisah ribuan "
        "[cek.rupiah_kecil]",
    ),
    (
        "an annual budget line barely spent",
        [("        realisasi: 900000\n", "        realisasi: 50000\n")],
        "data.yaml:30:15: peringatan: program[0].kegiatan[0].pagu: serapan hanya 5,00% (realisasi "
        "50.000 dari pagu 1.000.000) — periksa pagunya: kelebihan satu angka? [cek.serapan]",
    ),
    (
        "lower is better but positif",
        [
            (
                "          nama: Jumlah pencari kerja ditempatkan\n",
                "          nama: Tingkat Pengangguran Terbuka\n",
            )
        ],
        "data.yaml:19:17: peringatan: renstra.sasaran[0].indikator[0].nama: 'Tingkat Pengangguran "
        "Terbuka' makin rendah makin baik, tetapi indikatornya positif — tambahkan polaritas: "
        "negatif (capaiannya kini dihitung realisasi/target) [cek.polaritas]",
    ),
    (
        "a row pasted twice",
        [
            (
                "        realisasi: 500000\n",
                "        realisasi: 500000\n      - nama: Kegiatan B\n        pagu: 500000\n"
                "        realisasi: 500000\n",
            )
        ],
        "data.yaml:36:9: peringatan: program[0].kegiatan[2]: 'Kegiatan B' ditulis dua kali dengan "
        "isi yang sama (pertama di baris 33) — pagu Rp500.000,00 terhitung dua kali; hapus salah "
        "satunya [cek.baris_ganda]",
    ),
    (
        "one kode for two kegiatan",
        [
            (
                "      - nama: Kegiatan A\n",
                '      - nama: Kegiatan A\n        kode: "2.07.04.2.01"\n',
            ),
            (
                "      - nama: Kegiatan B\n",
                '      - nama: Kegiatan B\n        kode: "2.07.04.2.01"\n',
            ),
        ],
        "data.yaml:35:15: peringatan: program[0].kegiatan[1].kode: kode '2.07.04.2.01' sudah "
        "dipakai untuk 'Kegiatan A' (baris 29) — setiap kegiatan punya kode sendiri; periksa "
        "kodenya [cek.kode_ganda]",
    ),
    (
        "a kode under another program",
        [
            (
                "  - nama: Program Penempatan\n",
                '  - nama: Program Penempatan\n    kode: "2.07.04"\n',
            ),
            (
                "      - nama: Kegiatan A\n",
                '      - nama: Kegiatan A\n        kode: "2.07.03.2.01"\n',
            ),
        ],
        "data.yaml:31:15: peringatan: program[0].kegiatan[0].kode: kode '2.07.03.2.01' tidak "
        "berawalan kode induknya '2.07.04' (baris 27) — periksa kodenya [cek.kode_induk]",
    ),
    (
        "a kegiatan name typed twice differently",
        [
            ("      - nama: Kegiatan A\n", "      - nama: Pelayanan Antarkerja di Daerah\n"),
            ("      - nama: Kegiatan B\n", "      - nama: Pelayanan Antar Kerja di Daerah\n"),
        ],
        "data.yaml:33:15: peringatan: program[0].kegiatan[1].nama: nama kegiatan 'Pelayanan "
        "Antar Kerja di Daerah' mirip 'Pelayanan Antarkerja di Daerah' (baris 29) — bila yang "
        "sama, tulis persis sama; bila berbeda, bedakan namanya dengan jelas [cek.nama_mirip]",
    ),
    (
        "two staff tables disagree",
        [
            (
                "program:\n",
                "sdm:\n  - {judul: A, jenis: pendidikan, kelompok: P, kolom: [PNS], baris: "
                "[{label: S1, nilai: [5]}, {label: SMA, nilai: [3]}]}\n  - {judul: B, jenis: "
                "golongan, kelompok: G, kolom: [PNS], baris: [{label: III, nilai: [7]}]}\n"
                "program:\n",
            )
        ],
        "data.yaml:27:60: peringatan: sdm[1].baris: kolom 'PNS' berjumlah 7 orang, tetapi tabel "
        "di baris 26 menghitung 8 orang untuk kolom yang sama — periksa angka kedua tabel "
        "[cek.sdm]",
    ),
    (
        "an IKU spelt two ways with two realisasi",
        [
            (
                "    sasaran: S1\n",
                "    sasaran: S1\n    indikator:\n      - {nama: Jumlah pencari kerja di "
                "tempatkan, satuan: orang, realisasi: 395}\n",
            )
        ],
        "data.yaml:29:77: peringatan: program[0].indikator[0].realisasi: indikator 'Jumlah "
        "pencari kerja di tempatkan' mirip 'Jumlah pencari kerja ditempatkan', yaitu indikator "
        "kinerja (kinerja:) dengan realisasi 410, tetapi di sini 395 — satu indikator seharusnya "
        "punya satu realisasi [cek.realisasi_beda]",
    ),
    (
        "a scale band out of order",
        [
            (
                "program:\n",
                "pengaturan:\n  skala_kategori:\n    - {label: Baik, batas: 80}\n"
                "    - {label: Cukup, batas: 85}\n    - {label: Kurang, batas: null}\nprogram:\n",
            )
        ],
        "data.yaml:28:29: pengaturan.skala_kategori[1].batas: batas 85 tidak lebih kecil dari "
        "batas pita di atasnya (80) — urutkan pita dari batas tertinggi ke terendah, tanpa batas "
        "yang sama [cek.skala]",
    ),
    (
        "a catatan that answers nothing",
        [("    realisasi: 410\n", "    realisasi: 410\n    catatan: {target_pk: PK Perubahan}\n")],
        "data.yaml:25:15: peringatan: kinerja.IKU1.catatan.target_pk: catatan 'target_pk' tidak "
        "menjawab peringatan apa pun di sini — hapus, atau pindahkan ke tempat peringatan itu "
        "ditunjukkan [cek.catatan]",
    ),
    (
        "a catatan with an unknown code",
        [
            (
                "    realisasi: 410\n",
                "    target: 420\n    realisasi: 410\n    catatan: {target_pkk: PK Perubahan}\n",
            )
        ],
        "data.yaml:26:15: kinerja.IKU1.catatan.target_pkk: kode peringatan 'target_pkk' tidak "
        "dikenal di catatan — mungkin maksudnya 'target_pk' [skema.enum]",
    ),
]


@pytest.mark.parametrize(("name", "changes", "expected"), CASES, ids=[c[0] for c in CASES])
def test_audit_message(write, name: str, changes: list[tuple[str, str]], expected: str) -> None:
    found = messages(write(changed(*changes)))
    assert expected in found
    # Each case provokes one problem (a bad catatan code leaves its warning unanswered).
    assert len(found) == 1 + ("target_pkk" in expected)


def test_last_year_file_against_riwayat(write) -> None:
    last_year = changed(
        ("  tahun: 2022\n", "  tahun: 2021\n"), ("realisasi: 410", "realisasi: 385")
    )
    write(last_year.replace("{2022: 400}", "{2021: 380}"), "lalu.yaml")
    text = changed(
        ("laporan:\n", "tahun_lalu: lalu.yaml\nlaporan:\n"),
        ("    realisasi: 410\n", "    realisasi: 410\n    riwayat: {2021: 380}\n"),
    )
    assert messages(write(text)) == [
        "data.yaml:26:21: peringatan: kinerja.IKU1.riwayat.2021: realisasi 2021 ditulis 380, "
        "tetapi berkas tahun lalu mencatat 385 — hapus riwayat 2021 (diambil dari berkas tahun "
        "lalu) atau samakan angkanya [cek.riwayat]"
    ]
    write(last_year.replace("tahun: 2021", "tahun: 2020"), "lalu.yaml")
    assert messages(write(changed(("laporan:\n", "tahun_lalu: lalu.yaml\nlaporan:\n")))) == [
        "data.yaml:8:13: peringatan: tahun_lalu: berkas tahun lalu adalah laporan tahun 2020, "
        "bukan 2021 [cek.tahun_lalu]"
    ]


def test_funds_spelt_two_ways_are_both_shown(write) -> None:
    text = changed(
        ("        sumber_dana: DAU\n", "        sumber_dana: DBHCHT\n"),
        ("      - nama: Kegiatan B\n", "      - nama: Kegiatan B\n        sumber_dana: DBHCTH\n"),
    )
    assert messages(write(text)) == [
        "data.yaml:32:22: peringatan: program[0].kegiatan[0].sumber_dana: sumber dana 'DBHCHT' "
        "mirip 'DBHCTH' (baris 34) — bila dana yang sama, tulis persis sama; bila tidak, tabel per "
        "sumber dana memisahkannya [cek.nama_mirip]",
        "data.yaml:34:22: peringatan: program[0].kegiatan[1].sumber_dana: sumber dana 'DBHCTH' "
        "mirip 'DBHCHT' (baris 32) — bila dana yang sama, tulis persis sama; bila tidak, tabel per "
        "sumber dana memisahkannya [cek.nama_mirip]",
    ]


# -- answered warnings ----------------------------------------------------------------------------


def test_an_answered_warning_is_listed_and_passes_strict(write) -> None:
    path = write(
        changed(
            (
                "    realisasi: 410\n",
                "    target: 420\n    realisasi: 410\n"
                "    catatan: {target_pk: PK Perubahan sesudah APBD-P}\n",
            )
        )
    )
    checked = check_file(path)
    assert [str(p) for p in checked.problems] == [
        "data.yaml:24:13: peringatan dijawab: kinerja.IKU1.target: target PK 420 berbeda dengan "
        "target Renstra tahun 2022 (400) — pastikan target yang diukur sama dengan yang "
        "diperjanjikan; bila memang berbeda, tulis alasannya di catatan: {target_pk: …} (dicetak "
        "di bawah tabel Perjanjian Kinerja) [cek.target_pk] — catatan: PK Perubahan sesudah APBD-P"
    ]
    assert checked.warnings == [] and len(checked.answered) == 1
    valid_document(path, strict=True)  # does not raise


def test_a_catatan_answers_only_where_the_warning_is(write) -> None:
    """The program's catatan does not answer its kegiatan's warning."""
    text = changed(
        ("        realisasi: 500000\n", "        realisasi: 600000\n"),
        ("    sasaran: S1\n", "    sasaran: S1\n    catatan: {melebihi_pagu: honor tambahan}\n"),
    )
    path = write(text)
    assert [p.code for p in check_file(path).warnings] == ["cek.catatan", "cek.melebihi_pagu"]
    with pytest.raises(ValidationFailed):
        valid_document(path, strict=True)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.parent.name for e in EXAMPLES])
def test_examples_pass_strict_by_answering(example: Path) -> None:
    checked = valid_document(example, strict=True)
    assert checked.warnings == []
    assert all(p.catatan for p in checked.answered)


# -- a check never fails on data the schema rejected -------------------------------------------


def _paths(node: Any, path: Path_ = ()) -> list[Path_]:
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*path, i))
    return found


def _broken(data: dict[str, Any], path: Path_, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    node: Any = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.parent.name for e in EXAMPLES])
def test_checks_survive_any_wrongly_typed_value(example: Path) -> None:
    """Every value replaced by one of the wrong shape: problems, never an exception."""
    doc = load(example)
    paths = _paths(doc.data)
    # Spread over the whole file; fewer for the large examples, whose validation is slower.
    sample = paths[:: max(1, len(paths) // (60 if len(paths) < 400 else 20))]
    shapes: list[Any] = [[], "x", None, {"zz": 1}]
    for n, path in enumerate(sample):
        broken = dataclasses.replace(doc, data=_broken(doc.data, path, shapes[n % len(shapes)]))
        partial = partition(broken)
        for problem in partial.problems + checks.check(broken, partial):
            assert problem.line >= 1 and problem.message


def test_every_warning_can_be_answered() -> None:
    """The schema's list of catatan codes is exactly the warnings the checks can give."""
    sources = "\n".join(
        f.read_text(encoding="utf-8") for f in (ROOT / "lkjip_gen" / "checks").glob("*.py")
    )
    calls = re.findall(r"\.warn\((.*?)\)\n", sources, re.DOTALL)
    warned = {code for call in calls for code in re.findall(r'"cek\.([a-z_]+)"', call)}
    assert warned - {"catatan"} == set(answers.answerable())
