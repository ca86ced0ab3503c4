"""Cell values as Indonesian offices type them, read back as exact numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip_gen.excel.cells import ExcelError, normalize, parse_number, parse_value
from lkjip_gen.excel.columns import ANGGARAN, KINERJA, triwulan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234.567,00", "1234567.00"),
        ("Rp 5.197.839.192,-", "5197839192"),
        ("Rp. 5.197.839.192,-", "5197839192"),
        ("(1.500)", "-1500"),
        ("74,24", "74.24"),
        ("4.405", "4405"),  # four thousand four hundred and five, as Indonesians write it
        ("4.97", "4.97"),  # a dot before two digits is a decimal point
        ("0.500", "0.500"),  # a leading zero never starts a thousands grouping
        ("1,234,567", "1234567"),
        ("1,234", "1.234"),
        ("12%", "12"),
        ("−0,72", "-0.72"),
        ("1 234 567", "1234567"),
    ],
)
def test_indonesian_numbers(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)
    assert str(parse_number(text)) == expected


@pytest.mark.parametrize("text", ["abc", "1.2.3", "", "12a", "1,2,3"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_normalize_and_values() -> None:
    assert normalize(4.97) == Decimal("4.97")  # the shortest decimal of the double
    assert normalize(142500000.0) == Decimal("142500000.0")
    assert normalize("  #REF! ") == ExcelError("#REF!")
    assert normalize(" \u00a0 ") is None
    assert parse_value("80–90") == {"min": Decimal(80), "maks": Decimal(90)}
    assert parse_value("B") == "B"
    assert parse_value("48,50") == Decimal("48.50")


def test_header_labels() -> None:
    labels = {
        1: "Kode Rekening", 2: "Uraian", 3: "Anggaran Sebelum Perubahan",
        4: "Anggaran Setelah Perubahan (Rp)", 5: "Realisasi s.d. Bulan Ini", 6: "Realisasi (%)",
        7: "Sisa Anggaran", 8: "Sumber Dana",
    }  # fmt: skip
    assert ANGGARAN.assign(labels) == {
        "kode": 1, "uraian": 2, "pagu": 4, "realisasi": 5, "sumber_dana": 8,
    }  # fmt: skip
    labels = {1: "ID", 2: "Indikator Kinerja", 3: "Target", 4: "Realisasi TW II", 5: "Target TW 3"}
    assert KINERJA.assign(labels) == {
        "id": 1, "indikator": 2, "target": 3, "tw2": 4, "target_tw3": 5,
    }  # fmt: skip
    assert [triwulan(x) for x in ("tw iv", "triwulan 2", "tribulan i", "target")] == [4, 2, 1, None]
