"""Capaian of one indicator: every formula of DOMAIN.md §4.1 and its edge cases, in Decimal.

Each function returns a :class:`Capaian`: either a value, or ``None`` with the reason in Indonesian
("tidak dapat dihitung: target 0"). No path raises, returns ``inf`` or ``NaN``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any

from lkjip_gen.compute.data_types import Nilai
from lkjip_gen.data.settings import PREDIKAT_PRESETS, Rumus, RumusNegatif, Settings

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Capaian:
    """A computed capaian, or why there is none."""

    nilai: Decimal | None
    rumus: Rumus
    alasan: str | None = None


def _div(a: Decimal, b: Decimal) -> Decimal:
    return a / b * HUNDRED


def positif(target: Decimal, realisasi: Decimal) -> Capaian:
    """Higher is better: realisasi / target × 100."""
    if target == 0:
        return Capaian(None, "positif", "target 0: capaian tidak dapat dihitung")
    return Capaian(_div(realisasi, target), "positif")


def selisih(target: Decimal, realisasi: Decimal, *, minimum_nol: bool = False) -> Capaian:
    """Lower is better, PermenPAN-RB 6/2022: (2 × target − realisasi) / target × 100.

    The result goes below zero once realisasi exceeds twice the target; offices that clamp it
    at 0 set ``capaian_negatif_nol``.
    """
    if target == 0:
        return Capaian(None, "selisih", "target 0: capaian tidak dapat dihitung")
    value = _div(2 * target - realisasi, target)
    if minimum_nol and value < 0:
        value = Decimal(0)
    return Capaian(value, "selisih")


def rasio(target: Decimal, realisasi: Decimal) -> Capaian:
    """Lower is better, seed 000's practice: target / realisasi × 100."""
    if realisasi == 0:
        return Capaian(None, "rasio", "realisasi 0: rumus target/realisasi tidak terdefinisi")
    return Capaian(_div(target, realisasi), "rasio")


def predikat_scale(spec: str | list[str] | None) -> tuple[str, ...]:
    """The ordered letters of a qualitative scale, lowest first."""
    if spec is None:
        return ()
    if isinstance(spec, str):
        return PREDIKAT_PRESETS[spec]
    return tuple(spec)


def skor_predikat(value: str, scale: tuple[str, ...]) -> Decimal | None:
    """Ordinal score of a letter (SAKIP D=1 … AA=7); ``None`` when it is not on the scale."""
    normalized = value.strip().upper()
    for index, letter in enumerate(scale, start=1):
        if letter.upper() == normalized:
            return Decimal(index)
    return None


def measure_capaian(
    target: Nilai,
    realisasi: Nilai,
    *,
    polaritas: str = "positif",
    rumus_negatif: RumusNegatif = "selisih",
    minimum_nol: bool = False,
    skala_predikat: tuple[str, ...] = (),
) -> Capaian:
    """Capaian of any indicator kind: numeric, predikat (letters) or a range target."""
    if target is None:
        return Capaian(None, "positif", "target belum diisi")
    if realisasi is None:
        return Capaian(None, "positif", "realisasi belum diisi")
    if isinstance(target, str) or isinstance(realisasi, str):
        if not skala_predikat:
            return Capaian(None, "positif", "nilai bukan angka: capaian tidak dapat dihitung")
        t = skor_predikat(str(target), skala_predikat)
        r = skor_predikat(str(realisasi), skala_predikat)
        if t is None or r is None:
            return Capaian(None, "predikat", "predikat tidak ada dalam skala")
        result = _numeric(t, r, polaritas, rumus_negatif, minimum_nol)
        return Capaian(result.nilai, "predikat", result.alasan)
    if isinstance(target, dict):
        if isinstance(realisasi, dict):
            return Capaian(None, "rentang", "realisasi harus satu angka, bukan rentang")
        low, high = Decimal(target["min"]), Decimal(target["maks"])
        if low <= realisasi <= high:
            return Capaian(HUNDRED, "rentang")
        bound = high if realisasi > high else low
        result = _numeric(bound, realisasi, polaritas, rumus_negatif, minimum_nol)
        return Capaian(result.nilai, "rentang", result.alasan)
    if isinstance(realisasi, dict):
        return Capaian(None, "positif", "realisasi harus satu angka, bukan rentang")
    return _numeric(target, realisasi, polaritas, rumus_negatif, minimum_nol)


CapaianRule = Callable[[Nilai, Nilai], "Capaian"]
"""Capaian from (target, realisasi) by one indicator's polarity, formula and predikat scale."""


def capaian_rule(settings: Settings, definisi: Mapping[str, Any]) -> CapaianRule:
    """How an indicator (Renstra or budget) turns target and realisasi into capaian.

    Its own ``polaritas``, ``rumus_negatif`` and ``skala_predikat``, else the office's settings.
    """
    return partial(
        measure_capaian,
        polaritas=definisi.get("polaritas", "positif"),
        rumus_negatif=definisi.get("rumus_negatif", settings.rumus_negatif),
        minimum_nol=settings.capaian_negatif_nol,
        skala_predikat=predikat_scale(definisi.get("skala_predikat")),
    )


def realisasi_rasio(entry: Mapping[str, Any]) -> Decimal | None:
    """Realisasi from a kinerja entry's pembilang / penyebut × 100.

    None when either is missing or penyebut is 0.
    """
    pembilang, penyebut = entry.get("pembilang"), entry.get("penyebut")
    if pembilang is None or penyebut is None:
        return None
    return persen(Decimal(pembilang), Decimal(penyebut))


def _numeric(
    target: Decimal,
    realisasi: Decimal,
    polaritas: str,
    rumus_negatif: RumusNegatif,
    minimum_nol: bool,
) -> Capaian:
    if polaritas != "negatif":
        return positif(target, realisasi)
    if rumus_negatif == "rasio":
        return rasio(target, realisasi)
    if rumus_negatif == "langsung":
        # Scored like a positive indicator; the negative scale reads it the other way round.
        result = positif(target, realisasi)
        return Capaian(result.nilai, "langsung", result.alasan)
    return selisih(target, realisasi, minimum_nol=minimum_nol)


def mean(values: list[Decimal]) -> Decimal | None:
    """Arithmetic mean; ``None`` for an empty list (nothing measured yet)."""
    if not values:
        return None
    return sum(values, Decimal(0)) / len(values)


def persen(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """part / whole × 100, or ``None`` when either is missing or whole is 0."""
    if part is None or whole is None or whole == 0:
        return None
    return _div(part, whole)


def agrees_as_written(computed: Decimal, written: Decimal) -> bool:
    """``written`` is ``computed`` rounded to the decimals the user wrote (72.39 for 72.3881)."""
    exponent = written.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return abs(computed - written) <= Decimal(1).scaleb(-places) / 2
