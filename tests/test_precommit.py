"""The pre-commit hooks, installed and run by the real ``pre-commit try-repo``, offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

MESSY = """@article{smith2019,
  author = {Smith, John},
  title = {Machine learning for DNA repair},
  journal = {Bioinformatics},
  year = {2019},
  pages = {1200-1210},
  doi = {https://doi.org/10.1093/bioinformatics/btz123},
}

@book{knuth1984,
  author = {Knuth, Donald E.},
  title = {The {\\TeX}book},
  publisher = {Addison-Wesley},
  year = {1984},
}
"""

FIXED = (
    MESSY.replace("{Machine learning for DNA repair}", "{Machine learning for {DNA} repair}")
    .replace("1200-1210", "1200--1210")
    .replace("https://doi.org/10.1093", "10.1093")
)


def test_hooks_file_declares_both_hooks() -> None:
    """.pre-commit-hooks.yaml has refnorm-check and refnorm-fix: python, .bib files, our CLI."""
    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"refnorm-check", "refnorm-fix"}
    for name, hook in hooks.items():
        assert hook["language"] == "python"
        assert hook["types"] == ["bib"]
        assert hook["entry"] == name.replace("-", " ")


def _offline_env(home: Path) -> dict[str, str]:
    """pre-commit builds the hook's virtualenv with pip: let it see the packages already installed
    here (system site-packages), build without isolation and never ask an index."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "VIRTUALENV_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(home / "cache"),
        VIRTUALENV_SYSTEM_SITE_PACKAGES="1",
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip's spelling for "do not isolate the build"
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
    )
    return env


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.mark.slow
def test_pre_commit_try_repo_fixes_a_messy_bib(tmp_path: Path) -> None:
    """refnorm-fix fails once and fixes the file, then passes; refnorm-check passes on the result."""
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.fail("this test needs the refnorm git checkout and git")
    env = _offline_env(tmp_path)
    head = _git("rev-parse", "HEAD", cwd=ROOT, env=env).strip()
    project = tmp_path / "paper"
    project.mkdir()
    _git("init", "-q", cwd=project, env=env)
    bib = project / "refs.bib"
    bib.write_text(MESSY, encoding="utf-8")
    _git("add", "refs.bib", cwd=project, env=env)

    def hook(name: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), name, "--ref", head]
        command += ["--files", "refs.bib", "--verbose"]
        return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=540)

    first = hook("refnorm-fix")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "Fixing refs.bib" in first.stdout
    assert bib.read_text(encoding="utf-8") == FIXED

    second = hook("refnorm-fix")
    assert second.returncode == 0, second.stdout + second.stderr
    assert bib.read_text(encoding="utf-8") == FIXED

    check = hook("refnorm-check")
    assert check.returncode == 0, check.stdout + check.stderr
