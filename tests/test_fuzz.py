"""A few seeded damaged variants of a sample in one folder with the good file: the run ends,
every file is accounted for, the good file is complete, SQL the sandbox must refuse is refused.
(`make stress` runs hundreds, with the hostile shapes of tests/hostile.py among them.)"""
from fuzz import SAMPLES, trial


def test_damaged_variants_never_crash_or_hang_the_run_and_the_good_file_is_complete(tmp_path):
    r = trial(tmp_path, [SAMPLES / 'treviglio-pdz-2025-2027-obiettivi.pdf'], count=20, seed=9, jobs=2,
              timeout=60, fixed=False)
    assert r['crashes'] == 0 and r['hangs'] == 0
    assert r['unaccounted'] == 0
    assert r['good'] == r['good_of'] == 1
    assert r['ingested'] + r['rejected'] == 20
    assert r['refused'] == r['statements']
    assert r['silent_losses'] == 0, r['silent_names']
