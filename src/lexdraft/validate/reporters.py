"""Reports for people (text, coloured on a terminal) and for pipelines (JSON, JUnit XML).

All three are pure functions of the ``Report``: same inputs, byte-identical output (no times, no absolute paths
beyond what the user typed).
"""

from __future__ import annotations

import json
from typing import TextIO

from lxml import etree

from .findings import ERROR, RULES, WARNING, Finding, Report

JSON_FORMAT_VERSION = 1
_STYLE = {"error": "bold red", "warning": "yellow"}
MAX_WARNINGS_PER_RULE = 10


def summary(report: Report) -> str:
    n = len(report.files)
    bad = sum(1 for r in report.files if not r.valid)
    text = (f"{n} file{'s' if n != 1 else ''} checked ({'lenient' if report.lenient else 'strict'} XSD): "
            f"{bad} invalid, {report.errors} error{'s' if report.errors != 1 else ''}, "
            f"{report.warnings} warning{'s' if report.warnings != 1 else ''}")
    if report.skipped:
        text += f"; {len(report.skipped)} YAML file(s) skipped (no concordance checker installed)"
    return text


def text_lines(report: Report) -> list[tuple[str, str]]:
    """(line, severity) pairs: one line per finding (warnings capped per file and rule), then a summary line
    (severity "" = no colour)."""
    lines = [(str(f), f.severity) for r in report.files for f in cap_warnings(r.findings)]
    lines.append((summary(report), ERROR if report.errors else ""))
    return lines


def to_text(report: Report) -> str:
    """The text report without colour (for files and pipes)."""
    return "".join(line + "\n" for line, _ in text_lines(report))


def write_text(report: Report, stream: TextIO, color: bool) -> None:
    """Plain lines; with ``color`` (stdout is a terminal) each line is coloured by severity through rich."""
    if not color:
        stream.write(to_text(report))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True)
    for line, severity in text_lines(report):
        console.print(Text(line, style=_STYLE.get(severity, "bold green" if not report.errors else "")))


def cap_warnings(findings: list[Finding], keep: int = MAX_WARNINGS_PER_RULE) -> list[Finding]:
    """At most ``keep`` warnings per rule in one file, then one line saying how many more there are.

    Another publisher's consistent id scheme can produce hundreds of similar warnings; the first few show the
    pattern, the rest is noise on a terminal. Errors are never capped; JSON and JUnit always carry every finding.
    """
    counts: dict[str, int] = {}
    out: list[Finding] = []
    for f in findings:
        if f.severity == WARNING:
            counts[f.rule] = counts.get(f.rule, 0) + 1
            if counts[f.rule] > keep:
                continue
        out.append(f)
    for rule, n in sorted(counts.items()):
        if n > keep:
            out.append(Finding(findings[0].file, None, rule, WARNING,
                               f"{n - keep} more {rule} warnings like the ones above are not shown"))
    return out


def to_json(report: Report) -> str:
    """The report as JSON (format version 1): files with their verdicts, then every finding."""
    data = {
        "format": "lexdraft-validate",
        "version": JSON_FORMAT_VERSION,
        "schema": "lenient" if report.lenient else "strict",
        "valid": report.errors == 0,
        "exit_code": report.exit_code,
        "summary": {"files": len(report.files), "invalid": sum(1 for r in report.files if not r.valid),
                    "errors": report.errors, "warnings": report.warnings},
        "files": [
            {"file": r.file, "kind": r.kind, "dialect": r.dialect, "valid": r.valid, "errors": r.errors,
             "warnings": r.warnings}
            for r in report.files
        ],
        "findings": [f.as_dict() for f in report.findings],
        "skipped": report.skipped,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_junit(report: Report) -> str:
    """JUnit XML: one test case per file; each error a <failure>, warnings in the case's <system-out>."""
    suite = etree.Element("testsuite", name="lexdraft validate", tests=str(len(report.files)),
                          failures=str(sum(1 for r in report.files if not r.valid)), errors="0", skipped="0")
    for r in report.files:
        case = etree.SubElement(suite, "testcase", classname=f"lexdraft.validate.{r.kind}", name=r.file)
        for f in r.findings:
            if f.severity == ERROR:
                failure = etree.SubElement(case, "failure", type=f.rule, message=_xml_safe(f.message))
                failure.text = _xml_safe(str(f))
        warnings = [str(f) for f in r.findings if f.severity != ERROR]
        if warnings:
            etree.SubElement(case, "system-out").text = _xml_safe("\n".join(warnings))
    suites = etree.Element("testsuites", name="lexdraft validate")
    suites.append(suite)
    return etree.tostring(suites, encoding="UTF-8", xml_declaration=True, pretty_print=True).decode("utf-8")


def _xml_safe(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (a message may quote bytes from a broken input)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20 and ord(ch) not in (0xFFFE, 0xFFFF))


def rules_help() -> str:
    return "\n".join(f"  {rule:<13} {text}" for rule, text in RULES.items())
