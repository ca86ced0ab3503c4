"""A report's period in words, and the month it is signed when the data gives no date.

Both ``lkjip init`` (writing a new file) and the model (reading one) use these, so a new file
says what the model would assume.
"""

from __future__ import annotations

ROMAWI = ("I", "II", "III", "IV")


def periode(tahun: int, triwulan: int | None) -> str:
    """The period as the cover prints it: "Tahun 2022", or "Triwulan I Tahun 2023"."""
    if triwulan is None:
        return f"Tahun {tahun}"
    return f"Triwulan {ROMAWI[triwulan - 1]} Tahun {tahun}"


def signing_month(tahun: int, triwulan: int | None) -> str:
    """The month (no day) a report is due: offices leave the day blank anyway.

    An annual report in February of the next year; a quarterly one in the month after its
    quarter.
    """
    if triwulan is None:
        return f"{tahun + 1}-02"
    month = 3 * triwulan + 1
    return f"{tahun}-{month:02d}" if month <= 12 else f"{tahun + 1}-01"


def pk_month(tahun: int) -> str:
    """The month a Perjanjian Kinerja is signed: January of the year it covers."""
    return f"{tahun}-01"
