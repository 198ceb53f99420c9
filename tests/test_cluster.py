"""`pdz ingest --executor dask`: the same per-document function on a Dask LocalCluster gives the
same warehouse as the local workers, and its Parquet output (partitioned by Ambito and triennio)
loads into a warehouse with the same rows again."""
from __future__ import annotations

import duckdb
from dask.distributed import Client, LocalCluster
from typer.testing import CliRunner

from conftest import SAMPLES
from pdfgen import plan_pdf
from pdz.cli import app
from pdz.cluster import dask_executor
from pdz.ingest import run
from warehouse import derivati
from warehouse.parquet import carica
from warehouse.store import connect

# what differs between two runs over the same bytes: when they ran
VOLATILE = {'estratto_il'}
TABLES = ('documenti', 'obiettivi', 'azioni', 'indicatori', 'rilevazioni', 'esiti', 'anomalie')


def rows(db) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for t in TABLES:
            cols = [c for (c,) in con.execute('SELECT column_name FROM information_schema.columns '
                                               'WHERE table_name = ? ORDER BY ordinal_position', [t]).fetchall()
                    if c not in VOLATILE]
            out[t] = sorted(con.execute(f'SELECT {", ".join(cols)} FROM {t}').fetchall(), key=repr)
        return out
    finally:
        con.close()


def _docs(tmp_path):
    docs = tmp_path / 'docs'
    docs.mkdir()
    (docs / 'treviglio.pdf').write_bytes((SAMPLES / 'treviglio-pdz-2025-2027-obiettivi.pdf').read_bytes())
    (docs / 'dalmine.pdf').write_bytes(plan_pdf('Dalmine', '2021-2023'))
    (docs / 'matrice.pdf').write_bytes((SAMPLES / 'treviglio-matrice-monitoraggio-2025.pdf').read_bytes())
    return docs


def test_a_dask_cluster_run_writes_the_rows_of_the_local_run_and_parquet_that_loads_back(tmp_path):
    docs = _docs(tmp_path)
    local, remote, parquet = tmp_path / 'locale.duckdb', tmp_path / 'dask.duckdb', tmp_path / 'parquet'
    assert run([docs], local, jobs=2).ok
    expected = rows(local)
    assert expected['obiettivi'] and expected['indicatori']       # something real to compare

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        s = run([docs], remote, executor=dask_executor(parquet=parquet, client=client))
    assert s.ok and sorted(s.new) == ['dalmine.pdf', 'matrice.pdf', 'treviglio.pdf']
    assert rows(remote) == expected

    # partitioned by Ambito and triennio, one file per document and table, queryable as it is
    assert sorted(p.relative_to(parquet / 'documenti').parent.as_posix()
                  for p in (parquet / 'documenti').rglob('*.parquet')) == [
        'ambito_id=dalmine/triennio=2021-2023', 'ambito_id=treviglio/triennio=2025-2027',
        'ambito_id=treviglio/triennio=2025-2027']
    n = duckdb.connect().execute("SELECT count(*) FROM read_parquet($p, hive_partitioning = true) "
                                 "WHERE ambito_id = 'treviglio'", {'p': str(parquet / 'obiettivi' / '**' / '*.parquet')})
    assert n.fetchone()[0] == duckdb.connect(str(local), read_only=True).execute(
        "SELECT count(*) FROM obiettivi JOIN documenti USING (documento_id) WHERE documenti.ambito_id = 'treviglio'").fetchone()[0]

    # loaded into an empty warehouse: the same rows; loaded again: replaced, not doubled
    loaded = tmp_path / 'caricato.duckdb'
    con = connect(loaded)
    assert len(carica(con, parquet)) == 3
    assert len(carica(con, parquet)) == 3
    derivati.rebuild(con)
    con.close()
    assert rows(loaded) == expected


def test_the_command_line_names_a_missing_executor_in_one_sentence(tmp_path):
    docs = _docs(tmp_path)
    r = CliRunner().invoke(app, ['ingest', str(docs), '--db', str(tmp_path / 'w.duckdb'), '--executor', 'ray'])
    assert r.exit_code == 2 and "'ray' sconosciuto" in r.output
    r = CliRunner().invoke(app, ['ingest', str(docs), '--db', str(tmp_path / 'w.duckdb'), '--parquet', str(tmp_path)])
    assert r.exit_code == 2 and 'solo con --executor dask' in r.output
