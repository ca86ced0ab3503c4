"""The report's charts as data: what each chart shows, read from the report model.

Pure functions of the model; nothing is drawn here (``chart_draw`` does that) and nothing is
computed that the model does not hold. Each chart illustrates one table of the default template
and shows the values that table prints, rounded as the model rounds them; the value labels are
written here, the Indonesian way, so that a test can read them without drawing. A chart is None
when it is switched off (``pengaturan.grafik``) or its data is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from lkjip_gen.compute.data_types import Nilai, Pita
from lkjip_gen.compute.grafik_types import WarnaGrafik
from lkjip_gen.compute.types import Indikator, Model
from lkjip_gen.data.settings import GRAFIK, GrafikId
from lkjip_gen.formatting import angka, besaran, nilai, persen, rupiah_singkat
from lkjip_gen.render.chart_types import DataGrafik, Legenda, Panel, Seri

MAX_BATANG = 60
"""Bars (or groups of bars) one chart may hold; a longer chart would not be legible."""
MAX_PANEL = 24
"""Panels (indicators) of a per-indicator chart."""
MAX_TAHUN = 10
"""Years of the yearly chart: the report year and the nine before it."""
MAX_ALT = 2000
"""Characters of a chart's alt text."""

# Colours of the category bands that set none, darkest for the highest band, and a hatch per
# band: a black-and-white print still tells the bands apart (every bar also carries its value).
KATEGORI_WARNA = ("#1F4E79", "#2E75B6", "#9DC3E6", "#DEEBF7", "#F2F2F2", "#FFFFFF")
ARSIR = ("", "////", "....", "xxxx", "\\\\\\\\", "++++")
ARSIR_PEMBANDING = "////"
"""The hatch of the lighter series of a pair (pagu beside realisasi, serapan beside capaian)."""
TRIWULAN = ("TW I", "TW II", "TW III", "TW IV")
SERATUS = Decimal(100)


def charts(
    model: Model, hidden: Callable[[str], bool] = lambda key: False
) -> dict[GrafikId, DataGrafik | None]:
    """Every chart by id, in document order; None when switched off, without data or hidden.

    A chart follows its table: an indicator whose row the document does not print
    (``hidden`` says which tables and sections the office hides, dokumen.sembunyikan) is not
    drawn, and a chart whose section or tables are all hidden is None, so a chart never shows
    numbers the document does not print.
    """
    on = model["pengaturan"]["grafik"]["tampil"]
    found: dict[GrafikId, DataGrafik | None] = {}
    for g in GRAFIK:
        section, tables = ILLUSTRATES[g]
        placed = not hidden(section) and not all(hidden(f"tabel.{t}") for t in tables)
        found[g] = _BUILDERS[g](_printed(model, tables[0], hidden)) if g in on and placed else None
    return found


# The section and tables each chart illustrates (the first table holds the indicator rows).
ILLUSTRATES: dict[GrafikId, tuple[str, tuple[str, ...]]] = {
    "capaian_indikator": ("bab3.pengukuran", ("pengukuran", "pengukuran_tujuan")),
    "realisasi_triwulan": ("bab3.pengukuran", ("pengukuran", "pengukuran_tujuan")),
    "realisasi_tahunan": ("bab3.riwayat", ("riwayat", "riwayat_tujuan")),
    "serapan_sasaran": ("bab3.efisiensi", ("efisiensi",)),
    "anggaran_program": ("bab3.anggaran", ("anggaran",)),
    "kategori_capaian": ("bab4.simpulan", ("kategori",)),
}


def _printed(model: Model, table: str, hidden: Callable[[str], bool]) -> Model:
    """``model`` with only the indicators whose row ``table`` prints: tujuan indicators sit in
    ``<table>_tujuan`` when the office prints them apart (dokumen.tujuan_terpisah)."""
    apart = model["dokumen"]["tujuan_terpisah"]

    def shown(i: Indikator) -> bool:
        own = f"tabel.{table}_tujuan" if apart and i["level"] == "tujuan" else f"tabel.{table}"
        return not hidden(own)

    return {**model, "indikator": [i for i in model["indikator"] if shown(i)]}


def capaian_indikator(model: Model) -> DataGrafik | None:
    """Capaian of every measured indicator against 100 %, coloured by its kategori.

    Illustrates the Pengukuran Kinerja table: the same indicators in the same order (tujuan,
    then sasaran), with the capaian it prints.
    """
    items = [i for i in model["indikator"] if i["grafik"] and i["capaian"] is not None]
    if not items or len(items) > MAX_BATANG:
        return None
    p = model["pengaturan"]
    styles = _band_styles(p["skala"])
    plain = (p["grafik"]["warna"]["capaian"], "")
    looks = [styles.get(i["kategori"] or "", plain) for i in items]
    texts = tuple(persen(i["capaian"], p["desimal"]) for i in items)
    values = tuple(i["capaian"] for i in items)
    series = Seri("Capaian", values, texts, *_columns(looks))
    used = {i["kategori"] for i in items}
    legend = tuple(
        Legenda(label, colour, hatch) for label, (colour, hatch) in styles.items() if label in used
    ) + (Legenda("100%", "#000000", garis="putus"),)
    parts = [
        f"{i['nama']} {text}" + (f" ({i['kategori']})" if i["kategori"] else "")
        for i, text in zip(items, texts, strict=True)
    ]
    return DataGrafik(
        "capaian_indikator",
        _alt(f"Grafik batang capaian {len(items)} indikator terhadap 100%", parts),
        (Panel("", tuple(i["nama"] for i in items), (series,), SERATUS, "100%"),),
        "Capaian (%)",
        legend,
    )


def realisasi_tahunan(model: Model) -> DataGrafik | None:
    """Realisasi (bars) and target (line) of every year the data holds, a panel per indicator.

    Years come from ``riwayat`` (which last year's file fills) and the report itself; an
    indicator needs numbers in two years at least to show a trend.
    """
    laporan = model["laporan"]
    this_year = str(laporan["tahun"])
    if laporan["triwulan"]:
        this_year += f" ({TRIWULAN[laporan['triwulan'] - 1]})"
    colours = model["pengaturan"]["grafik"]["warna"]
    panels: list[Panel] = []
    for i in _charted(model):
        years = {r["tahun"]: (r["realisasi"], r["target"]) for r in i["riwayat"]}
        years[laporan["tahun"]] = (i["realisasi"], i["target"])
        shown = sorted(y for y in years if y <= laporan["tahun"])[-MAX_TAHUN:]
        realisasi = [_number(years[y][0]) for y in shown]
        target = [_number(years[y][1]) for y in shown]
        known = [r is not None or t is not None for r, t in zip(realisasi, target, strict=True)]
        if sum(known) < 2 or all(r is None for r in realisasi):
            continue
        labels = tuple(this_year if y == laporan["tahun"] else str(y) for y in shown)
        panels.append(
            Panel(
                _title(i),
                labels,
                (
                    _series("Realisasi", realisasi, colours["realisasi"]),
                    _series("Target", target, colours["target"], line=True),
                ),
            )
        )
    return _per_indicator("realisasi_tahunan", "realisasi dan target per tahun", panels, colours)


def realisasi_triwulan(model: Model) -> DataGrafik | None:
    """A quarterly report: each quarter's realisasi so far, as written, beside the target.

    From the second quarter on: a single quarter shows nothing the measurement table does not.
    """
    quarter = model["laporan"]["triwulan"]
    if model["laporan"]["jenis"] != "triwulan" or not quarter or quarter < 2:
        return None
    colours = model["pengaturan"]["grafik"]["warna"]
    panels = []
    for i in _charted(model):
        values = [*i["triwulan"][:quarter], *[None] * quarter][:quarter]
        if not any(v is not None for v in values):
            continue
        target = _number(i["target"])
        panels.append(
            Panel(
                _title(i),
                TRIWULAN[:quarter],
                (_series("Realisasi", values, colours["realisasi"]),),
                target,
                f"Target {nilai(target)}" if target is not None else "",
                colours["target"],
            )
        )
    return _per_indicator("realisasi_triwulan", "realisasi per triwulan", panels, colours)


def serapan_sasaran(model: Model) -> DataGrafik | None:
    """Each sasaran's mean capaian beside its serapan anggaran: the efficiency picture.

    Illustrates the efficiency table: the sasaran with a budget, in its order and rounding.
    """
    rows = [s for s in model["sasaran"] if s["anggaran"]["pagu"] is not None]
    capaian = [s["rata_rata"] for s in rows]
    serapan = [s["anggaran"]["serapan"] for s in rows]
    if not rows or len(rows) > MAX_BATANG or not any(v is not None for v in capaian + serapan):
        return None
    places = model["pengaturan"]["desimal"]
    colours = model["pengaturan"]["grafik"]["warna"]
    pair = (
        _series("Rata-rata capaian", capaian, colours["capaian"], places=places),
        _series("Serapan anggaran", serapan, colours["serapan"], ARSIR_PEMBANDING, places=places),
    )
    labels = tuple(f"Sasaran {s['nomor']}: {s['uraian']}" for s in rows)
    return DataGrafik(
        "serapan_sasaran",
        _alt(
            "Grafik batang rata-rata capaian dan serapan anggaran setiap sasaran",
            [f"{label}: {values}" for label, values in zip(labels, _values(pair), strict=True)],
        ),
        (Panel("", labels, pair, SERATUS, "100%"),),
        "Persen (%)",
        (*_legend(pair), Legenda("100%", "#000000", garis="putus")),
    )


def anggaran_program(model: Model) -> DataGrafik | None:
    """Pagu and realisasi of every program, on an axis in juta or miliar rupiah."""
    rows = [
        r for r in model["anggaran"]["baris"] if r["level"] == "program" and r["pagu"] is not None
    ]
    if not rows or len(rows) > MAX_BATANG:
        return None
    colours = model["pengaturan"]["grafik"]["warna"]
    pair = (
        _series("Pagu", [r["pagu"] for r in rows], colours["pagu"], ARSIR_PEMBANDING, money=True),
        _series("Realisasi", [r["realisasi"] for r in rows], colours["realisasi"], money=True),
    )
    unit, name = besaran(max(abs(v) for v in pair[0].nilai if v is not None))
    labels = tuple(r["nama"] for r in rows)
    return DataGrafik(
        "anggaran_program",
        _alt(
            "Grafik batang pagu dan realisasi anggaran setiap program",
            [f"{label}: {values}" for label, values in zip(labels, _values(pair), strict=True)],
        ),
        (Panel("", labels, pair),),
        f"Anggaran ({name} rupiah)" if name else "Anggaran (rupiah)",
        _legend(pair),
        unit,
    )


def kategori_capaian(model: Model) -> DataGrafik | None:
    """How many sasaran indicators fall in each kategori: the Rekapitulasi Kategori table."""
    bands = model["pengaturan"]["skala"]
    if not bands or not model["ringkasan"]["jumlah_terukur"]:
        return None
    counts = model["ringkasan"]["per_kategori"]
    styles = _band_styles(bands)
    looks = [styles[c["label"]] for c in counts]
    texts = tuple(str(c["jumlah"]) for c in counts)
    series = Seri(
        "Jumlah indikator", tuple(Decimal(c["jumlah"]) for c in counts), texts, *_columns(looks)
    )
    labels = tuple(c["label"] for c in counts)
    parts = [f"{label} {n}" for label, n in zip(labels, texts, strict=True)]
    return DataGrafik(
        "kategori_capaian",
        _alt("Grafik batang banyak indikator sasaran per kategori capaian", parts),
        (Panel("", labels, (series,)),),
        "Jumlah indikator",
    )


_BUILDERS: dict[GrafikId, Callable[[Model], DataGrafik | None]] = {
    "capaian_indikator": capaian_indikator,
    "realisasi_triwulan": realisasi_triwulan,
    "realisasi_tahunan": realisasi_tahunan,
    "serapan_sasaran": serapan_sasaran,
    "anggaran_program": anggaran_program,
    "kategori_capaian": kategori_capaian,
}


def _charted(model: Model) -> list[Indikator]:
    return [i for i in model["indikator"] if i["grafik"]]


def _per_indicator(
    chart: GrafikId, what: str, panels: list[Panel], colours: WarnaGrafik
) -> DataGrafik | None:
    """A chart of one panel per indicator, with a legend of its series and reference line."""
    if not panels or len(panels) > MAX_PANEL:
        return None
    parts = [
        f"{panel.judul}: "
        + "; ".join(
            f"{label} {v}" for label, v in zip(panel.label, _values(panel.seri), strict=True)
        )
        + (f"; {panel.acuan_teks.lower()}" if panel.acuan_teks else "")
        for panel in panels
    ]
    legend = _legend(panels[0].seri)
    if any(panel.acuan is not None for panel in panels):
        legend += (Legenda("Target", colours["target"], garis="putus"),)
    return DataGrafik(
        chart,
        _alt(f"Grafik {what}, satu panel untuk setiap indikator", parts),
        tuple(panels),
        "",
        legend,
        mendatar=False,
    )


def _series(
    name: str,
    values: Sequence[Decimal | None],
    colour: str,
    hatch: str = "",
    *,
    line: bool = False,
    money: bool = False,
    places: int | None = None,
) -> Seri:
    """A series of one colour; its labels as the tables print them (rupiah shortened)."""

    def text(value: Decimal | None) -> str:
        if money:
            return rupiah_singkat(value)
        return persen(value, places) if places is not None else angka(value)

    count = len(values)
    return Seri(
        name, tuple(values), tuple(map(text, values)), (colour,) * count, (hatch,) * count, line
    )


def _values(series: Sequence[Seri]) -> list[str]:
    """For alt text: each label's values, "pagu Rp150 juta, realisasi Rp142,5 juta"."""
    return [
        ", ".join(f"{s.nama.lower()} {s.teks[k]}" for s in series)
        for k in range(len(series[0].teks))
    ]


def _legend(series: Sequence[Seri]) -> tuple[Legenda, ...]:
    return tuple(
        Legenda(s.nama, s.warna[0], s.arsir[0], "penuh" if s.garis else "")
        for s in series
        if s.warna
    )


def _band_styles(bands: list[Pita]) -> dict[str, tuple[str, str]]:
    """Colour and hatch of each kategori, in scale order (the office's colour where it set one)."""
    return {
        band["label"]: (
            (band["warna"] or KATEGORI_WARNA[k % len(KATEGORI_WARNA)]).upper(),
            ARSIR[k % len(ARSIR)],
        )
        for k, band in enumerate(bands)
    }


def _columns(looks: list[tuple[str, str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Per-bar colours and hatches from (colour, hatch) pairs."""
    return tuple(c for c, _ in looks), tuple(h for _, h in looks)


def _title(i: Indikator) -> str:
    return f"{i['nama']} ({i['satuan']})"


def _number(value: Nilai) -> Decimal | None:
    """A value a chart can place: a number (a predikat or a range has no place on an axis)."""
    return value if isinstance(value, Decimal) else None


def _alt(intro: str, parts: list[str]) -> str:
    """Alt text: what the chart shows, then every value, within ``MAX_ALT`` characters."""
    text = f"{intro}: {'; '.join(parts)}."
    return text if len(text) <= MAX_ALT else text[: MAX_ALT - 1] + "…"
