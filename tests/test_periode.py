"""One year file, every period: quarterly values beside the annual ones, a report per period."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from lkjip_gen.build import build, check_file, period_stem, report_model
from lkjip_gen.cli import main
from lkjip_gen.compute.periode import Periode, for_period, ratio_up_to, up_to
from lkjip_gen.data.edit import YamlFile
from lkjip_gen.output.textconv import docx_text
from tests.examples import EXAMPLES, MINIMAL, rendered

D = Decimal
LUMAJANG = next(p for p in EXAMPLES if p.parent.name == "lumajang-2023-tw1")


def test_up_to_adds_kumulatif_quarters_and_keeps_the_latest_otherwise() -> None:
    assert up_to([10, 20, None, 5], 3, kumulatif=True) == 30
    assert up_to([10, 20, None, 5], 3, kumulatif=False) == 20
    assert up_to([None, None], 2, kumulatif=True) is None
    # The year needs its fourth quarter: three quarters are not an annual value.
    assert up_to([10, 20, 30], 4, kumulatif=True) is None
    assert up_to([10, 20, 30, None], 4, kumulatif=False) is None
    assert up_to([10, 20, 30, 40], 4, kumulatif=True) == 100
    assert ratio_up_to([5, 7, 9], [10, 10, 20], 3, kumulatif=True) == (21, 40)
    assert ratio_up_to([5, 7, None], [10, 10, None], 3, kumulatif=False) == (7, 10)


def test_a_report_never_sees_later_quarters() -> None:
    data: dict[str, Any] = {
        "laporan": {"jenis": "tahunan", "tahun": 2024, "tanggal": "2025-02-20"},
        "renstra": {"sasaran": [{"indikator": [{"id": "A", "sifat": "kumulatif"}]}]},
        "kinerja": {"A": {"realisasi": 999, "triwulan": [1, 2, 3, 4]}},
        "program": [{"sub_kegiatan": [], "pagu": 100, "realisasi_triwulan": [10, 20, 30, 40]}],
    }
    tw2 = for_period(data, Periode("triwulan", 2))
    assert tw2["laporan"] == {"jenis": "triwulan", "triwulan": 2, "tahun": 2024}
    assert tw2["kinerja"]["A"] == {"realisasi": 3, "triwulan": [1, 2]}
    assert tw2["program"][0]["realisasi"] == 30
    assert data["kinerja"]["A"]["realisasi"] == 999, "the data itself is left alone"
    # The file's own period keeps what is written for it.
    assert for_period(data, None)["kinerja"]["A"]["realisasi"] == 999


def test_period_stem() -> None:
    own = Periode("triwulan", 1)
    assert period_stem("lkjip-2023-tw1", own, None) == "lkjip-2023-tw1"
    assert period_stem("lkjip-2023-tw1", own, Periode("triwulan", 1)) == "lkjip-2023-tw1"
    assert period_stem("lkjip-2023-tw1", own, Periode("triwulan", 2)) == "lkjip-2023-tw2"
    assert period_stem("lkjip-2023-tw1", own, Periode("tahunan")) == "lkjip-2023"
    assert period_stem("lkjip-2023", Periode("tahunan"), Periode("triwulan", 3)) == "lkjip-2023-tw3"


def _later(value: Any, k: int) -> Any:
    """Synthetic values for quarters II–IV: never what the first quarter's report may print."""
    return value if k == 0 else (D(value) + 7 * k if value is not None else None)


def whole_year(source: Path, folder: Path) -> Path:
    """``source`` rewritten as one year file: each realisasi moved to TW I of its quarter list,
    with made-up values for TW II–IV, and the signing date moved to ``tanggal_triwulan``."""
    shutil.copy(source.parent / "profil.yaml", folder / "profil.yaml")
    f = YamlFile(source)
    tanggal = f.value(("laporan", "tanggal"))
    f.set(("laporan", "jenis"), "tahunan")
    f.delete(("laporan", "triwulan"))
    f.delete(("laporan", "tanggal"))
    f.set(("laporan", "tanggal_triwulan"), [tanggal])
    for key, entry in f.value(("kinerja",)).items():
        for own, quarterly in (
            ("realisasi", "triwulan"),
            ("pembilang", "pembilang_triwulan"),
            ("penyebut", "penyebut_triwulan"),
        ):
            if entry.get(own) is not None:
                f.set(("kinerja", key, quarterly), [_later(entry[own], k) for k in range(4)])
                f.delete(("kinerja", key, own))
    for i, program in enumerate(f.value(("program",))):
        _budget(f, ("program", i), program)
    target = folder / source.name
    target.write_text(f.text, encoding="utf-8")
    return target


def _budget(f: YamlFile, path: tuple[Any, ...], node: dict[str, Any]) -> None:
    for j, ind in enumerate(node.get("indikator", [])):
        if ind.get("realisasi") is not None:
            values = [_later(ind["realisasi"], k) for k in range(4)]
            # Its answer to a warning about the annual realisasi has nothing left to answer.
            kept = _without(_without(ind, "realisasi"), "catatan")
            f.set((*path, "indikator", j), {**kept, "triwulan": values})
    if "realisasi" in node and not node.get("kegiatan") and not node.get("sub_kegiatan"):
        f.set((*path, "realisasi_triwulan"), [_later(node["realisasi"], k) for k in range(4)])
        f.delete((*path, "realisasi"))
    for below in ("kegiatan", "sub_kegiatan"):
        for k, child in enumerate(node.get(below, [])):
            _budget(f, (*path, below, k), child)


def _without(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


@pytest.fixture(scope="module")
def lumajang_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return whole_year(LUMAJANG, tmp_path_factory.mktemp("lumajang"))


def test_lumajang_triwulan_i_from_the_whole_year_file(lumajang_year: Path) -> None:
    """The first quarter's report from a file that also holds TW II–IV is the example's report."""
    text = lumajang_year.read_text(encoding="utf-8")
    assert "triwulan: [4.97, 11.97, 18.97, 25.97]" in text  # the later quarters are there
    checked = check_file(lumajang_year)
    assert not checked.errors, checked.errors
    out = build(lumajang_year, lumajang_year.parent, periode=Periode("triwulan", 1))
    assert [p.name for p in out] == ["lkjip-2023-tw1.docx"]
    expected = rendered(LUMAJANG)
    assert docx_text(out[0]) == docx_text_bytes(expected, lumajang_year.parent)


def docx_text_bytes(data: bytes, folder: Path) -> str:
    path = folder / "expected.docx"
    path.write_bytes(data)
    return docx_text(path)


def test_lumajang_second_quarter_reads_two_quarters(lumajang_year: Path) -> None:
    model = report_model(lumajang_year, periode=Periode("triwulan", 2))
    assert (model["laporan"]["periode"], model["laporan"]["tanggal"]) == (
        "Triwulan II Tahun 2023",
        "2023-07",
    )
    tpt = next(i for i in model["indikator"] if i["id"] == "TPT")
    # akhir_periode: TW II's own value (4.97 + 7), with its pembilang/penyebut.
    assert (tpt["realisasi"], tpt["pembilang"], tpt["penyebut"]) == (
        D("11.97"),
        29165,
        586543,
    )
    assert tpt["triwulan"] == [D("4.97"), D("11.97")]
    # Money adds up: TW I 723.191.342 + TW II (each leaf + 7).
    leaves = sum(1 for r in model["anggaran"]["baris"] if r["daun"])
    assert model["anggaran"]["total"]["realisasi"] == 2 * 723191342 + 7 * leaves


def test_annual_report_needs_the_fourth_quarter(lumajang_year: Path) -> None:
    model = report_model(lumajang_year, periode=Periode("tahunan"))
    assert model["laporan"]["periode"] == "Tahun 2023"
    tpt = next(i for i in model["indikator"] if i["id"] == "TPT")
    assert tpt["realisasi"] == D("25.97")  # TW IV stands for an akhir_periode indicator


def test_kumulatif_indicator_and_quarter_targets(tmp_path: Path) -> None:
    shutil.copy(MINIMAL.parent / "profil.yaml", tmp_path / "profil.yaml")
    f = YamlFile(MINIMAL)
    f.set(("kinerja", "IKU2"), {"triwulan": [100, 90, None, 120], "target_triwulan": [95, 95]})
    path = tmp_path / "lkjip-2024.yaml"
    path.write_text(f.text, encoding="utf-8")
    profile = (tmp_path / "profil.yaml").read_text(encoding="utf-8")
    profile = profile.replace(
        "          satuan: orang\n", "          satuan: orang\n          sifat: kumulatif\n"
    )
    profile += "  target_triwulan: rencana_aksi\n"
    (tmp_path / "profil.yaml").write_text(profile, encoding="utf-8")
    tw3 = report_model(path, periode=Periode("triwulan", 3))
    iku2 = next(i for i in tw3["indikator"] if i["id"] == "IKU2")
    assert (iku2["realisasi"], iku2["target"]) == (190, 190)  # 100 + 90; target 95 + 95
    assert iku2["capaian"] == 100
    annual = report_model(path)
    iku2 = next(i for i in annual["indikator"] if i["id"] == "IKU2")
    assert (iku2["realisasi"], iku2["target"]) == (310, 380)  # all four quarters; PK target


def test_cli_builds_and_computes_a_period(lumajang_year: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["build", str(lumajang_year), "--triwulan", "3", "-o", str(tmp_path)])
    assert out.exit_code == 0, out.output
    assert out.stdout == f"ditulis: {tmp_path / 'lkjip-2023-tw3.docx'}\n"
    both = runner.invoke(main, ["compute", str(lumajang_year), "--triwulan", "3", "--tahunan"])
    assert both.exit_code == 2
    assert "pilih salah satu: --triwulan N atau --tahunan." in both.output
