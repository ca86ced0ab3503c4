"""Tables of Bab I (organisation, SDM, sarana, kondisi umum), shaped for the templates."""

from __future__ import annotations

from decimal import Decimal

from lkjip_gen.compute.data_types import KondisiUmum as KondisiData
from lkjip_gen.compute.data_types import Pengaturan, Sarana, TabelSdm, Unit
from lkjip_gen.compute.types import Model
from lkjip_gen.formatting import angka, nilai
from lkjip_gen.render import layout, narrative
from lkjip_gen.render.column_types import KolomKondisi, KolomSarana, KolomUnit
from lkjip_gen.render.outline import Shape
from lkjip_gen.render.planning_types import (
    BarisKondisiCetak,
    BarisSarana,
    BarisUnit,
    GrupCetak,
    TabelKantor,
    TabelKondisi,
    TabelSarana,
    TabelSdmCetak,
    TabelUnit,
    UnitRincian,
)


def tables(model: Model, shape: Shape) -> TabelKantor:
    """The tables of Bab I; absent ones are None or empty lists."""
    units = model["organisasi"]["unit"]
    unit_rows = _units(units)
    return {
        "unit": TabelUnit(
            judul=shape.caption("tabel.unit"),
            baris=unit_rows,
            kolom=shape.columns(
                "tabel.unit",
                unit_rows,
                {"eselon": lambda r: r["eselon"], "pejabat": lambda r: r["pejabat"]},
                KolomUnit,
            ),
        )
        if unit_rows
        else None,
        "unit_rincian": _unit_details(units),
        "sdm": [_sdm(t, model["pengaturan"]) for t in model["sdm"]],
        "sarana": _sarana(model["sarana"], shape),
        "kondisi": [_kondisi(t, shape) for t in model["kondisi_umum"]],
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
        "grup": _groups(table, len(heads)),
        "total": cells(
            table["total"]["nilai"],
            table["total"]["persen"],
            table["total"]["jumlah"],
            table["total"]["persen_jumlah"],
        )
        if table["jumlah_kolom"]
        else None,
    }


def _groups(table: TabelSdm, printed: int) -> list[GrupCetak]:
    """The group row over the counts: each group as wide as its printed columns, then one
    empty cell over every column after the last group."""
    if not table["grup_kolom"]:
        return []
    per_column = 2 if table["persen"] else 1
    groups: list[GrupCetak] = [
        {"judul": g["judul"], "lebar": g["kolom"] * per_column} for g in table["grup_kolom"]
    ]
    covered = sum(g["lebar"] for g in groups)
    return groups + [{"judul": "", "lebar": 1}] * max(printed - covered, 0)


def _sarana(sarana: Sarana | None, shape: Shape) -> TabelSarana | None:
    """Items in data order; a run of items of one kelompok under a lettered row holding the
    kelompok's total value. Counts are shown with their unit and never added up."""
    if not sarana:
        return None
    rows: list[BarisSarana] = []
    group: BarisSarana | None = None
    number = 0
    for item in sarana["barang"]:
        if item["kelompok"] and (group is None or group["nama"] != item["kelompok"]):
            letter = _letter(sum(r["kelompok"] for r in rows) + 1)
            group = {**_sarana_row(item["kelompok"], letter), "kelompok": True}
            rows.append(group)
            number = 0
        elif not item["kelompok"]:
            group = None
        number += 1
        stated = angka(item["jumlah"]) if item["jumlah"] is not None else ""
        rows.append(
            {
                **_sarana_row(item["nama"], str(number)),
                "jumlah": f"{stated} {item['satuan']}" if stated and item["satuan"] else stated,
                "baik": item["baik"],
                "kurang_baik": item["kurang_baik"],
                "rusak_berat": item["rusak_berat"],
                "nilai": item["nilai"],
                "keterangan": item["keterangan"] or "",
            }
        )
        if group is not None and item["nilai"] is not None:
            group["nilai"] = (group["nilai"] or Decimal(0)) + item["nilai"]
    items = [r for r in rows if not r["kelompok"]]
    kolom = shape.columns(
        "tabel.sarana",
        items,
        {
            "jumlah": lambda r: r["jumlah"],
            "kondisi": lambda r: next(
                (r[k] for k in ("baik", "kurang_baik", "rusak_berat") if r[k] is not None), None
            ),
            "nilai": lambda r: r["nilai"],
            "keterangan": lambda r: r["keterangan"],
        },
        KolomSarana,
    )
    width = 2 + kolom["jumlah"] + 3 * kolom["kondisi"] + kolom["nilai"] + kolom["keterangan"]
    return {
        "judul": sarana["judul"] or shape.caption("tabel.sarana"),
        "catatan": sarana["catatan"],
        "kolom": kolom,
        "nomor": layout.numbers(width),
        "baris": rows,
        "total": sarana["total"],
    }


def _sarana_row(nama: str, no: str) -> BarisSarana:
    return {
        "kelompok": False,
        "no": no,
        "nama": nama,
        "jumlah": "",
        "baik": None,
        "kurang_baik": None,
        "rusak_berat": None,
        "nilai": None,
        "keterangan": "",
    }


def _letter(n: int) -> str:
    return chr(ord("A") + n - 1) if n <= 26 else str(n)


def _kondisi(table: KondisiData, shape: Shape) -> TabelKondisi:
    years = [str(y) for y in table["tahun"]]
    rows: list[BarisKondisiCetak] = [
        {
            "no": str(n),
            "uraian": row["uraian"],
            "satuan": row["satuan"] or "",
            "sel": [nilai(v) for v in row["nilai"]],
        }
        for n, row in enumerate(table["baris"], start=1)
    ]
    kolom = shape.columns("tabel.kondisi", rows, {"satuan": lambda r: r["satuan"]}, KolomKondisi)
    return {
        "judul": table["judul"],
        "sumber": table["sumber"],
        "kolom": kolom,
        "tahun": years,
        "nomor": layout.numbers(len(years) + 2 + kolom["satuan"]),
        "baris": rows,
    }
