"""Cell values as offices type them: Indonesian numbers, numbers stored as text, Excel errors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from lkjip_gen.data import limits

# Excel keeps 15 significant digits, and the schema bounds rupiah below 10^15.
LIMIT = Decimal(10) ** 15
ERRORS = ("#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!")
DASHES = {"-", "–", "—", "--"}

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_CURRENCY = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")
_RANGE = re.compile(r"^(.+?)\s*[–—-]\s*(.+)$")


@dataclass(frozen=True)
class ExcelError:
    """An error value in a cell (``#REF!``): the formula behind it is broken."""

    code: str


Value = Decimal | str | ExcelError | None


def normalize(raw: Any) -> Value:
    """A cell's value as the importer reads it: empty → None, numbers → Decimal, text stripped.

    Floats come from Excel's binary doubles: ``repr`` gives the shortest decimal that reads back
    as the same double, which is the number the user typed (4.97, not 4.969999…).
    """
    if raw is None or isinstance(raw, bool):
        return None if raw is None else str(raw).upper()
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            return ExcelError("#NUM!")
        return Decimal(repr(raw))
    if isinstance(raw, (datetime, date, time)):
        return raw.isoformat()
    text = _SPACES.sub(" ", str(raw)).strip()
    if not text:
        return None
    if text.upper() in ERRORS:
        return ExcelError(text.upper())
    return text


def number(value: Value) -> Decimal | None:
    """A number from a normalised cell: Decimals as they are, text read the Indonesian way."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        return parse_number(value)
    return None


def parse_number(text: str) -> Decimal | None:
    """Read ``1.234.567,00``, ``Rp 5.197.839.192,-``, ``(1.500)``, ``74,24``, ``4.405``, ``12%``.

    A dot followed by groups of exactly three digits is a thousands separator (``4.405`` is four
    thousand four hundred and five, as Indonesians write it); with both marks, the last one is
    the decimal mark. Returns None for anything that is not a number.
    """
    s = _SPACES.sub("", text.replace("−", "-"))
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    s = _CURRENCY.sub("", s)
    if s.startswith("-"):
        negative, s = not negative, s[1:]
    s = s.removesuffix("%").removesuffix(",-").removesuffix(",00-")
    if not _DIGITS.match(s):
        return None
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."
    elif commas:
        # "1,234,567" is an English thousands grouping; a single comma is the decimal mark.
        decimal_mark = "." if commas > 1 and _grouped(s, ",") else ","
    elif dots:
        decimal_mark = "" if _grouped(s, ".") else "."
    else:
        decimal_mark = ""
    thousands = {",": ".", ".": ",", "": "."}[decimal_mark]
    s = s.replace(thousands, "")
    if decimal_mark == ",":
        s = s.replace(",", ".")
    if s.count(".") > 1:
        return None
    try:
        result = Decimal(s)
    except InvalidOperation:
        return None
    if range_problem(result):
        return None
    return -result if negative else result


def range_problem(value: Decimal) -> str | None:
    """Why a number cannot go into the data file, or None when it can: above Excel's 15 digits,
    or beyond the loader's bounds on small and long numbers (``data.limits``: ``1e-300``)."""
    if abs(value) >= LIMIT:
        return f"angka {value:E} terlalu besar (lebih dari 15 digit)"
    if limits.decimal_problem(str(value), value):
        return (
            f"angka {value:E} terlalu kecil atau terlalu panjang (paling kecil "
            f"10^-{limits.MAX_EXPONENT}, paling banyak {limits.MAX_DIGITS} digit)"
        )
    return None


def _grouped(s: str, mark: str) -> bool:
    """Every group after ``mark`` has exactly three digits: a thousands grouping."""
    head, *groups = s.split(mark)
    return 1 <= len(head) <= 3 and head[0] != "0" and all(len(g) == 3 for g in groups)


def parse_value(value: Value) -> Decimal | str | dict[str, Decimal] | None:
    """A target or realisasi: a number, a range ``80–90`` as {min, maks}, or a predikat text.

    A dash means "nothing here", as in printed tables.
    """
    if value is None or isinstance(value, ExcelError) or is_dash(value):
        return None
    if isinstance(value, Decimal):
        return value
    found = parse_number(value)
    if found is not None:
        return found
    match = _RANGE.match(value)
    if match:
        low, high = parse_number(match.group(1)), parse_number(match.group(2))
        if low is not None and high is not None:
            return {"min": low, "maks": high}
    return value


def is_dash(value: Value) -> bool:
    """A dash stands for zero in finance exports ("tidak dianggarkan")."""
    return isinstance(value, str) and value in DASHES


def tidy(value: Decimal) -> Decimal | int:
    """A whole number as int, any other without trailing zeros: what the YAML should show."""
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()
