"""Map results and gap reports as text, JSON, CSV and self-contained HTML (deterministic: same input, same bytes)."""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape

from .gaps import GapReport
from .model import Concordance
from .provisions import Provision
from .suggest import Candidate, Params, Suggestion


@dataclass(frozen=True)
class MapRun:
    """What one ``lexdraft map`` run compared and how: the context every output states."""

    draft_path: str
    draft_warning: str
    foreign: list[Provision]
    params: Params
    embed: bool
    concordance: Concordance | None
    caveat: str


def _rel(path: str) -> str:
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _sources(run: MapRun) -> list[dict]:
    seen: dict[str, dict] = {}
    for p in run.foreign:
        src = seen.setdefault(p.path, {"path": _rel(p.path), "work": p.work, "date": p.date,
                                       "jurisdiction": p.jurisdiction, "warning": p.warning, "provisions": 0})
        src["provisions"] += 1
    return [seen[k] for k in sorted(seen, key=_rel)]


def _candidate(rank: int, c: Candidate) -> dict:
    return {
        "rank": rank,
        "citation": c.provision.citation,
        "path": _rel(c.provision.path),
        "eid": c.provision.eid,
        "passage": c.passage,
        "jurisdiction": c.provision.jurisdiction,
        "language": c.provision.lang,
        "score": c.fused,
        "supported": c.supported,
        # "weak": ranked, but below every support threshold - shown for the reviewer, never proposed as a link.
        "proposed_label": c.label if c.supported else "weak",
        "channels": {k: {"score": v.score, "rank": v.rank, "why": list(v.why)} for k, v in sorted(c.channels.items())},
        "curated": [{"label": ln.label, "eid": ln.eid, "rationale": ln.rationale} for ln in c.curated],
        "warning": c.provision.warning,
    }


def map_data(run: MapRun, results: list[Suggestion]) -> dict:
    """The JSON-able form of a map run."""
    return {
        "caveat": run.caveat,
        "draft": {"path": _rel(run.draft_path), "warning": run.draft_warning},
        "against": _sources(run),
        "channels": {"lexical": True, "topic": True, "embed": run.embed},
        "params": run.params.__dict__,
        "units": [
            {
                "eid": s.unit.eid,
                "citation": s.unit.citation,
                "language": s.unit.lang,
                "topics": list(s.topics),
                "gap": s.gap,
                "margin": s.margin,
                "candidates": [_candidate(i + 1, c) for i, c in enumerate(s.candidates)],
                "by_jurisdiction": {
                    j: ({"citation": c.provision.citation, "eid": c.provision.eid, "path": _rel(c.provision.path),
                         "proposed_label": c.label, "score": c.fused} if c else "Gap")
                    for j, c in sorted(s.by_jurisdiction.items())
                },
                "curated_not_suggested": [
                    {"work": ln.work, "eid": ln.eid, "label": ln.label, "citation": ln.citation,
                     "rationale": ln.rationale} for ln in s.curated_missing
                ],
            }
            for s in results
        ],
    }


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def map_csv(data: dict) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["draft_eid", "draft_citation", "rank", "jurisdiction", "citation", "path", "eid", "passage", "score",
                "margin", "proposed_label", "curated_label", "topic", "lexical", "embed", "why",
                "draft_warning", "warning"])
    # Provenance on every row, not in a header comment: rows are filtered and sorted on their own in spreadsheets.
    dw = data["draft"]["warning"]
    for u in data["units"]:
        if not u["candidates"] or u["gap"]:
            w.writerow([u["eid"], u["citation"], "", "", "", "", "", "", "", u["margin"], "Gap", "", "", "", "", "",
                        dw, ""])
        for c in u["candidates"]:
            ch = c["channels"]
            why = " | ".join(x for v in ch.values() for x in v["why"])
            w.writerow([u["eid"], u["citation"], c["rank"], c["jurisdiction"], c["citation"], c["path"], c["eid"],
                        c["passage"], c["score"], u["margin"] if c["rank"] == 1 else "", c["proposed_label"],
                        ";".join(x["label"] for x in c["curated"]),
                        ch.get("topic", {}).get("score", ""), ch.get("lexical", {}).get("score", ""),
                        ch.get("embed", {}).get("score", ""), why, dw, c["warning"]])
    return buf.getvalue()


_COLORS = {"Full": "green", "Partial": "yellow", "Complementary": "blue", "Gap": "red", "weak": "bright_black"}


def _paint(text: str, color: str | None) -> str:
    import click

    return click.style(text, fg=color) if color else text


def map_text(data: dict, color: bool = False) -> str:
    """Plain text for the terminal (``color``: ANSI colours for labels and warnings, only on a terminal)."""
    lines = [f"Draft: {data['draft']['path']}"]
    if data["draft"]["warning"]:
        lines.append(_paint(f"  ! {data['draft']['warning']}", "yellow" if color else None))
    lines.append(f"Compared with {sum(s['provisions'] for s in data['against'])} provisions in "
                 f"{len(data['against'])} texts; channels: lexical, topic"
                 + (", embedding" if data["channels"]["embed"] else "") + ".")
    for s in data["against"]:
        if s["warning"]:
            lines.append(f"  ! {s['path']}: {s['warning']}")
    lines.append(f"Caveat: {data['caveat']}")
    for u in data["units"]:
        lines.append("")
        lines.append(f"{u['citation']}  [{u['eid']}]  topics: {', '.join(u['topics']) or '-'}")
        if u["gap"]:
            lines.append(_paint("  Gap: no foreign provision with real support in any channel.", "red" if color else None))
        for c in u["candidates"]:
            cur = "".join(f"  [curated {x['label']}]" for x in c["curated"])
            label = _paint(f"{c['proposed_label']:<13}", _COLORS.get(c["proposed_label"]) if color else None)
            lines.append(f"  {c['rank']}. {label} {c['score']:.4f}  {c['citation']}"
                         + (f" ({c['passage']})" if c["passage"] else "") + cur)
            for name, ch in c["channels"].items():
                why = "; ".join(ch["why"][:3])
                lines.append(f"       {name} {ch['score']:.3f} (#{ch['rank']}): {why}")
        if u["candidates"]:
            lines.append(f"  margin to runner-up: {u['margin']:.4f}")
        gaps = [j for j, c in u["by_jurisdiction"].items() if c == "Gap"]
        if gaps:
            lines.append(f"  no supported counterpart in: {', '.join(gaps)}")
        for x in u["curated_not_suggested"]:
            lines.append(f"  curated {x['label']} not among the suggestions: {x['citation']}")
    return "\n".join(lines) + "\n"


def _env() -> Environment:
    return Environment(loader=PackageLoader("lexdraft", "templates"), autoescape=select_autoescape(["html", "j2"]),
                       trim_blocks=True, lstrip_blocks=True)


def map_html(data: dict) -> str:
    return _env().get_template("map.html.j2").render(d=data)


def gaps_data(run: MapRun, report: GapReport) -> dict:
    return {
        "caveat": run.caveat,
        "draft": {"path": _rel(run.draft_path), "warning": run.draft_warning,
                  "units": [p.citation for p in report.draft]},
        "against": _sources(run),
        "jurisdictions": report.jurisdictions,
        "topics": [{"id": t, "label": label} for t, label in report.topics],
        "matrix": [
            {"topic": t, "cells": [
                {"jurisdiction": j, "state": report.cells[(t, j)].state,
                 "draft": list(report.cells[(t, j)].draft_units), "foreign": list(report.cells[(t, j)].foreign_units)}
                for j in report.jurisdictions
            ]}
            for t, _ in report.topics
        ],
        "foreign_without_counterpart": [
            {"citation": u.provision.citation, "path": _rel(u.provision.path), "eid": u.provision.eid,
             "jurisdiction": u.provision.jurisdiction, "topics": list(u.topics),
             "curated": [{"label": ln.label, "rationale": ln.rationale} for ln in u.curated]}
            for u in report.foreign_without_counterpart
        ],
        "draft_without_counterpart": [
            {"citation": g.unit.citation, "eid": g.unit.eid, "topics": list(g.topics),
             "jurisdictions": list(g.jurisdictions),
             "curated": [{"jurisdiction_work": ln.work, "rationale": ln.rationale} for ln in g.curated]}
            for g in report.draft_without_counterpart
        ],
    }


def gaps_html(data: dict) -> str:
    return _env().get_template("map_gaps.html.j2").render(d=data)


def gaps_text(data: dict) -> str:
    lines = [f"Gap report for {data['draft']['path']}"]
    if data["draft"]["warning"]:
        lines.append(f"  ! {data['draft']['warning']}")
    lines.append(f"Caveat: {data['caveat']}")
    lines.append("")
    width = max(len(t["id"]) for t in data["topics"])
    lines.append(" " * width + "  " + "  ".join(f"{j:<6}" for j in data["jurisdictions"]))
    mark = {"both": "both", "missing-in-draft": "GAP", "draft-only": "draft", "neither": "."}
    for row in data["matrix"]:
        lines.append(f"{row['topic']:<{width}}  " + "  ".join(f"{mark[c['state']]:<6}" for c in row["cells"]))
    lines.append("")
    lines.append("Foreign provisions with no counterpart in the draft:")
    for u in data["foreign_without_counterpart"]:
        cur = f" — curated: {u['curated'][0]['rationale']}" if u["curated"] else ""
        lines.append(f"  [{u['jurisdiction']}] {u['citation']} (topics: {', '.join(u['topics']) or '-'}){cur}")
    lines.append("")
    lines.append("Draft units without a counterpart:")
    for g in data["draft_without_counterpart"]:
        where = ", ".join(g["jurisdictions"]) or "(curated only)"
        lines.append(f"  {g['citation']}: none in {where}")
        for c in g["curated"]:
            lines.append(f"      curated Gap ({c['jurisdiction_work']}): {c['rationale']}")
    return "\n".join(lines) + "\n"
