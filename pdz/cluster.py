"""Past one machine: the same per-document function a local worker runs (pipeline.process_file),
mapped over a Dask cluster. `pdz ingest --executor dask [--scheduler tcp://…] [--parquet DIR]`.

The run is the local one in every other respect — the plan (only new or changed files), the
staging copy, the writer, the links — so a cluster run and a local run give the same warehouse.
With --parquet each worker also writes the rows of the documents it read, partitioned by Ambito
and triennio (warehouse/parquet.py): the output of a national run that DuckDB queries as it is,
or that `warehouse.parquet.carica` loads into a warehouse elsewhere.

The files must be readable by the workers at the same path (a shared or mounted file system).
The per-document time and memory limits of the local workers are not applied here: a Dask
worker has its own memory limit (`--memory-limit` of dask-worker), and a document that kills a
worker is retried by Dask on another and reported failed when it kills that one too.
Install with `pip install -e '.[cluster]'`."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from corpus.discover import shown

from .risultato import Result, failed


class DaskMancante(Exception):
    def __init__(self):
        super().__init__("--executor dask richiede dask.distributed: pip install -e '.[cluster]'")


def estrai(path: str, version: str, parquet: str | None = None) -> Result:
    """One task: a document in, its Result out (and its Parquet files, when asked)."""
    from .pipeline import process_file      # on the cluster's worker, not in the process that loads
    res = process_file(path, version)
    if res.ok and parquet:
        from warehouse.parquet import scrivi
        scrivi(res.rows, Path(parquet))
    return res


def dask_executor(scheduler: str | None = None, parquet: Path | None = None, client=None):
    """An `extract`-shaped callable for pdz.ingest.run: (paths, version, jobs, limits) ->
    Results as they finish. `scheduler` is a running cluster's address; without it (and without
    a `client`) a LocalCluster of `jobs` single-threaded worker processes is started and stopped."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise DaskMancante() from None

    def extract(paths: list[Path], version: str, jobs: int, limits=None) -> Iterator[Result]:
        if not paths:
            return
        own = client is None
        cluster = None
        if own and scheduler:
            c = Client(scheduler)
        elif own:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            c = Client(cluster)
        else:
            c = client
        try:
            out = str(parquet.resolve()) if parquet else None
            futures = {c.submit(estrai, str(p.resolve()), version, out, pure=False): p for p in paths}
            for fut in as_completed(futures):
                p = futures[fut]
                try:
                    yield fut.result()
                except Exception as e:       # the task itself died (a worker lost twice, say)
                    yield failed(shown(p.name), shown(p.resolve()),
                                 f'estrazione su Dask non riuscita: {type(e).__name__}: {e}', fase='pipeline')
        finally:
            if own:
                c.close()
                if cluster is not None:
                    cluster.close()

    return extract
