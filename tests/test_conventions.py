"""Office conventions as data: a negative scale, indicators not scored, budgets per sasaran."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import docx
from docx.document import Document

from examples import MINIMAL
from lkjip_gen.build import Checked, check_file
from lkjip_gen.render.document import render_docx
from tests.test_render import captioned_tables, row_with, table

PROFILE = (MINIMAL.parent / "profil.yaml").read_text(encoding="utf-8")
YEAR = MINIMAL.read_text(encoding="utf-8")


def office(tmp_path: Path, profile: str = PROFILE, year: str = YEAR) -> Checked:
    (tmp_path / "profil.yaml").write_text(profile, encoding="utf-8")
    path = tmp_path / "lkjip-2024.yaml"
    path.write_text(year, encoding="utf-8")
    return check_file(path)


def document(checked: Checked) -> Document:
    assert checked.model is not None, [str(p) for p in checked.problems]
    return docx.Document(io.BytesIO(render_docx(checked.model)))


def test_a_negative_indicator_is_read_on_its_own_reversed_scale(tmp_path: Path) -> None:
    profile = PROFILE.replace(
        "  rumus_negatif: selisih",
        "  rumus_negatif: langsung\n  skala_kategori_negatif: terbalik",
    )
    checked = office(tmp_path, profile)
    tpt = next(i for i in checked.model["indikator"] if i["id"] == "TPT")  # type: ignore[index]
    assert tpt["capaian"] == Decimal("93.18")  # 4,1 / 4,4 × 100, scored like a positive one
    assert tpt["kategori"] == "Sangat Rendah"  # ≥ 91 reads the other way round
    iku = next(i for i in checked.model["indikator"] if i["id"] == "IKU1")  # type: ignore[index]
    assert iku["kategori"] == "Sangat Tinggi"  # positive indicators keep the scale
    built = document(checked)
    assert row_with(table(built, "Pengukuran Kinerja"), "Tingkat Pengangguran")[-2:] == [
        "93,18",
        "Sangat Rendah",
    ]
    negative = table(built, "Skala Kategori Capaian Indikator Negatif")
    assert [r[2] for r in negative[2:]] == [
        "Sangat Rendah",
        "Rendah",
        "Sedang",
        "Tinggi",
        "Sangat Tinggi",
    ]
    assert [r[1] for r in negative[2:]][0] == "x ≥ 91"
    method = [p.text for p in built.paragraphs if "dibaca dengan skala kategori" in p.text]
    assert method, "the formula used is printed"


def test_an_indicator_shown_but_not_scored(tmp_path: Path) -> None:
    profile = PROFILE.replace(
        "          nama: Jumlah tenaga kerja yang dilatih\n",
        "          nama: Jumlah tenaga kerja yang dilatih\n          dinilai: false\n",
    )
    checked = office(tmp_path, profile)
    model = checked.model
    iku2 = next(i for i in model["indikator"] if i["id"] == "IKU2")  # type: ignore[index]
    assert (iku2["capaian"], iku2["kategori"], iku2["status"]) == (None, None, "tidak_dinilai")
    ringkasan = model["ringkasan"]  # type: ignore[index]
    assert ringkasan["jumlah_terukur"] == 1 and ringkasan["jumlah_tidak_dinilai"] == 1
    assert ringkasan["jumlah_belum_terukur"] == 0
    assert ringkasan["rata_rata"] == Decimal("101.04")  # IKU1 alone
    built = document(checked)
    rows = table(built, "Pengukuran Kinerja")
    assert row_with(rows, "Jumlah tenaga kerja yang dilatih")[-4:] == [
        "380",
        "372",
        "–",
        "Tidak dinilai",
    ]
    notes = [p.text for p in built.paragraphs if p.text.startswith("*)")]
    assert "*) Jumlah tenaga kerja yang dilatih: tidak dinilai: ditampilkan tanpa capaian" in notes
    assert any(
        p.text.startswith("Sebanyak 1 indikator ditampilkan tanpa dinilai")
        for p in built.paragraphs
    )


PER_SASARAN = """\
anggaran_sasaran:
  S1: {pagu: 150000000, realisasi: 142500000, sumber_dana: DAU}
  S2: {pagu: 500000000, realisasi: 450000000}
"""


def test_a_budget_known_only_per_sasaran(tmp_path: Path) -> None:
    year = YEAR[: YEAR.index("program:")] + PER_SASARAN
    checked = office(tmp_path, year=year)
    assert [p.code for p in checked.problems] == []
    built = document(checked)
    pk = table(built, "Perjanjian Kinerja")
    # The Program column is empty in every row, so it is left out.
    assert pk[0] == ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Anggaran (Rp)"]
    assert pk[2][-1] == "150.000.000"
    assert pk[-1] == ["JUMLAH", "650.000.000"]
    money = table(built, "Anggaran dan Realisasi per Sasaran Strategis")
    assert [r[1] for r in money[2:-1]] == [
        "Meningkatnya penempatan tenaga kerja",
        "Meningkatnya kompetensi tenaga kerja",
    ]
    assert money[-1][:4] == ["JUMLAH", "650.000.000", "592.500.000", "57.500.000"]
    efficiency = table(built, "Efisiensi Penggunaan Sumber Daya")
    assert row_with(efficiency, "kompetensi")[7:10] == ["500.000.000", "450.000.000", "90,00"]
    captions = [c for c, _ in captioned_tables(built)]
    assert not any("Program, Kegiatan" in c or "Program dan Kegiatan" in c for c in captions)
    sentence = next(p.text for p in built.paragraphs if "dialokasikan untuk" in p.text)
    assert "dialokasikan untuk 2 sasaran strategis." in sentence


SPLIT = """\
  - nama: Program Pelatihan dan Penempatan
    sasaran: [S1, S2]
    bagi_sasaran:
      S1: {pagu: 600000000, realisasi: 500000000}
      S2: {pagu: 400000000, realisasi: 390000000}
    kegiatan:
      - nama: Kegiatan Bersama
        pagu: 1000000000
        realisasi: 890000000
        sumber_dana: DAU
"""


def test_a_program_serving_two_sasaran_splits_its_amount(tmp_path: Path) -> None:
    year = YEAR[: YEAR.index("program:")] + "program:\n" + SPLIT
    checked = office(tmp_path, year=year)
    assert [p.code for p in checked.problems] == []
    by_id = {s["id"]: s["anggaran"] for s in checked.model["sasaran"]}  # type: ignore[index]
    assert (by_id["S1"]["pagu"], by_id["S2"]["pagu"]) == (Decimal(600000000), Decimal(400000000))
    assert by_id["S2"]["serapan"] == Decimal("97.50")
    money = table(document(checked), "Anggaran dan Realisasi per Sasaran Strategis")
    assert [r[3] for r in money[2:-1]] == ["600.000.000", "400.000.000"]
    assert money[-1][:3] == ["JUMLAH", "1.000.000.000", "890.000.000"]


def test_a_split_that_does_not_add_up_is_an_error(tmp_path: Path) -> None:
    split = SPLIT.replace("S2: {pagu: 400000000, realisasi: 390000000}", "S3: {pagu: 300000000}")
    year = YEAR[: YEAR.index("program:")] + "program:\n" + split
    found = [
        re.sub(r"^.*?lkjip-2024", "lkjip-2024", str(p))
        for p in office(tmp_path, year=year).problems
    ]
    assert found == [
        "lkjip-2024.yaml:51:7: program[0].bagi_sasaran.S3: sasaran 'S3' tidak ada — pilih salah "
        "satu id sasaran: S1, S2 [cek.referensi]",
    ]
    split = SPLIT.replace("S2: {pagu: 400000000, realisasi: 390000000}", "S2: {pagu: 300000000}")
    year = YEAR[: YEAR.index("program:")] + "program:\n" + split
    found = sorted(
        re.sub(r"^.*?lkjip-2024", "lkjip-2024", str(p))
        for p in office(tmp_path, year=year).problems
    )
    assert found == [
        "lkjip-2024.yaml:49:5: program[0].bagi_sasaran: isi realisasi di setiap bagian, atau "
        "tidak di satu bagian pun [cek.bagi_sasaran]",
        "lkjip-2024.yaml:49:5: program[0].bagi_sasaran: jumlah pagu bagiannya "
        "Rp900.000.000,00 tidak sama dengan pagu baris ini Rp1.000.000.000,00 (selisih "
        "-Rp100.000.000,00) — perbaiki pembagiannya [cek.bagi_sasaran]",
    ]
