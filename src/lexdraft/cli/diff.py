"""``lexdraft diff OLD NEW``: parse the arguments, call ``lexdraft.compare``, print the chosen view."""

from __future__ import annotations

import sys

import click

from ..compare import diff_documents
from ..compare.inputs import load_version
from ..compare.jsonfmt import changeset_to_json
from ..compare.textfmt import render_summary, render_unified, to_plain
from ..output import write_atomic


@click.command("diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "unified"]), default="text", show_default=True,
              help="text: summary with word changes; json: lexdraft.changeset/1 for pipelines; unified: patch-like.")
@click.option("--level", type=click.Choice(["article", "paragraph", "point"]), default="article", show_default=True,
              help="Granularity of the text summary.")
@click.option("--lang", default=None, help="Language of the expressions (rus, kaz, eng…): picks it for WORK@DATE "
              "selectors and checks it for files.")
@click.option("--counterpart", nargs=2, default=None, metavar="OLD2 NEW2",
              help="The same two versions in the other official language: also report bilingual inconsistencies.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file (atomically) instead of stdout.")
def command(old: str, new: str, fmt: str, level: str, lang: str | None, counterpart: tuple[str, str] | None,
            output: str | None) -> None:
    """Compare two versions of a law provision by provision: aligned articles, moves, renumbering, words.

    OLD and NEW are Akoma Ntoso files (or WORK@DATE selectors when version history is kept). Exit code 0: no
    textual change; 1: changes found; 2: error.

    \b
    Examples:
      lexdraft diff drafts/kz-digital-code/2024-04-01-rus.xml drafts/kz-digital-code/2025-07-01-rus.xml
      lexdraft diff OLD.xml NEW.xml --format json -o changes.json
      lexdraft diff OLD.xml NEW.xml --level paragraph --format unified
      lexdraft diff OLD-rus.xml NEW-rus.xml --counterpart OLD-kaz.xml NEW-kaz.xml
    """
    _progress(f"reading {old}")
    old_doc = load_version(old, lang)
    _progress(f"reading {new}")
    new_doc = load_version(new, lang)
    _progress(f"comparing {len(old_doc.provisions())} and {len(new_doc.provisions())} provisions")
    cs = diff_documents(old_doc, new_doc, level=level)
    _progress("")
    report = None
    if counterpart:
        from ..compare.bilingual import compare_languages

        other = diff_documents(load_version(counterpart[0]), load_version(counterpart[1]), level=level)
        report = compare_languages(cs, other)
    color = output is None and sys.stdout.isatty() and fmt != "json"
    if fmt == "json":
        from ..compare.jsonfmt import changeset_to_dict
        import json

        if report is None:
            text = changeset_to_json(cs)
        else:
            data = changeset_to_dict(cs)
            data["bilingual"] = report.to_dict()
            text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    else:
        lines = render_unified(cs, color) if fmt == "unified" else render_summary(cs, level, color)
        if report is not None:
            from ..compare.bilingual import render_report

            lines += render_report(report, color)
        text = None if color else to_plain(lines)
    inputs = tuple(x for x in (old, new) + tuple(counterpart or ()))
    if output:
        write_atomic(output, text or "", inputs=inputs)
    elif text is not None:
        click.echo(text, nl=False)
    else:
        from rich.console import Console

        console = Console(highlight=False, soft_wrap=True)
        for line in lines:
            console.print(line)
    changed = cs.has_changes or (report is not None and bool(report.issues))
    sys.exit(1 if changed else 0)


def _progress(message: str) -> None:
    """One status line on stderr, only when stderr is a terminal (an empty message clears it)."""
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K" + message)
        sys.stderr.flush()
