"""The template context: the report model plus display-only structures derived from it.

Templates read the model's computed values; this module adds only what a page needs to show
them: table rows in print order with their merge states (``vm_*``: "restart", "continue" or
None) and row numbers, narrative text turned into Word paragraphs, images, and the optional
fields of the data filled with ``None`` so that a template may test any documented field.
No performance or budget number is computed here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from docx.shared import Mm

from . import narrative
from .errors import LkjipError
from .formatting import angka, round_decimal
from .schema import load_schema

Row = dict[str, Any]

JUDUL_BAWAAN = "LAPORAN KINERJA INSTANSI PEMERINTAH"
RUMUS_JUDUL = {
    "positif": "Indikator positif (makin tinggi makin baik)",
    "selisih": "Indikator negatif (makin rendah makin baik)",
    "rasio": "Indikator negatif (makin rendah makin baik)",
    "predikat": "Indikator kualitatif (predikat)",
    "rentang": "Indikator dengan target berupa rentang",
}
STATUS_PEJABAT = {"plt": "Plt. ", "plh": "Plh. "}
# Years of the comparison table: the report year and at most this many before it.
TAHUN_PEMBANDING = 3
# Largest image sizes on an A4 portrait page, in millimetres.
LOGO_TINGGI = 35
BAGAN_LEBAR, BAGAN_TINGGI = 160, 200


def build(model: Mapping[str, Any], tpl: Any) -> dict[str, Any]:
    """The context for ``model``; ``tpl`` (the DocxTemplate) is needed to embed images."""
    p = model["pengaturan"]
    sasaran = model["sasaran"]
    anggaran = model["anggaran"]
    narasi = model.get("narasi") or {}
    organisasi = _with_keys(model.get("organisasi") or {}, "organisasi")
    instansi = _with_keys(model["instansi"], "instansi")
    ringkasan = model["ringkasan"]
    total = anggaran["total"]
    rows = _budget_rows(anggaran["baris"], p)
    ctx: dict[str, Any] = dict(model)
    ctx.update(
        instansi=instansi,
        laporan=_with_keys(model["laporan"], "laporan"),
        organisasi={
            **organisasi,
            "kedudukan": narrative.render(organisasi["kedudukan"]),
            "tugas": narrative.render(organisasi["tugas"]),
            "fungsi": organisasi["fungsi"] or [],
        },
        narasi={key: narrative.render(narasi.get(key)) for key in _schema_keys("narasi")},
        narasi_renstra={
            "penjelasan_visi": narrative.render(model["renstra"].get("penjelasan_visi"))
        },
        ttd={"kepala": _pejabat(instansi["kepala"]), "atasan": _pejabat(instansi["atasan"])},
        gambar={
            "logo": _image(tpl, instansi["logo"], height=LOGO_TINGGI),
            "bagan": _image(tpl, organisasi["bagan"], width=BAGAN_LEBAR, height=BAGAN_TINGGI),
        },
        judul=_judul(model),
        ada={
            "gambaran_umum": any(
                organisasi[k] for k in ("kedudukan", "tugas", "fungsi", "unit", "bagan")
            )
            or bool(narasi.get("gambaran_umum") or model.get("kondisi_umum")),
            "sumber_daya": bool(
                model.get("sdm") or model.get("sarana") or narasi.get("sumber_daya")
            ),
            "anggaran": bool(anggaran["baris"]) and total["pagu"] is not None,
            "realisasi_anggaran": total["realisasi"] is not None,
            "kategori": bool(p["skala"]),
        },
        ringkas=_ringkas(model),
        teks=_teks(p),
        bagian_sasaran=[_bagian(s, rows, p) for s in sasaran],
        tabel={
            "unit": _table(_units(organisasi["unit"] or [])),
            "unit_rincian": _unit_details(organisasi["unit"] or []),
            "sdm": [_sdm(t, p) for t in model.get("sdm") or []],
            "sarana": _sarana(model.get("sarana")),
            "kondisi": [_kondisi(t) for t in model.get("kondisi_umum") or []],
            "hierarki": _table(_hierarchy(model)),
            "iku": _iku(model),
            "strategi": _table(
                [
                    {
                        "no": s["nomor"],
                        "sasaran": s["uraian"],
                        "strategi": s["strategi"],
                        "arah": s["arah_kebijakan"],
                    }
                    for s in sasaran
                    if s["strategi"] or s["arah_kebijakan"]
                ]
            ),
            "pk": {"baris": _pk_rows(model, rows), "jumlah": model["pk"]["jumlah"]},
            "rumus": [{"judul": RUMUS_JUDUL[r["jenis"]], "teks": r["teks"]} for r in p["rumus"]],
            "skala": _table(_scale(p["skala"])),
            "pembilang": _table(
                [
                    {
                        **_indicator(i, p),
                        "no": str(n),
                        "pembilang": i["pembilang"],
                        "penyebut": i["penyebut"],
                        "label_pembilang": i["label_pembilang"],
                        "label_penyebut": i["label_penyebut"],
                    }
                    for n, i in enumerate(_ratio_indicators(model), start=1)
                ]
            ),
            "pengukuran": _table(
                _measurement(model),
                catatan=[
                    f"{i['nama']}: {i['alasan']}"
                    for i in model["indikator"]
                    if i["status"] == "tidak_dapat_dihitung"
                ],
            ),
            "riwayat": _history(model),
            "renstra_akhir": _table(
                [
                    {
                        **_indicator(i, p),
                        "no": str(n),
                        "awal": i["renstra"]["kondisi_awal"],
                        "akhir": i["renstra"]["target_akhir"],
                        "capaian": i["renstra"]["capaian_akhir"],
                    }
                    for n, i in enumerate(
                        (i for i in model["indikator"] if i["renstra"]["target_akhir"] is not None),
                        start=1,
                    )
                ]
            ),
            "nasional": _table(
                [
                    {**_indicator(i, p), "no": str(n), **i["nasional"]}
                    for n, i in enumerate((i for i in model["indikator"] if i["nasional"]), start=1)
                ]
            ),
            "efisiensi": _efficiency(sasaran, p),
            "anggaran": _table(
                rows,
                kode=any(r["kode"] for r in rows),
                nomor=_numbers(11 if any(r["kode"] for r in rows) else 10),
                lebar_jumlah=7 if any(r["kode"] for r in rows) else 6,
            ),
            "anggaran_sasaran": _money_table(
                [(s["uraian"], s) for s in anggaran["per_sasaran"]]
                + [("Program tanpa sasaran langsung (penunjang)", anggaran["tanpa_sasaran"])],
                total,
            ),
            "sumber_dana": _money_table(
                [(g["sumber_dana"], g) for g in anggaran["per_sumber_dana"]], total
            ),
            "belanja": _table(_belanja(anggaran["per_jenis_belanja"])),
            "kategori": _table(_categories(ringkasan["per_kategori"], p["skala"])),
            "pk_sasaran": _table(_pk_targets(model["pk"]["sasaran"])),
            "pk_program": _pk_programs(model["pk"], anggaran["baris"]),
        },
    )
    return ctx


# ---------------------------------------------------------------- generic helpers


def _table(rows: list[Row], **extra: Any) -> dict[str, Any] | None:
    """A table for the template, or None when it has no rows (the template then leaves it out)."""
    return {"baris": rows, **extra} if rows else None


def _numbers(count: int) -> list[str]:
    """The column-number row of a table with ``count`` columns: "1" … "count"."""
    return [str(n) for n in range(1, count + 1)]


def _merge_states(keys: list[Any]) -> list[str | None]:
    """Vertical merge states of a column whose cells merge while ``keys`` stay equal."""
    states: list[str | None] = []
    for i, key in enumerate(keys):
        same_as_above = i > 0 and key == keys[i - 1]
        same_as_below = i + 1 < len(keys) and key == keys[i + 1]
        states.append("continue" if same_as_above else "restart" if same_as_below else None)
    return states


def _apply_merge(
    rows: list[Row], key: Callable[[Row], Any], state: str, fields: Iterable[str]
) -> None:
    """Set ``row[state]`` and blank ``fields`` in continued cells (Word shows the first only)."""
    fields = tuple(fields)
    for row, merge in zip(rows, _merge_states([key(r) for r in rows]), strict=True):
        row[state] = merge
        if merge == "continue":
            for name in fields:
                row[name] = ""


def _schema_def(name: str) -> dict[str, Any]:
    schema = load_schema()
    node = schema["properties"].get(name) or schema["$defs"][name]
    ref = node.get("$ref")
    return schema["$defs"][ref.rsplit("/", 1)[-1]] if ref else node


def _schema_keys(name: str) -> list[str]:
    return list(_schema_def(name).get("properties", {}))


def _with_keys(data: Mapping[str, Any], name: str) -> dict[str, Any]:
    """``data`` with every optional field of its schema object present (``None`` when absent)."""
    result: dict[str, Any] = dict.fromkeys(_schema_keys(name))
    result.update(data)
    if name == "instansi":
        for key in ("kepala", "atasan"):
            if result[key] is not None:
                result[key] = _with_keys(result[key], "pejabat")
    return result


def _rounded(value: Decimal | None, p: Mapping[str, Any]) -> Decimal | None:
    """Round a percentage the model left unrounded, with the office's own rounding.

    Used for realisasi computed from pembilang/penyebut and for earlier years' capaian; see the
    report to the compute owner: the model should carry these rounded, like ``capaian``.
    """
    if not isinstance(value, Decimal):
        return value
    return round_decimal(value, p["desimal"], p["pembulatan"])


def _indicator(i: Mapping[str, Any], p: Mapping[str, Any]) -> Row:
    """The printed fields of an indicator (realisasi from pembilang/penyebut rounded)."""
    ratio = i.get("pembilang") is not None and i.get("penyebut") is not None
    return {
        "nama": i["nama"],
        "satuan": i["satuan"],
        "target": i["target"],
        "realisasi": _rounded(i["realisasi"], p) if ratio else i["realisasi"],
        "capaian": i["capaian"],
        "kategori": i["kategori"],
        "warna": _fill(i.get("warna")),
    }


def _fill(colour: str | None) -> str:
    """A cell shading value for docxtpl's cellbg: "00B050" from "#00B050", else no fill."""
    return colour.lstrip("#") if colour else "auto"


def _join(items: Iterable[str]) -> str:
    return " & ".join(dict.fromkeys(items))


# ---------------------------------------------------------------- front matter, people, images


def _judul(model: Mapping[str, Any]) -> dict[str, Any]:
    instansi, laporan = model["instansi"], model["laporan"]
    contact = ", ".join(
        f"{label} {instansi[key]}"
        for label, key in (("Telp.", "telepon"), ("Surel", "email"))
        if instansi.get(key)
    )
    lines = [line for line in (instansi.get("alamat"), contact, instansi.get("laman")) if line]
    custom = laporan.get("judul")
    return {
        "laporan": custom or JUDUL_BAWAAN,
        "singkatan": None if custom else "(LKjIP)",
        "alamat": lines,
    }


def _pejabat(person: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A signatory as printed: "Plt." before the title, pangkat with golongan."""
    if person is None:
        return None
    pangkat = ", ".join(x for x in (person["pangkat"], person["golongan"]) if x) or None
    jabatan = person["jabatan"] or ""
    return {
        "nama": person["nama"],
        "nip": person["nip"],
        "pangkat": pangkat,
        "jabatan": STATUS_PEJABAT.get(person["status"] or "", "") + jabatan,
    }


def _image(tpl: Any, path: str | None, *, width: int | None = None, height: int) -> Any:
    """An InlineImage fitted into ``width`` × ``height`` mm, or None when the data names none."""
    if not path:
        return None
    from pathlib import Path

    from docx.image.image import Image
    from docxtpl import InlineImage

    file = Path(path)
    if not file.is_file():
        raise LkjipError(f"{file}: berkas gambar tidak ditemukan")
    head = file.read_bytes()[:8]
    if not (head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff")):
        raise LkjipError(f"{file}: gambar harus berformat PNG atau JPEG")
    try:
        image = Image.from_file(str(file))
    except Exception as e:  # python-docx raises several kinds for a damaged header
        raise LkjipError(f"{file}: gambar rusak atau tidak dapat dibaca ({e})") from e
    ratio = image.px_width / image.px_height
    if width is not None and ratio * height > width:
        return InlineImage(tpl, str(file), width=Mm(width))
    return InlineImage(tpl, str(file), height=Mm(height))


def _ringkas(model: Mapping[str, Any]) -> dict[str, Any]:
    ringkasan = model["ringkasan"]
    high, low = ringkasan["tertinggi"], ringkasan["terendah"]
    unmeasured = [i for s in model["sasaran"] for i in s["indikator"] if i["status"] != "terukur"]
    return {
        "tertinggi_terendah": bool(high and low and high["id"] != low["id"]),
        "per_kategori": [
            f"{k['jumlah']} indikator berkategori {k['label']}"
            for k in ringkasan["per_kategori"]
            if k["jumlah"]
        ],
        "belum_terukur": len(unmeasured),
        "per_misi": ringkasan["per_misi"],
    }


def _teks(p: Mapping[str, Any]) -> dict[str, str]:
    """Sentences of the measurement method that depend on the office's settings."""
    rounding = (
        "dibulatkan ke atas mulai angka 5"
        if p["pembulatan"] == "half_up"
        else "dipotong tanpa pembulatan"
    )
    average = (
        "rata-rata capaian setiap sasaran"
        if p["rata_rata"] == "sasaran"
        else "capaian seluruh indikator sasaran"
    )
    cap = (
        ", dengan capaian setiap indikator dibatasi paling tinggi 100%"
        if p["rata_rata_maks_100"]
        else ""
    )
    missing = (
        "tidak diperhitungkan"
        if p["realisasi_kosong"] == "abaikan"
        else "dihitung dengan capaian 0"
    )
    threshold = p.get("ambang_efisien")
    efisien = (
        "Penggunaan anggaran dinilai efisien bila tingkat efisiensinya lebih dari "
        f"{angka(threshold)}."
        if threshold is not None
        else "Keterangan efisien atau tidak efisien mengikuti ambang yang ditetapkan."
    )
    return {
        "pembulatan": f"Capaian ditampilkan dengan {p['desimal']} angka di belakang koma "
        f"({rounding}).",
        "rata_rata": f"Rata-rata capaian adalah rerata {average}{cap}; indikator yang belum "
        f"diukur {missing}.",
        "efisien": efisien,
    }


# ---------------------------------------------------------------- Bab I


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
        "nomor": _numbers(len(heads) + 2),
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
        "nomor": _numbers(len(years) + 3),
        "baris": [
            {
                "no": str(n),
                "uraian": row["uraian"],
                "satuan": row.get("satuan") or "",
                "sel": [_cell_value(v) for v in row["nilai"]],
            }
            for n, row in enumerate(table["baris"], start=1)
        ],
    }


def _cell_value(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return angka(value)
    return str(value)


# ---------------------------------------------------------------- Bab II


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
    _apply_merge(rows, lambda r: r["_misi"], "vm_misi", ["misi"])
    _apply_merge(
        rows, lambda r: (r["_misi"], r["_tujuan"]), "vm_tujuan", ["tujuan", "indikator_tujuan"]
    )
    _apply_merge(rows, lambda r: r["_sasaran"], "vm_sasaran", ["sasaran"])
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
    return {"tahun": [str(y) for y in years], "baris": rows, "nomor": _numbers(len(years) + 5)}


def _pk_rows(model: Mapping[str, Any], budget: list[Row]) -> list[Row]:
    """Perjanjian Kinerja rows: per sasaran, its indicators beside the programs serving it.

    A program is listed beside the first sasaran it serves, and its cells run down over the
    following sasaran it also serves (seed 001's pelatihan program spans two sasaran). Programs
    serving none (the penunjang program) come last. In a block, the shorter side's last cell is
    merged down.
    """
    programs = [r for r in model["anggaran"]["baris"] if r["level"] == "program"]
    sources = _program_sources(model["anggaran"]["baris"])
    blocks = [
        (
            s["id"],
            s["nomor"],
            s["uraian"],
            s["indikator"],
            [p for p in programs if p["sasaran"] and p["sasaran"][0] == s["id"]],
        )
        for s in model["sasaran"]
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
                    "sumber_dana": sources.get(prog["nomor"], "") if prog else "",
                    "_s": block,
                    "_i": (block, min(k, len(indicators) - 1)),
                    "_p": key,
                }
            )
    _apply_merge(rows, lambda r: r["_s"], "vm_sasaran", ["no", "sasaran"])
    _apply_merge(rows, lambda r: r["_i"], "vm_indikator", ["indikator", "target"])
    _apply_merge(rows, lambda r: r["_p"], "vm_program", ["program", "pagu", "sumber_dana"])
    return rows


def _program_sources(rows: list[Mapping[str, Any]]) -> dict[str, str]:
    """Sumber dana of each program or kegiatan: those of the sub kegiatan under it."""
    sources: dict[str, list[str]] = {}
    for row in rows:
        for n in range(1, row["nomor"].count(".") + 2):
            sources.setdefault(".".join(row["nomor"].split(".")[:n]), []).extend(row["sumber_dana"])
    return {nomor: _join(names) for nomor, names in sources.items()}


# ---------------------------------------------------------------- Bab III


def _scale(bands: list[Mapping[str, Any]]) -> list[Row]:
    """Each band with its range written out: "x ≥ 91", "76 ≤ x < 91", "x < 51"."""
    rows = []
    for n, band in enumerate(bands):
        parts = []
        if band["batas"] is not None:
            parts.append(f"{angka(band['batas'])} {'≤' if band['inklusif'] else '<'} x")
        if n > 0 and bands[n - 1]["batas"] is not None:
            above = bands[n - 1]
            parts.append(f"{'<' if above['inklusif'] else '≤'} {angka(above['batas'])}")
        text = (
            " ".join(parts)
            if len(parts) == 2
            else (
                f"x {'≥' if band['inklusif'] else '>'} {angka(band['batas'])}"
                if n == 0 or band["batas"] is not None
                else f"x {parts[0]}"
                if parts
                else "semua nilai"
            )
        )
        rows.append(
            {
                "no": str(n + 1),
                "rentang": text,
                "label": band["label"],
                "warna": _fill(band.get("warna")),
            }
        )
    return rows


def _ratio_indicators(model: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [
        i for i in model["indikator"] if i["pembilang"] is not None and i["penyebut"] is not None
    ]


def _measurement(model: Mapping[str, Any]) -> list[Row]:
    """Target against realisasi: tujuan indicators, then sasaran indicators."""
    p = model["pengaturan"]
    rows: list[Row] = []
    groups = [("TUJUAN", model["tujuan"]), ("SASARAN STRATEGIS", model["sasaran"])]
    with_tujuan = any(t["indikator"] for t in model["tujuan"])
    for title, parents in groups:
        if not any(x["indikator"] for x in parents):
            continue
        if with_tujuan:
            rows.append({"judul": title})
        block: list[Row] = []
        for parent in parents:
            for ind in parent["indikator"]:
                block.append(
                    {
                        **_indicator(ind, p),
                        "judul": None,
                        "no": parent["nomor"],
                        "induk": parent["uraian"],
                        "_g": parent["id"],
                    }
                )
        _apply_merge(block, lambda r: r["_g"], "vm", ["no", "induk"])
        rows += block
    return rows


def _history(model: Mapping[str, Any]) -> dict[str, Any] | None:
    """Realisasi and capaian of earlier years beside this year's (analysis 2)."""
    p = model["pengaturan"]
    year = model["laporan"]["tahun"]
    items = model["indikator"]
    earlier = sorted({r["tahun"] for i in items for r in i["riwayat"] if r["tahun"] < year})
    if not earlier:
        return None
    years = earlier[-TAHUN_PEMBANDING:] + [year]
    rows = []
    for n, i in enumerate(items, start=1):
        by_year = {
            r["tahun"]: (r["realisasi"], _rounded(r["capaian_tepat"], p)) for r in i["riwayat"]
        }
        shown = _indicator(i, p)
        by_year[year] = (shown["realisasi"], i["capaian"])
        cells: list[str] = []
        for y in years:
            realisasi, capaian = by_year.get(y, (None, None))
            cells += [
                _cell_value(realisasi)
                if not isinstance(realisasi, dict)
                else f"{angka(realisasi['min'])}–{angka(realisasi['maks'])}",
                angka(capaian, p["desimal"]),
            ]
        change = i["perubahan"]
        rows.append(
            {
                "no": str(n),
                "nama": f"{i['nama']} ({i['satuan']})",
                "sel": cells,
                "perubahan": change["capaian"] if change else None,
            }
        )
    return {
        "tahun": [str(y) for y in years],
        "sub": ["Realisasi", "Capaian (%)"] * len(years),
        "nomor": _numbers(2 * len(years) + 3),
        "baris": rows,
    }


def _bagian(s: Mapping[str, Any], budget: list[Row], p: Mapping[str, Any]) -> dict[str, Any]:
    """One sasaran's section of Bab III A: its indicators, narratives and supporting programs."""
    analisis = s.get("analisis") or {}
    return {
        "nomor": s["nomor"],
        "uraian": s["uraian"],
        "jumlah_indikator": len(s["indikator"]),
        "rata_rata": s["rata_rata"],
        "kategori": s["kategori"],
        "baris": [
            {**_indicator(i, p), "no": str(n)} for n, i in enumerate(s["indikator"], start=1)
        ],
        "narasi": {
            key: narrative.render(analisis.get(key))
            for key in ("penyebab", "solusi", "program_pendukung", "efisiensi", "lainnya")
        },
        "program": [r for r in budget if s["id"] in r["_sasaran"]],
    }


def _budget_rows(rows: list[Mapping[str, Any]], p: Mapping[str, Any]) -> list[Row]:
    """Program → kegiatan → sub kegiatan rows, one per indicator, the row's own cells merged."""
    sources = _program_sources(rows)
    out: list[Row] = []
    for row in rows:
        indicators = row["indikator"] or [None]
        block = []
        for ind in indicators:
            block.append(
                {
                    "level": row["level"],
                    "no": row["nomor"],
                    "kode": row["kode"] or "",
                    "nama": row["nama"],
                    "pagu": row["pagu"],
                    "realisasi_anggaran": row["realisasi"],
                    "serapan": row["serapan"],
                    "sumber_dana": sources.get(row["nomor"], ""),
                    "indikator": ind["nama"] if ind else "",
                    "satuan": ind["satuan"] if ind else None,
                    "target": ind["target"] if ind else "",
                    "realisasi": ind["realisasi"] if ind else "",
                    "capaian": ind["capaian"] if ind else "",
                    "_sasaran": row["sasaran"],
                }
            )
        _apply_merge(
            block,
            lambda r: True,
            "vm",
            ["no", "kode", "nama", "pagu", "realisasi_anggaran", "serapan", "sumber_dana"],
        )
        out += block
    return out


def _efficiency(sasaran: list[Mapping[str, Any]], p: Mapping[str, Any]) -> dict[str, Any] | None:
    """Capaian against serapan per sasaran (analysis 6); sasaran without budget are left out."""
    rows: list[Row] = []
    for s in sasaran:
        money = s["anggaran"]
        if money["pagu"] is None:
            continue
        verdict = {True: "Efisien", False: "Tidak efisien"}.get(s["efisien"])
        block = [
            {
                **_indicator(i, p),
                "no": s["nomor"],
                "sasaran": s["uraian"],
                "rata_rata": s["rata_rata"],
                "pagu": money["pagu"],
                "realisasi_anggaran": money["realisasi"],
                "serapan": money["serapan"],
                "efisiensi": s["efisiensi"],
                "verdict": verdict,
            }
            for i in s["indikator"]
        ]
        _apply_merge(
            block,
            lambda r: True,
            "vm_sasaran",
            [
                "no",
                "sasaran",
                "rata_rata",
                "pagu",
                "realisasi_anggaran",
                "serapan",
                "efisiensi",
                "verdict",
            ],
        )
        rows += block
    notes = [
        {
            "nomor": s["nomor"],
            "uraian": s["uraian"],
            "teks": narrative.render((s.get("analisis") or {}).get("efisiensi")),
        }
        for s in sasaran
    ]
    return _table(rows, narasi=[n for n in notes if n["teks"]])


def _money_table(
    groups: list[tuple[str, Mapping[str, Any]]], total: Mapping[str, Any]
) -> dict[str, Any] | None:
    rows = [
        {"no": str(n), "nama": name, **fields}
        for n, (name, fields) in enumerate(
            ((name, f) for name, f in groups if f["pagu"] is not None), start=1
        )
    ]
    return _table(rows, total={**total, "label": "JUMLAH"})


def _belanja(entries: list[Mapping[str, Any]]) -> list[Row]:
    rows: list[Row] = []
    for n, entry in enumerate(entries, start=1):
        rows.append({**entry, "no": str(n), "induk": True})
        rows += [
            {**r, "nama": r["uraian"], "no": f"{n}.{m}", "induk": False}
            for m, r in enumerate(entry["rincian"], start=1)
        ]
    return rows


# ---------------------------------------------------------------- Bab IV and the PK annex


def _categories(counts: list[Mapping[str, Any]], bands: list[Mapping[str, Any]]) -> list[Row]:
    colours = {b["label"]: _fill(b.get("warna")) for b in bands}
    return [
        {
            "no": str(n),
            "label": c["label"],
            "jumlah": c["jumlah"],
            "warna": colours.get(c["label"], "auto"),
        }
        for n, c in enumerate(counts, start=1)
    ]


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
                    "_s": n,
                }
            )
    _apply_merge(rows, lambda r: r["_s"], "vm", ["no", "sasaran"])
    return rows


def _pk_programs(pk: Mapping[str, Any], budget: list[Mapping[str, Any]]) -> dict[str, Any] | None:
    sources = _program_sources(budget)
    rows = [
        {
            "no": str(n),
            "nama": p["nama"],
            "pagu": p["pagu"],
            "keterangan": sources.get(p["nomor"], ""),
        }
        for n, p in enumerate(pk["program"], start=1)
    ]
    return _table(rows, jumlah=pk["jumlah"])
