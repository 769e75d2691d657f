"""Benchmark missionkit.tables.read_table on generated inputs.

Runs the property test's generator (tests/test_tables.py::any_table_file:
random tables with mutated column names, unicode text, blanks and numbers,
written as CSV in random encodings and delimiters, as XLSX, as DataFrames, or
as random bytes) for N examples, checking the same property as the test, and
prints examples per second.

    .venv/bin/python benchmarks/bench_loaders.py            # 1,000 examples
    .venv/bin/python benchmarks/bench_loaders.py -n 5000 --round-trip

"examples/s" is end to end (hypothesis generation, writing the file, reading
it back, checking); "read_table/s" counts only time inside read_table.
"""
from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--examples", type=int, default=1000, help="examples to run (default 1000)")
    parser.add_argument("--round-trip", action="store_true", help="also run the valid-table round-trip property")
    args = parser.parse_args()

    os.environ["MISSIONKIT_HYPOTHESIS_EXAMPLES"] = str(args.examples)  # read when the test module loads
    sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "bad_inputs")]
    import test_tables  # (tests/test_tables.py)

    import tests.conftest  # noqa: F401  (the suite's one hypothesis profile)

    outcomes: collections.Counter = collections.Counter()
    in_reader = [0.0]
    real_read = test_tables.read_table

    def timed_read(*a, **kw):
        t0 = time.perf_counter()
        try:
            return real_read(*a, **kw)
        finally:
            in_reader[0] += time.perf_counter() - t0

    real_check = test_tables.check_any_table

    def counting_check(case):
        outcome = real_check(case)
        outcomes[outcome] += 1
        return outcome

    test_tables.read_table = timed_read
    test_tables.check_any_table = counting_check

    runs = [("any input", test_tables.test_any_input_loads_or_explains, "any")]
    if args.round_trip:
        runs.append(("valid round trip", test_tables.test_valid_tables_round_trip_in_any_format, "valid"))
    for label, test, key in runs:
        outcomes.clear()
        in_reader[0] = 0.0
        before = test_tables.EXAMPLES_RUN[key]
        t0 = time.perf_counter()
        test()  # raises if the property fails on any example
        elapsed = time.perf_counter() - t0
        n = test_tables.EXAMPLES_RUN[key] - before
        detail = f" (loaded {outcomes['loaded']}, plain errors {outcomes['error']})" if outcomes else ""
        print(
            f"{label}: {n} examples in {elapsed:.1f} s = {n / elapsed:.0f} examples/s end to end; "
            f"read_table {n / in_reader[0]:.0f} calls/s{detail}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
