"""Tables of Bab I and II and of the Perjanjian Kinerja annex, shaped for the templates."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from lkjip_gen.formatting import angka, nilai
from lkjip_gen.render import layout, narrative
from lkjip_gen.render.layout import Row


def tables(model: Mapping[str, Any]) -> dict[str, Any]:
    """The tables of Bab I and II and of the PK annex; absent ones are None or empty lists."""
    organisasi = model.get("organisasi") or {}
    units = organisasi.get("unit") or []
    return {
        "unit": layout.table(_units(units)),
        "unit_rincian": _unit_details(units),
        "sdm": [_sdm(t, model["pengaturan"]) for t in model.get("sdm") or []],
        "sarana": _sarana(model.get("sarana")),
        "kondisi": [_kondisi(t) for t in model.get("kondisi_umum") or []],
        "hierarki": layout.table(_hierarchy(model)),
        "iku": _iku(model),
        "strategi": layout.table(
            [
                {
                    "no": s["nomor"],
                    "sasaran": s["uraian"],
                    "strategi": s["strategi"],
                    "arah": s["arah_kebijakan"],
                }
                for s in model["sasaran"]
                if s["strategi"] or s["arah_kebijakan"]
            ]
        ),
        "pk": {"baris": _pk_rows(model["pk"]), "jumlah": model["pk"]["jumlah"]},
        "pk_sasaran": layout.table(_pk_targets(model["pk"]["sasaran"])),
        "pk_program": _pk_programs(model["pk"]),
    }


def _units(units: list[Mapping[str, Any]], prefix: str = "") -> list[Row]:
    rows: list[Row] = []
    for n, unit in enumerate(units, start=1):
        number = f"{prefix}{n}"
        kepala = unit.get("kepala") or {}
        rows.append(
            {
                "no": number,
                "nama": unit["nama"],
                "eselon": unit.get("eselon"),
                "pejabat": kepala.get("nama"),
                "induk": not prefix,
            }
        )
        rows += _units(unit.get("subunit") or [], f"{number}.")
    return rows


def _unit_details(units: list[Mapping[str, Any]]) -> list[Row]:
    details: list[Row] = []
    for unit in units:
        if unit.get("tugas") or unit.get("fungsi"):
            details.append(
                {
                    "nama": unit["nama"],
                    "tugas": narrative.render(unit.get("tugas")),
                    "fungsi": unit.get("fungsi") or [],
                }
            )
        details += _unit_details(unit.get("subunit") or [])
    return details


def _sdm(table: Mapping[str, Any], p: Mapping[str, Any]) -> dict[str, Any]:
    """An SDM table with its variable columns flattened into printed cells."""
    with_pct, with_sum = table["persen"], table["jumlah_baris"]

    def cells(values: list[Decimal], percents: list[Any], total: Any, total_pct: Any) -> list[str]:
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
        "sumber": table.get("sumber"),
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


def _sarana(sarana: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not sarana:
        return None
    rows = [
        {
            "no": str(n),
            "nama": item["nama"],
            "jumlah": item["jumlah"],
            "baik": item.get("baik"),
            "kurang_baik": item.get("kurang_baik"),
            "rusak_berat": item.get("rusak_berat"),
            "keterangan": item.get("keterangan") or "",
        }
        for n, item in enumerate(sarana["barang"], start=1)
    ]
    return {
        "judul": sarana["judul"] or "Sarana dan Prasarana menurut Jenis, Jumlah dan Kondisi",
        "catatan": sarana.get("catatan"),
        "baris": rows,
        "total": sarana["total"],
    }


def _kondisi(table: Mapping[str, Any]) -> dict[str, Any]:
    years = [str(y) for y in table["tahun"]]
    return {
        "judul": table["judul"],
        "sumber": table.get("sumber"),
        "tahun": years,
        "nomor": layout.numbers(len(years) + 3),
        "baris": [
            {
                "no": str(n),
                "uraian": row["uraian"],
                "satuan": row.get("satuan") or "",
                "sel": [nilai(v) for v in row["nilai"]],
            }
            for n, row in enumerate(table["baris"], start=1)
        ],
    }


def _hierarchy(model: Mapping[str, Any]) -> list[Row]:
    """Misi → tujuan → sasaran → indikator rows, each level merged over its children."""
    misi = {m["id"]: f"Misi {m['nomor']}: {m['uraian']}" for m in model["misi"]}
    tujuan = {t["id"]: t for t in model["tujuan"]}
    order = {t["id"]: n for n, t in enumerate(model["tujuan"])}
    misi_order = {m_id: n for n, m_id in enumerate(misi)}

    def rank(s: Mapping[str, Any]) -> tuple[int, int]:
        t = tujuan.get(s["tujuan"])
        return (
            misi_order.get(t["misi"], len(misi)) if t else len(misi) + 1,
            order.get(s["tujuan"], len(order)),
        )

    rows: list[Row] = []
    for s in sorted(model["sasaran"], key=rank):
        t = tujuan.get(s["tujuan"])
        for ind in s["indikator"] or [None]:
            rows.append(
                {
                    "misi": misi.get(t["misi"], "–") if t else "–",
                    "tujuan": t["uraian"] if t else "–",
                    "indikator_tujuan": [i["nama"] for i in t["indikator"]] if t else [],
                    "sasaran": s["uraian"],
                    "indikator": ind["nama"] if ind else "",
                    "_misi": t["misi"] if t else None,
                    "_tujuan": s["tujuan"],
                    "_sasaran": s["id"],
                }
            )
    layout.apply_merge(rows, lambda r: r["_misi"], "vm_misi", ["misi"])
    layout.apply_merge(
        rows, lambda r: (r["_misi"], r["_tujuan"]), "vm_tujuan", ["tujuan", "indikator_tujuan"]
    )
    layout.apply_merge(rows, lambda r: r["_sasaran"], "vm_sasaran", ["sasaran"])
    return rows


def _iku(model: Mapping[str, Any]) -> dict[str, Any] | None:
    items = [i for i in model["indikator"] if i["iku"]]
    if not items:
        return None
    # Years of the Renstra for which the data gives targets; a column of dashes says nothing.
    given = {
        t["tahun"] for i in items for t in i["renstra"]["target_tahunan"] if t["target"] is not None
    }
    years = [y for y in model["renstra"]["tahun"] if y in given]
    rows = []
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


def _pk_rows(pk: Mapping[str, Any]) -> list[Row]:
    """Perjanjian Kinerja rows: per sasaran, its indicators beside the programs serving it.

    A program is listed beside the first sasaran it serves, and its cells run down over the
    following sasaran it also serves (seed 001's pelatihan program spans two sasaran). Programs
    serving none (the penunjang program) come last. In a block, the shorter side's last cell is
    merged down.
    """
    programs = pk["program"]
    blocks = [
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
    rows: list[Row] = []
    last: tuple[Any, Mapping[str, Any]] | None = None
    for block, (sid, nomor, uraian, indicators, own) in enumerate(blocks):
        for k in range(max(len(indicators), len(own), 1)):
            ind = indicators[min(k, len(indicators) - 1)] if indicators else None
            key: tuple[int, int | None]
            prog: Mapping[str, Any] | None
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
                    "_s": block,
                    "_i": (block, min(k, len(indicators) - 1)),
                    "_p": key,
                }
            )
    layout.apply_merge(rows, lambda r: r["_s"], "vm_sasaran", ["no", "sasaran"])
    layout.apply_merge(rows, lambda r: r["_i"], "vm_indikator", ["indikator", "target"])
    layout.apply_merge(rows, lambda r: r["_p"], "vm_program", ["program", "pagu", "sumber_dana"])
    return rows


def _pk_targets(sasaran: list[Mapping[str, Any]]) -> list[Row]:
    rows: list[Row] = []
    for n, s in enumerate(sasaran, start=1):
        for ind in s["indikator"] or [None]:
            rows.append(
                {
                    "no": str(n),
                    "sasaran": s["uraian"],
                    "indikator": ind["nama"] if ind else "",
                    "target": ind["target"] if ind else "",
                    "satuan": ind["satuan"] if ind else None,
                    "_s": s["id"],
                }
            )
    layout.apply_merge(rows, lambda r: r["_s"], "vm", ["no", "sasaran"])
    return rows


def _pk_programs(pk: Mapping[str, Any]) -> dict[str, Any] | None:
    rows = [
        {
            "no": str(n),
            "nama": p["nama"],
            "pagu": p["pagu"],
            "keterangan": layout.funds(p["sumber_dana"]),
        }
        for n, p in enumerate(pk["program"], start=1)
    ]
    return layout.table(rows, jumlah=pk["jumlah"])
