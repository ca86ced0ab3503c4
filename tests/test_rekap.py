"""Tests for the regency roll-up: its numbers are the offices' own, its document and its JSON."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from examples import EXAMPLES, model
from lkjip_gen.cli import main
from lkjip_gen.errors import ValidationFailed
from lkjip_gen.rekap import rekap
from lkjip_gen.rekap.write import build_rekap, rekap_json

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def regency(tmp_path: Path) -> Path:
    """A roll-up of every example (by a pattern) and one office whose file is broken."""
    broken = tmp_path / "dispora" / "lkjip-2024.yaml"
    broken.parent.mkdir()
    broken.write_text("instansi: [\n", encoding="utf-8")
    path = tmp_path / "rekap.yaml"
    path.write_text(
        "pemda: Kabupaten Contoh\n"
        "tahun: 2024\n"
        "kantor:\n"
        f"  - {ROOT / 'examples'}/*/lkjip-*.yaml\n"
        "  - dispora/lkjip-2024.yaml\n",
        encoding="utf-8",
    )
    return path


def test_every_row_is_the_offices_own_compute(regency: Path) -> None:
    result = rekap(regency)

    rows = {row["berkas"]: row for row in result["kantor"]}
    assert sorted(rows) == sorted(str(p) for p in EXAMPLES)
    for path in EXAMPLES:
        row, own = rows[str(path)], model(path)
        ringkasan, total = own["ringkasan"], own["anggaran"]["total"]
        assert row["nama"] == own["instansi"]["nama"]
        assert row["jumlah_sasaran"] == ringkasan["jumlah_sasaran"]
        assert row["jumlah_indikator"] == ringkasan["jumlah_indikator"]
        assert row["rata_rata"] == ringkasan["rata_rata"]
        assert row["kategori"] == ringkasan["kategori"]
        counts = dict(zip(result["kategori"], row["jumlah_kategori"], strict=True))
        for entry in ringkasan["per_kategori"]:
            assert counts[entry["label"]] == entry["jumlah"]
        assert (row["pagu"], row["realisasi"], row["serapan"]) == (
            total["pagu"],
            total["realisasi"],
            total["serapan"],
        )
        assert row["efisiensi"] == own["anggaran"]["per_sasaran_jumlah"]["efisiensi"]
    # Sorted by average capaian, highest first; numbered in that order.
    averages = [row["rata_rata_tepat"] for row in result["kantor"]]
    assert averages == sorted(averages, reverse=True)
    assert [row["no"] for row in result["kantor"]] == [1, 2, 3, 4]


def test_totals_add_up_and_the_broken_office_is_listed(regency: Path) -> None:
    result = rekap(regency)
    kantor, jumlah = result["kantor"], result["jumlah"]

    assert jumlah["jumlah_indikator"] == sum(k["jumlah_indikator"] for k in kantor)
    assert jumlah["pagu"] == sum(k["pagu"] for k in kantor)
    assert jumlah["realisasi"] == sum(k["realisasi"] for k in kantor)
    assert jumlah["serapan"] == round(jumlah["realisasi"] / jumlah["pagu"] * 100, 2)
    average = sum(k["rata_rata_tepat"] for k in kantor) / 4
    assert abs(jumlah["rata_rata_tepat"] - average) < Decimal("1e-20")
    # The examples use different scales and formulas: no category or efficiency for the total.
    assert jumlah["kategori"] is None and jumlah["efisiensi"] is None
    [gagal] = result["gagal"]
    assert gagal["berkas"] == "dispora/lkjip-2024.yaml"
    assert gagal["masalah"].startswith(str(regency.parent / "dispora" / "lkjip-2024.yaml:2:1: "))
    assert gagal["masalah"].endswith("[yaml.sintaks]")
    # Offices that report another year are rolled up, with a note.
    assert len(result["peringatan"]) == 3


def test_document_json_and_compute(regency: Path, tmp_path: Path) -> None:
    result, written = build_rekap(regency, tmp_path / "hasil", formats=("docx", "json"))

    assert written == [tmp_path / "hasil" / "rekap.docx", tmp_path / "hasil" / "rekap.json"]
    document = docx.Document(io.BytesIO(written[0].read_bytes()))
    section = document.sections[-1]
    assert section.page_width > section.page_height  # landscape
    rows = [[c.text for c in r.cells] for r in document.tables[0].rows]
    first = result["kantor"][0]
    assert rows[3][:4] == [
        "1",
        first["nama"],
        str(first["jumlah_sasaran"]),
        str(first["jumlah_indikator"]),
    ]
    assert rows[-1][0] == "JUMLAH"
    assert "16.657.759.469" in rows[-1]
    assert "[yaml.sintaks]" in document.tables[1].rows[-1].cells[2].text
    assert json.loads(written[1].read_text(encoding="utf-8")) == json.loads(rekap_json(result))
    printed = CliRunner().invoke(main, ["compute", str(regency)])
    assert printed.exit_code == 0
    assert printed.stdout == rekap_json(result)
    again = build_rekap(regency, tmp_path / "lagi")[1][0]
    assert again.read_bytes() == written[0].read_bytes()


def test_rekap_command_and_a_wrong_file(regency: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["rekap", str(regency), "--strict"])
    assert result.exit_code == 1
    assert result.stdout == f"ditulis: {regency.with_suffix('.docx')}\n"
    assert "belum direkap: " in result.stderr

    wrong = tmp_path / "salah.yaml"
    wrong.write_text("pemda: Kabupaten Contoh\ntahun: 2024\nurutan: acak\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as failed:
        rekap(wrong)
    messages = [p.message for p in failed.value.problems]
    assert any("kantor" in m for m in messages), messages
    assert any(p.line == 3 and p.path == "urutan" for p in failed.value.problems)


def test_a_pemda_longer_than_a_property_holds_is_printed_whole(tmp_path: Path) -> None:
    pemda = "Kabupaten" + " Kepulauan Sangat Panjang" * 12  # 297 characters
    path = tmp_path / "rekap.yaml"
    path.write_text(f"pemda: {pemda}\ntahun: 2024\nkantor:\n  - {EXAMPLES[0]}\n", "utf-8")
    _, written = build_rekap(path, tmp_path / "hasil", formats=("docx",))
    document = docx.Document(str(written[0]))
    assert any(pemda.upper() in p.text for p in document.paragraphs)  # the heading
    assert document.core_properties.author == f"{pemda[:254]}…"


def test_a_pattern_counts_each_office_once_past_a_link_back_up(tmp_path: Path) -> None:
    """glob.glob followed ``arsip -> ..`` forty levels deep: the office came 41 times."""
    office = tmp_path / "kantor" / "disnaker"
    office.mkdir(parents=True)
    for f in EXAMPLES[0].parent.iterdir():
        (office / f.name).write_bytes(f.read_bytes())
    try:
        (office / "arsip").symlink_to("..", target_is_directory=True)
    except OSError:  # Windows without the right to make links
        pytest.skip("symbolic links cannot be made here")
    path = tmp_path / "rekap.yaml"
    path.write_text("pemda: Contoh\ntahun: 2024\nkantor:\n  - kantor/**/lkjip-*.yaml\n", "utf-8")
    assert [row["berkas"] for row in rekap(path)["kantor"]] == [
        str(Path("kantor") / "disnaker" / EXAMPLES[0].name)
    ]
