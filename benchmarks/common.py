"""Helpers shared by the benchmark scripts: reading baomoi-2017, timing, memory."""

from __future__ import annotations

import itertools
import json
import resource
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from vnpolitics.corpus import corpus_dir, iter_source


def baomoi(n: int | None = None, directory: Path | None = None) -> list[tuple[str, str, str | None]]:
    """The first ``n`` baomoi-2017 articles as ``(id, text, title)``."""
    records: Iterator[tuple[str, str, str | None]] = iter_source("baomoi-2017", corpus_dir(directory))
    return list(itertools.islice(records, n))


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def peak_rss_mib() -> float:
    """Peak resident memory of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def print_table(rows: list[tuple[str, str]], title: str) -> None:
    width = max(len(name) for name, _ in rows)
    print(f"\n{title}\n" + "-" * (width + 30))
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def save_json(path: str | None, payload: dict[str, Any]) -> None:
    if path:
        Path(path).write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {path}", file=sys.stderr)
