"""The LKE self-check: what the SAKIP evaluation (PermenPAN-RB 88/2021, component *Pelaporan
Kinerja*) looks for in an LKjIP, checked on the data and its computed model before signing.

Each criterion lists what is missing and where to add it (the place in the file nearest to the
key to write, and the key path). Rules of our own, documented in the guide: the history needs
``TAHUN_RIWAYAT`` earlier years per indicator; an annual report is on time up to the end of
February of the next year, a quarterly one up to the end of the month after the quarter.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from lkjip_gen.checks.laporan import parse, period_end, shown
from lkjip_gen.compute.types import Model
from lkjip_gen.data.load import Document, Path_, format_path

TAHUN_RIWAYAT = 3


@dataclass(frozen=True)
class Kekurangan:
    """One thing missing for a criterion: what, which key to write, and near which line."""

    pesan: str
    jalur: str
    lokasi: str


@dataclass(frozen=True)
class Kriteria:
    """One criterion of the checklist and what keeps it from being met."""

    nomor: int
    judul: str
    kekurangan: tuple[Kekurangan, ...]

    @property
    def terpenuhi(self) -> bool:
        return not self.kekurangan


class _Gaps:
    """Collects the gaps of one criterion, located in the document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.items: list[Kekurangan] = []

    def add(self, pesan: str, path: Path_) -> None:
        loc = self.doc.locate(path)
        self.items.append(Kekurangan(pesan, format_path(path), f"{loc.file}:{loc.line}"))


Rule = Callable[[_Gaps, Document, Model], None]


def evaluate(doc: Document, model: Model) -> list[Kriteria]:
    """Every criterion for schema-valid ``doc`` and its computed ``model``."""
    result = []
    for number, (title, rule) in enumerate(RULES, start=1):
        gaps = _Gaps(doc)
        rule(gaps, doc, model)
        result.append(Kriteria(number, title.format(**_titles(model)), tuple(gaps.items)))
    return result


def _titles(model: Model) -> dict[str, Any]:
    return {"akhir": model["renstra"]["periode_akhir"], "tahun": TAHUN_RIWAYAT}


def _indicator_paths(doc: Document) -> dict[str, Path_]:
    paths: dict[str, Path_] = {}
    for kind in ("tujuan", "sasaran"):
        for i, item in enumerate(doc.data["renstra"].get(kind, [])):
            for j, ind in enumerate(item.get("indikator", [])):
                paths.setdefault(ind["id"], ("renstra", kind, i, "indikator", j))
    return paths


def _annual_target(gaps: _Gaps, doc: Document, model: Model) -> None:
    paths = _indicator_paths(doc)
    tahun = model["laporan"]["tahun"]
    for ind in model["indikator"]:
        if ind["target"] is None:
            gaps.add(
                f"{ind['nama']}: target tahun {tahun} belum ada", (*paths[ind["id"]], "target")
            )
        elif ind["status"] == "belum_diukur":
            gaps.add(f"{ind['nama']}: realisasi belum diisi", ("kinerja", ind["id"], "realisasi"))
        elif ind["capaian_tepat"] is None:
            gaps.add(f"{ind['nama']}: {ind['alasan']}", ("kinerja", ind["id"]))


def _renstra_target(gaps: _Gaps, doc: Document, model: Model) -> None:
    paths = _indicator_paths(doc)
    akhir = str(model["renstra"]["periode_akhir"])
    for ind in model["indikator"]:
        path = paths[ind["id"]]
        definition = doc.data["renstra"][path[1]][path[2]]["indikator"][path[4]]
        if akhir not in (definition.get("target") or {}):
            gaps.add(
                f"{ind['nama']}: target akhir Renstra {akhir} belum ada", (*path, "target", akhir)
            )


def _history(gaps: _Gaps, doc: Document, model: Model) -> None:
    tahun = model["laporan"]["tahun"]
    for ind in model["indikator"]:
        years = [
            r["tahun"]
            for r in ind["riwayat"]
            if r["tahun"] < tahun and (r["realisasi"] is not None or r["capaian_tepat"] is not None)
        ]
        if len(years) < TAHUN_RIWAYAT:
            gaps.add(
                f"{ind['nama']}: {len(years)} dari {TAHUN_RIWAYAT} tahun sebelumnya (isi riwayat, "
                "atau tahun_lalu)",
                ("kinerja", ind["id"], "riwayat"),
            )


def _benchmark(gaps: _Gaps, doc: Document, model: Model) -> None:
    for ind in model["indikator"]:
        if ind["nasional"] is None:
            gaps.add(
                f"{ind['nama']}: belum ada pembanding nasional/provinsi/standar",
                ("kinerja", ind["id"], "nasional"),
            )


def _efficiency(gaps: _Gaps, doc: Document, model: Model) -> None:
    rows = model["anggaran"]["baris"]
    for s in model["sasaran"]:
        if s["efisiensi_tepat"] is not None:
            continue
        if any(s["id"] in row["sasaran"] for row in rows):
            gaps.add(
                f"sasaran {s['id']}: efisiensi tidak dapat dihitung karena capaian sasaran "
                "belum terukur (lihat kriteria 1)",
                ("kinerja",),
            )
        else:
            gaps.add(
                f"sasaran {s['id']}: tidak didukung program beranggaran — tulis sasaran: "
                f"{s['id']} pada program yang mendukungnya",
                ("program",),
            )


def _causes(gaps: _Gaps, doc: Document, model: Model) -> None:
    labels = {"penyebab": "penyebab keberhasilan/kegagalan", "solusi": "upaya/solusi"}
    for s in model["sasaran"]:
        for key, label in labels.items():
            if not str(s["analisis"].get(key) or "").strip():
                gaps.add(f"sasaran {s['id']}: {label} belum ditulis", ("analisis", s["id"], key))


def _recommendations(gaps: _Gaps, doc: Document, model: Model) -> None:
    if not str(model["narasi"].get("langkah_perbaikan") or "").strip():
        gaps.add(
            "Bab IV: langkah perbaikan ke depan belum ditulis", ("narasi", "langkah_perbaikan")
        )


def _pk_in_bab3(gaps: _Gaps, doc: Document, model: Model) -> None:
    for s in model["sasaran"]:
        for ind in s["indikator"]:
            if ind["target"] is not None and ind["status"] == "belum_diukur":
                gaps.add(
                    f"{ind['nama']}: diperjanjikan di PK, tetapi Bab III tanpa realisasi",
                    ("kinerja", ind["id"], "realisasi"),
                )


def _pk_annex(gaps: _Gaps, doc: Document, model: Model) -> None:
    instansi = model["instansi"]
    if not instansi.get("atasan"):
        gaps.add("pihak kedua (atasan, biasanya Bupati) belum diisi", ("instansi", "atasan"))
    if not model["pk"]["program"]:
        gaps.add("tidak ada program dan anggaran untuk lampiran PK", ("program",))
    paths = _indicator_paths(doc)
    for s in model["sasaran"]:
        for ind in s["indikator"]:
            if ind["target"] is None:
                gaps.add(f"{ind['nama']}: target PK belum ada", (*paths[ind["id"]], "target"))


def _signed(gaps: _Gaps, doc: Document, model: Model) -> None:
    kepala = model["instansi"]["kepala"]
    for key, label in (("pangkat", "pangkat"), ("nip", "NIP")):
        if not kepala.get(key):
            gaps.add(f"{label} kepala perangkat daerah belum diisi", ("instansi", "kepala", key))


def due_date(tahun: int, triwulan: int | None) -> date:
    """The last day a report may be signed: end of February of the next year (annual), or the
    end of the month after the quarter (quarterly)."""
    if triwulan is None:
        return date(tahun + 1, 2, calendar.monthrange(tahun + 1, 2)[1])
    end = period_end(tahun, triwulan)
    year, month = (end.year + 1, 1) if end.month == 12 else (end.year, end.month + 1)
    return date(year, month, calendar.monthrange(year, month)[1])


def _on_time(gaps: _Gaps, doc: Document, model: Model) -> None:
    laporan = model["laporan"]
    written = doc.data["laporan"].get("tanggal")
    if not written:
        gaps.add("tanggal penandatanganan belum diisi", ("laporan", "tanggal"))
        return
    quarter = laporan.get("triwulan") if laporan["jenis"] == "triwulan" else None
    due = due_date(laporan["tahun"], quarter)
    signed = parse(str(written))
    if signed is not None and signed > due:
        gaps.add(
            f"ditandatangani {shown(str(written))}, melewati batas {shown(due.isoformat())}",
            ("laporan", "tanggal"),
        )


RULES: list[tuple[str, Rule]] = [
    ("Realisasi dibandingkan dengan target tahunan", _annual_target),
    ("Realisasi dibandingkan dengan target akhir Renstra ({akhir})", _renstra_target),
    ("Realisasi dibandingkan dengan {tahun} tahun sebelumnya", _history),
    ("Realisasi dibandingkan dengan capaian nasional/provinsi atau standar", _benchmark),
    ("Analisis efisiensi penggunaan sumber daya per sasaran", _efficiency),
    ("Penyebab keberhasilan/kegagalan dan upaya per sasaran", _causes),
    ("Rekomendasi (langkah perbaikan) di Bab IV", _recommendations),
    ("Setiap indikator Perjanjian Kinerja dilaporkan di Bab III", _pk_in_bab3),
    ("Lampiran Perjanjian Kinerja lengkap (pihak kedua, target, anggaran)", _pk_annex),
    ("Ditandatangani kepala perangkat daerah (pangkat, NIP)", _signed),
    ("Ditandatangani tepat waktu", _on_time),
]


def render(criteria: list[Kriteria], file: str) -> str:
    """The checklist as text: ``[x]`` met, ``[ ]`` not met with what to add and where."""
    lines = [f"Periksa LKE (PermenPAN-RB 88/2021, komponen Pelaporan Kinerja): {file}"]
    for k in criteria:
        lines.append(f"[{'x' if k.terpenuhi else ' '}] {k.nomor}. {k.judul}")
        lines += [f"      - {g.pesan} — {g.jalur} ({g.lokasi})" for g in k.kekurangan]
    met = sum(1 for k in criteria if k.terpenuhi)
    lines.append(f"{met} dari {len(criteria)} kriteria terpenuhi.")
    return "\n".join(lines) + "\n"
