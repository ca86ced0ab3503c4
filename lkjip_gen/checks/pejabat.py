"""Signatories: a civil servant's NIP has 18 digits — date of birth (YYYYMMDD), year and month of
appointment (YYYYMM), sex (1 or 2) and a serial number — and a wrong one is printed on every
signature page.
"""

from __future__ import annotations

from datetime import date

from lkjip_gen.checks.checker import Checker
from lkjip_gen.data.load import Path_

NIP_DIGITS = 18
# Nobody is appointed a civil servant before this age (the lowest age for CPNS is 18).
MIN_AGE = 17


def run(c: Checker) -> None:
    """The NIP of every pejabat: head, superior and the heads of units."""
    for who in ("kepala", "atasan"):
        _pejabat(c, ("instansi", who))
    for path, _ in _units(c, ("organisasi", "unit")):
        _pejabat(c, (*path, "kepala"))


def _units(c: Checker, path: Path_) -> list[tuple[Path_, dict[str, object]]]:
    found = []
    for unit_path, unit in c.each(path):
        found.append((unit_path, unit))
        found += _units(c, (*unit_path, "subunit"))
    return found


def _pejabat(c: Checker, path: Path_) -> None:
    nip = c.get((*path, "nip"))
    if not isinstance(nip, str):
        return
    problem = nip_problem(nip)
    if problem:
        c.warn(
            (*path, "nip"),
            f'NIP {nip!r} {problem} — periksa NIP-nya (contoh: "196105221986081001", dicetak '
            "19610522 198608 1 001)",
            "cek.nip",
        )


def nip_problem(nip: str) -> str | None:
    """What is wrong with a NIP, in words; None for a well-formed one."""
    digits = nip.replace(" ", "")
    if len(digits) != NIP_DIGITS:
        return f"berisi {len(digits)} angka, padahal NIP {NIP_DIGITS} angka"
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return f"diawali {digits[:8]}, yang bukan tanggal lahir (TTTTBBHH)"
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12:
        return f"memuat bulan pengangkatan {digits[8:14]} (TTTTBB) yang tidak ada"
    if year < born.year + MIN_AGE:
        return f"memuat tahun pengangkatan {year}, sebelum pemiliknya (lahir {born.year}) dewasa"
    if digits[14] not in "12":
        return f"memuat kode jenis kelamin {digits[14]} (angka ke-15 harus 1 atau 2)"
    return None
