import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# the same examples on every run: CI must not pass or fail by the draw
settings.register_profile('pdz', derandomize=True, deadline=None, max_examples=150)
settings.load_profile('pdz')

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / 'tests'))
SAMPLES = ROOT / 'corpus' / 'samples'


@pytest.fixture
def sample(tmp_path):
    """Copy a bundled sample PDF into a scratch folder: sample('treviglio-…') -> Path."""
    def get(name: str, folder: Path | None = None) -> Path:
        dest = (folder or tmp_path) / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / name, dest)
        return dest
    return get


# the researcher's tests share one warehouse built from three of the bundled samples (≈10 s),
# built once per run even with several xdist workers (the first one builds, the others wait)
CAMPIONI = ['treviglio-pdz-2025-2027-obiettivi.pdf', 'treviglio-pdz-2018-2020.pdf',
            'treviglio-matrice-monitoraggio-2025.pdf']


@pytest.fixture(scope='session')
def warehouse_campioni(tmp_path_factory) -> Path:
    import os
    import time
    root = tmp_path_factory.getbasetemp()
    if os.environ.get('PYTEST_XDIST_WORKER'):      # the workers' folders share this run's parent
        root = root.parent
    db, lock = root / 'campioni.duckdb', root / 'campioni.lock'
    try:
        fd = os.open(lock, os.O_CREAT | os.O_EXCL)
    except FileExistsError:
        for _ in range(6000):             # 20 minutes: on a shared, loaded machine the build is slow
            if (root / 'campioni.ok').exists():
                return db
            time.sleep(0.2)
        raise TimeoutError('warehouse dei campioni non pronto')
    os.close(fd)
    from pdz.ingest import run
    folder = root / 'campioni'
    folder.mkdir(exist_ok=True)
    for name in CAMPIONI:
        shutil.copy(SAMPLES / name, folder / name)
    assert run([folder], db, jobs=1).ok
    (root / 'campioni.ok').touch()
    return db
