"""An office's conventions (``pengaturan``) as one object, with our defaults and scale presets."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, get_args

from lkjip_gen.formatting import angka, round_decimal

Rumus = Literal["positif", "selisih", "rasio", "langsung", "predikat", "rentang"]
RumusNegatif = Literal["selisih", "rasio", "langsung"]
Pembulatan = Literal["half_up", "truncate"]
CaraEfisiensi = Literal["capaian_dikurangi_serapan", "seratus_dikurangi_serapan"]
RataRata = Literal["indikator", "sasaran"]
RealisasiKosong = Literal["abaikan", "nol"]
TargetTriwulan = Literal["tahunan", "rencana_aksi"]
GayaRupiah = Literal["puebi", "rp_titik"]
Kertas = Literal["A4", "F4"]


@dataclass(frozen=True)
class Band:
    """One category band: capaian above ``batas`` (or at it, when ``inklusif``) falls in it.

    Bands are ordered from highest to lowest and the last one has ``batas=None``, so every value
    falls into exactly one band: half-open intervals leave no gap at 90,5 in a "76–90" band.
    """

    label: str
    batas: Decimal | None
    inklusif: bool = True
    skor: Decimal | None = None
    warna: str | None = None

    def contains(self, value: Decimal) -> bool:
        if self.batas is None:
            return True
        return value >= self.batas if self.inklusif else value > self.batas

    @property
    def uraian(self) -> str:
        """The band's rule as an office prints it, e.g. ``≥ 85`` or ``> 100``."""
        if self.batas is None:
            return "lainnya"
        return f"{'≥' if self.inklusif else '>'} {_num(self.batas)}"

    def rentang(self, above: Band | None) -> str:
        """The band with both bounds, e.g. ``76 ≤ x < 91``, ``x > 100`` or ``x < 51``."""
        high = ""
        if above is not None and above.batas is not None:
            high = f" {'<' if above.inklusif else '≤'} {_num(above.batas)}"
        if self.batas is None:
            return f"x{high}" if high else "semua nilai"
        if not high:
            return f"x {'≥' if self.inklusif else '>'} {_num(self.batas)}"
        return f"{_num(self.batas)} {'≤' if self.inklusif else '<'} x{high}"


def reversed_labels(bands: tuple[Band, ...]) -> tuple[Band, ...]:
    """The same bands with their labels (and scores and colours) in reverse order: the scale of
    an office that reads a negative indicator's realisasi/target the other way round."""
    return tuple(
        Band(band.label, keep.batas, keep.inklusif, band.skor, band.warna)
        for keep, band in zip(bands, reversed(bands), strict=True)
    )


def _scale(spec: str | list[dict[str, Any]]) -> tuple[Band, ...]:
    """A scale from a preset name or the office's own bands, highest first."""
    if isinstance(spec, str):
        return SCALE_PRESETS[spec]
    return tuple(
        Band(
            label=b["label"],
            batas=None if b.get("batas") is None else Decimal(str(b["batas"])),
            inklusif=b.get("inklusif", True),
            skor=None if b.get("skor") is None else Decimal(str(b["skor"])),
            warna=b.get("warna"),
        )
        for b in spec
    )


def _num(value: Decimal) -> str:
    """A bound as offices write it: 90,5 — never 90,50 or 9E+1."""
    return angka(value.normalize())


def _bands(*spec: tuple[str, float | None, bool, int | None]) -> tuple[Band, ...]:
    return tuple(
        Band(
            label,
            None if batas is None else Decimal(str(batas)),
            inklusif,
            None if skor is None else Decimal(skor),
        )
        for label, batas, inklusif, skor in spec
    )


SCALE_PRESETS: dict[str, tuple[Band, ...]] = {
    # Permendagri 86/2017 (evaluasi Renja): ≥91 · 76–<91 · 66–<76 · 51–<66 · <51.
    "permendagri_86": _bands(
        ("Sangat Tinggi", 91, True, 5),
        ("Tinggi", 76, True, 4),
        ("Sedang", 66, True, 3),
        ("Rendah", 51, True, 2),
        ("Sangat Rendah", None, True, 1),
    ),
    # Seed 001 (Lumajang): "85 ke atas" Sangat Baik · 70 · 55 · below.
    "lumajang": _bands(
        ("Sangat Baik", 85, True, None),
        ("Baik", 70, True, None),
        ("Cukup Baik", 55, True, None),
        ("Kurang Baik", None, True, None),
    ),
    # Seed 002 (Pasaman Barat): >100 · >85–100 · >75–85 · >55–75 · ≤55.
    "pasaman_barat": _bands(
        ("Memuaskan", 100, False, None),
        ("Sangat Baik", 85, False, None),
        ("Baik", 75, False, None),
        ("Cukup", 55, False, None),
        ("Kurang Baik", None, True, None),
    ),
    # East Java four-band scale with a score: >100 · 75–100 · 55–<75 · <55.
    "empat_tingkat": _bands(
        ("Sangat Baik", 100, False, 4),
        ("Baik", 75, True, 3),
        ("Cukup", 55, True, 2),
        ("Kurang", None, True, 1),
    ),
    # Offices that print no kategori at all (seed 000).
    "tanpa": (),
}

PREDIKAT_PRESETS: dict[str, tuple[str, ...]] = {
    "sakip": ("D", "C", "CC", "B", "BB", "A", "AA"),
    "opini_bpk": ("TMP", "TW", "WDP", "WTP"),
}

FORMULA_TEXT: dict[Rumus, str] = {
    "positif": "Capaian = Realisasi / Target × 100%",
    "selisih": "Capaian = (2 × Target − Realisasi) / Target × 100%",
    "rasio": "Capaian = Target / Realisasi × 100%",
    "langsung": (
        "Capaian = Realisasi / Target × 100%, dibaca dengan skala kategori indikator negatif"
    ),
    "predikat": "Capaian = Nilai predikat realisasi / Nilai predikat target × 100%",
    "rentang": (
        "Capaian = 100% bila realisasi di dalam rentang target; di luar rentang dihitung "
        "terhadap batas terdekat"
    ),
}

EFFICIENCY_TEXT: dict[CaraEfisiensi, str] = {
    "capaian_dikurangi_serapan": "Tingkat Efisiensi = Capaian Kinerja (%) − Serapan Anggaran (%)",
    "seratus_dikurangi_serapan": "Tingkat Efisiensi = 100% − Serapan Anggaran (%)",
}


GrafikId = Literal[
    "capaian_indikator",
    "realisasi_triwulan",
    "realisasi_tahunan",
    "serapan_sasaran",
    "anggaran_program",
    "kategori_capaian",
]
GRAFIK: tuple[GrafikId, ...] = get_args(GrafikId)
"""Every chart, in document order (``pengaturan.grafik`` switches each on or off)."""
WarnaGrafik = Literal["capaian", "realisasi", "target", "pagu", "serapan"]
WARNA_GRAFIK: dict[WarnaGrafik, str] = {
    # Dark and light tones, so that a black-and-white print still tells the series apart.
    "capaian": "#1F4E79",
    "realisasi": "#2E75B6",
    "target": "#C00000",
    "pagu": "#BFBFBF",
    "serapan": "#A6A6A6",
}


@dataclass(frozen=True)
class ChartSettings:
    """Which charts the document shows, their colours and the font file of their text."""

    tampil: tuple[GrafikId, ...] = GRAFIK
    warna: tuple[tuple[WarnaGrafik, str], ...] = tuple(WARNA_GRAFIK.items())
    huruf: str | None = None


def _charts(raw: dict[str, Any] | None) -> ChartSettings:
    """``pengaturan.grafik``: every chart on unless switched off, colours over the defaults."""
    raw = raw or {}
    on = raw.get("tampil", True)
    colours = {**WARNA_GRAFIK, **raw.get("warna", {})}
    return ChartSettings(
        tampil=tuple(g for g in GRAFIK if on and raw.get(g, True)),
        warna=tuple((k, colours[k].upper()) for k in WARNA_GRAFIK),
        huruf=raw.get("huruf"),
    )


@dataclass(frozen=True)
class Settings:
    """Every convention DOMAIN.md §7 lists, as data; the defaults are what most offices do."""

    skala: tuple[Band, ...] = SCALE_PRESETS["permendagri_86"]
    skala_nama: str = "permendagri_86"
    # The scale of negative indicators; None: the same scale as every other indicator.
    skala_negatif: tuple[Band, ...] | None = None
    rumus_negatif: RumusNegatif = "selisih"
    capaian_negatif_nol: bool = False
    pembulatan: Pembulatan = "half_up"
    pembulatan_anggaran: Pembulatan = "half_up"
    desimal: int = 2
    efisiensi: CaraEfisiensi = "capaian_dikurangi_serapan"
    ambang_efisien: Decimal = Decimal(0)
    rata_rata: RataRata = "indikator"
    rata_rata_maks_100: bool = False
    realisasi_kosong: RealisasiKosong = "abaikan"
    target_triwulan: TargetTriwulan = "tahunan"
    rupiah: GayaRupiah = "puebi"
    kertas: Kertas = "A4"
    templat: str = "default"
    grafik: ChartSettings = ChartSettings()
    lampiran: tuple[str, ...] = ()
    """Documents annexed to the LKjIP after the PK (``rencana-aksi``, ``rkt`` …)."""

    def kategori(self, capaian: Decimal | None, polaritas: str = "positif") -> Band | None:
        """The band ``capaian`` falls in, on the scale of the indicator's polarity."""
        if capaian is None:
            return None
        scale = (
            self.skala_negatif
            if polaritas == "negatif" and self.skala_negatif is not None
            else self.skala
        )
        return next((band for band in scale if band.contains(capaian)), None)

    def round_capaian(self, value: Decimal | None) -> Decimal | None:
        """A performance percentage (capaian, realisasi, mean, share) rounded as the office does."""
        return None if value is None else round_decimal(value, self.desimal, self.pembulatan)

    def round_anggaran(self, value: Decimal | None) -> Decimal | None:
        """A budget percentage (serapan, share, efisiensi) rounded as the office does."""
        if value is None:
            return None
        return round_decimal(value, self.desimal, self.pembulatan_anggaran)


def resolve(pengaturan: dict[str, Any] | None) -> Settings:
    """Settings from validated ``pengaturan`` data; absent keys keep their defaults."""
    raw = dict(pengaturan or {})
    # The document's shape moved to ``dokumen`` (data.dokumen reads these two from here).
    for moved in ("penomoran", "judul_anggaran"):
        raw.pop(moved, None)
    scale = raw.pop("skala_kategori", "permendagri_86")
    values: dict[str, Any] = {
        "skala": _scale(scale),
        "skala_nama": scale if isinstance(scale, str) else "khusus",
    }
    negative = raw.pop("skala_kategori_negatif", "sama")
    if negative == "terbalik":
        values["skala_negatif"] = reversed_labels(values["skala"])
    elif negative != "sama":
        values["skala_negatif"] = _scale(negative)
    values["grafik"] = _charts(raw.pop("grafik", None))
    if "lampiran" in raw:
        raw["lampiran"] = tuple(raw["lampiran"])
    if "ambang_efisien" in raw:
        raw["ambang_efisien"] = Decimal(str(raw["ambang_efisien"]))
    values.update(raw)
    return Settings(**values)
