"""The document's shape as data (``dokumen``): every setting builds a document read back."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document

from examples import MINIMAL, model
from lkjip_gen.build import check_file
from lkjip_gen.render.document import render_docx
from tests.test_render import captioned_tables, styled, table


def read(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def built(**dokumen: Any) -> Document:
    """The minimal example rendered with ``dokumen`` settings on top of its own."""
    m = model()
    m["dokumen"].update(dokumen)
    return read(render_docx(m))


def headings(document: Document, level: int) -> list[str]:
    return [t.split("\t")[-1] for t in styled(document, f"Heading{level}")]


def body_after(document: Document, heading: str) -> list[str]:
    """The paragraph texts after the heading whose text ends with ``heading``."""
    texts = [p.text for p in document.paragraphs]
    start = next(i for i, t in enumerate(texts) if t.endswith(heading))
    return texts[start + 1 :]


def test_headings_take_the_office_wording_with_placeholders() -> None:
    document = built(
        penomoran="angka",
        judul={
            "bab1": "BAB I : PENDAHULUAN",
            "bab1.dasar_hukum": "Landasan Hukum",
            "bab4.simpulan": "Kesimpulan",
            "bab3.capaian_kinerja": "Capaian Kinerja {instansi} {periode}",
            "tabel.pk": "Perjanjian Kinerja Tahun {tahun}",
            "depan.kata_pengantar": "KATA PENGANTAR",
        },
    )
    assert styled(document, "Heading1")[0] == "BAB I : PENDAHULUAN"
    assert styled(document, "Heading2")[1] == "1.2\tLandasan Hukum"
    assert "3.1\tCapaian Kinerja Dinas Tenaga Kerja Tahun 2024" in styled(document, "Heading2")
    assert headings(document, 2)[-1] == "Kesimpulan"
    assert styled(document, "JudulBagian")[0] == "KATA PENGANTAR"
    captions = [c for c, _ in captioned_tables(document)]
    assert "Tabel 2.4 Perjanjian Kinerja Tahun 2024" in captions


def test_the_closing_narrative_lands_under_its_own_heading() -> None:
    m = model()
    document = read(render_docx(m))
    chapter = body_after(document, "BAB IV PENUTUP")
    assert chapter[0] == "A.\tSimpulan"
    assert chapter[1].startswith("Capaian kinerja tahun 2024 secara umum baik")


def test_an_empty_heading_prints_the_content_without_it() -> None:
    document = built(judul={"bab4.simpulan": "", "bab4.langkah_perbaikan": ""})
    chapter = body_after(document, "BAB IV PENUTUP")
    assert "Simpulan" not in " ".join(headings(document, 2))
    assert chapter[0].startswith("Capaian kinerja tahun 2024 secara umum baik")


def test_bab_i_order_lifts_a_subsection_and_moves_another_down() -> None:
    document = built(
        penomoran="angka",
        urutan={
            "bab1": ["latar_belakang", "maksud_tujuan", "struktur_organisasi", "dasar_hukum"],
            "bab1.gambaran_umum": ["tugas_fungsi", "peran_strategis"],
        },
        judul={"bab1.struktur_organisasi": "Struktur Organisasi"},
    )
    sections = [h for h in styled(document, "Heading2") + styled(document, "Heading3")]
    assert sections[:4] == [
        "1.1\tLatar Belakang",
        "1.2\tMaksud dan Tujuan",
        "1.3\tStruktur Organisasi",
        "1.4\tDasar Hukum",
    ]
    chapter = [p.text for p in document.paragraphs]
    assert chapter.index("1.3\tStruktur Organisasi") < chapter.index(
        "1.5\tGambaran Umum Organisasi"
    )


def test_an_extra_section_at_its_place_and_level() -> None:
    document = built(
        penomoran="angka",
        bagian_tambahan=[
            {
                "id": "kerjasama",
                "judul": "Hubungan Kerjasama",
                "narasi": "Dinas bekerja sama dengan **BLK** dan perusahaan.",
                "setelah": "bab1.gambaran_umum",
                "sebelum": None,
            },
            {
                "id": "inovasi",
                "judul": "Inovasi",
                "narasi": None,
                "setelah": None,
                "sebelum": "bab1.tugas_fungsi",
            },
        ],
    )
    h2 = styled(document, "Heading2")
    assert h2[h2.index("1.4\tGambaran Umum Organisasi") + 1] == "1.5\tHubungan Kerjasama"
    assert styled(document, "Heading3")[0] == "1.4.1\tInovasi"
    assert body_after(document, "Hubungan Kerjasama")[0] == (
        "Dinas bekerja sama dengan BLK dan perusahaan."
    )


def test_hidden_sections_tables_and_front_pages_are_left_out() -> None:
    document = built(
        sembunyikan=[
            "bab1.dasar_hukum",
            "tabel.pk",
            "tabel.sasaran",
            "depan.ikhtisar_eksekutif",
        ]
    )
    assert "Dasar Hukum" not in headings(document, 2)
    captions = [c for c, _ in captioned_tables(document)]
    assert not any("Perjanjian Kinerja" in c for c in captions)
    assert not any("Realisasi dan Capaian Indikator Sasaran" in c for c in captions)
    assert "Ikhtisar Eksekutif" not in styled(document, "JudulBagian")
    assert "Perjanjian Kinerja" in headings(document, 2)  # the section keeps its text


def test_empty_columns_are_left_out_unless_kept_and_kept_ones_hidden() -> None:
    plain = read(render_docx(model()))
    assert table(plain, "Susunan Organisasi")[0] == ["No", "Unit Kerja"]
    document = built(
        kolom={"tabel.unit": {"eselon": "tampil"}, "tabel.pk": {"sumber_dana": "sembunyi"}}
    )
    units = table(document, "Susunan Organisasi")
    assert units[:2] == [["No", "Unit Kerja", "Eselon"], ["1", "2", "3"]]
    assert units[2] == ["1", "Sekretariat", "–"]
    pk = table(document, "Perjanjian Kinerja")
    assert pk[0] == ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Program"] + [
        "Anggaran (Rp)"
    ]
    assert pk[-1] == ["JUMLAH", "2.650.000.000"]


def test_budget_table_title_and_sentence_follow_the_depth_of_the_budget() -> None:
    document = read(render_docx(model()))
    captions = [c for c, _ in captioned_tables(document)]
    assert any(
        "Realisasi Anggaran dan Kinerja Program, Kegiatan dan Sub Kegiatan" in c for c in captions
    )
    sentence = next(p.text for p in document.paragraphs if "dialokasikan untuk" in p.text)
    assert "dialokasikan untuk 3 program, 3 kegiatan dan 3 sub kegiatan." in sentence


# ---------------------------------------------------------------- the validator


OFFICE = """\
instansi:
  pemda: Kota Uji
  nama: Dinas Tenaga Kerja
  kepala: {nama: BUDI}
laporan: {jenis: tahunan, tahun: 2022}
renstra:
  periode_awal: 2021
  periode_akhir: 2026
  sasaran:
    - id: S1
      uraian: Meningkatnya penempatan
      indikator: [{id: IKU1, nama: Penempatan, satuan: orang, target: {2022: 400}}]
kinerja: {IKU1: {realisasi: 410}}
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return [str(p).replace(f"{path}", "data.yaml") for p in check_file(path).problems]


def test_dokumen_mistakes_are_named_with_what_to_write(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        OFFICE
        + """\
dokumen:
  judul:
    bab1.dasar_hokum: Landasan Hukum
    tabel.pk: Perjanjian Kinerja {tahunn}
    bab2: ""
  sembunyikan: [bab3, tabel.sumber_dna]
  urutan:
    bab1: [latar_belakang, latar_belakang]
    bab1.gambaran_umum: [sumber_daya, gambaran_umum]
  bagian_tambahan:
    - {id: kerjasama, judul: Kerjasama}
    - {id: mitra, judul: Mitra, setelah: bab1.gambaran_umum}
  kolom:
    tabel.unit: {jabatan: tampil}
""",
    )
    assert [m.split(": ", 1)[1] for m in found if "[cek.dokumen]" in m] == [
        "dokumen.judul.bab1.dasar_hokum: judul 'bab1.dasar_hokum' tidak dikenal; maksudnya "
        "bab1.dasar_hukum? — daftar id ada di Panduan, bagian Bentuk dokumen [cek.dokumen]",
        "dokumen.judul.tabel.pk: isian {tahunn} tidak dikenal — yang dapat dipakai: {instansi}, "
        "{pemda}, {tahun}, {periode}, {periode_renstra}, {tahun_akhir_renstra}, "
        "{tingkat_anggaran} [cek.dokumen]",
        "dokumen.judul.bab2: judul bab tidak boleh kosong [cek.dokumen]",
        "dokumen.sembunyikan[0]: bab3 adalah bab; bab tidak dapat disembunyikan [cek.dokumen]",
        "dokumen.sembunyikan[1]: bagian atau tabel 'tabel.sumber_dna' tidak dikenal; maksudnya "
        "tabel.sumber_dana? — daftar id ada di Panduan, bagian Bentuk dokumen [cek.dokumen]",
        "dokumen.urutan.bab1[1]: latar_belakang sudah disebut di urutan bab1 [cek.dokumen]",
        "dokumen.urutan.bab1.gambaran_umum[1]: gambaran_umum punya subbab sendiri, jadi tidak "
        "dapat menjadi sub-subbab [cek.dokumen]",
        "dokumen.bagian_tambahan[0]: tulis tempat bagian ini dengan tepat satu dari setelah: "
        "atau sebelum:, misalnya setelah: bab1.gambaran_umum [cek.dokumen]",
        "dokumen.kolom.tabel.unit.jabatan: kolom 'jabatan' tidak dikenal; maksudnya pejabat? — "
        "daftar id ada di Panduan, bagian Bentuk dokumen [cek.dokumen]",
    ]


def test_an_atasan_missing_or_without_name_is_warned(tmp_path: Path) -> None:
    found = problems(tmp_path, OFFICE)
    assert found == [
        "data.yaml:2:3: peringatan: instansi: nama atasan (pihak kedua Perjanjian Kinerja) tidak "
        "diisi — dicetak jabatan Wali Kota Uji dengan baris nama titik-titik untuk ditulis "
        "tangan; isi instansi.atasan.nama bila sudah diketahui [cek.ttd]"
    ]


def test_the_old_numbering_setting_still_applies_and_says_where_it_moved(tmp_path: Path) -> None:
    text = OFFICE.replace(
        "  kepala: {nama: BUDI}\n", "  kepala: {nama: BUDI}\n  atasan: {nama: X}\n"
    )
    found = problems(tmp_path, text + "pengaturan: {penomoran: angka}\n")
    assert found == [
        "data.yaml:15:25: peringatan: pengaturan.penomoran: sudah dipindah ke dokumen — tulis "
        "dokumen: {penomoran: angka}, lalu hapus baris ini [cek.usang]"
    ]
    assert check_file(tmp_path / "data.yaml").model["dokumen"]["penomoran"] == "angka"  # type: ignore[index]


@pytest.mark.parametrize("hidden", [False, True])
def test_a_sumber_dana_table_saying_nothing_is_left_out_with_a_note(
    tmp_path: Path, hidden: bool
) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("sumber_dana: DAU", "keterangan: x")
    text = text.replace("sumber_dana: DBHCHT", "keterangan: y")
    if hidden:
        text += "dokumen:\n  sembunyikan: [tabel.sumber_dana]\n"
    (tmp_path / "profil.yaml").write_text(
        (MINIMAL.parent / "profil.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = tmp_path / "lkjip-2024.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(path)
    codes = [p.code for p in checked.problems]
    assert codes == ([] if hidden else ["cek.tabel_kosong"])
    captions = [c for c, _ in captioned_tables(read(render_docx(checked.model)))]  # type: ignore[arg-type]
    assert not any("Sumber Dana" in c for c in captions)


# ---------------------------------------------------------------- the Perjanjian Kinerja


def test_a_pk_with_an_atasan_known_by_jabatan_only_has_both_parties(tmp_path: Path) -> None:
    profile = (MINIMAL.parent / "profil.yaml").read_text(encoding="utf-8")
    profile = profile.replace(
        "  atasan:\n    nama: SITI RAHAYU\n    jabatan: Bupati Contoh\n",
        "  atasan:\n    status: plt\n",
    )
    (tmp_path / "profil.yaml").write_text(profile, encoding="utf-8")
    year = tmp_path / "lkjip-2024.yaml"
    year.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    checked = check_file(year)
    assert [p.code for p in checked.problems] == ["cek.ttd"]
    document = read(render_docx(checked.model, document="pk"))  # type: ignore[arg-type]
    parties = [[c.text for c in row.cells] for t in document.tables[:2] for row in t.rows]
    assert parties == [
        ["Nama", ":", "Dr. BUDI SANTOSO, S.E., M.M."],
        ["Jabatan", ":", "Kepala Dinas Tenaga Kerja Kabupaten Contoh"],
        ["Nama", ":", "." * 40],
        ["Jabatan", ":", "Plt. Bupati Contoh"],
    ]
    texts = [p.text for p in document.paragraphs]
    assert "selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua." in texts
    assert any(t.startswith("Pihak kedua akan melakukan supervisi") for t in texts)
    signatures = [t for t in document.tables if "PIHAK KEDUA," in t.rows[0].cells[0].text]
    assert len(signatures) == 2  # the statement page and the annex
    left, right = (cell.text.splitlines() for cell in signatures[0].rows[1].cells)
    assert left[-1] == "." * 40 and "Dr. BUDI SANTOSO, S.E., M.M." in right
    assert signatures[0].rows[0].cells[0].text.splitlines() == [
        "PIHAK KEDUA,",
        "PLT. BUPATI CONTOH",
    ]
