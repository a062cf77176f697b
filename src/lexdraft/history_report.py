"""Rendering version history: log and blame as text, JSON (deterministic) and an HTML timeline."""

from __future__ import annotations

import json
import os

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .history import Lineage, LogEntry, Step, Version, Work
from .model import Provenance


def log_dict(work: Work, entries: dict[str, list[LogEntry]]) -> dict:
    return {
        "format": "lexdraft.log/1", "work": work.name, "folder": work.folder,
        "languages": {lang: [{
            "date": e.version.date, "file": e.version.path, "provisions": e.provisions, "units": e.units,
            "provenance": e.provenance, "changes_from_previous": e.changes,
        } for e in es] for lang, es in entries.items()},
    }


def log_text(work: Work, entries: dict[str, list[LogEntry]]) -> str:
    n = len({e.version.date for es in entries.values() for e in es})
    lines = [f"{work.name} ({work.folder}): {n} version(s) in {', '.join(entries)}"]
    for lang, es in entries.items():
        lines.append(f"{lang}:")
        for e in es:
            status = "" if e.provenance == "official" else f"  [{e.provenance}]"
            if e.changes is None:
                delta = "first version"
            else:
                delta = ", ".join(f"{k} {v}" for k, v in e.changes.items() if k != "unchanged") or "no change"
                delta += f" (unchanged {e.changes.get('unchanged', 0)})"
            lines.append(f"  {e.version.date}  {e.version.name:<22} {e.provisions:>4} provisions  {delta}{status}")
    return "\n".join(lines) + "\n"


def _step(s: Step) -> dict:
    return {"date": s.date, "file": s.path, "eId": s.eid, "num": s.num, "kinds": list(s.kinds)}


def blame_dict(work: Work, versions: list[Version], lineages: list[Lineage], provenance: Provenance) -> dict:
    return {
        "format": "lexdraft.blame/1", "work": work.name, "language": versions[-1].language,
        "versions": [{"date": v.date, "file": v.path} for v in versions],
        "provenance": provenance.status, "warning": provenance.warning,
        "units": [{
            "eId": x.unit.eid, "kind": x.unit.kind, "num": x.unit.num, "heading": x.unit.heading,
            "depth": x.depth, "introduced": _step(x.introduced), "last_changed": _step(x.last_changed),
            "history": [_step(s) for s in x.history],
        } for x in lineages],
    }


def blame_text(work: Work, versions: list[Version], lineages: list[Lineage], provenance: Provenance) -> str:
    lines = []
    if provenance.warning:
        lines.append(f"[{provenance.warning}]")
    lines.append(f"{work.name} ({versions[-1].language}): {len(lineages)} units of {versions[-1].date}, "
                 f"traced through {len(versions)} version(s)")
    width = max((len(x.unit.eid) + 2 * x.depth for x in lineages), default=10)
    lines.append(f"{'unit':<{width}}  {'introduced':<10}  {'last changed':<12}  how")
    for x in lineages:
        name = "  " * x.depth + (x.unit.eid or x.unit.num)
        last = x.last_changed
        how = ", ".join(last.kinds)
        moves = [s.num for s in x.history]
        if len({m for m in moves if m}) > 1:
            how += f"; was {x.introduced.num} ({x.introduced.eid})"
        lines.append(f"{name:<{width}}  {x.introduced.date:<10}  {last.date:<12}  {how}")
    return "\n".join(lines) + "\n"


def blame_html(work: Work, versions: list[Version], lineages: list[Lineage], provenance: Provenance,
               unit: str | None = None) -> str:
    """A self-contained HTML timeline: one row per unit, one column per version (deterministic)."""
    env = Environment(loader=PackageLoader("lexdraft", "templates"), undefined=StrictUndefined,
                      autoescape=select_autoescape(default_for_string=True, default=True),
                      trim_blocks=True, lstrip_blocks=True)
    rows = []
    for x in lineages:
        by_date = {s.date: s for s in x.history}
        cells = []
        for v in versions:
            s = by_date.get(v.date)
            if s is None:
                cells.append({"state": "absent", "text": "", "title": "not yet in this version"})
            else:
                state = {"original": "original", "inserted": "inserted", "unchanged": "same"}.get(
                    s.kinds[0], "changed")
                cells.append({"state": state, "text": s.num or s.eid, "title": f"{s.eid}: {', '.join(s.kinds)}"})
        snippet = x.unit.heading or x.unit.text.split("\n")[0]
        if len(snippet) > 90:
            snippet = snippet[:89].rstrip() + "…"
        rows.append({"eid": x.unit.eid, "num": x.unit.num, "heading": snippet, "depth": x.depth,
                     "introduced": x.introduced.date, "last": x.last_changed.date,
                     "how": ", ".join(x.last_changed.kinds), "cells": cells})
    return env.get_template("history/blame.html.j2").render(
        work=work.name, language=versions[-1].language, versions=versions, rows=rows, unit=unit,
        warning=provenance.warning, files=[os.path.basename(v.path) for v in versions],
    )


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def terminal_progress():
    """A reporter printing "comparing …" lines to stderr when it is a terminal (else None: pipelines stay quiet)."""
    import sys

    if not sys.stderr.isatty():
        return None

    def report(what: str) -> None:
        print(f"lexdraft: comparing {what}", file=sys.stderr, flush=True)

    return report
