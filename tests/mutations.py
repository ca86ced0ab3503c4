"""The kinds of slip injected by the mutation test: each takes an example, returns its mutations.

A kind returns nothing for an example where it makes no sense (a quarter's value in an annual
report, a kode where the office writes none). The slips are those the issue lists (a year not
updated, 1000,13 for a share, 690.000 rupiah, a row pasted twice …) plus others offices make.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from mutate import Example, Mutation

from lkjip_gen.data.load import Path_

Kind = Callable[[Example], list[Mutation]]
KINDS: dict[str, Kind] = {}


def kind(func: Kind) -> Kind:
    KINDS[func.__name__] = func
    return func


# -- what an example holds -----------------------------------------------------------------------


def indicators(ex: Example) -> Iterator[tuple[str, Path_, dict[str, Any]]]:
    for group in ("tujuan", "sasaran"):
        for i, item in enumerate(ex.data["renstra"].get(group, [])):
            for j, ind in enumerate(item.get("indikator", [])):
                yield ind["id"], ("renstra", group, i, "indikator", j), ind


def entries(ex: Example) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(id, kinerja entry, Renstra indicator) for every measured indicator."""
    defs = {k: ind for k, _, ind in indicators(ex)}
    for key, entry in ex.data.get("kinerja", {}).items():
        yield key, entry, defs[key]


def nodes(ex: Example) -> Iterator[tuple[Path_, dict[str, Any]]]:
    def walk(node: dict[str, Any], path: Path_) -> Iterator[tuple[Path_, dict[str, Any]]]:
        yield path, node
        for child in ("kegiatan", "sub_kegiatan"):
            for i, sub in enumerate(node.get(child, [])):
                yield from walk(sub, (*path, child, i))

    for i, program in enumerate(ex.data.get("program", [])):
        yield from walk(program, ("program", i))


def leaves(ex: Example) -> list[tuple[Path_, dict[str, Any]]]:
    return [
        (p, n) for p, n in nodes(ex) if "pagu" in n and not n.get("kegiatan", n.get("sub_kegiatan"))
    ]


def tahun(ex: Example) -> int:
    return int(ex.data["laporan"]["tahun"])


def quarter(ex: Example) -> int | None:
    laporan = ex.data["laporan"]
    return laporan.get("triwulan") if laporan["jenis"] == "triwulan" else None


def first(items: Iterator[Mutation] | list[Mutation]) -> list[Mutation]:
    return next(([m] for m in items), [])


def number(value: Decimal | int) -> str:
    return f"{Decimal(value).normalize():f}"


# -- the slips named in the issue ------------------------------------------------------------------


@kind
def year_not_updated(ex: Example) -> list[Mutation]:
    """A file copied from last year whose laporan.tahun was not updated."""
    return [ex.set("year_not_updated", ("laporan", "tahun"), str(tahun(ex) - 1))]


@kind
def share_decimal_shift(ex: Example) -> list[Mutation]:
    """A percentage typed with its decimal point one place right (100,013 → 1000,13)."""
    return first(
        ex.set(
            "share_decimal_shift",
            ("kinerja", key, "realisasi"),
            number(Decimal(e["realisasi"]) * 10),
        )
        for key, e, ind in entries(ex)
        if ind["satuan"] == "%"
        and isinstance(e.get("realisasi"), (int, Decimal))
        and e["realisasi"] > 10
    )


@kind
def rupiah_one_dot(ex: Example) -> list[Mutation]:
    """690000 typed as 690.000, which YAML reads as 690."""
    for path, node in leaves(ex):
        for field in ("realisasi", "pagu"):
            value = node.get(field)
            if isinstance(value, int) and 100000 <= value < 1000000:
                text = str(value)
                return [ex.set("rupiah_one_dot", (*path, field), f"{text[:3]}.{text[3:]}")]
    return []


@kind
def percent_in_rupiah(ex: Example) -> list[Mutation]:
    """The serapan percentage typed where the rupiah realisasi belongs."""
    return first(
        ex.set("percent_in_rupiah", (*path, "realisasi"), "95.5")
        for path, node in leaves(ex)
        if node.get("realisasi")
    )


@kind
def row_pasted_twice(ex: Example) -> list[Mutation]:
    """A budget row pasted twice."""
    return first(
        ex.copy_item("row_pasted_twice", path) for path, node in leaves(ex) if node["pagu"]
    )


def dotted(value: int) -> str:
    """A whole number typed with its thousands dot: 1637 → 1.637."""
    text = str(value)
    return f"{text[:-3]}.{text[-3:]}"


def _dot_in(ex: Example, name: str, field: str) -> list[Mutation]:
    return first(
        ex.set(name, ("kinerja", key, field), dotted(e[field]))
        for key, e, _ in entries(ex)
        if isinstance(e.get(field), int) and e[field] >= 1000
    )


@kind
def thousands_dot_in_pembilang(ex: Example) -> list[Mutation]:
    return _dot_in(ex, "thousands_dot_in_pembilang", "pembilang")


@kind
def thousands_dot_in_penyebut(ex: Example) -> list[Mutation]:
    return _dot_in(ex, "thousands_dot_in_penyebut", "penyebut")


@kind
def realisasi_emptied(ex: Example) -> list[Mutation]:
    """realisasi: left empty — the indicator silently leaves the average."""
    return first(
        ex.set("realisasi_emptied", ("kinerja", key, "realisasi"), "")
        for key, e, _ in entries(ex)
        if e.get("realisasi") is not None and "pembilang" not in e and "triwulan" not in e
    )


@kind
def renstra_target_missing(ex: Example) -> list[Mutation]:
    """The report year's Renstra target deleted."""
    year = str(tahun(ex))
    return first(
        ex.drop("renstra_target_missing", (*path, "target", year), expect=(*path, "target"))
        for _, path, ind in indicators(ex)
        if year in ind.get("target", {})
    )


@kind
def riwayat_contradicts_last_year(ex: Example) -> list[Mutation]:
    """riwayat says one realisasi for last year, last year's file another.

    Last year's file is this file a year earlier (same realisasi); an indicator whose riwayat
    for that year differs from this year's realisasi then contradicts it.
    """
    last = str(tahun(ex) - 1)
    for key, e, _ in entries(ex):
        value = e.get("riwayat", {}).get(last)
        path: Path_ = ("kinerja", key, "riwayat", last)
        if isinstance(value, dict):
            value, path = value.get("realisasi"), (*path, "realisasi")
        if not isinstance(value, (int, Decimal)) or not isinstance(
            e.get("realisasi"), (int, Decimal)
        ):
            continue
        if Decimal(value) == Decimal(e["realisasi"]):
            continue
        previous = ex.set("", ("laporan", "tahun"), last).files[ex.year]
        lines = [*ex.lines[ex.year], "tahun_lalu: lalu.yaml\n"]
        return [
            Mutation(
                "riwayat_contradicts_last_year",
                {ex.year: "".join(lines)},
                ex.where(path)[:2],
                extra={"lalu.yaml": previous},
            )
        ]
    return []


@kind
def sumber_dana_typo(ex: Example) -> list[Mutation]:
    """One row's fund spelt differently (DAU → DUA), splitting one fund in two."""
    seen: dict[str, int] = {}
    for _, node in nodes(ex):
        value = node.get("sumber_dana")
        if isinstance(value, str):
            seen[value] = seen.get(value, 0) + 1
    for path, node in nodes(ex):
        value = node.get("sumber_dana")
        if isinstance(value, str) and seen[value] > 1:
            typo = value[:-2] + value[-1] + value[-2]
            return [ex.set("sumber_dana_typo", (*path, "sumber_dana"), typo)]
    return []


@kind
def indicator_spelt_two_ways(ex: Example) -> list[Mutation]:
    """A program indicator that is an IKU, spelt with a typo and given another realisasi."""
    names = {ind["nama"].lower() for _, _, ind in indicators(ex)}
    for path, node in nodes(ex):
        for k, ind in enumerate(node.get("indikator", [])):
            where = (*path, "indikator", k)
            answered = "catatan" in ind
            if (
                ind["nama"].lower() in names
                and isinstance(ind.get("realisasi"), (int, Decimal))
                and not answered
            ):
                file, line, _ = ex.where((*where, "nama"))
                name = ind["nama"]
                typo = name[:-2] + name[-1] + name[-2]
                mutation = ex.set(
                    "indicator_spelt_two_ways", (*where, "realisasi"), number(ind["realisasi"] + 5)
                )
                lines = mutation.files[file].splitlines(keepends=True)
                lines[line - 1] = lines[line - 1].replace(name, typo, 1)
                mutation.files[file] = "".join(lines)
                return [mutation]
    return []


@kind
def staff_tables_disagree(ex: Example) -> list[Mutation]:
    """One cell of a staff table changed, so two tables count different staff totals."""
    tables = [
        (i, t)
        for i, t in enumerate(ex.data.get("sdm", []))
        if t.get("jenis") in ("pendidikan", "golongan")
    ]
    if len(tables) < 2:
        return []
    i, table = tables[-1]
    k = next(k for k, row in enumerate(table["baris"]) if row["nilai"][0])
    value = table["baris"][k]["nilai"][0]
    mutation = ex.set("staff_tables_disagree", ("sdm", i, "baris", k, "nilai", 0), str(value + 1))
    return [mutation]


@kind
def signed_before_period_end(ex: Example) -> list[Mutation]:
    q = quarter(ex)
    date = f"{tahun(ex)}-{(q or 4) * 3 - 2:02d}-15"
    if "tanggal" in ex.data["laporan"]:
        return [ex.set("signed_before_period_end", ("laporan", "tanggal"), date)]
    return [ex.add("signed_before_period_end", ("laporan",), "tanggal", date)]


@kind
def nip_digit_missing(ex: Example) -> list[Mutation]:
    nip = ex.data["instansi"]["kepala"].get("nip")
    if not nip:
        return []
    return [ex.set("nip_digit_missing", ("instansi", "kepala", "nip"), f'"{nip[:-1]}"')]


@kind
def nip_not_a_date(ex: Example) -> list[Mutation]:
    nip = ex.data["instansi"]["kepala"].get("nip")
    if not nip:
        return []
    return [ex.set("nip_not_a_date", ("instansi", "kepala", "nip"), f'"{nip[:4]}13{nip[6:]}"')]


@kind
def sub_kegiatan_kode_twice(ex: Example) -> list[Mutation]:
    """A sub kegiatan given the kode of another sub kegiatan."""
    coded = [(p, n) for p, n in nodes(ex) if p[-2] == "sub_kegiatan" and n.get("kode")]
    other = [(p, n) for p, n in nodes(ex) if p[-2] == "sub_kegiatan" and not n.get("kode")]
    if not coded or not other:
        return []
    return [ex.add("sub_kegiatan_kode_twice", other[0][0], "kode", f'"{coded[0][1]["kode"]}"')]


@kind
def belanja_row_typo(ex: Example) -> list[Mutation]:
    """One digit of one jenis belanja row mistyped, so the total no longer matches the programs."""
    for i, entry in enumerate(ex.data.get("belanja", [])):
        for k, row in enumerate(entry.get("rincian", [])):
            text = str(row["pagu"])
            if len(text) >= 7 and row["pagu"] > row["realisasi"]:
                digit = text[-6]
                new = text[:-6] + str((int(digit) + 1) % 10) + text[-5:]
                return [ex.set("belanja_row_typo", ("belanja", i, "rincian", k, "pagu"), new)]
    return []


@kind
def scale_band_out_of_order(ex: Example) -> list[Mutation]:
    """A preset copied into a custom scale with one bound mistyped (76 → 96)."""
    path = ("pengaturan", "skala_kategori")
    file, line, col = ex.where(path)
    lines = list(ex.lines[file])
    indent = " " * (col - 1 - len("skala_kategori: ") + 2)
    bands = [
        "{label: Sangat Tinggi, batas: 91}",
        "{label: Tinggi, batas: 96}",
        "{label: Sedang, batas: 66}",
        "{label: Rendah, batas: null}",
    ]
    text = lines[line - 1]
    lines[line - 1] = text[: col - 1] + "\n"
    lines[line:line] = [f"{indent}- {b}\n" for b in bands]
    return [Mutation("scale_band_out_of_order", {file: "".join(lines)}, (file, line + 2))]


# -- plausibility: digit slips ------------------------------------------------------------------


@kind
def realisasi_extra_digit(ex: Example) -> list[Mutation]:
    """A digit typed twice: realisasi ten times last year's and the target."""
    last = str(tahun(ex) - 1)
    for key, e, _ in entries(ex):
        value = e.get("realisasi")
        past = e.get("riwayat", {}).get(last)
        past = past.get("realisasi") if isinstance(past, dict) else past
        if (
            isinstance(value, (int, Decimal))
            and value > 0
            and isinstance(past, (int, Decimal))
            and past > 0
        ):
            text = ex.doc.source_text[("kinerja", key, "realisasi")]
            return [ex.set("realisasi_extra_digit", ("kinerja", key, "realisasi"), text[0] + text)]
    return []


@kind
def renstra_target_decimal_shift(ex: Example) -> list[Mutation]:
    """A Renstra target of a later year typed with its decimal point moved (17.79 → 177.9)."""
    for _, path, ind in indicators(ex):
        targets = ind.get("target", {})
        for year in sorted(targets)[1:]:
            value = targets[year]
            if isinstance(value, (int, Decimal)) and value > 0 and year != str(tahun(ex)):
                return [
                    ex.set(
                        "renstra_target_decimal_shift",
                        (*path, "target", year),
                        number(Decimal(value) * 10),
                    )
                ]
    return []


@kind
def row_copied_with_typo(ex: Example) -> list[Mutation]:
    """A budget row copied, its name retyped with a slip: one kegiatan becomes two."""
    for path, node in leaves(ex):
        name = node["nama"]
        words = [w for w in name.split() if len(w) >= 6 and w.isalpha()]
        if (
            words
            and name in ex.lines[ex.where((*path, "nama"))[0]][ex.where((*path, "nama"))[1] - 1]
        ):
            word = words[0]
            return [
                ex.copy_item(
                    "row_copied_with_typo", path, (word, word[:2] + word[3] + word[2] + word[4:])
                )
            ]
    return []


# -- other slips offices make -------------------------------------------------------------------


@kind
def pk_dated_another_year(ex: Example) -> list[Mutation]:
    date = f"{tahun(ex) - 2}-01-15"
    if "tanggal_pk" in ex.data["laporan"]:
        return [ex.set("pk_dated_another_year", ("laporan", "tanggal_pk"), date)]
    return [ex.add("pk_dated_another_year", ("laporan",), "tanggal_pk", date)]


@kind
def kode_under_another_parent(ex: Example) -> list[Mutation]:
    for path, node in nodes(ex):
        kode = node.get("kode")
        if path[-2] == "sub_kegiatan" and kode:
            parts = kode.split(".")
            parts[2] = f"{(int(parts[2]) + 1) % 100:02d}"
            return [
                ex.set("kode_under_another_parent", (*path, "kode"), '"' + ".".join(parts) + '"')
            ]
    return []


@kind
def program_kode_twice(ex: Example) -> list[Mutation]:
    coded = [(p, n) for p, n in nodes(ex) if p[-2] == "program" and n.get("kode")]
    if len(coded) < 2:
        return []
    return [ex.set("program_kode_twice", (*coded[1][0], "kode"), f'"{coded[0][1]["kode"]}"')]


@kind
def polaritas_forgotten(ex: Example) -> list[Mutation]:
    return first(
        ex.drop("polaritas_forgotten", (*path, "polaritas"), expect=(*path, "nama"))
        for _, path, ind in indicators(ex)
        if ind.get("polaritas") == "negatif" and "pengangguran" in ind["nama"].lower()
    )


@kind
def target_year_typo(ex: Example) -> list[Mutation]:
    for _, path, ind in indicators(ex):
        years = sorted(ind.get("target", {}))
        if len(years) >= 2:
            year = years[-1]
            file, line, col = ex.where((*path, "target", year), key=True)
            return [
                ex.edit(
                    "target_year_typo", file, line, f"{year}:", f"{year[:2]}{year[3]}{year[2]}:"
                )
            ]
    return []


@kind
def pk_target_differs(ex: Example) -> list[Mutation]:
    year = str(tahun(ex))
    for key, e, ind in entries(ex):
        renstra = ind.get("target", {}).get(year)
        if isinstance(renstra, (int, Decimal)) and "catatan" not in e:
            new = number(Decimal(renstra) + 1)
            if "target" in e:
                return [ex.set("pk_target_differs", ("kinerja", key, "target"), new)]
            return [ex.add("pk_target_differs", ("kinerja", key), "target", new)]
    return []


@kind
def count_with_thousands_dot(ex: Example) -> list[Mutation]:
    return first(
        ex.set("count_with_thousands_dot", ("kinerja", key, "realisasi"), dotted(e["realisasi"]))
        for key, e, ind in entries(ex)
        if isinstance(e.get("realisasi"), int) and e["realisasi"] >= 1000 and ind["satuan"] != "%"
    )


@kind
def decimal_comma(ex: Example) -> list[Mutation]:
    return first(
        ex.set(
            "decimal_comma",
            ("kinerja", key, "realisasi"),
            number(e["realisasi"]).replace(".", ",") + ",5",
        )
        for key, e, _ in entries(ex)
        if isinstance(e.get("realisasi"), (int, Decimal))
    )


@kind
def kinerja_id_typo(ex: Example) -> list[Mutation]:
    key = next(iter(ex.data.get("kinerja", {})), None)
    if key is None:
        return []
    file, line, _ = ex.where(("kinerja", key), key=True)
    return [ex.edit("kinerja_id_typo", file, line, f"{key}:", f"{key}X:")]


@kind
def sasaran_reference_typo(ex: Example) -> list[Mutation]:
    return first(
        ex.set("sasaran_reference_typo", (*path, "sasaran"), "S99")
        for path, node in nodes(ex)
        if isinstance(node.get("sasaran"), str)
    )


@kind
def indicator_id_twice(ex: Example) -> list[Mutation]:
    ids = list(indicators(ex))
    if len(ids) < 2:
        return []
    return [ex.set("indicator_id_twice", (*ids[1][1], "id"), ids[0][0])]


@kind
def analisis_id_typo(ex: Example) -> list[Mutation]:
    key = next(iter(ex.data.get("analisis", {})), None)
    if key is None:
        return []
    file, line, _ = ex.where(("analisis", key), key=True)
    return [ex.edit("analisis_id_typo", file, line, f"{key}:", f"{key}9:")]


@kind
def pagu_and_realisasi_swapped(ex: Example) -> list[Mutation]:
    for path, node in leaves(ex):
        pagu, real = node.get("pagu"), node.get("realisasi")
        if pagu and real and real < pagu:
            m = ex.set("pagu_and_realisasi_swapped", (*path, "realisasi"), str(pagu + 1000))
            return [m]
    return []


@kind
def program_pagu_differs(ex: Example) -> list[Mutation]:
    """A program total typed by hand that no longer equals its kegiatan."""
    return first(
        ex.add("program_pagu_differs", path, "pagu", "123456789")
        for path, node in nodes(ex)
        if path[-2] == "program" and node.get("kegiatan") and "pagu" not in node
    )


@kind
def leaf_pagu_deleted(ex: Example) -> list[Mutation]:
    return first(
        ex.drop("leaf_pagu_deleted", (*path, "pagu"), expect=None)
        for path, node in leaves(ex)
        if path[-2] == "kegiatan"
    )


@kind
def penyebut_zero(ex: Example) -> list[Mutation]:
    return first(
        ex.set("penyebut_zero", ("kinerja", key, "penyebut"), "0")
        for key, e, _ in entries(ex)
        if "penyebut" in e and "realisasi" not in e
    )


@kind
def penyebut_deleted(ex: Example) -> list[Mutation]:
    return first(
        ex.drop("penyebut_deleted", ("kinerja", key, "penyebut"), expect=("kinerja", key))
        for key, e, _ in entries(ex)
        if "penyebut" in e and "realisasi" not in e
    )


@kind
def realisasi_beside_pembilang_differs(ex: Example) -> list[Mutation]:
    for key, e, _ in entries(ex):
        if "pembilang" in e and e.get("penyebut"):
            value = Decimal(e["pembilang"]) / Decimal(e["penyebut"]) * 100 + 3
            text = number(value.quantize(Decimal("0.01")))
            if "realisasi" in e:
                return [
                    ex.set(
                        "realisasi_beside_pembilang_differs", ("kinerja", key, "realisasi"), text
                    )
                ]
            return [
                ex.add("realisasi_beside_pembilang_differs", ("kinerja", key), "realisasi", text)
            ]
    return []


@kind
def date_not_in_calendar(ex: Example) -> list[Mutation]:
    year = tahun(ex) + 1
    if "tanggal" in ex.data["laporan"]:
        return [ex.set("date_not_in_calendar", ("laporan", "tanggal"), f"{year}-02-30")]
    return [ex.add("date_not_in_calendar", ("laporan",), "tanggal", f"{year}-02-30")]


@kind
def triwulan_in_annual_report(ex: Example) -> list[Mutation]:
    if quarter(ex) is not None:
        return []
    return [ex.add("triwulan_in_annual_report", ("laporan",), "triwulan", "2")]


@kind
def year_outside_renstra(ex: Example) -> list[Mutation]:
    return [
        ex.set(
            "year_outside_renstra",
            ("laporan", "tahun"),
            str(ex.data["renstra"]["periode_akhir"] + 3),
        )
    ]


@kind
def sdm_row_short(ex: Example) -> list[Mutation]:
    for i, table in enumerate(ex.data.get("sdm", [])):
        for k, row in enumerate(table["baris"]):
            if len(row["nilai"]) >= 2:
                file, line, _ = ex.where(("sdm", i, "baris", k, "nilai"))
                values = ", ".join(str(v) for v in row["nilai"])
                shorter = ", ".join(str(v) for v in row["nilai"][:-1])
                return [ex.edit("sdm_row_short", file, line, f"[{values}]", f"[{shorter}]")]
    return []


@kind
def sarana_total_typed(ex: Example) -> list[Mutation]:
    for k, item in enumerate((ex.data.get("sarana") or {}).get("barang", [])):
        if "jumlah" not in item and item.get("baik"):
            total = sum(item.get(x) or 0 for x in ("baik", "kurang_baik", "rusak_berat"))
            return [ex.add("sarana_total_typed", ("sarana", "barang", k), "jumlah", str(total + 1))]
    return []


@kind
def kondisi_row_short(ex: Example) -> list[Mutation]:
    for i, table in enumerate(ex.data.get("kondisi_umum", [])):
        for k, row in enumerate(table["baris"]):
            if all(isinstance(v, (int, Decimal)) for v in row["nilai"]):
                path = ("kondisi_umum", i, "baris", k, "nilai")
                file, line, _ = ex.where(path)
                return [
                    ex.edit(
                        "kondisi_row_short",
                        file,
                        line,
                        f", {ex.doc.source_text[(*path, len(row['nilai']) - 1)]}]",
                        "]",
                    )
                ]
    return []


@kind
def belanja_row_twice(ex: Example) -> list[Mutation]:
    for i, entry in enumerate(ex.data.get("belanja", [])):
        if entry.get("rincian"):
            return [ex.copy_item("belanja_row_twice", ("belanja", i, "rincian", 0))]
    return []


@kind
def pagu_pk_typo(ex: Example) -> list[Mutation]:
    for path, node in nodes(ex):
        if path[-2] == "program" and "pagu_pk" in node and "catatan" not in node:
            text = str(node["pagu_pk"])
            return [
                ex.set("pagu_pk_typo", (*path, "pagu_pk"), text[:2] + text[3] + text[2] + text[4:])
            ]
    return []


@kind
def key_typo(ex: Example) -> list[Mutation]:
    key = next(iter(ex.data.get("kinerja", {})))
    entry = ex.data["kinerja"][key]
    field = next(f for f in ("realisasi", "pembilang", "target") if f in entry)
    file, line, _ = ex.where(("kinerja", key, field), key=True)
    return [ex.edit("key_typo", file, line, f"{field}:", f"{field[:-1]}{field[-1]}a:")]


@kind
def key_written_twice(ex: Example) -> list[Mutation]:
    file, line, _ = ex.where(("laporan", "tahun"), key=True)
    lines = list(ex.lines[file])
    lines.insert(line, lines[line - 1])
    return [Mutation("key_written_twice", {file: "".join(lines)}, (file, line + 1))]


@kind
def nip_without_quotes(ex: Example) -> list[Mutation]:
    nip = ex.data["instansi"]["kepala"].get("nip")
    if not nip:
        return []
    return [ex.set("nip_without_quotes", ("instansi", "kepala", "nip"), nip)]


@kind
def jenis_misspelt(ex: Example) -> list[Mutation]:
    jenis = ex.data["laporan"]["jenis"]
    return [ex.set("jenis_misspelt", ("laporan", "jenis"), jenis + "an")]


@kind
def rupiah_negative(ex: Example) -> list[Mutation]:
    return first(
        ex.set("rupiah_negative", (*path, "realisasi"), f"-{node['realisasi']}")
        for path, node in leaves(ex)
        if node.get("realisasi")
    )


@kind
def rupiah_with_thousands_dots(ex: Example) -> list[Mutation]:
    """1.056.800 is not a number at all (the schema says so)."""
    for path, node in leaves(ex):
        value = node.get("pagu")
        if isinstance(value, int) and value >= 1000000:
            text = f"{value:,}".replace(",", ".")
            return [ex.set("rupiah_with_thousands_dots", (*path, "pagu"), text)]
    return []


@kind
def yaml_bracket_not_closed(ex: Example) -> list[Mutation]:
    for path, _ in leaves(ex):
        file, line, col = ex.where(path)
        text = ex.lines[file][line - 1]
        if text[col - 1] == "{" and text.rstrip().endswith("}"):
            return [ex.edit("yaml_bracket_not_closed", file, line, "}\n", "\n")]
    return []
