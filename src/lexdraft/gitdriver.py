"""Git integration: ``git diff`` / ``git log -p`` on AKN drafts show lexdraft's structural diff.

Two git mechanisms, both registered by ``lexdraft git-setup`` under the diff driver name ``lexdraft``:

* ``diff.lexdraft.command`` — an external diff program (``lexdraft git-diff-driver``). Git calls it with seven
  arguments (``path old-file old-hex old-mode new-file new-hex new-mode``; ``/dev/null`` for an added or
  deleted file) and prints what it prints: the structural diff (articles inserted, amended, renumbered… with
  their word changes). ``git diff`` and ``git show`` use it; ``git log -p`` needs ``--ext-diff`` for it.
* ``diff.lexdraft.textconv`` — ``lexdraft git-diff-driver --textconv``: every other diff git shows (``git log
  -p`` without ``--ext-diff``, ``git blame``, ``--word-diff``) compares the structured legal text of
  ``lexdraft export``, one paragraph or point per line, instead of XML. XML that is not Akoma Ntoso is passed
  through unchanged (a failing textconv would stop ``git log -p`` with "unable to read files to diff").

Files are routed to the driver by ``.gitattributes``: ``*.xml diff=lexdraft``.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

from . import akn
from .compare import diff_documents
from .compare.textfmt import render_summary, to_plain
from .errors import LexdraftError
from .model import Document

DRIVER = "lexdraft"
ATTRIBUTES_LINE = f"*.xml diff={DRIVER}"
NULL = "/dev/null"


def lexdraft_executable() -> str:
    """The command git should run: the installed ``lexdraft`` script (absolute path when found)."""
    found = shutil.which("lexdraft")
    if found:
        return found
    return f"{sys.executable} -c 'from lexdraft.cli import main; main()'"


@dataclass(frozen=True)
class Setup:
    """What ``setup`` registered (for the report printed by ``lexdraft git-setup``)."""

    scope: str  # "--local" or "--global"
    command: str
    textconv: str
    attributes_file: str  # "" when not written
    attributes_line: str = ATTRIBUTES_LINE


def _git(args: list[str], cwd: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise LexdraftError("git is not installed") from None
    if done.returncode != 0:
        raise LexdraftError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}", cwd)
    return done.stdout


def setup(repo: str = ".", global_: bool = False, write_attributes: bool = True) -> Setup:
    """Register the driver in git config (the repository's, or ``--global``) and add the ``.gitattributes``
    line to the repository's work tree (not for ``--global``, where the line is only printed)."""
    exe = lexdraft_executable()
    scope = "--global" if global_ else "--local"
    if not global_:
        _git(["rev-parse", "--show-toplevel"], repo)
    command, textconv = f"{exe} git-diff-driver", f"{exe} git-diff-driver --textconv"
    _git(["config", scope, f"diff.{DRIVER}.command", command], repo)
    _git(["config", scope, f"diff.{DRIVER}.textconv", textconv], repo)
    _git(["config", scope, f"diff.{DRIVER}.cachetextconv", "true"], repo)
    attributes = ""
    if write_attributes and not global_:
        top = _git(["rev-parse", "--show-toplevel"], repo).strip()
        attributes = os.path.join(top, ".gitattributes")
        existing = open(attributes, encoding="utf-8").read() if os.path.exists(attributes) else ""
        if ATTRIBUTES_LINE not in existing.splitlines():
            sep = "" if not existing or existing.endswith("\n") else "\n"
            from .output import write_atomic

            write_atomic(attributes, existing + sep + ATTRIBUTES_LINE + "\n")
    return Setup(scope, command, textconv, attributes)


def textconv(path: str) -> str:
    """The structured legal text of an AKN file (as ``lexdraft export`` gives it, provenance warning first), or
    the file as it is when it is not Akoma Ntoso."""
    from .export import document_to_text

    try:
        doc = akn.load(path)
    except LexdraftError:
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                return fh.read()
        except OSError as exc:
            raise LexdraftError(exc.strerror or str(exc), path) from None
    warning = f"# {doc.provenance.warning}\n" if doc.provenance.warning else ""
    return warning + document_to_text(doc, with_front_matter=False)


def _empty_like(doc: Document) -> Document:
    return Document(path=NULL, dialect=doc.dialect, frbr=doc.frbr, units=[], provenance=doc.provenance)


def driver_output(path: str, old_file: str, new_file: str) -> str:
    """What git prints for one file: the structural diff, or a plain unified diff for XML that is not AKN."""
    try:
        new = akn.load(new_file) if new_file != NULL else None
        old = akn.load(old_file) if old_file != NULL else None
    except LexdraftError as exc:
        return _plain(path, old_file, new_file, str(exc))
    if old is None and new is None:
        return ""
    old = old if old is not None else _empty_like(new)  # type: ignore[arg-type]
    new = new if new is not None else _empty_like(old)
    old.path, new.path = f"a/{path}" if old.path != NULL else NULL, f"b/{path}" if new.path != NULL else NULL
    cs = diff_documents(old, new)
    head = f"lexdraft diff a/{path} b/{path}"
    if old.path == NULL:
        head += " (new file)"
    elif new.path == NULL:
        head += " (deleted file)"
    return head + "\n" + to_plain(render_summary(cs))


def _plain(path: str, old_file: str, new_file: str, why: str) -> str:
    def lines(p: str) -> list[str]:
        if p == NULL:
            return []
        try:
            with open(p, encoding="utf-8", errors="replace") as fh:
                return fh.readlines()
        except OSError as exc:
            raise LexdraftError(exc.strerror or str(exc), p) from None

    diff = difflib.unified_diff(lines(old_file), lines(new_file), f"a/{path}", f"b/{path}")
    return f"lexdraft: {path}: not compared structurally ({why})\n" + "".join(diff)
