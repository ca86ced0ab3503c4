"""``lkjip diff``: the data changed and every document number it changes, from files or git."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_gen.cli import main
from lkjip_gen.diff.compare import Version, compare
from lkjip_gen.diff.gitrev import reader
from lkjip_gen.errors import LkjipError
from tests.examples import MINIMAL

# IKU2 (target 380) realised 380 instead of 372. By hand: capaian 372/380 = 97,89 → 100,00;
# the mean of IKU1 (48,5/48 = 101,04) and IKU2: 99,47 → 100,52; against the Renstra's end
# target 420: 88,57 → 90,48; efficiency of sasaran 2 (capaian − serapan 90,00): 7,89 → 10,00;
# of all sasaran (mean − serapan 592,5/650 = 91,15): 8,31 → 9,37.
EXPECTED = [
    ("Ikhtisar Eksekutif", "99,47", "100,52"),
    ("Ikhtisar Eksekutif", "97,89", "100,00"),  # the lowest indicator's capaian
    ("Tabel 3.3 Pengukuran Kinerja Tahun 2024", "372", "380"),
    ("Tabel 3.3 Pengukuran Kinerja Tahun 2024", "97,89", "100,00"),
    ("Tabel 3.3 Pengukuran Kinerja Tahun 2024", "99,47", "100,52"),
    ("Tabel 3.4 Perbandingan Realisasi dan Capaian Kinerja dengan Tahun Sebelumnya", "372", "380"),
    (
        "Tabel 3.4 Perbandingan Realisasi dan Capaian Kinerja dengan Tahun Sebelumnya",
        "97,89",
        "100,00",
    ),
    ("Tabel 3.5 Capaian Kinerja terhadap Target Akhir Renstra", "372", "380"),
    ("Tabel 3.5 Capaian Kinerja terhadap Target Akhir Renstra", "88,57", "90,48"),
    ("7. Sasaran 2: Meningkatnya kompetensi tenaga kerja", "97,89", "100,00"),
    ("Tabel 3.9 Realisasi dan Capaian Indikator Sasaran 2", "372", "380"),
    ("Tabel 3.9 Realisasi dan Capaian Indikator Sasaran 2", "97,89", "100,00"),
    ("Tabel 3.9 Realisasi dan Capaian Indikator Sasaran 2", "97,89", "100,00"),  # its mean
    ("Tabel 3.11 Efisiensi Penggunaan Sumber Daya Tahun 2024", "372", "380"),
    ("Tabel 3.11 Efisiensi Penggunaan Sumber Daya Tahun 2024", "97,89", "100,00"),
    ("Tabel 3.11 Efisiensi Penggunaan Sumber Daya Tahun 2024", "97,89", "100,00"),
    ("Tabel 3.11 Efisiensi Penggunaan Sumber Daya Tahun 2024", "7,89", "10,00"),
    ("Tabel 3.11 Efisiensi Penggunaan Sumber Daya Tahun 2024", "99,47", "100,52"),
    ("Tabel 3.11 Efisiensi Penggunaan Sumber Daya Tahun 2024", "8,31", "9,37"),
    ("A. Simpulan", "99,47", "100,52"),
    ("A. Simpulan", "97,89", "100,00"),
    ("Grafik 4.1 Jumlah Indikator Sasaran per Kategori Capaian", "99,47", "100,52"),
]


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(MINIMAL.parent / "profil.yaml", tmp_path / "profil.yaml")
    shutil.copy(MINIMAL, tmp_path / "lkjip-2024.yaml")
    return tmp_path / "lkjip-2024.yaml"


def _raise_iku2(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("realisasi: 372\n", "realisasi: 380\n"), encoding="utf-8")


def _seen(diff: object) -> list[tuple[str, str, str]]:
    return [(line.bagian, s.old, s.new) for line in diff.lines for s in line.spans]  # type: ignore[attr-defined]


def test_one_realisasi_changes_exactly_these_numbers(office: Path) -> None:
    new = office.with_name("baru.yaml")
    shutil.copy(office, new)
    _raise_iku2(new)
    diff = compare(Version(office, "lama"), Version(new, "baru"))
    assert [(c.path, c.where, c.old, c.new) for c in diff.inputs] == [
        ("kinerja.IKU2.realisasi", "baru.yaml:36:16", "372", "380")
    ]
    assert _seen(diff) == EXPECTED
    capaian = next(s for line in diff.lines for s in line.spans if s.old == "97,89")
    assert capaian.model == ("indikator[2].capaian", "sasaran[1].rata_rata")


def _git(folder: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_git_revision_is_read_with_its_profile(office: Path) -> None:
    folder = office.parent
    _git(folder, "init", "-q")
    _git(folder, "add", ".")
    _git(folder, "commit", "-qm", "2024")
    _raise_iku2(office)
    _git(folder, "commit", "-qam", "IKU2 380")
    # Working tree: the Renstra target for 2024 also changes, in the profile (not committed).
    profile = folder / "profil.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        text.replace("2024: 380, 2025: 400", "2024: 400, 2025: 400"), encoding="utf-8"
    )
    committed = compare(
        Version(office, "a", reader(office, "HEAD~1")), Version(office, "b", reader(office, "HEAD"))
    )
    assert _seen(committed) == EXPECTED
    now = compare(Version(office, "a", reader(office, "HEAD")), Version(office, "b"))
    assert [(c.path, c.where, c.old, c.new) for c in now.inputs] == [
        ("renstra.sasaran[1].indikator[0].target.2024", "profil.yaml:78:59", "380", "400")
    ]
    assert ("380", "400") in now.numbers and ("100,00", "95,00") in now.numbers
    result = CliRunner().invoke(main, ["diff", "lkjip-2024.yaml", "--dari", "HEAD~1", "--markdown"])
    assert result.exit_code == 0, result.output
    assert "| `lkjip-2024.yaml:36:16` | `kinerja.IKU2.realisasi` | 372 | 380 |" in result.output
    assert "| 97,89 | 95,00 | `indikator[2].capaian`, `sasaran[1].rata_rata` |" in result.output


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_bad_revision_or_folder_is_a_message(office: Path) -> None:
    with pytest.raises(LkjipError) as caught:
        reader(office, "HEAD")
    assert str(caught.value).startswith(
        f"{office.parent} bukan folder repositori git, jadi --dari/--ke tidak dapat dipakai — "
        "bandingkan dua berkas: lkjip diff LAMA BARU (git rev-parse: "
    )
    _git(office.parent, "init", "-q")
    with pytest.raises(LkjipError) as caught:
        reader(office, "v9")
    assert str(caught.value) == "git rev-parse: revisi 'v9' tidak ada"


def test_cli_needs_two_files_or_a_revision(office: Path) -> None:
    alone = CliRunner().invoke(main, ["diff", str(office)])
    assert alone.exit_code == 2
    assert "sebutkan berkas kedua, atau --dari REV untuk revisi git." in alone.output
    both = CliRunner().invoke(main, ["diff", str(office), str(office), "--dari", "HEAD"])
    assert both.exit_code == 2
