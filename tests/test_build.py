"""The build pipeline: nothing is written for bad data or a failed step; old outputs survive."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_gen.build import build
from lkjip_gen.cli import main
from lkjip_gen.errors import TemplateError, ToolMissingError, ValidationFailed
from lkjip_gen.output import pdf as pdf_module
from lkjip_gen.render.pack import copy_default

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "contoh-minimal"


@pytest.fixture
def office(tmp_path: Path) -> Path:
    for name in ("profil.yaml", "lkjip-2024.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_build_writes_the_docx_next_to_the_data(office: Path) -> None:
    (docx,) = build(office / "lkjip-2024.yaml")
    assert docx == office / "lkjip-2024.docx"
    (pk,) = build(office / "lkjip-2024.yaml", document="pk")
    assert pk.name == "lkjip-2024-pk.docx"


def test_invalid_data_writes_nothing_and_keeps_old_output(office: Path) -> None:
    build(office / "lkjip-2024.yaml", office / "hasil")
    before = snapshot(office / "hasil")
    year = office / "lkjip-2024.yaml"
    year.write_text(
        year.read_text(encoding="utf-8").replace("realisasi: 372", "realisasi: x"), encoding="utf-8"
    )
    with pytest.raises(ValidationFailed):
        build(year, office / "hasil")
    assert snapshot(office / "hasil") == before


def test_strict_refuses_warnings(office: Path) -> None:
    year = office / "lkjip-2024.yaml"
    year.write_text(
        year.read_text(encoding="utf-8").replace("realisasi: 372", "realisasi: 3.72"),
        encoding="utf-8",
    )
    build(year, office / "biasa")  # a warning alone does not stop a build …
    with pytest.raises(ValidationFailed):
        build(year, office / "ketat", strict=True)  # … unless strict
    assert not (office / "ketat").exists()


def test_failed_render_keeps_old_output(office: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(office / "lkjip-2024.yaml", office / "hasil")
    before = snapshot(office / "hasil")

    def broken(*args: object, **kwargs: object) -> bytes:
        raise TemplateError("lkjip.docx: templat rusak")

    monkeypatch.setattr("lkjip_gen.render.document.render_docx", broken)
    with pytest.raises(TemplateError):
        build(office / "lkjip-2024.yaml", office / "hasil")
    assert snapshot(office / "hasil") == before


def test_failed_pdf_keeps_the_old_docx_too(office: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = office / "hasil"
    out.mkdir()
    (out / "lkjip-2024.docx").write_bytes(b"versi lama")
    (out / "lkjip-2024.pdf").write_bytes(b"versi lama")
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    with pytest.raises(ToolMissingError):
        build(office / "lkjip-2024.yaml", out, formats=("docx", "pdf"))
    assert snapshot(out) == {"lkjip-2024.docx": b"versi lama", "lkjip-2024.pdf": b"versi lama"}


def test_pdf_without_libreoffice_says_how_to_install(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    result = CliRunner().invoke(main, ["build", str(office / "lkjip-2024.yaml"), "-f", "pdf"])
    assert result.exit_code == 1
    assert "LibreOffice" in result.output and "apt-get install" in result.output
    assert "Traceback" not in result.output


def test_an_offices_own_template_folder_next_to_its_profile(office: Path) -> None:
    own = office / "templat-kami"
    copy_default(own)
    profile = office / "profil.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace(
            "pengaturan:\n", "pengaturan:\n  templat: templat-kami\n"
        ),
        encoding="utf-8",
    )
    year = office / "tahun" / "lkjip-2024.yaml"  # the year file lives elsewhere than the profile
    year.parent.mkdir()
    text = (office / "lkjip-2024.yaml").read_text(encoding="utf-8")
    year.write_text(text.replace("profil: profil.yaml", "profil: ../profil.yaml"), "utf-8")
    (docx,) = build(year)
    assert docx.is_file()
    (own / "pk.docx").unlink()  # taken from the default (dasar: default)
    assert build(year) == [docx]
    shutil.rmtree(own)
    with pytest.raises(ValidationFailed) as caught:
        build(year)
    assert str(caught.value.problems[0]).endswith(
        f"templat 'templat-kami' bukan templat bawaan (default) dan {own} tidak ditemukan — "
        "jalurnya dibaca relatif terhadap berkas ini; buat dengan: lkjip templat salin FOLDER "
        "[cek.templat]"
    )
