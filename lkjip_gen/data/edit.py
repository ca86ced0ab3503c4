"""Change values in a YAML data file in place: every byte not edited stays as the author wrote it.

The file is composed (by libyaml when it can, see :mod:`lkjip_gen.data.fastyaml`, else by
ruamel.yaml) into nodes that tell where each value starts and ends; an edit replaces just
those characters, and a new key is written as a line with the indentation of its siblings. A
round-trip dump would not do: it re-flows long quoted strings, drops line breaks in flow
mappings and adds a ``%YAML`` header (dozens of lines nobody edited). After the edits the new
text is parsed again and must hold exactly the intended data: no edit silently corrupts a file.

Typical use (the importer, ``lkjip tahun-baru``)::

    f = YamlFile(Path("lkjip-2024.yaml"))
    f.set(("kinerja", "IKU1", "realisasi"), Decimal("48.5"), after="target")
    f.delete(("kinerja", "IKU1", "keterangan"))
    f.write()
"""

from __future__ import annotations

import codecs
import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lkjip_gen.data.load import Path_, display_name, parse
from lkjip_gen.data.yamltext import (
    block_entry_span,
    content_end,
    flow,
    flow_entry_span,
    indent_step,
    is_null,
    key_text,
    lookup,
    merge,
    moved,
    nest,
    same,
    scalar,
    unified_diff,
)
from lkjip_gen.errors import LkjipError, ValidationFailed
from lkjip_gen.output.files import atomic_write


class EditError(RuntimeError):
    """An edit the helper cannot make or did not make faithfully (a bug, never bad data)."""


@dataclass
class _Step:
    """One node on the way down a data path, with the key node that leads to it."""

    node: Node
    key: Node | None
    in_flow: bool


@dataclass
class _Pending:
    """New keys for an existing mapping, written when the text is produced."""

    mapping: MappingNode
    column: int
    in_flow: bool
    keys: dict[str, Any] = field(default_factory=dict)
    anchor: dict[str, tuple[str, str | None]] = field(default_factory=dict)


class YamlFile:
    """One YAML file with pending edits; ``text`` applies them, ``write`` saves atomically."""

    def __init__(self, path: Path, text: str | None = None) -> None:
        self.path = path
        self.name = display_name(path)
        raw = path.read_bytes() if text is None else text.encode("utf-8")
        self._bom = raw.startswith(codecs.BOM_UTF8)
        try:
            # bytes.decode keeps "\r\n": a Windows file must come back with its own line ends.
            self.original = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise LkjipError(f"{self.name}: berkas bukan teks UTF-8 (bita ke-{e.start})") from e
        self._newline = "\r\n" if "\r\n" in self.original else "\n"
        self._root, self._original_data = parse(self.original, self.name, editing=True)
        if not isinstance(self._root, MappingNode):
            raise LkjipError(f"{self.name}: isi berkas harus berupa peta kunci: nilai")
        self._expected: Any = copy.deepcopy(self._original_data)
        self._splices: dict[tuple[int, int], str] = {}
        self._inserts: list[tuple[int, int, str]] = []
        self._pending: dict[int, _Pending] = {}
        self._rewritten: set[int] = set()  # mappings written anew (_rewrite), by node id
        self._step = indent_step(self._root)
        self._read_back: tuple[str | None, Any] = (None, None)  # an edited text and its data

    def value(self, path: Path_, default: Any = None) -> Any:
        """The value at ``path`` with the edits made so far, or ``default``."""
        return lookup(self._expected, path, default)

    def has(self, path: Path_) -> bool:
        marker = object()
        return self.value(path, marker) is not marker

    # ------------------------------------------------------------------ editing

    def set(
        self, path: Path_, value: Any, *, after: str | None = None, before: str | None = None
    ) -> None:
        """Make ``path`` hold ``value``, adding a missing key after ``after`` or before ``before``
        when the mapping has that key (else at its end).

        An equal value (``0.20`` for ``0.2``) changes nothing. Lists of another length and
        changes of type are written in flow style (``[1, 2]``, ``{a: 1}``).
        """
        if not path:
            raise EditError("the root of a file cannot be replaced")
        if self.has(path) and same(self.value(path), value):
            return
        self._remember(path, value)
        self._write(path, value, ("before", before) if before and not after else ("after", after))

    def copy_from(self, source: Path_, target: Path_) -> None:
        """Make the existing ``target`` hold the value at ``source`` as written there: its text
        re-indented, its comments kept (``rkt.program`` becoming next year's ``program``)."""
        steps, origin = self._walk(target), self._walk(source)
        if len(steps) != len(target) + 1 or len(origin) != len(source) + 1 or not steps[-1].key:
            raise EditError(f"{self.name}: {source!r} or {target!r} is not a key in the file")
        self._remember(target, self.value(source))
        ends = ((steps[-1].node, steps[-1].key), (origin[-1].node, origin[-1].key))
        self._splice(*moved(self.original, *ends, self._block_column(steps)))

    def delete(self, path: Path_) -> None:
        """Remove the mapping entry at ``path`` and its trailing comment; no-op when absent."""
        if not path or not self.has(path):
            return
        del self.value(path[:-1])[path[-1]]
        self._erase(path)

    @property
    def text(self) -> str:
        """The edited text, checked to read back as exactly the intended data."""
        text = self._apply()
        if text == self.original:
            return text
        if text != self._read_back[0]:  # once per text: a diff shown, then the file written
            try:
                self._read_back = (text, parse(text, self.name)[1])
            except ValidationFailed as e:
                raise EditError(f"{self.name}: edited text is not valid YAML: {e}") from e
        if not same(self._read_back[1], self._expected):
            raise EditError(f"{self.name}: edited text does not hold the intended values")
        return text

    def diff(self, context: int = 1) -> str:
        """A unified diff from the file as it is to the edited text ("" when nothing changes)."""
        return unified_diff(self.original, self.text, self.name, context)

    def write(self) -> bool:
        """Replace the file atomically with the edited text; False when nothing changed."""
        text = self.text
        if text == self.original:
            return False
        data = (codecs.BOM_UTF8 if self._bom else b"") + text.encode("utf-8")
        atomic_write(self.path, data, has_output_option=False)  # edited in place
        return True

    # ------------------------------------------------------------------ internals

    def _remember(self, path: Path_, value: Any) -> None:
        node = self._expected
        for part in path[:-1]:
            if isinstance(node, dict):
                if not isinstance(node.get(part), (dict, list)):
                    node[part] = {}
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                raise EditError(f"{self.name}: {path!r} does not lead to a mapping")
        if isinstance(node, list) and not (isinstance(path[-1], int) and path[-1] < len(node)):
            raise EditError(f"{self.name}: list index in {path!r} beyond the list")
        node[path[-1]] = copy.deepcopy(value)

    def _walk(self, path: Path_) -> list[_Step]:
        """The nodes along ``path`` that exist in the original text, starting at the root."""
        steps = [_Step(self._root, None, False)]
        for part in path:
            here = steps[-1]
            in_flow = here.in_flow or bool(getattr(here.node, "flow_style", False))
            if isinstance(here.node, MappingNode) and isinstance(part, str):
                found = [(k, v) for k, v in here.node.value if str(k.value) == part]
                if not found:
                    break
                steps.append(_Step(found[0][1], found[0][0], in_flow))
            elif isinstance(here.node, SequenceNode) and isinstance(part, int):
                if part >= len(here.node.value):
                    raise EditError(f"{self.name}: list index {part} beyond the list")
                steps.append(_Step(here.node.value[part], None, in_flow))
            else:
                break
        return steps

    def _write(
        self, path: Path_, value: Any, anchor: tuple[str, str | None] = ("after", None)
    ) -> None:
        steps = self._walk(path)
        if len(steps) == len(path) + 1:
            self._replace(path, steps, value)
            return
        parent = steps[-1]
        missing = path[len(steps) - 1]
        rest = path[len(steps) :]
        if id(parent.node) in self._rewritten:
            self._rewrite(path[: len(steps) - 1], steps)
        elif isinstance(parent.node, MappingNode) and isinstance(missing, str):
            self._add(parent, missing, rest, value, anchor)
        elif is_null(parent.node) and isinstance(missing, str):
            self._replace(path[: len(steps) - 1], steps, {missing: nest(rest, value)})
        else:
            raise EditError(f"{self.name}: cannot create {path!r} under {parent.node.tag}")

    def _erase(self, path: Path_) -> None:
        steps = self._walk(path)
        if len(steps) < len(path) + 1:
            self._drop_pending(path, steps)
            return
        mapping = steps[-2].node
        if not isinstance(mapping, MappingNode):
            raise EditError(f"{self.name}: only mapping entries can be deleted, not {path!r}")
        index = next(i for i, (k, _) in enumerate(mapping.value) if k is steps[-1].key)
        if len(mapping.value) == 1 or id(mapping) in self._rewritten:
            self._rewrite(path[:-1], steps[:-1])
        elif mapping.flow_style:
            self._splice(*flow_entry_span(mapping, index, self.original), "")
        else:
            self._splice(*block_entry_span(mapping, index, self.original), "")

    def _replace(self, path: Path_, steps: list[_Step], value: Any) -> None:
        node = steps[-1].node
        if isinstance(value, dict) and isinstance(node, MappingNode):
            if value and node.value and not {str(k.value) for k, _ in node.value} & set(value):
                self._rewrite(path, steps)
                return
            for key, item in value.items():
                self._write((*path, key), item)
            for key in {str(k.value) for k, _ in node.value} - set(value):
                self._erase((*path, key))
        elif (
            isinstance(value, list)
            and isinstance(node, SequenceNode)
            and len(value) == len(node.value)
        ):
            for i, item in enumerate(value):
                self._write((*path, i), item)
        elif isinstance(node, ScalarNode) and not isinstance(value, (dict, list)) and node.value:
            span = (node.start_mark.index, content_end(node, self.original, steps[-1].key))
            if same(lookup(self._original_data, path), value):
                self._splices.pop(span, None)
                return
            column = self._block_column(steps)
            self._splice(*span, scalar(value, steps[-1].in_flow, node.style, column, self._newline))
        else:
            self._splice_node(steps[-1], self._render_value(value, steps))

    def _rewrite(self, path: Path_, steps: list[_Step]) -> None:
        """Write the mapping at ``path`` anew from the intended data (a mapping none of whose
        keys survive leaves new keys nothing to anchor to); its own comments go with it."""
        self._pending.pop(id(steps[-1].node), None)
        self._rewritten.add(id(steps[-1].node))
        value, node = self.value(path), steps[-1].node
        text = (
            flow(value) if getattr(node, "flow_style", False) else self._render_value(value, steps)
        )
        self._splice_node(steps[-1], text if value else "{}")

    def _render_value(self, value: Any, steps: list[_Step]) -> str:
        step = steps[-1]
        if isinstance(value, dict) and value and not step.in_flow and step.key is not None:
            column = step.key.start_mark.column + self._step
            return self._newline + "".join(self._block_lines(value, column))[: -len(self._newline)]
        if isinstance(value, (dict, list)):
            return flow(value)
        return scalar(value, step.in_flow, None, self._block_column(steps), self._newline)

    def _block_column(self, steps: list[_Step]) -> int:
        key = steps[-1].key
        return (key.start_mark.column if key is not None else 0) + self._step

    def _splice_node(self, step: _Step, text: str) -> None:
        """Replace a whole value; a block value is replaced from just after its key's colon."""
        node, key = step.node, step.key
        end = content_end(node, self.original, key)
        if key is not None and not step.in_flow:
            colon = self.original.index(":", key.end_mark.index)
            lead = "" if text.startswith(self._newline) else " "
            self._splice(colon + 1, end, lead + text)
        else:
            self._splice(node.start_mark.index, end, text)

    def _add(
        self, parent: _Step, key: str, rest: Path_, value: Any, anchor: tuple[str, str | None]
    ) -> None:
        mapping = parent.node
        assert isinstance(mapping, MappingNode)
        in_flow = parent.in_flow or bool(mapping.flow_style)
        column = mapping.value[0][0].start_mark.column if mapping.value else 0
        pending = self._pending.setdefault(id(mapping), _Pending(mapping, column, in_flow))
        built = nest(rest, value)
        if key in pending.keys and rest:
            merge(pending.keys[key], built)
        else:
            pending.keys[key] = built
            pending.anchor.setdefault(key, anchor)

    def _drop_pending(self, path: Path_, steps: list[_Step]) -> None:
        pending = self._pending.get(id(steps[-1].node))
        if pending is None:
            return
        rest = path[len(steps) - 1 :]
        holder: Any = pending.keys
        for part in rest[:-1]:
            holder = holder[part]
        del holder[rest[-1]]

    def _splice(self, start: int, end: int, text: str) -> None:
        if start == end:
            self._inserts.append((start, len(self._inserts), text))
        else:
            self._splices[(start, end)] = text

    def _apply(self) -> str:
        edits = [(s, e, 0, t) for (s, e), t in self._splices.items()]
        edits += [(p, p, 1 + n, t) for p, n, t in self._inserts]
        edits += self._pending_edits()
        edits.sort(key=lambda e: (e[0], e[1], e[2]))
        out, pos = [], 0
        for start, end, _, text in edits:
            if start < pos:
                raise EditError(f"{self.name}: overlapping edits at character {start}")
            out += [self.original[pos:start], text]
            pos = end
        out.append(self.original[pos:])
        return "".join(out)

    def _pending_edits(self) -> list[tuple[int, int, int, str]]:
        edits = []
        for order, pending in enumerate(self._pending.values()):
            groups: dict[tuple[str, str | None], list[str]] = {}
            for key in pending.keys:
                groups.setdefault(pending.anchor[key], []).append(key)
            for anchor, keys in groups.items():
                entries = {k: pending.keys[k] for k in keys}
                point, text = self._insertion(pending, anchor, entries)
                edits.append((point, point, 10_000 + order, text))
        return edits

    def _insertion(
        self, p: _Pending, anchor: tuple[str, str | None], entries: dict[str, Any]
    ) -> tuple[int, str]:
        pairs = p.mapping.value
        mode, name = anchor
        index = next((i for i, (k, _) in enumerate(pairs) if str(k.value) == name), None)
        items = ", ".join(f"{key_text(k)}: {flow(v)}" for k, v in entries.items())
        if mode == "before" and index is not None:
            start = pairs[index][0].start_mark.index
            line_start = self.original.rfind("\n", 0, start) + 1
            if p.in_flow:
                return start, items + ", "
            if not self.original[line_start:start].strip():
                return line_start, "".join(self._block_lines(entries, p.column))
            index = None
        last = pairs[index if index is not None and mode == "after" else -1] if pairs else None
        if p.in_flow:
            if last is None:
                return self.original.index("{", p.mapping.start_mark.index) + 1, items
            return content_end(last[1], self.original, last[0]), ", " + items
        text = "".join(self._block_lines(entries, p.column))
        if last is None:
            return len(self.original), text
        end = content_end(last[1], self.original, last[0])
        line_end = self.original.find("\n", end)
        if line_end < 0:
            return len(self.original), self._newline + text
        return line_end + 1, text

    def _block_lines(self, entries: dict[str, Any], column: int) -> list[str]:
        lines = []
        for key, value in entries.items():
            head = " " * column + key_text(key) + ":"
            if isinstance(value, dict) and value:
                lines.append(head + self._newline)
                lines += self._block_lines(value, column + self._step)
            else:
                text = flow(value) if isinstance(value, (dict, list)) else scalar(value, False)
                lines.append(f"{head} {text}{self._newline}")
        return lines
