#!/usr/bin/env bash
# Wall time of one large run in one process and on two ranks (mpirun -np 2 mms-busy-hour --mpi),
# and the speed-up; prints figures, checks nothing but that both runs record the same rows.
#
#   utils/mms-mpi-benchmark.sh BUSY_HOUR [--cells=60] [--subscribers=60000] [--duration=150]
#                              [--drain=150] [--rate=0.1]
#
# BUSY_HOUR is the mms-busy-hour program of an ns-3 tree built with --enable-mpi (e.g.
# build/contrib/mms/examples/ns3.48-mms-busy-hour-optimized). The scenario is two operator
# areas (utils/mms-scenario-generate.py --mmscs 2), rate the messages per subscriber and hour.
# Runs in a scratch folder under the current one. Exit status 2 for bad arguments.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
busy="" cells=60 subscribers=60000 duration=150 drain=150 rate=0.1
for arg in "$@"; do
    case "$arg" in
        --cells=*) cells="${arg#*=}" ;;
        --subscribers=*) subscribers="${arg#*=}" ;;
        --duration=*) duration="${arg#*=}" ;;
        --drain=*) drain="${arg#*=}" ;;
        --rate=*) rate="${arg#*=}" ;;
        -*) echo "mms-mpi-benchmark.sh: unknown option '$arg'" >&2; exit 2 ;;
        *) busy="$arg" ;;
    esac
done
[ -x "$busy" ] || { echo "mms-mpi-benchmark.sh: give the mms-busy-hour program of an MPI build" >&2; exit 2; }
busy="$(cd "$(dirname "$busy")" && pwd)/$(basename "$busy")"
work="mms-mpi-benchmark" && rm -rf "$work" && mkdir -p "$work" && cd "$work"
python3 "$here/utils/mms-scenario-generate.py" --name two-operators --mmscs 2 --cells "$cells" \
    --subscribers "$subscribers" --regions 5 >two-operators.dot
args=(--scenario=two-operators.dot --duration="$duration" --drain="$drain" --plan=false --RngRun=1
    --ns3::MmsTrafficModel::MessagesPerHour="$rate")
root=()
[ "$(id -u)" -ne 0 ] || root=(--allow-run-as-root)
t0=$(date +%s.%N)
"$busy" "${args[@]}" --results=one.sqlite >one.log 2>&1
t1=$(date +%s.%N)
mpirun "${root[@]}" -np 2 "$busy" --mpi "${args[@]}" --results=two.sqlite >two.log 2>&1
t2=$(date +%s.%N)
echo "scenario: $cells cells, $subscribers subscribers in two areas; $duration s of traffic at $rate" \
    "messages per subscriber and hour, $drain s to finish; $(nproc) cores"
for f in one two; do
    printf '%-10s %s; %s\n' "$([ $f = one ] && echo '1 process' || echo '2 ranks')" \
        "$(grep -m1 '^built in' $f.log | cut -d';' -f1)" "$(grep -m1 '^simulated' $f.log)"
done
python3 - "$t0" "$t1" "$t2" <<'PY'
import sys
t0, t1, t2 = map(float, sys.argv[1:])
print("wall time: 1 process %.1f s, 2 ranks %.1f s, speed-up %.2f" % (t1 - t0, t2 - t1, (t1 - t0) / (t2 - t1)))
PY
python3 "$here/test/check-mpi-run.py" one.sqlite two.rank0.sqlite two.rank1.sqlite | head -n 3
