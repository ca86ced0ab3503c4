"""Plausibility: the typing slips that give a valid file and a wrong published number.

The thresholds are general rules about how numbers are typed, not fitted to any office:

- ``RUPIAH_MINIMUM`` (Rp1.000): no budget line is smaller; ``690.000`` typed with one thousands
  dot loads as 690, and a serapan percentage typed into a rupiah field is below it too.
- A share (satuan ``%``, not a growth rate) cannot exceed 100.
- ``SLIP_FACTOR`` (8): a digit added or dropped, or a misplaced decimal point, multiplies a value
  by about 10. A realisasi at least 8 times away from every reference it has (the target and
  last year's realisasi), or at least 8 times its target when the target is its only reference,
  is flagged; so is a Renstra target 8 times away from the years beside it. Real results that
  far apart are rare and can be answered with a ``catatan``.
- ``SERAPAN_MINIMUM`` (10 %): in an annual report, a sub kegiatan that spent something but less
  than a tenth of its pagu most often has a digit too many in the pagu.
- Indicators whose name says lower is better (Tingkat Pengangguran …) should be ``negatif``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from lkjip_gen.checks.checker import Checker, child_of, is_number, quoted
from lkjip_gen.compute.capaian import persen, realisasi_rasio
from lkjip_gen.data.load import Path_
from lkjip_gen.formatting import angka

RUPIAH_MINIMUM = Decimal(1000)
SLIP_FACTOR = Decimal(8)
SERAPAN_MINIMUM = Decimal(10)
_GROWTH = re.compile(r"pening|pertumbuh|kenaik|perubah|laju|rasio", re.IGNORECASE)
_LOWER_IS_BETTER = re.compile(
    r"^(tingkat|angka|persentase|jumlah|prevalensi)\s+(pengangguran|kemiskinan|kematian|"
    r"kesakitan|buta huruf|putus sekolah|kecelakaan kerja)\b",
    re.IGNORECASE,
)
_THOUSANDS = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+")


def run(c: Checker) -> None:
    """Every plausibility check that applies to this file."""
    _rupiah(c)
    _indicators(c)
    _budget_indicators(c)
    _serapan(c)


def _rupiah(c: Checker) -> None:
    places: list[Path_] = []
    for path, _ in c.budget_nodes():
        places += [(*path, f) for f in ("pagu", "realisasi", "pagu_pk")]
    for path, _ in c.each(("belanja",)):
        places += [(*path, f) for f in ("pagu", "realisasi")]
        for row, _ in c.each((*path, "rincian")):
            places += [(*row, f) for f in ("pagu", "realisasi")]
    for path in places:
        value = c.get(path)
        if is_number(value) and 0 < value < RUPIAH_MINIMUM:
            text = c.text(path, value)
            hint = (
                f"bila maksudnya {text.replace('.', '')}, tulis tanpa titik pemisah ribuan"
                if _THOUSANDS.fullmatch(text)
                else "tulis rupiahnya lengkap tanpa titik (persentase serapan dihitung sendiri)"
            )
            c.warn(path, f"{text} rupiah terlalu kecil untuk anggaran — {hint}", "cek.rupiah_kecil")


def is_share(satuan: str | None, nama: str) -> bool:
    """A percentage of a whole (not a growth rate or a ratio), so never above 100."""
    if not satuan or not ("%" in satuan or satuan.strip().lower() == "persen"):
        return False
    return not _GROWTH.search(nama)


def _indicators(c: Checker) -> None:
    for key, (ind_path, ind) in c.indicators.items():
        share = is_share(ind["satuan"], ind["nama"])
        _polaritas(c, ind_path, ind)
        targets = ind.get("target") or {}
        for year, value in targets.items():
            path = (*ind_path, "target", year)
            _over_100(c, path, value, share, ind["nama"])
            _target_slip(c, path, targets, year)
        entry = c.get(("kinerja", key))
        if not isinstance(entry, dict):
            continue
        for field in ("target", "realisasi"):
            _over_100(c, ("kinerja", key, field), entry.get(field), share, ind["nama"])
        if share and is_number(entry.get("pembilang")) and is_number(entry.get("penyebut")):
            value = realisasi_rasio(entry)
            if value is not None and value > 100 and entry.get("realisasi") is None:
                c.warn(
                    ("kinerja", key, "pembilang"),
                    f"pembilang {c.text(('kinerja', key, 'pembilang'), entry['pembilang'])} "
                    f"lebih besar dari penyebut: realisasi {angka(value, 2)}% melebihi 100 — "
                    "periksa pembilang dan penyebutnya",
                    "cek.persen",
                )
        _realisasi_slip(c, key, ind, entry)


def _polaritas(c: Checker, path: Path_, ind: dict[str, Any]) -> None:
    if ind.get("polaritas", "positif") == "negatif" or not _LOWER_IS_BETTER.match(ind["nama"]):
        return
    c.warn(
        (*path, "nama"),
        f"{quoted(ind['nama'])} makin rendah makin baik, tetapi indikatornya positif — tambahkan "
        "polaritas: negatif (capaiannya kini dihitung realisasi/target)",
        "cek.polaritas",
    )


def _over_100(c: Checker, path: Path_, value: Any, share: bool, nama: str) -> None:
    if share and is_number(value) and value > 100:
        c.warn(
            path,
            f"{c.text(path, value)}% lebih dari 100 — {quoted(nama)} adalah bagian dari "
            "keseluruhan, jadi tidak dapat melebihi 100%; periksa angkanya (tanda desimal "
            "bergeser?)",
            "cek.persen",
        )


def far(value: Decimal, reference: Decimal) -> bool:
    """``value`` is at least SLIP_FACTOR times above or below ``reference`` (both positive)."""
    return value >= reference * SLIP_FACTOR or reference >= value * SLIP_FACTOR


def _target_slip(c: Checker, path: Path_, targets: dict[str, Any], year: str) -> None:
    value = targets[year]
    near = [targets.get(str(int(year) + step)) for step in (-1, 1)]
    refs = [Decimal(v) for v in near if is_number(v) and v > 0]
    if is_number(value) and value > 0 and refs and all(far(Decimal(value), r) for r in refs):
        shown = " dan ".join(angka(r) for r in refs)
        c.warn(
            path,
            f"target {c.text(path, value)} jauh dari target tahun di sebelahnya ({shown}) — "
            "periksa angkanya: salah ketik angka atau tanda desimal?",
            "cek.lonjakan",
        )


def _realisasi_slip(c: Checker, key: str, ind: dict[str, Any], entry: dict[str, Any]) -> None:
    value = entry.get("realisasi")
    if not is_number(value) or value <= 0 or c.tahun is None:
        return
    target = entry.get("target")
    if target is None:
        target = (ind.get("target") or {}).get(str(c.tahun))
    last = (entry.get("riwayat") or {}).get(str(c.tahun - 1))
    if isinstance(last, dict):
        last = last.get("realisasi")
    refs = {"target": target, "realisasi tahun lalu": last}
    known = {k: Decimal(v) for k, v in refs.items() if is_number(v) and v > 0}
    real = Decimal(value)
    if not known:
        return
    if "realisasi tahun lalu" not in known:
        flagged = real >= known["target"] * SLIP_FACTOR
    else:
        flagged = all(far(real, r) for r in known.values())
    if flagged:
        path = ("kinerja", key, "realisasi")
        shown = " dan ".join(f"{k} {angka(v)}" for k, v in known.items())
        c.warn(
            path,
            f"realisasi {c.text(path, value)} jauh dari {shown} (lebih dari {SLIP_FACTOR} kali) "
            "— periksa angkanya: salah ketik angka atau tanda desimal?",
            "cek.lonjakan",
        )


def _budget_indicators(c: Checker) -> None:
    for path, _ in c.budget_nodes():
        for ind_path, ind in c.each((*path, "indikator")):
            share = is_share(ind.get("satuan"), ind["nama"])
            for field in ("target", "realisasi"):
                _over_100(c, (*ind_path, field), ind.get(field), share, ind["nama"])
            target, real = ind.get("target"), ind.get("realisasi")
            if is_number(target) and is_number(real) and 0 < target * SLIP_FACTOR <= real:
                where = (*ind_path, "realisasi")
                c.warn(
                    where,
                    f"realisasi {c.text(where, real)} lebih dari {SLIP_FACTOR} kali target "
                    f"{angka(target)} — periksa angkanya: salah ketik angka atau tanda desimal?",
                    "cek.lonjakan",
                )


def _serapan(c: Checker) -> None:
    if c.get(("laporan", "jenis")) != "tahunan":
        return
    for path, node in c.budget_nodes():
        child = child_of(path[-2])
        if child and node.get(child):
            continue  # amounts are entered at the lowest level only
        pagu, real = node.get("pagu"), node.get("realisasi")
        if not (is_number(pagu) and is_number(real)) or real <= 0 or pagu < RUPIAH_MINIMUM:
            continue
        serapan = persen(Decimal(real), Decimal(pagu))
        if serapan is not None and serapan < SERAPAN_MINIMUM:
            c.warn(
                (*path, "pagu"),
                f"serapan hanya {angka(serapan, 2)}% (realisasi {angka(real)} dari pagu "
                f"{angka(pagu)}) — periksa pagunya: kelebihan satu angka?",
                "cek.serapan",
            )
