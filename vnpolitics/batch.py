"""Batch tagging of collections: reading records, analysing them in worker processes, and writing
results incrementally with a resume ledger.

Guarantees (tested in ``tests/test_batch.py``):

- every input record ends up exactly once in the output or in the errors file, in input order;
- a bad record (undecodable bytes, empty text, over ``max_chars``, malformed JSON line, missing
  field) is reported in the errors file with its reason and never stops or loses the others;
- output lines are written whole, one ``write`` each, so a reader never sees a torn line; after a
  crash (even ``kill -9``) a torn last line is cut off and ``resume`` finishes the job without
  redoing or duplicating finished records.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import os
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from vnpolitics.labels import THEMES

#: Longest article accepted, in characters (about 25 times the longest article of baomoi-2017).
DEFAULT_MAX_CHARS = 1_000_000

#: File names read as JSON Lines and as CSV (anything else is one article per file).
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")
CSV_SUFFIXES = (".csv", ".csv.gz")

#: Flattened columns of the CSV output.
CSV_COLUMNS = ("id", "dominant", "labels", *(f"score_{t}" for t in THEMES), "tags", "references")


@dataclass(frozen=True)
class Record:
    """One article to analyse, or (``error`` set) one that could not be read."""

    id: str
    text: str = ""
    error: str | None = None


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def _decode(data: bytes, where: str) -> tuple[str | None, str | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return None, f"undecodable bytes (not UTF-8) at byte {error.start} of {where}"


def _check(record_id: str, text: str | None, error: str | None, max_chars: int) -> Record:
    if error is not None:
        return Record(record_id, error=error)
    if text is None or not text.strip():
        return Record(record_id, error="empty text")
    if len(text) > max_chars:
        return Record(record_id, error=f"text of {len(text):,} characters is over the limit of {max_chars:,}")
    return Record(record_id, text=text)


def _open_text(path: Path) -> TextIO:
    """A text stream that decodes per line, so one bad line does not spoil the file."""
    raw = gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")  # noqa: SIM115 (the caller closes the wrapper)
    return io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="")


def _has_bad_bytes(text: str) -> int | None:
    for position, char in enumerate(text):
        if "\udc80" <= char <= "\udcff":
            return position
    return None


def _jsonl_records(
    lines: Iterable[str], source: str, text_field: str, id_field: str | None, max_chars: int
) -> Iterator[Record]:
    for number, line in enumerate(lines, 1):
        default_id = f"{source}:{number}"
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield Record(default_id, error=f"malformed JSON line ({error.msg} at column {error.colno})")
            continue
        if not isinstance(item, dict):
            yield Record(default_id, error="JSON line is not an object")
            continue
        record_id = str(item[id_field]) if id_field and item.get(id_field) not in (None, "") else default_id
        text = item.get(text_field)
        if text is not None and not isinstance(text, str):
            yield Record(record_id, error=f"field {text_field!r} is not a string")
            continue
        error = None if text_field in item else f"no field {text_field!r}"
        if (position := _has_bad_bytes(line)) is not None:
            error = f"undecodable bytes (not UTF-8) at character {position} of line {number}"
        yield _check(record_id, text, error, max_chars)


def _csv_records(
    stream: TextIO, source: str, text_column: str, id_column: str | None, max_chars: int
) -> Iterator[Record]:
    reader = csv.DictReader(stream)
    if reader.fieldnames is None or text_column not in reader.fieldnames:
        yield Record(f"{source}:header", error=f"no column {text_column!r} in {source}")
        return
    for number, row in enumerate(reader, 2):
        default_id = f"{source}:{number}"
        record_id = row.get(id_column) or default_id if id_column else default_id
        text = row.get(text_column)
        position = _has_bad_bytes(text or "")
        error = f"undecodable bytes (not UTF-8) at character {position}" if position is not None else None
        yield _check(record_id, text, error, max_chars)


def iter_records(
    inputs: Iterable[str],
    *,
    text_field: str = "text",
    id_field: str | None = "id",
    text_column: str = "text",
    id_column: str | None = "id",
    glob: str = "*.txt",
    max_chars: int = DEFAULT_MAX_CHARS,
    stdin: TextIO | None = None,
) -> Iterator[Record]:
    """Records from text files, directories (recursive, filtered by ``glob``), JSON Lines
    (``.jsonl``/``.ndjson``, gzip accepted), CSV, and ``-`` (standard input: one JSON object per
    line if it starts with ``{``, else one article). Ids default to the file path or
    ``path:line``."""
    for name in inputs:
        if name == "-":
            stream = stdin if stdin is not None else io.TextIOWrapper(sys.stdin.buffer, errors="surrogateescape")
            lines = stream.read().splitlines(keepends=True)
            if lines and lines[0].lstrip().startswith("{"):
                yield from _jsonl_records(lines, "stdin", text_field, id_field, max_chars)
            else:
                text = "".join(lines)
                position = _has_bad_bytes(text)
                error = f"undecodable bytes (not UTF-8) at character {position}" if position is not None else None
                yield _check("stdin", text, error, max_chars)
            continue
        path = Path(name)
        if path.is_dir():
            for file in sorted(p for p in path.rglob(glob) if p.is_file()):
                text, error = _decode(file.read_bytes(), str(file))
                yield _check(str(file), text, error, max_chars)
        elif not path.exists():
            yield Record(name, error="no such file or directory")
        elif path.name.endswith(JSONL_SUFFIXES):
            with _open_text(path) as stream:
                yield from _jsonl_records(stream, name, text_field, id_field, max_chars)
        elif path.name.endswith(CSV_SUFFIXES):
            with _open_text(path) as stream:
                yield from _csv_records(stream, name, text_column, id_column, max_chars)
        else:
            text, error = _decode(path.read_bytes(), name)
            yield _check(name, text, error, max_chars)


# --------------------------------------------------------------------------------------------
# Analysing (the one code path shared by the process pool and the Dask backend)
# --------------------------------------------------------------------------------------------


def analyze_records(analyzer: Any, records: list[Record]) -> list[tuple[str, dict[str, Any] | str]]:
    """``(id, result dict)`` for each good record, ``(id, error reason)`` for each bad one; an
    exception while analysing one record becomes that record's error."""
    out: list[tuple[str, dict[str, Any] | str]] = []
    for record in records:
        if record.error is not None:
            out.append((record.id, record.error))
            continue
        try:
            out.append((record.id, {"id": record.id, **analyzer.analyze(record.text).to_dict()}))
        except Exception as error:  # one bad record must not lose the others
            out.append((record.id, f"analysis failed: {type(error).__name__}: {error}"))
    return out


_worker: Any = None


def die_with_parent() -> None:
    """Ask Linux to end this worker process when its parent dies, even by ``kill -9``, so that an
    interrupted run leaves no orphaned workers behind (elsewhere a no-op)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _load_worker(model: str | None, trusted: bool) -> None:
    global _worker
    from vnpolitics.analysis import Analyzer

    _worker = Analyzer.load(model, trusted=trusted)


def _init_worker(model: str | None, trusted: bool) -> None:
    die_with_parent()
    _load_worker(model, trusted)


def _work(records: list[Record]) -> list[tuple[str, dict[str, Any] | str]]:
    return analyze_records(_worker, records)


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def run_local(
    records: Iterable[Record], workers: int, model: str | None = None, trusted: bool = False, batch_size: int = 16
) -> Iterator[list[tuple[str, dict[str, Any] | str]]]:
    """Analyse in ``workers`` processes (1: in this process), yielding results batch by batch in
    input order; each worker loads the model once; at most ``2 * workers`` batches in flight."""
    if workers <= 1:
        _load_worker(model, trusted)  # in this process: it must not die with its own parent
        for batch in batched(records, batch_size):
            yield _work(batch)
        return
    yield from ordered_parallel(batched(records, batch_size), workers, _work, _init_worker, (model, trusted))


def ordered_parallel(
    batches: Iterable[Any], workers: int, work: Callable[[Any], Any], initializer: Callable[..., None], initargs: tuple
) -> Iterator[Any]:
    """``work(batch)`` for each batch in ``workers`` processes, results yielded in input order;
    at most ``2 * workers`` batches in flight, so memory stays bounded for any input size."""
    with ProcessPoolExecutor(workers, initializer=initializer, initargs=initargs) as pool:
        pending: deque[Future[Any]] = deque()
        try:
            for batch in batches:
                pending.append(pool.submit(work, batch))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BaseException:
            for future in pending:
                future.cancel()
            raise


# --------------------------------------------------------------------------------------------
# Writing, with a resume ledger
# --------------------------------------------------------------------------------------------


def csv_row(result: dict[str, Any]) -> list[str]:
    """The flattened CSV row of one analysis."""
    return [
        result["id"],
        result["dominant"],
        ";".join(result["labels"]),
        *(f"{result['scores'][t]:.4f}" for t in THEMES),
        ";".join(t["name"] for t in result.get("tags", [])),
        ";".join(r["id"] for r in result.get("references", [])),
    ]


def _line(values: list[str] | dict[str, Any], fmt: str) -> bytes:
    if fmt == "jsonl":
        return (json.dumps(values, ensure_ascii=False) + "\n").encode("utf-8")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue().encode("utf-8")


def _repair_and_read_ids(path: Path, fmt: str) -> set[str]:
    """Cut a torn last line (a crash mid-write) and return the ids already written."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        keep = data.rfind(b"\n") + 1
        with open(path, "r+b") as f:
            f.truncate(keep)
        data = data[:keep]
    text = data.decode("utf-8", errors="replace")
    if fmt == "jsonl":
        return {json.loads(line)["id"] for line in text.splitlines() if line.strip()}
    rows = list(csv.reader(io.StringIO(text)))
    return {row[0] for row in rows[1:] if row}


class Writer:
    """Appends whole lines to the output and the errors file (``<output>.errors.jsonl``)."""

    def __init__(self, output: Path, fmt: str, resume: bool) -> None:
        self.output, self.fmt = output, fmt
        self.errors_path = output.with_name(output.name + ".errors.jsonl")
        if not resume:
            for path in (self.output, self.errors_path):
                if path.exists():
                    path.unlink()
        self.done = _repair_and_read_ids(self.output, fmt) | _repair_and_read_ids(self.errors_path, "jsonl")
        self._out = os.open(self.output, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self._err = os.open(self.errors_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        if fmt == "csv" and os.fstat(self._out).st_size == 0:
            os.write(self._out, _line(list(CSV_COLUMNS), "csv"))

    def write(self, record_id: str, result: dict[str, Any] | str) -> None:
        if isinstance(result, str):
            os.write(self._err, _line({"id": record_id, "error": result}, "jsonl"))
        else:
            os.write(self._out, _line(result if self.fmt == "jsonl" else csv_row(result), self.fmt))
        self.done.add(record_id)

    def close(self) -> None:
        for fd in (self._out, self._err):
            os.fsync(fd)
            os.close(fd)


@dataclass
class Summary:
    records: int = 0
    errors: int = 0
    skipped: int = 0
    characters: int = 0
    seconds: float = 0.0
    dominant: Counter[str] = field(default_factory=Counter)
    duplicate_ids: int = 0

    def line(self) -> str:
        rate = self.characters / self.seconds if self.seconds else 0.0
        themes = ", ".join(f"{label} {n}" for label, n in sorted(self.dominant.items()))
        skipped = f", {self.skipped} already done (resumed)" if self.skipped else ""
        return (
            f"{self.records} records analysed, {self.errors} errors{skipped}; dominant: {themes or '-'}; "
            f"{self.characters:,} characters in {self.seconds:.1f} s ({rate:,.0f} chars/s)"
        )


def tag(
    records: Iterable[Record],
    output: Path,
    *,
    fmt: str = "jsonl",
    workers: int = 1,
    resume: bool = False,
    model: str | None = None,
    trusted: bool = False,
    backend: str = "local",
    scheduler: str | None = None,
    batch_size: int = 16,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Analyse ``records`` into ``output`` (JSON Lines or CSV) and its errors file; see the module
    docstring for the guarantees. ``progress(records, characters)`` is called after each batch."""
    import time

    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"format must be 'jsonl' or 'csv', not {fmt!r}")
    writer = Writer(output, fmt, resume)
    summary = Summary()
    seen: set[str] = set()
    lengths: dict[str, int] = {}

    def todo() -> Iterator[Record]:
        for record in records:
            if record.id in writer.done:
                summary.skipped += 1
                continue
            if record.id in seen:  # ids are the resume ledger's keys, so they must be unique
                summary.duplicate_ids += 1
                record = Record(f"{record.id}#duplicate{summary.duplicate_ids}", error=f"duplicate id {record.id!r}")
            seen.add(record.id)
            lengths[record.id] = len(record.text)
            yield record

    start = time.perf_counter()
    try:
        if backend == "dask":
            from vnpolitics.dask import run_dask

            batches = run_dask(todo(), workers, scheduler=scheduler, model=model, trusted=trusted)
        else:
            batches = run_local(todo(), workers, model=model, trusted=trusted, batch_size=batch_size)
        for batch in batches:
            characters = 0
            for record_id, result in batch:
                writer.write(record_id, result)
                length = lengths.pop(record_id, 0)
                if isinstance(result, str):
                    summary.errors += 1
                else:
                    summary.records += 1
                    summary.dominant[result["dominant"]] += 1
                    characters += length
            summary.characters += characters
            if progress is not None:
                progress(len(batch), characters)
    finally:
        writer.close()
        summary.seconds = time.perf_counter() - start
    return summary
