"""``validate_paths``: expand the command line's paths, check every file, gather one report.

Files are read with the project's one parser (``lexdraft.akn``); a file that cannot be read becomes a
``parse`` finding (so one bad file does not hide the verdict on the others). Usage errors — a path that does not
exist, a folder or glob with nothing to check — raise ``LexdraftError``.
"""

from __future__ import annotations

import glob
import importlib
import os
from collections.abc import Callable

from ..akn import DIALECT_NAMES, LEXDRAFT_NS, ParsedXml, document_from_xml, read_xml
from ..errors import LexdraftError
from . import rules
from .findings import ERROR, WARNING, FileResult, Finding, Report
from .schema import SchemaCache, xsd_findings

XML_SUFFIXES = (".xml", ".akn")
YAML_SUFFIXES = (".yaml", ".yml")
_GLOB_CHARS = set("*?[")


def expand_paths(paths: list[str] | tuple[str, ...], with_yaml: bool) -> tuple[list[str], list[str]]:
    """(files to check, YAML files skipped) from files, folders (recursively) and glob patterns, sorted.

    A YAML file named on the command line is a concordance; in a folder only ``concordance/*.yaml`` are.

    Raises ``LexdraftError`` for a path that does not exist and for a folder or pattern with no XML in it.
    """
    files: list[str] = []
    skipped: list[str] = []
    for arg in paths:
        if os.path.isdir(arg):
            found = sorted(_walk(arg))
        elif os.path.exists(arg):
            found = [arg]
        elif _GLOB_CHARS & set(arg):
            found = sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p))
            if not found:
                raise LexdraftError("no file matches this pattern", arg)
        else:
            raise LexdraftError("no such file or directory", arg)
        wanted = [p for p in found if p == arg or p.lower().endswith(XML_SUFFIXES)
                  or (with_yaml and _is_concordance(p))]
        skipped += [p for p in found if p not in wanted and _is_concordance(p)]
        if arg.lower().endswith(YAML_SUFFIXES) and not with_yaml and arg in wanted:
            wanted.remove(arg)
            skipped.append(arg)
        if not wanted and not (arg in skipped):
            what = "directory" if os.path.isdir(arg) else "pattern"
            raise LexdraftError(f"{what} holds no XML file to validate", arg)
        files += wanted
    return sorted(dict.fromkeys(files)), sorted(dict.fromkeys(skipped))


def _is_concordance(path: str) -> bool:
    """In a folder, only YAML under a ``concordance/`` directory is a concordance (other YAML may be sidecars)."""
    return path.lower().endswith(YAML_SUFFIXES) and "concordance" in os.path.normpath(path).split(os.sep)[:-1]


def _walk(folder: str) -> list[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out += [os.path.join(dirpath, f) for f in filenames if not f.startswith(".")]
    return out


def concordance_checker() -> Callable | None:
    """``lexdraft.concordance.check_concordance`` if the mapping feature provides it (else YAML is skipped)."""
    try:
        module = importlib.import_module("lexdraft.concordance")
    except ImportError:
        return None
    return getattr(module, "check_concordance", None)


def uses_profile(parsed: ParsedXml) -> bool:
    """A document in lexdraft's own profile carries ``<ld:provenance>``; our rules are errors for it and
    warnings for other publishers' documents, which follow their own conventions (see akn/PROFILE.md)."""
    return next(parsed.tree.getroot().iter(f"{{{LEXDRAFT_NS}}}provenance"), None) is not None


def check_akn(path: str, schemas: SchemaCache, lenient: bool = False) -> FileResult:
    """Every check on one AKN file."""
    try:
        parsed = read_xml(path)
    except LexdraftError as exc:
        return FileResult(path, "akn", "", [Finding(path, exc.line, "parse", ERROR, exc.message)])
    return check_parsed(parsed, schemas, lenient)


def check_parsed(parsed: ParsedXml, schemas: SchemaCache, lenient: bool = False) -> FileResult:
    """Every check on an already parsed file (``akn.parse_bytes`` output: e.g. an import before it is written)."""
    path = parsed.path
    result = FileResult(path, "akn", parsed.dialect)
    if parsed.dialect != "akn3":
        result.findings.append(Finding(
            path, parsed.tree.getroot().sourceline, "dialect", ERROR,
            f"cannot schema-check {DIALECT_NAMES[parsed.dialect]} (namespace {parsed.namespace}): lexdraft validates "
            "Akoma Ntoso 3.0 (OASIS) only; the file can still be read, diffed and redlined",
        ))
        return result
    severity = ERROR if uses_profile(parsed) else WARNING
    tree = parsed.tree
    unique = rules.duplicate_ids(tree, path, WARNING if lenient else ERROR)
    found = xsd_findings(tree, schemas.get(lenient), path, rules.duplicated_values(unique))
    found += unique
    found += rules.eid_paths(tree, path, severity, always=severity == ERROR)
    found += rules.references(tree, path, severity)
    found += rules.frbr(tree, path, severity)
    try:
        found += rules.numbering(document_from_xml(parsed), path, severity)
    except LexdraftError as exc:
        found.append(Finding(path, exc.line, "parse", ERROR, exc.message))
    result.findings = sorted(found, key=Finding.sort_key)
    return result


def check_yaml(path: str, checker: Callable) -> FileResult:
    """Run the concordance checker and turn whatever it returns into findings."""
    try:
        items = checker(path)
    except LexdraftError as exc:
        return FileResult(path, "concordance", "", [Finding(exc.path or path, exc.line, "parse", ERROR, exc.message)])
    findings = [_as_finding(item, path) for item in items or []]
    return FileResult(path, "concordance", "", sorted(findings, key=Finding.sort_key))


def _as_finding(item, path: str) -> Finding:
    """Accept a ``Finding``, a dict or any object with file/line/rule/severity/message attributes."""
    if isinstance(item, Finding):
        return item
    get = item.get if isinstance(item, dict) else (lambda k, d=None: getattr(item, k, d))
    return Finding(
        get("file") or get("path") or path, get("line"), get("rule") or "concordance",
        get("severity") or ERROR, str(get("message") or item),
    )


def validate_paths(paths: list[str] | tuple[str, ...], lenient: bool = False,
                   on_file: Callable[[str], None] | None = None) -> Report:
    """Validate files, folders and globs; ``on_file`` is called before each file (for progress display)."""
    checker = concordance_checker()
    files, skipped = expand_paths(paths, with_yaml=checker is not None)
    schemas = SchemaCache()
    results = []
    for path in files:
        if on_file:
            on_file(path)
        if path.lower().endswith(YAML_SUFFIXES) and checker is not None:
            results.append(check_yaml(path, checker))
        else:
            results.append(check_akn(path, schemas, lenient))
    return Report(results, lenient=lenient, skipped=skipped)
