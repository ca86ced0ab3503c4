"""Every capaian formula, scale boundary and edge case, against hand-checked values."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from lkjip_gen.compute.capaian import (
    mean,
    measure_capaian,
    persen,
    positif,
    rasio,
    selisih,
    skor_predikat,
)
from lkjip_gen.data.settings import SCALE_PRESETS, Settings, resolve
from lkjip_gen.formatting import round_decimal


def q(value: D | None) -> D | None:
    return None if value is None else round_decimal(value, 4)


# -- single formulas -------------------------------------------------------------------------


def test_positif_seed_values() -> None:
    # Seed 000: 74,25 / 74,24 = 100,0135; 58,41 / 39,66 = 147,2769.
    assert q(positif(D("74.24"), D("74.25")).nilai) == D("100.0135")
    assert q(positif(D("39.66"), D("58.41")).nilai) == D("147.2769")


def test_selisih_seed_001_tpt() -> None:
    # Seed 001: TPT target 2,50, realisasi 4,97 → (5,00 − 4,97) / 2,50 = 1,20.
    assert q(selisih(D("2.50"), D("4.97")).nilai) == D("1.2000")


def test_rasio_seed_000_tpt() -> None:
    # Seed 000: TPT target 1,9, realisasi 3,01 → 1,9 / 3,01 = 63,1229.
    assert q(rasio(D("1.9"), D("3.01")).nilai) == D("63.1229")


def test_negative_variants_differ_as_domain_says() -> None:
    # DOMAIN §4.1: target 5%: realisasi 4% → 125% (selisih) vs 120% (rasio); 10% → 50% vs 0%.
    assert selisih(D(5), D(4)).nilai == D(120)
    assert rasio(D(5), D(4)).nilai == D(125)
    assert rasio(D(5), D(10)).nilai == D(50)
    assert selisih(D(5), D(10)).nilai == D(0)


def test_selisih_can_go_negative_unless_clamped() -> None:
    assert selisih(D(2), D(5)).nilai == D(-50)
    assert selisih(D(2), D(5), minimum_nol=True).nilai == D(0)


@pytest.mark.parametrize(
    ("result", "alasan"),
    [
        (positif(D(0), D(5)), "target 0: capaian tidak dapat dihitung"),
        (selisih(D(0), D(5)), "target 0: capaian tidak dapat dihitung"),
        (rasio(D("0.20"), D(0)), "realisasi 0: rumus target/realisasi tidak terdefinisi"),
    ],
)
def test_undefined_cases_give_a_reason_not_inf(result: object, alasan: str) -> None:
    assert result.nilai is None  # type: ignore[attr-defined]
    assert result.alasan == alasan  # type: ignore[attr-defined]


def test_zero_realisasi_positive_is_zero() -> None:
    assert positif(D(100), D(0)).nilai == D(0)


def test_missing_values() -> None:
    assert measure_capaian(None, D(5)).alasan == "target belum diisi"
    assert measure_capaian(D(5), None).alasan == "realisasi belum diisi"


# -- predikat and ranges ---------------------------------------------------------------------

SAKIP = ("D", "C", "CC", "B", "BB", "A", "AA")


def test_predikat_scores() -> None:
    assert skor_predikat("B", SAKIP) == D(4)
    assert skor_predikat(" aa ", SAKIP) == D(7)
    assert skor_predikat("E", SAKIP) is None


def test_predikat_capaian() -> None:
    # Seed 002: Nilai SAKIP target B, realisasi B → 100; BB against B → 5/4 = 125.
    assert measure_capaian("B", "B", skala_predikat=SAKIP).nilai == D(100)
    assert measure_capaian("B", "BB", skala_predikat=SAKIP).nilai == D(125)
    assert measure_capaian("B", "CC", skala_predikat=SAKIP).nilai == D(75)
    assert (
        measure_capaian("B", "Z", skala_predikat=SAKIP).alasan == "predikat tidak ada dalam skala"
    )


def test_text_without_scale_is_not_computed() -> None:
    result = measure_capaian(D(10), "sepuluh")
    assert result.nilai is None
    assert result.alasan == "nilai bukan angka: capaian tidak dapat dihitung"


def test_range_target() -> None:
    band = {"min": D(80), "maks": D(90)}
    assert measure_capaian(band, D(85)).nilai == D(100)
    assert measure_capaian(band, D(80)).nilai == D(100)
    assert q(measure_capaian(band, D(99)).nilai) == D("110.0000")  # above: against the upper bound
    assert measure_capaian(band, D(72)).nilai == D(90)  # below: against the lower bound
    # Negative polarity: above the range is bad, measured against the upper bound.
    assert measure_capaian(band, D(99), polaritas="negatif").nilai == D(90)
    assert measure_capaian(band, D(72), polaritas="negatif").nilai == D(110)


# -- scales ----------------------------------------------------------------------------------


def label(scale: str, value: str) -> str | None:
    band = Settings(skala=SCALE_PRESETS[scale]).kategori(D(value))
    return band.label if band else None


@pytest.mark.parametrize(
    ("scale", "value", "expected"),
    [
        ("permendagri_86", "91", "Sangat Tinggi"),
        ("permendagri_86", "90.99", "Tinggi"),
        ("permendagri_86", "90.5", "Tinggi"),  # the gap a "76–90" band leaves is covered
        ("permendagri_86", "76", "Tinggi"),
        ("permendagri_86", "75.999", "Sedang"),
        ("permendagri_86", "66", "Sedang"),
        ("permendagri_86", "51", "Rendah"),
        ("permendagri_86", "50.99", "Sangat Rendah"),
        ("permendagri_86", "-20", "Sangat Rendah"),
        ("lumajang", "85", "Sangat Baik"),  # "85 ke atas"
        ("lumajang", "84.99", "Baik"),
        ("lumajang", "70", "Baik"),
        ("lumajang", "55", "Cukup Baik"),
        ("lumajang", "54.99", "Kurang Baik"),
        ("pasaman_barat", "100.01", "Memuaskan"),
        ("pasaman_barat", "100", "Sangat Baik"),  # ">85–100"
        ("pasaman_barat", "85", "Baik"),  # ">85" excludes 85 itself
        ("pasaman_barat", "75", "Cukup"),
        ("pasaman_barat", "55", "Kurang Baik"),  # "≤55"
        ("empat_tingkat", "100", "Baik"),
        ("empat_tingkat", "100.5", "Sangat Baik"),
        ("empat_tingkat", "75", "Baik"),
        ("empat_tingkat", "54.9", "Kurang"),
    ],
)
def test_scale_boundaries(scale: str, value: str, expected: str) -> None:
    assert label(scale, value) == expected


def test_custom_scale_with_score_and_colour() -> None:
    settings = resolve(
        {
            "skala_kategori": [
                {"label": "Hijau", "batas": 90, "inklusif": False, "skor": 3, "warna": "#00B050"},
                {"label": "Kuning", "batas": 60},
                {"label": "Merah", "batas": None},
            ]
        }
    )
    assert settings.kategori(D(90)).label == "Kuning"  # type: ignore[union-attr]
    assert settings.kategori(D("90.01")).warna == "#00B050"  # type: ignore[union-attr]
    assert settings.kategori(D(60)).label == "Kuning"  # type: ignore[union-attr]
    assert settings.kategori(D(59)).label == "Merah"  # type: ignore[union-attr]
    assert settings.kategori(None) is None
    assert [b.uraian for b in settings.skala] == ["> 90", "≥ 60", "lainnya"]


# -- helpers ---------------------------------------------------------------------------------


def test_rerata_and_persen() -> None:
    # Seed 002: mean of 126,6667, 100 and 100 = 108,8889.
    assert q(mean([D(95) / D(75) * 100, D(100), D(100)])) == D("108.8889")
    assert mean([]) is None
    assert persen(D(1), D(0)) is None
    assert persen(None, D(5)) is None
    assert persen(D(115281034), D(117934187)).quantize(D("0.0001")) == D("97.7503")
