"""click's own words in Bahasa Indonesia: usage errors, help headings, ``-h``.

A mistyped command is the users' bad input like any other, and their language is Indonesian;
click writes its messages in English. click marks each one for gettext and reads it through the
names ``_`` and ``ngettext`` of its modules at the moment it speaks, so :func:`pasang` points
those names at this catalogue. A message click adds in a new version stays English until it is
added here: ``tests/test_cli_bahasa.py`` lists click's messages and fails on any this module
neither translates nor names in :data:`UNTUK_PENGEMBANG`.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

PESAN: dict[str, str] = {
    "Usage:": "Pemakaian:",
    "Options": "Opsi",
    "Positional arguments": "Argumen",
    "Commands": "Perintah",
    "Aborted!": "Dibatalkan.",
    "Error: {message}": "Kesalahan: {message}",
    "Try '{command} {option}' for help.": "Bantuan: '{command} {option}'.",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
    "(dynamic)": "(dihitung saat dijalankan)",
    "Missing command.": "Perintah belum disebut.",
    "No such command {name!r}.": "Perintah {name!r} tidak ada.",
    "No such option {name!r}.": "Opsi {name!r} tidak ada.",
    "Missing argument": "Kurang argumen",
    "Missing option": "Kurang opsi",
    "Missing parameter": "Kurang parameter",
    "Missing {param_type}": "Kurang {param_type}",
    "Missing parameter: {param_name}": "Kurang parameter: {param_name}",
    "Invalid value for {param_hint}: {message}": "Nilai {param_hint} salah: {message}",
    "Invalid value: {message}": "Nilai salah: {message}",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} memerlukan {nargs} nilai.",
    "Value must be an iterable.": "Nilainya harus berupa daftar.",
    "Choose from:\n\t{choices}": "Pilih dari:\n\t{choices}",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan bilangan.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} bukan ya/tidak. Nilai yang dikenal: {states}"
    ),
    "{value!r} is not a valid UUID.": "{value!r} bukan UUID.",
    "file": "berkas",
    "directory": "folder",
    "path": "jalur",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename!r} sebuah berkas, bukan folder.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} sebuah folder, bukan berkas.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} tidak dapat dijalankan.",
    "Could not open file {filename!r}: {message}": (
        "Berkas {filename!r} tidak dapat dibuka: {message}"
    ),
    "unknown error": "kesalahan tidak dikenal",
    "Do you want to continue?": "Lanjutkan?",
    "Confirm the action without prompting.": "Lakukan tanpa bertanya dulu.",
    "Repeat for confirmation": "Ulangi untuk memastikan",
    "Error: The two entered values do not match.": "Kesalahan: kedua isian tidak sama.",
    "Error: invalid input": "Kesalahan: isian tidak sah",
    "Press any key to continue...": "Tekan tombol apa saja untuk melanjutkan...",
    "Windows error: {error}": "Kesalahan Windows: {error}",
}
"""click's messages (gettext msgids) and what lkjip says instead."""

JAMAK: dict[tuple[str, str], tuple[str, str]] = {
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Maksud Anda {possibility}?",
        "(Maksud Anda salah satu dari: {possibilities}?)",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Argumen berlebih ({args})",
        "Argumen berlebih ({args})",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Memerlukan {nargs} nilai, tetapi diberi 1.",
        "Memerlukan {nargs} nilai, tetapi diberi {len}.",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Opsi {name!r} memerlukan nilai.",
        "Opsi {name!r} memerlukan {nargs} nilai.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} bukan {choice}.",
        "{value!r} bukan salah satu dari {choices}.",
    ),
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): (
        "{value!r} tidak sesuai format {format}.",
        "{value!r} tidak sesuai format mana pun: {formats}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "Diperlukan {len_type} nilai, tetapi diberi {len_value}.",
        "Diperlukan {len_type} nilai, tetapi diberi {len_value}.",
    ),
}
"""click's messages with a singular and a plural form, and their Indonesian forms."""

UNTUK_PENGEMBANG = frozenset(
    {
        "Could not determine name for option with declarations {decls!r}",
        "No options defined but a name was passed ({name}). Did you mean to declare an argument "
        "instead? Did you mean to pass '--{name}'?",
        "Arguments take exactly one parameter declaration, got {length}: {decls}.",
        "Name '{name}' defined twice",
        "Boolean option {decl!r} cannot use the same flag for true/false.",
        "Invalid start character for option ({option})",
        "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
        "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}",
        "deprecated",
        "Choice({choices})",
        "Unknown standard stream '{name}'",
        "Unknown color {colour!r}",
        "{editor}: Editing failed",
        "{editor}: Editing failed: {e}",
        "d",
        "Couldn't detect Bash version, shell completion is not supported.",
        "Shell completion is not supported for Bash versions older than 4.4.",
    }
)
"""click's messages that only a mistake in lkjip's own code, or a feature lkjip does not use
(editor, progress bars, shell completion, deprecation), can show: left in English."""

# click's modules that speak, each reading ``_`` (and some ``ngettext``) when it does.
_MODULES = (
    "core",
    "decorators",
    "exceptions",
    "formatting",
    "parser",
    "termui",
    "types",
    "utils",
    "_termui_impl",
    "shell_completion",
)


def gettext(message: str) -> str:
    return PESAN.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    forms = JAMAK.get((singular, plural), (singular, plural))
    return forms[0] if n == 1 else forms[1]


def pasang() -> None:
    """Make click speak Indonesian in this process (the ``lkjip`` command's process)."""
    for name in _MODULES:
        try:
            module: Any = importlib.import_module(f"click.{name}")
        except ImportError:  # a later click without this module: its words stay English
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


class Perintah(click.Command):
    """A command whose usage line says ``[OPSI]``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)


class Grup(click.Group):
    """A group whose usage line says ``[OPSI] PERINTAH [ARGUMEN]...``; its commands and
    sub-groups are :class:`Perintah` and :class:`Grup`."""

    command_class = Perintah
    group_class = type

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)
