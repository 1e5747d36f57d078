"""Scale-out on Dask: the same per-record code path as the local process pool, on a cluster.

Install with ``pip install 'vnpolitics[dask]'``. Each Dask worker process loads the model once
(a per-process cache keyed by model folder) and analyses whole partitions.

    import dask.bag as db
    from vnpolitics.dask import tag_bag
    results = tag_bag(db.from_sequence(texts, npartitions=8)).compute()   # list of dicts

    from vnpolitics.dask import tag_dataframe
    flat = tag_dataframe(ddf, text_column="text", id_column="id").compute()   # one row per article
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from vnpolitics.batch import CSV_COLUMNS, Record, analyze_records, csv_row

_analyzers: dict[tuple[str | None, bool], Any] = {}


def _analyzer(model: str | None, trusted: bool) -> Any:
    """The model of this worker process, loaded on first use."""
    key = (model, trusted)
    if key not in _analyzers:
        from vnpolitics.analysis import Analyzer

        _analyzers[key] = Analyzer.load(model, trusted=trusted)
    return _analyzers[key]


def _analyze_partition(records: Iterable[Record], model: str | None, trusted: bool) -> list[tuple[str, Any]]:
    return analyze_records(_analyzer(model, trusted), list(records))


def tag_bag(bag: Any, model: str | None = None, trusted: bool = False) -> Any:
    """A bag of texts (or of :class:`~vnpolitics.batch.Record`) -> a bag of result dicts (the
    analysis plus ``id``; for a bad record ``{"id", "error"}``). Plain texts get the id
    ``"<partition>:<position>"``."""
    import dask.bag as db
    from dask import delayed

    parts = bag.to_delayed()
    records = db.from_delayed([delayed(_as_records)(part, number) for number, part in enumerate(parts)])
    results = records.map_partitions(_analyze_partition, model, trusted)
    return results.map(lambda item: {"id": item[0], "error": item[1]} if isinstance(item[1], str) else item[1])


def _as_records(partition: Iterable[Any], number: int) -> list[Record]:
    out = []
    for position, item in enumerate(partition):
        name = f"{number}:{position}"
        if isinstance(item, Record):
            out.append(item)
        elif isinstance(item, str):
            out.append(Record(name, text=item) if item.strip() else Record(name, error="empty text"))
        else:
            out.append(Record(name, error=f"not text: {type(item).__name__}"))
    return out


def tag_dataframe(
    frame: Any, text_column: str = "text", id_column: str | None = None, model: str | None = None, trusted: bool = False
) -> Any:
    """A Dask DataFrame with a text column -> a Dask DataFrame of flattened results (the CSV
    columns of ``vnpolitics tag`` plus ``error``), one row per input row."""
    import pandas as pd

    columns = [*CSV_COLUMNS, "error"]

    def partition(part: pd.DataFrame) -> pd.DataFrame:
        ids = part[id_column].astype(str) if id_column else part.index.astype(str)
        records = [
            Record(i, text=t) if isinstance(t, str) and t.strip() else Record(i, error="empty text")
            for i, t in zip(ids, part[text_column], strict=True)
        ]
        rows = []
        for record_id, result in _analyze_partition(records, model, trusted):
            rows.append(
                [record_id, *[""] * (len(columns) - 2), result] if isinstance(result, str) else [*csv_row(result), ""]
            )
        return pd.DataFrame(rows, columns=columns)

    meta = pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    return frame.map_partitions(partition, meta=meta)


def run_dask(
    records: Iterable[Record],
    workers: int,
    *,
    scheduler: str | None = None,
    model: str | None = None,
    trusted: bool = False,
    chunk: int = 2000,
    partition_size: int = 50,
) -> Iterator[list[tuple[str, Any]]]:
    """The Dask backend of ``vnpolitics tag``: records go to the cluster in chunks (so memory stays
    bounded and results are written as they come), each chunk's partitions in input order."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        iterator = iter(records)
        while True:
            batch = []
            for record in iterator:
                batch.append(record)
                if len(batch) == chunk:
                    break
            if not batch:
                return
            bag = db.from_sequence(batch, partition_size=partition_size)
            partitions = bag.map_partitions(_analyze_partition, model, trusted).to_delayed()
            futures = client.compute(partitions)
            for future in futures:
                yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
