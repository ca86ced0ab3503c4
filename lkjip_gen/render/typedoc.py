"""Read the model and context TypedDicts for their references: fields, types and meanings.

A field's meaning is the string literal written under it in its class; a field without one is
looked up where its class says it comes from: the schema (``data_types.SCHEMA_PATHS``) or the
model class a context class restates (``context_types.MIRRORS``). Types are written out in
English (Python) for docs/model.md and in Indonesian for docs/referensi-templat.md.
"""

from __future__ import annotations

import ast
import inspect
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints, is_typeddict

from docxtpl import InlineImage

from lkjip_gen.compute.data_types import SCHEMA_PATHS, Nilai
from lkjip_gen.data import fieldref
from lkjip_gen.render.context_types import MIRRORS
from lkjip_gen.render.narrative import Paragraphs
from lkjip_gen.render.planning_types import SelKosong, VMerge

Lang = Literal["en", "id"]

# Named unions, written by name (and explained once) instead of member by member.
ALIASES: dict[str, Any] = {"Nilai": Nilai, "VMerge": VMerge, "SelKosong": SelKosong}
_NAMES: dict[Any, tuple[str, str]] = {
    str: ("str", "teks"),
    int: ("int", "bilangan bulat"),
    bool: ("bool", "true/false"),
    Decimal: ("Decimal", "angka"),
    type(None): ("None", "kosong"),
    Paragraphs: ("Paragraphs", "paragraf Word"),
    InlineImage: ("InlineImage", "gambar"),
}


@dataclass(frozen=True)
class Field:
    """One key of a TypedDict: its name, type and meaning."""

    name: str
    type: Any
    meaning: str


def fields(cls: Any) -> list[Field]:
    """The keys of ``cls`` in declaration order (inherited ones first), each with its meaning."""
    return [Field(name, kind, meaning(cls, name)) for name, kind in get_type_hints(cls).items()]


def meaning(cls: Any, name: str) -> str:
    """What field ``name`` of ``cls`` means; "" when nothing says it."""
    own = _docstrings(cls).get(name)
    if own:
        return own
    for base in _bases(cls):
        if name in get_type_hints(base):
            return meaning(base, name)
    if cls.__name__ in SCHEMA_PATHS:
        node = fieldref.lookup((*SCHEMA_PATHS[cls.__name__], name))
        if node is not None:
            return fieldref.description(node)
    mirror = MIRRORS.get(cls.__name__)
    if mirror is not None and name in get_type_hints(mirror):
        return meaning(mirror, name)
    return ""


def summary(cls: Any) -> str:
    """The first paragraph of a class's docstring."""
    text = inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0]
    return text.replace("\n", " ").replace("``", "`")


def reachable(root: Any) -> list[Any]:
    """``root`` and every TypedDict its fields lead to, depth first, each once."""
    found: list[Any] = []

    def visit(cls: Any) -> None:
        if cls in found:
            return
        found.append(cls)
        for field in fields(cls):
            for _, inner in typeddicts(field.type):
                visit(inner)

    visit(root)
    return found


def typeddicts(kind: Any, steps: str = "") -> Iterator[tuple[str, Any]]:
    """The TypedDicts a type leads to, each with the path steps to it.

    ``list[Indikator] | None`` gives ``("[]", Indikator)``.
    """
    if is_typeddict(kind):
        yield steps, kind
    elif get_origin(kind) is list:
        yield from typeddicts(get_args(kind)[0], f"{steps}[]")
    else:
        for arg in get_args(kind):
            yield from typeddicts(arg, steps)


def label(kind: Any, lang: Lang) -> str:
    """A type written out for a Markdown table, linking TypedDicts to their sections."""
    en = lang == "en"
    present = members(kind)
    matched = {
        name: members(alias)
        for name, alias in ALIASES.items()
        if all(m in present for m in members(alias))
    }
    if matched:
        labels: list[str] = []
        for member in present:
            owner = next((n for n, ms in matched.items() if member in ms), None)
            text = label(member, lang) if owner is None else f"[{owner}](#{owner.lower()})"
            if text not in labels:
                labels.append(text)
        return _either(labels, lang)
    if kind in _NAMES:
        return _NAMES[kind][0 if en else 1]
    if is_typeddict(kind):
        return f"[{kind.__name__}](#{kind.__name__.lower()})"
    origin = get_origin(kind)
    if origin is list:
        inner = label(get_args(kind)[0], lang)
        return f"list[{inner}]" if en else f"daftar {inner}"
    if origin is dict:
        key, value = (label(arg, lang) for arg in get_args(kind))
        return f"dict[{key}, {value}]" if en else f"peta {key} → {value}"
    if origin is Literal:
        values = [f"`{v}`" if v else '`""`' for v in get_args(kind)]
        return " \\| ".join(values) if en else "pilihan: " + ", ".join(values)
    if origin in (Union, types.UnionType):
        return _either([label(m, lang) for m in get_args(kind)], lang)
    raise TypeError(f"no label for {kind!r}")


def _either(labels: list[str], lang: Lang) -> str:
    return (" \\| " if lang == "en" else " atau ").join(labels)


def members(kind: Any) -> tuple[Any, ...]:
    """The members of a union, nested unions flattened; a plain type is its only member."""
    if get_origin(kind) in (Union, types.UnionType):
        return tuple(m for arg in get_args(kind) for m in members(arg))
    return (kind,)


def _bases(cls: Any) -> list[Any]:
    """The TypedDicts ``cls`` extends, as written in its class statement."""
    node = _class_node(cls)
    module = sys.modules[cls.__module__]
    names = [b.id for b in node.bases if isinstance(b, ast.Name) and b.id != "TypedDict"]
    return [getattr(module, name) for name in names]


def _docstrings(cls: Any) -> dict[str, str]:
    """The string literal under each annotated field of ``cls`` (not its bases)."""
    body = _class_node(cls).body
    found = {}
    for field, after in zip(body, body[1:], strict=False):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            found[field.target.id] = inspect.cleandoc(after.value.value).replace("\n", " ")
    return found


def _class_node(cls: Any) -> ast.ClassDef:
    for node in _module_tree(cls.__module__).body:
        if isinstance(node, ast.ClassDef) and node.name == cls.__name__:
            return node
    raise LookupError(f"class {cls.__name__} not found in {cls.__module__}")


@cache
def _module_tree(module: str) -> ast.Module:
    return ast.parse(inspect.getsource(sys.modules[module]))


_HEADERS = {"en": ("Key", "Type", "Meaning"), "id": ("Nama", "Jenis", "Arti")}


def section(cls: Any, lang: Lang, level: int = 2) -> list[str]:
    """A class as a Markdown section: its summary, then a table of its fields."""
    key, kind, text = _HEADERS[lang]
    lines = [f"{'#' * level} `{cls.__name__}`", "", summary(cls), ""]
    lines += [f"| {key} | {kind} | {text} |", "| --- | --- | --- |"]
    for field in fields(cls):
        cell = field.meaning.replace("``", "`").replace("|", "\\|")
        lines.append(f"| `{field.name}` | {label(field.type, lang)} | {cell} |")
    return [*lines, ""]
