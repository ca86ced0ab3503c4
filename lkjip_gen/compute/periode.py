"""One year file, any period: the data as the report of one quarter (or the year) sees it.

A year file may hold every quarter's values beside the annual ones (``kinerja.<id>.triwulan``,
``pembilang_triwulan``, ``realisasi_triwulan`` of a sub kegiatan …). :func:`for_period` turns
it into the data of one report: ``laporan`` says that period, and every realisasi is the one of
that period, so that the model is computed by the same code for every period. Values written
for the file's own period (``realisasi``, ``pembilang``/``penyebut``) stand for that period
only; values of quarters after the report's are never read.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lkjip_gen.compute.data_types import JenisLaporan

Data = Mapping[str, Any]
# The per-quarter realisasi keys; a report never sees the quarters after its own.
QUARTER_KEYS = ("triwulan", "pembilang_triwulan", "penyebut_triwulan", "realisasi_triwulan")
TRIWULAN_TAHUNAN = 4
"""An annual report reads the quarters up to the fourth."""


@dataclass(frozen=True)
class Periode:
    """The period one report covers: the year, or one quarter of it."""

    jenis: JenisLaporan
    triwulan: int | None = None

    @classmethod
    def of(cls, laporan: Data) -> Periode:
        """The period a file's ``laporan`` names (its own period)."""
        if laporan.get("jenis") == "triwulan":
            return cls("triwulan", laporan.get("triwulan"))
        return cls("tahunan")

    @property
    def sampai(self) -> int:
        """The last quarter this period reads."""
        if self.jenis == "triwulan" and self.triwulan is not None:
            return self.triwulan
        return TRIWULAN_TAHUNAN


def up_to(values: Sequence[Any] | None, n: int, kumulatif: bool) -> Decimal | None:
    """The value up to quarter ``n``: the sum of kumulatif quarters, else the latest written.

    An annual value (``n`` = 4) needs the fourth quarter written: a year whose last quarter is
    still empty has no annual value yet.
    """
    quarters = list(values or [])[:n]
    if n == TRIWULAN_TAHUNAN and (len(quarters) < n or quarters[-1] is None):
        return None
    known = [Decimal(v) for v in quarters if v is not None]
    if not known:
        return None
    return sum(known, Decimal(0)) if kumulatif else known[-1]


def ratio_up_to(
    pembilang: Sequence[Any] | None, penyebut: Sequence[Any] | None, n: int, kumulatif: bool
) -> tuple[Decimal, Decimal] | None:
    """Pembilang and penyebut up to quarter ``n``: summed when kumulatif, else the latest pair."""
    pairs = list(zip(list(pembilang or [])[:n], list(penyebut or [])[:n], strict=False))
    if n == TRIWULAN_TAHUNAN and (len(pairs) < n or None in pairs[-1]):
        return None
    known = [(Decimal(p), Decimal(q)) for p, q in pairs if p is not None and q is not None]
    if not known:
        return None
    if not kumulatif:
        return known[-1]
    return sum((p for p, _ in known), Decimal(0)), sum((q for _, q in known), Decimal(0))


def for_period(data: Data, periode: Periode | None) -> dict[str, Any]:
    """``data`` as the report of ``periode`` (None: the file's own period) reads it.

    The result is a copy; ``data`` is left as it is.
    """
    own = Periode.of(data["laporan"])
    periode = periode or own
    result = copy.deepcopy(dict(data))
    _laporan(result, periode, own)
    n, is_own = periode.sampai, periode == own
    sifat = _sifat(data)
    for key, entry in (result.get("kinerja") or {}).items():
        _kinerja(_trim(entry, n), n, is_own, sifat.get(key) == "kumulatif")
    for node in _budget_nodes(result.get("program") or []):
        if not node.get("kegiatan") and not node.get("sub_kegiatan"):
            _money(_trim(node, n), n, is_own)
        for indikator in node.get("indikator") or []:
            _indikator(_trim(indikator, n), n, is_own)
    for entry in result.get("belanja") or []:
        for rincian in entry.get("rincian") or []:
            _money(_trim(rincian, n), n, is_own)
        _money(_trim(entry, n), n, is_own)
    return result


def _trim(entry: dict[str, Any], n: int) -> dict[str, Any]:
    """Quarters after the report's are not part of it (not even as written values)."""
    for key in QUARTER_KEYS:
        if isinstance(entry.get(key), list):
            entry[key] = entry[key][:n]
    return entry


def _laporan(data: dict[str, Any], periode: Periode, own: Periode) -> None:
    """``laporan`` says the period; a signing date written for another period is not its date."""
    laporan = data["laporan"] = dict(data["laporan"])
    laporan["jenis"] = periode.jenis
    if periode.triwulan is None:
        laporan.pop("triwulan", None)
    else:
        laporan["triwulan"] = periode.triwulan
    if periode == own:
        return
    dates = laporan.get("tanggal_triwulan") or []
    n = periode.triwulan
    if n is not None and n <= len(dates) and dates[n - 1] is not None:
        laporan["tanggal"] = dates[n - 1]
    else:
        laporan.pop("tanggal", None)


def _sifat(data: Data) -> dict[str, str]:
    """How each Renstra indicator's quarters combine, by id."""
    renstra = data.get("renstra") or {}
    return {
        ind["id"]: ind.get("sifat", "akhir_periode")
        for kind in ("tujuan", "sasaran")
        for parent in renstra.get(kind) or []
        for ind in parent.get("indikator") or []
    }


def _kinerja(entry: dict[str, Any], n: int, own: bool, kumulatif: bool) -> None:
    """This period's realisasi: as written for the file's own period, else from the quarters."""
    has_own = entry.get("realisasi") is not None or (
        entry.get("pembilang") is not None and entry.get("penyebut") is not None
    )
    if own and has_own:
        return
    for key in ("realisasi", "pembilang", "penyebut"):
        entry.pop(key, None)
    # As for the file's own period, a written realisasi wins over pembilang/penyebut.
    value = up_to(entry.get("triwulan"), n, kumulatif)
    if value is not None:
        entry["realisasi"] = value
    ratio = ratio_up_to(
        entry.get("pembilang_triwulan"), entry.get("penyebut_triwulan"), n, kumulatif
    )
    if ratio is not None:
        entry["pembilang"], entry["penyebut"] = ratio


def _indikator(indikator: dict[str, Any], n: int, own: bool) -> None:
    """A program/kegiatan/sub kegiatan indicator's realisasi for the period."""
    if own and indikator.get("realisasi") is not None:
        return
    kumulatif = indikator.get("sifat") == "kumulatif"
    indikator["realisasi"] = up_to(indikator.get("triwulan"), n, kumulatif)


def _money(node: dict[str, Any], n: int, own: bool) -> None:
    """Money spent up to the period: quarters add up (``realisasi_triwulan``)."""
    if own and node.get("realisasi") is not None:
        return
    if "realisasi" in node or node.get("realisasi_triwulan"):
        node["realisasi"] = up_to(node.get("realisasi_triwulan"), n, kumulatif=True)


def _budget_nodes(programs: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every program, kegiatan and sub kegiatan of the data."""
    for program in programs:
        yield program
        for kegiatan in program.get("kegiatan") or []:
            yield kegiatan
            yield from kegiatan.get("sub_kegiatan") or []
