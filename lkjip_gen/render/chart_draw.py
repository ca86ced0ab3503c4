"""Draw a chart of ``render.charts`` as PNG bytes with matplotlib: the same chart, the same bytes.

How the bytes stay the same from run to run and from machine to machine (with one matplotlib
version):

* matplotlib is imported here only, when a chart is drawn, and drawn on its Agg canvas directly
  (no pyplot, no GUI backend);
* every drawing starts from matplotlib's built-in defaults (``rcdefaults`` inside an
  ``rc_context``), so no matplotlibrc on the machine changes a chart;
* every text gets its font by file — the office's ``pengaturan.grafik.huruf``, else the DejaVu
  Sans that ships inside matplotlib — so the machine's font list is never consulted;
* the size (16 cm wide) and resolution (200 dpi) are fixed, and the PNG carries neither a
  software tag nor a time (``metadata={"Software": None}``);
* matplotlib's font cache goes into a private temporary folder removed at exit, or by the next
  run after a kill (``output.workdir``; unless the user set ``MPLCONFIGDIR``), never into the
  user's home.

A drawing is kept per process and on disk by chart and font, so a chart is drawn once however
often a document is rendered.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import sys
import textwrap
import warnings
from collections.abc import Sequence
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lkjip_gen import diskcache
from lkjip_gen.errors import LkjipError
from lkjip_gen.formatting import angka
from lkjip_gen.output import workdir
from lkjip_gen.render.chart_types import DataGrafik, Legenda, Panel

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

DPI = 200
LEBAR_CM = 16.0
"""The text width of an A4 portrait page: charts are drawn at the size they are printed."""
TINGGI_MAKS_CM = 21.0
"""The tallest chart that still leaves room on the page for its caption."""
CM = 1 / 2.54
# Point sizes of the texts as printed.
HURUF_LABEL, HURUF_NILAI, HURUF_JUDUL = 7.0, 6.5, 6.5
GRID = "#D9D9D9"
TEPI = "#404040"
# A value label hides the reference line where it crosses it.
_LATAR = {"facecolor": "white", "edgecolor": "none", "pad": 0.4}
# The few rcParams that differ from matplotlib's defaults; everything else is the default.
_RC = {
    "hatch.linewidth": 0.6,
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "figure.constrained_layout.h_pad": 0.03,
    "figure.constrained_layout.w_pad": 0.03,
}


@functools.lru_cache(maxsize=64)
def png(grafik: DataGrafik, huruf: str | None = None) -> bytes:
    """The chart as PNG bytes, 16 cm wide at 200 dpi; ``huruf`` is a font file, None for DejaVu.

    Drawing (and importing matplotlib) is most of a single build's time, and an office rebuilds
    after every corrected number while most charts stay as they were: a drawing is kept in
    lkjip's disk cache (:mod:`lkjip_gen.diskcache`) by chart, font file content and matplotlib
    version, and such a build draws only the charts whose data changed.

    Raises:
        LkjipError: the font file cannot be used.
    """
    entry = _entry(grafik, huruf)
    if entry is not None and (kept := diskcache.read("grafik", entry)) is not None:
        return kept
    drawn = _draw(grafik, huruf)
    if entry is not None:
        diskcache.write("grafik", entry, drawn)
    return drawn


def _entry(grafik: DataGrafik, huruf: str | None) -> str | None:
    """The chart's disk cache entry: everything its drawing depends on; None when the font file
    cannot be read (drawing then says why)."""
    font = b"DejaVu Sans (matplotlib)"
    if huruf is not None:
        try:
            font = hashlib.sha256(Path(huruf).read_bytes()).digest()
        except OSError:
            return None
    return diskcache.key(repr(grafik), font)


def _draw(grafik: DataGrafik, huruf: str | None) -> bytes:
    mpl = _matplotlib()
    fonts = _Fonts(huruf)
    buffer = BytesIO()
    with warnings.catch_warnings(), mpl.rc_context():
        # A glyph missing from the office's font is drawn as a box rather than printed as a
        # warning on every build.
        warnings.simplefilter("ignore")
        mpl.rcdefaults()
        mpl.rcParams.update(_RC)
        try:
            figure = _bars(grafik, fonts) if grafik.mendatar else _panels(grafik, fonts)
            fonts.apply(figure)
            figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        except (OSError, RuntimeError, ValueError) as e:
            if huruf is None:
                raise
            raise LkjipError(
                f"{huruf}: berkas huruf tidak dapat dipakai untuk grafik ({e}) — pakai berkas "
                ".ttf atau .otf yang utuh, atau hapus pengaturan.grafik.huruf"
            ) from e
    return buffer.getvalue()


def _matplotlib() -> Any:
    """matplotlib, imported on first use with its font cache in a private temporary folder."""
    if "matplotlib" not in sys.modules and "MPLCONFIGDIR" not in os.environ:
        os.environ["MPLCONFIGDIR"] = str(workdir.for_process())
        try:
            # matplotlib reads the folder once, when the font manager is first imported.
            import matplotlib.font_manager  # noqa: F401
        finally:
            del os.environ["MPLCONFIGDIR"]
    import matplotlib

    return matplotlib


class _Fonts:
    """The font files of a chart's text: regular and bold."""

    def __init__(self, huruf: str | None) -> None:
        from matplotlib import get_data_path

        shipped = Path(get_data_path()) / "fonts" / "ttf"
        self.regular = huruf or str(shipped / "DejaVuSans.ttf")
        self.bold = huruf or str(shipped / "DejaVuSans-Bold.ttf")

    def prop(self, size: float, *, bold: bool = False) -> FontProperties:
        from matplotlib.font_manager import FontProperties

        return FontProperties(fname=self.bold if bold else self.regular, size=size)

    def apply(self, figure: Figure) -> None:
        """Give every text still without a font file one (tick labels, empty titles)."""
        from matplotlib.text import Text

        for text in figure.findobj(Text):
            if text.get_fontproperties().get_file() is None:
                weight = text.get_fontweight()
                bold = weight == "bold" or (isinstance(weight, int) and weight >= 600)
                text.set_fontproperties(self.prop(float(text.get_fontsize()), bold=bold))


def _figure(height_cm: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(LEBAR_CM * CM, height_cm * CM), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _bars(grafik: DataGrafik, fonts: _Fonts) -> Figure:
    """One panel of horizontal bars: a row per label, a bar per series, values at the bar ends."""
    panel = grafik.panel[0]
    count, series = len(panel.label), len(panel.seri)
    labels = [_wrap(label, 40, 3) for label in panel.label]
    lines = max(label.count("\n") + 1 for label in labels)
    row = max(0.3 * series + 0.22, 0.3 * lines + 0.1)
    height = min(max(count * row + 2.4, 5.0), TINGGI_MAKS_CM)
    figure = _figure(height)
    ax = figure.subplots()
    thickness = 0.8 / series
    values = [v for s in panel.seri for v in s.nilai if v is not None]
    longest = max(len(t) for s in panel.seri for t in s.teks)
    low, high = _limits(values, panel.acuan, grafik.skala, room=(longest * 0.13 + 0.3) / 9.5)
    small = fonts.prop(HURUF_NILAI)
    for j, s in enumerate(panel.seri):
        offset = (j - (series - 1) / 2) * thickness
        for k, value in enumerate(s.nilai):
            if value is None:
                continue
            x = float(value / grafik.skala)
            ax.barh(
                k + offset,
                x,
                height=thickness * 0.92,
                color=s.warna[k],
                hatch=s.arsir[k] or None,
                edgecolor=TEPI,
                linewidth=0.5,
            )
            pad = (high - low) * 0.01
            ax.text(
                x + pad if x >= 0 else x - pad,
                k + offset,
                s.teks[k],
                va="center",
                ha="left" if x >= 0 else "right",
                fontproperties=small,
                bbox=_LATAR,
                zorder=4,
            )
    _reference(ax, panel, grafik.skala, vertical=True)
    ax.set_yticks(range(count), labels=labels, fontproperties=fonts.prop(HURUF_LABEL))
    ax.set_ylim(count - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    _value_axis(ax, low, high, fonts, horizontal=True, whole=_whole(values, grafik.skala))
    ax.set_xlabel(grafik.sumbu, fontproperties=fonts.prop(HURUF_LABEL))
    _legend(figure, grafik.legenda, fonts)
    return figure


def _panels(grafik: DataGrafik, fonts: _Fonts) -> Figure:
    """A grid of small vertical bar charts, one per indicator, with one legend below."""
    count = len(grafik.panel)
    columns = 1 if count == 1 else 2 if count <= 4 else 3 if count <= 12 else 4
    rows = math.ceil(count / columns)
    row = 6.0 if count == 1 else min(5.5, max(3.4, 19.0 / rows))
    figure = _figure(min(rows * row + 1.2, TINGGI_MAKS_CM))
    axes = list(figure.subplots(rows, columns, squeeze=False).flat)
    # Characters per title line: a bold title wider than its panel would run off the page.
    width = {1: 90, 2: 46, 3: 30, 4: 22}[columns]
    for ax, panel in zip(axes, grafik.panel, strict=False):
        _panel(ax, panel, fonts, width)
    for ax in axes[count:]:
        ax.remove()
    _legend(figure, grafik.legenda, fonts)
    return figure


def _panel(ax: Axes, panel: Panel, fonts: _Fonts, width: int) -> None:
    """Bars of the bar series, points on a line for a line series, value labels on the bars."""
    bars = [s for s in panel.seri if not s.garis]
    thickness = 0.7 / max(len(bars), 1)
    values = [v for s in panel.seri for v in s.nilai if v is not None]
    low, high = _limits(values, panel.acuan, Decimal(1), room=0.14)
    positions = range(len(panel.label))
    small = fonts.prop(HURUF_NILAI - 0.5)
    for j, s in enumerate(bars):
        offset = (j - (len(bars) - 1) / 2) * thickness
        for k, value in enumerate(s.nilai):
            if value is None:
                continue
            ax.bar(
                k + offset,
                float(value),
                width=thickness * 0.92,
                color=s.warna[k],
                hatch=s.arsir[k] or None,
                edgecolor=TEPI,
                linewidth=0.5,
            )
            ax.text(
                k + offset,
                float(value),
                s.teks[k],
                ha="center",
                va="bottom" if value >= 0 else "top",
                fontproperties=small,
            )
    for s in (s for s in panel.seri if s.garis):
        points = [math.nan if v is None else float(v) for v in s.nilai]
        ax.plot(positions, points, color=s.warna[0], marker="o", markersize=3, linewidth=1.2)
    _reference(ax, panel, Decimal(1), vertical=False)
    ax.set_xticks(
        positions,
        labels=[label.replace(" (", "\n(") for label in panel.label],
        fontproperties=fonts.prop(HURUF_NILAI),
    )
    ax.set_xlim(-0.6, len(panel.label) - 0.4)
    _value_axis(ax, low, high, fonts, horizontal=False, whole=_whole(values, Decimal(1)))
    ax.set_title(_wrap(panel.judul, width, 3), fontproperties=fonts.prop(HURUF_JUDUL, bold=True))


def _reference(ax: Axes, panel: Panel, scale: Decimal, *, vertical: bool) -> None:
    if panel.acuan is None:
        return
    at = float(panel.acuan / scale)
    line = ax.axvline if vertical else ax.axhline
    line(at, color=panel.acuan_warna, linestyle=(0, (4, 2)), linewidth=0.9, zorder=3)


def _limits(
    values: Sequence[Decimal], reference: Decimal | None, scale: Decimal, *, room: float
) -> tuple[float, float]:
    """The value axis from 0 (or below it) past the largest value, leaving ``room`` (a share of
    the axis) beyond the bars for their labels."""
    points = [float(v / scale) for v in values]
    if reference is not None:
        points.append(float(reference / scale))
    low, high = min([0.0, *points]), max([0.0, *points])
    span = (high - low) or 1.0
    grow = span * room / (1 - room)
    return low - (grow if low < 0 else 0.0), high + (grow if high > 0 or low == 0 else 0.0)


def _value_axis(
    ax: Axes, low: float, high: float, fonts: _Fonts, *, horizontal: bool, whole: bool
) -> None:
    """Fixed ticks written the Indonesian way (1.354, 74,5), light grid lines behind the bars;
    ``whole``: counts, ticked in whole numbers only."""
    from matplotlib.ticker import MaxNLocator

    locator = MaxNLocator(nbins=6 if horizontal else 4, steps=[1, 2, 2.5, 5, 10], integer=whole)
    ticks = [t for t in locator.tick_values(low, high) if low - 1e-9 <= t <= high + 1e-9]
    labels = [_tick(t) for t in ticks]
    prop = fonts.prop(HURUF_NILAI)
    if horizontal:
        ax.set_xticks(ticks, labels=labels, fontproperties=prop)
        ax.set_xlim(low, high)
    else:
        ax.set_yticks(ticks, labels=labels, fontproperties=prop)
        ax.set_ylim(low, high)
    ax.grid(axis="x" if horizontal else "y", color=GRID, linewidth=0.5)
    ax.set_axisbelow(True)


def _legend(figure: Figure, entries: Sequence[Legenda], fonts: _Fonts) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if not entries:
        return
    handles: list[Any] = []
    for e in entries:
        if e.garis:
            dashed = e.garis == "putus"
            handles.append(
                Line2D(
                    [],
                    [],
                    color=e.warna,
                    linestyle=(0, (4, 2)) if dashed else "-",
                    marker="" if dashed else "o",
                    markersize=3,
                    label=e.label,
                )
            )
        else:
            handles.append(
                Patch(
                    facecolor=e.warna,
                    hatch=e.arsir or None,
                    edgecolor=TEPI,
                    linewidth=0.5,
                    label=e.label,
                )
            )
    figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=min(len(handles), 5),
        frameon=False,
        prop=fonts.prop(HURUF_LABEL),
    )


def _whole(values: Sequence[Decimal], scale: Decimal) -> bool:
    return all(v / scale == (v / scale).to_integral_value() for v in values)


def _tick(value: float) -> str:
    """A tick value written the Indonesian way; float noise (0.30000000000000004) dropped."""
    return angka(Decimal(f"{value:.10g}").normalize())


def _wrap(text: str, width: int, lines: int) -> str:
    return "\n".join(textwrap.wrap(text, width, max_lines=lines, placeholder=" …")) or text
