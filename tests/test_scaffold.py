"""lkjip init: files that validate as written, explain every field, and never overwrite."""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator
from ruamel.yaml import YAML

from lkjip_gen.build import build, check_file
from lkjip_gen.cli import main
from lkjip_gen.data import fieldref, scaffold
from lkjip_gen.errors import LkjipError

MODELINE = "# yaml-language-server: $schema=skema-lkjip.json"
HAS_RENDER = importlib.util.find_spec("lkjip_gen.render.document") is not None


def _init(tmp_path: Path, **options: Any) -> dict[str, Path]:
    options.setdefault("tahun", 2024)
    return {p.name: p for p in scaffold.init(tmp_path, **options)}


@pytest.mark.parametrize("triwulan", [None, 1, 4])
@pytest.mark.parametrize("skala", scaffold.scales())
def test_scaffold_validates_as_written(tmp_path: Path, triwulan: int | None, skala: str) -> None:
    files = _init(tmp_path, triwulan=triwulan, skala=skala)
    year_file = files[scaffold.year_file_name(2024, triwulan)]
    checked = check_file(year_file)
    assert [str(p) for p in checked.errors] == []
    # The only warning says what to fill in first: the realisasi of the indicator.
    assert [(p.code, p.path) for p in checked.warnings] == [
        ("cek.realisasi_kosong", "kinerja.IKU1")
    ]
    assert checked.doc.data["pengaturan"]["skala_kategori"] == skala
    laporan = checked.doc.data["laporan"]
    assert laporan["jenis"] == ("tahunan" if triwulan is None else "triwulan")
    assert laporan.get("triwulan") == triwulan


def test_files_written_and_their_first_line(tmp_path: Path) -> None:
    files = _init(tmp_path)
    assert sorted(files) == [".gitattributes", "lkjip-2024.yaml", "profil.yaml", "skema-lkjip.json"]
    for name in ("profil.yaml", "lkjip-2024.yaml"):
        assert files[name].read_text(encoding="utf-8").splitlines()[0] == MODELINE
    assert "*.docx diff=lkjip" in files[".gitattributes"].read_text(encoding="utf-8")
    assert "lkjip-2025-tw3.yaml" in scaffold.render_files(2025, triwulan=3)


def _comment_above(lines: list[str], index: int) -> str:
    """The comment lines directly above ``lines[index]``, joined with spaces."""
    start = index
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    return " ".join(line.strip().lstrip("#").strip() for line in lines[start:index])


def test_every_key_has_its_schema_description_above(tmp_path: Path) -> None:
    text = _init(tmp_path)["profil.yaml"].read_text(encoding="utf-8")
    lines = text.splitlines()
    nip = next(i for i, line in enumerate(lines) if line.strip().startswith("# nip:"))
    assert _comment_above(lines, nip).endswith(
        fieldref.lookup(("instansi", "kepala", "nip"))["description"]
    )
    kepala = lines.index("  kepala:")
    assert _comment_above(lines, kepala).endswith(
        "Kepala perangkat daerah: menandatangani kata pengantar dan menjadi pihak pertama "
        "Perjanjian Kinerja."
    )
    # Inside a commented-out block the explanation is commented twice, so that toggling the
    # block's comment leaves it a comment.
    assert "#   # Kedudukan perangkat daerah dan dasar pembentukannya." in lines


def test_scaffold_explains_every_schema_property(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new field in the schema must be added to kerangka/*.tmpl, where users meet it."""
    seen: set[int] = set()

    def recording_lookup(path: tuple[str, ...]) -> Any:
        node = fieldref.lookup(path)
        seen.add(id(node))
        return node

    monkeypatch.setattr(scaffold, "lookup", recording_lookup)
    scaffold.render_files(2024)
    scaffold.render_files(2024, triwulan=2)
    # Keys kept only for older files ("Usang: …") are not offered to new offices.
    missing = [
        pointer
        for pointer, node in fieldref.all_properties()
        if pointer.split("/")[-2] == "properties"
        and id(node) not in seen
        and not fieldref.description(node).startswith("Usang:")
    ]
    assert missing == ["#/properties/$schema"]


def test_annotate_rejects_keys_the_schema_does_not_know() -> None:
    with pytest.raises(ValueError, match="instansi.namaa"):
        scaffold.annotate("instansi:\n  namaa: x\n")


_DATA_START = re.compile(r"^((?!true:|false:)[A-Za-z0-9_]+:( |$)|- )")
_COMMENT = re.compile(r"^( *)#(?: (.*))?$")


def uncomment_examples(text: str) -> str:
    """Remove one "# " from every commented-out data line, as Ctrl+/ on each block would."""
    out: list[str] = []
    lead: str | None = None
    for line in text.splitlines():
        match = _COMMENT.match(line)
        if match is None or line == MODELINE:
            lead = None
            out.append(line)
            continue
        body = match[1] + (match[2] or "")
        deeper = len(body) - len(body.lstrip()) > len(match[1])
        if lead is not None and match[1] == lead and (not body.strip() or deeper):
            out.append(body)
            continue
        lead = match[1] if _DATA_START.match(match[2] or "") else None
        out.append(body if lead is not None else line)
    return "\n".join(out) + "\n"


# A 1 × 1 PNG: the validator reads an image's bytes, not its name.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a8b6c1ff0000000049454e44ae426082"
)


@pytest.mark.parametrize("triwulan", [None, 2])
def test_every_commented_example_is_valid_data(tmp_path: Path, triwulan: int | None) -> None:
    """Uncommenting the examples gives a full office that still validates (warnings aside)."""
    files = _init(tmp_path, triwulan=triwulan)
    for name in ("profil.yaml", scaffold.year_file_name(2024, triwulan)):
        text = files[name].read_text(encoding="utf-8")
        # The custom scale example replaces the preset line.
        text = text.replace("  skala_kategori: permendagri_86\n", "")
        files[name].write_text(uncomment_examples(text), encoding="utf-8")
    for image in ("logo.png", "bagan-organisasi.png"):
        (tmp_path / image).write_bytes(PNG)
    # The chart font: the validator reads a font's first bytes (a TrueType signature).
    (tmp_path / "huruf").mkdir()
    (tmp_path / "huruf" / "arial.ttf").write_bytes(b"\x00\x01\x00\x00")
    year = files[scaffold.year_file_name(2024, triwulan)]
    # The file tahun_lalu names: last year's, which names none.
    text = year.read_text(encoding="utf-8")
    last_name = re.search(r"\ntahun_lalu: (.*)", text)[1]  # type: ignore[index]
    last = re.sub(r"\ntahun_lalu: .*", "", text).replace("tahun: 2024", "tahun: 2023")
    (tmp_path / last_name).write_text(last, encoding="utf-8")
    checked = check_file(year)
    assert [str(p) for p in checked.errors] == []
    data = checked.doc.data
    assert len(data["renstra"]["sasaran"]) == 2 and data["renstra"]["tujuan"]
    assert {"sdm", "sarana", "kondisi_umum", "analisis", "belanja", "organisasi"} <= set(data)
    assert data["kinerja"]["IKU1"]["realisasi"] == pytest.approx(95.5)
    assert {p.code for p in checked.answered} == {"cek.target_pk"}
    # The other catatan examples answer warnings this example does not have; its riwayat for
    # last year differs from last year's file, a copy of this one. Both ways of writing the
    # budget are shown: anggaran_sasaran gives way to program.
    assert {p.code for p in checked.warnings} == {
        "cek.realisasi_ganda",
        "cek.catatan",
        "cek.riwayat",
        "cek.bagi_sasaran",
    }


def test_never_overwrites(tmp_path: Path) -> None:
    files = _init(tmp_path)
    files["profil.yaml"].write_text("# milik kantor\n", encoding="utf-8")
    files["skema-lkjip.json"].unlink()
    with pytest.raises(LkjipError, match="sudah ada — lkjip init tidak pernah menimpa berkas"):
        scaffold.init(tmp_path, tahun=2024)
    assert files["profil.yaml"].read_text(encoding="utf-8") == "# milik kantor\n"
    assert not files["skema-lkjip.json"].exists()  # nothing at all was written

    result = CliRunner().invoke(main, ["init", str(tmp_path), "--tahun", "2024"])
    assert result.exit_code == 1
    assert "sudah ada" in result.output and "Traceback" not in result.output
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "berkas"), "--tahun", "2024"])
    assert (result.exit_code, result.output) == (
        1,
        f"lkjip: {tmp_path / 'berkas'} sudah ada dan bukan folder — pilih nama folder lain\n",
    )


def test_existing_gitattributes_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / ".gitattributes").write_text("*.pdf binary\n", encoding="utf-8")
    assert ".gitattributes" not in _init(tmp_path)
    assert (tmp_path / ".gitattributes").read_text(encoding="utf-8") == "*.pdf binary\n"


def test_only_schema_refreshes_the_editor_schema(tmp_path: Path) -> None:
    files = _init(tmp_path)
    files["skema-lkjip.json"].write_text("{}", encoding="utf-8")
    profile = files["profil.yaml"].read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--tahun", "2024", "--hanya-skema"])
    assert result.exit_code == 0, result.output
    assert json.loads(files["skema-lkjip.json"].read_text(encoding="utf-8")) == (
        scaffold.editor_schema()
    )
    assert files["profil.yaml"].read_text(encoding="utf-8") == profile


def _plain(path: Path) -> Any:
    """YAML as JSON would carry it (mapping keys as strings), the way editors validate it."""
    return json.loads(
        json.dumps(YAML(typ="safe").load(path.read_text(encoding="utf-8")), default=str)
    )


def test_editor_schema_accepts_each_file_on_its_own(tmp_path: Path) -> None:
    files = _init(tmp_path)
    schema = json.loads(files["skema-lkjip.json"].read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    validator = Draft7Validator(schema)
    for name in ("profil.yaml", "lkjip-2024.yaml"):
        assert [e.message for e in validator.iter_errors(_plain(files[name]))] == [], name
    # … while still catching what an editor should underline.
    bad = _plain(files["lkjip-2024.yaml"])
    bad["laporan"]["jenis"] = "tahun"
    bad["kinerja"]["IKU1"]["realisasai"] = 1
    assert len(list(validator.iter_errors(bad))) == 2
    # Descriptions beside a $ref survive (draft-07 ignores keys next to $ref).
    kepala = schema["properties"]["instansi"]["properties"]["kepala"]
    assert kepala["allOf"] == [{"$ref": "#/$defs/pejabat"}] and kepala["description"]


def test_cli_options(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["init", str(tmp_path / "a"), "--triwulan", "2", "--tahun", "2025", "--skala", "lumajang"],
    )
    assert result.exit_code == 0, result.output
    assert "ditulis:" in result.output and "lkjip validate" in result.output
    data = check_file(tmp_path / "a" / "lkjip-2025-tw2.yaml").doc.data
    assert data["laporan"] == {
        "jenis": "triwulan",
        "triwulan": 2,
        "tahun": 2025,
        "tanggal": "2025-07",
    }
    for args in (
        ["--jenis", "triwulan"],
        ["--jenis", "tahunan", "--triwulan", "1"],
        ["--skala", "entah"],
        ["--triwulan", "5"],
    ):
        result = runner.invoke(main, ["init", str(tmp_path / "b"), *args])
        assert result.exit_code == 2, args
    assert not (tmp_path / "b").exists()


def test_default_year() -> None:
    assert scaffold.default_year(None, date(2025, 1, 20)) == 2024
    assert scaffold.default_year(1, date(2025, 4, 5)) == 2025


@pytest.mark.skipif(not HAS_RENDER, reason="lkjip_gen/render.py is not there yet")
def test_quarterly_scaffold_builds(tmp_path: Path) -> None:
    files = _init(tmp_path, triwulan=1)
    written = build(files["lkjip-2024-tw1.yaml"], tmp_path / "hasil")
    assert [p.name for p in written] == ["lkjip-2024-tw1.docx"]
