"""``lexdraft diff``: formats, levels, exit codes, errors, output files."""

from __future__ import annotations

import json

from click.testing import CliRunner

from lexdraft.cli import main

from conftest import AKN, DRAFTS

OLD_RU = str(DRAFTS / "kz-digital-code" / "2024-04-01-rus.xml")
NEW_RU = str(DRAFTS / "kz-digital-code" / "2025-07-01-rus.xml")
OLD_KK = str(DRAFTS / "kz-digital-code" / "2024-04-01-kaz.xml")
NEW_KK = str(DRAFTS / "kz-digital-code" / "2025-07-01-kaz.xml")


def run(*args: str):
    return CliRunner().invoke(main, ["diff", *args])


def test_text_summary_exit_1_with_warning_counts_and_word_changes() -> None:
    r = run(OLD_RU, NEW_RU)
    assert r.exit_code == 1, r.output
    assert "ILLUSTRATIVE RECONSTRUCTION" in r.output
    assert "articles: 1 unchanged, 7 amended, 6 inserted" in r.output
    assert "Разработчики {+и владельцы +}систем" in r.output
    assert "\x1b[" not in r.output  # no colour when not a terminal


def test_levels_change_the_granularity() -> None:
    para = run(OLD_RU, NEW_RU, "--level", "paragraph").output
    assert "changes at paragraph level: 5 amended, 2 reworded, 9 inserted, 1 repealed" in para
    point = run(OLD_RU, NEW_RU, "--level", "point").output
    assert "1-1) [inserted]" in point


def test_no_change_exit_0() -> None:
    r = run(str(AKN / "de-vereinsg-1964-08-05.xml"), str(AKN / "de-vereinsg-2017-03-15.xml"))
    assert r.exit_code == 0, r.output
    assert "articles: 2 unchanged" in r.output


def test_json_is_deterministic_and_written_atomically(tmp_path) -> None:
    out = tmp_path / "changes.json"
    r = run(OLD_RU, NEW_RU, "--format", "json", "-o", str(out))
    assert r.exit_code == 1 and r.output == ""
    first = out.read_bytes()
    assert run(OLD_RU, NEW_RU, "--format", "json", "-o", str(out)).exit_code == 1
    assert out.read_bytes() == first
    data = json.loads(first)
    assert data["format"] == "lexdraft.changeset/1" and data["summary"]["inserted"] == 6
    assert run(OLD_RU, NEW_RU, "--format", "json").output.encode() == first


def test_unified_view() -> None:
    r = run(OLD_RU, NEW_RU, "--format", "unified")
    assert r.exit_code == 1
    lines = r.output.splitlines()
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    assert any(line.startswith("@@ Статья 121-1.") for line in lines)
    assert "-  3. В сложных случаях источник ответственности за вред определяется с учетом особенностей " \
           "функционирования системы искусственного интеллекта." in lines
    assert "+  3. Исключен." in lines


def test_counterpart_adds_the_bilingual_check() -> None:
    r = run(OLD_RU, NEW_RU, "--counterpart", OLD_KK, NEW_KK)
    assert "bilingual check rus ↔ kaz" in r.output and "0 inconsistencies" in r.output
    r = run(OLD_RU, NEW_RU, "--counterpart", OLD_KK, OLD_KK, "--format", "json")
    data = json.loads(r.output)
    assert len(data["bilingual"]["issues"]) == 18


def test_errors_are_one_line_exit_2(tmp_path) -> None:
    r = run(str(tmp_path / "missing.xml"), NEW_RU)
    assert r.exit_code == 2 and "missing.xml" in r.output and "Traceback" not in r.output
    bad = tmp_path / "bad.xml"
    bad.write_text("<akomaNtoso><act>", encoding="utf-8")
    r = run(str(bad), NEW_RU)
    assert r.exit_code == 2 and "malformed XML" in r.output
    r = run(OLD_RU, NEW_RU, "--lang", "kaz")
    assert r.exit_code == 2 and "not 'kaz'" in r.output
    r = run("digital-code@2024-04-01", NEW_RU)
    assert r.exit_code == 2 and len(r.output.strip().splitlines()) == 1


def test_refuses_to_overwrite_an_input(tmp_path) -> None:
    target = tmp_path / "old.xml"
    target.write_bytes(open(OLD_RU, "rb").read())
    before = target.read_bytes()
    r = run(str(target), NEW_RU, "--format", "json", "-o", str(target))
    assert r.exit_code == 2 and target.read_bytes() == before


def test_help_has_an_example() -> None:
    r = CliRunner().invoke(main, ["diff", "--help"])
    assert r.exit_code == 0 and "lexdraft diff drafts/kz-digital-code/" in r.output


def test_work_at_date_selectors_go_through_version_history() -> None:
    import importlib

    history = importlib.import_module("lexdraft.history")
    if not hasattr(history, "resolve"):
        import pytest

        pytest.skip("lexdraft.history.resolve not available")
    r = run("kz-digital-code@2024-04-01", "kz-digital-code@2025-07-01", "--lang", "rus")
    assert r.exit_code == 1, r.output
    assert "articles: 1 unchanged, 7 amended, 6 inserted" in r.output


def test_json_bytes_do_not_depend_on_the_hash_seed() -> None:
    """Sets and dicts drive candidate generation; the output must not depend on Python's string hashing."""
    import os
    import subprocess
    import sys

    args = [str(AKN / "eu-ai-act-proposal-2021-206.xml"), str(AKN / "eu-ai-act-2024-1689.xml"), "--format", "json"]
    outputs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", "import sys; from lexdraft.cli import main; main()", "diff", *args],
                              capture_output=True, env=env)
        assert done.returncode == 1, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
