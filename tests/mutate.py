"""Text surgery on the examples for the mutation test: change, drop, add or copy one value.

Every edit works on the YAML text (comments and layout kept) at the position the loader recorded
for a data path, and says which line of which file a good validator points at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lkjip_gen.data.load import Document, Path_, load


@dataclass
class Mutation:
    """One injected slip: the files it changes (name → text) and the line to fix."""

    kind: str
    files: dict[str, str]
    expected: tuple[str, int]
    extra: dict[str, str] = field(default_factory=dict)  # new files beside the example


@dataclass
class Example:
    """One example office loaded once, edited many times."""

    folder: Path
    year: str
    doc: Document
    lines: dict[str, list[str]]

    @classmethod
    def load(cls, year_file: Path) -> Example:
        lines = {
            f.name: f.read_text(encoding="utf-8").splitlines(keepends=True)
            for f in year_file.parent.glob("*.yaml")
        }
        return cls(year_file.parent, year_file.name, load(year_file), lines)

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data

    def get(self, path: Path_) -> Any:
        node: Any = self.data
        for part in path:
            node = node[part]
        return node

    def where(self, path: Path_, *, key: bool = False) -> tuple[str, int, int]:
        loc = (self.doc.keys if key else self.doc.values)[path]
        return Path(loc.file).name, loc.line, loc.col

    def _mutation(self, kind: str, file: str, lines: list[str], line: int) -> Mutation:
        return Mutation(kind, {file: "".join(lines)}, (file, line))

    def set(self, kind: str, path: Path_, new: str) -> Mutation:
        """Replace the value written at ``path`` with the text ``new``."""
        file, line, col = self.where(path)
        lines = list(self.lines[file])
        text = lines[line - 1]
        start = col - 1
        if text[start] in "\"'":
            end = text.index(text[start], start + 1) + 1
        else:
            written = self.doc.source_text[path]
            assert text.startswith(written, start), (kind, path, text)
            end = start + len(written)
        lines[line - 1] = text[:start] + new + text[end:]
        return self._mutation(kind, file, lines, line)

    def drop(self, kind: str, path: Path_, expect: Path_ | None = None) -> Mutation:
        """Remove ``key: value`` (a block line, or a pair inside a flow mapping)."""
        file, line, col = self.where(path, key=True)
        lines = list(self.lines[file])
        text = lines[line - 1]
        if text.strip().startswith(f"{path[-1]}:") and text.index(str(path[-1])) == col - 1:
            del lines[line - 1]
        else:
            _, _, value_col = self.where(path)
            written = self.doc.source_text[path]
            end = value_col - 1 + len(written)
            rest = text[end:]
            rest = rest[2:] if rest.startswith(", ") else rest
            head = text[: col - 1]
            head = head[:-2] if rest.startswith("}") and head.endswith(", ") else head
            lines[line - 1] = head + rest
        if expect is None:
            return self._mutation(kind, file, lines, line)
        target_file, target_line, _ = self.where(expect, key=True)
        return self._mutation(kind, file, lines, target_line)

    def add(self, kind: str, parent: Path_, key: str, value: str) -> Mutation:
        """Add ``key: value`` to the mapping at ``parent``."""
        file, line, col = self.where(parent)
        lines = list(self.lines[file])
        text = lines[line - 1]
        if text[col - 1] == "{":
            lines[line - 1] = text[:col] + f"{key}: {value}, " + text[col:]
            return self._mutation(kind, file, lines, line)
        children = [p for p in self.doc.keys if p[:-1] == parent and len(p) == len(parent) + 1]
        spots = [self.where(p, key=True) for p in children]
        indent = spots[0][2] - 1
        own_line = [s for s in spots if s[1] != line]
        at = min(s[1] for s in own_line) - 1 if own_line else line
        lines.insert(at, " " * indent + f"{key}: {value}\n")
        return self._mutation(kind, file, lines, at + 1)

    def copy_item(self, kind: str, path: Path_, change: tuple[str, str] | None = None) -> Mutation:
        """Write the list item at ``path`` twice (optionally with one text change in the copy)."""
        file, line, col = self.where(path)
        lines = list(self.lines[file])
        dash = col - 3
        end = line
        while end < len(lines):
            text = lines[end]
            stripped = text.strip()
            indent = len(text) - len(text.lstrip())
            if stripped and not stripped.startswith("#") and indent <= dash:
                break
            end += 1
        while end > line and not lines[end - 1].strip():
            end -= 1
        block = lines[line - 1 : end]
        if change is not None:
            block = [b.replace(change[0], change[1], 1) for b in block]
        lines[end:end] = block
        return self._mutation(kind, file, lines, end + 1)

    def edit(self, kind: str, file: str, line: int, old: str, new: str) -> Mutation:
        """Replace ``old`` by ``new`` on one line (1-based)."""
        lines = list(self.lines[file])
        assert old in lines[line - 1], (kind, old, lines[line - 1])
        lines[line - 1] = lines[line - 1].replace(old, new, 1)
        return self._mutation(kind, file, lines, line)
