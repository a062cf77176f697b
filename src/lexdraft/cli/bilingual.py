"""``lexdraft bilingual OLD_A NEW_A OLD_B NEW_B``: the same revision in two official languages, checked alike."""

from __future__ import annotations

import json
import sys

import click

from ..compare import diff_documents
from ..compare.bilingual import compare_languages, render_report
from ..compare.inputs import load_version
from ..compare.textfmt import to_plain
from ..output import write_atomic


@click.command("bilingual")
@click.argument("old_a", metavar="OLD_RU")
@click.argument("new_a", metavar="NEW_RU")
@click.argument("old_b", metavar="OLD_KK")
@click.argument("new_b", metavar="NEW_KK")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file (atomically) instead of stdout.")
def command(old_a: str, new_a: str, old_b: str, new_b: str, fmt: str, output: str | None) -> None:
    """Flag units changed in one official language but not in the other, and units present in one only.

    Exit code 0: both languages changed alike; 1: inconsistencies found; 2: error.

    \b
    Example:
      lexdraft bilingual drafts/kz-digital-code/2024-04-01-rus.xml drafts/kz-digital-code/2025-07-01-rus.xml \\
                         drafts/kz-digital-code/2024-04-01-kaz.xml drafts/kz-digital-code/2025-07-01-kaz.xml
    """
    docs = [load_version(p) for p in (old_a, new_a, old_b, new_b)]
    report = compare_languages(diff_documents(docs[0], docs[1]), diff_documents(docs[2], docs[3]))
    warnings = sorted({d.provenance.warning for d in docs if d.provenance.warning})
    if fmt == "json":
        data = report.to_dict()
        data["warnings"] = warnings
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    else:
        text = "".join(f"! {w}\n" for w in warnings) + to_plain(render_report(report))
    if output:
        write_atomic(output, text, inputs=(old_a, new_a, old_b, new_b))
    else:
        click.echo(text, nl=False)
    sys.exit(1 if report.issues else 0)
