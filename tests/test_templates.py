"""Tests for the templates themselves: reproducible generation, the sandbox, broken templates."""

from __future__ import annotations

import importlib.util
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from lkjip_gen.build import report_model
from lkjip_gen.errors import TemplateError
from lkjip_gen.render import context
from lkjip_gen.render.contract import TEMPLATE_NAMES
from lkjip_gen.render.document import render_docx
from lkjip_gen.render.lint import static_problems
from lkjip_gen.render.pack import open_pack

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates" / "default"
MINIMAL = ROOT / "examples" / "contoh-minimal" / "lkjip-2024.yaml"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_templates", ROOT / "tools" / "make_templates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_committed_templates_are_what_the_generator_writes(tmp_path: Path) -> None:
    written = _generator().main(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in TEMPLATES.iterdir())
    for path in written:
        same = (
            parts(path) == parts(TEMPLATES / path.name)
            if path.suffix == ".docx"
            else path.read_bytes() == (TEMPLATES / path.name).read_bytes()
        )
        assert same, f"{path.name} berbeda: jalankan make templates dan commit hasilnya"


def test_the_contract_lists_what_the_context_provides() -> None:
    model = report_model(MINIMAL)
    assert set(context.build(model, None)) == TEMPLATE_NAMES


def test_the_default_pack_lints_clean() -> None:
    assert static_problems(open_pack("default")) == []


def test_templates_keep_real_styles_for_word_users() -> None:
    document = docx.Document(str(TEMPLATES / "gaya.docx"))
    names = {s.name for s in document.styles}
    for style in (
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Body Text",
        "List Bullet",
        "List Number",
        "Daftar Huruf",
        "Judul Tabel",
        "Isi Tabel",
        "Kepala Tabel",
        "Tabel LKjIP",
    ):
        assert style in names


# ---------------------------------------------------------------- the sandbox


@pytest.fixture
def one_paragraph_template(small_base: Path) -> Callable[[Path, str], Path]:
    """Makes a pack whose bab1 is one paragraph holding a text; the rest is ``small_base``'s
    (what a part's tag does is the same in a whole report, rendered in test_template_packs)."""

    def make(folder: Path, text: str) -> Path:
        document = docx.Document()
        document.add_paragraph(text)
        document.save(str(folder / "bab1.docx"))
        (folder / "templat.yaml").write_text(
            f"nama: uji\nversi: 1\nmodel: 2\ndasar: {small_base}\n", encoding="utf-8"
        )
        return folder

    return make


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    return report_model(MINIMAL)


@pytest.fixture
def with_logo(model: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    from tests.test_render import png

    (tmp_path / "logo.png").write_bytes(png())
    return {**model, "instansi": {**model["instansi"], "logo": str(tmp_path / "logo.png")}}


@pytest.mark.parametrize(
    "tag",
    [
        "{{ instansi.__class__ }}",
        "{{ instansi.nama.__class__.__mro__ }}",
        "{{ gambar.logo.tpl }}",
        "{{ gambar.logo.tpl.save('/tmp/x.docx') }}",
        "{{ gambar.logo.image_descriptor }}",
        "{{ narasi.kata_pengantar.__html__ }}",
        "{{ ringkasan.items.__self__ }}",
        "{{ lipsum.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ range.__self__ }}",
    ],
)
def test_template_cannot_reach_python_internals_or_docxtpl(
    with_logo: dict[str, Any],
    tmp_path: Path,
    one_paragraph_template: Callable[[Path, str], Path],
    tag: str,
) -> None:
    folder = one_paragraph_template(tmp_path, tag)
    with pytest.raises(TemplateError) as raised:
        render_docx(with_logo, pack=folder)
    message = str(raised.value)
    assert "bab1.docx" in message
    assert tag in message or "terlarang" in message


@pytest.mark.parametrize(
    "tag",
    [
        "{% include '/etc/passwd' %}",
        "{% import '/etc/passwd' as x %}",
        "{% extends 'lkjip.docx' %}",
    ],
)
def test_template_cannot_read_files(
    model: dict[str, Any],
    tmp_path: Path,
    one_paragraph_template: Callable[[Path, str], Path],
    tag: str,
) -> None:
    folder = one_paragraph_template(tmp_path, tag)
    with pytest.raises(TemplateError, match="bab1.docx"):
        render_docx(model, pack=folder)


def test_tpl_is_not_in_the_context(
    model: dict[str, Any], tmp_path: Path, one_paragraph_template: Callable[[Path, str], Path]
) -> None:
    folder = one_paragraph_template(tmp_path, "{{ tpl.save }}")
    with pytest.raises(
        TemplateError, match=r"«tpl» di tag \{\{ tpl\.save \}\} bukan isian templat"
    ):
        render_docx(model, pack=folder)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "{{ instansi.namaa }}",
            r"variabel tidak dikenal: .*namaa.* di tag \{\{ instansi\.namaa \}\}",
        ),
        ("{% if %}", r"sintaks salah di tag \{% if %\}: isi tag kosong"),
        ("{% %}", r"sintaks salah di tag \{% %\}: nama perintah tidak ada setelah \{%"),
        ("Halo {{ instansi.nama ", r"tag «\{\{ instansi.nama» tidak ditutup di paragraf"),
        ("{{ instansi.nama|tidak_ada }}", r"tidak_ada"),
        ("{{ instansi.nama|angka }}", r"di tag \{\{ instansi\.nama\|angka \}\}"),
    ],
)
def test_broken_template_names_file_and_tag(
    model: dict[str, Any],
    tmp_path: Path,
    one_paragraph_template: Callable[[Path, str], Path],
    text: str,
    expected: str,
) -> None:
    folder = one_paragraph_template(tmp_path, text)
    with pytest.raises(TemplateError, match="bab1.docx") as raised:
        render_docx(model, pack=folder)
    assert __import__("re").search(expected, str(raised.value)), str(raised.value)


def test_missing_or_unreadable_template(
    model: dict[str, Any], tmp_path: Path, one_paragraph_template: Callable[[Path, str], Path]
) -> None:
    with pytest.raises(TemplateError, match="folder templat tidak ditemukan"):
        render_docx(model, pack=tmp_path / "tidak-ada")
    with pytest.raises(TemplateError, match="templat.yaml tidak ada"):
        render_docx(model, pack=tmp_path)
    one_paragraph_template(tmp_path, "x")
    (tmp_path / "bab1.docx").write_text("bukan docx")
    with pytest.raises(TemplateError, match="bab1.docx: dokumen: bukan dokumen Word"):
        render_docx(model, pack=tmp_path)


def test_user_text_is_never_template_code(
    model: dict[str, Any], tmp_path: Path, one_paragraph_template: Callable[[Path, str], Path]
) -> None:
    """Data that looks like Jinja is printed, not executed."""
    sneaky = {**model, "instansi": {**model["instansi"], "nama": "{{ 7*7 }} {% raw %}"}}
    folder = one_paragraph_template(tmp_path, "[{{ instansi.nama }}]")
    data = render_docx(sneaky, pack=folder)
    import io

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "[{{ 7*7 }} {% raw %}]" in text


def test_every_jinja_message_formats_with_what_its_pattern_captures() -> None:
    """A brace in a message must be doubled, or str.format fails on the message itself."""
    from lkjip_gen.render.jinja_text import _PATTERNS

    for pattern, message in _PATTERNS:
        if isinstance(message, str):
            filled = message.format(*[f"«{n}»" for n in range(pattern.groups)])
            assert all(f"«{n}»" in filled for n in range(pattern.groups)), message
