"""Git integration in a temporary repository: after ``lexdraft git-setup``, git diff / git log -p on an AKN draft
show lexdraft's structural diff (or its structured text), not XML."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from lexdraft.cli import main
from lexdraft.gitdriver import ATTRIBUTES_LINE, driver_output

from conftest import DRAFTS

CH19 = DRAFTS / "kz-digital-code"
pytestmark = pytest.mark.skipif(shutil.which("git") is None or shutil.which("lexdraft") is None,
                                reason="needs git and the installed lexdraft script")


def git(repo, *args) -> str:
    done = subprocess.run(["git", "-c", "user.name=lexdraft test", "-c", "user.email=test@example.org", *args],
                          cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    git(tmp_path, "init", "-q", ".")
    shutil.copy(CH19 / "2024-04-01-rus.xml", tmp_path / "draft.xml")
    git(tmp_path, "add", "draft.xml")
    git(tmp_path, "commit", "-qm", "reconstruction")
    shutil.copy(CH19 / "2025-07-01-rus.xml", tmp_path / "draft.xml")
    git(tmp_path, "commit", "-qam", "revised draft")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["git-setup"])
    assert r.exit_code == 0, r.output
    return tmp_path


def test_setup_registers_driver_and_attributes(repo):
    assert (repo / ".gitattributes").read_text(encoding="utf-8").splitlines() == [ATTRIBUTES_LINE]
    assert git(repo, "config", "diff.lexdraft.command").strip().endswith("lexdraft git-diff-driver")
    assert git(repo, "config", "diff.lexdraft.textconv").strip().endswith("lexdraft git-diff-driver --textconv")
    CliRunner().invoke(main, ["git-setup"])  # idempotent: the line is not added twice
    assert (repo / ".gitattributes").read_text(encoding="utf-8").count(ATTRIBUTES_LINE) == 1


def test_git_diff_shows_structural_diff(repo):
    out = git(repo, "diff", "HEAD~1", "HEAD")
    assert out.startswith("lexdraft diff a/draft.xml b/draft.xml")
    assert "articles: 1 unchanged, 7 amended, 6 inserted" in out
    assert "+ Статья 121-1. Правовой статус систем искусственного интеллекта [inserted]" in out
    assert "Разработчики {+и владельцы +}систем" in out  # word-level change
    assert "ILLUSTRATIVE RECONSTRUCTION" in out  # provenance shown
    assert "<article" not in out and "eId=" not in out


def test_git_log_p(repo):
    ext = git(repo, "log", "-p", "--ext-diff", "-1")
    assert "revised draft" in ext and "6 inserted" in ext and "<p>" not in ext
    plain = git(repo, "log", "-p", "-1")  # textconv: structured text lines, not XML
    assert "+Статья 121-1. Правовой статус систем искусственного интеллекта" in plain
    assert "<p>" not in plain and "eId=" not in plain


def test_working_tree_added_and_deleted_files(repo):
    (repo / "draft.xml").write_bytes((CH19 / "2024-04-01-rus.xml").read_bytes())
    out = git(repo, "diff")
    assert "articles: 1 unchanged, 7 amended, 6 repealed" in out
    shutil.copy(CH19 / "2024-04-01-kaz.xml", repo / "new.xml")
    git(repo, "add", "new.xml")
    added = git(repo, "diff", "--cached", "--", "new.xml")
    assert "(new file)" in added and "8 inserted" in added
    git(repo, "rm", "-q", "--cached", "new.xml")
    os.remove(repo / "new.xml")
    git(repo, "checkout", "-q", "--", "draft.xml")
    git(repo, "rm", "-q", "draft.xml")
    deleted = git(repo, "diff", "--cached")
    assert "(deleted file)" in deleted and "14 repealed" in deleted


def test_driver_falls_back_for_xml_that_is_not_akn(tmp_path):
    a, b = tmp_path / "a.xml", tmp_path / "b.xml"
    a.write_text("<config><x>1</x></config>\n", encoding="utf-8")
    b.write_text("<config><x>2</x></config>\n", encoding="utf-8")
    out = driver_output("cfg.xml", str(a), str(b))
    assert "not compared structurally" in out and "-<config><x>1</x></config>" in out


def test_driver_argument_count():
    r = CliRunner().invoke(main, ["git-diff-driver", "only", "three", "args"])
    assert r.exit_code == 2 and "7 arguments" in r.output


def test_git_log_p_survives_xml_that_is_not_akn(repo):
    (repo / "cfg.xml").write_text("<config><x>1</x></config>\n", encoding="utf-8")
    git(repo, "add", "cfg.xml")
    git(repo, "commit", "-qm", "config 1")
    (repo / "cfg.xml").write_text("<config><x>2</x></config>\n", encoding="utf-8")
    git(repo, "commit", "-qam", "config 2")
    out = git(repo, "log", "-p", "-2")  # textconv passes non-AKN XML through; git does not stop
    assert "+<config><x>2</x></config>" in out
    assert "not compared structurally" in git(repo, "diff", "HEAD~1", "HEAD")
