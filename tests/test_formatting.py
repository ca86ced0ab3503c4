"""Hand-checked expectations for the Indonesian formatting filters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

import pytest

from lkjip_gen.formatting import (
    FILTERS,
    angka,
    besaran,
    bulan_tahun,
    nilai,
    nilai_satuan,
    nip,
    parse_tanggal,
    persen,
    round_decimal,
    rupiah,
    rupiah_singkat,
    tanggal,
    terbilang,
    terbilang_rupiah,
)

D = Decimal


@pytest.mark.parametrize(
    ("value", "places", "mode", "expected"),
    [
        (D("147.2769"), 2, "half_up", D("147.28")),
        (D("147.2769"), 2, "truncate", D("147.27")),
        # Seed 000: 58,41 / 39,66 × 100 printed truncated.
        (D("147.2768"), 2, "truncate", D("147.27")),
        # Float or Babel's half-even would give 2.67 here.
        (D("2.675"), 2, "half_up", D("2.68")),
        (D("2.665"), 2, "half_up", D("2.67")),
        (D("2.675"), 2, "truncate", D("2.67")),
        (D("-64.5828"), 2, "half_up", D("-64.58")),
        (D("-64.5858"), 2, "half_up", D("-64.59")),
        (D("-2.675"), 2, "half_up", D("-2.68")),
        # Truncation goes toward zero, not toward minus infinity.
        (D("-64.5899"), 2, "truncate", D("-64.58")),
        (D("0.5"), 0, "half_up", D("1")),
        (D("98"), 2, "half_up", D("98.00")),
    ],
)
def test_round_decimal(value: Decimal, places: int, mode: str, expected: Decimal) -> None:
    result = round_decimal(value, places, mode)
    assert result == expected
    assert str(result) == str(expected)


def test_round_decimal_defaults_to_two_places_half_up() -> None:
    assert round_decimal(D("100.275")) == D("100.28")


def test_round_decimal_rejects_unknown_mode() -> None:
    with pytest.raises(ValueError, match="half_even"):
        round_decimal(D("1"), 2, "half_even")


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D("74.24"), None, "74,24"),
        (1354409052, None, "1.354.409.052"),
        (D("4405"), None, "4.405"),
        (D("98"), 2, "98,00"),
        (D("-64.58"), None, "-64,58"),
        (D("-64.5828"), 2, "-64,58"),
        (D("147.2769"), 2, "147,28"),
        (D("2.675"), 2, "2,68"),
        (D("1E+3"), None, "1.000"),
        (D("1.5E+6"), None, "1.500.000"),
        (D("1E-7"), None, "0,0000001"),
        (D("1234567.891"), None, "1.234.567,891"),
        (D("999.995"), 2, "1.000,00"),
        (0, None, "0"),
        (-1234, None, "-1.234"),
        (D("74.24"), 0, "74"),
        # Rounds to zero: no "-0,00".
        (D("-0.001"), 2, "0,00"),
    ],
)
def test_angka(value: int | Decimal, places: int | None, expected: str) -> None:
    assert angka(value, places) == expected


def test_angka_rejects_float_and_bool() -> None:
    with pytest.raises(TypeError):
        angka(2.675)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        angka(True)


def test_angka_rejects_infinity() -> None:
    with pytest.raises(ValueError):
        angka(D("Infinity"))


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D("100.28"), 2, "100,28%"),
        (D("100.2777"), 2, "100,28%"),
        (D("72.38805970"), 2, "72,39%"),
        (100, 2, "100,00%"),
        (D("-64.5828"), 2, "-64,58%"),
        (D("93.886"), 1, "93,9%"),
    ],
)
def test_persen(value: int | Decimal, places: int, expected: str) -> None:
    assert persen(value, places) == expected


@pytest.mark.parametrize(
    ("value", "style", "expected"),
    [
        (5197839192, "puebi", "Rp5.197.839.192,00"),
        (D("5197839192"), "rp_titik", "Rp. 5.197.839.192,-"),
        (5197839192, "tabel", "5.197.839.192"),
        (D("1234.5"), "puebi", "Rp1.234,50"),
        (D("1234.5"), "rp_titik", "Rp. 1.234,50"),
        (D("1234.5"), "tabel", "1.234,50"),
        (D("1234.005"), "puebi", "Rp1.234,01"),
        (D("1234.004"), "tabel", "1.234"),
        (D("1E+3"), "puebi", "Rp1.000,00"),
        (D("-1500"), "puebi", "-Rp1.500,00"),
        (D("-1500"), "rp_titik", "-Rp. 1.500,-"),
        (D("-1500"), "tabel", "-1.500"),
        (0, "puebi", "Rp0,00"),
    ],
)
def test_rupiah(value: int | Decimal, style: str, expected: str) -> None:
    assert rupiah(value, style) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("1354409052"), "Rp1,35 miliar"),
        (150000000, "Rp150 juta"),
        (D("142500000"), "Rp142,5 juta"),
        (D("999999999.99"), "Rp1 miliar"),  # rounds up into the next unit, not "1.000 juta"
        (D("994999999"), "Rp995 juta"),
        (D("1E+15"), "Rp1.000 triliun"),
        (950000, "Rp950.000"),
        (D("950000.5"), "Rp950.000,50"),
        (D("-2500000"), "-Rp2,5 juta"),
        (0, "Rp0"),
        (None, "–"),
    ],
)
def test_rupiah_singkat_reads_long_amounts_in_juta_miliar_triliun(
    value: int | Decimal | None, expected: str
) -> None:
    assert rupiah_singkat(value) == expected


def test_besaran_names_the_unit_of_an_axis() -> None:
    assert besaran(D("5197839192")) == (D(10) ** 9, "miliar")
    assert besaran(-2_500_000) == (D(10) ** 6, "juta")
    assert besaran(999_999) == (D(1), "")


def test_rupiah_rejects_unknown_style() -> None:
    with pytest.raises(ValueError, match="euro"):
        rupiah(1, "euro")


@pytest.mark.parametrize("func", [angka, persen, rupiah, terbilang, terbilang_rupiah])
def test_none_prints_en_dash(func: Callable[..., str]) -> None:
    assert func(None) == "–"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2021, 2, 28), "28 Februari 2021"),
        ("2021-02-28", "28 Februari 2021"),
        (date(2021, 1, 1), "1 Januari 2021"),
        (date(2020, 12, 31), "31 Desember 2020"),
        ("2024-08-17", "17 Agustus 2024"),
        (datetime(2021, 5, 3, 14, 30), "3 Mei 2021"),
    ],
)
def test_tanggal(value: date | str, expected: str) -> None:
    assert tanggal(value) == expected


def test_bulan_tahun() -> None:
    assert bulan_tahun(date(2021, 2, 28)) == "Februari 2021"
    assert bulan_tahun("2021-11-05") == "November 2021"


def test_tanggal_rejects_bad_string_in_indonesian() -> None:
    with pytest.raises(ValueError, match="tidak dikenali"):
        tanggal("28 Februari 2021")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("196105221986081001", "19610522 198608 1 001"),
        ("19610522 198608 1 001", "19610522 198608 1 001"),
        (" 1961 0522 1986 0810 01 ", "19610522 198608 1 001"),
        ("19610522198608100", "19610522198608100"),
        ("  -  ", "-"),
        ("19610522198608100X", "19610522198608100X"),
    ],
)
def test_nip(value: str, expected: str) -> None:
    assert nip(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "nol"),
        (1, "satu"),
        (9, "sembilan"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1111, "seribu seratus sebelas"),
        (2000, "dua ribu"),
        (10_000, "sepuluh ribu"),
        (11_000, "sebelas ribu"),
        (21_000, "dua puluh satu ribu"),
        (100_000, "seratus ribu"),
        (101_000, "seratus satu ribu"),
        (1_000_000, "satu juta"),
        (1_000_001, "satu juta satu"),
        (1_001_000, "satu juta seribu"),
        (1_100_000, "satu juta seratus ribu"),
        (1_000_000_000, "satu miliar"),
        (2_000_000_000, "dua miliar"),
        (1_000_000_000_000, "satu triliun"),
        (
            5_197_839_192,
            "lima miliar seratus sembilan puluh tujuh juta delapan ratus tiga puluh sembilan ribu "
            "seratus sembilan puluh dua",
        ),
        (
            293_450_307,
            "dua ratus sembilan puluh tiga juta empat ratus lima puluh ribu tiga ratus tujuh",
        ),
        (
            723_191_342,
            "tujuh ratus dua puluh tiga juta seratus sembilan puluh satu ribu "
            "tiga ratus empat puluh dua",
        ),
        (
            999_999_999_999_999,
            "sembilan ratus sembilan puluh sembilan triliun "
            "sembilan ratus sembilan puluh sembilan miliar "
            "sembilan ratus sembilan puluh sembilan juta "
            "sembilan ratus sembilan puluh sembilan ribu "
            "sembilan ratus sembilan puluh sembilan",
        ),
        (-64, "minus enam puluh empat"),
        (D("12.05"), "dua belas koma nol lima"),
        (D("74.24"), "tujuh puluh empat koma dua empat"),
        (D("0.5"), "nol koma lima"),
        (D("-64.58"), "minus enam puluh empat koma lima delapan"),
        (D("12.50"), "dua belas koma lima"),
        (D("12.00"), "dua belas"),
        (D("1E+3"), "seribu"),
        (D("-0"), "nol"),
        (
            "293450307",
            "dua ratus sembilan puluh tiga juta empat ratus lima puluh ribu tiga ratus tujuh",
        ),
        (" 12.05 ", "dua belas koma nol lima"),
        ("-1001000", "minus satu juta seribu"),
    ],
)
def test_terbilang(value: int | Decimal | str, expected: str) -> None:
    assert terbilang(value) == expected


@pytest.mark.parametrize("value", [10**15, D("1E+15"), -(10**15), "1000000000000000"])
def test_terbilang_rejects_1000_triliun_in_indonesian(value: int | Decimal | str) -> None:
    with pytest.raises(ValueError, match="999 triliun"):
        terbilang(value)


@pytest.mark.parametrize("value", ["12,05", "1.234.567", "tujuh puluh", ""])
def test_terbilang_rejects_non_numeric_string(value: str) -> None:
    with pytest.raises(ValueError, match="bukan angka"):
        terbilang(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            293_450_307,
            "dua ratus sembilan puluh tiga juta empat ratus lima puluh ribu tiga ratus tujuh "
            "rupiah",
        ),
        (D("293450307.00"), terbilang(293_450_307) + " rupiah"),
        (D("1234.5"), "seribu dua ratus tiga puluh empat rupiah lima puluh sen"),
        (D("1000.05"), "seribu rupiah lima sen"),
        # Rounded half up to the sen, like rupiah() prints it.
        (D("1000.005"), "seribu rupiah satu sen"),
        (D("0.75"), "tujuh puluh lima sen"),
        (0, "nol rupiah"),
        (D("-1500"), "minus seribu lima ratus rupiah"),
        ("1001000", "satu juta seribu rupiah"),
    ],
)
def test_terbilang_rupiah(value: int | Decimal | str, expected: str) -> None:
    assert terbilang_rupiah(value) == expected


def test_filters_are_named_after_their_functions() -> None:
    assert sorted(FILTERS) == sorted(
        [
            "angka",
            "persen",
            "rupiah",
            "tanggal",
            "bulan_tahun",
            "nip",
            "terbilang",
            "terbilang_rupiah",
            "nilai",
            "nilai_satuan",
        ]
    )


def test_nilai_prints_numbers_predikat_and_ranges() -> None:
    assert nilai(None) == "–"
    assert nilai(Decimal("74.24")) == "74,24"
    assert nilai(4405) == "4.405"
    assert nilai("B") == "B"
    assert nilai({"min": Decimal(80), "maks": Decimal("90.5")}) == "80–90,5"
    assert nilai_satuan(Decimal(48), "%") == "48%"
    assert nilai_satuan(380, "orang") == "380 orang"
    assert nilai_satuan("B", "predikat") == "B"
    assert nilai_satuan(None, "orang") == "–"
    for name, func in FILTERS.items():
        assert func.__name__ == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-02-28", (date(2021, 2, 28), True)),
        ("2021-02", (date(2021, 2, 1), False)),
        (" 2021-02 ", (date(2021, 2, 1), False)),
    ],
)
def test_a_date_may_be_a_month_without_a_day(text: str, expected: tuple[date, bool]) -> None:
    assert parse_tanggal(text) == expected
    assert bulan_tahun(text) == "Februari 2021"


@pytest.mark.parametrize("text", ["2021-02-30", "2021-13", "Februari 2021"])
def test_a_date_the_calendar_does_not_have_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="tidak dikenali"):
        parse_tanggal(text)
