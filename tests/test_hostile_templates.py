"""Hostile templates: refused before rendering, bounded in rendering, isolated in conversion."""

from __future__ import annotations

import http.server
import os
import re
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest

from lkjip_gen.build import report_model
from lkjip_gen.errors import TemplateError
from lkjip_gen.output.pdf import convert, find_soffice
from lkjip_gen.render.document import render_docx
from lkjip_gen.render.pack import PARTS
from lkjip_gen.render.sanitize import UNREADABLE, find_hostile
from tests.hostile import scrambled, template
from tests.test_render import png

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "examples" / "contoh-minimal" / "lkjip-2024.yaml"


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    return report_model(MINIMAL)


def office_pack(folder: Path, base: str | Path = "default") -> Path:
    """An office's pack in ``folder``: every part from ``base`` but the one a test writes."""
    (folder / "templat.yaml").write_text(
        f"nama: kantor\nversi: 1.0\nmodel: 2\ndasar: {base}\n", encoding="utf-8"
    )
    return folder


def one_paragraph(folder: Path, text: str, base: Path) -> Path:
    """A pack whose cover (sampul) is one paragraph holding ``text``, on the small base pack
    (conftest.small_base: the sandbox bounds one tag the same in any document)."""
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(folder / "sampul.docx"))
    return office_pack(folder, base)


# ------------------------------------------------------------------ the sanitizer


def test_default_templates_are_clean() -> None:
    parts = sorted((ROOT / "templates" / "default").glob("*.docx"))
    assert len(parts) == len(PARTS)
    for part in parts:
        assert find_hostile(part) == [], part.name


def test_every_kind_of_hostile_content_is_found(tmp_path: Path) -> None:
    path = template(
        tmp_path,
        images=("http://127.0.0.1:9/a.png", "file:///etc/hostname"),
        attached="http://contoh.invalid/templat.dotm",
        macro=True,
        fields=(
            'DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"',
            'INCLUDETEXT "c:/x.docx"',
        ),
        simple_fields=('INCLUDEPICTURE "http://127.0.0.1:9/b.png"', "DDE excel x"),
        alt_chunk=True,
        hyperlink="https://www.menpan.go.id/",
    )
    found = [str(f) for f in find_hostile(path)]
    expected = [
        "word/document.xml: sisipan altChunk",
        "word/document.xml: kode bidang INCLUDEPICTURE memuat isi dari luar dokumen",
        "word/document.xml: kode bidang DDE memuat",
        "word/document.xml: kode bidang DDEAUTO memuat",
        "word/document.xml: kode bidang INCLUDETEXT memuat",
        "word/document.xml: gambar diambil dari luar dokumen: http://127.0.0.1:9/a.png",
        "word/document.xml: gambar diambil dari luar dokumen: file:///etc/hostname",
        "word/settings.xml: templat terlampir (attachedTemplate) diambil dari luar dokumen",
        "word/vbaProject.bin: makro VBA (vbaProject.bin)",
    ]
    for start in expected:
        assert any(f.startswith(start) for f in found), (start, found)
    assert len(found) == len(expected)
    assert all(" — " in f for f in found)  # each says how to remove it
    assert find_hostile(path.read_bytes()) == find_hostile(path)


def test_a_damaged_template_cannot_be_checked_so_is_refused() -> None:
    blob = (ROOT / "templates" / "default" / "bab1.docx").read_bytes()
    assert find_hostile(scrambled(blob, "word/document.xml")) == [UNREADABLE]


def test_a_web_hyperlink_is_fine(tmp_path: Path) -> None:
    assert find_hostile(template(tmp_path, hyperlink="https://www.menpan.go.id/")) == []
    found = find_hostile(template(tmp_path, hyperlink="file:///etc/passwd"))
    assert [f.what for f in found] == ["tautan diambil dari luar dokumen: file:///etc/passwd"]


def test_render_refuses_a_hostile_template_listing_every_finding(
    model: dict[str, Any], tmp_path: Path
) -> None:
    template(
        tmp_path,
        images=("http://127.0.0.1:9/a.png",),
        macro=True,
        fields=("DDE a b",),
        name="sampul",
    )
    with pytest.raises(TemplateError) as raised:
        render_docx(model, pack=office_pack(tmp_path))
    lines = str(raised.value).splitlines()
    refused = [line for line in lines if line.endswith("[templat.berbahaya]")]
    assert len(refused) == 3, lines
    assert all("sampul.docx: " in line for line in refused), refused


# ------------------------------------------------------------------ the sandbox


@pytest.mark.parametrize(
    "tag, expected",
    [
        ("{{ dasar_hukum.append('x') }}", "akses terlarang: atribut 'append' dari objek list"),
        ("{{ instansi.update({'nama': 'x'}) }}", "akses terlarang: atribut 'update'"),
        ("{{ range(10**9)|list|length }}", "range() paling banyak 100.000 butir"),
        (
            "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
            "perulangan templat melebihi 2.000.000 langkah",
        ),
        ("{{ 'a' * 10**9 }}", "hasil perkalian teks atau daftar terlalu besar"),
        ("{{ '{:>999999999}'.format(1) }}", "lebar atau presisi format paling besar 10.000"),
        ("{{ '%999999999d' % 1 }}", "lebar atau presisi format paling besar 10.000"),
        ("{{ 'x'|center(999999999) }}", "lebar atau presisi format paling besar 10.000"),
        ("{{ 2**100000000 }}", "hasil pangkat terlalu besar"),
        ("{% set s = 'a'*999999 %}{{ s|replace('a', s) }}", "hasil replace terlalu besar"),
        ("{% macro f(n) %}{{ f(n+1) }}{% endmacro %}{{ f(1) }}", "rekursi terlalu dalam"),
        ("{{ 1/0 }}", "pembagian dengan nol"),
        ("{{ '</w:t></w:r></w:p><w:p>'|safe }}", "hasil templat bukan XML yang utuh"),
        (
            "{% for i in range(20) %}{{ 'a' * 600000 }}{% endfor %}",
            "hasil templat bukan XML yang utuh",
        ),
    ],
)
def test_template_mistakes_and_attacks_are_templat_gagal(
    model: dict[str, Any], tmp_path: Path, small_base: Path, tag: str, expected: str
) -> None:
    with pytest.raises(TemplateError) as raised:
        # lint=False: the sandbox itself, as if the linter had missed the tag.
        render_docx(model, pack=one_paragraph(tmp_path, tag, small_base), lint=False)
    message = str(raised.value)
    assert "sampul.docx: dokumen" in message.splitlines()[0], message
    assert expected in message, message
    assert model["dasar_hukum"] and "x" not in model["dasar_hukum"]


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="memory cap is Linux-only")
def test_a_template_building_gigabytes_hits_the_memory_cap(
    model: dict[str, Any], tmp_path: Path, small_base: Path
) -> None:
    tag = "{% set s = ['a'*999999] %}{{ (s*999999)|join }}"
    with pytest.raises(TemplateError, match="memori tidak cukup"):
        render_docx(model, pack=one_paragraph(tmp_path, tag, small_base), lint=False)


# ------------------------------------------------------------- PDF conversion isolated


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A web server on 127.0.0.1 that records every request and answers with a PNG."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            requests.append(self.path)
            body = png(9, 9)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = socketserver.TCPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.libreoffice
@pytest.mark.parametrize("isolated", [True, False], ids=["namespace", "profile-only"])
def test_forced_build_of_a_hostile_template_reaches_nothing(
    model: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    server: tuple[str, list[str]],
    isolated: bool,
) -> None:
    """A hostile document converted as it is (sanitizer and pack assembly bypassed, as a forced
    build would): LibreOffice still fetches no URL and embeds no local file."""
    if find_soffice() is None:
        pytest.skip("LibreOffice tidak terpasang")
    url, requests = server
    secret = tmp_path / "rahasia.png"
    secret.write_bytes(png(7, 5))
    folder = tmp_path / "templat"
    folder.mkdir()
    hostile = template(
        folder,
        images=(f"{url}/gambar.png", secret.as_uri()),
        fields=(f'INCLUDEPICTURE "{url}/bidang.png"',),
        macro=True,
    )
    if not isolated:
        monkeypatch.setenv("LKJIP_NO_UNSHARE", "1")
        from lkjip_gen.output import soffice

        soffice.isolation.cache_clear()
        monkeypatch.setattr(soffice, "isolation", lambda: ())
    pdf = convert(hostile.read_bytes(), tmp_path / "lkjip.pdf")
    assert requests == []
    assert len(re.findall(rb"/Subtype\s*/Image", pdf)) == 0  # neither URL nor file image


@pytest.mark.libreoffice
def test_the_namespace_alone_blocks_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: tuple[str, list[str]]
) -> None:
    """Without the profile setting, the network namespace still stops the request."""
    from lkjip_gen.output import pdf as pdf_module
    from lkjip_gen.output import soffice

    if find_soffice() is None or not soffice.isolation():
        pytest.skip("LibreOffice atau unshare tidak tersedia")
    url, requests = server
    profile = dict(pdf_module._PROFILE_FILES)
    key = "registrymodifications.xcu"
    profile[key] = re.sub(
        r"<item[^\n]*Security/Scripting.*?</item>\n", "", profile[key], flags=re.S
    )
    assert "BlockUntrustedRefererLinks" not in profile[key]
    monkeypatch.setattr(pdf_module, "_PROFILE_FILES", profile)
    convert(
        template(tmp_path, text="Halo", images=(f"{url}/a.png",)).read_bytes(), tmp_path / "x.pdf"
    )
    assert requests == []
