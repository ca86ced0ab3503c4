"""The ``lkjip`` command: options in, library calls, messages and exit codes out (0/1/2).

Only this package knows about click; each module registers its commands on ``main``.
"""

from lkjip_gen.cli import (  # noqa: F401  (register their commands)
    batch,
    cycle,
    office,
    report,
    spreadsheet,
)
from lkjip_gen.cli.app import main, run

__all__ = ["main", "run"]
