"""Inputs shared by the redline tests: the chapter-19 drafts and a hostile pair of documents."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import AKN, DRAFTS

CH19 = DRAFTS / "kz-digital-code"
OLD_DATE, NEW_DATE = "2024-04-01", "2025-07-01"


def chapter19(lang: str, date: str) -> Path:
    """The committed chapter-19 draft in ``lang`` (rus, kaz, eng)."""
    return CH19 / f"{date}-{lang}.xml"


def chapter19_pair(lang: str) -> tuple[Path, Path]:
    return chapter19(lang, OLD_DATE), chapter19(lang, NEW_DATE)


def expected_changes() -> list[tuple[int, str, str]]:
    """(number, eId, kind) of every change the revised draft makes, from drafts/kz-digital-code/CHANGES.md — the
    list the drafts' author checked against both texts (the expected answer for diff and redline)."""
    text = (CH19 / "CHANGES.md").read_text(encoding="utf-8")
    return [(int(n), eid, kind) for n, eid, kind in re.findall(r"^\| (\d+) \| `([^`]+)` \| (\w+) \|", text, re.M)]


ES_OLD = AKN / "es-boe-2018-16673-original.xml"
ES_NEW = AKN / "es-boe-2018-16673-final.xml"
AI_OLD = AKN / "eu-ai-act-proposal-2021-206.xml"
AI_NEW = AKN / "eu-ai-act-2024-1689.xml"

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'

_AKN = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="hostile">
    <meta>
      <identification source="#test">
        <FRBRWork><FRBRthis value="/akn/xx/act/2024/hostile/!main"/><FRBRuri value="/akn/xx/act/2024/hostile"/>
          <FRBRdate date="2024-01-01" name="g"/><FRBRauthor href="#test"/><FRBRcountry value="xx"/></FRBRWork>
        <FRBRExpression><FRBRthis value="/akn/xx/act/2024/hostile/eng@{date}/!main"/>
          <FRBRuri value="/akn/xx/act/2024/hostile/eng@{date}"/><FRBRdate date="{date}" name="v"/>
          <FRBRauthor href="#test"/><FRBRlanguage language="eng"/></FRBRExpression>
        <FRBRManifestation><FRBRthis value="/akn/xx/act/2024/hostile/eng@{date}/!main.xml"/>
          <FRBRuri value="/akn/xx/act/2024/hostile/eng@{date}.akn"/><FRBRdate date="{date}" name="m"/>
          <FRBRauthor href="#test"/></FRBRManifestation>
      </identification>
    </meta>
    <body>
      <article eId="art_1">
        <num>Article 1</num>
        <heading>Scope {heading}</heading>
        <paragraph eId="art_1__para_1"><num>1.</num><content><p>This Act applies to {text}.</p></content></paragraph>
        <paragraph eId="art_1__para_2"><num>2.</num><content><p>See <ref href="javascript:alert(3)">the {link}</ref> for details.</p></content></paragraph>
      </article>
      <article eId="art_2">
        <num>Article 2</num>
        <content><p>Unchanged provision.</p></content>
      </article>
    </body>
  </act>
</akomaNtoso>
"""


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def hostile_pair(tmp: Path) -> tuple[Path, Path]:
    """Two versions of a small act whose new text carries script, an onerror image and a javascript: link."""
    old = tmp / "hostile-old.xml"
    new = tmp / "hostile-new.xml"
    old.write_text(_AKN.format(date="2024-01-01", heading="", text="everyone", link="annex"), encoding="utf-8")
    new.write_text(_AKN.format(date="2024-06-01", heading=_esc(IMG), text="everyone " + _esc(SCRIPT),
                               link="annex " + _esc(IMG)), encoding="utf-8")
    return old, new
