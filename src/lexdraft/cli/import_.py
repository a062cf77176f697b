"""``lexdraft import TEXT_FILE``: structured legal text → strictly valid AKN 3.0 (see docs/import-export.md)."""

from __future__ import annotations

import json
import sys

import click

from ..errors import LexdraftError
from ..importer import STATUSES, ImportOptions, blocking, check_akn_bytes, import_file
from ..output import write_atomic


@click.command("import")
@click.argument("text_file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the AKN here (atomically); default: stdout.")
@click.option("--work", default=None, help="FRBR work URI, e.g. /akn/kz/act/code/2024/digital-code.")
@click.option("--date", default=None, help="Expression date, ISO (YYYY-MM-DD).")
@click.option("--lang", "language", default=None, help="ISO 639-2 language (rus, kaz, eng…); guessed if absent.")
@click.option("--doc-type", default=None, type=click.Choice(["act", "bill", "doc"]), help="AKN document type.")
@click.option("--title", default=None, help="Document title (docTitle).")
@click.option("--status", default=None, type=click.Choice(STATUSES), help="Provenance status of the text.")
@click.option("--note", default=None, help="Provenance note shown with the text.")
@click.option("--source", default=None, help="Where the text comes from (URL or citation).")
@click.option("--name", default=None, help="@name of the document element (default: last segment of the work URI).")
@click.option("--structure", default=None, type=click.Choice(["preamble"]),
              help="'preamble': every line is a recital of the preamble.")
@click.option("--article-ids", default=None, type=click.Choice(["nested", "flat"]),
              help="Article eIds: nested (chp_19__art_125, default) or flat (art_5, EU style).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Summary on stderr (text) or on stdout as JSON (only with -o).")
def command(text_file: str, output: str | None, fmt: str, **meta: str | None) -> None:
    """Import structured legal text (optional YAML front matter) as Akoma Ntoso 3.0.

    The output is validated (strict OASIS XSD and lexdraft's eId/FRBR rules) before it is written; invalid
    output is never written. Options override the front matter.

    \b
    Examples:
      lexdraft import drafts/kz-digital-code/src/2024-04-01-rus.txt -o drafts/kz-digital-code/2024-04-01-rus.xml
      lexdraft import art5.txt --work /akn/eu/act/regulation/2024/1689 --date 2024-06-13 --lang eng
    """
    doc, data = import_file(text_file, ImportOptions(**meta))
    name = output or "<stdout>"
    findings = check_akn_bytes(data, name)
    bad = blocking(findings)
    if bad:
        raise LexdraftError(f"the AKN built from this text is not valid, nothing written: {bad[0]}"
                            + (f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""), text_file)
    units = sum(1 for _ in doc.walk())
    articles = len(doc.provisions())
    if output:
        write_atomic(output, data, inputs=(text_file,))
        if fmt == "json":
            click.echo(json.dumps({"input": text_file, "output": output, "provisions": articles, "units": units,
                                   "valid": True, "warnings": [f.as_dict() for f in findings],
                                   "provenance": doc.provenance.status}, ensure_ascii=False, sort_keys=True))
        else:
            click.echo(f"wrote {output}: {articles} provisions, {units} units, valid (strict XSD)", err=True)
    else:
        sys.stdout.buffer.write(data)
    # Findings name lines of the output: reported once it exists (a failed write leaves one error line only).
    for f in findings:
        click.echo(f"lexdraft: {f}", err=True)
    if doc.provenance.warning:
        click.echo(f"lexdraft: note: {doc.provenance.warning}", err=True)
