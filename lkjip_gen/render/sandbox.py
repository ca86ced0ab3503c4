"""The one Jinja environment templates run in: sandboxed, immutable, and bounded in time and size.

Templates come from other offices, so they are treated as untrusted code. Jinja's immutable
sandbox stops escapes and changes to the report model; it bounds neither time nor memory, so the
environment adds cheap checks of its own instead of a process per render:

* every ``{% for %}`` iterates through a counter (at most ``MAX_STEPS`` items per render);
* ``*``, ``**`` and ``%`` are checked before they build a huge string, list or number, and so
  are format widths (``'{:>999999999}'.format(1)``) and the padding filters;
* the text a part renders to is capped at ``MAX_OUTPUT`` characters;
* every call, attribute access and loop step checks a deadline (``TIME_LIMIT`` seconds);
* on Linux the address space may grow by at most ``MAX_MEMORY`` bytes while a template renders.

Exceeding a bound raises :class:`LimitError`, which the renderer reports as "templat gagal" with
the template part and tag.
"""

from __future__ import annotations

import contextlib
import marshal
import math
import re
import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from lkjip_gen import diskcache

MAX_STEPS = 2_000_000
"""Loop iterations per render; the largest example needs about 10,000."""
MAX_OUTPUT = 64_000_000
"""Characters one part (the body, a header) may render to; the largest example needs 2 million."""
MAX_RANGE = 100_000
"""Items of one ``range()`` (Jinja's own sandbox limit, with an Indonesian message)."""
MAX_ITEMS = 1_000_000
"""Characters or items a single ``*``, ``%``, format or filter may produce."""
MAX_WIDTH = 10_000
"""Widths and paddings in format strings and filters."""
MAX_POWER_BITS = 4_096
"""Size of the result of ``**`` on integers."""
TIME_LIMIT = 60.0
"""Seconds one document may spend in template code; the largest example needs 0.05."""
MAX_MEMORY = 2_000_000_000
"""Bytes of address space a render may add (Linux only); the largest example needs 60 MB."""

_COMPILED: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_COMPILED_KEPT = 256  # body parts, headers, footers and properties of a few packs
_DISK_MIN_CHARS = 20_000

LOOP_GUARD = "lkjip_langkah"
"""The filter every ``for`` loop is compiled through to count steps: internal, not for templates."""
# A width or precision in a %-format or a format spec: "%-999999999d", "{:>999999999}".
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?")
_FORMAT_FIELD = re.compile(r"{[^{}]*}")

# Objects whose attributes a template may never read: docxtpl's InlineImage.tpl is the
# DocxTemplate itself, from which a template could reach methods that read or replace files.
_OPAQUE_MODULES = ("docxtpl", "docx", "docxcompose", "lxml", "lkjip_gen", "pathlib", "os")


class LimitError(SecurityError):
    """A template exceeded a time or size bound; the message says which, in Indonesian."""


class _GuardedCodeGenerator(CodeGenerator):
    """Compiles every ``{% for x in items %}`` as ``{% for x in items|lkjip_langkah %}``."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        # Rewritten before any code is written: the generator collects the filters it needs
        # from the whole tree first.
        for loop in node.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, LOOP_GUARD, [], [], None, None, lineno=loop.lineno)
        super().visit_Template(node, frame)


class LkjipEnvironment(ImmutableSandboxedEnvironment):
    """Sandboxed, strict, autoescaping, immutable, no file access, bounded.

    Beyond Jinja's own sandbox, templates can read no attribute of docxtpl, python-docx or
    lkjip_gen objects (the context holds plain data plus pre-built images and paragraphs) and
    nothing starting with an underscore; no method may change a list or dict of the model
    (``dasar_hukum.append(…)`` is refused). A key of a dict wins over a dict method of the same
    name, so ``blok.items`` reads the key ``items``.
    """

    code_generator_class = _GuardedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(
        self, filters: Mapping[str, Callable[..., Any]], finalize: Callable[[Any], Any]
    ) -> None:
        super().__init__(
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            finalize=finalize,
            loader=_NoFiles(),
            keep_trailing_newline=True,
        )
        self.filters.update(filters)
        self.globals["range"] = _range
        self.filters.update(
            {
                LOOP_GUARD: self._steps,
                "center": _bounded_width(self.filters["center"]),
                "indent": _bounded_width(self.filters["indent"]),
                "format": _bounded_percent(self.filters["format"]),
                "replace": _bounded_replace(self.filters["replace"]),
            }
        )
        self.steps = 0
        self.deadline = math.inf

    def compile(
        self,
        source: str | nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        """Jinja's compile, kept per process: a batch renders the same template text for every
        report, and compiling a report's template costs more than rendering it.

        The code reads filters and finalize from the environment it runs in, so it serves every
        environment whose filters take the same arguments (what the key records).
        """
        if raw or not isinstance(source, str):
            return super().compile(source, name, filename, raw, defer_init)  # type: ignore[call-overload]
        key = (self._signature(), source, name, filename, defer_init)
        code = _COMPILED.get(key)
        if code is None:
            code = self._compiled_on_disk(key) or super().compile(
                source, name, filename, False, defer_init
            )
            _COMPILED[key] = code
            while len(_COMPILED) > _COMPILED_KEPT:
                _COMPILED.popitem(last=False)
        else:
            _COMPILED.move_to_end(key)
        return code

    def _compiled_on_disk(self, key: tuple[Any, ...]) -> Any:
        """Code compiled by an earlier lkjip run (see :mod:`lkjip_gen.diskcache`); a
        new entry is left for the next run. Only large templates: the body of a document."""
        signature, source, name, filename, defer_init = key
        if len(source) < _DISK_MIN_CHARS:
            return None
        stable = repr([_qualified(signature[0]), _qualified(signature[1]), *signature[2:]])
        entry = diskcache.key(stable, source, repr((name, filename, defer_init)))
        data = diskcache.read("jinja", entry)
        if data is not None:
            try:
                return marshal.loads(data)
            except (ValueError, EOFError, TypeError):
                pass  # a damaged entry: compiled and written anew below
        code = super().compile(source, name, filename, False, defer_init)
        diskcache.write("jinja", entry, marshal.dumps(code))
        return code

    def _signature(self) -> tuple[Any, ...]:
        """What compiled code depends on besides the source: which filters and tests exist and
        what each is passed (context, environment), and the finalize function."""
        filters = tuple((n, getattr(f, "jinja_pass_arg", None)) for n, f in self.filters.items())
        tests = tuple((n, getattr(f, "jinja_pass_arg", None)) for n, f in self.tests.items())
        return (type(self), self.finalize, filters, tests)

    # ------------------------------------------------------------------ bounds

    @contextlib.contextmanager
    def bounded(self) -> Iterator[None]:
        """Run the renders inside this block under the step, time and memory bounds."""
        self.steps = 0
        self.deadline = time.monotonic() + TIME_LIMIT
        try:
            with _memory_cap():
                yield
        finally:
            self.deadline = math.inf

    def _tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitError(f"templat berjalan lebih dari {TIME_LIMIT:g} detik dan dihentikan")

    def _steps(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            self.steps += 1
            if self.steps > MAX_STEPS:
                raise LimitError(
                    f"perulangan templat melebihi {MAX_STEPS:,} langkah".replace(",", ".")
                )
            if not self.steps % 4096:
                self._tick()
            yield item

    def concat(self, parts: Iterable[str]) -> str:
        """``"".join`` of the rendered pieces, stopping once the output is too large."""
        collected: list[str] = []
        size = 0
        for piece in parts:
            size += len(piece)
            if size > MAX_OUTPUT:
                raise LimitError(
                    f"hasil templat melebihi {MAX_OUTPUT:,} karakter".replace(",", ".")
                )
            collected.append(piece)
        return "".join(collected)

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        self._tick()
        if operator == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            _check_percent(left)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self._tick()
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template: str = value.__self__

        def checked(*args: Any, **kwargs: Any) -> str:
            _check_format(template)
            return wrapped(*args, **kwargs)

        return checked

    # ------------------------------------------------------------------ access

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_") or _opaque(obj) or _opaque(value):
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def getattr(self, obj: Any, attribute: str) -> Any:
        self._tick()
        if isinstance(obj, Mapping) and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        # Fail at the access itself, not later when (or if) the value is printed.
        raise SecurityError(f"atribut {attribute!r} dari objek {type(obj).__name__} terlarang")


class _NoFiles(jinja2.BaseLoader):
    """``{% include %}``, ``{% import %}`` and ``{% extends %}`` find nothing: no file access."""

    def get_source(self, environment: jinja2.Environment, template: str) -> Any:
        raise jinja2.TemplateNotFound(f"{template} (templat tidak boleh memuat berkas)")


def _qualified(obj: Any) -> str:
    return f"{obj.__module__}.{obj.__qualname__}"


def _opaque(obj: Any) -> bool:
    module = type(obj).__module__ or ""
    return module.split(".")[0] in _OPAQUE_MODULES


def _range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise LimitError(f"range() paling banyak {MAX_RANGE:,} butir".replace(",", "."))
    return numbers


def _too_big(what: str) -> LimitError:
    return LimitError(f"{what} terlalu besar (paling banyak {MAX_ITEMS:,})".replace(",", "."))


def _check_repeat(sequence: Any, times: Any) -> None:
    repeated = isinstance(sequence, (str, list, tuple)) and isinstance(times, int)
    if repeated and len(sequence) * times > MAX_ITEMS:
        raise _too_big("hasil perkalian teks atau daftar")


def _check_power(base: Any, exponent: Any) -> None:
    whole = isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1
    if whole and exponent > 0 and exponent * math.log2(abs(base)) > MAX_POWER_BITS:
        raise LimitError("hasil pangkat terlalu besar")


def _check_widths(numbers: Iterable[str | None]) -> None:
    for number in numbers:
        if number == "*" or (number and int(number) > MAX_WIDTH):
            raise LimitError(
                f"lebar atau presisi format paling besar {MAX_WIDTH:,}".replace(",", ".")
            )


def _check_percent(template: str) -> None:
    for match in _PERCENT_SPEC.finditer(template):
        _check_widths(match.groups())


def _check_format(template: str) -> None:
    for field in _FORMAT_FIELD.findall(template):
        _check_widths(re.findall(r"\d+", field.partition(":")[2]))
    if re.search(r"{[^{}]*:[^{}]*{", template):
        raise LimitError("format bersarang ({:{}}) tidak diizinkan di templat")


def _bounded_width(function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(value: Any, width: Any = 80, *args: Any, **kwargs: Any) -> Any:
        if isinstance(width, int) and width > MAX_WIDTH:
            _check_widths([str(width)])
        return function(value, width, *args, **kwargs)

    return wrapper


def _bounded_percent(function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(value: Any, *args: Any, **kwargs: Any) -> Any:
        _check_percent(str(value))
        return function(value, *args, **kwargs)

    return wrapper


def _bounded_replace(function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(eval_ctx: Any, value: Any, old: Any, new: Any, count: Any = None) -> Any:
        text = str(value)
        if isinstance(old, str) and isinstance(new, str) and len(new) > len(old):
            grows = text.count(old) if old else len(text) + 1
            if len(text) + grows * (len(new) - len(old)) > MAX_ITEMS:
                raise _too_big("hasil replace")
        return function(eval_ctx, value, old, new, count)

    return jinja2.pass_eval_context(wrapper)


@contextlib.contextmanager
def _memory_cap() -> Iterator[None]:
    """Let the address space grow by at most ``MAX_MEMORY`` bytes (Linux; elsewhere a no-op).

    A template that builds a huge value then fails with MemoryError instead of taking the PC.
    """
    if not sys.platform.startswith("linux"):
        yield
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm", encoding="ascii") as statm:
        used = int(statm.read().split()[0]) * resource.getpagesize()
    cap = used + MAX_MEMORY
    if (
        soft != resource.RLIM_INFINITY
        and soft <= cap
        or hard != resource.RLIM_INFINITY
        and hard < cap
    ):
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
