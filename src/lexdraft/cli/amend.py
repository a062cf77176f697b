"""``lexdraft amend OLD NEW``: the amending text a drafter would submit; ``--show FILE`` lists a real
instrument's instructions."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from ..errors import LexdraftError
from ..output import write_atomic


@click.command("amend")
@click.argument("old", required=False, metavar="OLD")
@click.argument("new", required=False, metavar="NEW")
@click.option("--format", "fmt", type=click.Choice(["text", "akn", "json"]), default="text", show_default=True,
              help="text: the instrument's wording; akn: an AKN 3.0 amendment with <mod>s (strictly valid); "
                   "json: lexdraft.amendment/1.")
@click.option("--lang", default=None, help="Wording language: rus, kaz or eng (default: the documents' own; "
              "other languages get English).")
@click.option("--show", "show", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="List the instructions of an AKN amending instrument instead (ours, the Italian Senate's, "
                   "LegalDocML.de).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file (atomically) instead of stdout.")
def command(old: str | None, new: str | None, fmt: str, lang: str | None, show: str | None,
            output: str | None) -> None:
    """Write the amendment instructions that turn OLD into NEW, as a drafter would.

    OLD and NEW are AKN files or WORK@DATE selectors. A unit is set out in a new wording when fewer than 70 %
    of its words are kept or it needs more than 3 word changes; otherwise its words are replaced (see
    docs/versions-and-amendments.md). The instructions are checked by applying them to OLD.

    \b
    Examples:
      lexdraft amend drafts/kz-digital-code/2024-04-01-rus.xml drafts/kz-digital-code/2025-07-01-rus.xml
      lexdraft amend kz-digital-code@2024-04-01:kaz kz-digital-code@latest:kaz
      lexdraft amend OLD.xml NEW.xml --format akn -o amendment.xml
      lexdraft amend --show tests/data/akn/de-aendg-2017-s419.xml
    """
    if show:
        if old or new:
            raise LexdraftError("--show takes one FILE and no OLD/NEW")
        text = _show(show, fmt)
        inputs: tuple[str, ...] = (show,)
    else:
        if not (old and new):
            raise LexdraftError("give OLD and NEW (or --show FILE)")
        text = _amend(old, new, fmt, lang)
        inputs = (old, new)
    if output:
        write_atomic(output, text, inputs=inputs)
    elif isinstance(text, bytes):
        click.get_binary_stream("stdout").write(text)
    else:
        click.echo(text, nl=False)


def _amend(old: str, new: str, fmt: str, lang: str | None) -> str | bytes:
    from ..amend.akn_amendment import to_akn
    from ..amend.drafting import Rule
    from ..amend.instructions import LANGUAGES, amend_operations, instruction_language, language_of, render
    from ..compare.inputs import load_version
    from ..languages import iso3, same

    old_doc, new_doc = load_version(old), load_version(new)
    lo, ln = (d.frbr.language.lower() for d in (old_doc, new_doc))
    if lo and ln and not same(lo, ln):
        raise LexdraftError(f"OLD is in {lo} and NEW in {ln}: amendments compare two versions in one language",
                            new_doc.path)
    if lang and iso3(lang) not in LANGUAGES:
        raise LexdraftError(f"--lang must be rus, kaz or eng, not {lang!r}")
    language = instruction_language(lang) if lang else language_of(old_doc)
    rule = Rule()
    ops = amend_operations(old_doc, new_doc, rule)
    warning = old_doc.provenance.warning or new_doc.provenance.warning
    if fmt == "akn":
        return to_akn(ops, old_doc, language, new_doc.frbr.date, warning=warning)
    if fmt == "json":
        from ..amend.jsonfmt import to_json

        return to_json(ops, old_doc, new_doc, language, asdict(rule))
    return render(ops, language, old_doc.frbr.title, warning)


def _show(path: str, fmt: str) -> str:
    from ..amend.akn_amendment import list_instructions

    from ..akn import DIALECT_NAMES, load

    listed, dialect = list_instructions(path)
    warning = load(path).provenance.warning  # an illustrative amendment says so in every listing
    if fmt == "json":
        return json.dumps({"format": "lexdraft.instructions/1", "file": path, "dialect": dialect,
                           "warning": warning, "instructions": [asdict(x) for x in listed]},
                          ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    lines = [f"! {warning}"] if warning else []
    lines.append(f"{path}: {len(listed)} instruction(s), {DIALECT_NAMES.get(dialect, dialect)}")
    for x in listed:
        where = f"line {x.line}" if x.line else ""
        lines.append(f"{x.number}. [{x.action or 'unrecognised'}] {where}" + (f" — target: {x.target}" if x.target else ""))
        lines.append(f"   {x.text}")
        for q in x.quotes:
            lines.append(f"   quoted: «{q}»")
    return "\n".join(lines) + "\n"
