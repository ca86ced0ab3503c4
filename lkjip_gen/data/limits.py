"""Bounds on input data: file size, nesting, alias expansion, text and numbers the report can use.

Every bound is far above what a real LKjIP needs (the largest example is 64 KB, 1,200 values,
9 levels deep) and far below what would exhaust a Windows PC, so a hostile or corrupted file fails
fast with a located message instead of running for minutes or gigabytes.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

from ruamel.yaml.composer import Composer
from ruamel.yaml.error import MarkedYAMLError

MAX_FILE_BYTES = 2_000_000
"""A data file larger than this is refused before parsing (YAML parses at roughly 300 KB/s)."""
MAX_DEPTH = 32
"""Nesting levels of maps and lists; the schema needs about 10."""
MAX_VALUES = 100_000
"""Values in one file."""
MAX_ALIASED = 10_000
"""Values produced by expanding YAML aliases: bounds "billion laughs" files."""
MAX_TOTAL_TEXT = 10_000_000
"""Characters of all text values together (only aliases can go beyond the file size)."""
MAX_TEXT = 100_000
"""Characters in one text value (about 40 pages of narrative)."""
MAX_DIGITS = 24
"""Significant digits of a number; rupiah amounts with sen need 17."""
MAX_EXPONENT = 18
"""Numbers must lie between 10⁻¹⁸ and 10¹⁸ in magnitude (or be zero)."""
SHOWN_CHARS = 60
"""How much of an offending value a message repeats."""

# Characters XML 1.0 cannot carry (C0 controls other than tab and newlines, lone surrogates, the
# non-characters U+FFFE/U+FFFF): a document containing one would be cut short or unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class LimitExceeded(Exception):
    """A bound was exceeded while composing; carries the 0-based position and the message."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


class BoundedComposer(Composer):
    """ruamel's composer with a nesting bound: it recurses once per level, so 500 levels would
    overflow Python's stack."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                mark = self.parser.peek_event().start_mark
                raise LimitExceeded(
                    mark.line,
                    mark.column,
                    f"data bersarang lebih dari {MAX_DEPTH} tingkat — periksa indentasi "
                    "atau kurung [ ] { } yang tidak ditutup",
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def count(number: int) -> str:
    """``100000`` → ``100.000`` (Indonesian thousands separator) for messages."""
    return f"{number:,}".replace(",", ".")


def shown(text: str) -> str:
    """``text`` quoted for a message, cut to a readable length."""
    if len(text) <= SHOWN_CHARS:
        return repr(text)
    return f"{text[:SHOWN_CHARS]!r}… ({count(len(text))} karakter)"


def character_name(char: str) -> str:
    """``U+0000 (NULL)`` for a character a message must name without printing it."""
    name = unicodedata.name(char, "")
    if not name and "\x00" <= char <= "\x1f":
        name = "karakter kendali"
    elif not name and "\ud800" <= char <= "\udfff":
        name = "surrogate tanpa pasangan"
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def text_problem(text: str) -> str | None:
    """Why a text value cannot go into a document, or None when it can."""
    if len(text) > MAX_TEXT:
        return (
            f"teks terlalu panjang ({count(len(text))} karakter, paling banyak "
            f"{count(MAX_TEXT)}) — pecah menjadi beberapa bagian"
        )
    bad = _NOT_XML.search(text)
    if bad:
        return (
            f"teks berisi karakter {character_name(bad.group())} pada karakter ke-"
            f"{bad.start() + 1}, yang tidak dapat dimuat dokumen Word — hapus karakter itu "
            "(biasanya terbawa saat menyalin dari PDF atau aplikasi lain)"
        )
    return None


def integer_problem(text: str) -> str | None:
    """Why an integer as written is out of bounds (checked before converting: Python refuses to
    convert more than 4,300 digits, and huge numbers make every later step slow)."""
    digits = sum(c.isdigit() for c in text)
    if digits > MAX_DIGITS:
        return f"angka {shown(text)} terlalu besar ({digits} digit) — periksa angkanya"
    return None


def decimal_problem(text: str, value: Decimal) -> str | None:
    """Why a decimal number is out of bounds: ``1e999999999`` would take gigabytes to print."""
    if value.is_zero():
        return None
    places = len(value.as_tuple().digits)
    if places > MAX_DIGITS or not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
        return (
            f"angka {shown(text)} di luar jangkauan (paling besar 10^{MAX_EXPONENT}, paling "
            f"kecil 10^-{MAX_EXPONENT}, paling banyak {MAX_DIGITS} digit) — periksa angkanya"
        )
    return None


def marked(exc: MarkedYAMLError) -> tuple[int, int]:
    """The 1-based line and column a ruamel error points at."""
    mark = exc.problem_mark or exc.context_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)
