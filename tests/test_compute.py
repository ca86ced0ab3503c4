"""The report model: indicators, quarters, history, aggregates, budget — hand-checked values."""

from __future__ import annotations

import copy
from decimal import Decimal as D
from typing import Any

import pytest

from lkjip_gen.compute import compute

BASE: dict[str, Any] = {
    "instansi": {"pemda": "Kabupaten Uji", "nama": "Dinas Tenaga Kerja", "kepala": {"nama": "A"}},
    "laporan": {"jenis": "tahunan", "tahun": 2022},
    "renstra": {
        "periode_awal": 2021,
        "periode_akhir": 2026,
        "misi": [{"id": "M1", "uraian": "Misi satu"}, {"id": "M2", "uraian": "Misi dua"}],
        "tujuan": [
            {"id": "T1", "misi": "M1", "uraian": "Tujuan satu"},
            {"id": "T2", "misi": "M2", "uraian": "Tujuan dua"},
        ],
        "sasaran": [
            {
                "id": "S1",
                "tujuan": "T1",
                "uraian": "Sasaran satu",
                "indikator": [
                    {
                        "id": "A",
                        "nama": "Indikator A",
                        "satuan": "%",
                        "target": {"2021": D(70), "2022": D(75), "2026": D(90)},
                    },
                    {"id": "B", "nama": "Indikator B", "satuan": "orang"},
                ],
            },
            {
                "id": "S2",
                "tujuan": "T2",
                "uraian": "Sasaran dua",
                "indikator": [{"id": "C", "nama": "Indikator C", "satuan": "%"}],
            },
        ],
    },
    "kinerja": {
        "A": {"realisasi": D(95)},  # target 75 from the Renstra → 126,6667
        "B": {"target": 100, "realisasi": 100},  # 100
        "C": {"target": 17, "realisasi": 5},  # 29,4118
    },
}


def model(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        node = data
        *parents, last = path.split("__")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return compute(data)


def ind(m: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(i for i in m["indikator"] if i["id"] == ident)


def r4(value: D | None) -> D | None:
    return None if value is None else value.quantize(D("0.0001"))


def test_target_defaults_to_renstra_year() -> None:
    a = ind(model(), "A")
    assert a["target"] == D(75)
    assert r4(a["capaian_tepat"]) == D("126.6667")
    assert a["capaian"] == D("126.67")
    assert a["kategori"] == "Sangat Tinggi"
    assert a["status"] == "terukur"


def test_truncation_setting() -> None:
    a = ind(model(pengaturan={"pembulatan": "truncate"}), "A")
    assert a["capaian"] == D("126.66")


def test_pembilang_penyebut() -> None:
    # Seed 001: 97 / 134 × 100 = 72,3881 against 48 → 150,8085.
    m = model(kinerja__A={"target": 48, "pembilang": 97, "penyebut": 134})
    a = ind(m, "A")
    assert r4(a["realisasi_tepat"]) == D("72.3881")
    assert a["realisasi"] == D("72.39")  # printed rounded, measured unrounded
    assert r4(a["capaian_tepat"]) == D("150.8085")


def test_penyebut_zero_is_not_computable() -> None:
    a = ind(model(kinerja__A={"pembilang": 0, "penyebut": 0}), "A")
    assert a["status"] == "tidak_dapat_dihitung"
    assert a["capaian"] is None
    assert a["alasan"] == "penyebut 0: realisasi tidak dapat dihitung"


def test_missing_realisasi() -> None:
    m = model(kinerja__C={"target": 17})
    c = ind(m, "C")
    assert c["status"] == "belum_diukur"
    assert c["capaian"] is None and c["kategori"] is None
    # Excluded from the mean by default: (126,6667 + 100) / 2.
    assert r4(m["ringkasan"]["rata_rata_tepat"]) == D("113.3333")
    assert (m["ringkasan"]["jumlah_terukur"], m["ringkasan"]["jumlah_belum_terukur"]) == (2, 1)
    # Counted as 0 when the office says so: (126,6667 + 100 + 0) / 3.
    m0 = model(kinerja__C={"target": 17}, pengaturan={"realisasi_kosong": "nol"})
    assert r4(m0["ringkasan"]["rata_rata_tepat"]) == D("75.5556")


def test_averages_and_counts() -> None:
    m = model()
    s1, s2 = m["sasaran"]
    assert r4(s1["rata_rata_tepat"]) == D("113.3333")
    assert r4(s2["rata_rata_tepat"]) == D("29.4118")
    summary = m["ringkasan"]
    # Mean of the three indicators: (126,6667 + 100 + 29,4118) / 3 = 85,3595.
    assert r4(summary["rata_rata_tepat"]) == D("85.3595")
    assert summary["kategori"] == "Tinggi"
    assert summary["jumlah_sasaran"] == 2 and summary["jumlah_indikator"] == 3
    assert summary["tertinggi"]["id"] == "A" and summary["terendah"]["id"] == "C"
    counts = {c["label"]: c["jumlah"] for c in summary["per_kategori"]}
    assert counts == {"Sangat Tinggi": 2, "Tinggi": 0, "Sedang": 0, "Rendah": 0, "Sangat Rendah": 1}
    assert [r4(x["rata_rata_tepat"]) for x in summary["per_misi"]] == [D("113.3333"), D("29.4118")]


def test_average_rules() -> None:
    by_sasaran = model(pengaturan={"rata_rata": "sasaran"})["ringkasan"]
    assert r4(by_sasaran["rata_rata_tepat"]) == D("71.3725")  # (113,3333 + 29,4118) / 2
    capped = model(pengaturan={"rata_rata_maks_100": True})["ringkasan"]
    assert r4(capped["rata_rata_tepat"]) == D("76.4706")  # (100 + 100 + 29,4118) / 3


def test_negative_indicator_uses_configured_formula() -> None:
    data = copy.deepcopy(BASE)
    data["renstra"]["sasaran"][1]["indikator"][0]["polaritas"] = "negatif"
    data["kinerja"]["C"] = {"target": D("2.50"), "realisasi": D("4.97")}
    assert r4(ind(compute(data), "C")["capaian_tepat"]) == D("1.2000")
    data["pengaturan"] = {"rumus_negatif": "rasio"}
    assert r4(ind(compute(data), "C")["capaian_tepat"]) == D("50.3018")
    data["renstra"]["sasaran"][1]["indikator"][0]["rumus_negatif"] = "selisih"
    assert r4(ind(compute(data), "C")["capaian_tepat"]) == D("1.2000")  # per-indicator wins


def test_history_change_and_renstra_end() -> None:
    m = model(kinerja__A={"realisasi": D(95), "riwayat": {"2021": D(70)}})
    a = ind(m, "A")
    assert a["riwayat"] == [
        {
            "tahun": 2021,
            "target": D(70),
            "realisasi": D(70),
            "capaian_tepat": D(100),
            "capaian": D("100.00"),
        }
    ]
    assert a["perubahan"]["realisasi"] == D(25)
    assert r4(a["perubahan"]["capaian_tepat"]) == D("26.6667")
    assert a["renstra"]["target_akhir"] == D(90)
    assert r4(a["renstra"]["capaian_akhir_tepat"]) == D("105.5556")  # 95 / 90


def test_history_from_previous_year_model() -> None:
    previous = model()
    previous["laporan"]["tahun"] = 2021
    data = copy.deepcopy(BASE)
    data["laporan"]["tahun"] = 2022
    c = ind(compute(data, previous), "C")
    assert c["riwayat"][0]["tahun"] == 2021
    assert c["riwayat"][0]["realisasi"] == D(5)
    assert c["perubahan"]["realisasi"] == D(0)


def test_reported_capaian_of_an_earlier_year_is_kept() -> None:
    a = ind(model(kinerja__A={"realisasi": D(95), "riwayat": {"2021": {"capaian": 83}}}), "A")
    assert a["riwayat"][0]["capaian_tepat"] == D(83)


def test_quarterly_realisasi() -> None:
    data = copy.deepcopy(BASE)
    data["laporan"] = {"jenis": "triwulan", "triwulan": 2, "tahun": 2022}
    data["renstra"]["sasaran"][0]["indikator"][1]["sifat"] = "kumulatif"
    data["kinerja"]["A"] = {"triwulan": [D(60), D(72), D(80)]}
    data["kinerja"]["B"] = {
        "target": 100,
        "triwulan": [30, 25, 40],
        "target_triwulan": [20, 30, 25, 25],
    }
    m = compute(data)
    assert m["laporan"]["periode"] == "Triwulan II Tahun 2022"
    assert ind(m, "A")["realisasi"] == D(72)  # akhir periode: the latest value up to TW II
    assert ind(m, "B")["realisasi"] == D(55)  # kumulatif: 30 + 25
    assert ind(m, "B")["capaian_tepat"] == D(55)  # against the annual target by default
    data["pengaturan"] = {"target_triwulan": "rencana_aksi"}
    assert ind(compute(data), "B")["capaian_tepat"] == D(110)  # 55 / (20 + 30)


BUDGET = [
    {
        "nama": "Program P1",
        "sasaran": "S1",
        "indikator": [{"nama": "i", "target": 100, "realisasi": 98}],
        "kegiatan": [
            {
                "nama": "Kegiatan K1",
                "sumber_dana": "DAU",
                "sub_kegiatan": [
                    {"nama": "Sub 1", "pagu": 100, "realisasi": 90},
                    {"nama": "Sub 2", "pagu": 300, "realisasi": 150, "sasaran": ["S1", "S2"]},
                ],
            },
            {"nama": "Kegiatan K2", "sumber_dana": "DBHCHT", "pagu": 100, "realisasi": 100},
        ],
    },
    {"nama": "Program Penunjang", "pagu": 500, "realisasi": 400, "sumber_dana": "DAU"},
]


def test_budget_sums_serapan_share_and_groups() -> None:
    m = model(program=BUDGET)
    rows = {r["nama"]: r for r in m["anggaran"]["baris"]}
    p1 = rows["Program P1"]
    assert (p1["pagu"], p1["realisasi"], p1["sisa"]) == (D(500), D(340), D(160))
    assert p1["serapan"] == D("68.00")
    assert p1["persen_total"] == D("50.00")
    assert rows["Kegiatan K1"]["pagu"] == D(400)
    assert rows["Sub 2"]["nomor"] == "1.1.2" and rows["Sub 2"]["sasaran"] == ["S1", "S2"]
    assert rows["Sub 1"]["sasaran"] == ["S1"]  # inherited from the program
    total = m["anggaran"]["total"]
    assert (total["pagu"], total["realisasi"], total["serapan"]) == (D(1000), D(740), D("74.00"))
    per_sasaran = {s["id"]: s for s in m["anggaran"]["per_sasaran"]}
    assert per_sasaran["S1"]["pagu"] == D(500)
    assert per_sasaran["S2"]["pagu"] == D(300)  # Sub 2 counts for both sasaran
    assert m["anggaran"]["tanpa_sasaran"]["pagu"] == D(500)
    funds = {f["sumber_dana"]: f["pagu"] for f in m["anggaran"]["per_sumber_dana"]}
    assert funds == {"DAU": D(900), "DBHCHT": D(100)}
    counts = [
        m["anggaran"][k] for k in ("jumlah_program", "jumlah_kegiatan", "jumlah_sub_kegiatan")
    ]
    assert counts == [2, 2, 2]


def test_efficiency_formulas() -> None:
    rows = {r["nama"]: r for r in model(program=BUDGET)["anggaran"]["baris"]}
    assert rows["Program P1"]["efisiensi"] == D("30.00")  # 98 − 68
    assert rows["Program P1"]["efisien"] is True
    rows = {
        r["nama"]: r
        for r in model(program=BUDGET, pengaturan={"efisiensi": "seratus_dikurangi_serapan"})[
            "anggaran"
        ]["baris"]
    }
    assert rows["Program P1"]["efisiensi"] == D("32.00")  # 100 − 68
    assert rows["Program Penunjang"]["efisiensi"] == D("20.00")


def test_seed_000_efficiency_row_from_unrounded_values() -> None:
    # 203/600 = 33,8333 against serapan 64.323.009 / 65.358.187 = 98,4161 → −64,58.
    program = [
        {
            "nama": "Penyebaran Informasi",
            "pagu": 65358187,
            "realisasi": 64323009,
            "indikator": [{"nama": "x", "target": 600, "realisasi": 203}],
        }
    ]
    row = model(program=program)["anggaran"]["baris"][0]
    assert row["serapan"] == D("98.42")
    assert row["efisiensi"] == D("-64.58")


def test_belanja_per_jenis() -> None:
    m = model(
        program=BUDGET,
        belanja=[
            {"jenis": "pegawai", "pagu": 600, "realisasi": 500},
            {
                "jenis": "barang_jasa",
                "rincian": [
                    {"uraian": "Belanja Listrik", "pagu": 300, "realisasi": 200},
                    {"uraian": "Belanja Air", "pagu": 100, "realisasi": 40},
                ],
            },
        ],
    )
    pegawai, barang = m["anggaran"]["per_jenis_belanja"]
    assert pegawai["nama"] == "Belanja Pegawai" and pegawai["serapan"] == D("83.33")
    assert (barang["pagu"], barang["realisasi"]) == (D(400), D(240))
    assert barang["rincian"][1]["serapan"] == D("40.00")
    assert barang["persen_total"] == D("40.00")


def test_pk_rows() -> None:
    m = model(program=BUDGET)
    assert m["pk"]["jumlah"] == D(1000)
    assert [i["target"] for i in m["pk"]["sasaran"][0]["indikator"]] == [D(75), D(100)]
    assert [p["nama"] for p in m["pk"]["program"]] == ["Program P1", "Program Penunjang"]


def test_sdm_table_totals_and_percentages() -> None:
    m = model(
        sdm=[
            {
                "judul": "Pendidikan",
                "kelompok": "Pendidikan",
                "kolom": ["PNS", "Non PNS"],
                "persen": True,
                "baris": [{"label": "S1", "nilai": [10, 6]}, {"label": "SMA", "nilai": [19, 5]}],
            }
        ]
    )
    table = m["sdm"][0]
    assert table["total"]["nilai"] == [D(29), D(11)]
    assert table["total"]["jumlah"] == D(40)
    assert table["baris"][0]["persen"] == [D("34.48"), D("54.55")]  # 10/29, 6/11 (seed 001)
    assert table["baris"][0]["persen_jumlah"] == D("40.00")


@pytest.mark.parametrize("tahun", [2021, 2022])
def test_periode_label(tahun: int) -> None:
    assert model(laporan={"jenis": "tahunan", "tahun": tahun})["laporan"]["periode"] == (
        f"Tahun {tahun}"
    )


def test_entered_realisasi_wins_over_pembilang_penyebut() -> None:
    # Seed 001: BPS publishes TPT as 4,97 although 29158 / 586536 × 100 = 4,9712.
    a = ind(model(kinerja__A={"realisasi": D("4.97"), "pembilang": 29158, "penyebut": 586536}), "A")
    assert a["realisasi"] == D("4.97")
    assert a["pembilang"] == D(29158)


@pytest.mark.parametrize(
    ("laporan", "expected"),
    [
        ({"jenis": "tahunan", "tahun": 2022}, "2023-02"),
        ({"jenis": "triwulan", "triwulan": 1, "tahun": 2023}, "2023-04"),
        ({"jenis": "triwulan", "triwulan": 4, "tahun": 2023}, "2024-01"),
        ({"jenis": "tahunan", "tahun": 2022, "tanggal": "2023-02-16"}, "2023-02-16"),
    ],
)
def test_signing_date_defaults_to_the_due_month(laporan: dict[str, Any], expected: str) -> None:
    assert model(laporan=laporan)["laporan"]["tanggal"] == expected


def test_empty_realisasi_is_not_measured() -> None:
    c = ind(model(kinerja__C={"target": 17, "realisasi": None}), "C")
    assert c["status"] == "belum_diukur"


def test_history_capaian_is_rounded_too() -> None:
    a = ind(model(kinerja__A={"realisasi": D(95), "riwayat": {"2021": D("70.5")}}), "A")
    assert r4(a["riwayat"][0]["capaian_tepat"]) == D("100.7143")
    assert a["riwayat"][0]["capaian"] == D("100.71")


def test_table_totals_and_display_fields() -> None:
    m = model(
        program=BUDGET,
        belanja=[
            {"jenis": "pegawai", "pagu": 600, "realisasi": 500},
            {"jenis": "modal", "pagu": 400, "realisasi": 100},
        ],
    )
    budget = m["anggaran"]
    # Leaves with a sasaran, each once although Sub 2 serves two: 100 + 300 + 100.
    assert (budget["per_sasaran_jumlah"]["pagu"], budget["per_sasaran_jumlah"]["realisasi"]) == (
        D(500),
        D(340),
    )
    assert budget["per_sasaran_jumlah"]["efisiensi"] == D("17.36")  # 85,3595 − 68,00
    assert budget["per_jenis_belanja_jumlah"]["pagu"] == D(1000)
    assert budget["per_jenis_belanja_jumlah"]["serapan"] == D("60.00")
    rows = {r["nama"]: r for r in budget["baris"]}
    assert rows["Program P1"]["sumber_dana"] == ["DAU", "DBHCHT"]  # what its rows use
    assert m["pk"]["sasaran"][0]["id"] == "S1"
    assert [b["rentang"] for b in m["pengaturan"]["skala"]] == [
        "x ≥ 91",
        "76 ≤ x < 91",
        "66 ≤ x < 76",
        "51 ≤ x < 66",
        "x < 51",
    ]
    pasaman = model(pengaturan={"skala_kategori": "pasaman_barat", "ambang_efisien": 5})
    assert [b["rentang"] for b in pasaman["pengaturan"]["skala"]] == [
        "x > 100",
        "85 < x ≤ 100",
        "75 < x ≤ 85",
        "55 < x ≤ 75",
        "x ≤ 55",
    ]
    assert pasaman["pengaturan"]["ambang_efisien"] == D(5)
