"""The ``lkjip`` group, the options its commands share, and where errors become exit codes."""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from lkjip_gen import __version__
from lkjip_gen.cli.bahasa import Grup, pasang
from lkjip_gen.compute.periode import Periode
from lkjip_gen.errors import LkjipError, ValidationFailed

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# click's usage errors and help headings in Indonesian wherever the command line is parsed
# (the lkjip program and the tests' CliRunner alike).
pasang()


def handle_errors(func: F) -> F:
    """The one place where library exceptions become messages and exit codes."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ValidationFailed as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
        except LkjipError as exc:
            click.echo(f"lkjip: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            # Ctrl+C or SIGTERM (see run): work folders and LibreOffice are gone by now.
            click.echo("lkjip: dibatalkan; dokumen lama tidak diubah.", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # Whoever read the output went away (``lkjip validate … | head -1``): click ends the
            # run quietly with exit 1, like other programs whose reader closed the pipe.
            raise
        except Exception:  # a bug in lkjip_gen, never the user's data
            if os.environ.get("LKJIP_DEBUG"):
                raise
            click.echo(
                "lkjip: terjadi kesalahan internal (bukan kesalahan data Anda). Jalankan ulang "
                "dengan LKJIP_DEBUG=1 dan laporkan keluarannya kepada pengembang.",
                err=True,
            )
            click.echo(traceback.format_exc(limit=-3), err=True)
            sys.exit(70)

    return wrapper  # type: ignore[return-value]


def run() -> None:
    """The ``lkjip`` program: SIGTERM (a service stopping, a closed terminal) ends the run the
    way Ctrl+C does, so work folders are removed and LibreOffice is stopped before exiting."""
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _interrupt)
    main()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@click.group(cls=Grup, context_settings=CONTEXT)
@click.version_option(
    __version__, "-V", "--version", message="lkjip %(version)s", help="Tampilkan versi lalu keluar."
)
def main() -> None:
    """lkjip — Laporan Kinerja Instansi Pemerintah (LKjIP) dari satu berkas YAML.

    Setiap tabel dan angka dihitung dari data. Alur kerja: ubah berkas YAML → lkjip validate →
    lkjip build → buka dokumennya.

    \b
    Contoh:
      lkjip init disnaker --tahun 2024
      lkjip validate lkjip-2024.yaml
      lkjip build lkjip-2024.yaml --format docx --format pdf -o hasil
    """


strict_option = click.option(
    "--strict", is_flag=True, help="Anggap peringatan sebagai kesalahan (keluar dengan kode 1)."
)


def period_options(func: F) -> F:
    """``--triwulan N`` / ``--tahunan``: the period to report from a file holding the whole year;
    the command receives ``periode`` (None: the period the file names)."""

    @wraps(func)
    def wrapper(*args: Any, triwulan: int | None, tahunan: bool, **kwargs: Any) -> Any:
        if triwulan is not None and tahunan:
            raise click.UsageError("pilih salah satu: --triwulan N atau --tahunan.")
        periode = None
        if triwulan is not None:
            periode = Periode("triwulan", triwulan)
        elif tahunan:
            periode = Periode("tahunan")
        return func(*args, periode=periode, **kwargs)

    wrapper = click.option(
        "--tahunan",
        is_flag=True,
        help="Laporan tahunan dari berkas ini (realisasi tahunan, atau triwulan I–IV).",
    )(wrapper)
    wrapper = click.option(
        "--triwulan",
        type=click.IntRange(1, 4),
        metavar="N",
        help="Laporan triwulan N dari berkas ini: nilai triwulan I–N; triwulan sesudahnya "
        "diabaikan.",
    )(wrapper)
    return wrapper  # type: ignore[return-value]
