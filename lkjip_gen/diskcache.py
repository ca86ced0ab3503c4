"""Prepared templates, compiled code and charts kept on disk, so a single build skips them too.

Preparing a pack's template, compiling its Jinja, compiling the schema's fast check
(:mod:`lkjip_gen.data.fastcheck`) and drawing charts (:mod:`lkjip_gen.render.chart_draw`)
cost more than rendering a report, and give the same result for every build. Within a process
they are kept in memory (:mod:`lkjip_gen.render.prepare`,
:class:`lkjip_gen.render.sandbox.LkjipEnvironment`, an lru cache of each drawing); this module
keeps them between processes, in the user's cache folder, the way Python keeps ``.pyc`` files
and Jinja its bytecode cache. An entry's name is a hash of everything it was made from, with the
versions of lkjip_gen, Python and the libraries that made it: a changed part or an upgrade is a
new entry, never a stale one. The cache is an optimisation only: a missing, unreadable or
unwritable folder makes lkjip prepare, compile and draw as before.

``LKJIP_CACHE`` names another folder, or switches the cache off with ``0``.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections import Counter
from importlib import metadata
from pathlib import Path

from lkjip_gen import __version__

ENV_VAR = "LKJIP_CACHE"
_OFF = ("0", "off", "tidak")
_DIGEST = 32
_KEPT_BYTES = 256 * 2**20
"""Bytes kept per kind, newest first. Charts are ~75 KB and a report has up to five: the charts
of a batch of 500 distinct reports (at most ~190 MB; the benchmark's 500 drew 100 MB) are all
there for the rebuild after a round of corrections. A prepared pack is ~200 KB."""
_PRUNE_EVERY = 64
"""Writes of a kind by a process between two prunes of it (a prune reads every entry's size and
age); the first write of each kind prunes. The budget is exceeded by at most that many entries
per process in between."""
_writes: Counter[str] = Counter()


def folder() -> Path | None:
    """The cache folder, or None when the cache is switched off."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured.lower() in _OFF:
        return None
    if configured:
        return Path(configured)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "lkjip" / "cache"
    if xdg := os.environ.get("XDG_CACHE_HOME"):
        return Path(xdg) / "lkjip"
    try:
        home = Path.home()
    except RuntimeError:  # no HOME and no entry in the password database
        return None
    # A service account's home that does not exist (Debian's HOME=/nonexistent, there so that
    # nothing is written for it) is never made: the cache is off.
    return home / ".cache" / "lkjip" if home.is_dir() else None


def key(*parts: str | bytes) -> str:
    """The name of an entry made from ``parts`` by this lkjip, Python, Jinja2 and docxtpl."""
    digest = hashlib.sha256(_VERSIONS.encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def read(kind: str, name: str) -> bytes | None:
    """The entry ``name`` of ``kind``, or None when there is none, it cannot be read or it is
    damaged."""
    base = folder()
    if base is None:
        return None
    try:
        stored = (base / kind / name).read_bytes()
    except OSError:
        return None
    # Entries start with the hash of their content: a damaged one is no entry at all.
    digest, data = stored[:_DIGEST], stored[_DIGEST:]
    return data if hashlib.sha256(data).digest() == digest else None


def write(kind: str, name: str, data: bytes) -> None:
    """Keep ``data`` as the entry ``name`` of ``kind``; written whole or not at all."""
    base = folder()
    if base is None:
        return
    target = base / kind / name
    temporary: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as f:
            f.write(hashlib.sha256(data).digest() + data)
        os.replace(temporary, target)
        if _writes[kind] % _PRUNE_EVERY == 0:
            _prune(target.parent)
        _writes[kind] += 1
    except OSError:
        # A read-only or full disk only costs the time the cache would have saved.
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _prune(kind: Path) -> None:
    """Keep the newest entries of a kind within its budget: edited packs, changed data and
    upgrades leave old ones behind."""
    sizes = {entry: entry.stat() for entry in kind.iterdir()}
    kept = 0
    for entry in sorted(sizes, key=lambda e: sizes[e].st_mtime_ns, reverse=True):
        kept += sizes[entry].st_size
        if kept > _KEPT_BYTES:
            entry.unlink(missing_ok=True)


def _versions() -> str:
    found = [f"lkjip_gen {__version__}", sys.implementation.cache_tag or sys.version]
    for package in ("jinja2", "docxtpl", "python-docx", "lxml", "fastjsonschema", "matplotlib"):
        try:
            found.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(package)
    return "; ".join(found)


_VERSIONS = _versions()
