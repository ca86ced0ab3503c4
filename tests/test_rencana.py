"""Rencana Aksi, its quarterly realisasi and the RKT: data, model, documents and checks."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from lkjip_gen.build import build, check_file, report_model
from lkjip_gen.compute.periode import Periode
from lkjip_gen.data.edit import YamlFile
from lkjip_gen.errors import LkjipError
from lkjip_gen.output.textconv import docx_text
from tests.examples import MINIMAL, PASAMAN, model

D = Decimal


def test_pasaman_rkt_2023_adds_up_as_the_seed_prints_it() -> None:
    rkt = model(PASAMAN)["rkt"]
    assert rkt is not None
    assert (rkt["tahun"], rkt["jumlah"]) == (2023, 4498404865)
    programs = {b["program"]: b["anggaran"] for b in rkt["baris"] if b["level"] == "program"}
    assert programs == {
        "Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota": 4045180381,
        "Program Penempatan Tenaga Kerja": 252160540,
        "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja": 137130944,
        "Program Hubungan Industrial": 52378000,
        "Program Pengembangan Kawasan Transmigrasi": 11555000,
    }
    targets = {b["indikator"]: b["target"] for b in rkt["baris"] if b["level"] == "sasaran"}
    # The RKT's own targets where it states them, else the Renstra's for 2023.
    assert targets["Persentase pencari kerja terdaftar yang ditempatkan"] == D("19.79")
    assert targets["Angka tenaga kerja yang menjadi peserta BPJS ketenagakerjaan"] == 18088
    assert targets["Nilai SAKIP"] == "B"
    plan = rkt["rencana_aksi"]
    assert plan is not None and plan["tahun"] == 2023
    row = next(
        b
        for b in plan["baris"]
        if b["indikator"] == "Jumlah Pelatihan yang difasilitasi" and b["level"] == "sub_kegiatan"
    )
    assert row["aksi"][0] == "Melakukan koordinasi dengan Lapas Kelas IIIA Talu"
    assert [q["jadwal"] for q in row["triwulan"]] == [True] * 4
    assert row["penanggung_jawab"] == "Bidang Pelatihan dan Produktifitas"


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """The minimal example with a Rencana Aksi: IKU2 kumulatif with quarterly targets and two
    quarters realised, and a sub kegiatan indicator planned per quarter."""
    shutil.copy(MINIMAL.parent / "profil.yaml", tmp_path / "profil.yaml")
    profile = (tmp_path / "profil.yaml").read_text(encoding="utf-8")
    profile = profile.replace(
        "          satuan: orang\n", "          satuan: orang\n          sifat: kumulatif\n"
    )
    (tmp_path / "profil.yaml").write_text(profile, encoding="utf-8")
    f = YamlFile(MINIMAL)
    f.set(
        ("kinerja", "IKU2"),
        {
            "realisasi": 372,
            "triwulan": [100, 90, 95, 87],
            "target_triwulan": [95, 95, 95, 95],
            "rencana_aksi": {
                "aksi": ["Menyusun jadwal pelatihan", "Melaksanakan pelatihan"],
                "jadwal": [1, 2, 3, 4],
                "penanggung_jawab": "Bidang Pelatihan",
            },
        },
    )
    sub = ("program", 0, "kegiatan", 0, "sub_kegiatan", 0, "indikator", 0)
    f.set((*sub, "target_triwulan"), [50, 100, 150, 200])
    f.set((*sub, "triwulan"), [40, 110, 140, 210])
    path = tmp_path / "lkjip-2024.yaml"
    path.write_text(f.text, encoding="utf-8")
    return path


def _row(plan: Any, indikator: str) -> Any:
    return next(b for b in plan["baris"] if b["indikator"] == indikator)


def test_monitoring_reads_the_quarters_up_to_the_period(office: Path) -> None:
    tw2 = report_model(office, periode=Periode("triwulan", 2))["rencana_aksi"]
    assert tw2 is not None and tw2["sampai_triwulan"] == 2
    iku2 = _row(tw2, "Jumlah tenaga kerja yang dilatih")
    quarters = [(q["target"], q["realisasi"], q["capaian"]) for q in iku2["triwulan"]]
    # 100/95 = 105,26; 90/95 = 94,74; TW III and IV are after the period: not read.
    assert quarters == [
        (95, 100, D("105.26")),
        (95, 90, D("94.74")),
        (95, None, None),
        (95, None, None),
    ]
    # Realisasi s.d. TW II (kumulatif) 190 against the annual target 380.
    assert (iku2["realisasi"], iku2["capaian"]) == (190, D("50.00"))
    assert iku2["kegiatan"] == "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja"
    sub = _row(tw2, "Jumlah pencari kerja yang dibimbing")
    assert [q["capaian"] for q in sub["triwulan"][:2]] == [D("80.00"), D("110.00")]
    # A sasaran without plan data still lists its indicators.
    assert _row(tw2, "Persentase pencari kerja yang ditempatkan")["aksi"] == []


def test_plan_and_monitoring_documents_build(office: Path, tmp_path: Path) -> None:
    out = tmp_path / "hasil"
    written = build(office, out, document="realisasi-rencana-aksi", periode=Periode("triwulan", 2))
    assert [p.name for p in written] == ["lkjip-2024-tw2-realisasi-rencana-aksi.docx"]
    text = docx_text(written[0])
    assert "REALISASI RENCANA AKSI PENCAPAIAN TARGET KINERJA" in text
    assert "TAHUN 2024 (SAMPAI TRIWULAN II)" in text
    assert (
        "Jumlah tenaga kerja yang dilatih\t380 orang\t95\t100\t105,26\t95\t90\t94,74\t95\t\t\t95"
        "\t\t\t190 orang\t50,00" in text
    )
    plan = docx_text(build(office, out, document="rencana-aksi")[0])
    assert (
        "Jumlah tenaga kerja yang dilatih\t380 orang\t- Menyusun jadwal pelatihan - Melaksanakan "
        "pelatihan\t95\t95\t95\t95" in plan
    )


def test_a_plan_document_without_its_data_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LkjipError) as caught:
        build(MINIMAL, tmp_path, document="rkt")
    assert str(caught.value) == (
        f"{MINIMAL}: dokumen rkt tidak dapat dibuat: data Rencana Kerja Tahunan belum ada — "
        "isi rkt: (target dan program tahun depan)"
    )
    assert not list(tmp_path.iterdir())


def test_quarterly_targets_are_checked_against_the_annual_target(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(office.parent)
    f = YamlFile(office)
    f.set(("kinerja", "IKU2", "target_triwulan"), [95, 95, 95, 90])  # 375, not 380
    f.set(
        ("kinerja", "IKU1"), {"pembilang": 97, "penyebut": 200, "target_triwulan": [40, 44, 46, 47]}
    )
    f.set(("program", 0, "kegiatan", 0, "sub_kegiatan", 0, "indikator", 0, "sifat"), "kumulatif")
    f.set(("pengaturan",), {"lampiran": ["rkt"]})
    office.write_text(f.text, encoding="utf-8")
    found = [str(p) for p in check_file(office.name).problems]
    assert found == [
        "lkjip-2024.yaml:34:35: peringatan: kinerja.IKU1.target_triwulan[3]: target triwulan IV "
        "47 tidak sama dengan target tahunan 48 — indikator akhir periode: target triwulan IV "
        "adalah target tahunan (bila indikatornya dijumlahkan per triwulan, tulis sifat: "
        "kumulatif) [cek.target_triwulan]",
        "lkjip-2024.yaml:38:22: peringatan: kinerja.IKU2.target_triwulan: jumlah target triwulan "
        "375 tidak sama dengan target tahunan 380 — indikator kumulatif: target keempat triwulan "
        "dijumlahkan; perbaiki salah satunya [cek.target_triwulan]",
        "lkjip-2024.yaml:65:122: peringatan: program[0].kegiatan[0].sub_kegiatan[0].indikator[0]"
        ".target_triwulan: jumlah target triwulan 500 tidak sama dengan target tahunan 200 — "
        "indikator kumulatif: target keempat triwulan dijumlahkan; perbaiki salah satunya "
        "[cek.target_triwulan]",
        "lkjip-2024.yaml:91:14: peringatan: pengaturan.lampiran[0]: lampiran rkt diminta, tetapi "
        "datanya belum ada (rencana_aksi/target_triwulan pada kinerja atau indikator program, "
        "atau rkt:) — lampiran itu tidak dicetak [cek.lampiran]",
    ]


def test_rkt_references_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(MINIMAL.parent / "profil.yaml", tmp_path / "profil.yaml")
    f = YamlFile(MINIMAL)
    f.set(
        ("rkt",),
        {
            "kinerja": {"IKU9": {"target": 1}},
            "program": [{"nama": "Program X", "sasaran": "S9", "pagu": 5}],
        },
    )
    (tmp_path / "lkjip-2024.yaml").write_text(f.text, encoding="utf-8")
    found = [str(p) for p in check_file("lkjip-2024.yaml").errors]
    assert found == [
        "lkjip-2024.yaml:86:5: rkt.kinerja.IKU9: indikator 'IKU9' tidak ada — pilih salah satu "
        "id indikator: IKU1, IKU2, TPT [cek.referensi]",
        "lkjip-2024.yaml:88:40: rkt.program[0].sasaran: sasaran 'S9' tidak ada — pilih salah "
        "satu id sasaran: S1, S2 [cek.referensi]",
    ]
