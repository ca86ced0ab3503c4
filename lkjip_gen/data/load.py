"""YAML → plain data that remembers where every value came from (file, line, column).

We compose the YAML node graph ourselves instead of letting ruamel.yaml construct objects: that
way no tag can instantiate anything, duplicate keys are reported with both lines, and every value
keeps its source position so later problems can say ``file:line:col``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ruamel.yaml.nodes import Node

from lkjip_gen.data import fastyaml, limits, source
from lkjip_gen.disk import resolved
from lkjip_gen.errors import Problem, Severity, ValidationFailed

Path_ = tuple[str | int, ...]
AnyNode = Any
"""A node of ruamel.yaml or of PyYAML (see :mod:`lkjip_gen.data.fastyaml`): the same attributes."""

_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {"str", "int", "float", "bool", "null", "timestamp", "map", "seq"}


@dataclass(frozen=True, slots=True)  # one per value and per key: no dict each
class Location:
    """A 1-based position in a source file."""

    file: str
    line: int
    col: int


@dataclass
class Document:
    """Loaded data plus, for every data path, where its value (and its key) was written."""

    data: dict[str, Any]
    values: dict[Path_, Location] = field(default_factory=dict)
    keys: dict[Path_, Location] = field(default_factory=dict)
    source_text: dict[Path_, str] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    @property
    def main_file(self) -> Path:
        return self.files[-1]

    def locate(self, path: Path_, *, prefer_key: bool = False) -> Location:
        """Where ``path`` was written; falls back to the nearest ancestor that was."""
        probe = tuple(path)
        while True:
            table = (self.keys, self.values) if prefer_key else (self.values, self.keys)
            for positions in table:
                if probe in positions:
                    return positions[probe]
            if not probe:
                return Location(display_name(self.main_file), 1, 1)
            probe = probe[:-1]

    def problem(
        self,
        path: Path_,
        message: str,
        code: str,
        severity: Severity = "error",
        *,
        prefer_key: bool = False,
    ) -> Problem:
        """A finding about the value (or, with ``prefer_key``, the key) written at ``path``."""
        loc = self.locate(path, prefer_key=prefer_key)
        return Problem(loc.file, loc.line, loc.col, format_path(path), message, code, severity)

    def file_at(self, path: Path_) -> Path | None:
        """The file a relative path written at ``path`` names (None when nothing is written)."""
        node: Any = self.data
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        return self.base_dir(path) / node if isinstance(node, str) else None

    def base_dir(self, path: Path_) -> Path:
        """The folder relative paths written at ``path`` are resolved against."""
        return self.source_file(path).parent

    def source_file(self, path: Path_) -> Path:
        """The file (year file or profile) that holds ``path``, or its nearest written ancestor."""
        loc = self.locate(path)
        for f in self.files:
            if display_name(f) == loc.file:
                return f
        return self.main_file


def display_name(path: Path) -> str:
    """A file name as users wrote it: relative to the working directory when possible."""
    try:
        return str(resolved(path).relative_to(resolved(Path.cwd())))
    except ValueError:
        return str(path)


def format_path(path: Path_) -> str:
    """``('renstra', 'sasaran', 1, 'id')`` → ``renstra.sasaran[1].id``."""
    out = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)
    return out[1:] if out.startswith(".") else out


class _Builder:
    """Turns one file's node graph into plain data and position tables."""

    def __init__(self, doc: Document, file: str) -> None:
        self.doc = doc
        self.file = file
        self.problems: list[Problem] = []
        self.count = 0
        # Maps and lists being built: meeting one again means an alias refers to its own parent.
        self.open: set[int] = set()
        # Nodes built once already: meeting one again means an alias is being expanded.
        self.built: set[int] = set()
        self.alias_depth = self.aliased = self.chars = 0

    def loc(self, node: AnyNode) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def problem(self, node: AnyNode, path: Path_, message: str, code: str) -> None:
        loc = self.loc(node)
        self.problems.append(Problem(loc.file, loc.line, loc.col, format_path(path), message, code))

    def build(self, node: AnyNode, path: Path_) -> Any:
        self.count += 1
        self.aliased += self.alias_depth > 0
        if self.count > limits.MAX_VALUES or self.aliased > limits.MAX_ALIASED:
            raise limits.LimitExceeded(
                node.start_mark.line,
                node.start_mark.column,
                f"data berisi lebih dari {limits.count(limits.MAX_VALUES)} nilai, atau alias "
                f"YAML (*nama) menghasilkan lebih dari {limits.count(limits.MAX_ALIASED)} nilai "
                "— jangan memakai alias berulang-ulang; tulis datanya langsung",
            )
        if id(node) in self.open:
            self.problem(
                node,
                path,
                "alias YAML merujuk bagian yang memuatnya sendiri — tulis datanya langsung",
                "yaml.alias",
            )
            return None
        self.doc.values[path] = self.loc(node)
        tag = str(node.tag)
        short = tag[len(_CORE) :] if tag.startswith(_CORE) else None
        if short not in _PLAIN_TAGS:
            shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
            self.problem(
                node,
                path,
                f"tag YAML {shown!r} tidak diizinkan — hapus tag itu dan tulis nilainya biasa saja",
                "yaml.tag",
            )
            return None
        if isinstance(node, fastyaml.MAPPINGS + fastyaml.SEQUENCES):
            alias = id(node) in self.built
            self.built.add(id(node))
            self.open.add(id(node))
            self.alias_depth += alias
            try:
                if isinstance(node, fastyaml.MAPPINGS):
                    return self._mapping(node, path)
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            finally:
                self.open.discard(id(node))
                self.alias_depth -= alias
        assert isinstance(node, fastyaml.SCALARS)
        # ruamel marks the folds of a folded (>) scalar with BEL characters for round-trips.
        text = node.value.replace("\a", "") if node.style == ">" else node.value
        self.doc.source_text[path] = text
        return self._scalar(node, text, short, path)

    def _mapping(self, node: AnyNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, AnyNode] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, fastyaml.SCALARS) or str(key_node.tag) == _CORE + "merge":
                self.problem(
                    key_node,
                    path,
                    "kunci gabungan YAML (<<) atau kunci berupa daftar/peta tidak didukung — "
                    "tulis kuncinya satu per satu",
                    "yaml.kunci",
                )
                continue
            # Interned: a budget repeats a few keys in its data and every path thousands of times.
            key = sys.intern(str(key_node.value))
            wrong = limits.text_problem(key)
            if wrong:
                self.problem(key_node, path, f"kunci: {wrong}", "yaml.teks")
                continue
            if key in seen:
                first = self.loc(seen[key])
                self.problem(
                    key_node,
                    (*path, key),
                    f"kunci '{key}' ditulis dua kali (pertama di baris {first.line}) — "
                    "hapus salah satunya",
                    "yaml.kunci_ganda",
                )
                continue
            seen[key] = key_node
            child = (*path, key)
            self.doc.keys[child] = self.loc(key_node)
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: AnyNode, text: str, tag: str | None, path: Path_) -> Any:
        if tag == "null":
            return None
        if tag == "bool":
            return text.lower() == "true"
        if tag == "int":
            wrong = limits.integer_problem(text)
            if wrong is None:
                return _parse_int(text)
        elif tag == "float":
            try:
                value = Decimal(text.replace("_", ""))
            except InvalidOperation:
                value = None
            if value is None or not value.is_finite():
                wrong = f"{limits.shown(text)} bukan angka yang bisa dipakai"
            else:
                wrong = limits.decimal_problem(text, value)
                if wrong is None:
                    return value
        else:
            # str and timestamp: keep the text as written (dates are validated as strings).
            self.chars += len(text)
            if self.chars > limits.MAX_TOTAL_TEXT:
                raise limits.LimitExceeded(
                    node.start_mark.line,
                    node.start_mark.column,
                    f"teks seluruh data melebihi {limits.count(limits.MAX_TOTAL_TEXT)} karakter "
                    "setelah alias YAML (*nama) diuraikan — tulis datanya langsung",
                )
            wrong = limits.text_problem(text)
            if wrong is None:
                return text
            self.problem(node, path, wrong, "yaml.teks")
            return None
        self.problem(node, path, wrong, "yaml.angka")
        return None


def _parse_int(text: str) -> int:
    clean = text.replace("_", "").lower()
    sign = -1 if clean.startswith("-") else 1
    clean = clean.lstrip("+-")
    if clean.startswith("0x"):
        return sign * int(clean[2:], 16)
    if clean.startswith("0o"):
        return sign * int(clean[2:], 8)
    return sign * int(clean, 10)


def parse(text: str, name: str, *, editing: bool = False) -> tuple[Node, Any]:
    """The node graph of a YAML text (``editing``: ruamel.yaml's node classes with start and end
    marks) and its plain data, read exactly as ``load`` reads files.

    Raises:
        ValidationFailed: the text is not YAML, is empty, exceeds a bound or uses a tag we refuse.
    """
    node, problems = source.compose(text, name, editing=editing)
    if node is None:
        problems = problems or [Problem(name, 1, 1, "", "berkas kosong", "berkas.kosong")]
        raise ValidationFailed(problems)
    builder = _Builder(Document(data={}), name)
    try:
        data = builder.build(node, ())
    except limits.LimitExceeded as exc:
        problem = Problem(name, exc.line + 1, exc.col + 1, "", exc.message, "yaml.batas")
        raise ValidationFailed([problem]) from exc
    if builder.problems:
        raise ValidationFailed(builder.problems)
    return node, data


def _read(
    path: Path, doc: Document, prefix_problems: list[Problem], read: source.Reader | None = None
) -> dict[str, Any] | None:
    name = display_name(path)
    node, problems = source.compose_file(path, name, read)
    prefix_problems.extend(problems)
    if node is None:
        return None
    builder = _Builder(doc, name)
    try:
        data = builder.build(node, ())
    except limits.LimitExceeded as exc:
        prefix_problems.append(
            Problem(name, exc.line + 1, exc.col + 1, "", exc.message, "yaml.batas")
        )
        return None
    prefix_problems.extend(builder.problems)
    if not isinstance(data, dict):
        prefix_problems.append(
            source.file_problem(
                name,
                "isi berkas harus berupa peta kunci: nilai (misalnya "
                "instansi: …), bukan daftar atau teks",
                "berkas.bukan_peta",
            )
        )
        return None
    return data


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Year data over profile data: mappings merge key by key, anything else is replaced."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load(path: Path | str, read: source.Reader | None = None) -> Document:
    """Load a year file and, when it names one, its profile file underneath it; ``read`` reads
    both another way than from disk (see :data:`lkjip_gen.data.source.Reader`).

    Raises:
        ValidationFailed: the file (or its profile) cannot be read as YAML data.
    """
    path = Path(path)
    problems: list[Problem] = []
    doc = Document(data={}, files=[path])
    data = _read(path, doc, problems, read)
    if data is None:
        raise ValidationFailed(problems)
    profile_ref = data.get("profil")
    if isinstance(profile_ref, str) and profile_ref:
        profile_path = resolved(path.parent / profile_ref)
        if profile_path == resolved(path):
            message = "berkas profil tidak boleh berkas ini sendiri"
            problems.append(doc.problem(("profil",), message, "berkas.profil"))
            raise ValidationFailed(problems)
        profile_doc = Document(data={}, files=[profile_path])
        profile = _read(profile_path, profile_doc, problems, read)
        if profile is None:
            problems.append(
                doc.problem(
                    ("profil",),
                    f"berkas profil {profile_ref!r} tidak dapat dimuat",
                    "berkas.profil",
                )
            )
            raise ValidationFailed(problems)
        if "profil" in profile:
            problems.append(
                profile_doc.problem(
                    ("profil",), "berkas profil tidak boleh merujuk profil lain", "berkas.profil"
                )
            )
        # Positions of the year file override the profile's wherever the year file wrote a value.
        merged = Document(
            data=_merge(profile, data),
            values={**_positions_kept(profile_doc.values, data), **doc.values},
            keys={**_positions_kept(profile_doc.keys, data), **doc.keys},
            source_text={**_positions_kept(profile_doc.source_text, data), **doc.source_text},
            files=[profile_path, path],
        )
        doc = merged
    else:
        doc.data = data
    if problems:
        raise ValidationFailed(problems)
    return doc


def _positions_kept(table: dict[Path_, Any], over: dict[str, Any]) -> dict[Path_, Any]:
    """Profile positions that the year file did not replace."""
    kept = {}
    for path, loc in table.items():
        node: Any = over
        replaced = False
        for depth, part in enumerate(path):
            if not isinstance(node, dict) or part not in node:
                break
            node = node[part]
            if not isinstance(node, dict) or depth == len(path) - 1:
                replaced = True
                break
        if not replaced:
            kept[path] = loc
    return kept
