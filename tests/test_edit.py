"""Tests for data.edit: values changed in place, every other byte of the file kept."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_gen.data import fastyaml
from lkjip_gen.data.edit import EditError, YamlFile

TEXT = """\
# komentar di atas
kinerja:
  IKU1:
    target: 0.20   # tercetak "0,2"
    realisasi: 4.1
  IKU2: {realisasi: 372, riwayat: {2023: 4.5}}
  IKU3:

# komentar sebelum program
program:
  - nama: Program A
    pagu: 150000000
    sumber_dana: [DAU, DBHCHT]
  - {nama: "Program B", pagu: 5}
narasi:
  penutup: |
    Baris satu.

    Baris dua.
"""


@pytest.fixture(autouse=True, params=["libyaml", "ruamel"])
def composer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every edit with libyaml's nodes and with ruamel.yaml's, which compose a text libyaml
    cannot read (see lkjip_gen.data.fastyaml)."""
    if request.param == "ruamel":
        monkeypatch.setattr(fastyaml, "AVAILABLE", False)


def _file(tmp_path: Path, text: str = TEXT, name: str = "data.yaml") -> YamlFile:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return YamlFile(path)


def _changed_lines(f: YamlFile) -> list[str]:
    return [
        line
        for line in f.diff(0).splitlines()
        if line[:1] in "+-" and not line.startswith(("---", "+++"))
    ]


def test_equal_values_change_nothing(tmp_path: Path) -> None:
    f = _file(tmp_path)
    f.set(("kinerja", "IKU1", "target"), Decimal("0.2"))
    f.set(("kinerja", "IKU2", "realisasi"), 372)
    f.set(("program", 0, "sumber_dana"), ["DAU", "DBHCHT"])
    assert f.text == f.original
    assert f.diff() == ""
    assert f.write() is False


def test_scalar_replaced_in_block_and_flow_keeps_comments(tmp_path: Path) -> None:
    f = _file(tmp_path)
    f.set(("kinerja", "IKU1", "target"), Decimal("0.25"))
    f.set(("kinerja", "IKU2", "realisasi"), 380)
    f.set(("program", 1, "nama"), "Program B baru")
    assert _changed_lines(f) == [
        '-    target: 0.20   # tercetak "0,2"',
        '+    target: 0.25   # tercetak "0,2"',
        "-  IKU2: {realisasi: 372, riwayat: {2023: 4.5}}",
        "+  IKU2: {realisasi: 380, riwayat: {2023: 4.5}}",
        '-  - {nama: "Program B", pagu: 5}',
        '+  - {nama: "Program B baru", pagu: 5}',
    ]


def test_new_keys_follow_the_siblings_indentation_and_anchor(tmp_path: Path) -> None:
    f = _file(tmp_path)
    f.set(("kinerja", "IKU1", "pembilang"), 97, after="target")
    f.set(("kinerja", "IKU2", "triwulan"), [10, None])
    f.set(("kinerja", "IKU3", "realisasi"), 5)
    f.set(("kinerja", "IKU4", "realisasi"), Decimal("1.5"))
    f.set(("kinerja", "IKU4", "target"), 2)
    text = f.text
    assert '    target: 0.20   # tercetak "0,2"\n    pembilang: 97\n    realisasi: 4.1\n' in text
    assert "IKU2: {realisasi: 372, riwayat: {2023: 4.5}, triwulan: [10, null]}" in text
    assert "  IKU3:\n    realisasi: 5\n  IKU4:\n    realisasi: 1.5\n    target: 2\n" in text
    # The comment that introduces the next section stays in front of it.
    assert "\n\n# komentar sebelum program\nprogram:" in text


def test_delete_entries(tmp_path: Path) -> None:
    f = _file(tmp_path)
    f.delete(("kinerja", "IKU1", "target"))
    f.delete(("kinerja", "IKU2", "riwayat"))
    f.delete(("program", 0, "nama"))
    f.delete(("tidak", "ada"))
    assert _changed_lines(f) == [
        '-    target: 0.20   # tercetak "0,2"',
        "-  IKU2: {realisasi: 372, riwayat: {2023: 4.5}}",
        "+  IKU2: {realisasi: 372}",
        "-  - nama: Program A",
        "-    pagu: 150000000",
        "+  - pagu: 150000000",
    ]


def test_quoting_and_multiline_text(tmp_path: Path) -> None:
    f = _file(tmp_path)
    f.set(("kinerja", "IKU1", "keterangan"), "catatan: penting # bukan komentar")
    f.set(("program", 0, "kode"), "2.07")
    f.set(("program", 0, "nomor"), "0001")
    f.set(("narasi", "penutup"), "Satu.\nDua.\n")
    f.set(("narasi", "latar"), "yes")
    f.set(("narasi", "tanda"), "-")
    data = f.text
    assert 'keterangan: "catatan: penting # bukan komentar"' in data
    assert 'nomor: "0001"' in data
    assert "  penutup: |\n    Satu.\n    Dua.\n" in data
    assert "latar: yes" in data  # YAML 1.2: yes is text


def test_crlf_and_bom_survive(tmp_path: Path) -> None:
    path = tmp_path / "win.yaml"
    path.write_bytes(b"\xef\xbb\xbfa:\r\n  b: 1\r\n")
    f = YamlFile(path)
    f.set(("a", "c"), 2)
    f.set(("a", "b"), 3)
    assert f.write() is True
    assert path.read_bytes() == b"\xef\xbb\xbfa:\r\n  b: 3\r\n  c: 2\r\n"


def test_setting_back_to_the_original_removes_the_edit(tmp_path: Path) -> None:
    f = _file(tmp_path)
    f.set(("kinerja", "IKU1", "realisasi"), 5)
    f.set(("kinerja", "IKU1", "realisasi"), Decimal("4.1"))
    assert f.text == f.original


def test_every_example_is_untouched_without_edits() -> None:
    for path in sorted(Path("examples").glob("*/*.yaml")):
        f = YamlFile(path)
        assert f.text == path.read_bytes().decode("utf-8-sig")


def test_impossible_edit_is_refused(tmp_path: Path) -> None:
    f = _file(tmp_path)
    with pytest.raises(EditError):
        f.set(("program", 5, "nama"), "x")


def test_new_key_before_an_existing_one(tmp_path: Path) -> None:
    f = _file(tmp_path)
    f.set(("kinerja", "IKU1", "satuan"), "%", before="target")
    f.set(("kinerja", "IKU2", "target"), 380, before="realisasi")
    assert '  IKU1:\n    satuan: "%"\n    target: 0.20' in f.text
    assert "IKU2: {target: 380, realisasi: 372, riwayat: {2023: 4.5}}" in f.text


@pytest.mark.parametrize("order", ["delete first", "set first", "replace"])
def test_a_mapping_whose_keys_all_change(tmp_path: Path, order: str) -> None:
    f = _file(tmp_path, "kinerja:\n  IKU1:\n    realisasi: 4.1  # lama\n  IKU2: {realisasi: 3}\n")
    if order == "replace":
        f.set(("kinerja", "IKU1"), {"triwulan": [4.1, None]})
        f.set(("kinerja", "IKU2"), {"triwulan": [3]})
    else:
        for key, value in (("IKU1", [Decimal("4.1"), None]), ("IKU2", [3])):
            if order == "delete first":
                f.delete(("kinerja", key, "realisasi"))
            f.set(("kinerja", key, "triwulan"), value)
            f.delete(("kinerja", key, "realisasi"))
    # Written anew in the mapping's own style; a comment after it stays.
    assert (
        f.text == "kinerja:\n  IKU1:\n    triwulan: [4.1, null]  # lama\n  IKU2: {triwulan: [3]}\n"
    )


def test_copy_from_moves_a_block_with_its_comments(tmp_path: Path) -> None:
    f = _file(
        tmp_path,
        "program:\n  - nama: A  # lama\nrkt:\n  program:\n    # komentar B\n    - nama: B\n"
        "      pagu: 5\n",
    )
    f.copy_from(("rkt", "program"), ("program",))
    f.delete(("rkt",))
    assert f.text == "program:\n  # komentar B\n  - nama: B\n    pagu: 5\n"


def test_an_edited_text_is_read_back_once_however_often_it_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lkjip_gen.data import edit

    f = _file(tmp_path)
    parsed: list[str] = []
    parse = edit.parse

    def counted(text: str, name: str, *, editing: bool = False) -> object:
        parsed.append(text)
        return parse(text, name, editing=editing)

    monkeypatch.setattr(edit, "parse", counted)
    f.set(("kinerja", "IKU1", "realisasi"), Decimal("4.2"))
    assert f.text != f.original and "+    realisasi: 4.2" in f.diff() and f.write()
    assert len(parsed) == 1  # text, diff and write: one read-back of the same text
    f.set(("kinerja", "IKU1", "realisasi"), Decimal("4.3"))
    assert "realisasi: 4.3" in f.text and len(parsed) == 2
