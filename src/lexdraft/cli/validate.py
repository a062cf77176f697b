"""``lexdraft validate PATH…``: parse the arguments, call ``lexdraft.validate``, print the report."""

from __future__ import annotations

import sys

import click

from ..output import write_atomic
from ..validate import validate_paths
from ..validate.reporters import rules_help, to_json, to_junit, to_text, write_text


@click.command(
    "validate",
    epilog="\b\nRules (ids are stable; see akn/PROFILE.md):\n" + rules_help(),
)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--lenient", is_flag=True, help="Use the lenient XSD (year-only dates allowed; repeated eIds become warnings).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit"]), default="text", show_default=True,
              help="Report format: text for people, json or junit for CI.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the report to this file (atomically) instead of stdout.")
def command(paths: tuple[str, ...], lenient: bool, fmt: str, output: str | None) -> None:
    """Validate Akoma Ntoso files against the OASIS XSD and lexdraft's rules.

    PATH may be a file, a folder (searched recursively for *.xml) or a glob. Exit code 0: valid (warnings
    allowed); 1: errors found; 2: usage error or an input that cannot be read.

    \b
    Examples:
      lexdraft validate drafts/
      lexdraft validate --format junit -o validate.xml drafts/
      lexdraft validate --lenient 'corpus/**/*.xml'
    """
    progress = _progress()
    try:
        report = validate_paths(list(paths), lenient=lenient, on_file=progress)
    finally:
        if progress:
            sys.stderr.write("\r\033[K")  # clear the progress line before the report
            sys.stderr.flush()
    if output:
        text = {"json": to_json, "junit": to_junit, "text": to_text}[fmt](report)
        write_atomic(output, text, inputs=tuple(r.file for r in report.files))
    elif fmt == "text":
        write_text(report, sys.stdout, color=sys.stdout.isatty())
    else:
        click.echo(to_json(report) if fmt == "json" else to_junit(report), nl=False)
    sys.exit(report.exit_code)


def _progress():
    """A per-file callback drawing "validating k: file" on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None
    state = {"n": 0}

    def on_file(path: str) -> None:
        state["n"] += 1
        sys.stderr.write(f"\r\033[Kvalidating {state['n']}: {path}")
        sys.stderr.flush()

    return on_file
