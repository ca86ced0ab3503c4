"""Find the JSON Schema, validate data with it, say each problem in Bahasa Indonesia at its line."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from lkjip_gen.data import fastcheck, limits
from lkjip_gen.data.load import Document, Path_, format_path
from lkjip_gen.errors import Problem
from lkjip_gen.resources import schema_path

_TYPE_NAMES = {
    "object": "peta kunci: nilai",
    "array": "daftar (butir berawalan '- ')",
    "string": "teks",
    "number": "angka",
    "integer": "bilangan bulat",
    "boolean": "true atau false",
    "null": "kosong",
}


@cache
def load_schema() -> dict[str, Any]:
    with schema_path().open(encoding="utf-8") as f:
        schema: dict[str, Any] = json.load(f)
    return schema


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema(), format_checker=FormatChecker(["date"]))


def validate(doc: Document) -> list[Problem]:
    """Every schema problem of ``doc``, sorted by position."""
    return explain(doc, raw_errors(doc.data))


def explain(doc: Document, errors: Iterable[ValidationError]) -> list[Problem]:
    """Schema errors of ``doc`` as located Indonesian problems, sorted by position."""
    problems = [_translate(doc, err) for err in errors]
    return sorted(set(problems), key=lambda p: p.order)


def raw_errors(data: Any) -> Iterator[ValidationError]:
    """The schema's own errors for ``data`` (for cutting invalid parts out, data/partial.py)."""
    if fastcheck.passes(_fast_check(), data):
        return iter(())
    errors: Iterator[ValidationError] = _validator().iter_errors(data)
    return errors


@cache
def _fast_check() -> fastcheck.Check | None:
    return fastcheck.compiled(load_schema())


@cache
def validator(name: str) -> Draft202012Validator:
    """The validator of another schema of lkjip (``rekap``: the regency roll-up file)."""
    with schema_path(name).open(encoding="utf-8") as f:
        return Draft202012Validator(json.load(f), format_checker=FormatChecker(["date"]))


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "kosong"
    if isinstance(value, dict):
        return "sebuah peta"
    if isinstance(value, list):
        return "sebuah daftar"
    return limits.shown(value) if isinstance(value, str) else str(value)


def number_hint(text: str, *, integer: bool = False) -> str:
    """Why ``text`` is not a number, and the number the user most likely meant."""
    clean = text.strip()
    if len(clean) > limits.SHOWN_CHARS:
        return f"{limits.shown(clean)} bukan angka — tulis angka, misalnya 74.24"
    if re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?", clean) or re.fullmatch(
        r"-?[0-9]+,[0-9]+", clean
    ):
        fixed = clean.replace(".", "").replace(",", ".")
        return (
            f'"{text}" bukan angka — tulis tanpa pemisah ribuan dan dengan titik desimal: {fixed}'
        )
    example = "2024" if integer else "74.24"
    return f'"{text}" bukan angka — tulis angka, misalnya {example}'


def _number_hint(doc: Document, path: Path_, value: Any, *, integer: bool = False) -> str:
    return number_hint(doc.source_text.get(path, str(value)), integer=integer)


def _type_message(doc: Document, err: ValidationError) -> str:
    expected = err.validator_value
    types = expected if isinstance(expected, list) else [expected]
    path = tuple(err.absolute_path)
    if "number" in types or "integer" in types:
        if isinstance(err.instance, str):
            return _number_hint(doc, path, err.instance, integer="number" not in types)
        if "integer" in types and not isinstance(err.instance, (dict, list, bool)):
            return f"{_describe(err.instance)} harus bilangan bulat — tulis tanpa koma, misalnya 12"
    if (
        types == ["string"]
        and isinstance(err.instance, (int, float))
        and not isinstance(err.instance, bool)
    ):
        text = doc.source_text.get(path, str(err.instance))[: limits.SHOWN_CHARS]
        return f'harus berupa teks — tulis dengan tanda kutip: "{text}"'
    wanted = " atau ".join(_TYPE_NAMES.get(str(t), str(t)) for t in types)
    return f"harus berupa {wanted}, bukan {_describe(err.instance)}"


def _translate(doc: Document, err: ValidationError) -> Problem:
    path: Path_ = tuple(err.absolute_path)
    prefer_key = False
    kind = err.validator
    value = err.validator_value
    code = f"skema.{kind}"
    if is_key_error(err):
        # A key the object's propertyNames refuses: point at the key, not at the object.
        path = (*path, str(err.instance))
        prefer_key = True
        message = _key_message(path, err)
    elif kind == "type":
        message = _type_message(doc, err)
    elif kind == "required":
        missing = next((k for k in value if k not in (err.instance or {})), value[0])
        message = f"kunci wajib '{missing}' belum diisi — tambahkan {missing}: …"
        prefer_key = True
    elif kind == "additionalProperties":
        key, message = _unknown_key(err)
        path, prefer_key = (*path, key), True
    elif kind == "enum":
        choices = ", ".join(str(v) for v in value)
        message = f"{_describe(err.instance)} tidak dikenal — pilih salah satu: {choices}"
    elif kind == "const":
        message = f"harus bernilai {value}"
    elif kind == "pattern":
        message = _pattern_message(path, err.instance)
    elif kind == "format":
        message = (
            f"{_describe(err.instance)} bukan tanggal yang ada — tulis TTTT-BB-HH, misalnya "
            "2021-02-28"
        )
    elif kind == "minLength":
        message = "tidak boleh kosong — isi teksnya"
    elif kind == "minItems":
        message = f"daftar ini harus berisi paling sedikit {value} butir"
    elif kind == "maxItems":
        message = f"daftar ini paling banyak berisi {value} butir"
    elif kind == "minimum":
        message = f"{_describe(err.instance)} terlalu kecil — paling kecil {_bound(value)}"
    elif kind == "maximum":
        message = f"{_describe(err.instance)} terlalu besar — paling besar {_bound(value)}"
    elif kind == "uniqueItems":
        message = "ada butir yang ditulis dua kali — hapus salah satunya"
    elif kind == "minProperties":
        message = "tidak boleh kosong — isi paling sedikit satu kunci"
    elif kind in ("oneOf", "anyOf"):
        message = _one_of_message(doc, err)
    else:
        message = err.message
    loc = doc.locate(path, prefer_key=prefer_key)
    return Problem(loc.file, loc.line, loc.col, format_path(path), message, code)


def is_key_error(err: ValidationError) -> bool:
    """The error is about a key of an object (its ``propertyNames``), not about a value."""
    return "propertyNames" in err.relative_schema_path and isinstance(err.instance, str)


def _key_message(path: Path_, err: ValidationError) -> str:
    name = str(err.instance)
    if err.validator != "enum":
        return _pattern_message(path, name)
    choices = [str(c) for c in err.validator_value]
    guess = difflib.get_close_matches(name, choices, n=1)
    hint = f"mungkin maksudnya '{guess[0]}'" if guess else "kode yang boleh: " + ", ".join(choices)
    return f"kode peringatan {limits.shown(name)} tidak dikenal di catatan — {hint}"


def _unknown_key(err: ValidationError) -> tuple[str, str]:
    """The first key the schema does not allow, and a message with the likely meant one."""
    allowed = sorted(err.schema.get("properties", {}))
    key = sorted(k for k in err.instance if k not in allowed)[0]
    guess = difflib.get_close_matches(key, allowed, n=1)
    hint = f"mungkin maksudnya '{guess[0]}'" if guess else "kunci yang boleh: " + ", ".join(allowed)
    return key, f"kunci '{key}' tidak dikenal — {hint}"


def _pattern_message(path: Path_, value: Any) -> str:
    last = next((p for p in reversed(path) if isinstance(p, str)), "")
    shown = _describe(value)
    if last == "nip":
        return f'NIP {shown} hanya boleh berisi angka (18 digit), misalnya "196105221986081001"'
    if last == "golongan":
        return f"golongan {shown} tidak dikenal — tulis seperti IV/c atau III/a"
    if last in ("tanggal", "tanggal_pk"):
        return f"tanggal {shown} harus ditulis TTTT-BB-HH, misalnya 2021-02-28"
    if last == "warna":
        return f"warna {shown} harus kode heksadesimal, misalnya #00B050"
    if re.fullmatch(r"[0-9]+", str(value)) or path and path[-2:-1] in (("target",), ("riwayat",)):
        return f"tahun {shown} harus empat angka, misalnya 2022"
    return (
        f"pengenal {shown} tidak sah — gunakan huruf, angka, titik, garis bawah atau tanda "
        "hubung tanpa spasi, misalnya S1 atau IKU-1.2"
    )


def _bound(value: Any) -> str:
    """A schema bound as users read numbers: 1000000 → 1.000.000."""
    return limits.count(value) if isinstance(value, int) else str(value)


def _range_message(instance: Any, options: list[Any]) -> str | None:
    """A number outside the bounds of the number option of a oneOf, said as such."""
    if isinstance(instance, bool) or not isinstance(instance, (int, Decimal)):
        return None
    for option in options:
        if isinstance(option, dict) and "maximum" in option:
            low, high = option["minimum"], option["maximum"]
            if not low <= instance <= high:
                return (
                    f"{_describe(instance)} di luar jangkauan — paling kecil {_bound(low)}, "
                    f"paling besar {_bound(high)}"
                )
    return None


def _one_of_message(doc: Document, err: ValidationError) -> str:
    instance = err.instance
    path = tuple(err.absolute_path)
    options = err.validator_value
    out_of_range = _range_message(instance, options)
    if out_of_range:
        return out_of_range
    refs = {o.get("$ref", "") for o in options if isinstance(o, dict)}
    types = {o.get("type") for o in options if isinstance(o, dict)}
    if isinstance(instance, str) and ("number" in types or "#/$defs/nilai" in refs):
        return _number_hint(doc, path, instance)
    if "#/$defs/id" in refs:
        return f"{_describe(instance)} bukan id sasaran — tulis satu id (S1) atau daftar [S1, S2]"
    if "object" in types and "number" in types and "string" in types:
        return (
            f"{_describe(instance)} tidak dapat dipakai — tulis angka (74.24), teks predikat "
            "(B), atau rentang {min: 80, maks: 90}"
        )
    # Fall back to the most relevant sub-error, so the user still gets a concrete reason.
    if err.context:
        best = min(err.context, key=lambda e: len(list(e.absolute_path)))
        if best.validator in ("enum", "type", "required", "additionalProperties", "pattern"):
            return _translate(doc, best).message
    choices: list[str] = []
    for option in options:
        if isinstance(option, dict) and "enum" in option:
            choices.extend(str(v) for v in option["enum"])
    if choices:
        listed = ", ".join(choices)
        return (
            f"{_describe(instance)} tidak dikenal — pilih salah satu: {listed}, atau tulis "
            "daftar sendiri"
        )
    return f"{_describe(instance)} tidak sesuai bentuk yang diharapkan"
