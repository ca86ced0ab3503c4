"""The LKE self-check: every criterion met by a complete office, and each one flagged when the
piece of data it looks for is removed; the checklist runs on every example."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from lkjip_gen.build import lke_checklist
from lkjip_gen.checks import lke
from lkjip_gen.cli import main
from lkjip_gen.compute import compute
from lkjip_gen.data.load import Document, load

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/lkjip-*.yaml"))
MINIMAL = ROOT / "examples" / "contoh-minimal" / "lkjip-2024.yaml"


def complete() -> dict[str, Any]:
    """contoh-minimal with everything the evaluation looks for."""
    data = copy.deepcopy(load(MINIMAL).data)
    for key, entry in data["kinerja"].items():
        entry["riwayat"] = {"2021": Decimal(40), "2022": Decimal(41), "2023": Decimal(42)}
        entry["nasional"] = {"nilai": Decimal(45), "keterangan": f"{key} nasional"}
    for sasaran in ("S1", "S2"):
        data["analisis"][sasaran] = {"penyebab": "Sebab.", "solusi": "Upaya."}
    data["narasi"]["langkah_perbaikan"] = "- memperbaiki data."
    return data


def delete(*path: str | int) -> Callable[[dict[str, Any]], None]:
    def remove(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]

    return remove


def late(data: dict[str, Any]) -> None:
    data["laporan"]["tanggal"] = "2025-04-01"


def criteria(data: dict[str, Any]) -> dict[int, lke.Kriteria]:
    doc = Document(data=data, files=[MINIMAL])
    return {k.nomor: k for k in lke.evaluate(doc, compute(doc))}


def test_a_complete_office_meets_every_criterion() -> None:
    found = criteria(complete())
    assert len(found) == 11
    assert [k.nomor for k in found.values() if not k.terpenuhi] == []


REMOVALS = [
    (1, "realisasi", delete("kinerja", "IKU2", "realisasi")),
    (2, "Renstra end target", delete("renstra", "sasaran", 0, "indikator", 0, "target", "2026")),
    (3, "history", delete("kinerja", "IKU2", "riwayat")),
    (4, "national benchmark", delete("kinerja", "TPT", "nasional")),
    (5, "a program serving the sasaran", delete("program", 1, "sasaran")),
    (6, "solutions of a sasaran", delete("analisis", "S1", "solusi")),
    (7, "recommendations", delete("narasi", "langkah_perbaikan")),
    (8, "the PK indicator's realisasi", delete("kinerja", "IKU1", "pembilang")),
    (9, "the second party of the PK", delete("instansi", "atasan")),
    (10, "the head's NIP", delete("instansi", "kepala", "nip")),
    (11, "a timely signing date", late),
]


@pytest.mark.parametrize(("number", "what", "remove"), REMOVALS, ids=[r[1] for r in REMOVALS])
def test_each_criterion_is_flagged_when_its_data_is_removed(
    number: int, what: str, remove: Callable[[dict[str, Any]], None]
) -> None:
    data = complete()
    remove(data)
    found = criteria(data)
    assert not found[number].terpenuhi, what
    for gap in found[number].kekurangan:
        assert gap.jalur and re.fullmatch(r".+\.yaml:[0-9]+", gap.lokasi), gap


def test_a_gap_says_which_key_to_write_and_where() -> None:
    data = complete()
    del data["kinerja"]["TPT"]["nasional"]
    doc = Document(data=data, files=[MINIMAL])
    gap = lke.evaluate(doc, compute(doc))[3].kekurangan[0]
    assert (
        gap.pesan == "Tingkat Pengangguran Terbuka: belum ada pembanding nasional/provinsi/standar"
    )
    assert gap.jalur == "kinerja.TPT.nasional"


def test_due_dates() -> None:
    assert str(lke.due_date(2024, None)) == "2025-02-28"
    assert str(lke.due_date(2023, None)) == "2024-02-29"
    assert str(lke.due_date(2024, 1)) == "2024-04-30"
    assert str(lke.due_date(2024, 4)) == "2025-01-31"


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.parent.name for e in EXAMPLES])
def test_the_checklist_runs_on_every_example(example: Path) -> None:
    found = lke_checklist(example)
    assert [k.nomor for k in found] == list(range(1, 12))
    result = CliRunner().invoke(main, ["periksa-lke", str(example)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("Periksa LKE (PermenPAN-RB 88/2021, komponen Pelaporan Kinerja)")
    met = sum(k.terpenuhi for k in found)
    assert lines[-1] == f"{met} dari 11 kriteria terpenuhi."
    strict = CliRunner().invoke(main, ["periksa-lke", "--strict", str(example)])
    assert strict.exit_code == (0 if met == 11 else 1)


def test_checklist_text_of_the_minimal_example() -> None:
    text = lke.render(lke_checklist(MINIMAL), "lkjip-2024.yaml")
    assert "[x] 1. Realisasi dibandingkan dengan target tahunan\n" in text
    assert "[ ] 7. Rekomendasi (langkah perbaikan) di Bab IV\n" in text
    assert (
        "      - Bab IV: langkah perbaikan ke depan belum ditulis — narasi.langkah_perbaikan ("
    ) in text
