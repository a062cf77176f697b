"""``lexdraft show WORK@DATE --unit EID``: a unit as it stood at a date."""

from __future__ import annotations

import json

import click


@click.command("show")
@click.argument("selector", metavar="WORK@DATE")
@click.option("--unit", "eid", required=True, help="eId of the unit, e.g. chp_19__art_125__para_2.")
@click.option("--lang", default=None, help="Language (rus, kaz, eng…) if the selector does not say.")
@click.option("--follow", is_flag=True, help="EID names a unit of the latest version: follow its lineage (moves, "
              "renumbering) back to what it was at DATE.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def command(selector: str, eid: str, lang: str | None, follow: bool, fmt: str) -> None:
    """Print a unit of WORK as it stood at DATE (the version dated DATE, or in force then).

    \b
    Examples:
      lexdraft show kz-digital-code@2024-04-01 --unit chp_19__art_125
      lexdraft show kz-digital-code@latest:kaz --unit chp_19__art_126-1
      lexdraft show eu-ai-act@2021 --unit art_52 --format json
      lexdraft show eu-ai-act@2021 --unit art_50 --follow     # today's Article 50 as proposed (Article 52)
    """
    from ..export import document_to_text, unit_to_dict
    from ..history import show
    from ..model import Document

    doc, unit = show(selector, eid, lang, follow=follow)
    warning = doc.provenance.warning
    if fmt == "json":
        data = {"format": "lexdraft.show/1", "selector": selector, "requested": eid, "file": doc.path,
                "date": doc.frbr.date,
                "language": doc.frbr.language, "warning": warning, "unit": unit_to_dict(unit)}
        click.echo(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
        return
    body = document_to_text(Document(doc.path, doc.dialect, doc.frbr, [unit]), with_front_matter=False)
    head = f"# {doc.frbr.date} {doc.frbr.language} {doc.path} — {unit.eid}"
    click.echo(head + (f"\n# {warning}" if warning else "") + "\n" + body, nl=False)
