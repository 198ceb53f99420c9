"""DuckDB extensions loaded offline from their PyPI packages (duckdb-ext-<name>, pinned with
duckdb in pyproject.toml): nothing is downloaded when pdz runs."""
from __future__ import annotations

import glob
import os
import site
import sysconfig

import duckdb


def path(name: str) -> str | None:
    """The extension file a duckdb-ext-<name> package installed, if any."""
    roots = [sysconfig.get_paths()['purelib'], *site.getsitepackages()]
    for root in roots:
        hits = glob.glob(os.path.join(root, 'duckdb_ext', 'extensions', f'v{duckdb.__version__}', '*',
                                      f'{name}.duckdb_extension'))
        if hits:
            return hits[0]
    return None


def load(con, name: str) -> bool:
    """LOAD the extension; False when it is not installed here."""
    p = path(name)
    try:
        if p:
            con.execute('LOAD ' + "'" + p.replace("'", "''") + "'")   # LOAD takes no parameters
        else:
            con.execute(f'LOAD {name}')
        return True
    except duckdb.Error:
        return False
