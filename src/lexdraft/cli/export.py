"""``lexdraft export FILE.xml``: an AKN file as structured legal text or JSON (see docs/import-export.md)."""

from __future__ import annotations

import click

from ..akn import load
from ..export import document_to_json, document_to_text
from ..output import write_atomic


@click.command("export")
@click.argument("xml_file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the structured text format `lexdraft import` reads; json: the unit tree.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file (atomically); default: stdout.")
@click.option("--front-matter/--no-front-matter", default=True, show_default=True,
              help="Text format: start with the YAML metadata block (work, date, language, provenance).")
def command(xml_file: str, fmt: str, output: str | None, front_matter: bool) -> None:
    """Export an Akoma Ntoso file as structured text (re-importable) or as JSON.

    \b
    Examples:
      lexdraft export drafts/kz-ai-law/2025-11-17-kaz.xml
      lexdraft export drafts/foreign/eu-ai-act/2024-06-13-eng.xml --format json -o ai-act.json
    """
    doc = load(xml_file)
    if fmt == "json":
        result = document_to_json(doc)
    else:
        result = document_to_text(doc, with_front_matter=front_matter)
    if output:
        write_atomic(output, result, inputs=(xml_file,))
    else:
        click.echo(result, nl=False)
    if doc.provenance.warning and not (fmt == "text" and front_matter):
        click.echo(f"lexdraft: note: {doc.provenance.warning}", err=True)
