"""Batch tagging: inputs, bad records, ordering, atomic output, resume after kill -9, Dask."""

from __future__ import annotations

import csv
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures import PARAGRAPHS

from vnpolitics.batch import CSV_COLUMNS, Record, iter_records, tag
from vnpolitics.cli import main

TEXTS = [t for label in PARAGRAPHS for t in PARAGRAPHS[label]]


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_reads_every_kind_of_input(tmp_path: Path) -> None:
    folder = tmp_path / "dir" / "sub"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "skip.md").write_text(TEXTS[1], encoding="utf-8")
    jsonl = _jsonl(tmp_path / "x.jsonl", [{"id": "j1", "text": TEXTS[2]}, {"text": TEXTS[3]}])
    gz = tmp_path / "x.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes()))
    table = tmp_path / "x.csv"
    table.write_text(f"id,body\nc1,{TEXTS[4]}\n", encoding="utf-8")
    single = tmp_path / "one.txt"
    single.write_text(TEXTS[5], encoding="utf-8")
    records = list(
        iter_records([str(tmp_path / "dir"), str(jsonl), str(gz), str(table), str(single)], text_column="body")
    )
    assert [r.id for r in records] == [
        str(folder / "a.txt"), "j1", f"{jsonl}:2", "j1", f"{gz}:2", "c1", str(single),
    ]  # fmt: skip
    assert all(r.error is None for r in records)
    stdin = list(iter_records(["-"], stdin=__import__("io").StringIO(TEXTS[0])))
    assert stdin == [Record("stdin", text=TEXTS[0])]


def test_bad_records_are_reported_with_their_reason(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "good1", "text": TEXTS[0]}),
        "{not json",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "long", "text": "a " * 600}),
        json.dumps({"id": "notext"}),
        json.dumps({"id": "number", "text": 42}),
        json.dumps(["a", "list"]),
    ]
    data = "\n".join(lines).encode("utf-8") + b'\n{"id": "latin", "text": "Nghi quy\xeat"}\n'
    data += (json.dumps({"id": "good2", "text": TEXTS[1]}) + "\n").encode("utf-8")
    path.write_bytes(data)
    (tmp_path / "bad.txt").write_bytes("Nghị quyết".encode("utf-16"))
    records = list(iter_records([str(path), str(tmp_path / "bad.txt"), str(tmp_path / "missing.txt")], max_chars=1000))
    reasons = {r.id: r.error for r in records}
    assert reasons["good1"] is None and reasons["good2"] is None
    assert "malformed JSON" in reasons[f"{path}:2"]
    assert reasons["empty"] == "empty text"
    assert "over the limit of 1,000" in reasons["long"]
    assert reasons["notext"] == "no field 'text'"
    assert "not a string" in reasons["number"]
    assert "not an object" in reasons[f"{path}:7"]
    assert "undecodable" in reasons["latin"]
    assert "undecodable" in reasons[str(tmp_path / "bad.txt")]
    assert reasons[str(tmp_path / "missing.txt")] == "no such file or directory"


def test_cli_keeps_good_records_and_lists_every_bad_one(tmp_path: Path) -> None:
    rows = [{"id": f"r{i}", "text": t} for i, t in enumerate(TEXTS[:6])]
    rows.insert(3, {"id": "bad", "text": ""})
    source = _jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["tag", str(source), "-o", str(out), "--workers", "2", "--quiet"])
    assert result.exit_code == 1
    assert [r["id"] for r in _read(out)] == [f"r{i}" for i in range(6)]  # input order kept
    assert _read(out.with_name("out.jsonl.errors.jsonl")) == [{"id": "bad", "error": "empty text"}]
    assert "6 records analysed, 1 errors" in result.output
    again = CliRunner().invoke(main, ["tag", str(source), "-o", str(out)])
    assert again.exit_code == 1 and "--resume" in again.output  # never overwrites silently


def test_csv_output_is_flattened(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": TEXTS[0]}, {"id": "b", "text": TEXTS[9]}])
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["tag", str(source), "-o", str(out), "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == CSV_COLUMNS and [r[0] for r in rows[1:]] == ["a", "b"]
    assert all(0 <= float(v) <= 1 for r in rows[1:] for v in r[3:6])


def test_resume_repairs_a_torn_line_and_skips_finished_records(tmp_path: Path) -> None:
    records = [Record(f"r{i}", text=t) for i, t in enumerate(TEXTS[:8])]
    out = tmp_path / "out.jsonl"
    tag(records[:3], out)
    with open(out, "ab") as f:
        f.write(b'{"id": "r3", "dominant": "oth')  # a write cut short by a crash
    summary = tag(records, out, resume=True)
    assert summary.skipped == 3 and summary.records == 5
    assert [r["id"] for r in _read(out)] == [f"r{i}" for i in range(8)]


def test_duplicate_ids_become_errors(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = tag([Record("a", text=TEXTS[0]), Record("a", text=TEXTS[1])], out)
    assert summary.records == 1 and summary.errors == 1
    assert "duplicate id 'a'" in out.with_name("out.jsonl.errors.jsonl").read_text(encoding="utf-8")


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
            except OSError:
                continue
            if text in cmdline:
                found.append(int(entry.name))
    return found


@pytest.mark.slow
def test_kill_9_then_resume_gives_every_record_exactly_once(tmp_path: Path) -> None:
    n = 400
    source = _jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": TEXTS[i % len(TEXTS)] * 3} for i in range(n)])
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "vnpolitics.cli", "tag", str(source), "-o", str(out), "--workers", "2", "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 20):
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    written = out.read_bytes().count(b"\n")
    time.sleep(1)
    assert _processes_mentioning(str(out)) == [], "worker processes outlived the killed run"
    assert 0 < written < n, "the run was not interrupted mid-way"
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    ids = [r["id"] for r in _read(out)]
    assert sorted(ids) == sorted(f"r{i}" for i in range(n)) and len(ids) == n


@pytest.mark.slow
def test_dask_backend_matches_the_local_one(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    rows = [{"id": f"r{i}", "text": t} for i, t in enumerate(TEXTS[:10])] + [{"id": "bad", "text": ""}]
    source = _jsonl(tmp_path / "in.jsonl", rows)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    runner = CliRunner()
    runner.invoke(main, ["tag", str(source), "-o", str(local), "--workers", "1", "--quiet"])
    result = runner.invoke(
        main, ["tag", str(source), "-o", str(remote), "--workers", "2", "--backend", "dask", "--quiet"]
    )
    assert result.exit_code == 1, result.output  # the one bad record
    assert _read(remote) == _read(local)
    assert _read(remote.with_name("dask.jsonl.errors.jsonl")) == [{"id": "bad", "error": "empty text"}]


@pytest.mark.slow
def test_dask_bag_and_dataframe_on_a_local_cluster() -> None:
    dask = pytest.importorskip("dask")
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster

    from vnpolitics.dask import tag_bag, tag_dataframe

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster):
        results = tag_bag(db.from_sequence([*TEXTS[:6], ""], npartitions=3)).compute()
        assert len(results) == 7 and results[-1]["error"] == "empty text"
        assert all(r["dominant"] in ("education", "cyberspace", "self_criticism", "other") for r in results[:6])
        frame = dd.from_pandas(pd.DataFrame({"id": ["x", "y"], "text": TEXTS[:2]}), npartitions=2)
        flat = tag_dataframe(frame, "text", "id").compute()
        assert list(flat["id"]) == ["x", "y"] and list(flat.columns)[:3] == ["id", "dominant", "labels"]
    assert dask.__version__
