"""Roll the offices of one regency up: each office's own computed figures, sorted and totalled.

Every number of an office's row is read from that office's report model, the one its LKjIP
prints (``lkjip compute``), so the roll-up can never disagree with the reports it rolls up. The
totals need a convention the offices may not share (their category scale, their efficiency
formula, their rounding): they use the offices' own when all agree, and otherwise leave the
category and efficiency of the total empty rather than pick one office's.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from lkjip_gen.build import check_file
from lkjip_gen.compute.anggaran import efisiensi
from lkjip_gen.compute.capaian import mean, persen
from lkjip_gen.compute.types import Model
from lkjip_gen.data import schema
from lkjip_gen.data.load import Document, load
from lkjip_gen.data.settings import Settings, resolve
from lkjip_gen.disk import GLOB_CHARS, matching
from lkjip_gen.errors import ValidationFailed
from lkjip_gen.rekap.types import Rekap, RekapGagal, RekapJumlah, RekapKantor

TITLE = "Rekapitulasi Laporan Kinerja Instansi Pemerintah"
MARK = "kantor"
"""The key that makes a YAML file a roll-up file rather than an office's year file."""


def is_rekap(doc: Document) -> bool:
    """Whether a loaded file is a roll-up file (it lists ``kantor``, it has no ``instansi``)."""
    return MARK in doc.data and "instansi" not in doc.data


def rekap(path: Path | str) -> Rekap:
    """The roll-up of the offices ``path`` lists.

    Raises:
        ValidationFailed: the roll-up file itself is not valid (offices that are not valid are
            listed in ``gagal``, with their first problem).
    """
    return rekap_of(load(path))


def rekap_of(doc: Document) -> Rekap:
    """:func:`rekap` of a loaded roll-up file."""
    problems = schema.explain(doc, schema.validator("rekap").iter_errors(doc.data))
    if problems:
        raise ValidationFailed(problems)
    data = doc.data
    rows: list[tuple[RekapKantor, Model, Settings]] = []
    gagal: list[RekapGagal] = []
    for shown, file in _offices(doc):
        try:
            checked = check_file(file)
        except ValidationFailed as failed:
            gagal.append(_failed(shown, [str(p) for p in failed.problems]))
            continue
        if checked.errors or checked.model is None:
            gagal.append(_failed(shown, [str(p) for p in checked.errors]))
            continue
        settings = resolve(checked.doc.data.get("pengaturan"))
        rows.append((_row(shown, checked.model), checked.model, settings))
    labels = _labels([model for _, model, _ in rows])
    for row, model, _ in rows:
        counts = {k["label"]: k["jumlah"] for k in model["ringkasan"]["per_kategori"]}
        row["jumlah_kategori"] = [counts.get(label) for label in labels]
    order = data.get("urutan", "capaian")
    kantor = sorted((row for row, _, _ in rows), key=_ORDER[order])
    for no, row in enumerate(kantor, 1):
        row["no"] = no
    tahun = int(data["tahun"])
    return {
        "pemda": data["pemda"],
        "tahun": tahun,
        "judul": data.get("judul") or TITLE,
        "tanggal": data.get("tanggal"),
        "urutan": order,
        "kategori": labels,
        "kantor": kantor,
        "jumlah": _total(kantor, [s for _, _, s in rows], len(labels)),
        "gagal": gagal,
        "peringatan": [
            f"{row['berkas']}: {row['nama']} melaporkan {row['periode']}, bukan tahun {tahun}"
            for row, model, _ in rows
            if model["laporan"]["tahun"] != tahun
        ],
    }


def _offices(doc: Document) -> list[tuple[str, Path]]:
    """Each listed office as written and as a path; a pattern stands for the files it matches."""
    base = doc.base_dir((MARK,))
    found: list[tuple[str, Path]] = []
    for written in doc.data[MARK]:
        if GLOB_CHARS & set(written):
            matches = matching(base / written)
            if not matches:
                found.append((written, base / written))
            found += [(_relative(m, base), m) for m in matches]
        else:
            found.append((written, base / written))
    return found


def _relative(path: Path, base: Path) -> str:
    """``path`` as the roll-up file would name it: relative to its folder when below it."""
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def _failed(shown: str, problems: list[str]) -> RekapGagal:
    first = problems[0] if problems else "data belum sah"
    return {"berkas": shown, "masalah": first, "jumlah_masalah": len(problems)}


def _row(shown: str, model: Model) -> RekapKantor:
    ringkasan, total = model["ringkasan"], model["anggaran"]["total"]
    efficiency = model["anggaran"]["per_sasaran_jumlah"]
    return {
        "no": 0,
        "berkas": shown,
        "nama": model["instansi"]["nama"],
        "singkatan": model["instansi"]["singkatan"],
        "periode": model["laporan"]["periode"],
        "jumlah_sasaran": ringkasan["jumlah_sasaran"],
        "jumlah_indikator": ringkasan["jumlah_indikator"],
        "jumlah_terukur": ringkasan["jumlah_terukur"],
        "rata_rata_tepat": ringkasan["rata_rata_tepat"],
        "rata_rata": ringkasan["rata_rata"],
        "kategori": ringkasan["kategori"],
        "jumlah_kategori": [],
        "pagu": total["pagu"],
        "realisasi": total["realisasi"],
        "serapan_tepat": total["serapan_tepat"],
        "serapan": total["serapan"],
        "efisiensi_tepat": efficiency["efisiensi_tepat"],
        "efisiensi": efficiency["efisiensi"],
    }


def _labels(models: list[Model]) -> list[str]:
    """Every category label of the offices' scales, in the order the scales list them."""
    labels: list[str] = []
    for model in models:
        for entry in model["ringkasan"]["per_kategori"]:
            if entry["label"] not in labels:
                labels.append(entry["label"])
    return labels


def _shared(settings: list[Settings]) -> Settings | None:
    """The offices' conventions for totals when every office has the same ones."""
    key: Callable[[Settings], Any] = lambda s: (  # noqa: E731
        s.skala,
        s.efisiensi,
        s.ambang_efisien,
        s.desimal,
        s.pembulatan,
        s.pembulatan_anggaran,
    )
    keys = {key(s) for s in settings}
    return settings[0] if len(keys) == 1 else None


def _total(kantor: list[RekapKantor], settings: list[Settings], columns: int) -> RekapJumlah:
    shared = _shared(settings)
    rounding = shared or Settings()
    pagu = _sum(k["pagu"] for k in kantor)
    realisasi = _sum(k["realisasi"] for k in kantor)
    rata_rata = mean([k["rata_rata_tepat"] for k in kantor if k["rata_rata_tepat"] is not None])
    serapan = persen(realisasi, pagu)
    band = shared.kategori(rata_rata) if shared else None
    eff = efisiensi(shared, rata_rata, serapan) if shared else None
    return {
        "jumlah_sasaran": sum(k["jumlah_sasaran"] for k in kantor),
        "jumlah_indikator": sum(k["jumlah_indikator"] for k in kantor),
        "jumlah_terukur": sum(k["jumlah_terukur"] for k in kantor),
        "rata_rata_tepat": rata_rata,
        "rata_rata": rounding.round_capaian(rata_rata),
        "kategori": band.label if band else None,
        "jumlah_kategori": [
            sum(k["jumlah_kategori"][i] or 0 for k in kantor) for i in range(columns)
        ],
        "pagu": pagu,
        "realisasi": realisasi,
        "serapan_tepat": serapan,
        "serapan": rounding.round_anggaran(serapan),
        "efisiensi_tepat": eff["efisiensi_tepat"] if eff else None,
        "efisiensi": eff["efisiensi"] if eff else None,
    }


def _sum(values: Any) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def _descending(field: str) -> Callable[[RekapKantor], Any]:
    def key(row: RekapKantor) -> Any:
        value = row[field]  # type: ignore[literal-required]
        return (value is None, -(value or 0), row["nama"])

    return key


_ORDER: dict[str, Callable[[RekapKantor], Any]] = {
    "capaian": _descending("rata_rata_tepat"),
    "serapan": _descending("serapan_tepat"),
    "nama": lambda row: (row["nama"].casefold(), row["berkas"]),
    "berkas": lambda row: 0,  # sorted() keeps the listed order
}
