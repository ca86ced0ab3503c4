"""The guide's workflow, step by step, in a fresh virtual environment and a scratch git repository.

init → edit one realisasi → validate → build → textconv; then git: the pre-commit hook from the
guide (a plain .git/hooks script, and the pre-commit framework with the guide's config) refuses
an invalid file and accepts a valid one, this repository's .pre-commit-hooks.yaml is a valid
manifest holding the guide's hook, and ``git diff`` of a rebuilt .docx reads as text.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.fresh_venv import environment

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "panduan.md").read_text(encoding="utf-8")

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.xdist_group("venv"),
]


def guide_block(marker: str) -> str:
    """The code block the guide marks ``<!-- marker -->``: the test runs what users copy."""
    match = re.search(rf"<!-- {re.escape(marker)} -->\n```\w*\n(.*?)```", GUIDE, re.DOTALL)
    assert match, f"docs/panduan.md has no block marked <!-- {marker} -->"
    return match.group(1)


class Shell:
    """Runs commands in the scratch folder with the fresh venv first on PATH, as a user would."""

    def __init__(self, bin_dir: Path, cwd: Path, home: Path) -> None:
        self.cwd = cwd
        self.env = environment()
        self.env.update(
            PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            HOME=str(home),  # no global git config of the machine leaks in
            GIT_CONFIG_NOSYSTEM="1",
            PRE_COMMIT_HOME=str(home / "pre-commit"),
        )

    def at(self, cwd: Path) -> Shell:
        other = Shell.__new__(Shell)
        other.cwd, other.env = cwd, self.env
        return other

    def __call__(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            list(args),
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=600,
        )
        if ok:
            assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
        return result


@pytest.fixture(scope="module")
def office(installed_bin: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Shell, Path]:
    """Guide §2–3: lkjip init, fill in one realisasi, validate, build."""
    work = tmp_path_factory.mktemp("kantor")
    sh = Shell(installed_bin, work, tmp_path_factory.mktemp("home"))
    assert (
        "ditulis: disnaker/lkjip-2024.yaml"
        in sh("lkjip", "init", "disnaker", "--tahun", "2024").stdout
    )
    data = work / "disnaker"
    year = data / "lkjip-2024.yaml"
    # "hapus "# " di depan baris berikut dan tulis angkanya"
    text = year.read_text(encoding="utf-8")
    assert text.count("    # realisasi: 95.5\n") == 1
    year.write_text(
        text.replace("    # realisasi: 95.5\n", "    realisasi: 87.5\n"), encoding="utf-8"
    )
    result = sh("lkjip", "validate", "disnaker/lkjip-2024.yaml")
    assert "disnaker/lkjip-2024.yaml: sah (0 kesalahan, 0 peringatan)" in result.stdout
    model = sh("lkjip", "compute", "disnaker/lkjip-2024.yaml").stdout
    assert '"capaian": 87.5' in model
    return sh, data


@pytest.fixture(scope="module")
def built(office: tuple[Shell, Path]) -> str:
    """Guide §4: lkjip build in the office's folder (once; the git diff test rebuilds it)."""
    sh, data = office
    return sh.at(data)("lkjip", "build", "lkjip-2024.yaml", "-o", "hasil").stdout


def test_build_and_read_the_document(office: tuple[Shell, Path], built: str) -> None:
    sh, data = office
    assert "ditulis: hasil/lkjip-2024.docx" in built
    text = sh.at(data)("lkjip", "textconv", "hasil/lkjip-2024.docx").stdout
    for title in (
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
    ):
        assert title in text.upper(), title
    assert "TULIS NAMA INDIKATOR KINERJA UTAMA" in text and "87,5" in text


def _git_repo(sh: Shell, data: Path) -> Shell:
    """The office folder as a git repository (created by the first test that needs it)."""
    repo = sh.at(data)
    if not (data / ".git").exists():
        repo("git", "init", "--quiet")
        repo("git", "config", "user.name", "Staf Perencanaan")
        repo("git", "config", "user.email", "perencanaan@contoh.go.id")
    return repo


def _commits(repo: Shell) -> int:
    result = repo("git", "rev-list", "--count", "HEAD", ok=False)
    return int(result.stdout) if result.returncode == 0 else 0


def _refused_then_accepted(repo: Shell, data: Path) -> str:
    """Commit an invalid year file (refused), fix it, commit again (accepted); the refusal text."""
    year = data / "lkjip-2024.yaml"
    good = year.read_text(encoding="utf-8")
    year.write_text(
        good.replace("  tahun: 2024\n", "  tahun: dua ribu dua puluh empat\n"), encoding="utf-8"
    )
    before = _commits(repo)
    repo("git", "add", "lkjip-2024.yaml")
    refused = repo("git", "commit", "--quiet", "-m", "data salah", ok=False)
    assert refused.returncode != 0
    assert _commits(repo) == before
    year.write_text(good, encoding="utf-8")
    repo("git", "add", "lkjip-2024.yaml")
    repo("git", "commit", "--quiet", "-m", "data benar")
    assert _commits(repo) == before + 1
    return refused.stdout + refused.stderr


def test_plain_git_hook_from_the_guide(office: tuple[Shell, Path]) -> None:
    sh, data = office
    repo = _git_repo(sh, data)
    hook = data / ".git" / "hooks" / "pre-commit"
    hook.write_text(guide_block("skrip: .git/hooks/pre-commit"), encoding="utf-8")
    hook.chmod(0o755)
    repo("git", "add", "profil.yaml", "skema-lkjip.json", ".gitattributes")
    repo("git", "commit", "--quiet", "-m", "profil")
    message = _refused_then_accepted(repo, data)
    assert "laporan.tahun" in message and "[skema.type]" in message
    assert "Commit dibatalkan" in message
    # A change to the profile alone re-validates the year files beside it.
    profile = data / "profil.yaml"
    good = profile.read_text(encoding="utf-8")
    profile.write_text(
        good.replace("  pemda: NAMA KABUPATEN/KOTA\n", '  pemda: ""\n'), encoding="utf-8"
    )
    repo("git", "add", "profil.yaml")
    refused = repo("git", "commit", "--quiet", "-m", "profil salah", ok=False)
    assert refused.returncode != 0
    assert "profil.yaml" in refused.stderr and "[skema.minLength]" in refused.stderr
    profile.write_text(good, encoding="utf-8")
    repo("git", "add", "profil.yaml")
    hook.unlink()


def test_pre_commit_framework(office: tuple[Shell, Path]) -> None:
    sh, data = office
    if shutil.which("pre-commit", path=sh.env["PATH"]) is None:
        pytest.skip("pre-commit could not be installed (offline?); the plain hook is tested")
    repo = _git_repo(sh, data)
    (data / ".pre-commit-config.yaml").write_text(
        guide_block("berkas: .pre-commit-config.yaml"), encoding="utf-8"
    )
    repo("pre-commit", "install")
    repo("git", "add", ".pre-commit-config.yaml")
    message = _refused_then_accepted(repo, data)
    assert "lkjip validate" in message and "Failed" in message and "[skema.type]" in message
    # This repository's own hook definition, as `repo: <lkjip_gen>` would use it: pre-commit
    # accepts the manifest and its hook is the guide's. (What `pre-commit try-repo` would add is
    # run elsewhere: `pip install` of this repository by test_install, the hook's command by the
    # commits above.)
    manifest = ROOT / ".pre-commit-hooks.yaml"
    repo("pre-commit", "validate-manifest", str(manifest))
    (hook,) = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    (guide,) = yaml.safe_load(guide_block("berkas: .pre-commit-config.yaml"))["repos"][0]["hooks"]
    assert (hook["id"], hook["entry"], hook["files"]) == (
        guide["id"],
        guide["entry"],
        guide["files"],
    )
    assert hook["language"] == "python"  # pre-commit installs lkjip_gen from the repository
    for name in ("lkjip-2024.yaml", "disnaker/lkjip-2025-tw1.yml"):
        assert re.search(hook["files"], name), name
    assert not re.search(hook["files"], "profil.yaml")


def test_git_diff_of_a_rebuilt_document_is_text(office: tuple[Shell, Path], built: str) -> None:
    sh, data = office
    repo = _git_repo(sh, data)
    repo("git", "config", "diff.lkjip.textconv", "lkjip textconv")
    repo("git", "add", "hasil/lkjip-2024.docx")
    repo("git", "commit", "--quiet", "--no-verify", "-m", "dokumen 2024")
    year = data / "lkjip-2024.yaml"
    year.write_text(
        year.read_text(encoding="utf-8").replace("realisasi: 87.5", "realisasi: 95"),
        encoding="utf-8",
    )
    repo("lkjip", "build", "lkjip-2024.yaml", "-o", "hasil")
    diff = repo("git", "diff", "hasil/lkjip-2024.docx").stdout
    assert "Binary files" not in diff
    removed = [line for line in diff.splitlines() if line.startswith("-") and "87,5" in line]
    added = [line for line in diff.splitlines() if line.startswith("+") and "95" in line]
    assert removed and added, diff
