"""Indonesian numbers, percentages, rupiah, dates, NIP and terbilang: the Jinja filters."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

DASH = "–"
"""Printed for a missing value (not yet measured), as the seeds do."""

_ROUNDING = {"half_up": ROUND_HALF_UP, "truncate": ROUND_DOWN}

_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

_SATUAN = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
# Index i names the group of three digits worth 1000**i.
_SKALA = ("", "ribu", "juta", "miliar", "triliun")
_TERBILANG_LIMIT = 1000 ** len(_SKALA)

_RUPIAH_STYLES = ("puebi", "rp_titik", "tabel")
_MONTH_ONLY = re.compile(r"[0-9]{4}-[0-9]{2}")


def round_decimal(value: Decimal, places: int = 2, mode: str = "half_up") -> Decimal:
    """Round ``value`` to ``places`` decimals; the only rounding the engine uses.

    ``Decimal.quantize`` rather than ``round()`` or float formatting, because those round half-even
    or work in binary (2.675 would become 2.67).

    Args:
        value: The number to round.
        places: Decimals to keep.
        mode: ``"half_up"`` (the norm) or ``"truncate"`` (toward zero), for offices that must
            reproduce last year's truncated numbers.

    Raises:
        ValueError: ``mode`` is not one of the two above.
    """
    try:
        rounding = _ROUNDING[mode]
    except KeyError:
        raise ValueError(
            f"cara pembulatan {mode!r} tidak dikenal — pilih salah satu: {', '.join(_ROUNDING)}"
        ) from None
    return value.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def angka(value: int | Decimal | None, places: int | None = None) -> str:
    """Write a number the Indonesian way: ``1.354.409.052``, ``74,24``, ``-64,58``.

    Args:
        value: The number; ``None`` (not measured) prints an en dash.
        places: ``None`` prints the value with the decimals it has; a number pads or rounds
            (half up) to that many decimals.
    """
    if value is None:
        return DASH
    number = _to_decimal(value)
    if places is not None:
        number = round_decimal(number, places)
    # The "f" type never switches to scientific notation, unlike str(Decimal("1E+3")).
    text = format(number, ",f").translate(str.maketrans(",.", ".,"))
    # A value that rounds to zero keeps Decimal's sign ("-0,00"); nobody writes that.
    if number.is_zero():
        text = text.lstrip("-")
    return text


def persen(value: int | Decimal | None, places: int = 2) -> str:
    """Write a percentage: ``100,28%``; ``None`` prints an en dash with no sign."""
    if value is None:
        return DASH
    return f"{angka(value, places)}%"


def rupiah(value: int | Decimal | None, style: str = "puebi") -> str:
    """Write an amount of money, rounded half up to the sen.

    Args:
        value: The amount; ``None`` prints an en dash.
        style: ``"puebi"`` for prose (``Rp5.197.839.192,00``), ``"rp_titik"`` for offices that
            write ``Rp. 5.197.839.192,-``, ``"tabel"`` for a bare number under an "(Rp)" header
            (``5.197.839.192``). The last two show sen only when there are some.

    Raises:
        ValueError: ``style`` is not one of the three above.
    """
    if style not in _RUPIAH_STYLES:
        raise ValueError(
            f"gaya rupiah {style!r} tidak dikenal — pilih salah satu: {', '.join(_RUPIAH_STYLES)}"
        )
    if value is None:
        return DASH
    amount = round_decimal(_to_decimal(value), 2)
    # The minus goes before "Rp" so that the symbol stays attached to the digits.
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    has_sen = amount != amount.to_integral_value()
    if style == "puebi":
        return f"{sign}Rp{angka(amount)}"
    if style == "rp_titik":
        # ",-" stands for "no sen"; with sen it would be wrong, so they are written instead.
        return f"{sign}Rp. {angka(amount)}" if has_sen else f"{sign}Rp. {angka(amount, 0)},-"
    return sign + (angka(amount) if has_sen else angka(amount, 0))


_BESARAN = tuple(
    (Decimal(10) ** power, name) for power, name in ((12, "triliun"), (9, "miliar"), (6, "juta"))
)


def besaran(value: int | Decimal) -> tuple[Decimal, str]:
    """The unit a long amount is read in: ``(10**9, "miliar")`` for 1.354.409.052.

    Below a million it is ``(1, "")``: the amount is written in full.
    """
    size = abs(_to_decimal(value))
    return next(((unit, name) for unit, name in _BESARAN if size >= unit), (Decimal(1), ""))


def rupiah_singkat(value: int | Decimal | None, places: int = 2) -> str:
    """An amount as a chart labels it: ``Rp1,35 miliar``, ``Rp150 juta``, ``Rp950.000``.

    Rounded half up to ``places`` decimals of its unit, trailing zeros dropped; the unit is the
    largest the rounded amount reaches (999.999.999,99 is ``Rp1 miliar``, not 1.000 juta).
    """
    if value is None:
        return DASH
    amount = _to_decimal(value)
    sign = "-" if amount < 0 else ""
    for unit, name in _BESARAN:
        short = round_decimal(abs(amount) / unit, places)
        if short >= 1:
            return f"{sign}Rp{angka(short.normalize())} {name}"
    return f"{sign}Rp{rupiah(abs(amount), 'tabel')}"


def tanggal(d: date | str) -> str:
    """Write a date as ``28 Februari 2021``; accepts a ``date`` or an ISO ``2021-02-28`` string.

    A month without a day (``2021-02``), as offices sign some reports, gives ``Februari 2021``.
    """
    if isinstance(d, str):
        day, has_day = parse_tanggal(d)
        if not has_day:
            return bulan_tahun(day)
    else:
        day = _to_date(d)
    return f"{day.day} {_BULAN[day.month - 1]} {day.year}"


def parse_tanggal(text: str) -> tuple[date, bool]:
    """A date as the data writes it: ``2021-02-28``, or ``2021-02`` for a month without a day.

    Returns the date (the 1st, for a month) and whether a day was written.

    Raises:
        ValueError: ``text`` is neither, or names a day the calendar does not have.
    """
    written = text.strip()
    has_day = not _MONTH_ONLY.fullmatch(written)
    try:
        return date.fromisoformat(written if has_day else f"{written}-01"), has_day
    except ValueError:
        raise ValueError(
            f"tanggal {text!r} tidak dikenali — tulis TTTT-BB-HH, misalnya 2021-02-28"
        ) from None


def bulan_tahun(d: date | str) -> str:
    """Write the month and year of a date: ``Februari 2021``."""
    day = _to_date(d)
    return f"{_BULAN[day.month - 1]} {day.year}"


def nip(value: str) -> str:
    """Group an 18-digit NIP as ``19610522 198608 1 001`` (birth date, appointment, sex, number).

    Spaces are removed first so an already grouped NIP comes out the same; anything that is not
    18 digits is returned stripped but otherwise as written, since we cannot know its grouping.
    """
    digits = "".join(value.split())
    if len(digits) != 18 or not digits.isdigit():
        return value.strip()
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def terbilang(value: int | Decimal | str | None) -> str:
    """Write a number in Indonesian words, as beside amounts in prose.

    *Se-* replaces *satu* only before *puluh*, *belas*, *ratus* and *ribu* (sepuluh, sebelas,
    seratus, seribu), and *seribu* only when the whole thousands group is one: 1.001.000 is
    "satu juta seribu". Decimals are read digit by digit after "koma"; trailing zeros of the
    fraction are not read, as they do not change the value.

    Args:
        value: An int, a ``Decimal`` or a numeric string such as ``"12.05"``; ``None`` prints an
            en dash.

    Raises:
        ValueError: The string is not a number, or the value reaches 1.000 triliun.
    """
    if value is None:
        return DASH
    number = _terbilang_input(value)
    whole, _, fraction = format(abs(number), "f").partition(".")
    integer = int(whole)
    if integer >= _TERBILANG_LIMIT:
        raise ValueError(
            f"{angka(number)} terlalu besar untuk ditulis dengan huruf — "
            "terbilang hanya sampai 999 triliun"
        )
    words = _integer_words(integer)
    fraction = fraction.rstrip("0")
    if fraction:
        words += " koma " + " ".join(_SATUAN[int(digit)] for digit in fraction)
    if number < 0 and (integer or fraction):
        words = f"minus {words}"
    return words


def terbilang_rupiah(value: int | Decimal | str | None) -> str:
    """Write an amount of money in words: "… rupiah", then "… sen" when there are sen.

    The amount is rounded half up to the sen first, matching what :func:`rupiah` prints beside it.
    """
    if value is None:
        return DASH
    amount = round_decimal(_terbilang_input(value), 2)
    rupiah_part = int(abs(amount))
    sen = int((abs(amount) - rupiah_part) * 100)
    parts = []
    # "nol rupiah lima puluh sen" reads oddly; a pure sen amount is said in sen alone.
    if rupiah_part or not sen:
        parts.append(f"{terbilang(rupiah_part)} rupiah")
    if sen:
        parts.append(f"{terbilang(sen)} sen")
    words = " ".join(parts)
    return f"minus {words}" if amount < 0 else words


def nilai(value: Any) -> str:
    """A target or realisasi: a number, a predikat such as "B", or a range {min, maks}."""
    if value is None:
        return DASH
    if isinstance(value, Mapping):
        return f"{angka(value['min'])}–{angka(value['maks'])}"
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return angka(value)
    return str(value)


def nilai_satuan(value: Any, satuan: str | None) -> str:
    """A value with its unit as offices print targets: ``48%``, ``380 orang``, ``B``."""
    text = nilai(value)
    if value is None or not satuan or isinstance(value, str):
        return text
    return f"{text}%" if satuan.strip() == "%" else f"{text} {satuan}"


FILTERS: dict[str, Callable[..., str]] = {
    "angka": angka,
    "persen": persen,
    "rupiah": rupiah,
    "tanggal": tanggal,
    "bulan_tahun": bulan_tahun,
    "nip": nip,
    "terbilang": terbilang,
    "terbilang_rupiah": terbilang_rupiah,
    "nilai": nilai,
    "nilai_satuan": nilai_satuan,
}
"""The filters registered in the Jinja environment, by the name templates use."""


def _to_decimal(value: int | Decimal) -> Decimal:
    """Accept only exact numbers: a float here means binary rounding crept in upstream."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise TypeError(f"expected int or Decimal, got {type(value).__name__}: {value!r}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"{value} bukan angka yang bisa ditulis")
    return number


def _terbilang_input(value: int | Decimal | str) -> Decimal:
    """Also accept a numeric string, since amounts in words are sometimes typed as text."""
    if not isinstance(value, str):
        return _to_decimal(value)
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        raise ValueError(
            f"{value!r} bukan angka — tulis dengan titik desimal tanpa pemisah ribuan, "
            "misalnya 1234567.89"
        ) from None
    return _to_decimal(number)


def _to_date(d: date | str) -> date:
    if isinstance(d, date):
        return d
    if not isinstance(d, str):
        raise TypeError(f"expected date or ISO string, got {type(d).__name__}: {d!r}")
    return parse_tanggal(d)[0]


def _integer_words(n: int) -> str:
    """Words for 0 <= n < 1000 triliun, one group of three digits at a time."""
    if n == 0:
        return "nol"
    parts = []
    for i in reversed(range(len(_SKALA))):
        group = n // 1000**i % 1000
        if not group:
            continue
        if i == 1 and group == 1:
            parts.append("seribu")
        elif i == 0:
            parts.append(_hundreds_words(group))
        else:
            parts.append(f"{_hundreds_words(group)} {_SKALA[i]}")
    return " ".join(parts)


def _hundreds_words(n: int) -> str:
    """Words for 1 <= n <= 999."""
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds == 1:
        parts.append("seratus")
    elif hundreds:
        parts.append(f"{_SATUAN[hundreds]} ratus")
    if rest == 10:
        parts.append("sepuluh")
    elif rest == 11:
        parts.append("sebelas")
    elif 11 < rest < 20:
        parts.append(f"{_SATUAN[rest - 10]} belas")
    elif rest >= 20:
        tens, units = divmod(rest, 10)
        parts.append(f"{_SATUAN[tens]} puluh")
        if units:
            parts.append(_SATUAN[units])
    elif rest:
        parts.append(_SATUAN[rest])
    return " ".join(parts)
