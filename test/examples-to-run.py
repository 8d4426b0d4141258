#! /usr/bin/env python3

# The mms examples that ns-3's test.py runs inside an ns-3 source tree (the module at
# contrib/mms, configured with --enable-examples), to keep them buildable and runnable. Each
# C++ tuple is (example_name with its arguments, do_run, do_valgrind_run); test.py runs them in
# its output folder (testpy-output/<date>/), where the results files they write land, and runs
# them in parallel: two runs must not share a results file (SQLite locks it while one records).
# The arguments keep every run to seconds: the smallest network (mms-first, radio and wired),
# the shipped national operator for one simulated minute, one load of the cell sweep.
# The standalone build does not read this file (CTest runs the examples there).
cpp_examples = [
    ("mms-first --pcap=0 --results=first-radio.sqlite", "True", "True"),
    (
        "mms-first --bearer=p2p --deliveryReport=1 --pcap=0 --results=first-p2p.sqlite",
        "True",
        "True",
    ),
    ("mms-wire-demo", "True", "True"),
    ("mms-busy-hour --duration=60 --drain=120 --results=none", "True", "False"),
    (
        "mms-cell-capacity --subscribers=20 --loads=0.3 --duration=120 --drain=120",
        "True",
        "False",
    ),
]

# No Python examples.
python_examples = []
