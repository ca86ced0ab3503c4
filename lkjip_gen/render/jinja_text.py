"""Jinja's error messages in Bahasa Indonesia, so that no English reaches a template's author."""

from __future__ import annotations

import re

import jinja2
from jinja2.exceptions import SecurityError

from lkjip_gen.render.sandbox import LimitError

_TOKENS = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "end of template": "akhir templat",
    "name": "nama",
}


def _token(text: str) -> str:
    return _TOKENS.get(text, text)


def _innermost(text: str) -> str:
    block = re.search(r"innermost block that needs to be closed is '(\w+)'", text)
    return block.group(1) if block else ""


def _unknown_tag(m: re.Match[str]) -> str:
    tag, block = m.group(1), _innermost(m.string)
    if block:
        return (
            f"tag «{tag}» tidak pada tempatnya: blok «{block}» yang terbuka sebelumnya belum "
            f"ditutup — tambahkan {{% end{block} %}} di tempat yang benar"
        )
    if tag.startswith("end"):
        return f"tag «{tag}» tanpa pembuka {{% {tag[3:]} … %}} — hapus atau tambahkan pembukanya"
    return f"tag «{tag}» tidak dikenal — periksa ejaannya"


def _unexpected_end(m: re.Match[str]) -> str:
    block = _innermost(m.string)
    if block:
        return f"blok «{block}» tidak pernah ditutup — tambahkan {{% end{block} %}}"
    return "tag belum ditutup — }} atau %} hilang"


_PATTERNS: list[tuple[re.Pattern[str], object]] = [
    (re.compile(r"'([^']+)' is undefined"), "«{0}» tidak dikenal"),
    (re.compile(r"'[^']+' has no attribute '([^']+)'"), "«{0}» tidak ada"),
    (re.compile(r"'[^']+' object has no attribute '([^']+)'"), "«{0}» tidak ada"),
    (re.compile(r"No filter named '([^']+)'"), "filter «{0}» tidak dikenal — periksa ejaannya"),
    (re.compile(r"No test named '([^']+)'"), "uji «{0}» tidak dikenal"),
    (re.compile(r"Encountered unknown tag '([^']+)'"), _unknown_tag),
    (re.compile(r"[Uu]nexpected end of template"), _unexpected_end),
    (
        re.compile(r"expected token '([^']+)', got '([^']+)'"),
        lambda m: (
            f"tag tidak lengkap atau salah tulis: «{_token(m.group(2))}» muncul padahal "
            f"seharusnya «{_token(m.group(1))}»"
        ),
    ),
    (re.compile(r"tag name expected"), "nama perintah tidak ada setelah {{%"),
    (
        re.compile(r"Expected an expression, got '([^']+)'"),
        lambda m: f"isi tag kosong atau terpotong sebelum «{_token(m.group(1))}»",
    ),
    (re.compile(r"unexpected char '(.)'"), "tanda «{0}» tidak boleh di dalam tag"),
    (re.compile(r"unexpected '([^']+)'"), "tanda «{0}» tidak diharapkan di sini"),
    (re.compile(r"access to attribute '([^']+)'"), "akses ke atribut «{0}» terlarang"),
    (re.compile(r"[Bb]lock '([^']+)' defined twice"), "blok «{0}» ditulis dua kali"),
]


_PYTHON_ERRORS: dict[type[Exception], str] = {
    RecursionError: "rekursi terlalu dalam",
    ZeroDivisionError: "pembagian dengan nol",
    MemoryError: "memori tidak cukup",
}


def jinja_message(error: Exception) -> str:
    """``error`` (from Jinja, a filter or our sandbox) as one Indonesian sentence."""
    text = str(getattr(error, "message", None) or error)
    if isinstance(error, (jinja2.TemplateNotFound, LimitError)) or (
        isinstance(error, SecurityError) and "terlarang" in text
    ):
        return text  # our own sandbox's messages are Indonesian already
    for kind, message in _PYTHON_ERRORS.items():
        if isinstance(error, kind):
            return message
    for pattern, replacement in _PATTERNS:
        m = pattern.search(text)
        if m:
            if isinstance(replacement, str):
                return replacement.format(*m.groups())
            return str(replacement(m))  # type: ignore[operator]
    if isinstance(error, (TypeError, ValueError)) and not isinstance(error, jinja2.TemplateError):
        return "nilai ini tidak dapat diolah oleh filter di tag — periksa filter yang dipakai"
    return "isi tag tidak dapat dibaca — periksa ejaan dan tanda kurungnya"
