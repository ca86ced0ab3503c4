"""Tests for the rendered LKjIP and PK documents, read back with python-docx."""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from examples import EXAMPLES, MINIMAL, PASAMAN, SUMENEP, model
from examples import rendered as _rendered
from lkjip_gen.compute import compute
from lkjip_gen.data.dokumen import FRONT
from lkjip_gen.data.load import load
from lkjip_gen.errors import LkjipError
from lkjip_gen.render.document import render_docx
from lkjip_gen.render.images import solid_png
from lkjip_gen.render.outline import Shape


def read(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def styled(document: Document, style_id: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.style_id == style_id]


def all_text(document: Document) -> str:
    """Every paragraph of the body, its tables and the footers, one per line."""
    body = document.element.body
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    for section in document.sections:
        lines += [p.text for p in section.footer.paragraphs]
    return "\n".join(lines)


def captioned_tables(
    document: Document, *, body_only: bool = False
) -> Iterator[tuple[str, list[list[str]]]]:
    """(table title, rows of cell texts) for every table that has a "Judul Tabel" title.

    ``body_only`` leaves out the header rows (those repeated on every page).
    """
    caption = None
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            name = style.get(qn("w:val")) if style is not None else None
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            caption = text if name == "JudulTabel" else (caption if not text else None)
        elif child.tag == qn("w:tbl") and caption:
            rows = [
                ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))]
                for tr in child.iter(qn("w:tr"))
                if not (body_only and tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None)
            ]
            yield caption, rows
            caption = None


def table(document: Document, title_part: str) -> list[list[str]]:
    found = [rows for caption, rows in captioned_tables(document) if title_part in caption]
    assert found, f"tidak ada tabel berjudul '{title_part}'"
    return found[0]


def caption(path: Path, key: str) -> str:
    """The caption an example prints for table ``key`` (its dokumen.judul, or the default)."""
    return Shape(model(path)).caption(key)


def row_with(rows: list[list[str]], text: str) -> list[str]:
    found = [r for r in rows if any(text in cell for cell in r)]
    assert found, f"tidak ada baris berisi '{text}'"
    return found[0]


# ---------------------------------------------------------------- structure and values


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_example_renders_with_chapters_in_order(path: Path) -> None:
    document = read(_rendered(path, "lkjip"))
    # The chapters and front pages the office's dokumen: settings print, in the default order.
    shape = Shape(model(path))
    assert styled(document, "Heading1") == [shape.text(f"bab{n}") for n in range(1, 5)]
    assert [h.split()[1] for h in styled(document, "Heading1")] == ["I", "II", "III", "IV"]
    front = styled(document, "JudulBagian")
    assert front == [shape.text(key) for key in FRONT if not shape.hidden(key)]
    assert front[0] in ("Kata Pengantar", "Daftar Isi")
    assert front[-1].startswith("LAMPIRAN: PERJANJIAN KINERJA")
    text = all_text(document)
    assert "None" not in text
    assert not re.search(r"{{|{%|}}|%}", text), "tag templat tertinggal di dokumen"
    for cell in document.element.body.iter(qn("w:tc")):
        assert cell.find(qn("w:p")) is not None, "sel tanpa paragraf (Word menolaknya)"
        props = cell.find(qn("w:tcPr"))
        names = [child.tag.rsplit("}", 1)[1] for child in props]
        known = [n for n in ("tcW", "gridSpan", "vMerge", "shd", "vAlign") if n in names]
        assert [n for n in names if n in known] == known, f"urutan tcPr salah: {names}"


def test_sections_are_numbered_by_the_office_setting() -> None:
    document = read(_rendered(MINIMAL, "lkjip"))
    sections = styled(document, "Heading2")
    assert sections[:3] == ["A.\tLatar Belakang", "B.\tDasar Hukum", "C.\tMaksud dan Tujuan"]
    numbered = model()
    numbered["dokumen"]["penomoran"] = "angka"
    document = read(render_docx(numbered))
    assert styled(document, "Heading2")[0] == "1.1\tLatar Belakang"
    assert styled(document, "Heading3")[0] == "1.4.1\tTugas dan Fungsi"
    captions = [c for c, _ in captioned_tables(document)]
    assert captions[0].startswith("Tabel 1.1 ")
    numbered["dokumen"]["penomoran"] = "angka_titik"
    document = read(render_docx(numbered))
    assert styled(document, "Heading2")[0] == "1.1.\tLatar Belakang"
    assert styled(document, "Heading3")[0] == "1.4.1.\tTugas dan Fungsi"
    numbered["dokumen"]["penomoran"] = "tanpa"
    document = read(render_docx(numbered))
    assert styled(document, "Heading2")[0] == "Latar Belakang"
    assert [c for c, _ in captioned_tables(document)][0].startswith("Tabel 1.1 ")


def test_iku1_realisasi_from_pembilang_and_capaian_in_the_tables() -> None:
    document = read(_rendered(MINIMAL, "lkjip"))
    ratio = row_with(table(document, "Perhitungan Realisasi"), "pencari kerja yang ditempatkan")
    assert ratio[2].startswith("97") and ratio[3].startswith("200")
    assert ratio[4] == "48,50%"
    measured = row_with(table(document, "Pengukuran Kinerja"), "pencari kerja yang ditempatkan")
    assert measured[4:8] == ["48", "48,50", "101,04", "Sangat Tinggi"]
    tpt = row_with(table(document, "Pengukuran Kinerja"), "Tingkat Pengangguran Terbuka")
    assert tpt[4:7] == ["4,4", "4,1", "106,82"]
    pk = row_with(table(document, "Perjanjian Kinerja"), "Program Penempatan Tenaga Kerja")
    assert "48%" in pk and "150.000.000" in pk


def test_totals_rows() -> None:
    document = read(_rendered(MINIMAL, "lkjip"))
    budget = table(document, "Realisasi Anggaran dan Kinerja Program")
    assert budget[-1][0] == "JUMLAH"
    assert budget[-1][-4:-1] == ["2.650.000.000", "2.542.500.000", "95,94"]
    assert table(document, "Perjanjian Kinerja")[-1][-2] == "2.650.000.000"
    sumenep = read(_rendered(SUMENEP, "lkjip"))
    staff = table(sumenep, "Struktur Perangkat Daerah")
    assert staff[-1][0] == "JUMLAH" and staff[-1][-1] == "39"


def test_efficiency_and_belanja_tables_end_in_jumlah() -> None:
    """Seed 002's Tabel 3.3.8 and 3.4 totals, from the model's per-sasaran and belanja sums."""
    pasaman = read(_rendered(PASAMAN, "lkjip"))
    efficiency = table(pasaman, "Efisiensi Penggunaan Sumber Daya")
    assert efficiency[-1] == [
        "JUMLAH",
        "100,28",  # the overall average capaian the efficiency is measured from
        "5.197.839.192",
        "4.904.388.885",
        "94,35",
        "5,65",
        "Efisien",
    ]
    belanja = table(pasaman, caption(PASAMAN, "tabel.belanja"))
    assert belanja[-1] == ["JUMLAH", "5.197.839.192", "4.904.388.885", "293.450.307", "94,35"]
    data = model()
    data["anggaran"]["per_sasaran_jumlah"].update(efisiensi=Decimal("-1.50"), efisien=False)
    row = table(read(render_docx(data)), "Efisiensi Penggunaan Sumber Daya")[-1]
    assert row[0] == "JUMLAH" and row[-2:] == ["-1,50", "Tidak efisien"]


def test_tables_print_the_models_values_as_given() -> None:
    """Realisasi, past capaian, band ranges and sumber dana are read, never derived again."""
    data = model()
    for i in data["indikator"] + [i for s in data["sasaran"] for i in s["indikator"]]:
        if i["id"] == "IKU1":
            i["realisasi"] = Decimal("48.57")  # not what rounding realisasi_tepat would give
            i["riwayat"][0]["capaian"] = Decimal("11.11")  # nor capaian_tepat
    data["pengaturan"]["skala"][1]["rentang"] = "rentang dari model"
    program = next(r for r in data["anggaran"]["baris"] if r["nomor"] == "2")
    program["sumber_dana"] = ["DAK", "DAU"]  # the rows below it use DBHCHT
    data["pk"]["program"][1]["sumber_dana"] = ["DBHCHT", "DAK"]
    document = read(render_docx(data))
    measured = row_with(table(document, "Pengukuran Kinerja"), "pencari kerja yang ditempatkan")
    assert measured[5] == "48,57"
    history = row_with(table(document, "Tahun Sebelumnya"), "pencari kerja yang ditempatkan")
    assert history[2:4] == ["43,1", "11,11"]
    assert ["2", "rentang dari model", "Tinggi"] in table(document, "Skala Kategori")
    budget = row_with(table(document, "Realisasi Anggaran dan Kinerja"), "Program Pelatihan")
    assert budget[-1] == "DAK & DAU"
    pk = row_with(table(document, "Perjanjian Kinerja Dinas"), "Program Pelatihan")
    assert pk[-1] == "DBHCHT & DAK"
    annex = read(render_docx(data, document="pk"))
    rows = [[cell.text for cell in row.cells] for grid in annex.tables for row in grid.rows]
    assert row_with(rows, "Program Pelatihan")[-1] == "DBHCHT & DAK"


def test_keterangan_column_only_when_a_budget_row_has_one() -> None:
    """Seed 002 Tabel 3.4.3 explains low serapan beside the sub kegiatan row."""
    pasaman = read(_rendered(PASAMAN, "lkjip"))
    rows = table(pasaman, caption(PASAMAN, "tabel.anggaran"))
    assert rows[0][-1] == "Keterangan"
    listrik = row_with(rows, "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik")
    assert listrik[-2:] == [
        "APBD Kabupaten Pasaman Barat",
        "Rendahnya realisasi keuangan karena adanya sisa tagihan listrik dan air",
    ]
    assert row_with(rows, "JUMLAH")[-1] == ""
    minimal = table(read(_rendered(MINIMAL, "lkjip")), "Realisasi Anggaran dan Kinerja")
    assert "Keterangan" not in minimal[0]


def test_budget_per_sasaran_lists_the_indicator_names() -> None:
    """Seed 001 Tabel 3.6: each sasaran beside its indicators, one paragraph per name (the
    example itself prints no such table: shown here with dokumen.sembunyikan emptied)."""
    data = model(SUMENEP)
    data["dokumen"]["sembunyikan"] = []
    sumenep = read(render_docx(data))
    rows = table(sumenep, "per Sasaran Strategis")
    assert rows[0][:3] == ["No", "Sasaran Strategis", "Indikator Kinerja"]
    first = row_with(rows, "Meningkatnya perluasan lapangan kerja")
    assert first[2] == "Partisipasi angkatan kerjaPersentase Pencari Kerja yang ditempatkan"
    assert first[3] == "1.765.991.439"
    assert row_with(rows, "Program tanpa sasaran langsung")[2] == ""
    caption = next(p for p in sumenep.paragraphs if "per Sasaran Strategis" in p.text)._p
    cell = caption.getnext().findall(qn("w:tr"))[2].findall(qn("w:tc"))[2]
    assert ["".join(t.text for t in p.iter(qn("w:t"))) for p in cell.iter(qn("w:p"))] == [
        "Partisipasi angkatan kerja",
        "Persentase Pencari Kerja yang ditempatkan",
    ]


def test_measurement_rows_grouped_under_their_misi() -> None:
    """Seed 002 Tabel 3.2.1: a spanning "Misi N: …" row above the rows serving that misi."""
    misi_1 = "Misi 1: Mewujudkan tata kelola pemerintahan yang profesional dan inovatif"
    misi_3 = "Misi 3: Mewujudkan perekonomian yang tangguh, berdaya saing dan inklusif"
    # As the example prints it: tujuan in a table of their own (dokumen.tujuan_terpisah).
    pasaman = read(_rendered(PASAMAN, "lkjip"))
    rows = table(pasaman, caption(PASAMAN, "tabel.pengukuran"))
    texts = [r[0] for r in rows]
    assert rows[0][1] == "Sasaran Strategis"
    assert texts[2:4] == [misi_1, "1.1.1"] and "TUJUAN" not in texts
    assert texts[texts.index(misi_3) + 1] == "2.1.1"
    rows = table(pasaman, caption(PASAMAN, "tabel.pengukuran_tujuan"))
    assert rows[0][1] == "Tujuan"
    assert [r[0] for r in rows][2:4] == [misi_3, "2.1"]
    # One table: a group row for tujuan, then for sasaran, each with its misi rows.
    data = model(PASAMAN)
    data["dokumen"]["tujuan_terpisah"] = False
    rows = table(read(render_docx(data)), caption(PASAMAN, "tabel.pengukuran"))
    texts = [r[0] for r in rows]
    assert rows[0][1] == "Tujuan / Sasaran Strategis"
    assert [misi_1] in rows and [misi_3] in rows
    sasaran = texts.index("SASARAN STRATEGIS")
    assert texts[sasaran + 1] == misi_1
    assert texts[sasaran + 2] == "1.1.1"
    assert texts[texts.index(misi_3, sasaran) + 1] == "2.1.1"
    assert texts[texts.index("TUJUAN") + 1] == misi_3
    data = model()
    data["misi"] = []
    plain = table(read(render_docx(data)), "Pengukuran Kinerja")
    assert not any(r[0].startswith("Misi ") for r in plain)


def test_efficiency_threshold_in_the_method_sentence() -> None:
    data = model()
    data["pengaturan"]["ambang_efisien"] = Decimal("5.0")
    text = all_text(read(render_docx(data)))
    assert "dinilai efisien bila tingkat efisiensinya lebih dari 5." in text
    data["pengaturan"]["ambang_efisien"] = Decimal("2.5")
    text = all_text(read(render_docx(data)))
    assert "dinilai efisien bila tingkat efisiensinya lebih dari 2,5." in text


def test_text_with_sisa_anggaran_in_words() -> None:
    text = all_text(read(_rendered(MINIMAL, "lkjip")))
    assert (
        "sisa anggaran sebesar Rp107.500.000,00 (seratus tujuh juta lima ratus ribu rupiah)" in text
    )
    assert (
        "rata-rata capaian kinerja Tahun 2024 adalah 99,47% dengan kategori Sangat Tinggi" in text
    )


def test_header_rows_repeat_and_number_row_follows() -> None:
    document = read(_rendered(MINIMAL, "lkjip"))
    grids = [
        t
        for t in document.element.body.iter(qn("w:tbl"))
        if t.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}").get(qn("w:val")) == "TabelLKjIP"
    ]
    assert len(grids) > 10
    for grid in grids:
        first = grid.find(qn("w:tr"))
        assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    for _, rows in captioned_tables(document):
        numbers = next(r for r in rows if r and r[0] == "1")
        assert numbers == [str(n) for n in range(1, len(numbers) + 1)]


def test_hierarchy_cells_are_merged_vertically() -> None:
    document = read(_rendered(MINIMAL, "lkjip"))
    title = next(c for c in document.paragraphs if "Hubungan Misi" in c.text)._p
    grid = title.getnext()
    rows = grid.findall(qn("w:tr"))[2:]
    misi = [r.find(qn("w:tc")).find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") for r in rows]
    assert misi[0].get(qn("w:val")) == "restart"
    assert misi[1] is not None and misi[1].get(qn("w:val")) in (None, "continue")


def test_landscape_section_and_paper_size() -> None:
    document = read(_rendered(MINIMAL, "lkjip"))
    sizes = [(s.page_width, s.page_height) for s in document.sections]
    assert any(w > h for w, h in sizes), "tidak ada halaman mendatar"
    assert {max(w, h) for w, h in sizes} == {docx.shared.Twips(16838)}
    f4 = model()
    f4["pengaturan"]["kertas"] = "F4"
    for section in read(render_docx(f4)).sections:
        assert {section.page_width, section.page_height} == {
            docx.shared.Twips(12189),
            docx.shared.Twips(18709),
        }


def test_page_numbers_restart_at_bab_i() -> None:
    document = read(_rendered(MINIMAL, "lkjip"))
    types = [s._sectPr.find(qn("w:pgNumType")) for s in document.sections]  # noqa: SLF001
    assert types[0].get(qn("w:fmt")) == "lowerRoman"
    assert types[1].get(qn("w:fmt")) == "decimal" and types[1].get(qn("w:start")) == "1"


def test_numbered_lists_restart_per_list() -> None:
    data = model()
    data["narasi"]["latar_belakang"] = (
        "Pertama:\n\n1. satu\n2. dua\n\nLalu:\n\n1. tiga\n   - sub\n2. empat"
    )
    document = read(render_docx(data))
    items = [p for p in document.paragraphs if p.style.style_id == "ListNumber"]
    ids = [
        p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))  # noqa: SLF001
        for p in items
        if p.text in ("satu", "dua", "tiga", "empat")
    ]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[1] != ids[2]


def test_narrative_bold_italic_and_lists() -> None:
    data = model()
    data["narasi"]["latar_belakang"] = "Teks **tebal** dan *miring*.\n\n- butir\n\na. huruf"
    document = read(render_docx(data))
    para = next(p for p in document.paragraphs if p.text == "Teks tebal dan miring.")
    assert [(r.text, r.bold, r.italic) for r in para.runs] == [
        ("Teks ", None, None),
        ("tebal", True, None),
        (" dan ", None, None),
        ("miring", None, True),
        (".", None, None),
    ]
    kinds = {p.text: p.style.style_id for p in document.paragraphs}
    assert kinds["butir"] == "ListBullet" and kinds["huruf"] == "DaftarHuruf"


# ---------------------------------------------------------------- reproducibility


def test_two_renders_are_byte_identical() -> None:
    assert render_docx(model()) == render_docx(model())
    assert render_docx(model(), document="pk") == render_docx(model(), document="pk")


def test_properties_come_from_the_data() -> None:
    document = read(_rendered(MINIMAL, "lkjip"))
    props = document.core_properties
    assert props.author == "Dinas Tenaga Kerja Kabupaten Contoh"
    assert props.created.date().isoformat() == "2025-02-20" == props.modified.date().isoformat()
    assert props.title.startswith("Laporan Kinerja Instansi Pemerintah Dinas Tenaga Kerja")


def test_an_office_name_longer_than_a_property_holds_is_printed_whole() -> None:
    data = model()
    data["instansi"]["nama"] = "Dinas" + " Tenaga Kerja" * 30  # 365 characters
    document = read(render_docx(data))
    assert data["instansi"]["nama"] in all_text(document)
    props = document.core_properties
    assert len(props.title) == len(props.author) == 255
    assert props.author == f"{data['instansi']['nama'][:254]}…"


# ---------------------------------------------------------------- user text reaches the page


TRICKY = "& <b>x</b> \"kutip\" 'tunggal' {_{ }_} {{ x }} 日本語 العربية"


def test_special_characters_in_every_name_and_narrative_reach_the_document() -> None:
    doc = load(MINIMAL)
    data = copy.deepcopy(doc.data)
    fields: dict[str, str] = {}

    def mark(name: str) -> str:
        fields[name] = f"{name} {TRICKY}"
        return fields[name]

    instansi = data["instansi"]
    for key in ("nama", "pemda", "alamat"):
        instansi[key] = mark(f"instansi.{key}")
    instansi["kepala"]["nama"] = mark("kepala.nama")
    instansi["kepala"]["jabatan"] = mark("kepala.jabatan")
    instansi["kepala"]["pangkat"] = mark("kepala.pangkat")
    instansi["atasan"]["nama"] = mark("atasan.nama")
    data["renstra"]["visi"] = mark("visi")
    for i, m in enumerate(data["renstra"]["misi"]):
        m["uraian"] = mark(f"misi{i}")
    for i, t in enumerate(data["renstra"]["tujuan"]):
        t["uraian"] = mark(f"tujuan{i}")
        for j, ind in enumerate(t["indikator"]):
            ind["nama"] = mark(f"indtujuan{i}.{j}")
    for i, s in enumerate(data["renstra"]["sasaran"]):
        s["uraian"] = mark(f"sasaran{i}")
        s["strategi"] = [mark(f"strategi{i}")]
        for j, ind in enumerate(s["indikator"]):
            ind["nama"] = mark(f"indsasaran{i}.{j}")
    for i, p in enumerate(data["program"]):
        p["nama"] = mark(f"program{i}")
        for j, k in enumerate(p["kegiatan"]):
            k["nama"] = mark(f"kegiatan{i}.{j}")
            for m_, sub in enumerate(k["sub_kegiatan"]):
                sub["nama"] = mark(f"sub{i}.{j}.{m_}")
    from lkjip_gen.data.schema import load_schema

    for key in load_schema()["properties"]["narasi"]["properties"]:
        data["narasi"][key] = mark(f"narasi.{key}")
    data["analisis"]["S1"] = {
        k: mark(f"analisis.{k}")
        for k in ("penyebab", "solusi", "program_pendukung", "efisiensi", "lainnya")
    }
    data["dasar_hukum"] = [mark("dasar_hukum")]
    data["organisasi"]["tugas"] = mark("organisasi.tugas")
    data["organisasi"]["kedudukan"] = mark("organisasi.kedudukan")
    data["organisasi"]["fungsi"] = [mark("organisasi.fungsi")]
    data["organisasi"]["unit"][0]["nama"] = mark("unit")
    result = compute(data)
    text = all_text(read(render_docx(result)))
    missing = [name for name, value in fields.items() if value not in text]
    assert not missing, f"tidak ditemukan utuh: {missing}"
    pk_text = all_text(read(render_docx(result, document="pk")))
    for name in ("kepala.nama", "atasan.nama", "sasaran0", "indsasaran0.0", "program0"):
        assert fields[name] in pk_text


def test_characters_xml_cannot_hold_are_dropped_not_fatal() -> None:
    data = model()
    data["instansi"]["nama"] = "Dinas\x0bTenaga\x00Kerja"
    data["narasi"]["latar_belakang"] = "Latar\x1fbelakang"
    text = all_text(read(render_docx(data)))
    assert "DinasTenagaKerja" in text and "Latarbelakang" in text


# ---------------------------------------------------------------- absent data


def test_absent_sections_leave_no_empty_table_and_no_none() -> None:
    data = copy.deepcopy(load(MINIMAL).data)
    for key in ("narasi", "organisasi", "dasar_hukum", "analisis"):
        data.pop(key, None)
    for s in data["renstra"]["sasaran"]:
        s.pop("strategi", None)
        s.pop("arah_kebijakan", None)
    document = read(render_docx(compute(data)))
    text = all_text(document)
    assert "None" not in text
    for heading in (
        "Latar Belakang",
        "Dasar Hukum",
        "Gambaran Umum",
        "Strategi dan Arah",
        "Penyebab keberhasilan",
        "Permasalahan dan Strategi",
    ):
        assert heading not in text
    for caption, rows in captioned_tables(document, body_only=True):
        assert rows, f"tabel kosong: {caption}"


def test_pk_before_any_realisasi() -> None:
    """A January model: targets and pagu only. The LKjIP skips measured sentences, PK renders."""
    doc = load(MINIMAL)
    data = copy.deepcopy(doc.data)
    data["kinerja"] = {}
    for program in data["program"]:
        for kegiatan in program["kegiatan"]:
            for sub in kegiatan["sub_kegiatan"]:
                sub.pop("realisasi", None)
                for ind in sub.get("indikator", []):
                    ind.pop("realisasi", None)
        for ind in program.get("indikator", []):
            ind.pop("realisasi", None)
    result = compute(data)
    text = all_text(read(render_docx(result)))
    assert "None" not in text
    assert "Realisasi indikator kinerja belum diukur pada periode ini." in text
    pk = read(render_docx(result, document="pk"))
    pk_text = all_text(pk)
    assert "PERJANJIAN KINERJA TAHUN 2024" in pk_text
    assert (
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
        "akuntabel serta berorientasi pada hasil" in pk_text
    )
    assert "selanjutnya disebut pihak pertama" in pk_text
    assert "selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua" in pk_text
    assert "PIHAK KEDUA," in pk_text and "PIHAK PERTAMA," in pk_text
    assert "Contoh, Januari 2024" in pk_text
    assert "NIP. 19700101 199503 1 001" in pk_text
    assert "Jumlah Anggaran" in pk_text and "2.650.000.000" in pk_text
    assert "BAB I" not in pk_text


# ---------------------------------------------------------------- images


def png(width: int = 4, height: int = 2) -> bytes:
    return solid_png(width, height, b"\xff\x00\x00")


def test_logo_and_bagan_are_embedded(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(png())
    (tmp_path / "bagan.png").write_bytes(png(40, 10))
    data = model()
    data["instansi"]["logo"] = str(tmp_path / "logo.png")
    data["organisasi"]["bagan"] = str(tmp_path / "bagan.png")
    data["pengaturan"]["grafik"]["tampil"] = []  # no charts: the two images are the data's
    data_bytes = render_docx(data)
    assert render_docx(data) == data_bytes
    document = read(data_bytes)
    images = [r for r in document.part.rels.values() if r.reltype.endswith("/image")]
    assert len(images) == 2
    assert "Gambar 1.1 Bagan Struktur Organisasi" in all_text(document)
    alt = {e.get("descr") for e in document.element.body.iter(qn("wp:docPr"))}
    assert alt == {
        "Bagan struktur organisasi Dinas Tenaga Kerja Kabupaten Contoh",
        "Logo Kabupaten Contoh",
    }


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "tidak ditemukan"),
        (b"GIF89a....", "PNG atau JPEG"),
        (b"<svg/>", "PNG atau JPEG"),
    ],
)
def test_missing_or_unsupported_image_is_a_clear_error(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "logo.img"
    if content is not None:
        path.write_bytes(content)
    data = model()
    data["instansi"]["logo"] = str(path)
    with pytest.raises(LkjipError, match=message):
        render_docx(data)


def test_templates_kept_on_disk_give_the_same_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lkjip_gen.render import prepare, sandbox

    def forget() -> None:  # what a new lkjip process starts with
        prepare._prepared.clear()
        prepare._patched.clear()
        sandbox._COMPILED.clear()

    monkeypatch.setenv("LKJIP_CACHE", str(tmp_path / "cache"))
    forget()
    first = render_docx(model())
    entries = sorted(p.parent.name for p in (tmp_path / "cache").rglob("*") if p.is_file())
    # The prepared template (package and body) and the compiled code of its larger parts.
    assert entries.count("templat") == 2 and set(entries) == {"jinja", "templat"}
    forget()
    assert render_docx(model()) == first  # read back from the disk
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"rusak")
    forget()
    assert render_docx(model()) == first  # a damaged entry is made anew
    monkeypatch.setenv("LKJIP_CACHE", "0")
    forget()
    assert render_docx(model()) == first
