"""Compose YAML with libyaml (through PyYAML's C parser) when it can, ruamel.yaml's way.

ruamel.yaml scans and parses in pure Python (about 1 ms per budget row), which dominates loading
a large file. libyaml produces the same events in C; composing them into nodes here, with
ruamel's YAML 1.2 resolver deciding each tag, gives nodes with the same tags, values and
positions (but for a value left empty, ``key:``, which libyaml places right after its key and
ruamel.yaml at the next token), which :mod:`lkjip_gen.data.load` builds into data as before;
:func:`compose` can give editing ruamel.yaml's node classes too. Whatever this path is not
sure to read exactly as ruamel.yaml would — a syntax error, a character ruamel refuses, nesting
past the bound, several documents, no libyaml at all — returns None, and the caller composes with
ruamel.yaml, whose messages are the ones users see.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.nodes import MappingNode as RuamelMapping
from ruamel.yaml.nodes import ScalarNode as RuamelScalar
from ruamel.yaml.nodes import SequenceNode as RuamelSequence
from ruamel.yaml.reader import Reader
from ruamel.yaml.resolver import VersionedResolver

from lkjip_gen.data import limits

try:
    import yaml
    from yaml.composer import Composer
    from yaml.cyaml import CParser
    from yaml.events import MappingEndEvent, SequenceEndEvent

    AVAILABLE = bool(yaml.__with_libyaml__)
except ImportError:  # PyYAML is a dependency, but a platform may lack its C part
    AVAILABLE = False

_RESOLVER = VersionedResolver(version=(1, 2))


class _Node:
    """A node with only what loading reads. PyYAML's nodes also keep an end mark, and every
    node and mark its own attribute dictionary: most of the memory a large file took."""

    __slots__ = ("tag", "value", "style", "line", "column")

    def __init__(self, tag: str, value: Any, event: Any) -> None:
        self.tag = tag
        self.value = value
        self.style: str | None = getattr(event, "style", None)
        self.line: int = event.start_mark.line
        self.column: int = event.start_mark.column

    @property
    def start_mark(self) -> _Node:
        """Where the node starts (0-based ``line`` and ``column``, as ruamel.yaml's marks)."""
        return self


class ScalarNode(_Node):
    __slots__ = ()


class SequenceNode(_Node):
    __slots__ = ()


class MappingNode(_Node):
    __slots__ = ()


# The node classes of either composer (same attributes: tag, value, style, start_mark).
MAPPINGS: tuple[type[Any], ...] = (RuamelMapping, MappingNode)
SEQUENCES: tuple[type[Any], ...] = (RuamelSequence, SequenceNode)
SCALARS: tuple[type[Any], ...] = (RuamelScalar, ScalarNode)


class _TooDeep(Exception):
    """Nesting past the bound: ruamel.yaml's composer reports it with its position."""


if AVAILABLE:
    _IMPLICIT: dict[str | None, tuple[tuple[str, Any], ...]] = {
        first: tuple((str(tag), pattern) for tag, pattern in entries)
        for first, entries in _RESOLVER.versioned_resolver.items()
    }
    _DEFAULT_TAGS: dict[type, str] = {
        ScalarNode: str(_RESOLVER.DEFAULT_SCALAR_TAG),
        SequenceNode: str(_RESOLVER.DEFAULT_SEQUENCE_TAG),
        MappingNode: str(_RESOLVER.DEFAULT_MAPPING_TAG),
    }

    class _Loader(Composer, CParser):  # type: ignore[misc]  # PyYAML's C part is untyped
        """libyaml's events (``CParser``), composed in Python (``Composer``) with a depth
        bound, tags resolved by ruamel.yaml's YAML 1.2 rules."""

        depth = 0

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            Composer.__init__(self)

        def compose_node(self, parent: Any, index: Any) -> Any:
            self.depth += 1
            try:
                if self.depth > limits.MAX_DEPTH:
                    raise _TooDeep()
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def compose_scalar_node(self, anchor: str | None) -> Any:
            event = self.get_event()
            node = self._node(ScalarNode, self._tag(event, ScalarNode, event.value), event)
            self._anchor(anchor, node)
            return node

        def compose_sequence_node(self, anchor: str | None) -> Any:
            start = self.get_event()
            node = self._node(SequenceNode, self._tag(start, SequenceNode), start)
            self._anchor(anchor, node)
            while not self.check_event(SequenceEndEvent):
                node.value.append(self.compose_node(node, len(node.value)))
            self._ended(node, self.get_event())
            return node

        def compose_mapping_node(self, anchor: str | None) -> Any:
            start = self.get_event()
            node = self._node(MappingNode, self._tag(start, MappingNode), start)
            self._anchor(anchor, node)
            while not self.check_event(MappingEndEvent):
                key = self.compose_node(node, None)
                node.value.append((key, self.compose_node(node, key)))
            self._ended(node, self.get_event())
            return node

        def _node(self, kind: type[_Node], tag: str, event: Any) -> Any:
            value = event.value if kind is ScalarNode else []
            return kind(tag, value, event)

        def _ended(self, node: Any, end: Any) -> None:
            """A collection's end event: loading keeps nothing of it."""

        def _tag(self, event: Any, kind: type, value: str | None = None) -> str:
            tag = event.tag
            if tag is None or tag == "!":
                return self.resolve(kind, value, event.implicit)
            return str(tag)

        def _anchor(self, anchor: str | None, node: _Node) -> None:
            if anchor is not None:
                self.anchors[anchor] = node

        def resolve(self, kind: type, value: Any, implicit: Any) -> str:
            # ruamel.yaml's VersionedResolver.resolve for YAML 1.2, without its Tag objects
            # (we have no path resolvers): the same table, the same first match.
            if kind is ScalarNode and implicit[0]:
                for tag, pattern in _IMPLICIT.get(value[:1], ()) + _IMPLICIT.get(None, ()):
                    if pattern.match(value):
                        return tag
            return _DEFAULT_TAGS[kind]

        # PyYAML's path resolvers (tags by position in the document): we have none.
        def descend_resolver(self, parent: Any, index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

    class _EditLoader(_Loader):
        """ruamel.yaml's own node classes with both marks, as editing reads them (see
        :func:`compose`)."""

        def _node(self, kind: type[_Node], tag: str, event: Any) -> Any:
            if kind is ScalarNode:
                # libyaml calls the plain style "", ruamel.yaml None.
                style = event.style or None
                return RuamelScalar(tag, event.value, event.start_mark, event.end_mark, style=style)
            ruamel = RuamelSequence if kind is SequenceNode else RuamelMapping
            return ruamel(tag, [], event.start_mark, None, flow_style=event.flow_style)

        def _ended(self, node: Any, end: Any) -> None:
            node.end_mark = end.end_mark


def compose(text: str, *, editing: bool = False) -> Any | None:
    """The node graph of ``text`` composed by libyaml, or None to let ruamel.yaml do it.

    ``editing``: ruamel.yaml's node classes with start and end marks, for
    :mod:`lkjip_gen.data.edit`. libyaml's marks are ruamel.yaml's (both follow the YAML
    reference parser; tests/test_fastyaml.py compares every node of every YAML file in the
    repository and a set of edge cases) but for a value left empty (``key:``), which ruamel.yaml
    places at the next token and libyaml right after the colon; editing places such a value by
    its key. The values of folded scalars come without the line-fold markers ruamel.yaml's
    round-trip mode keeps, which loading removes anyway.
    """
    if not AVAILABLE or Reader.NON_PRINTABLE.search(text):
        return None
    loader = _EditLoader(text) if editing else _Loader(text)
    try:
        return loader.get_single_node()
    except (yaml.YAMLError, _TooDeep, RecursionError):
        return None
    finally:
        loader.dispose()
