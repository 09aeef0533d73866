"""`ccm`: demo data, ETL, serve (and later the equality report)."""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

from etl.errors import EtlError
from etl.progress import Progress

DEFAULT_DB = Path("data/warehouse/ccm.duckdb")


def _demo_data(args: argparse.Namespace) -> int:
    from etl.demodata.extracts import generate

    if args.scale <= 0:
        raise EtlError(f"--scale must be greater than 0 (got {args.scale})")
    written = generate(Path(args.out), seed=args.seed, scale=args.scale)
    print(f"wrote {len(written)} files, {sum(written.values()):,} rows, to {args.out}")
    return 0


def _etl(args: argparse.Namespace) -> int:
    from etl.build import build_warehouse

    summary = build_warehouse(
        Path(args.raw),
        Path(args.db),
        progress=Progress(quiet=args.quiet),
        max_reject_share=args.max_reject_share,
    )
    print(
        f"warehouse {summary.db_path} built: {len(summary.files)} files, "
        f"{summary.rows_read:,} rows read, {summary.rows_rejected:,} rejected "
        f"(see table etl_rejects), {summary.n_checks} checks passed"
    )
    if summary.ignored:
        shown = ", ".join(summary.ignored[:5]) + (" ..." if len(summary.ignored) > 5 else "")
        print(f"ignored {len(summary.ignored)} file(s) that match no contract: {shown}")
    return 0


def _docs(args: argparse.Namespace) -> int:
    from etl.docs import write

    print(f"wrote {write()}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from dashboard.app import create_app

    app = create_app(db_path=Path(args.db))
    if not args.no_warm:
        from dashboard.queries.warm import warm

        def warm_and_say() -> None:
            started = time.monotonic()
            periods = warm()
            if periods:
                print(
                    f"protected tables ready for {periods} periods "
                    f"({time.monotonic() - started:.0f} s)",
                    file=sys.stderr,
                )

        threading.Thread(target=warm_and_say, name="warm-cache", daemon=True).start()
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def _equality_report(args: argparse.Namespace) -> int:
    from dashboard import queries
    from dashboard.reports.equality_report import ReportError, write

    db = Path(args.db)
    if not db.is_file():
        raise EtlError(f"no warehouse at {db} (run `ccm etl` first)")
    queries.configure(db)
    try:
        written = write(args.year, Path(args.out))
    except ReportError as exc:
        raise EtlError(str(exc)) from None
    print(f"wrote {len(written)} files for the 31 March {args.year} snapshot to {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ccm", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo-data", help="write realistic, deterministic demo extracts")
    demo.add_argument("--out", required=True, help="folder to write RAW/<source>/ extracts into")
    demo.add_argument("--seed", type=int, default=2021)
    demo.add_argument("--scale", type=float, default=1.0, help="multiply event volumes")
    demo.set_defaults(func=_demo_data)

    etl = sub.add_parser("etl", help="build the warehouse from extracts")
    etl.add_argument("--raw", required=True, help="folder holding <source>/ extracts")
    etl.add_argument("--db", default=str(DEFAULT_DB), help="warehouse file to (re)build")
    etl.add_argument(
        "--max-reject-share",
        type=float,
        default=None,
        help="override every contract's limit on the share of rejected rows a file",
    )
    etl.add_argument("--quiet", action="store_true", help="no progress lines")
    etl.set_defaults(func=_etl)

    docs = sub.add_parser("docs", help="regenerate docs/data-sources.md from the contracts")
    docs.set_defaults(func=_docs)

    serve = sub.add_parser("serve", help="serve the dashboard")
    serve.add_argument("--db", default=str(DEFAULT_DB))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument("--debug", action="store_true")
    serve.add_argument(
        "--no-warm",
        action="store_true",
        help="do not work out the protected tables in the background at start-up",
    )
    serve.set_defaults(func=_serve)

    report = sub.add_parser(
        "equality-report", help="write the Annual Workforce Equality Report (CSV, XLSX, ODS)"
    )
    report.add_argument(
        "--year", type=int, required=True, help="year of the 31 March snapshot (2025 = 2024/25)"
    )
    report.add_argument("--out", required=True, help="folder to write the report files into")
    report.add_argument("--db", default=str(DEFAULT_DB), help="warehouse file to read")
    report.set_defaults(func=_equality_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except EtlError as exc:
        print(f"ccm {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as exc:
        if os.environ.get("CCM_DEBUG"):
            raise
        print(f"ccm {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"ccm {args.command}: interrupted; nothing was changed", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
