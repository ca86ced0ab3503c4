"""A fast yes/no schema check, so that valid data skips jsonschema's slower walk.

jsonschema builds a validator for every subschema and value it meets: ~25 ms for the largest
example, the biggest part of checking a report in a batch. fastjsonschema compiles the schema
into plain Python once (kept in lkjip's disk cache like Jinja code), which answers "valid?" in
a fraction of that. It is only trusted to say *valid*: data it rejects, or anything it cannot
judge, goes through jsonschema, whose errors are the ones users see. tests/test_fastcheck.py
damages every example at sampled places and holds that the fast check rejects whatever
jsonschema rejects.
"""

from __future__ import annotations

import json
import marshal
from collections.abc import Callable
from typing import Any

from lkjip_gen import diskcache

Check = Callable[[Any], object]


def passes(check: Check | None, data: Any) -> bool:
    """``data`` passes ``check`` for sure; False means "ask jsonschema"."""
    if check is None:
        return False
    try:
        check(data)
    except Exception:  # noqa: BLE001 - a rejection, or a value it cannot judge: jsonschema decides
        return False
    return True


def compiled(schema: dict[str, Any]) -> Check | None:
    """The check of ``schema``, from the disk cache or compiled now; None when it cannot be
    made (then every file goes through jsonschema)."""
    if _uses_format(schema):
        return None  # fastjsonschema's formats are looser than jsonschema's (dates by pattern)
    text = json.dumps(schema, sort_keys=True)
    entry = diskcache.key("fastjsonschema", text)
    code = _stored(entry)
    if code is None:
        try:
            import fastjsonschema

            # A copy: fastjsonschema rewrites the references of the schema it is given.
            source = fastjsonschema.compile_to_code(json.loads(text), use_default=False)
        except Exception:  # noqa: BLE001 - a schema it cannot compile: jsonschema alone then
            return None
        code = compile(source, "<skema lkjip>", "exec")
        diskcache.write("skema", entry, marshal.dumps(code))
    namespace: dict[str, Any] = {}
    try:
        exec(code, namespace)  # noqa: S102 - fastjsonschema's code for our own schema
    except Exception:  # noqa: BLE001 - e.g. fastjsonschema gone since the entry was written
        return None
    check: Check = namespace[_entry_point(namespace)]
    return check


def _stored(entry: str) -> Any:
    stored = diskcache.read("skema", entry)
    if stored is None:
        return None
    try:
        return marshal.loads(stored)
    except (ValueError, EOFError, TypeError):
        return None  # a damaged entry: compiled and written anew


def _entry_point(namespace: dict[str, Any]) -> str:
    """The root validator's name: compile_to_code defines one function per subschema and the
    root's name is the shortest of them (the others extend it)."""
    return min((n for n in namespace if n.startswith("validate")), key=len)


def _uses_format(schema: Any) -> bool:
    if isinstance(schema, dict):
        return "format" in schema or any(_uses_format(v) for v in schema.values())
    if isinstance(schema, list):
        return any(_uses_format(v) for v in schema)
    return False
