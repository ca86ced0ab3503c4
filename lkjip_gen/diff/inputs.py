"""Which values of the data changed between two versions, each with the line it is written on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lkjip_gen.data.load import Document, Path_, format_path
from lkjip_gen.data.yamltext import same


@dataclass(frozen=True)
class InputChange:
    """One value added, removed or changed, as written."""

    path: str
    """Data path, e.g. ``kinerja.IKU2.realisasi``."""
    where: str
    """``file:line:col`` in the new version (in the old one for a value removed)."""
    old: str | None
    """As written before; None when added."""
    new: str | None
    """As written now; None when removed."""


def changes(old: Document, new: Document) -> list[InputChange]:
    """Every leaf value that differs, in the order the new file has them."""
    before, after = dict(leaves(old.data)), dict(leaves(new.data))
    found = []
    for path in {**before, **after}:
        a, b = before.get(path, _ABSENT), after.get(path, _ABSENT)
        if a is not _ABSENT and b is not _ABSENT and same(a, b):
            continue
        doc = new if b is not _ABSENT else old
        loc = doc.locate(path)
        found.append(
            (
                (b is _ABSENT, loc.file, loc.line, loc.col),
                InputChange(
                    format_path(path),
                    f"{loc.file}:{loc.line}:{loc.col}",
                    None if a is _ABSENT else _shown(old, path, a),
                    None if b is _ABSENT else _shown(new, path, b),
                ),
            )
        )
    return [change for _, change in sorted(found, key=lambda item: item[0])]


_ABSENT = object()


def leaves(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every scalar of ``value`` with its path; an empty list or mapping counts as one."""
    if isinstance(value, dict) and value:
        for key, item in value.items():
            yield from leaves(item, (*path, key))
    elif isinstance(value, list) and value:
        for i, item in enumerate(value):
            yield from leaves(item, (*path, i))
    else:
        yield path, value


def _shown(doc: Document, path: Path_, value: Any) -> str:
    """A value as the author wrote it (``74.20``, not ``74.2``), shortened when long."""
    text = doc.source_text.get(path)
    if text is None:
        text = (
            "null"
            if value is None
            else format(value, "f")
            if isinstance(value, Decimal)
            else str(value)
        )
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "…"
