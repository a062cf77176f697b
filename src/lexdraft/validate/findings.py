"""What validation produces: findings (one problem at one place) gathered into a report with an exit code."""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"

# Rule ids are stable: pipelines filter on them. Documented in akn/PROFILE.md and docs/validate.md.
RULES = {
    "parse": "the file could not be read as XML / Akoma Ntoso (malformed, binary, empty, too large, DOCTYPE…)",
    "dialect": "the file is Akoma Ntoso in a dialect that cannot be schema-checked (AKN 2.0, OASIS drafts, LegalDocML.de)",
    "xsd": "the OASIS Akoma Ntoso 3.0 XML schema (strict, or lenient with --lenient)",
    "eid-unique": "every eId (and xml:id) occurs once in its document",
    "eid-path": "an eId follows the naming convention and its position (chp_19__art_125__para_2)",
    "num-sequence": "numbers of sibling units run without duplicates or gaps (17, 17-1, 18 is fine)",
    "ref-resolves": "internal references (<ref href=\"#…\">) point to an id that exists in the document",
    "frbr": "the expression URI extends the work URI; expression language and date are present",
    "concordance-link": "links in a concordance YAML file resolve (checked by lexdraft.concordance)",
}


@dataclass(frozen=True)
class Finding:
    """One problem at one place, in the shape every reporter (text, JSON, JUnit) prints."""

    file: str
    line: int | None
    rule: str
    severity: str  # ERROR or WARNING
    message: str

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.rule, self.message)

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "rule": self.rule, "severity": self.severity,
                "message": self.message}

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity} [{self.rule}] {' '.join(self.message.split())}"


@dataclass
class FileResult:
    """The verdict on one input file."""

    file: str
    kind: str  # "akn" or "concordance"
    dialect: str = ""  # "akn3", "akn2", … ("" when the file could not be read)
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == WARNING)

    @property
    def valid(self) -> bool:
        return self.errors == 0


@dataclass
class Report:
    """All files of one ``lexdraft validate`` run, in a stable order."""

    files: list[FileResult]
    lenient: bool = False
    skipped: list[str] = field(default_factory=list)  # inputs deliberately not checked (e.g. YAML without a checker)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def errors(self) -> int:
        return sum(r.errors for r in self.files)

    @property
    def warnings(self) -> int:
        return sum(r.warnings for r in self.files)

    @property
    def exit_code(self) -> int:
        """0 valid (warnings allowed), 1 findings with errors, 2 when an input could not be read at all."""
        if any(f.rule == "parse" for f in self.findings):
            return 2
        return 1 if self.errors else 0
