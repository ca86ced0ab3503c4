"""The typed contracts: the model ``lkjip compute`` prints is what the renderer gets, the model
types follow the schema, and the default templates use only names the context types declare."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_type_hints

import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml
from jinja2 import nodes
from jinja2.defaults import DEFAULT_FILTERS

from lkjip_gen.build import to_jsonable
from lkjip_gen.cli import main
from lkjip_gen.compute import data_types
from lkjip_gen.compute.types import Model
from lkjip_gen.data import fieldref
from lkjip_gen.render import context_types, template_reference, typedoc
from lkjip_gen.render.context_types import Konteks
from lkjip_gen.render.document import LkjipTemplate, environment
from lkjip_gen.render.pack import open_pack
from lkjip_gen.render.prepare import prepared
from lkjip_gen.render.sandbox import LOOP_GUARD

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates" / "default"
TEMPLATE_PAGE = ROOT / "docs" / "referensi-templat.md"
EXAMPLE = ROOT / "examples" / "contoh-minimal"
# A 1 × 1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a8b6c1ff0000000049454e44ae426082"
)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """The minimal example with everything resolved after compute() used to be: a logo, a
    chart, an own template folder, last year's file and a warning."""
    shutil.copytree(EXAMPLE, tmp_path / "kantor")
    folder = tmp_path / "kantor"
    (folder / "logo.png").write_bytes(PNG)
    (folder / "gambar").mkdir()
    (folder / "gambar" / "bagan.png").write_bytes(PNG)
    shutil.copytree(TEMPLATES, folder / "templat-kami")
    profile = (folder / "profil.yaml").read_text(encoding="utf-8")
    profile = profile.replace("instansi:\n", "instansi:\n  logo: logo.png\n", 1)
    profile = profile.replace("organisasi:\n", "organisasi:\n  bagan: gambar/bagan.png\n", 1)
    profile = profile.replace("pengaturan:\n", "pengaturan:\n  templat: templat-kami\n", 1)
    (folder / "profil.yaml").write_text(profile, encoding="utf-8")
    year = (folder / "lkjip-2024.yaml").read_text(encoding="utf-8")
    last = year.replace("tahun: 2024", "tahun: 2023")
    (folder / "lkjip-2023.yaml").write_text(last, encoding="utf-8")
    year = year.replace("profil: profil.yaml", "profil: profil.yaml\ntahun_lalu: lkjip-2023.yaml")
    year = year.replace("  tahun: 2024\n", "  tahun: 2024\n  triwulan: 2\n")  # a warning
    (folder / "lkjip-2024.yaml").write_text(year, encoding="utf-8")
    return folder / "lkjip-2024.yaml"


def test_compute_prints_exactly_what_the_renderer_gets(
    office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lkjip_gen.render import document

    received: list[Model] = []
    real = document.render_docx

    def spy(model: Model, **kwargs: Any) -> bytes:
        received.append(model)
        return real(model, **kwargs)

    monkeypatch.setattr(document, "render_docx", spy)
    built = CliRunner().invoke(main, ["build", str(office), "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    printed = CliRunner().invoke(main, ["compute", str(office)])
    assert printed.exit_code == 0, printed.output
    model = json.loads(printed.stdout)
    assert model == to_jsonable(received[0])
    # The parts build.report_model used to add after compute() are in it.
    assert model["instansi"]["logo"] == str((office.parent / "logo.png").resolve())
    assert model["organisasi"]["bagan"] == str((office.parent / "gambar/bagan.png").resolve())
    assert model["pengaturan"]["templat"] == str((office.parent / "templat-kami").resolve())
    assert model["peringatan"], "the fixture should raise at least one warning"
    assert any(i["riwayat"] for i in model["indikator"])


@pytest.mark.parametrize("name", sorted(data_types.SCHEMA_PATHS))
def test_model_copies_every_field_of_the_data_object(name: str) -> None:
    """A key added to the schema shows up in the model type, or this fails."""
    cls = getattr(data_types, name)
    schema = fieldref.lookup(data_types.SCHEMA_PATHS[name])
    declared = {key for key, _, _ in fieldref.properties(schema)}
    assert declared <= set(get_type_hints(cls)), declared - set(get_type_hints(cls))


@pytest.mark.parametrize("name", sorted(context_types.MIRRORS))
def test_context_restates_the_model(name: str) -> None:
    cls = getattr(context_types, name)
    model_keys = set(get_type_hints(context_types.MIRRORS[name]))
    assert model_keys <= set(get_type_hints(cls))
    if name != "Konteks":
        assert set(get_type_hints(cls)) == model_keys


# ---------------------------------------------------------------- the templates' tags


def template_source(document: str) -> str:
    """The Jinja source docxtpl renders for a document of the default pack (all its parts
    assembled): the patched body, headers and footers."""
    pack = open_pack("default")
    template = prepared(pack, document)
    tpl = LkjipTemplate(template, pack)
    xml = template.body
    for rel in tpl.docx.part.rels.values():
        if rel.reltype in (tpl.HEADER_URI, tpl.FOOTER_URI):
            xml += tpl.patch_xml(tpl.xml_to_string(parse_xml(rel.target_part.blob)))
    return str(xml)


def used_paths(node: nodes.Node, scope: dict[str, tuple[str, ...]]) -> Iterator[tuple[str, ...]]:
    """Every context path (``tabel.pk.baris[].no``) an expression tree reads.

    A loop variable stands for an item of what it loops over; Jinja's ``loop`` is skipped.
    """
    if isinstance(node, nodes.For):
        yield from used_paths(node.iter, scope)
        inner = dict(scope)
        source = _path(node.iter, scope)
        if isinstance(node.target, nodes.Name) and source is not None:
            inner[node.target.name] = (*source, "[]")
        for child in [*node.body, *node.else_, *([node.test] if node.test else [])]:
            yield from used_paths(child, inner)
        return
    path = _path(node, scope)
    if path is not None:
        if path[0] != "loop":
            yield path
        return
    for child in node.iter_child_nodes():
        yield from used_paths(child, scope)


def _path(node: nodes.Node, scope: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    if isinstance(node, nodes.Name):
        return scope.get(node.name, (node.name,))
    if isinstance(node, nodes.Getattr):
        base = _path(node.node, scope)
        return None if base is None else (*base, node.attr)
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = _path(node.node, scope)
        return None if base is None else (*base, str(node.arg.value))
    return None


def template_paths(name: str) -> set[str]:
    env = environment({"pengaturan": {"desimal": 2, "rupiah": "puebi"}})
    tree = env.parse(template_source(name))
    return {".".join(p).replace(".[]", "[]") for p in used_paths(tree, {})}


@pytest.mark.parametrize("name", ["lkjip", "pk"])
def test_default_templates_use_only_names_of_the_contract(name: str) -> None:
    used = template_paths(name)
    assert "tabel.pk.baris[].vm_program" in used or name == "pk"
    unknown = sorted(
        p for p in used if context_types.lookup(p.replace("[]", ".[]").split(".")) is None
    )
    assert not unknown, f"{name}.docx reads names the template contract does not have: {unknown}"


def test_the_tag_reader_finds_unknown_names() -> None:
    env = environment({"pengaturan": {"desimal": 2, "rupiah": "puebi"}})
    tree = env.parse("{% for b in tabel.pk.baris %}{{ b.no }}{{ b.tidak_ada }}{% endfor %}")
    paths = {".".join(p) for p in used_paths(tree, {})}
    assert paths == {"tabel.pk.baris", "tabel.pk.baris.[].no", "tabel.pk.baris.[].tidak_ada"}
    assert context_types.lookup(("tabel", "pk", "baris", "[]", "tidak_ada")) is None


def reference_rows() -> dict[str, set[str]]:
    """The committed template reference: the field names listed under each type's heading."""
    rows: dict[str, set[str]] = {}
    current: set[str] = set()
    for line in TEMPLATE_PAGE.read_text(encoding="utf-8").splitlines():
        heading = re.fullmatch(r"### `(\w+)`", line)
        if heading:
            current = rows.setdefault(heading[1], set())
        elif line.startswith("| `"):
            current.add(line.split("`")[1])
    return rows


def named_fields(path: str) -> Iterator[tuple[str, str]]:
    """(type, field) for each step of a template path that names a field of a TypedDict."""
    steps = path.replace("[]", ".[]").split(".")
    for i, step in enumerate(steps):
        if step != "[]":
            parent = context_types.lookup(steps[:i])
            owner = next(
                cls
                for inside, cls in typedoc.typeddicts(parent)
                if not inside and step in get_type_hints(cls)
            )
            yield owner.__name__, step


@pytest.mark.parametrize("name", ["lkjip", "pk"])
def test_every_name_the_default_templates_use_is_in_the_reference(name: str) -> None:
    rows = reference_rows()
    missing = {
        f"{path} ({owner}.{field})"
        for path in template_paths(name)
        for owner, field in named_fields(path)
        if field not in rows.get(owner, set())
    }
    assert not missing, f"{name}.docx uses names docs/referensi-templat.md lacks: {missing}"


def test_the_reference_check_sees_a_missing_row() -> None:
    assert list(named_fields("tabel.pk.baris[].no")) == [
        ("Konteks", "tabel"),
        ("Tabel", "pk"),
        ("TabelPk", "baris"),
        ("BarisPk", "no"),
    ]
    assert "no" in reference_rows()["BarisPk"]
    assert "tidak_ada" not in reference_rows()["BarisPk"]


@pytest.mark.parametrize("root", ["Model", "Konteks"])
def test_every_type_and_field_says_what_it_means(root: str) -> None:
    start = Model if root == "Model" else Konteks
    silent = [
        f"{cls.__name__}.{field.name}"
        for cls in typedoc.reachable(start)
        for field in typedoc.fields(cls)
        if not field.meaning.strip()
    ]
    untitled = [cls.__name__ for cls in typedoc.reachable(start) if not typedoc.summary(cls)]
    assert not silent and not untitled, (silent, untitled)


def test_every_filter_has_a_computed_example() -> None:
    ours = set(environment({"pengaturan": {"desimal": 2, "rupiah": "puebi"}}).filters)
    ours -= {*DEFAULT_FILTERS, LOOP_GUARD}
    shown = {name for name, *_ in template_reference.FILTER_EXAMPLES}
    assert ours == shown
    page = TEMPLATE_PAGE.read_text(encoding="utf-8")
    assert "| `terbilang` | `{{ 1001000\\|terbilang }}` | `satu juta seribu` |" in page
