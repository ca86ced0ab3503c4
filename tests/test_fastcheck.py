"""The fast schema check says "valid" only where jsonschema finds nothing.

Valid data skips jsonschema (lkjip_gen/data/fastcheck.py); an error the fast check let through
would never be reported. So every example is damaged at sampled places — a value of another
shape, a key dropped, an unknown key added — and wherever jsonschema reports an error, the fast
check must reject the data too.
"""

from __future__ import annotations

import copy
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from examples import EXAMPLES
from lkjip_gen.data import fastcheck, schema
from lkjip_gen.data.load import Path_, load
from tests.test_audit import _paths

# Values the loader can give (it refuses NaN, infinities and numbers past 10^18) in shapes
# jsonschema and a compiled check could judge differently: integral decimals where integers are
# required, bounds, patterns against a trailing newline or non-ASCII digits, bools that Python
# counts as integers, empty and nested containers.
VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    5,
    10**30,
    1.5,
    Decimal("5"),
    Decimal("5.0"),
    Decimal("-0.5"),
    Decimal("100.0000000000000001"),
    Decimal("1E+18"),
    "",
    " ",
    "x",
    "2024\n",
    "٢٠٢٤",
    "I/a\n",
    [],
    [None],
    {},
    {"zz": 1},
]
CASES = 60  # per example; jsonschema's walk of the largest example takes ~25 ms


def _damaged(data: dict[str, Any], path: Path_, how: int, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    node: Any = data
    for part in path[:-1]:
        node = node[part]
    last = path[-1]
    if how == 0 and isinstance(node, dict):
        del node[last]
    elif how == 1 and isinstance(node[last], dict):
        node[last]["kunci_asing"] = value
    else:
        node[last] = value
    return data


def test_the_fast_check_is_made_and_passes_every_example() -> None:
    """Without it every file would take jsonschema's walk: the speed-up would be silently gone."""
    check = fastcheck.compiled(schema.load_schema())
    assert check is not None
    for example in EXAMPLES:
        assert fastcheck.passes(check, load(example).data), example


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.parent.name for e in EXAMPLES])
def test_the_fast_check_never_passes_what_jsonschema_rejects(example: Path) -> None:
    check = fastcheck.compiled(schema.load_schema())
    validator = schema.validator("lkjip")
    data = load(example).data
    rng = random.Random(example.parent.name)
    paths = _paths(data)
    rejected = 0
    for path in rng.sample(paths, min(CASES, len(paths))):
        damaged = _damaged(data, path, rng.randrange(4), rng.choice(VALUES))
        if next(validator.iter_errors(damaged), None) is not None:
            rejected += 1
            assert not fastcheck.passes(check, damaged), path
    assert rejected >= CASES // 3  # the sample does reach the schema's rules
