"""Last year's file supplies this year's history; a cycle of tahun_lalu references is refused."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

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
