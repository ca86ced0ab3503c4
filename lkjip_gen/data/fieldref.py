"""The field reference (docs/referensi-data.md), generated from the JSON Schema so it cannot drift.

Run ``python -m lkjip_gen.data.fieldref docs/referensi-data.md`` after changing the schema; a test
compares the committed page with a fresh generation. The schema walking here (``child``,
``lookup``, ``description``) is also what ``lkjip init`` uses to comment every field it writes.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lkjip_gen.data.schema import load_schema

ITEM = "[]"  # a path step into the items of a list

Schema = dict[str, Any]

_TYPE_NAMES = {
    "string": "teks",
    "number": "angka",
    "integer": "bilangan bulat",
    "boolean": "true/false",
    "null": "kosong",
    "array": "daftar",
    "object": "peta",
}


def deref(node: Any, root: Schema | None = None) -> Any:
    """The schema a ``$ref`` points to (followed until a node without ``$ref``)."""
    root = root if root is not None else load_schema()
    while isinstance(node, dict) and "$ref" in node:
        node = _pointer(root, node["$ref"])
    return node


def _pointer(root: Schema, ref: str) -> Any:
    if not ref.startswith("#/"):
        raise ValueError(f"only local references are supported: {ref}")
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def ref_name(node: Any) -> str | None:
    """``pejabat`` for ``{"$ref": "#/$defs/pejabat"}``; None for anything else."""
    if isinstance(node, dict) and str(node.get("$ref", "")).startswith("#/$defs/"):
        return str(node["$ref"]).rsplit("/", 1)[1]
    return None


def description(node: Any, root: Schema | None = None) -> str:
    """A property's own description, else the one of the definition it refers to."""
    if not isinstance(node, dict):
        return ""
    own = node.get("description")
    if own:
        return str(own)
    target = deref(node, root)
    return str(target.get("description", "")) if target is not node else ""


def _alternatives(node: Schema) -> list[Any]:
    """Subschemas whose properties also describe ``node``'s instance (allOf merged, oneOf tried)."""
    return [*node.get("allOf", []), *node.get("oneOf", []), *node.get("anyOf", [])]


def child(node: Any, key: str, root: Schema | None = None) -> Any:
    """The schema of ``node[key]`` (``key`` = ``ITEM`` for list items); None when unknown."""
    root = root if root is not None else load_schema()
    node = deref(node, root)
    if not isinstance(node, dict):
        return None
    if key == ITEM:
        if isinstance(node.get("items"), dict):
            return node["items"]
    else:
        found = node.get("properties", {}).get(key)
        if isinstance(found, dict):
            return found
    for sub in _alternatives(node):
        found = child(sub, key, root)
        if found is not None:
            return found
    extra = node.get("additionalProperties")
    if key != ITEM and isinstance(extra, dict):
        return extra
    return None


def lookup(path: tuple[str, ...], root: Schema | None = None) -> Any:
    """The schema at a data path such as ``("renstra", "sasaran", ITEM, "id")``; None if unknown."""
    root = root if root is not None else load_schema()
    node: Any = root
    for key in path:
        node = child(node, key, root)
        if node is None:
            return None
    return node


def properties(node: Any, root: Schema | None = None) -> Iterator[tuple[str, Any, bool]]:
    """Every named property of an object schema as (name, schema, required), allOf merged.

    A property written as ``true`` (allowed, described elsewhere) takes its schema from the
    ``allOf`` member that describes it, so program/kegiatan/sub kegiatan list their shared keys.
    """
    root = root if root is not None else load_schema()
    node = deref(node, root)
    if not isinstance(node, dict):
        return
    required = set(node.get("required", []))
    shared: dict[str, Any] = {}
    for sub in node.get("allOf", []):
        sub = deref(sub, root)
        required |= set(sub.get("required", []))
        shared.update(sub.get("properties", {}))
    own = node.get("properties", {})
    for name, schema in own.items():
        yield (
            name,
            schema if isinstance(schema, dict) else shared.get(name, schema),
            name in required,
        )
    for name, schema in shared.items():
        if name not in own:
            yield name, schema, name in required


def all_properties(root: Schema | None = None) -> Iterator[tuple[str, Any]]:
    """Every property and definition in the schema, as (JSON pointer, schema).

    Walks properties, ``$defs``, ``items``, ``additionalProperties`` and the branches of
    ``allOf``/``oneOf``/``anyOf``; the description test runs over exactly this.
    """
    root = root if root is not None else load_schema()
    seen: set[int] = set()

    def walk(node: Any, pointer: str) -> Iterator[tuple[str, Any]]:
        if not isinstance(node, dict) or id(node) in seen:
            return
        seen.add(id(node))
        for name, schema in node.get("properties", {}).items():
            if isinstance(schema, dict):
                yield f"{pointer}/properties/{name}", schema
            yield from walk(schema, f"{pointer}/properties/{name}")
        for name, schema in node.get("$defs", {}).items():
            yield f"{pointer}/$defs/{name}", schema
            yield from walk(schema, f"{pointer}/$defs/{name}")
        for key in ("items", "additionalProperties"):
            yield from walk(node.get(key), f"{pointer}/{key}")
        for key in ("allOf", "oneOf", "anyOf"):
            for i, sub in enumerate(node.get(key, [])):
                yield from walk(sub, f"{pointer}/{key}/{i}")

    yield from walk(root, "#")


# -- the Markdown page ------------------------------------------------------------------------


SAME_AS = "x-sama-dengan"
"""Schema annotation: this key is written exactly like the key it names (``rkt.program`` like
``program``); the reference links there instead of repeating its rows."""


class _Page:
    """Writes the reference: one table per top-level section and per shared definition."""

    def __init__(self, root: Schema) -> None:
        self.root = root
        self.uses: Counter[str] = Counter()
        for _name, schema, _req in properties(root, root):
            self._count(schema, ())
        # Definitions used in more than one place (or inside themselves) get their own section;
        # the others are written out where they are used, so a reader never has to jump.
        self.shared = {name for name, n in self.uses.items() if n > 1}

    def _count(self, node: Any, stack: tuple[str, ...]) -> None:
        if isinstance(node, dict) and SAME_AS in node:
            return  # written like another key: described there
        name = ref_name(node)
        if name is not None:
            self.uses[name] += 1
            if name in stack:
                self.uses[name] += 1  # recursive: always its own section
                return
            stack = (*stack, name)
        for sub in self._children(node):
            self._count(sub, stack)

    def _children(self, node: Any) -> Iterator[Any]:
        node = deref(node, self.root)
        if not isinstance(node, dict):
            return
        for _name, schema, _req in properties(node, self.root):
            yield schema
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                yield node[key]
        for key in ("oneOf", "anyOf"):
            yield from node.get(key, [])

    # -- one cell: what kind of value --------------------------------------------------------

    def kind(self, node: Any) -> str:
        if isinstance(node, dict) and SAME_AS in node:
            other = node[SAME_AS]
            return f"seperti [`{other}`](#{other.split('.')[0]})"
        name = ref_name(node)
        if name is not None and name in self.shared:
            return f"[{name}](#jenis-{name})"
        node = deref(node, self.root)
        if node is True:
            return "apa saja"
        if not isinstance(node, dict):
            return ""
        if "enum" in node:
            return "pilihan: " + ", ".join(f"`{v}`" for v in node["enum"])
        if "const" in node:
            return f"`{node['const']}`"
        for key in ("oneOf", "anyOf"):
            if key in node:
                return " **atau** ".join(self.kind(option) for option in node[key])
        declared = node.get("type", "object" if "properties" in node else "")
        types: list[str] = declared if isinstance(declared, list) else [declared]
        if types == ["array"]:
            text = "daftar " + self._item_kind(node.get("items"))
            return text + _count_limits(node)
        if types == ["object"]:
            extra = node.get("additionalProperties")
            if isinstance(extra, dict) and not node.get("properties"):
                return f"peta `{_key_name(node)}` → {self.kind(extra)}"
            return "peta"
        text = " atau ".join(_TYPE_NAMES.get(t, t) for t in types)
        if node.get("format") == "date":
            text = "tanggal (teks TTTT-BB-HH)"
        elif "pattern" in node:
            text += f" (pola `{node['pattern']}`)"
        return text + _value_limits(node)

    def _item_kind(self, items: Any) -> str:
        target = deref(items, self.root)
        if (
            isinstance(target, dict)
            and target.get("properties")
            and ref_name(items) not in (self.shared)
        ):
            return "peta (lihat baris `[]` di bawahnya)"
        kind = self.kind(items)
        return f"({kind})" if " atau " in kind.replace("*", "") else kind

    # -- rows ----------------------------------------------------------------------------------

    def rows(self, node: Any, path: str) -> Iterator[tuple[str, str, bool, str]]:
        """(path, kind, required, description) for everything below ``node`` written inline."""
        name = ref_name(node)
        if name is not None and name in self.shared or isinstance(node, dict) and SAME_AS in node:
            return
        target = deref(node, self.root)
        if not isinstance(target, dict):
            return
        for key, schema, required in properties(target, self.root):
            if schema is True:
                continue
            sub = f"{path}.{key}" if path else key
            yield sub, self.kind(schema), required, description(schema, self.root)
            yield from self.rows(schema, sub)
        if isinstance(target.get("items"), dict):
            yield from self.rows(target["items"], f"{path}[]")
        extra = target.get("additionalProperties")
        if isinstance(extra, dict) and not target.get("properties"):
            yield from self.rows(extra, f"{path}.{_key_name(target)}")
        for key in ("oneOf", "anyOf"):
            for option in target.get(key, []):
                yield from self.rows(option, path)

    def table(self, node: Any, path: str) -> list[str]:
        rows = list(self.rows(node, path))
        if not rows:
            return []
        lines = ["| Jalur | Jenis | Wajib | Keterangan |", "| --- | --- | --- | --- |"]
        for sub, kind, required, text in rows:
            lines.append(
                f"| `{sub}` | {_cell(kind)} | {'ya' if required else ''} | {_cell(text)} |"
            )
        return [*lines, ""]

    def render(self) -> str:
        root = self.root
        out = [
            "# Referensi data LKjIP",
            "",
            "<!-- Dibuat otomatis oleh `make docs` dari "
            "schemas/lkjip.schema.json. Jangan diubah dengan tangan: ubah skemanya, lalu buat "
            "ulang. -->",
            "",
            "Halaman ini dibuat otomatis dari skema data (`schemas/lkjip.schema.json`), jadi "
            "selalu sama dengan yang diperiksa `lkjip validate`. Cara memakai data ini dijelaskan "
            "di [Panduan](panduan.md).",
            "",
            _cell(description(root, root)),
            "",
            "**Cara membaca.** *Jalur* ditulis seperti dalam pesan `lkjip validate`: "
            "`renstra.sasaran[].indikator[].nama` adalah kunci `nama` pada setiap butir "
            "`indikator` pada setiap butir `sasaran` di dalam `renstra`. `[]` berarti setiap butir "
            "daftar; `<tahun>` dan `<id>` adalah kunci yang Anda tulis sendiri (misalnya `2024:` "
            "atau `IKU1:`). *Wajib* = ya: kunci itu harus ada bila bagian di atasnya ditulis.",
            "",
            "## Bagian utama",
            "",
            "| Kunci | Jenis | Wajib | Keterangan |",
            "| --- | --- | --- | --- |",
        ]
        sections = []
        for key, schema, required in properties(root, root):
            has_rows = bool(list(self.rows(schema, key)))
            shown = f"[`{key}`](#{key})" if has_rows else f"`{key}`"
            out.append(
                f"| {shown} | {_cell(self.kind(schema))} | {'ya' if required else ''} | "
                f"{_cell(description(schema, root))} |"
            )
            if has_rows:
                sections.append((key, schema))
        out.append("")
        for key, schema in sections:
            out += [f"## `{key}`", "", _cell(description(schema, root)), ""]
            out += self.table(schema, key)
        for name in sorted(self.shared):
            schema = root["$defs"][name]
            out += [f"## Jenis `{name}`", "", _cell(description(schema, root)), ""]
            kind = self._plain_kind(schema)
            if kind != "peta":
                out += [f"Bentuk nilai: {_cell(kind)}.", ""]
            out += self.table(schema, "")
        return "\n".join(out).rstrip("\n") + "\n"

    def _plain_kind(self, schema: Schema) -> str:
        """The kind of a shared definition itself (not a link to it)."""
        return self.kind({k: v for k, v in schema.items() if k != "description"})


def _key_name(node: Schema) -> str:
    names = node.get("propertyNames", {})
    if names.get("pattern") == "^[0-9]{4}$":
        return "<tahun>"
    return "<id>" if ref_name(names) == "id" else "<kunci>"


def _count_limits(node: Schema) -> str:
    low, high = node.get("minItems"), node.get("maxItems")
    if low and high:
        return f", {low}–{high} butir"
    if low:
        return f", paling sedikit {low} butir"
    if high:
        return f", paling banyak {high} butir"
    return ""


def _value_limits(node: Schema) -> str:
    low, high = node.get("minimum"), node.get("maximum")
    if low is not None and high is not None:
        return f" ({low}–{high})"
    if low is not None:
        return f" (≥ {low})"
    if high is not None:
        return f" (≤ {high})"
    if node.get("minLength"):
        return " (tidak boleh kosong)"
    return ""


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def render(root: Schema | None = None) -> str:
    """The whole reference page as Markdown."""
    return _Page(root if root is not None else load_schema()).render()


def main(argv: list[str] | None = None) -> int:
    """``python -m lkjip_gen.data.fieldref [FILE]``: write the page to FILE, or to stdout."""
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if args:
        Path(args[0]).write_text(text, encoding="utf-8", newline="\n")
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
