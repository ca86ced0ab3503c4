"""What a chart is, as data: series, panels, legend entries and the chart itself.

``charts`` builds these from the report model and ``chart_draw`` draws them; a test reads them
without drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from lkjip_gen.data.settings import GrafikId


@dataclass(frozen=True)
class Seri:
    """One series: a value per label, drawn as bars, or as a line with points (``garis``)."""

    nama: str
    nilai: tuple[Decimal | None, ...]
    teks: tuple[str, ...]
    warna: tuple[str, ...]
    arsir: tuple[str, ...]
    garis: bool = False


@dataclass(frozen=True)
class Panel:
    """One plot: its labels (indicators, programs or years), series and a reference line."""

    judul: str
    label: tuple[str, ...]
    seri: tuple[Seri, ...]
    acuan: Decimal | None = None
    acuan_teks: str = ""
    acuan_warna: str = "#000000"


Garis = Literal["", "penuh", "putus"]
"""A legend entry's line: none (a bar), solid with points (a series), dashed (a reference)."""


@dataclass(frozen=True)
class Legenda:
    """One legend entry: a bar colour and hatch, or a line."""

    label: str
    warna: str
    arsir: str = ""
    garis: Garis = ""


@dataclass(frozen=True)
class DataGrafik:
    """A chart: its panels (one, or one per indicator), value axis, legend and alt text.

    Values are in the model's units; the value axis shows them divided by ``skala`` (10⁹ for
    an axis in miliar rupiah). ``mendatar``: horizontal bars, for long labels.
    """

    id: GrafikId
    alt: str
    panel: tuple[Panel, ...]
    sumbu: str
    legenda: tuple[Legenda, ...] = ()
    skala: Decimal = Decimal(1)
    mendatar: bool = True
