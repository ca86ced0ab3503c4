"""One build against a bare docxtpl render of the same assembled template and context.

``build`` is the whole library pipeline for one file (load, validate, compute, render, finish,
write): with the prepared template and compiled Jinja in memory (every report of a batch after
the first), on disk only (a single ``lkjip build`` after the first, imports aside), and with no
cache at all (the first build with a pack). ``bare`` is what
docxtpl alone does for the same document: open the assembled template, patch it, compile and
render the Jinja, re-parse, save — with the context already built.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
from pathlib import Path

from timing import paired, spread

from lkjip_gen import diskcache
from lkjip_gen.build import build, report_model
from lkjip_gen.render import context, prepare, sandbox
from lkjip_gen.render.assemble import assemble
from lkjip_gen.render.document import environment
from lkjip_gen.render.pack import open_pack


def largest(examples: list[Path]) -> Path:
    """The example with the most data (its year file and profile together)."""
    return max(examples, key=lambda p: sum(f.stat().st_size for f in p.parent.glob("*.yaml")))


def bare_template() -> bytes:
    """The assembled default template with our ``{% vmerge %}`` tags already in docxtpl's own
    terms, so that docxtpl alone can render it."""
    from docx.oxml import parse_xml
    from lxml import etree

    document = assemble(open_pack("default"), "lkjip").document
    xml = etree.tostring(document.element, encoding="unicode")
    start = 0
    while (match := prepare._VMERGE_TAG.search(xml, start)) is not None:
        xml = xml[: match.start()] + match.expand(prepare._VMERGE_FILTER) + xml[match.end() :]
        start = match.start()
    document.part._element = parse_xml(xml.encode())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def run(examples: list[Path], runs: int) -> None:
    from docxtpl import DocxTemplate

    path = largest(examples)
    model = report_model(path)
    template = bare_template()
    env = environment(model)
    out = Path(tempfile.mkdtemp(prefix="bench-build-"))

    def bare() -> float:
        # docxtpl alone compiles the template every time: neither of lkjip's caches may serve.
        sandbox._COMPILED.clear()
        os.environ[diskcache.ENV_VAR] = "0"
        tpl = DocxTemplate(io.BytesIO(template))
        ctx = context.build(model, tpl)  # the context is given: not timed
        start = time.perf_counter()
        try:
            tpl.render(ctx, jinja_env=env)
            tpl.save(io.BytesIO())
            return time.perf_counter() - start
        finally:
            os.environ[diskcache.ENV_VAR] = cache

    def warm() -> None:
        build(path, out)

    def forget() -> None:  # what a new lkjip process starts with
        prepare._prepared.clear()
        prepare._patched.clear()
        sandbox._COMPILED.clear()

    def disk() -> None:
        forget()
        build(path, out)

    def cold() -> None:
        forget()
        os.environ[diskcache.ENV_VAR] = "0"
        try:
            build(path, out)
        finally:
            os.environ[diskcache.ENV_VAR] = cache

    cache = os.environ[diskcache.ENV_VAR] = tempfile.mkdtemp(prefix="bench-cache-")
    warm(), bare()
    print(f"Build vs bare docxtpl ({path.parent.name}, {runs} pairs each):")
    for label, func in (
        ("templates in memory (a batch)", warm),
        ("templates on disk (lkjip build)", disk),
        ("no template cache (first build)", cold),
    ):
        times, bare_times, ratios = paired(func, bare, runs)
        print(f"  {label}:")
        print(f"    build {spread(times)}")
        print(f"    bare  {spread(bare_times)}")
        print(f"    ratio build/bare {spread(ratios, unit='×', digits=2)}")
