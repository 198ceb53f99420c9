"""Reading a test's warehouse as a reader would: a read-only connection per question, closed
after it (so it never holds the file while the test runs an ingest)."""
import duckdb


def q(db, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params or [])).fetchall()
    finally:
        con.close()
