"""YAML text for plain values, where a composed value's characters end, small data helpers.

Used by ``data.edit``: a value written here reads back, through ``data.load``, as exactly the
value given (plain where safe, quoted otherwise), so edited files stay valid and unsurprising.
"""

from __future__ import annotations

import difflib
import json
from decimal import Decimal
from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode

from lkjip_gen.data.load import Path_, parse
from lkjip_gen.errors import ValidationFailed


def content_end(node: Node, text: str, key: Node | None = None) -> int:
    """Where a value's own characters end (block collections stop before trailing comments).

    An empty value (``key:`` with nothing after it) ends right after its key's colon: ruamel
    places it at the next token, which may be lines further down.
    """
    if isinstance(node, ScalarNode):
        if node.value == "" and node.style is None and key is not None:
            return text.index(":", int(key.end_mark.index)) + 1
        if node.style in ("|", ">"):
            start = int(node.start_mark.index)
            return start + len(text[start : node.end_mark.index].rstrip())
        return int(node.end_mark.index)
    if getattr(node, "flow_style", False) or not node.value:
        return int(node.end_mark.index)
    last = node.value[-1]
    if isinstance(last, tuple):
        return content_end(last[1], text, last[0])
    return content_end(last, text)


def indent_step(root: MappingNode) -> int:
    """The file's indentation step, from the first nested block mapping (2 when there is none)."""
    for key, value in root.value:
        if isinstance(value, MappingNode) and not value.flow_style and value.value:
            step = value.value[0][0].start_mark.column - key.start_mark.column
            if step > 0:
                return int(step)
    return 2


def same(a: Any, b: Any) -> bool:
    """Equal as data: numbers by value (0.20 == 0.2), but never a number equal to a bool or text."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, Decimal)) and isinstance(b, (int, Decimal, float)):
        return Decimal(a) == Decimal(str(b)) if isinstance(b, float) else Decimal(a) == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _number(value: Any) -> str | None:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (Decimal, float)):
        return format(Decimal(str(value)) if isinstance(value, float) else value, "f")
    return None


def scalar(
    value: Any, in_flow: bool, style: str | None = None, column: int = 0, newline: str = "\n"
) -> str:
    """A scalar as YAML text: plain where it reads back as the same text, else quoted.

    Text of several lines in a block becomes a literal block (``|``) indented to ``column``.
    """
    number = _number(value)
    if number is not None:
        return number
    text = str(value)
    literal_ok = not text.endswith("\n\n") and not text.startswith((" ", "\n"))
    if "\n" in text and not in_flow and column and literal_ok:
        chomp = "" if text.endswith("\n") else "-"
        lines = [" " * column + line if line else "" for line in text.rstrip("\n").split("\n")]
        return f"|{chomp}{newline}" + newline.join(lines)
    if style == "'" and "'" not in text and "\n" not in text:
        return f"'{text}'"
    if style != '"' and _plain_ok(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str) -> bool:
    """Plain text is safe when, in a block and in a flow mapping, it reads back (as lkjip reads
    files) as the same text."""
    if not text or text != text.strip() or any(c in text for c in "\n\t#\"'"):
        return False
    try:
        _, data = parse(f"k: {text}\nf: {{v: {text}}}\n", "<teks>")
    except ValidationFailed:
        return False
    return bool(data == {"k": text, "f": {"v": text}})


def key_text(key: str) -> str:
    return key if key and _plain_ok(key) or key.isdigit() else json.dumps(key, ensure_ascii=False)


def flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key_text(str(k))}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value, True)


def block_entry_span(mapping: MappingNode, index: int, text: str) -> tuple[int, int]:
    """The characters of a block mapping entry to delete: whole lines with their comment."""
    key, value = mapping.value[index]
    start = key.start_mark.index
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        # The key follows "- " on its line: the next key moves up in its place.
        return start, mapping.value[index + 1][0].start_mark.index
    end = text.find("\n", content_end(value, text, key))
    return line_start, len(text) if end < 0 else end + 1


def flow_entry_span(mapping: MappingNode, index: int, text: str) -> tuple[int, int]:
    """The characters of a flow mapping entry to delete, with one neighbouring comma."""
    pairs = mapping.value
    if index + 1 < len(pairs):
        return pairs[index][0].start_mark.index, pairs[index + 1][0].start_mark.index
    previous_end = content_end(pairs[index - 1][1], text, pairs[index - 1][0])
    return previous_end, content_end(pairs[index][1], text, pairs[index][0])


def lookup(data: Any, path: Path_, default: Any = None) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return default
    return data


def nest(rest: Path_, value: Any) -> Any:
    """``value`` wrapped in one mapping per key of ``rest``: (a, b), 1 → {a: {b: 1}}."""
    for part in reversed(rest):
        value = {part: value}
    return value


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and str(node.tag).endswith(":null")


def merge(target: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = value


def moved(
    text: str, target: tuple[Node, Node], source: tuple[Node, Node | None], column: int
) -> tuple[int, int, str]:
    """Where a value (``target``: node and key) is replaced by the value ``source`` as written,
    and the text to put there: block lines re-indented to ``column`` with the comments among
    them (those before its first item too), flow text as it is.

    The replaced span runs from the target key's colon to the end of its value, a comment on
    the value's last line included: it spoke of what is replaced.
    """
    node, key = source
    end = content_end(node, text, key)
    if isinstance(node, ScalarNode) or getattr(node, "flow_style", False) or key is None:
        moved_text = " " + text[node.start_mark.index : end]
    else:
        newline = "\r\n" if "\r\n" in text else "\n"
        start = text.index("\n", key.end_mark.index) + 1
        shift = column - node.start_mark.column
        lines = text[start:end].split(newline)
        moved_text = newline + newline.join(_shifted(line, shift) for line in lines)
    old, old_key = target
    colon = text.index(":", old_key.end_mark.index) + 1
    stop = content_end(old, text, old_key)
    line_end = text.find("\n", stop)
    rest = text[stop : len(text) if line_end < 0 else line_end]
    if rest.strip().startswith("#"):
        stop += len(rest.rstrip("\r"))
    return colon, stop, moved_text


def _shifted(line: str, shift: int) -> str:
    if not line.strip():
        return ""
    if shift >= 0:
        return " " * shift + line
    return line[min(-shift, len(line) - len(line.lstrip(" "))) :]


def unified_diff(original: str, edited: str, name: str, context: int) -> str:
    """A unified diff of a file's text and its edited text, every line ending in a newline."""
    lines = difflib.unified_diff(
        original.splitlines(keepends=True),
        edited.splitlines(keepends=True),
        fromfile=name,
        tofile=f"{name} (sesudah)",
        n=context,
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
