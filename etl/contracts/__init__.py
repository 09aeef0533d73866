"""Source contracts: one TOML file per source system, describing every extract table.

The contracts are data so that the loader, the docs (docs/data-sources.md) and the demo
generator all read the same definition and cannot drift apart.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

CONTRACTS_DIR = Path(__file__).resolve().parent

TYPES = {
    "varchar": "VARCHAR",
    "integer": "BIGINT",
    "double": "DOUBLE",
    "date": "DATE",
    "timestamp": "TIMESTAMP",
    "flag": "BOOLEAN",
}
TYPE_HINTS = {
    "varchar": "text",
    "integer": "a whole number",
    "double": "a number",
    "date": "a date (YYYY-MM-DD)",
    "timestamp": "a date and time (YYYY-MM-DD HH:MM:SS)",
    "flag": "Y or N",
}
PII_KINDS = {
    "identifier": "pseudonymised on load (keyed SHA-256); the raw id never reaches the warehouse",
    "characteristic": "kept for equality monitoring; published only through disclosure control",
    "free_text": "kept for the pages that show it; always rendered escaped",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str = ""
    required: bool = False
    allowed: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    pattern: str | None = None
    references: str | None = None
    pii: str | None = None

    @property
    def sql_type(self) -> str:
        return TYPES[self.type]


@dataclass(frozen=True)
class Rule:
    column: str
    check: str
    problem: str


@dataclass(frozen=True)
class Table:
    source: str
    name: str
    files: str
    grain: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    rules: tuple[Rule, ...] = ()
    dropped_columns: tuple[str, ...] = ()
    sheet: str | None = None
    max_reject_share: float = 0.05

    @property
    def qualified(self) -> str:
        return f"{self.source}.{self.name}"

    @property
    def raw_table(self) -> str:
        return f"raw_{self.source}__{self.name}"

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


@dataclass(frozen=True)
class Source:
    name: str
    description: str
    tables: tuple[Table, ...] = field(default_factory=tuple)


class ContractError(ValueError):
    """A contract file itself is malformed (a developer error, reported plainly)."""


def _column(spec: dict, where: str) -> Column:
    if spec.get("type") not in TYPES:
        raise ContractError(
            f"{where}: column {spec.get('name')!r}: unknown type {spec.get('type')!r}"
        )
    if spec.get("pii") not in (None, *PII_KINDS):
        raise ContractError(f"{where}: column {spec['name']!r}: unknown pii kind {spec['pii']!r}")
    return Column(
        name=spec["name"],
        type=spec["type"],
        description=spec.get("description", ""),
        required=spec.get("required", False),
        allowed=tuple(spec.get("allowed", ())),
        min=spec.get("min"),
        max=spec.get("max"),
        pattern=spec.get("pattern"),
        references=spec.get("references"),
        pii=spec.get("pii"),
    )


def load_source(path: Path) -> Source:
    """Parse one contract file into frozen dataclasses."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    source = data["source"]
    tables = []
    for spec in data["tables"]:
        where = f"{path.name} table {spec['name']}"
        columns = tuple(_column(c, where) for c in spec["columns"])
        names = {c.name for c in columns}
        missing_key = [k for k in spec["key"] if k not in names]
        if missing_key:
            raise ContractError(f"{where}: key columns {missing_key} are not declared")
        tables.append(
            Table(
                source=source,
                name=spec["name"],
                files=spec["files"],
                grain=spec["grain"],
                key=tuple(spec["key"]),
                columns=columns,
                rules=tuple(Rule(**r) for r in spec.get("rules", ())),
                dropped_columns=tuple(spec.get("dropped_columns", ())),
                sheet=spec.get("sheet"),
                max_reject_share=spec.get("max_reject_share", 0.05),
            )
        )
    return Source(name=source, description=data.get("description", ""), tables=tuple(tables))


SOURCE_ORDER = ("portal", "hubs", "tcca", "workforce", "commitments")


def load_contracts(directory: Path = CONTRACTS_DIR) -> list[Source]:
    """All contracts, in load order (a table's references are loaded before it)."""
    found = {p.stem: load_source(p) for p in sorted(directory.glob("*.toml"))}
    ordered = [found[name] for name in SOURCE_ORDER if name in found]
    return ordered + [s for name, s in found.items() if name not in SOURCE_ORDER]


def all_tables(sources: list[Source] | None = None) -> list[Table]:
    return [t for s in (sources or load_contracts()) for t in s.tables]
