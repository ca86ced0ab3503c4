"""The docs keep up with the code: field reference, descriptions, error codes, commands."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from lkjip_gen.cli import main
from lkjip_gen.data import fieldref
from lkjip_gen.data.schema import load_schema
from lkjip_gen.render import reference, template_reference
from lkjip_gen.render.pack import PARTS

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "panduan.md"
REFERENCE = ROOT / "docs" / "referensi-data.md"
MODEL_PAGE = ROOT / "docs" / "model.md"
TEMPLATE_PAGE = ROOT / "docs" / "referensi-templat.md"
ERROR_HEADING = "## 6. Membaca pesan kesalahan"

# Keywords that only pass the instance on to subschemas: an error is always reported under the
# keyword of the subschema that failed, never under these.
_APPLICATORS = {
    "$ref",
    "properties",
    "items",
    "allOf",
    "if",
    "then",
    "else",
    "$defs",
    "prefixItems",
    "dependentSchemas",
    "contains",
}


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end != -1 else None]


def _schema_nodes(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        found.append(node)
        for key, value in node.items():
            if key not in ("enum", "const", "required", "description"):
                found += _schema_nodes(value)
    elif isinstance(node, list):
        for item in node:
            found += _schema_nodes(item)
    return found


def problem_codes() -> set[str]:
    """Every code the validator can report: literals in the package, plus skema.<keyword>."""
    codes = set()
    for source in (ROOT / "lkjip_gen").rglob("*.py"):
        codes |= set(
            re.findall(
                r"[\"']((?:yaml|berkas|cek|templat)\.[a-z_]+)[\"']",
                source.read_text(encoding="utf-8"),
            )
        )
    keywords = set(Draft202012Validator.VALIDATORS) - _APPLICATORS
    for node in _schema_nodes(load_schema()):
        codes |= {f"skema.{key}" for key in node if key in keywords}
    return codes


def test_field_reference_is_current() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == fieldref.render(), (
        "docs/referensi-data.md is stale: run `make docs`"
    )


def test_model_reference_is_current() -> None:
    assert MODEL_PAGE.read_text(encoding="utf-8") == reference.model_page(), (
        "docs/model.md is stale: run `make docs`"
    )


def test_template_reference_is_current() -> None:
    assert TEMPLATE_PAGE.read_text(encoding="utf-8") == template_reference.render(), (
        "docs/referensi-templat.md is stale: run `make docs`"
    )


def test_guide_and_readme_link_the_template_reference() -> None:
    assert "(referensi-templat.md)" in GUIDE.read_text(encoding="utf-8")
    assert "(docs/referensi-templat.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_schema_property_has_a_description() -> None:
    missing = [
        pointer
        for pointer, node in fieldref.all_properties()
        if not fieldref.description(node).strip()
    ]
    assert not missing, f"schema properties without a description: {missing}"


def test_the_description_walk_reaches_nested_definitions() -> None:
    pointers = {pointer for pointer, _ in fieldref.all_properties()}
    assert "#/$defs/pejabat/properties/nip" in pointers
    assert "#/properties/kondisi_umum/items/properties/baris/items/properties/uraian" in pointers
    assert "#/$defs/nilai/oneOf/3/properties/maks" in pointers
    assert "#/$defs/pita_kategori/items/properties/warna" in pointers


def test_reference_lists_every_property_path() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    for path in (
        "`instansi.kepala`",
        "`kinerja.<id>.riwayat.<tahun>.capaian`",
        "`program[].kegiatan[].sub_kegiatan[].pagu`",
        "## Jenis `pita_kategori`",
        "`subunit`",
        "## Jenis `pejabat`",
    ):
        assert path in text


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize(
    "page", [REFERENCE, GUIDE, MODEL_PAGE, TEMPLATE_PAGE], ids=lambda p: p.name
)
def test_internal_links_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    anchors = {_slug(h) for h in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith("http"):
            continue
        file, _, anchor = target.partition("#")
        if file:
            assert (page.parent / file).is_file(), target
        elif anchor:
            assert anchor in anchors, f"{page.name}: link to missing heading #{anchor}"


def test_guide_explains_every_problem_code() -> None:
    codes = problem_codes()
    assert {"yaml.sintaks", "berkas.tidak_ada", "skema.type", "skema.oneOf", "cek.jumlah"} <= codes
    section = _section(GUIDE.read_text(encoding="utf-8"), ERROR_HEADING)
    missing = sorted(code for code in codes if f"`{code}`" not in section)
    assert not missing, (
        f"problem codes not explained in docs/panduan.md ({ERROR_HEADING}): {missing}"
    )


def test_guide_mentions_every_command_and_setting() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for name in main.commands:
        assert f"lkjip {name}" in text, name
    settings = _section(text, "## 5. Pengaturan dan rumus")
    for name in load_schema()["$defs"]["pengaturan"]["properties"]:
        assert f"`{name}`" in settings, name


def test_guide_lists_every_id_of_the_document_shape() -> None:
    """Every heading, table and column id ``dokumen`` accepts is in the guide's tables."""
    from lkjip_gen.data.dokumen import TABLES, heading_ids

    shape = _section(GUIDE.read_text(encoding="utf-8"), "### Bentuk dokumen: `dokumen`")
    for ident in heading_ids():
        assert f"| `{ident}` |" in shape, ident
    for ident, spec in TABLES.items():
        row = next(line for line in shape.splitlines() if line.startswith(f"| `{ident}` |"))
        assert all(f"`{column}`" in row for column in spec.kolom), ident


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_indonesian_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    example = result.output.split("Contoh:")[1]
    assert f"lkjip {command}" in example or "lkjip " in example


def test_pre_commit_hook_definition() -> None:
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "lkjip-validate")
    assert hook["language"] == "python"
    assert hook["entry"] == "lkjip validate"
    pattern = re.compile(hook["files"])
    for name in ("lkjip-2024.yaml", "data/lkjip-2025-tw1.yaml", "2023/lkjip-2023.yml"):
        assert pattern.search(name), name
    for name in ("profil.yaml", "skema-lkjip.json", "catatan-lkjip-2024.txt"):
        assert not pattern.search(name), name
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'lkjip = "lkjip_gen.cli:run"' in pyproject


def test_the_template_guide_lists_every_pack_part() -> None:
    listed = set(
        re.findall(r"^\| `(\w+)\.docx`", (ROOT / "docs" / "templat.md").read_text("utf-8"), re.M)
    )
    # bab1 … bab4 share one row.
    assert set(PARTS) - {"bab2", "bab3", "bab4"} == listed
