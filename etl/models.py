"""SQL models (one per file, staging -> core -> metrics -> marts) and the checks beside them.

`metrics/` computes the catalogue KPIs (metric_values, metric_status); `marts/` holds the
page-level aggregates a theme page reads (funnels, breakdowns) that are not KPIs.

A model's dependencies are the other models and raw/ref tables its SQL names; they run in
dependency order. A model's checks live in a same-stem .toml and compile to queries that
must return zero rows.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import duckdb

from etl.errors import EtlError

MODELS_DIR = Path(__file__).resolve().parent / "models"
LAYERS = ("staging", "core", "metrics", "marts")


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    sql: str
    checks: dict = field(default_factory=dict)

    @property
    def grain(self) -> str:
        first = self.sql.lstrip().splitlines()[0]
        return first.removeprefix("--").strip()


def discover(models_dir: Path = MODELS_DIR) -> list[Model]:
    models = []
    for layer in LAYERS:
        for path in sorted((models_dir / layer).glob("*.sql")):
            checks_path = path.with_suffix(".toml")
            checks = tomllib.loads(checks_path.read_text()) if checks_path.exists() else {}
            models.append(Model(path.stem, layer, path.read_text(encoding="utf-8"), checks))
    return models


def _strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def dependency_order(models: list[Model]) -> list[Model]:
    by_name = {m.name: m for m in models}
    graph = {}
    for m in models:
        words = set(re.findall(r"\b[a-z_][a-z0-9_]*\b", _strip_comments(m.sql).lower()))
        graph[m.name] = {w for w in words if w in by_name and w != m.name}
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        raise EtlError(f"models depend on each other in a cycle: {exc.args[1]}") from None
    return [by_name[n] for n in order]


def run_model(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    try:
        con.execute(f"create table {model.name} as {model.sql}")
    except duckdb.Error as exc:
        message = str(exc).strip().splitlines()[0]
        raise EtlError(f"model {model.layer}/{model.name}.sql failed: {message}") from None


def _as_key_list(value: object) -> list[list[str]]:
    items = value if isinstance(value, list) else [value]
    return [i if isinstance(i, list) else [i] for i in items]


def compile_checks(model: Model) -> list[tuple[str, str]]:
    """(description, query returning offending rows) for each declared check."""
    checks = model.checks
    out = []
    for key in _as_key_list(checks.get("unique", [])):
        cols = ", ".join(key)
        out.append(
            (
                f"{model.name}: ({cols}) is unique",
                f"select {cols}, count(*) as n from {model.name} group by all having count(*) > 1",
            )
        )
    for col in checks.get("not_null", []):
        out.append(
            (
                f"{model.name}.{col} is never null",
                f"select * from {model.name} where {col} is null",
            )
        )
    for col, values in checks.get("accepted_values", {}).items():
        listed = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
        out.append(
            (
                f"{model.name}.{col} takes accepted values",
                f"select {col} from {model.name} where {col} not in ({listed})",
            )
        )
    for rel in checks.get("relationships", []):
        out.append(
            (
                f"{model.name}.{rel['column']} exists in {rel['to']}.{rel['field']}",
                f"select {rel['column']} from {model.name} where {rel['column']} is not null and "
                f"{rel['column']} not in (select {rel['field']} from {rel['to']})",
            )
        )
    for item in checks.get("assert", []):
        out.append((f"{model.name}: {item['name']}", item["sql"]))
    return out


def run_checks(con: duckdb.DuckDBPyConnection, models: list[Model]) -> int:
    """Run every check; raise naming the first that fails. Returns the number run."""
    n = 0
    for model in models:
        for description, query in compile_checks(model):
            n += 1
            try:
                rows = con.execute(f"select * from ({query}) limit 3").fetchall()
            except duckdb.Error as exc:
                raise EtlError(f"check '{description}' could not run: {exc}") from None
            if rows:
                raise EtlError(f"check failed: {description}; e.g. {rows}")
    return n
