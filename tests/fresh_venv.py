"""The environment of commands run in the fresh venv of conftest's ``installed_bin``."""

from __future__ import annotations

import os

# What a user's shell would not carry into the fresh venv: this checkout on the module path, and
# PYTHONDONTWRITEBYTECODE (set on some machines), under which every lkjip run in the venv would
# compile all it imports anew — the venv is installed without bytecode, which Python writes
# into that throwaway folder at first import.
UNSET = ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONDONTWRITEBYTECODE")


def environment() -> dict[str, str]:
    """This process's environment as a user's shell in the fresh venv would have it."""
    return {k: v for k, v in os.environ.items() if k not in UNSET}
