"""The hospital day (BENCH_MODE=day): run benchmarks/locustfile.py's steps and burst, summarise.

For each step: requests per second, read, write and sign-in p50/p95/p99, 5xx answers and
transport errors, and whether the step held (read p95 <= 300 ms and no 5xx or error). Then the
highest step held, and the shift-change burst against its targets (sign-in p95 <= 2 s, read
p95 <= 300 ms). Writes the summary as JSON beside the endpoint results.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

BACKEND = Path(__file__).resolve().parent.parent
READ_P95_LIMIT_MS = 300.0
SIGN_IN_P95_LIMIT_MS = 2000.0


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (share in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share / 100 * len(ordered)))
    return ordered[rank - 1]


def summarise(data: dict[str, Any]) -> list[dict[str, Any]]:
    windows = data["windows"]
    rows = []
    for name, window in windows.items():
        samples = [sample for sample in data["samples"] if sample[0] == name]
        seconds = max(window.get("ended", window["started"]) - window["started"], 1e-9)
        by_class: dict[str, list[float]] = {"R": [], "W": [], "L": []}
        for _, kind, milliseconds, _status in samples:
            by_class.setdefault(kind, []).append(milliseconds)
        row: dict[str, Any] = {
            "window": name,
            "users": int(window["users"]),
            "seconds": round(seconds, 1),
            "requests": len(samples),
            "requests_per_second": round(len(samples) / seconds, 1),
            "server_errors": sum(1 for sample in samples if sample[3] >= 500),
            "transport_errors": sum(1 for sample in samples if sample[3] == 0),
            "refusals_4xx": sum(1 for sample in samples if 400 <= sample[3] < 500),
        }
        for kind, label in (("R", "read"), ("W", "write"), ("L", "sign_in")):
            for share in (50, 95, 99):
                value = percentile(by_class[kind], share)
                row[f"{label}_p{share}_ms"] = round(value, 1) if value is not None else None
            row[f"{label}_count"] = len(by_class[kind])
        read_p95 = row["read_p95_ms"]
        clean = row["server_errors"] == 0 and row["transport_errors"] == 0
        row["held"] = bool(clean and read_p95 is not None and read_p95 <= READ_P95_LIMIT_MS)
        rows.append(row)
    return rows


def _locust(phase: str, base: str, output: Path, log: Path) -> dict[str, Any]:
    env = {**os.environ, "BENCH_DAY_PHASE": phase, "BENCH_DAY_OUTPUT": str(output)}
    command = [
        str(BACKEND / ".venv" / "bin" / "locust"),
        "--locustfile",
        str(BACKEND / "benchmarks" / "locustfile.py"),
        "--headless",
        "--host",
        base,
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    with log.open("w") as handle:
        subprocess.run(command, cwd=BACKEND, env=env, stdout=handle, stderr=handle, check=False)  # noqa: S603
    if not output.is_file():
        raise SystemExit(f"bench: locust wrote no results; see {log}")
    result: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return result


def _ms(value: float | None) -> str:
    return f"{value:.0f}" if value is not None else "-"


def run_day(*, base: str, scale: int, results: Path, started: datetime) -> Path:
    results.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    phases = [p for p in (os.environ.get("BENCH_DAY_PHASES") or "steps,burst").split(",") if p]
    summary: dict[str, Any] = {"started_at": started.isoformat(), "scale": scale}
    for phase in phases:
        print(f"bench: hospital day, {phase} (locust; this takes a few minutes)")
        data = _locust(
            phase,
            base,
            results / f"day-{phase}-samples-{stamp}.json",
            results / f"day-{phase}-locust-{stamp}.log",
        )
        summary[phase] = summarise(data)
        summary[f"{phase}_unmeasured_failures"] = data.get("unmeasured_failures", 0)
    header = (
        f"{'window':<12} {'users':>5} {'req/s':>6} {'read p50/p95/p99 ms':>20} "
        f"{'write p50/p95/p99 ms':>21} {'sign-in p50/p95 ms':>19} {'5xx':>4} {'err':>4} "
        f"{'4xx':>4}  held"
    )
    print()
    print(f"HMS hospital day at scale {scale} (read p95 <= 300 ms and 0 x 5xx to hold)")
    print(header)
    print("-" * len(header))
    for phase in phases:
        for row in summary[phase]:
            print(
                f"{row['window']:<12} {row['users']:>5} {row['requests_per_second']:>6.1f} "
                f"{'/'.join(_ms(row[f'read_p{p}_ms']) for p in (50, 95, 99)):>20} "
                f"{'/'.join(_ms(row[f'write_p{p}_ms']) for p in (50, 95, 99)):>21} "
                f"{'/'.join(_ms(row[f'sign_in_p{p}_ms']) for p in (50, 95)):>19} "
                f"{row['server_errors']:>4} {row['transport_errors']:>4} "
                f"{row['refusals_4xx']:>4}  {'yes' if row['held'] else 'no'}"
            )
    for phase in phases:
        failures = summary[f"{phase}_unmeasured_failures"]
        print(f"{phase}: {failures} transport errors or 5xx while users signed in (not measured)")
    if "steps" in summary:
        held = [row["users"] for row in summary["steps"] if row["held"]]
        summary["highest_step_held"] = max(held) if held else None
        print(f"\nHighest step held: {summary['highest_step_held'] or 'none'} users")
    if summary.get("burst"):
        burst = summary["burst"][0]
        sign_in_ok = (burst["sign_in_p95_ms"] or math.inf) <= SIGN_IN_P95_LIMIT_MS
        read_ok = (burst["read_p95_ms"] or math.inf) <= READ_P95_LIMIT_MS
        summary["burst_holds"] = sign_in_ok and read_ok and burst["server_errors"] == 0
        print(
            f"Shift-change burst: sign-in p95 {_ms(burst['sign_in_p95_ms'])} ms (<= 2000), "
            f"read p95 {_ms(burst['read_p95_ms'])} ms (<= 300): "
            f"{'HOLDS' if summary['burst_holds'] else 'FAILS'}"
        )
    path = results / f"day-scale{scale}-{stamp}.json"
    path.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"\nbench: results written to {path}")
    return path
