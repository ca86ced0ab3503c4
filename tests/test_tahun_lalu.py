"""Last year's file supplies this year's history; a cycle of tahun_lalu references is refused."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_gen import build
from lkjip_gen.build import report_model
from lkjip_gen.errors import ValidationFailed

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "contoh-minimal"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLE / "profil.yaml", tmp_path / "profil.yaml")
    year = (EXAMPLE / "lkjip-2024.yaml").read_text(encoding="utf-8")
    # 2023: IKU2 realisasi 350 against the Renstra target 360.
    (tmp_path / "lkjip-2023.yaml").write_text(
        year.replace("tahun: 2024", "tahun: 2023")
        .replace("tanggal: 2025-02-20", "tanggal: 2024-02-20")
        .replace("realisasi: 372\n", "realisasi: 350\n"),
        encoding="utf-8",
    )
    (tmp_path / "lkjip-2024.yaml").write_text(
        year.replace("profil: profil.yaml", "profil: profil.yaml\ntahun_lalu: lkjip-2023.yaml"),
        encoding="utf-8",
    )
    return tmp_path


def test_history_comes_from_last_years_file(office: Path) -> None:
    model = report_model(office / "lkjip-2024.yaml")
    iku2 = next(i for i in model["indikator"] if i["id"] == "IKU2")
    last = iku2["riwayat"][-1]
    assert (last["tahun"], last["target"], last["realisasi"]) == (2023, 360, 350)
    assert last["capaian_tepat"].quantize(Decimal("0.0001")) == Decimal("97.2222")
    assert iku2["perubahan"]["realisasi"] == 22  # 372 − 350
    # Inline history wins over last year's file where both speak of the same year.
    iku1 = next(i for i in model["indikator"] if i["id"] == "IKU1")
    assert [r["tahun"] for r in iku1["riwayat"]] == [2022, 2023]
    assert iku1["riwayat"][-1]["realisasi"] == Decimal("45.5")


def test_tahun_lalu_cycle_is_refused(office: Path) -> None:
    text = (office / "lkjip-2023.yaml").read_text(encoding="utf-8")
    (office / "lkjip-2023.yaml").write_text(
        text.replace("profil: profil.yaml", "profil: profil.yaml\ntahun_lalu: lkjip-2024.yaml"),
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed) as caught:
        report_model(office / "lkjip-2024.yaml")
    assert str(caught.value.problems[0]) == (
        "lkjip-2023.yaml:3:13: tahun_lalu: rujukan tahun_lalu berputar kembali ke berkas ini "
        "[berkas.tahun_lalu]"
    )


def test_a_chain_longer_than_the_bound_is_refused_at_its_end(
    chain: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chain of hundreds of files (written by a script gone wrong) once exhausted Python's
    stack, exit 70; the bound is lowered here so that three files reach it."""
    monkeypatch.setattr(build, "MAX_TAHUN_LALU", 2)
    with pytest.raises(ValidationFailed) as caught:
        report_model(chain)
    assert [str(p) for p in caught.value.problems if p.severity == "error"][0] == (
        "lkjip-2023.yaml:3:13: tahun_lalu: rujukan tahun_lalu bersambung lebih dari 2 berkas "
        "— hapus tahun_lalu di berkas tahun tertua yang masih diperlukan [berkas.tahun_lalu]"
    )
    monkeypatch.setattr(build, "MAX_TAHUN_LALU", 3)
    assert report_model(chain)["laporan"]["tahun"] == 2024


def _year(text: str, tahun: int, *, tahun_lalu: str | None, iku2: int) -> str:
    """The minimal example for ``tahun`` without typed history, IKU2 realised ``iku2``."""
    lines = [line for line in text.splitlines(keepends=True) if "riwayat" not in line]
    text = "".join(lines).replace("tahun: 2024", f"tahun: {tahun}")
    text = text.replace("tanggal: 2025-02-20", f"tanggal: {tahun + 1}-02-20")
    text = text.replace("realisasi: 372\n", f"realisasi: {iku2}\n")
    if tahun_lalu:
        text = text.replace("profil: profil.yaml", f"profil: profil.yaml\ntahun_lalu: {tahun_lalu}")
    return text


@pytest.fixture
def chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """2022 ← 2023 ← 2024, each file naming the one before it; no riwayat typed anywhere."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLE / "profil.yaml", tmp_path / "profil.yaml")
    text = (EXAMPLE / "lkjip-2024.yaml").read_text(encoding="utf-8")
    for tahun, iku2 in ((2022, 330), (2023, 350), (2024, 372)):
        previous = f"lkjip-{tahun - 1}.yaml" if tahun > 2022 else None
        body = _year(text, tahun, tahun_lalu=previous, iku2=iku2)
        (tmp_path / f"lkjip-{tahun}.yaml").write_text(body, encoding="utf-8")
    return tmp_path / "lkjip-2024.yaml"


def test_a_chain_of_three_files_gives_the_three_year_table(chain: Path) -> None:
    from lkjip_gen.render.context import display_tables

    model = report_model(chain)
    iku2 = next(i for i in model["indikator"] if i["id"] == "IKU2")
    assert [(r["tahun"], r["target"], r["realisasi"]) for r in iku2["riwayat"]] == [
        (2022, 340, 330),
        (2023, 360, 350),
    ]
    assert not model["peringatan"]
    table = display_tables(model)[0]["riwayat"]
    assert table is not None
    assert table["tahun"] == ["2022", "2023", "2024"]
    row = next(r for r in table["baris"] if r["nama"].startswith("Jumlah tenaga kerja"))
    # Realisasi and capaian per year: 330/340, 350/360, 372/380.
    assert row["sel"] == ["330", "97,06", "350", "97,22", "372", "97,89"]


def test_riwayat_contradicting_an_earlier_file_is_reported(chain: Path) -> None:
    from lkjip_gen.build import check_file

    text = chain.read_text(encoding="utf-8")
    chain.write_text(
        text.replace("  IKU2:\n", "  IKU2:\n    riwayat: {2022: 331, 2023: 350}\n"),
        encoding="utf-8",
    )
    problems = [str(p) for p in check_file(chain).problems]
    assert problems == [
        "lkjip-2024.yaml:35:21: peringatan: kinerja.IKU2.riwayat.2022: realisasi 2022 ditulis "
        "331, sedangkan berkas tahun 2022 (lkjip-2022.yaml) mencatat 330 — hapus riwayat "
        "tahun ini agar diambil dari berkas itu, atau perbaiki yang salah [cek.riwayat]"
    ]
