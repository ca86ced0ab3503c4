"""Fidelity of examples/pasaman-barat-2022 (seed 002: Dinas Tenaga Kerja Kabupaten Pasaman Barat,
LKjIP 2022).

The example holds only raw data. These tests check that (a) it loads and validates, with exactly
the warnings the seed's own data deserves, and (b) the computed model reproduces every indicator,
budget row and total that the independent audit of the seed (``tests/fixtures/seed-audit.json``,
entry ``"seed": "002"``) lists, with the *correct* values (not the printed ones where the report
erred: swapped sasaran percentages, category counts, Tabel 3.3.7's shifted columns).

Rows are matched by level and normalised name; where the audit's names differ from ours (it
abbreviates "Hubungan Industrial" to "HI", drops the account prefix of the belanja rows, keeps
the report's typos), ``ALIASES`` maps them explicitly. Every audit row is handled: a row that
matches nothing fails. Rows the data model cannot represent are listed in ``UNREPRESENTABLE``
with the reason, and their values are still checked from the rows they are made of.

The three ratio indicators (155/1046, 32/1046 and TPT 13.377/211.224) carry the realisasi the
office officially reports (14,82 / 3,06 / 6,33) with pembilang/penyebut as its provenance; the
entered realisasi is what capaian is measured from, as the audit does.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from seeds import norm, seed

from lkjip_gen.checks import check
from lkjip_gen.compute import compute
from lkjip_gen.data.load import load
from lkjip_gen.data.schema import validate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "pasaman-barat-2022" / "lkjip-2022.yaml"
TOL = Decimal("0.01")
CENT = Decimal("0.01")
HUNDRED = Decimal(100)


SEED = seed("002")


def D(value: Any) -> Decimal:
    return Decimal(str(value))


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


# Audit row name (exact) → our name, where they differ after normalisation. Grouped by why.
ALIASES: dict[str, str] = {
    # -- indicators: the audit joins the PK name and the Renstra/IKU name --------------------
    "Besaran kasus yang diselesaikan dengan perjanjian bersama (PB) / Persentase kasus "
    "perselisihan HI yang diselesaikan": "Besaran kasus yang diselesaikan dengan perjanjian bersama (PB)",
    "Jumlah (Jorong) Eks Transmigrasi yang difasilitasi program penguatan SDM": "Jumlah Eks Transmigrasi yang difasilitasi program penguatan SDM",
    # -- Tabel 3.4.3: the audit abbreviates; we keep the full nomenclature --------------------
    "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan Perorangan "
    "Dinas/Jabatan": "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan Perorangan Dinas "
    "atau Kendaraan Dinas Jabatan",
    "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas "
    "Operasional": "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas "
    "Operasional atau Lapangan",
    "Koordinasi Lintas Lembaga dan Kerja Sama dengan Sektor Swasta (Instruktur, Sarpras LPK)": "Koordinasi Lintas Lembaga dan Kerja Sama dengan Sektor Swasta untuk Penyediaan "
    "Instruktur serta Sarana dan Prasarana Lembaga Pelatihan Kerja",
    "Pelayanan Antar Kerja Didaerah Kabupaten/Kota":  # report's "Didaerah"
    "Pelayanan Antar Kerja di Daerah Kabupaten/Kota",
    "Pengesahan Peraturan Perusahaan dan Pendaftaran PKB (1 Kab/Kota)": "Pengesahan Peraturan Perusahaan dan Pendaftaran Perjanjian Kerja Bersama untuk "
    "Perusahaan yang hanya Beroperasi dalam 1 (satu) Daerah Kabupaten/Kota",
    "Penyelenggaraan Pendataan dan Informasi Sarana HI dan Jamsos Tenaga Kerja serta Pengupahan": "Penyelenggaraan Pendataan dan Informasi Sarana Hubungan Industrial dan Jaminan Sosial "
    "Tenaga Kerja serta Pengupahan",
    "Pencegahan dan Penyelesaian Perselisihan HI, Mogok Kerja dan Penutupan Perusahaan": "Pencegahan dan Penyelesaian Perselisihan Hubungan Industrial, Mogok Kerja dan "
    "Penutupan Perusahaan di Daerah Kabupaten/Kota",
    "Penyelesaian Perselisihan HI, Mogok Kerja, dan Penutupan Perusahaan (1 Kab/Kota)": "Penyelesaian Perselisihan Hubungan Industrial, Mogok Kerja, dan Penutupan Perusahaan "
    "yang Berakibat/Berdampak pada Kepentingan di 1 (satu) Daerah Kabupaten/Kota",
    # -- 4.4 belanja barang dan jasa: the audit drops the account prefix ----------------------
    "Honorarium Narasumber/Moderator/Panitia": "Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia",
    "ATK": "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
    "Kertas dan Cover": "Belanja Alat/Bahan untuk Kegiatan Kantor-Kertas dan Cover",
    "Bahan Cetak": "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak",
    "Benda Pos": "Belanja Alat/Bahan untuk Kegiatan Kantor-Benda Pos",
    "Bahan Komputer": "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Komputer",
    "Alat Listrik": "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Listrik",
    "Alat/Bahan untuk Kegiatan Kantor Lainnya": "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat/Bahan untuk Kegiatan Kantor Lainnya",
    "Makanan dan Minuman Rapat": "Belanja Makanan dan Minuman Rapat",
    "Makanan dan Minuman Jamuan Tamu": "Belanja Makanan dan Minuman Jamuan Tamu",
    "Pakaian Pelatihan Kerja": "Belanja Pakaian Pelatihan Kerja",
    "Barang untuk Dijual/Diserahkan kepada Masyarakat": "Belanja Barang untuk Dijual/Diserahkan kepada Masyarakat",
    "Kendaraan Dinas Bermotor Perorangan": "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor-Kendaraan Dinas "
    "Bermotor Perorangan",
    "Kendaraan Bermotor Angkutan Barang": "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor-Kendaraan Bermotor "
    "Angkutan Barang",
    "Kendaraan Bermotor Beroda Dua": "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor-Kendaraan Bermotor "
    "Beroda Dua",
    "Alat Kantor-Mesin Ketik": "Belanja Pemeliharaan Alat Kantor dan Rumah Tangga-Alat Kantor-Mesin Ketik",
    "Alat Kantor-Alat Kantor": "Belanja Pemeliharaan Alat Kantor dan Rumah Tangga-Alat Kantor-Alat Kantor",
    "Alat Rumah Tangga-Alat Pendingin": "Belanja Pemeliharaan Alat Kantor dan Rumah Tangga-Alat Rumah Tangga-Alat Pendingin",
    "Komputer Unit-Personal Computer": "Belanja Pemeliharaan Komputer-Komputer Unit-Personal Computer",
    "Peralatan Personal Computer": "Belanja Pemeliharaan Komputer-Peralatan Komputer-Peralatan Personal Computer",
    "Perjalanan Dinas Paket Meeting Dalam Kota": "Belanja Perjalanan Dinas Paket Meeting Dalam Kota",
    "Perjalanan Dinas Paket Meeting Luar Kota": "Belanja Perjalanan Dinas Paket Meeting Luar Kota",
}


def ours(name: str) -> str:
    return norm(ALIASES.get(name, name))


# 4.4 groups its 38 accounts into 6 "kelompok". `belanja[].rincian` is a flat list (schema gap:
# no group level), so the model has no row for a kelompok. Each group is listed here with its
# member accounts (our names, in the order of the YAML); its values are checked from their sum.
KELOMPOK_BARANG_JASA: dict[str, list[str]] = {
    "Belanja Jasa": [
        "Belanja Jasa Tenaga Administrasi",
        "Belanja Jasa Tenaga Supir",
        "Belanja Lembur",
        "Belanja Tagihan Air",
        "Belanja Tagihan Listrik",
        "Belanja Kawat/Faksimili/Internet/TV Berlangganan",
        "Belanja Paket/Pengiriman",
        "Belanja Jasa Tenaga Keamanan",
        "Belanja Jasa Tenaga Kebersihan",
        "Belanja Pembayaran Pajak, Bea, dan Perizinan",
        "Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia",
    ],
    "Belanja Barang Pakai Habis": [
        "Belanja Bahan-Bahan Bakar dan Pelumas",
        "Belanja Bahan-Bahan Lainnya",
        "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
        "Belanja Alat/Bahan untuk Kegiatan Kantor-Kertas dan Cover",
        "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak",
        "Belanja Alat/Bahan untuk Kegiatan Kantor-Benda Pos",
        "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Komputer",
        "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Listrik",
        "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat/Bahan untuk Kegiatan Kantor Lainnya",
        "Belanja Makanan dan Minuman Rapat",
        "Belanja Makanan dan Minuman Jamuan Tamu",
        "Belanja Pakaian Pelatihan Kerja",
        "Belanja Barang untuk Dijual/Diserahkan kepada Masyarakat",
    ],
    "Belanja Kursus/Pelatihan, Sosialisasi, Bimtek": ["Belanja Bimbingan Teknis"],
    "Belanja Sewa Bangunan Gedung Tempat Pertemuan": [
        "Belanja Sewa Bangunan Gedung Tempat Pertemuan"
    ],
    "Belanja Pemeliharaan Peralatan dan Mesin": [
        "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor-Kendaraan Dinas "
        "Bermotor Perorangan",
        "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor-Kendaraan Bermotor "
        "Angkutan Barang",
        "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor-Kendaraan Bermotor "
        "Beroda Dua",
        "Belanja Pemeliharaan Alat Kantor dan Rumah Tangga-Alat Kantor-Mesin Ketik",
        "Belanja Pemeliharaan Alat Kantor dan Rumah Tangga-Alat Kantor-Alat Kantor",
        "Belanja Pemeliharaan Alat Kantor dan Rumah Tangga-Alat Rumah Tangga-Alat Pendingin",
        "Belanja Pemeliharaan Komputer-Komputer Unit-Personal Computer",
        "Belanja Pemeliharaan Komputer-Peralatan Komputer-Peralatan Personal Computer",
    ],
    "Belanja Perjalanan Dinas Dalam Negeri": [
        "Belanja Perjalanan Dinas Biasa",
        "Belanja Perjalanan Dinas Dalam Kota",
        "Belanja Perjalanan Dinas Paket Meeting Dalam Kota",
        "Belanja Perjalanan Dinas Paket Meeting Luar Kota",
    ],
}

# Audit rows the data model cannot represent as a row of its own, with the reason.
UNREPRESENTABLE: dict[tuple[str, str], str] = {
    ("belanja_group", name): "4.4 kelompok rekening: belanja[].rincian has no group level; "
    "checked as the sum of its accounts (KELOMPOK_BARANG_JASA)"
    for name in KELOMPOK_BARANG_JASA
}
# Totals rows about the 2023 plan (lampiran RKT 2023): next year's budget has no place in a 2022
# data file (schema gap), so they are not transcribed.
UNREPRESENTABLE_TOTALS = {
    "Program Penempatan Kerja",
    "Program Pelatihan",
    "Program Hubungan Industrial",
    "Program Penunjang (16 sub kegiatan)",
    "Total pagu 2023",
}

# Ratio indicators: id → (pembilang, penyebut, the official realisasi entered beside them).
RASIO = {
    "PENEMPATAN": (155, 1046, "14.82"),
    "PELATIHAN": (32, 1046, "3.06"),
    "TPT": (13377, 211224, "6.33"),
}

# Warnings the example must produce, and why (each is a real inconsistency of the seed's data).
EXPECTED_WARNINGS = {
    # PK target 17,19 (Tabel 2.4, used in all of Bab III) vs Renstra/IKU 2022 target 17,79
    # (Tabel 2.2).
    ("cek.target_pk", "kinerja.PENEMPATAN.target"),
    # Tabel 2.5 (PK) program amounts vs the sums of Tabel 3.4.3 (22.800.000 moved between programs;
    # total equal). Program E agrees (19.857.100).
    ("cek.pagu_pk", "program[0].pagu_pk"),  # 4.090.881.692 vs 4.113.681.692
    ("cek.pagu_pk", "program[1].pagu_pk"),  # 595.100.200 vs 587.000.200 (pelatihan)
    ("cek.pagu_pk", "program[2].pagu_pk"),  # 395.950.150 vs 387.850.150 (penempatan)
    ("cek.pagu_pk", "program[3].pagu_pk"),  # 96.050.050 vs 89.450.050 (hubungan industrial)
    # The report does not name the Bupati: the PK prints a line to write the name by hand.
    ("cek.ttd", "instansi.atasan"),
}


@pytest.fixture(scope="module")
def doc():
    return load(EXAMPLE)


@pytest.fixture(scope="module")
def model(doc):
    return compute(doc)


def indikator(model: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(i for i in model["indikator"] if i["id"] == ident)


def budget_row(model: dict[str, Any], level: str, name: str) -> dict[str, Any]:
    wanted = ours(name)
    rows = [
        r for r in model["anggaran"]["baris"] if r["level"] == level and norm(r["nama"]) == wanted
    ]
    assert rows, f"no {level} row named {name!r} (add it to ALIASES if the names differ)"
    assert len(rows) == 1, f"{len(rows)} {level} rows named {name!r}"
    return rows[0]


JENIS = {
    "belanja_pegawai_item": "pegawai",
    "belanja_item": "barang_jasa",
    "belanja_modal_item": "modal",
}


def belanja(model: dict[str, Any], jenis: str) -> dict[str, Any]:
    entries = [b for b in model["anggaran"]["per_jenis_belanja"] if b["jenis"] == jenis]
    assert len(entries) == 1
    return entries[0]


def rincian(model: dict[str, Any], jenis: str, name: str) -> dict[str, Any]:
    wanted = ours(name)
    rows = [r for r in belanja(model, jenis)["rincian"] if norm(r["uraian"]) == wanted]
    assert len(rows) == 1, f"belanja {jenis} rincian {name!r} found {len(rows)} times"
    return rows[0]


def kelompok(model: dict[str, Any], name: str) -> tuple[Decimal, Decimal]:
    members = [rincian(model, "barang_jasa", m) for m in KELOMPOK_BARANG_JASA[name]]
    return sum(r["pagu"] for r in members), sum(r["realisasi"] for r in members)


def serapan(pagu: Decimal, realisasi: Decimal) -> Decimal:
    return realisasi / pagu * HUNDRED


# -- (a) loads and validates ----------------------------------------------------------------


def test_schema_valid(doc):
    assert [str(p) for p in validate(doc)] == []


def test_checks_only_expected_warnings(doc):
    problems = check(doc)
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert {(p.code, p.path) for p in problems} == EXPECTED_WARNINGS


def test_transcribed_counts(doc, model):
    """5 sasaran, 8 IKU (+ TPT as tujuan indicator); 5 programs, 13 kegiatan, 28 sub kegiatan."""
    assert [m["id"] for m in model["misi"]] == ["M1", "M3"]
    assert [t["id"] for t in model["tujuan"]] == ["T1", "T2", "T3"]
    assert [s["id"] for s in model["sasaran"]] == ["S1", "S2", "S3", "S4", "S5"]
    assert [i["id"] for i in model["indikator"]] == [
        "TPT",
        "BPK",
        "SPIP",
        "SAKIP",
        "PENEMPATAN",
        "PELATIHAN",
        "BPJS",
        "PHI",
        "TRANSMIGRASI",
    ]
    assert model["ringkasan"]["jumlah_sasaran"] == 5
    assert model["ringkasan"]["jumlah_indikator"] == 8
    a = model["anggaran"]
    assert (a["jumlah_program"], a["jumlah_kegiatan"], a["jumlah_sub_kegiatan"]) == (5, 13, 28)
    # sub kegiatan indicators: lampiran Realisasi Rencana Aksi 2022 (sub kegiatan 1–10 and 28)
    assert sum(1 for r in a["baris"] if r["indikator"]) == 11
    assert [len(b["rincian"]) for b in a["per_jenis_belanja"]] == [11, 38, 6]
    assert [len(s["strategi"]) for s in model["sasaran"]] == [2, 1, 2, 2, 1]
    assert [len(s["arah_kebijakan"]) for s in model["sasaran"]] == [7, 4, 6, 5, 1]
    assert len(doc.data["dasar_hukum"]) == 15
    units = doc.data["organisasi"]["unit"]
    assert len(units) == 4 and sum(len(u["subunit"]) for u in units) == 11
    assert [t["total"]["jumlah"] for t in model["sdm"]] == [31, 31]


def test_conventions(model):
    p = model["pengaturan"]
    assert p["skala_nama"] == "pasaman_barat"
    assert [b["label"] for b in p["skala"]] == [
        "Memuaskan",
        "Sangat Baik",
        "Baik",
        "Cukup",
        "Kurang Baik",
    ]
    assert (p["pembulatan"], p["pembulatan_anggaran"]) == ("half_up", "half_up")
    assert p["efisiensi"] == "seratus_dikurangi_serapan"
    assert (p["rata_rata"], p["rata_rata_maks_100"], p["realisasi_kosong"]) == (
        "indikator",
        False,
        "nol",
    )
    assert {r["jenis"] for r in p["rumus"]} == {"positif", "selisih", "predikat"}


# -- (b) fidelity: indicators ---------------------------------------------------------------

TAHUN_INI = [r for r in SEED["indicators"] if r["level"] in ("tujuan", "sasaran")]
TAHUN_LALU = [r for r in SEED["indicators"] if r["level"] == "sasaran_2021"]

# Tabel 3.3.7, 2021 columns: audit's short name → our indicator id.
RIWAYAT_2021 = {
    "BPK": "BPK",
    "Penempatan": "PENEMPATAN",
    "Bersertifikat": "PELATIHAN",
    "BPJS": "BPJS",
    "PHI": "PHI",
    "Eks transmigrasi": "TRANSMIGRASI",
}


def _id(row: dict[str, Any]) -> str:
    return f"{row['level']}-{row.get('code', '')}-{row['name'][:40]}"


def test_every_audit_row_is_covered():
    """Nothing in the audit's lists is left out of the parametrised tests."""
    assert len(TAHUN_INI) + len(TAHUN_LALU) == len(SEED["indicators"]) == 15
    assert {r["name"] for r in TAHUN_LALU} == set(RIWAYAT_2021)
    assert len(SEED["budget"]) == 112
    groups = [r for r in SEED["budget"] if r["level"] == "belanja_group"]
    assert {("belanja_group", r["name"]) for r in groups} == set(UNREPRESENTABLE)
    assert len(SEED["totals"]) == 66


@pytest.mark.parametrize("row", TAHUN_INI, ids=_id)
def test_indicator(model, row):
    matches = [i for i in model["indikator"] if norm(i["nama"]) == ours(row["name"])]
    assert len(matches) == 1, f"indicator {row['name']!r} not found exactly once"
    ind = matches[0]
    assert ind["level"] == row["level"]
    if row["level"] == "sasaran":
        assert ind["nomor"] == row["code"]
    assert ind["polaritas"] == {"positive": "positif", "negative": "negatif"}[row["polarity"]]
    assert ind["status"] == "terukur"
    target = row["target"]
    assert ind["target"] == (target if isinstance(target, str) else D(target))
    realisasi = row["realisasi"]
    assert ind["realisasi"] == (realisasi if isinstance(realisasi, str) else D(realisasi))
    assert abs(ind["capaian_tepat"] - D(row["capaian_exact"])) <= TOL
    assert ind["capaian"] == cents(D(row["capaian_exact"])) == D(row["capaian_correct"])
    if ind["id"] in RASIO:
        p, q, printed = RASIO[ind["id"]]
        assert (ind["pembilang"], ind["penyebut"]) == (D(p), D(q))
        assert cents(D(p) / D(q) * HUNDRED) == D(printed) == ind["realisasi"]
    assert ind["kategori"] == row["kategori_correct"]


def test_rasio_hand_calculation(model):
    """The three ratio indicators, measured from the official 2-decimal realisasi."""
    got = {k: indikator(model, k)["capaian"] for k in RASIO}
    # 14,82/17,19 = 86,2129; 3,06/2,12 = 144,3396; (2×4,19 − 6,33)/4,19 = 48,9260
    assert got == {"PENEMPATAN": D("86.21"), "PELATIHAN": D("144.34"), "TPT": D("48.93")}
    assert [indikator(model, k)["kategori"] for k in RASIO] == [
        "Sangat Baik",
        "Memuaskan",
        "Kurang Baik",
    ]


@pytest.mark.parametrize("row", TAHUN_LALU, ids=_id)
def test_indicator_2021(model, row):
    ind = indikator(model, RIWAYAT_2021[row["name"]])
    history = [r for r in ind["riwayat"] if r["tahun"] == 2021]
    assert len(history) == 1
    h = history[0]
    assert h["realisasi"] == D(row["realisasi"])
    if ind["id"] == "BPK":
        # no 2021 target is printed (BPK is not in Tabel 2.2); the audit infers 75 from the
        # printed capaian 100, which we keep as reported
        assert h["target"] is None
    else:
        assert h["target"] == D(row["target"])  # Renstra 2021 target (Tabel 2.2)
    assert abs(h["capaian_tepat"] - D(row["capaian_exact"])) <= TOL


def test_riwayat_without_audit_row(model):
    """2021 values the audit does not list: SAKIP BB (capaian 110 as printed), SPIP none, TPT."""
    sakip = indikator(model, "SAKIP")["riwayat"]
    assert sakip == [
        {
            "tahun": 2021,
            "target": None,
            "realisasi": "BB",
            "capaian_tepat": D(110),
            "capaian": D("110.00"),
        }
    ]
    assert indikator(model, "SPIP")["riwayat"] == []
    tpt = indikator(model, "TPT")["riwayat"]
    assert [(r["tahun"], r["realisasi"]) for r in tpt] == [(2021, D("5.03"))]


# -- (b) fidelity: budget rows --------------------------------------------------------------

BUDGET = [r for r in SEED["budget"] if (r["level"], r["name"]) not in UNREPRESENTABLE]
GROUPS = [r for r in SEED["budget"] if (r["level"], r["name"]) in UNREPRESENTABLE]


def _check_amounts(r: dict[str, Any], row: dict[str, Any]) -> None:
    assert r["pagu"] == D(row["pagu"])
    assert r["realisasi"] == D(row["realisasi"])
    assert r["serapan"] == cents(D(row["persen_correct"]))
    assert abs(r["serapan_tepat"] - D(row["persen_correct"])) <= TOL


@pytest.mark.parametrize("row", BUDGET, ids=lambda r: f"{r['level']}-{r['name'][:50]}")
def test_budget_row(model, row):
    level = row["level"]
    if level in ("program", "kegiatan", "sub_kegiatan"):
        r = budget_row(model, level, row["name"])
    elif level == "sasaran":
        rows = [
            s for s in model["anggaran"]["per_sasaran"] if norm(s["uraian"]) == ours(row["name"])
        ]
        assert len(rows) == 1
        r = rows[0]
        assert r["id"] == f"S{row['code_or_number']}"
    else:
        r = rincian(model, JENIS[level], row["name"])
    _check_amounts(r, row)
    if row.get("efisiensi_correct") is not None:
        assert abs(r["efisiensi_tepat"] - D(row["efisiensi_correct"])) <= TOL
        assert r["efisiensi"] == cents(D(row["efisiensi_correct"]))


@pytest.mark.parametrize("row", GROUPS, ids=lambda r: r["name"][:50])
def test_belanja_kelompok_from_accounts(model, row):
    pagu, realisasi = kelompok(model, row["name"])
    assert (pagu, realisasi) == (D(row["pagu"]), D(row["realisasi"]))
    assert abs(serapan(pagu, realisasi) - D(row["persen_correct"])) <= TOL


def test_program_sasaran_mapping(model):
    """Program A serves S1, B (pelatihan) S3, C (penempatan) S2, D S4, E S5 — the swap of 3.4.1."""
    programs = [r for r in model["anggaran"]["baris"] if r["level"] == "program"]
    assert [p["sasaran"] for p in programs] == [["S1"], ["S3"], ["S2"], ["S4"], ["S5"]]
    assert all(
        r["sumber_dana"] == ["APBD Kabupaten Pasaman Barat"] for r in model["anggaran"]["baris"]
    )


# -- totals and aggregates ------------------------------------------------------------------

# Tabel 3.4.3 labels of the audit → our row nomor (A–E programs, I–XIII kegiatan).
NOMOR_343 = {
    "A": "1",
    "I": "1.1",
    "IV": "1.4",
    "V": "1.5",
    "VI": "1.6",
    "B": "2",
    "VII": "2.1",
    "C": "3",
    "IX": "3.1",
    "X": "3.2",
    "D": "4",
    "XI": "4.1",
    "XII": "4.2",
}


def test_totals(model, doc):
    rows = {(r["level"], r["nomor"]): r for r in model["anggaran"]["baris"]}
    by_nomor = {r["nomor"]: r for r in model["anggaran"]["baris"]}
    total = model["anggaran"]["total"]
    jenis = {b["jenis"]: b for b in model["anggaran"]["per_jenis_belanja"]}
    sasaran = {s["id"]: s for s in model["sasaran"]}
    misi = {m["id"]: m for m in model["misi"]}
    checked = skipped = 0
    for t in SEED["totals"]:
        table, label = t["table"], t["row"]
        correct = t.get("correct")
        if table.startswith("Lampiran RKT 2023"):
            assert label in UNREPRESENTABLE_TOTALS
            skipped += 1
            continue
        if label == "by golongan: IV+III+II+I+PTT+THL":
            assert model["sdm"][0]["total"]["jumlah"] == correct
        elif label == "by pendidikan: S2+S1+DIII+SLTA":
            assert model["sdm"][1]["total"]["jumlah"] == correct
        elif label == "Misi 1 / sasaran 1.1":
            assert misi["M1"]["rata_rata"] == sasaran["S1"]["rata_rata"] == D(correct)
        elif label == "8 IKU":
            assert model["ringkasan"]["rata_rata"] == D(correct)
        elif label == "sasaran 1.4 (2 IKU)":
            assert sasaran["S4"]["rata_rata"] == D(correct)
        elif label == "Misi 3 (5 IKU)":
            assert misi["M3"]["rata_rata"] == D(correct)
        elif label == "mean of 5 sasaran (not printed)":
            means = [s["rata_rata_tepat"] for s in model["sasaran"]]
            assert cents(sum(means) / 5) == D(correct)
        elif label == "2021 mean capaian":
            values = [_capaian_2021(i) for s in model["sasaran"] for i in s["indikator"]]
            assert len(values) == 8 and values.count(None) == 1  # SPIP not measured in 2021
            known = [v for v in values if v is not None]
            assert cents(sum(known) / 8) == D(t["correct_if_missing_SPIP_counted_as_0"])
            assert cents(sum(known) / 7) == D(t["correct_mean_of_7_available"])
        elif label == "sum of 5 sasaran (no total printed)":
            # Tabel 2.5 (PK) amounts, entered as pagu_pk (cek.pagu_pk warnings) and printed in
            # the PK annex; their total equals the budget's.
            assert sum(D(p["pagu_pk"]) for p in doc.data["program"]) == D(correct)
            assert [p["pagu"] for p in model["pk"]["program"]] == [
                D(p["pagu_pk"]) for p in doc.data["program"]
            ]
            assert model["pk"]["jumlah"] == D(correct)
        elif label == "Total anggaran":
            assert total["pagu"] == D(correct)
        elif label == "Total realisasi":
            assert total["realisasi"] == D(correct)
        elif label == "Belanja operasi = pegawai + barang/jasa":
            assert jenis["pegawai"]["pagu"] + jenis["barang_jasa"]["pagu"] == D(correct)
        elif label.startswith("Realisasi operasi"):
            assert jenis["pegawai"]["realisasi"] + jenis["barang_jasa"]["realisasi"] == D(correct)
        elif label == "Total = operasi + modal":
            assert sum(b["pagu"] for b in jenis.values()) == D(correct) == total["pagu"]
        elif label == "Total realisasi = operasi + modal":
            assert sum(b["realisasi"] for b in jenis.values()) == D(correct) == total["realisasi"]
        elif table == "4.3 Belanja pegawai":
            field = "pagu" if label.endswith("anggaran") else "realisasi"
            assert jenis["pegawai"][field] == D(correct)
        elif table == "4.5 Belanja modal":
            field = "pagu" if label.endswith("anggaran") else "realisasi"
            assert jenis["modal"][field] == D(correct)
        elif table == "4.4 Belanja barang dan jasa":
            field = "pagu" if " anggaran" in label else "realisasi"
            if label.startswith("JUMLAH"):
                assert jenis["barang_jasa"][field] == D(correct)
            else:
                name = label.split(" anggaran")[0].split(" realisasi")[0]
                pagu, realisasi = kelompok(model, name)
                assert (pagu if field == "pagu" else realisasi) == D(correct)
        elif table.startswith("Tabel 3.4.3"):
            head, field = label.split()[0], label.split()[1]
            if head == "JUMLAH":
                field = "pagu" if field == "anggaran" else "realisasi"
                assert total[field] == D(correct)
            else:
                assert by_nomor[NOMOR_343[head]][field] == D(correct), label
        else:
            pytest.fail(f"totals row not handled: {table} / {label!r}")
        checked += 1
    assert (checked, skipped) == (61, 5)
    assert rows[("program", "1")]["pagu"] == D("4113681692")


def _capaian_2021(ind: dict[str, Any]) -> Decimal | None:
    return next((r["capaian_tepat"] for r in ind["riwayat"] if r["tahun"] == 2021), None)


# -- what the report printed wrongly, now computed --------------------------------------------


def test_kategori_counts_corrected(model):
    """Report: 6 Memuaskan / 1 Sangat Baik / 1 Kurang Baik; SPIP and SAKIP (100) are Sangat Baik."""
    counts = {k["label"]: k["jumlah"] for k in model["ringkasan"]["per_kategori"]}
    assert counts == {"Memuaskan": 4, "Sangat Baik": 3, "Baik": 0, "Cukup": 0, "Kurang Baik": 1}
    assert model["ringkasan"]["kategori"] == "Memuaskan"  # 100,28
    assert model["ringkasan"]["tertinggi"]["id"] == "PELATIHAN"
    assert model["ringkasan"]["terendah"]["id"] == "TRANSMIGRASI"
    assert indikator(model, "SAKIP")["capaian"] == D(100)  # 3.3.7 printed 110 (copied from 2021)


def test_sasaran_serapan_not_swapped(model):
    """3.4.1/3.3.8 printed Penempatan 95,72 and Kualitas 97,16 (swapped); 3.4.3 has it right."""
    per = {s["id"]: s for s in model["anggaran"]["per_sasaran"]}
    assert (per["S2"]["serapan"], per["S2"]["efisiensi"]) == (D("97.16"), D("2.84"))
    assert (per["S3"]["serapan"], per["S3"]["efisiensi"]) == (D("95.72"), D("4.28"))
    assert model["anggaran"]["total"]["sisa"] == D(293450307)
    assert cents(HUNDRED - model["anggaran"]["total"]["serapan_tepat"]) == D("5.65")


def test_renstra_targets(model):
    """Tabel 2.2: kondisi awal and targets 2021–2026 (2026 = kondisi akhir periode)."""
    expected = {
        "PENEMPATAN": ("15.79", ["15.79", "17.79", "19.79", "21.79", "23.79", "25.00"]),
        "PELATIHAN": ("1.92", ["1.92", "2.12", "2.32", "2.52", "2.75", "3"]),
        "BPJS": ("17562", ["17562", "18088", "18630", "19185", "19763", "20355"]),
        "PHI": ("86", ["86", "87", "88", "89", "90", "90"]),
        "TRANSMIGRASI": ("15", ["15", "17", "19", "23", "23", "23"]),
    }
    for ident, (awal, targets) in expected.items():
        r = indikator(model, ident)["renstra"]
        assert r["kondisi_awal"] == D(awal), ident
        assert [t["tahun"] for t in r["target_tahunan"]] == list(range(2021, 2027))
        assert [t["target"] for t in r["target_tahunan"]] == [D(v) for v in targets], ident
    # PK target 17,19 is the one measured (cek.target_pk warns about the Renstra's 17,79)
    assert indikator(model, "PENEMPATAN")["target"] == D("17.19")
    for ident in ("BPK", "SPIP", "SAKIP"):
        assert indikator(model, ident)["renstra"]["target_tahunan"] == []


def test_sub_kegiatan_indicators(model):
    """Lampiran Realisasi Rencana Aksi 2022: output indicators of sub kegiatan 1–10 and 28."""
    rapat = budget_row(
        model, "sub_kegiatan", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"
    )["indikator"][0]
    assert (rapat["target"], rapat["realisasi"], rapat["capaian"]) == (D(30), D(35), D("116.67"))
    trans = budget_row(
        model, "sub_kegiatan", "Penguatan SDM dalam rangka Kemandirian Satuan Pemukiman"
    )["indikator"][0]
    assert (trans["target"], trans["realisasi"], trans["capaian"]) == (D(20), D(20), D(100))
