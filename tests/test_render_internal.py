"""What fails while a document is rendered is blamed on the right party: template code on the
template, lkjip's own processing after it on lkjip (an internal error, exit 70)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from lkjip_gen.build import report_model
from lkjip_gen.cli import main
from lkjip_gen.errors import TemplateError
from lkjip_gen.render import verify
from lkjip_gen.render.document import render_docx

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "examples" / "contoh-minimal"


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    return report_model(MINIMAL / "lkjip-2024.yaml")


def _fail(*args: Any) -> Any:
    # What lxml raised at 65,000 budget rows: an XPath node set over libxml2's limit.
    raise etree.XPathEvalError("unknown error")


def test_a_failure_after_the_template_ran_is_not_the_templates(
    model: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify, "parse_document", _fail)
    with pytest.raises(etree.XPathEvalError) as raised:
        render_docx(model)
    assert not isinstance(raised.value, TemplateError)


def test_the_cli_reports_it_as_internal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(MINIMAL, tmp_path / "kantor")
    path = tmp_path / "kantor" / "lkjip-2024.yaml"
    monkeypatch.setattr(verify, "parse_document", _fail)
    monkeypatch.delenv("LKJIP_DEBUG", raising=False)

    result = CliRunner().invoke(main, ["build", str(path)])

    assert result.exit_code == 70, result.output
    assert "kesalahan internal (bukan kesalahan data Anda)" in result.stderr
    assert "templat" not in result.stderr.split("Traceback")[0]
    assert not path.with_suffix(".docx").exists()


def test_a_table_inside_a_table_cell_is_rendered(
    model: dict[str, Any], tmp_path: Path, small_base: Path
) -> None:
    # A table that is not directly in the body takes docxtpl's own table repair.
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "{{ instansi.nama }}"
    inner = outer.cell(0, 1).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "{{ laporan.tahun }}"
    inner.cell(1, 0).text = "dalam"
    document.save(str(tmp_path / "sampul.docx"))
    (tmp_path / "templat.yaml").write_text(
        f"nama: kantor\nversi: 1.0\nmodel: 2\ndasar: {small_base}\n", encoding="utf-8"
    )

    built = docx.Document(io.BytesIO(render_docx(model, pack=tmp_path)))

    table = built.tables[0]
    assert table.cell(0, 0).text == model["instansi"]["nama"]
    nested = table.cell(0, 1).tables[0]
    assert [row.cells[0].text for row in nested.rows] == [str(model["laporan"]["tahun"]), "dalam"]
