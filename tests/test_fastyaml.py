"""libyaml reads what ruamel.yaml reads: the same data and positions when loading, the same
marks when editing (lkjip_gen/data/fastyaml.py).

Every YAML file of the repository and a set of edge cases (block scalars with kept and stripped
ends, CRLF, BOM, flow collections over lines, anchors, empty values, non-BMP characters, tags) is
read both ways.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.nodes import MappingNode, ScalarNode

from lkjip_gen.data import fastyaml, source
from lkjip_gen.data.load import load
from lkjip_gen.data.yamltext import lookup

ROOT = Path(__file__).resolve().parents[1]
# The repository's folders that hold YAML (a walk of the root would walk .venv too).
FILES = sorted(
    [*ROOT.glob("*.yaml")]
    + [
        p
        for folder in ("examples", "templates", "schemas", "docs")
        for p in (ROOT / folder).rglob("*.yaml")
    ]
)
EDGES = {
    "blok": "a: |\n  x\n\n\n# c\nb: 1\n",
    "blok-simpan": "a: |+\n  x\n\n\nb: >\n  y\n  z\n\n  w\nc: 2\n",
    "blok-indentasi": "a: |2\n    in\n  less\nb: >-\n\n  leading blank\nc: |-\n  x\n# akhir\n",
    "crlf": 'a: 1\r\nb:\r\n  - x\r\n  - "y"\r\nc: |\r\n  l1\r\n  l2\r\n',
    "flow": "a: [1,\n  2, {x: 1,\n  y: [3]}]\nb: {}\nc: []\nd:\ne: ~\nf: {g: , h: 1}\n",
    "kunci": "\"k 1\": 1\n? complex\n: 2\n'q': 'it''s'\n",
    "jangkar": "a: &x\n  b: 1\nc: *x\nd: &y 5\ne: *y\n",
    "dokumen": "%YAML 1.2\n---\na: !!str 5\nb: 0o17\n...\n",
    "unicode": 'a: 😀 emoji 𝔘\nb: "😀\\n"\nc: ünï\n  multi line 😀\nd: 1 # komentar 😀\n',
    "daftar": "a:\n- 1\n- - 2\n  - 3\n- k: v\n  k2: v2\nb:   spaced   \n",
    "kutip": "a: \"multi\n  line\n\n  quoted\"\nb: 'single\n  multi'\nc: plain\n\n  with blank\n",
    "komentar": "a:\n  b:\n    c: 1\n  # di antara\n  d: 2\n\n\nz: 3  # akhir\n",
    "bom": "\ufeffa: bom\n",
}
TEXTS = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in FILES} | EDGES


def test_the_corpus_holds_the_examples() -> None:
    assert sum(name.startswith("examples/") for name in TEXTS) >= 8


@pytest.mark.parametrize("name", [n for n in TEXTS if n != ".pre-commit-hooks.yaml"])  # a list
def test_loading_gives_the_same_data_and_positions(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """But for a value left empty (``key:``), placed by libyaml on its key's line, where users
    look for it, and by ruamel.yaml at the next token."""
    path = tmp_path / "data.yaml"
    path.write_text(TEXTS[name].replace("profil: profil.yaml\n", ""), encoding="utf-8")
    assert fastyaml.compose(path.read_text(encoding="utf-8-sig")) is not None
    fast = load(path)
    monkeypatch.setattr(fastyaml, "AVAILABLE", False)
    slow = load(path)
    assert (fast.data, fast.keys) == (slow.data, slow.keys)
    moved = {k for k in slow.values if fast.values[k] != slow.values[k]}
    assert {k for k in moved if lookup(fast.data, k) is None} == moved
    assert all(fast.values[k].line == fast.keys[k].line for k in moved)
    assert name != "flow" or moved == {("d",), ("f", "g")}


@pytest.mark.parametrize("name", TEXTS)
def test_editing_nodes_carry_ruamels_marks(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEXTS[name].removeprefix("\ufeff")
    edited = fastyaml.compose(text, editing=True)
    monkeypatch.setattr(fastyaml, "AVAILABLE", False)
    ruamel, problems = source.compose(text, name, editing=True)
    assert edited is not None and ruamel is not None and not problems
    assert type(edited.start_mark) is not type(ruamel.start_mark)  # libyaml's, ruamel's
    differences: list[str] = []
    _compare(ruamel, edited, name, differences)
    assert differences == []


def _compare(a: Any, b: Any, where: str, differences: list[str]) -> None:
    if type(a) is not type(b) or a.tag != b.tag:
        differences.append(f"{where}: {type(a).__name__} {a.tag} ≠ {type(b).__name__} {b.tag}")
        return
    empty = isinstance(a, ScalarNode) and a.value == "" and a.style is None
    marks = (
        [] if empty else [("start", a.start_mark, b.start_mark), ("end", a.end_mark, b.end_mark)]
    )
    for side, x, y in marks:
        if (x.index, x.line, x.column) != (y.index, y.line, y.column):
            differences.append(f"{where}: {side} {x.index} ≠ {y.index}")
    if isinstance(a, ScalarNode):
        value = a.value.replace("\a", "") if a.style == ">" else a.value  # ruamel's fold marks
        if (value, a.style) != (b.value, b.style):
            differences.append(f"{where}: {a.style}{value!r} ≠ {b.style}{b.value!r}")
        return
    if bool(a.flow_style) != bool(b.flow_style) or len(a.value) != len(b.value):
        differences.append(f"{where}: flow {a.flow_style}/{b.flow_style}, {len(a.value)} items")
        return
    pairs = a.value if isinstance(a, MappingNode) else [(None, v) for v in a.value]
    others = b.value if isinstance(b, MappingNode) else [(None, v) for v in b.value]
    for i, ((ka, va), (kb, vb)) in enumerate(zip(pairs, others, strict=True)):
        if ka is not None:
            _compare(ka, kb, f"{where}/{ka.value}:", differences)
        _compare(va, vb, f"{where}/{ka.value if ka is not None else i}", differences)
