"""Tables of Bab II and of the Perjanjian Kinerja annex, shaped for the templates."""

from __future__ import annotations

from collections.abc import Hashable

from lkjip_gen.compute.anggaran_types import Pk, PkIndikator, PkProgram, PkSasaran
from lkjip_gen.compute.types import Indikator, Model, Sasaran
from lkjip_gen.render import layout
from lkjip_gen.render.column_types import KolomHierarki, KolomIku, KolomPk, KolomPkProgram
from lkjip_gen.render.outline import Shape
from lkjip_gen.render.planning_types import (
    BarisHierarki,
    BarisIku,
    BarisPk,
    BarisPkProgram,
    BarisPkSasaran,
    BarisStrategi,
    TabelHierarki,
    TabelIku,
    TabelPk,
    TabelPkProgram,
    TabelPkSasaran,
    TabelRencana,
    TabelStrategi,
)


def tables(model: Model, shape: Shape) -> TabelRencana:
    """The tables of Bab II and of the PK annex; absent ones are None."""
    hierarchy = _hierarchy(model)
    strategy = _strategy(model["sasaran"])
    pk_targets = _pk_targets(model["pk"]["sasaran"])
    pk_rows = _pk_rows(model["pk"])
    return {
        "hierarki": TabelHierarki(
            judul=shape.caption("tabel.hierarki"),
            kolom=shape.columns(
                "tabel.hierarki", hierarchy, {"misi": lambda r: r["misi"]}, KolomHierarki
            ),
            baris=hierarchy,
        )
        if hierarchy
        else None,
        "iku": _iku(model, shape),
        "strategi": TabelStrategi(judul=shape.caption("tabel.strategi"), baris=strategy)
        if strategy
        else None,
        "pk": TabelPk(
            judul=shape.caption("tabel.pk"),
            kolom=shape.columns(
                "tabel.pk",
                pk_rows,
                {
                    "program": lambda r: r["program"],
                    "anggaran": lambda r: r["pagu"],
                    "sumber_dana": lambda r: r["sumber_dana"],
                },
                KolomPk,
            ),
            baris=pk_rows,
            jumlah=model["pk"]["jumlah"],
        ),
        "pk_sasaran": TabelPkSasaran(baris=pk_targets) if pk_targets else None,
        "pk_program": _pk_programs(model["pk"], shape),
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
                    "terus": False,
                }
            )
            keys.append((t["misi"] if t else None, s["tujuan"], s["id"]))
    layout.apply_merge(rows, [k[0] for k in keys], "vm_misi", ["misi"])
    layout.apply_merge(rows, [k[:2] for k in keys], "vm_tujuan", ["tujuan", "indikator_tujuan"])
    layout.apply_merge(rows, [k[2] for k in keys], "vm_sasaran", ["sasaran"])
    layout.chain(rows, [k[2] for k in keys])
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


def _iku(model: Model, shape: Shape) -> TabelIku | None:
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
    kolom = shape.columns(
        "tabel.iku",
        rows,
        {"kondisi_awal": lambda r: r["awal"], "target_akhir": lambda r: r["akhir"]},
        KolomIku,
    )
    return {
        "judul": shape.caption("tabel.iku"),
        "kolom": kolom,
        "tahun": [str(y) for y in years],
        "baris": rows,
        "nomor": layout.numbers(len(years) + 3 + kolom["kondisi_awal"] + kolom["target_akhir"]),
    }


def _pk_rows(pk: Pk) -> list[BarisPk]:
    """Perjanjian Kinerja rows: per sasaran, its indicators beside the programs serving it.

    A program is listed beside the first sasaran it serves, and its cells run down over the
    following sasaran it also serves (seed 001's pelatihan program spans two sasaran). Programs
    serving none (the penunjang program) come last. In a block, the shorter side's last cell is
    merged down.
    """
    rows: list[BarisPk] = []
    keys: list[tuple[Hashable, Hashable, Hashable]] = []
    last: tuple[tuple[int, int | None], PkProgram] | None = None
    for block, (sid, nomor, uraian, indicators, own) in enumerate(_pk_blocks(pk)):
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
                    "terus": False,
                }
            )
            keys.append((block, (block, min(k, len(indicators) - 1)), key))
    layout.apply_merge(rows, [k[0] for k in keys], "vm_sasaran", ["no", "sasaran"])
    layout.apply_merge(rows, [k[1] for k in keys], "vm_indikator", ["indikator", "target"])
    layout.apply_merge(rows, [k[2] for k in keys], "vm_program", ["program", "pagu", "sumber_dana"])
    # A sasaran, and a program running down over several sasaran, stay on one page.
    layout.chain(rows, _blocks([k[0] for k in keys], [k[2] for k in keys]))
    return rows


PkBlock = tuple[str | None, str, str, list[PkIndikator], list[PkProgram]]


def _pk_blocks(pk: Pk) -> list[PkBlock]:
    """(sasaran id, nomor, uraian, indicators, programs listed beside it) per sasaran, then the
    programs serving none."""
    programs = pk["program"]
    blocks: list[PkBlock] = [
        (
            s["id"],
            s["nomor"],
            s["uraian"],
            s["indikator"],
            [p for p in programs if p["sasaran"] and p["sasaran"][0] == s["id"]]
            or _sasaran_budget(s),
        )
        for s in pk["sasaran"]
    ]
    orphans = [p for p in programs if not p["sasaran"]]
    if orphans:
        blocks.append((None, "", "", [], orphans))
    return blocks


def _blocks(*columns: list[Hashable]) -> list[int]:
    """One key per row: rows stay in one block while any column's merged cell runs on."""
    block, out = 0, []
    for i in range(len(columns[0])):
        if i and all(column[i] != column[i - 1] for column in columns):
            block += 1
        out.append(block)
    return out


def _sasaran_budget(s: PkSasaran) -> list[PkProgram]:
    """A sasaran's own amount in the Anggaran column, when the office budgets per sasaran."""
    if s["pagu"] is None:
        return []
    return [
        {
            "nomor": "",
            "kode": None,
            "nama": "",
            "pagu": s["pagu"],
            "sumber_dana": [],
            "sasaran": [s["id"]],
        }
    ]


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
                    "terus": False,
                }
            )
            keys.append(s["id"])
    layout.apply_merge(rows, keys, "vm", ["no", "sasaran"])
    layout.chain(rows, keys)
    return rows


def _pk_programs(pk: Pk, shape: Shape) -> TabelPkProgram | None:
    rows: list[BarisPkProgram] = [
        {
            "no": str(n),
            "nama": p["nama"],
            "pagu": p["pagu"],
            "keterangan": layout.funds(p["sumber_dana"]),
        }
        for n, p in enumerate(pk["program"], start=1)
    ]
    kolom = shape.columns(
        "tabel.pk_program", rows, {"keterangan": lambda r: r["keterangan"]}, KolomPkProgram
    )
    return TabelPkProgram(kolom=kolom, baris=rows, jumlah=pk["jumlah"]) if rows else None
