"""Tests for the markdown-lite narrative parser and its Word paragraphs."""

from __future__ import annotations

from lkjip_gen.render.narrative import Paragraph, Run, parse, render, to_xml


def kinds(text: str) -> list[tuple[str, int, str]]:
    return [(p.jenis, p.tingkat, "".join(r.teks for r in p.runs)) for p in parse(text)]


def test_paragraphs_join_lines_and_split_on_blank_lines() -> None:
    assert kinds("Satu\ndua baris.\n\nParagraf kedua.") == [
        ("paragraf", 1, "Satu dua baris."),
        ("paragraf", 1, "Paragraf kedua."),
    ]


def test_list_markers_and_nesting() -> None:
    text = (
        "Tujuan:\n1. pertama\n   lanjutan\n2) kedua\n  - rinci\n  a. huruf dalam\n"
        "b. huruf\n* bintang"
    )
    assert kinds(text) == [
        ("paragraf", 1, "Tujuan:"),
        ("angka", 1, "pertama lanjutan"),
        ("angka", 1, "kedua"),
        ("butir", 2, "rinci"),
        ("huruf", 2, "huruf dalam"),
        ("huruf", 1, "huruf"),
        ("butir", 1, "bintang"),
    ]


def test_capital_letter_and_numbers_in_text_are_not_lists() -> None:
    assert kinds("A. Yani adalah nama jalan.\n\n2024 adalah tahun laporan.") == [
        ("paragraf", 1, "A. Yani adalah nama jalan."),
        ("paragraf", 1, "2024 adalah tahun laporan."),
    ]


def test_bold_italic_and_lone_asterisks() -> None:
    (p,) = parse("**Tebal *miring dalam*** dan 5 * 3 = 15, *miring*")
    assert p.runs == [
        Run("Tebal ", tebal=True),
        Run("miring dalam", tebal=True, miring=True),
        Run(" dan 5 * 3 = 15, "),
        Run("miring", miring=True),
    ]


def test_xml_escapes_text_and_names_styles() -> None:
    xml = str(to_xml([Paragraph("butir", 2, [Run("A & <B>", tebal=True)])]))
    assert '<w:pStyle w:val="ListBullet2"/>' in xml
    assert "A &amp; &lt;B&gt;" in xml and "<w:b/>" in xml


def test_empty_text_renders_nothing() -> None:
    assert render(None) is None
    assert render("  \n\n ") is None
