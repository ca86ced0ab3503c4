"""Tables of Bab I and II and of the Perjanjian Kinerja annex, shaped for the templates."""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal

from lkjip_gen.compute.anggaran_types import Pk, PkIndikator, PkProgram, PkSasaran
from lkjip_gen.compute.data_types import KondisiUmum as KondisiData
from lkjip_gen.compute.data_types import Pengaturan, Sarana, TabelSdm, Unit
from lkjip_gen.compute.types import Indikator, Model, Sasaran
from lkjip_gen.formatting import angka, nilai
from lkjip_gen.render import layout, narrative
from lkjip_gen.render.planning_types import (
    BarisHierarki,
    BarisIku,
    BarisPk,
    BarisPkProgram,
    BarisPkSasaran,
    BarisSarana,
    BarisStrategi,
    BarisUnit,
    TabelHierarki,
    TabelIku,
    TabelKondisi,
    TabelPk,
    TabelPkProgram,
    TabelPkSasaran,
    TabelRencana,
    TabelSarana,
    TabelSdmCetak,
    TabelStrategi,
    TabelUnit,
    UnitRincian,
)


def tables(model: Model) -> TabelRencana:
    """The tables of Bab I and II and of the PK annex; absent ones are None or empty lists."""
    units = model["organisasi"]["unit"]
    unit_rows = _units(units)
    hierarchy = _hierarchy(model)
    strategy = _strategy(model["sasaran"])
    pk_targets = _pk_targets(model["pk"]["sasaran"])
    return {
        "unit": TabelUnit(baris=unit_rows) if unit_rows else None,
        "unit_rincian": _unit_details(units),
        "sdm": [_sdm(t, model["pengaturan"]) for t in model["sdm"]],
        "sarana": _sarana(model["sarana"]),
        "kondisi": [_kondisi(t) for t in model["kondisi_umum"]],
        "hierarki": TabelHierarki(baris=hierarchy) if hierarchy else None,
        "iku": _iku(model),
        "strategi": TabelStrategi(baris=strategy) if strategy else None,
        "pk": TabelPk(baris=_pk_rows(model["pk"]), jumlah=model["pk"]["jumlah"]),
        "pk_sasaran": TabelPkSasaran(baris=pk_targets) if pk_targets else None,
        "pk_program": _pk_programs(model["pk"]),
    }


def _units(units: list[Unit], prefix: str = "") -> list[BarisUnit]:
    rows: list[BarisUnit] = []
    for n, unit in enumerate(units, start=1):
        number = f"{prefix}{n}"
        kepala = unit["kepala"]
        rows.append(
            {
                "no": number,
                "nama": unit["nama"],
                "eselon": unit["eselon"],
                "pejabat": kepala["nama"] if kepala else None,
                "induk": not prefix,
            }
        )
        rows += _units(unit["subunit"], f"{number}.")
    return rows


def _unit_details(units: list[Unit]) -> list[UnitRincian]:
    details: list[UnitRincian] = []
    for unit in units:
        if unit["tugas"] or unit["fungsi"]:
            details.append(
                {
                    "nama": unit["nama"],
                    "tugas": narrative.render(unit["tugas"]),
                    "fungsi": unit["fungsi"],
                }
            )
        details += _unit_details(unit["subunit"])
    return details


def _sdm(table: TabelSdm, p: Pengaturan) -> TabelSdmCetak:
    """An SDM table with its variable columns flattened into printed cells."""
    with_pct, with_sum = table["persen"], table["jumlah_baris"]

    def cells(
        values: list[Decimal],
        percents: list[Decimal | None],
        total: Decimal,
        total_pct: Decimal | None,
    ) -> list[str]:
        out: list[str] = []
        for value, pct in zip(values, percents, strict=True):
            out += [angka(value)] + ([angka(pct, p["desimal"])] if with_pct else [])
        if with_sum:
            out += [angka(total)] + ([angka(total_pct, p["desimal"])] if with_pct else [])
        return out

    heads: list[str] = []
    for name in table["kolom"] + (["Jumlah"] if with_sum else []):
        heads += [name] + (["%"] if with_pct else [])
    return {
        "judul": table["judul"],
        "kelompok": table["kelompok"],
        "kepala": heads,
        "sumber": table["sumber"],
        "nomor": layout.numbers(len(heads) + 2),
        "baris": [
            {
                "no": str(n),
                "label": row["label"],
                "sel": cells(row["nilai"], row["persen"], row["jumlah"], row["persen_jumlah"]),
            }
            for n, row in enumerate(table["baris"], start=1)
        ],
        "total": cells(
            table["total"]["nilai"],
            table["total"]["persen"],
            table["total"]["jumlah"],
            table["total"]["persen_jumlah"],
        ),
    }


def _sarana(sarana: Sarana | None) -> TabelSarana | None:
    if not sarana:
        return None
    rows: list[BarisSarana] = [
        {
            "no": str(n),
            "nama": item["nama"],
            "jumlah": item["jumlah"],
            "baik": item["baik"],
            "kurang_baik": item["kurang_baik"],
            "rusak_berat": item["rusak_berat"],
            "keterangan": item["keterangan"] or "",
        }
        for n, item in enumerate(sarana["barang"], start=1)
    ]
    return {
        "judul": sarana["judul"] or "Sarana dan Prasarana menurut Jenis, Jumlah dan Kondisi",
        "catatan": sarana["catatan"],
        "baris": rows,
        "total": sarana["total"],
    }


def _kondisi(table: KondisiData) -> TabelKondisi:
    years = [str(y) for y in table["tahun"]]
    return {
        "judul": table["judul"],
        "sumber": table["sumber"],
        "tahun": years,
        "nomor": layout.numbers(len(years) + 3),
        "baris": [
            {
                "no": str(n),
                "uraian": row["uraian"],
                "satuan": row["satuan"] or "",
                "sel": [nilai(v) for v in row["nilai"]],
            }
            for n, row in enumerate(table["baris"], start=1)
        ],
    }


def _hierarchy(model: Model) -> list[BarisHierarki]:
    """Misi → tujuan → sasaran → indikator rows, each level merged over its children."""
    misi = {m["id"]: f"Misi {m['nomor']}: {m['uraian']}" for m in model["misi"]}
    tujuan = {t["id"]: t for t in model["tujuan"]}
    order = {t["id"]: n for n, t in enumerate(model["tujuan"])}
    misi_order = {m_id: n for n, m_id in enumerate(misi)}

    def rank(s: Sasaran) -> tuple[int, int]:
        t = tujuan.get(s["tujuan"] or "")
        return (
            misi_order.get(t["misi"] or "", len(misi)) if t else len(misi) + 1,
            order.get(s["tujuan"] or "", len(order)),
        )

    rows: list[BarisHierarki] = []
    keys: list[tuple[str | None, str | None, str]] = []
    for s in sorted(model["sasaran"], key=rank):
        t = tujuan.get(s["tujuan"] or "")
        indicators: list[Indikator | None] = [*s["indikator"]] or [None]
        for ind in indicators:
            rows.append(
                {
                    "misi": misi.get(t["misi"] or "", "–") if t else "–",
                    "tujuan": t["uraian"] if t else "–",
                    "indikator_tujuan": [i["nama"] for i in t["indikator"]] if t else [],
                    "sasaran": s["uraian"],
                    "indikator": ind["nama"] if ind else "",
                    "vm_misi": None,
                    "vm_tujuan": None,
                    "vm_sasaran": None,
                }
            )
            keys.append((t["misi"] if t else None, s["tujuan"], s["id"]))
    layout.apply_merge(rows, [k[0] for k in keys], "vm_misi", ["misi"])
    layout.apply_merge(rows, [k[:2] for k in keys], "vm_tujuan", ["tujuan", "indikator_tujuan"])
    layout.apply_merge(rows, [k[2] for k in keys], "vm_sasaran", ["sasaran"])
    return rows


def _strategy(sasaran: list[Sasaran]) -> list[BarisStrategi]:
    return [
        {
            "no": s["nomor"],
            "sasaran": s["uraian"],
            "strategi": s["strategi"],
            "arah": s["arah_kebijakan"],
        }
        for s in sasaran
        if s["strategi"] or s["arah_kebijakan"]
    ]


def _iku(model: Model) -> TabelIku | None:
    items = [i for i in model["indikator"] if i["iku"]]
    if not items:
        return None
    # Years of the Renstra for which the data gives targets; a column of dashes says nothing.
    given = {
        t["tahun"] for i in items for t in i["renstra"]["target_tahunan"] if t["target"] is not None
    }
    years = [y for y in model["renstra"]["tahun"] if y in given]
    rows: list[BarisIku] = []
    for n, i in enumerate(items, start=1):
        targets = {t["tahun"]: t["target"] for t in i["renstra"]["target_tahunan"]}
        rows.append(
            {
                "no": str(n),
                "nama": i["nama"],
                "satuan": i["satuan"],
                "awal": i["renstra"]["kondisi_awal"],
                "target": [targets.get(y) for y in years],
                "akhir": i["renstra"]["target_akhir"],
            }
        )
    return {
        "tahun": [str(y) for y in years],
        "baris": rows,
        "nomor": layout.numbers(len(years) + 5),
    }


def _pk_rows(pk: Pk) -> list[BarisPk]:
    """Perjanjian Kinerja rows: per sasaran, its indicators beside the programs serving it.

    A program is listed beside the first sasaran it serves, and its cells run down over the
    following sasaran it also serves (seed 001's pelatihan program spans two sasaran). Programs
    serving none (the penunjang program) come last. In a block, the shorter side's last cell is
    merged down.
    """
    programs = pk["program"]
    blocks: list[tuple[str | None, str, str, list[PkIndikator], list[PkProgram]]] = [
        (
            s["id"],
            s["nomor"],
            s["uraian"],
            s["indikator"],
            [p for p in programs if p["sasaran"] and p["sasaran"][0] == s["id"]],
        )
        for s in pk["sasaran"]
    ]
    orphans = [p for p in programs if not p["sasaran"]]
    if orphans:
        blocks.append((None, "", "", [], orphans))
    rows: list[BarisPk] = []
    keys: list[tuple[Hashable, Hashable, Hashable]] = []
    last: tuple[tuple[int, int | None], PkProgram] | None = None
    for block, (sid, nomor, uraian, indicators, own) in enumerate(blocks):
        for k in range(max(len(indicators), len(own), 1)):
            ind = indicators[min(k, len(indicators) - 1)] if indicators else None
            key: tuple[int, int | None]
            prog: PkProgram | None
            if own:
                key, prog = (block, min(k, len(own) - 1)), own[min(k, len(own) - 1)]
            elif last and sid in last[1]["sasaran"]:
                key, prog = last
            else:
                key, prog = (block, None), None
            last = (key, prog) if prog else None
            rows.append(
                {
                    "no": nomor,
                    "sasaran": uraian,
                    "indikator": ind["nama"] if ind else "",
                    "target": ind["target"] if ind else "",
                    "satuan": ind["satuan"] if ind else None,
                    "program": prog["nama"] if prog else "",
                    "pagu": prog["pagu"] if prog else "",
                    "sumber_dana": layout.funds(prog["sumber_dana"]) if prog else "",
                    "vm_sasaran": None,
                    "vm_indikator": None,
                    "vm_program": None,
                }
            )
            keys.append((block, (block, min(k, len(indicators) - 1)), key))
    layout.apply_merge(rows, [k[0] for k in keys], "vm_sasaran", ["no", "sasaran"])
    layout.apply_merge(rows, [k[1] for k in keys], "vm_indikator", ["indikator", "target"])
    layout.apply_merge(rows, [k[2] for k in keys], "vm_program", ["program", "pagu", "sumber_dana"])
    return rows


def _pk_targets(sasaran: list[PkSasaran]) -> list[BarisPkSasaran]:
    rows: list[BarisPkSasaran] = []
    keys: list[str] = []
    for n, s in enumerate(sasaran, start=1):
        targets: list[PkIndikator | None] = [*s["indikator"]] or [None]
        for ind in targets:
            rows.append(
                {
                    "no": str(n),
                    "sasaran": s["uraian"],
                    "indikator": ind["nama"] if ind else "",
                    "target": ind["target"] if ind else "",
                    "satuan": ind["satuan"] if ind else None,
                    "vm": None,
                }
            )
            keys.append(s["id"])
    layout.apply_merge(rows, keys, "vm", ["no", "sasaran"])
    return rows


def _pk_programs(pk: Pk) -> TabelPkProgram | None:
    rows: list[BarisPkProgram] = [
        {
            "no": str(n),
            "nama": p["nama"],
            "pagu": p["pagu"],
            "keterangan": layout.funds(p["sumber_dana"]),
        }
        for n, p in enumerate(pk["program"], start=1)
    ]
    return TabelPkProgram(baris=rows, jumlah=pk["jumlah"]) if rows else None
