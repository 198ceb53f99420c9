"""The last line of defence of the `pdz` command: an error that reaches it becomes one plain
sentence and an exit code — 2 for the environment (warehouse busy, disk, permissions), 3 for a
bug of pdz itself (never 1, which means "some files failed")."""
from __future__ import annotations

import sys

import duckdb

from warehouse.lock import WarehouseInUso

ENVIRONMENT, INTERNAL = 2, 3


def _say(text: str) -> None:
    try:
        print(text, file=sys.stderr)
    except Exception:
        pass


def guarded(app) -> None:
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        _say('interrotto')
        sys.exit(130)
    except WarehouseInUso as e:
        _say(str(e))
        sys.exit(ENVIRONMENT)
    except (OSError, duckdb.IOException, duckdb.PermissionException, duckdb.OutOfMemoryException) as e:
        _say(f'errore di ambiente: {e}')
        sys.exit(ENVIRONMENT)
    except BaseException as e:
        _say(f'errore interno di pdz ({type(e).__name__}: {e}): da segnalare agli sviluppatori')
        sys.exit(INTERNAL)
