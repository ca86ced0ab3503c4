"""``lkjip tahun-baru``: next year's file from this year's — valid as written, never overwriting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_gen.build import build, check_file, report_model
from lkjip_gen.cli import main
from lkjip_gen.cycle.next_year import new_name, next_year
from lkjip_gen.errors import LkjipError, ValidationFailed
from tests.examples import MINIMAL, PASAMAN


@pytest.fixture
def minimal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(MINIMAL.parent, tmp_path / "kantor")
    return tmp_path / "kantor" / "lkjip-2024.yaml"


def test_next_year_validates_builds_and_keeps_what_people_wrote(minimal: Path) -> None:
    made = next_year(minimal)
    assert (made.path.name, made.tahun, made.notes) == ("lkjip-2025.yaml", 2025, [])
    text = made.path.read_text(encoding="utf-8")
    # Comments and narratives stay; the year advances and names this year's file.
    assert text.startswith("# LKjIP Dinas Tenaga Kerja Kabupaten Contoh tahun 2024")
    assert "profil: profil.yaml\ntahun_lalu: lkjip-2024.yaml\n" in text
    assert "  jenis: tahunan\n  tahun: 2025\n  tempat: Contoh\n\nnarasi:" in text
    assert "Bursa kerja daring menjangkau lebih banyak pencari kerja." in text
    # Everything measured is cleared.
    assert "kinerja:\n  TPT:\n    realisasi: null\n  IKU1:\n    realisasi: null\n" in text
    assert "142500000" not in text and "48.5}" not in text and "nasional" not in text
    checked = check_file(made.path)
    # Valid; what is left to do is to fill in each realisasi.
    assert checked.errors == []
    assert [(p.path, p.code) for p in checked.warnings] == [
        ("kinerja.TPT.realisasi", "cek.realisasi_kosong"),
        ("kinerja.IKU1.realisasi", "cek.realisasi_kosong"),
        ("kinerja.IKU2.realisasi", "cek.realisasi_kosong"),
    ]
    model = report_model(made.path)
    iku2 = next(i for i in model["indikator"] if i["id"] == "IKU2")
    # The Renstra's 2025 target; 2024 comes from the file before it, 2023 from its riwayat.
    assert (iku2["target"], iku2["realisasi"], iku2["status"]) == (400, None, "belum_diukur")
    assert [(r["tahun"], r["realisasi"]) for r in iku2["riwayat"]] == [(2024, 372)]
    tpt = next(i for i in model["indikator"] if i["id"] == "TPT")
    assert [r["tahun"] for r in tpt["riwayat"]] == [2023, 2024]
    out = build(made.path, minimal.parent / "hasil")
    assert [p.name for p in out] == ["lkjip-2025.docx"]


def test_next_year_never_overwrites_and_needs_a_valid_file(minimal: Path) -> None:
    (minimal.parent / "lkjip-2025.yaml").write_text("# milik kantor\n", encoding="utf-8")
    with pytest.raises(LkjipError) as caught:
        next_year(minimal)
    assert str(caught.value).endswith(
        "lkjip-2025.yaml sudah ada — lkjip tahun-baru tidak pernah menimpa berkas"
    )
    assert (minimal.parent / "lkjip-2025.yaml").read_text(encoding="utf-8") == "# milik kantor\n"
    broken = minimal.read_text(encoding="utf-8").replace("tahun: 2024", "tahun: dua ribu")
    minimal.write_text(broken, encoding="utf-8")
    with pytest.raises(ValidationFailed):
        next_year(minimal, minimal.parent / "baru.yaml")
    assert not (minimal.parent / "baru.yaml").exists()


def test_the_rkt_becomes_next_years_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(PASAMAN.parent, tmp_path / "pb")
    made = next_year(tmp_path / "pb" / "lkjip-2022.yaml", tmp_path / "2023" / "lkjip-2023.yaml")
    text = made.path.read_text(encoding="utf-8")
    assert "profil: ../pb/profil.yaml\ntahun_lalu: ../pb/lkjip-2022.yaml\n" in text
    assert "\nrkt:" not in text and "\nbelanja:" not in text
    # The RKT's programs, with their comments, re-indented to the top level.
    assert "\nprogram:\n  - nama: Program Penempatan Tenaga Kerja\n    sasaran: S2\n" in text
    assert '        # Baris "80 Org" lampiran 4.2.4; nama indikatornya tercetak' in text
    model = report_model(made.path)
    assert model["anggaran"]["total"]["pagu"] == 4498404865
    bpjs = next(i for i in model["indikator"] if i["id"] == "BPJS")
    assert (bpjs["target"], bpjs["riwayat"][-1]["realisasi"]) == (18088, 19597)
    assert model["rencana_aksi"] is not None and model["rkt"] is None


def test_a_folder_as_target_gets_next_years_file_inside(minimal: Path) -> None:
    """``-o 2025`` where 2025 is a folder: it was refused as "sudah ada"."""
    folder = minimal.parent.parent / "2025"
    folder.mkdir()
    made = next_year(minimal, folder)
    assert made.path == folder / "lkjip-2025.yaml"
    text = made.path.read_text(encoding="utf-8")
    assert "profil: ../kantor/profil.yaml\ntahun_lalu: ../kantor/lkjip-2024.yaml\n" in text
    assert check_file(made.path).errors == []


def test_new_name() -> None:
    assert new_name("lkjip-2024.yaml", 2024, 2025) == "lkjip-2025.yaml"
    assert new_name("lkjip-2023-tw1.yaml", 2023, 2024) == "lkjip-2024-tw1.yaml"
    assert new_name("laporan.yaml", 2024, 2025) == "laporan-2025.yaml"


def test_cli(minimal: Path) -> None:
    result = CliRunner().invoke(main, ["tahun-baru", str(minimal)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"ditulis: {minimal.parent / 'lkjip-2025.yaml'} (tahun 2025)\n"
        "Periksa target dan narasinya, lalu isi realisasi sepanjang tahun.\n"
    )
    again = CliRunner().invoke(main, ["tahun-baru", str(minimal)])
    assert again.exit_code == 1
    assert "tidak pernah menimpa berkas" in again.output
