"""The parts of the data that passed the schema, so cross-checks run even when some do not.

A schema error hides nothing else: every value the schema rejects is cut out (a dictionary key
removed, a list item replaced by ``None`` so the positions of its siblings, and with them every
``file:line`` the checks report, stay right). Cutting a required key makes its object invalid, so
cutting repeats until what is left satisfies the schema; only keys the root itself requires can
still be missing. Checks then read a tree in which every object present has the shape the schema
promises, and ask :meth:`Partial.intact` before trusting a total whose parts may have been cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from jsonschema.exceptions import ValidationError

from lkjip_gen.data import schema
from lkjip_gen.data.load import Document, Path_
from lkjip_gen.errors import Problem

# Each round cuts at least one level deeper-to-shallower; data is never this deep.
_MAX_ROUNDS = 64


@dataclass(frozen=True)
class Partial:
    """Schema problems of a document and the data that is left once they are cut out."""

    problems: list[Problem]
    data: dict[str, Any]
    removed: frozenset[Path_] = field(default_factory=frozenset)
    # Every path at or above a cut: a path outside it has nothing cut below it.
    _above: frozenset[Path_] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        above = {cut[:k] for cut in self.removed for k in range(len(cut) + 1)}
        object.__setattr__(self, "_above", frozenset(above))

    def intact(self, path: Path_) -> bool:
        """Nothing at, above or below ``path`` was cut (a total over it can be trusted)."""
        return path not in self._above and not _under(path, self.removed)


def partition(doc: Document) -> Partial:
    """The schema problems of ``doc`` and its data without the values they concern."""
    errors = list(schema.raw_errors(doc.data))
    if not errors:
        return Partial([], doc.data)
    problems = schema.explain(doc, errors)
    data = _copy(doc.data)
    removed: set[Path_] = set()
    for _ in range(_MAX_ROUNDS):
        cuts = {cut for err in errors for cut in _cuts(err) if cut and not _under(cut, removed)}
        if not cuts:
            break
        for cut in sorted(cuts, key=len):
            if not _under(cut, removed):
                _remove(data, cut)
                removed.add(cut)
        errors = list(schema.raw_errors(data))
    return Partial(problems, data, frozenset(removed))


def _cuts(err: ValidationError) -> list[Path_]:
    """What to cut for one error: extra keys alone, else the value the error is about."""
    path: Path_ = tuple(err.absolute_path)
    instance = err.instance
    if err.validator == "additionalProperties" and isinstance(instance, dict):
        allowed = set(err.schema.get("properties", {}))
        patterns = list(err.schema.get("patternProperties", {}))
        return [
            (*path, key)
            for key in instance
            if key not in allowed and not any(re.search(p, key) for p in patterns)
        ]
    if schema.is_key_error(err):
        return [(*path, str(instance))]
    return [path]


def _under(path: Path_, removed: set[Path_] | frozenset[Path_]) -> bool:
    """``path`` is a cut, or lies inside one."""
    return any(path[:k] in removed for k in range(1, len(path) + 1))


def _remove(data: Any, path: Path_) -> None:
    node = data
    for part in path[:-1]:
        node = node[part]
    last = path[-1]
    if isinstance(node, list):
        node[int(last)] = None
    elif isinstance(node, dict):
        node.pop(last, None)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
